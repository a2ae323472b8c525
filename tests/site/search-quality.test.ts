/**
 * Search quality over a 1,000-entry registry of every kind (the benchmark's, from the Dutch
 * register): every entry is found, in its language, from its name and from a distinctive word of
 * its summary, by Pagefind's own search over the index the build writes from the entries' search
 * records (src/search/). The pages are rendered as the build renders them (`renderEntryPage`),
 * which leaves the records; the index is written by the same code as the build's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/registry/load.ts';
import { entryKinds, type EntryKind } from '../../src/registry/kinds/index.ts';
import type { Language } from '../../src/registry/schemas/index.ts';
import { writeSearchIndex } from '../../src/search/integration.ts';
import { takeSearchRecords, type SearchRecord } from '../../src/search/record-store.ts';
import { entryName, entrySummary } from '../../src/utils/entry-meta.ts';
import { entryPageId, renderEntryPage } from '../../src/utils/entry-page.ts';
import { siteRegistryOf } from '../components/sample-site.ts';
import { buildNlRegistry } from '../fixtures/nl-registry.ts';
import { config } from './dist.ts';
import { openBundle, type BundleSearch } from './pagefind-search.ts';

/** How many results a reader sees before asking for more (Pagefind's interface shows 5). */
const firstResults = 5;

interface Target {
	kind: EntryKind;
	id: string;
	lang: Language;
	url: string;
	name: string;
	summary: string;
}

const work = mkdtempSync(join(tmpdir(), 'search-quality-'));
let records: SearchRecord[] = [];
const targets: Target[] = [];
const search = new Map<Language, BundleSearch>();

beforeAll(async () => {
	const registryDir = join(work, 'registry');
	buildNlRegistry(registryDir, 1000);
	const loaded = await loadRegistry(registryDir);
	expect(loaded.rejected).toEqual([]);
	const registry = siteRegistryOf(loaded);
	takeSearchRecords();
	for (const kind of entryKinds) {
		for (const entry of registry.entries[kind]) {
			for (const lang of ['fr', 'en'] as const) {
				renderEntryPage(entry, { kind, lang, registry, config });
			}
			// "In its language": the language its texts were written in.
			const lang = entry.data.language.original;
			targets.push({
				kind,
				id: entry.id,
				lang,
				url: `/${entryPageId(kind, entry.id, lang)}/`,
				name: entryName(entry, kind, lang).text,
				summary: entrySummary(entry, kind, lang)?.text ?? '',
			});
		}
	}
	records = takeSearchRecords();
	for (const record of records) wordSets.set(record, new Set(words(record.content, 1)));
	const bundle = join(work, 'pagefind');
	await writeSearchIndex({ records, outputPath: bundle });
	for (const lang of ['fr', 'en'] as const) search.set(lang, await openBundle(bundle, lang));
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The words of a text, as a reader would type them (letters only, `least` of them at least). */
function words(text: string, least = 4): string[] {
	return text.toLowerCase().match(new RegExp(`\\p{L}{${least},}`, 'gu')) ?? [];
}

/** The words of each record's text. */
const wordSets = new Map<SearchRecord, Set<string>>();

describe('search over 1,000 entries of every kind', () => {
	it('has one record per entry page, in its language', () => {
		expect(targets.length).toBe(1000);
		expect(records.length).toBe(2000);
		expect(new Set(records.map((record) => `${record.language} ${record.url}`)).size).toBe(2000);
	});

	it('finds every entry from its name, among the first results when no other page holds it', async () => {
		const missed: string[] = [];
		for (const target of targets) {
			// A name no other page holds must be among the first results; one that others hold in
			// full (« Anonimiseren », its copies, the entries naming it) among the results.
			const name = words(target.name, 1);
			const alike = records.filter(
				(record) =>
					record.language === target.lang &&
					record.url !== target.url &&
					name.every((word) => wordSets.get(record)?.has(word)),
			).length;
			const found = await search
				.get(target.lang)
				?.urls(target.name, alike ? records.length : firstResults);
			if (!found?.includes(target.url)) missed.push(`${target.url} « ${target.name} » (${alike})`);
		}
		expect(missed).toEqual([]);
	}, 300_000);

	it('finds every entry from the rarest word of its summary', async () => {
		// How many pages of the same language hold each word: the rarest is the most distinctive.
		const frequency = new Map<string, number>();
		for (const record of records) {
			for (const word of wordSets.get(record) ?? []) {
				const key = `${record.language} ${word}`;
				frequency.set(key, (frequency.get(key) ?? 0) + 1);
			}
		}
		const missed: string[] = [];
		for (const target of targets) {
			const [word] = words(target.summary)
				.map((word) => ({ word, count: frequency.get(`${target.lang} ${word}`) ?? 0 }))
				.sort((a, b) => a.count - b.count);
			expect(word, `${target.url} has a summary`).toBeDefined();
			if (!word) continue;
			// Among the results: Pagefind's stemming also matches the word's variants in other pages.
			const found = await search.get(target.lang)?.urls(word.word, records.length);
			if (!found?.includes(target.url))
				missed.push(`${target.url} « ${word.word} » (${word.count})`);
		}
		expect(missed).toEqual([]);
	}, 300_000);
});
