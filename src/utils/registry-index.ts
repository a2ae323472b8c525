import { facetValues, facetsFor, type Facet } from '../registry/facets.ts';
import { schemaAt, valueAt } from '../registry/schema-fields.ts';
import { fieldDoc, type Text } from '../registry/schemas/index.ts';
import { vocabularyValue } from '../registry/vocabularies.ts';
import { kindOf, type EntryKind } from '../registry/kinds/index.ts';
import type { Lang } from '../i18n/ui.ts';
import { entryName, entrySummary, pageDescription } from './entry-meta.ts';
import { pickText, registryPath } from './registry-paths.ts';
import { siteEntries, siteEntry, type SiteEntry, type SiteRegistry } from './site-registry.ts';

/** Entries per page of an index without JavaScript. */
export const pageSize = 50;

/** One row of an index, as both the static page and the filter script show it. */
export interface IndexRow {
	id: string;
	href: string;
	name: string;
	summary: string;
	/** Language of name and summary when they fell back to the other language. */
	lang?: Lang;
	/** Labels shown under the summary, e.g. status and risk class. */
	badges: string[];
	/** For each facet, in order, the indexes of the entry's values in that facet's value list. */
	facets: number[][];
}

/** A facet with its values, labels and counts, ready to display. */
export interface IndexFacet extends Facet {
	labelText: string;
	values: { key: string; label: string; count: number }[];
}

/** A whole index in one language: facets and rows sorted by name. */
export interface IndexData {
	kind: EntryKind;
	facets: IndexFacet[];
	rows: IndexRow[];
}

const caches = new WeakMap<SiteRegistry, Map<string, IndexData>>();

/** Builds (once per registry, kind and language) the rows and facets of an index. */
export function indexData(registry: SiteRegistry, kind: EntryKind, lang: Lang): IndexData {
	const key = `${kind}:${lang}`;
	let cache = caches.get(registry);
	if (!cache) caches.set(registry, (cache = new Map()));
	const cached = cache.get(key);
	if (cached) return cached;
	const entries = siteEntries(registry, kind);
	const facets = facetsFor(kind);
	const valueIndexes = facets.map(() => new Map<string, number>());
	const facetKeys = facets.map((): string[] => []);
	const counts = facets.map((): number[] => []);
	const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
	const rows = entries.map((entry): IndexRow => {
		const name = entryName(entry, kind, lang);
		const summary = entrySummary(entry, kind, lang);
		const rowFacets = facets.map((facet, f) =>
			facetValues(entry.data, facet, lang).map((value) => {
				const indexes = valueIndexes[f] as Map<string, number>;
				let index = indexes.get(value);
				if (index === undefined) {
					index = indexes.size;
					indexes.set(value, index);
					(facetKeys[f] as string[]).push(value);
				}
				const facetCounts = counts[f] as number[];
				facetCounts[index] = (facetCounts[index] ?? 0) + 1;
				return index;
			}),
		);
		return {
			id: entry.id,
			href: registryPath(lang, kind, entry.id),
			name: name.text,
			// Cut like a page description: a list reads best with a line or two per entry.
			summary: pageDescription(summary?.text ?? ''),
			...(name.lang !== lang && { lang: name.lang }),
			badges: badgesOf(entry, kind, registry, lang),
			facets: rowFacets,
		};
	});
	rows.sort((a, b) => collator.compare(a.name, b.name));
	const data: IndexData = {
		kind,
		rows,
		facets: facets.map((facet, f) => ({
			...facet,
			labelText: facet.label[lang],
			values: (facetKeys[f] as string[]).map((value, index) => ({
				key: value,
				label: facetValueLabel(registry, facet, value, lang),
				count: (counts[f] as number[])[index] ?? 0,
			})),
		})),
	};
	cache.set(key, data);
	return data;
}

/** The badges of an index line: the values of the kind's badge fields, as the reader reads them. */
function badgesOf(entry: SiteEntry, kind: EntryKind, registry: SiteRegistry, lang: Lang) {
	const { schema, badges } = kindOf(kind);
	return badges.flatMap((path) => {
		const value = valueAt(entry.data, path);
		const vocabulary = fieldDoc(schemaAt(schema, path))?.vocabulary;
		if (typeof value !== 'string') return pickText(value as Text | undefined, lang)?.text ?? [];
		if (!vocabulary) return value;
		return vocabularyValue(registry.vocabularies, vocabulary, value)?.label[lang] ?? value;
	});
}

/** How a facet value reads: its vocabulary label, the referenced entry's name, yes/no, or itself. */
function facetValueLabel(registry: SiteRegistry, facet: Facet, value: string, lang: Lang): string {
	if (facet.vocabulary) {
		return vocabularyValue(registry.vocabularies, facet.vocabulary, value)?.label[lang] ?? value;
	}
	if (facet.references) {
		const entry = siteEntry(registry, facet.references, value);
		return entry ? entryName(entry, facet.references, lang).text : value;
	}
	if (facet.yesNo) return (value === 'yes' ? facet.yesNo.yes : facet.yesNo.no)[lang];
	return value;
}
