import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/config/load.ts';
import { vocabularyValue } from '../../src/registry/vocabularies.ts';
import { takeSearchRecords } from '../../src/search/record-store.ts';
import { renderEntryPage } from '../../src/utils/entry-page.ts';
import { sampleSite } from '../components/sample-site.ts';

const registry = await sampleSite();
const config = loadSiteConfig();

/** The page of a sample system in French, and the search record its rendering leaves. */
function pageAndRecord(id: string) {
	const entry = registry.byId.systems.get(id);
	if (!entry) throw new Error(`no system ${id}`);
	takeSearchRecords();
	const html = renderEntryPage(entry, { kind: 'systems', lang: 'fr', registry, config });
	const [record, ...more] = takeSearchRecords();
	expect(more).toEqual([]);
	return { html, entry, content: record?.content ?? '' };
}

describe('an entry’s search record', () => {
	it('holds the texts the reader reads, not what the page marks unsearched', () => {
		const { html, entry, content } = pageAndRecord('clairval-repond');
		const purpose = entry.data.purpose.fr ?? '';
		expect(content).toContain(purpose.slice(0, 40));
		// The page shows them; the record leaves them out: the page menu, the entry record section
		// (provenance and history), the JSON link and the glossary's definitions.
		const unsearched = [
			'Sur cette page',
			'Suivi de la fiche',
			'Télécharger la fiche en JSON',
			vocabularyValue(registry.vocabularies, 'personal-data', 'personal')?.definition?.fr ?? '',
		];
		for (const text of unsearched) {
			expect(text).not.toBe('');
			expect(html).toContain(text);
			expect(content).not.toContain(text);
		}
	});
});
