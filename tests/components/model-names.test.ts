/**
 * A model's name and provider in both languages (issue #12, item 7): an English page names an
 * in-house model and its provider in English, the systems' provider facet (read through their
 * models) too, and the CSV carries both.
 */
import { describe, expect, it } from 'vitest';
import { csvTables, tableToCsv } from '../../src/registry/exports/csv.ts';
import { entryName } from '../../src/utils/entry-meta.ts';
import { indexData } from '../../src/utils/registry-index.ts';
import { parseCsvFile, testPageUrl } from '../registry/exports/csv-files.ts';
import { sampleSite } from './sample-site.ts';

const registry = await sampleSite();
const model = (id: string) => {
	const found = registry.entries.models.find((entry) => entry.id === id);
	if (!found) throw new Error(`no sample model ${id}`);
	return found;
};

describe('a model’s name and provider', () => {
	it('title an English page in English, a French one in French', () => {
		const agent = model('agent-reseau-chaleur');
		expect(entryName(agent, 'models', 'en')).toEqual({
			text: 'District heating network control agent',
			lang: 'en',
		});
		expect(entryName(agent, 'models', 'fr')).toEqual({
			text: 'Agent de pilotage du réseau de chaleur',
			lang: 'fr',
		});
		// An entry not yet translated shows its French name, marked as French.
		expect(entryName(model('regroupement-contributions'), 'models', 'en')).toEqual({
			text: 'Regroupement thématique des contributions',
			lang: 'fr',
		});
	});

	it('fill the English models index and its provider facet in English', () => {
		const index = indexData(registry, 'models', 'en');
		const row = index.rows.find((candidate) => candidate.id === 'agent-reseau-chaleur');
		expect(row?.name).toBe('District heating network control agent');
		expect(row?.lang).toBeUndefined();
		const provider = index.columns.findIndex((column) => column.name === 'provider');
		expect(row?.cells[provider]).toBe('Clairval Metropolitan Authority');
		const labels = index.facets.find((facet) => facet.name === 'provider')?.values;
		expect(labels?.map((value) => value.label)).toContain('Clairval Metropolitan Authority');
		expect(labels?.map((value) => value.label)).toContain('Mistral AI');
		// The untranslated entry's provider is its French one, as its page shows it.
		expect(labels?.map((value) => value.label)).toContain('Métropole de Clairval');
		const french = indexData(registry, 'models', 'fr').facets.find((f) => f.name === 'provider');
		expect(french?.values.map((value) => value.label)).not.toContain(
			'Clairval Metropolitan Authority',
		);
	});

	it('name the provider of a system’s models in the page’s language', () => {
		const facet = (lang: 'fr' | 'en') =>
			indexData(registry, 'systems', lang)
				.facets.find((candidate) => candidate.name === 'provider')
				?.values.map((value) => value.label);
		expect(facet('en')).toContain('Clairval Metropolitan Authority');
		expect(facet('fr')).toContain('Métropole de Clairval');
		expect(facet('fr')).not.toContain('Clairval Metropolitan Authority');
	});

	it('reach the CSV in both languages', () => {
		const table = csvTables('models')[0];
		if (!table) throw new Error('no models table');
		const options = { vocabularies: registry.vocabularies, pageUrl: testPageUrl };
		const [row] = parseCsvFile(tableToCsv(table, [model('agent-reseau-chaleur').data], options));
		expect(row?.['name.fr']).toBe('Agent de pilotage du réseau de chaleur');
		expect(row?.['name.en']).toBe('District heating network control agent');
		expect(row?.['provider.fr']).toBe('Métropole de Clairval');
		expect(row?.['provider.en']).toBe('Clairval Metropolitan Authority');
	});
});
