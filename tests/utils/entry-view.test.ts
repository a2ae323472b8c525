import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { useRegistryTranslations } from '../../src/i18n/registry.ts';
import { renderEntry } from '../../src/utils/entry-view.ts';
import { vocabularyValue } from '../../src/registry/vocabularies.ts';
import { referencesOf } from '../../src/utils/site-registry.ts';
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

describe('an entry’s provenance', () => {
	const drafted = {
		provider: 'mistral',
		model: 'mistral-small-latest',
		date: '2026-10-04',
		tokens: { input: 4000, output: 200 },
		cost: { amount: 0.0012, currency: 'EUR' },
		energyWh: { min: 0.2, max: 0.6 },
	};
	const provenance = (revisions: unknown[]) => ({
		provenance: { issue: 15, drafted, fields: {}, revisions },
	});

	it('gives the draft’s footprint as far as it is known, in each language', () => {
		const french = rendered('clairval-repond', provenance([]), 'fr');
		expect(french).toContain(
			'Empreinte estimée de ce brouillon\u202f: 4\u202f200\u00a0jetons, environ 0,0012\u00a0€, de 0,20 à 0,60\u00a0Wh.',
		);
		const english = rendered('clairval-repond', provenance([]), 'en');
		expect(english).toContain(
			'Estimated footprint of this draft: 4,200 tokens, about €0.0012, 0.20 to 0.60 Wh.',
		);
		const tokensOnly = {
			provenance: { drafted: { ...drafted, cost: undefined, energyWh: undefined } },
		};
		expect(rendered('clairval-repond', tokensOnly, 'en')).toContain('this draft: 4,200 tokens.');
	});

	it('lists each change, newest first, and one the team made by hand without a field list', () => {
		const html = rendered(
			'clairval-repond',
			provenance([
				{ issue: 41, date: '2026-11-20', drafted, fields: ['risks'] },
				{ issue: 77, date: '2026-12-01', fields: [] },
			]),
			'fr',
		);
		const byHand = html.indexOf(
			'Modifiée le 1er décembre 2026 à la suite du ticket <a href="https://github.com/o/r/issues/77">#77</a>.',
		);
		const drafted41 = html.indexOf(
			'Modifiée le 20 novembre 2026 à la suite du ticket <a href="https://github.com/o/r/issues/41">#41</a>\u202f: Risques et mesures.',
		);
		expect(byHand).toBeGreaterThan(0);
		expect(drafted41).toBeGreaterThan(byHand);
		expect(html).toContain(
			'Modification rédigée avec l’aide de l’IA (mistral, modèle mistral-small-latest).',
		);
	});
});

describe('a term’s definition', () => {
	it('is shown once per page, where the term first appears', () => {
		const source = (fr: string) => ({ name: { fr }, personalData: 'personal', uses: ['input'] });
		const dataSources = [source('Demandes'), source('Dossiers')];
		const html = rendered('clairval-repond', { dataSources }, 'fr');
		const definition =
			vocabularyValue(registry.vocabularies, 'personal-data', 'personal')?.definition?.fr ?? '';
		expect(definition).not.toBe('');
		expect(html.split(definition).length - 1).toBe(1);
		expect(html.split('>Personnelles<').length - 1).toBe(2);
	});
});

describe('a dataset’s "used by" list', () => {
	it('leaves out a source name that only repeats the dataset’s own name', () => {
		const dataset = registry.byId.datasets.get('base-sirene');
		if (!dataset) throw new Error('no dataset base-sirene');
		const [reference] = referencesOf(registry, 'datasets', dataset.id);
		const item = reference?.item as { name?: Record<string, string> } | undefined;
		if (!item?.name) throw new Error('base-sirene is used by no named data source');
		const page = (lang: 'fr' | 'en') =>
			toHtml(
				renderEntry(dataset, {
					lang,
					kind: 'datasets',
					registry,
					t: useRegistryTranslations(lang),
					repositoryUrl: 'https://github.com/o/r',
				}),
			);
		const source = { fr: '>Source<', en: '>Source<' };
		const own = item.name;
		expect(page('fr')).toContain(source.fr);
		try {
			item.name = { fr: String(dataset.data.name.fr), en: String(dataset.data.name.en) };
			expect(page('fr')).not.toContain(source.fr);
			expect(page('en')).not.toContain(source.en);
		} finally {
			item.name = own;
		}
	});
});
