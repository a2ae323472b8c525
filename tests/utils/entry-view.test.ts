import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { useRegistryTranslations } from '../../src/i18n/registry.ts';
import { renderEntry } from '../../src/utils/entry-view.ts';
import { sampleSite } from '../components/sample-site.ts';

const registry = await sampleSite();

/** An entry's page content, as HTML, in a language. */
function rendered(id: string, data: Record<string, unknown>, lang: 'fr' | 'en') {
	const entry = registry.byId.systems.get(id);
	if (!entry) throw new Error(`no system ${id}`);
	const nodes = renderEntry(
		{ ...entry, data: { ...entry.data, ...data } as typeof entry.data },
		{
			lang,
			kind: 'systems',
			registry,
			t: useRegistryTranslations(lang),
			repositoryUrl: 'https://github.com/o/r',
		},
	);
	return toHtml(nodes);
}

describe('an entry’s card', () => {
	it('says who reviewed it and when, or that no one has yet', () => {
		const reviewed = rendered('clairval-repond', {}, 'fr');
		expect(reviewed).toContain('Revue par');
		expect(reviewed).toContain('Direction de la communication');
		const review = { next: '2027-01-15' };
		expect(rendered('clairval-repond', { review }, 'fr')).toContain('Pas encore revue');
		expect(rendered('clairval-repond', { review }, 'en')).toContain('Not yet reviewed');
	});
});
