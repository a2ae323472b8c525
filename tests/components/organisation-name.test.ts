import { describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../src/config/schema.ts';
import { organisationInSentence, siteConfig } from '../../src/components/site-values.ts';

/** The sample's configuration with another name and article. */
function named(
	fr: string,
	article: SiteConfig['organisation']['article']['fr'],
	en = fr,
): SiteConfig {
	const config = siteConfig();
	return {
		...config,
		organisation: {
			...config.organisation,
			name: { fr, en },
			article: { fr: article, en: article ? 'the' : '' },
		},
	};
}

describe('the organisation’s name in a sentence', () => {
	it('takes its article, contracted after a French preposition', () => {
		const metropole = named('Métropole de Clairval', 'la', 'Clairval Metropolitan Authority');
		expect(organisationInSentence(metropole, 'fr')).toBe('la Métropole de Clairval');
		expect(organisationInSentence(metropole, 'fr', { preposition: 'de' })).toBe(
			'de la Métropole de Clairval',
		);
		expect(organisationInSentence(metropole, 'fr', { start: true })).toBe(
			'La Métropole de Clairval',
		);
		expect(organisationInSentence(metropole, 'en', { start: true })).toBe(
			'The Clairval Metropolitan Authority',
		);
		const conseil = named('Conseil départemental', 'le');
		expect(organisationInSentence(conseil, 'fr', { preposition: 'de' })).toBe(
			'du Conseil départemental',
		);
		expect(organisationInSentence(conseil, 'fr', { preposition: 'à' })).toBe(
			'au Conseil départemental',
		);
		const hopitaux = named('Hospices civils', 'les');
		expect(organisationInSentence(hopitaux, 'fr', { preposition: 'de' })).toBe(
			'des Hospices civils',
		);
		const agence = named('Agence du numérique', 'l’');
		expect(organisationInSentence(agence, 'fr', { preposition: 'de' })).toBe(
			'de l’Agence du numérique',
		);
		expect(organisationInSentence(agence, 'fr', { start: true })).toBe('L’Agence du numérique');
	});

	it('stands alone without an article, eliding « de » before a vowel', () => {
		expect(organisationInSentence(named('Acme', ''), 'fr', { preposition: 'de' })).toBe('d’Acme');
		expect(
			organisationInSentence(named('Bordeaux Métropole', ''), 'fr', { preposition: 'de' }),
		).toBe('de Bordeaux Métropole');
		expect(organisationInSentence(named('Acme', ''), 'en')).toBe('Acme');
	});
});
