import { facetValues, facetsFor, type EntryLookup, type Facet } from '../registry/facets.ts';
import { kindOf, type EntryKind, type IndexColumn } from '../registry/kinds/index.ts';
import { vocabularyValue } from '../registry/vocabularies.ts';
import { useRegistryTranslations } from '../i18n/registry.ts';
import { type Language } from '../registry/schemas/index.ts';
import { entryName, entrySummary, pageDescription } from './entry-meta.ts';
import { registryPath } from './registry-paths.ts';
import {
	referencesOf,
	siteEntries,
	siteEntry,
	type SiteEntry,
	type SiteRegistry,
} from './site-registry.ts';

/** Entries per page of an index without JavaScript. */
export const pageSize = 50;

/** Values a facet lists in full, those no entry has included, when its list has no more. */
export const shortList = 8;

/** One row of an index, as both the static page and the filter script show it. */
export interface IndexRow {
	id: string;
	href: string;
	name: string;
	summary: string;
	/** Language of name and summary when they fell back to the other language. */
	lang?: Language;
	/** The table's cells after the name, as the reader reads them. */
	cells: string[];
	/**
	 * For each column, a number that orders the rows as the column sorts (its vocabulary's order,
	 * its texts' alphabetical order or a count); -1 for an empty cell, always listed last.
	 */
	keys: number[];
	/** For each facet, in order, the indexes of the entry's values in that facet's value list. */
	facets: number[][];
}

/** A facet with its values, labels and counts, ready to display. */
export interface IndexFacet extends Facet {
	labelText: string;
	helpText?: string;
	values: { key: string; label: string; count: number }[];
}

/** A column of an index's table after the name. */
export interface IndexColumnData {
	/** Stable name, used in the address (`?sort=risk`): the facet's, or `used-by`. */
	name: string;
	label: string;
	/** A count, sorted from the highest on the first click. */
	numeric: boolean;
}

/** A whole index in one language: facets, columns and rows sorted by name. */
export interface IndexData {
	kind: EntryKind;
	facets: IndexFacet[];
	columns: IndexColumnData[];
	rows: IndexRow[];
}

const caches = new WeakMap<SiteRegistry, Map<string, IndexData>>();

/** How derived facets read the entries an entry names, in a registry. */
export function registryLookup(registry: SiteRegistry): EntryLookup {
	return (kind, id) => siteEntry(registry, kind, id)?.data;
}

/** The facet values of an entry, those read in the entries it names included. */
export function entryFacetValues(
	registry: SiteRegistry,
	entry: SiteEntry,
	facet: Facet,
	lang: Language,
): string[] {
	return facetValues(entry.data, facet, lang, registryLookup(registry));
}

/** Builds (once per registry, kind and language) the rows, columns and facets of an index. */
export function indexData(registry: SiteRegistry, kind: EntryKind, lang: Language): IndexData {
	const key = `${kind}:${lang}`;
	let cache = caches.get(registry);
	if (!cache) caches.set(registry, (cache = new Map()));
	const cached = cache.get(key);
	if (cached) return cached;
	const entries = siteEntries(registry, kind);
	const facets = facetsFor(kind);
	const lookup = registryLookup(registry);
	const valueIndexes = facets.map(() => new Map<string, number>());
	const facetKeys = facets.map((): string[] => []);
	const counts = facets.map((): number[] => []);
	const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
	const rows = entries.map((entry) => {
		const name = entryName(entry, kind, lang);
		const summary = entrySummary(entry, kind, lang);
		const values = facets.map((facet) => facetValues(entry.data, facet, lang, lookup));
		const rowFacets = values.map((keys, f) =>
			keys.map((value) => {
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
			entry,
			values,
			row: {
				id: entry.id,
				href: registryPath(lang, kind, entry.id),
				name: name.text,
				// Cut like a page description: what the text filter searches besides the name.
				summary: pageDescription(summary?.text ?? ''),
				...(name.lang !== lang && { lang: name.lang }),
				cells: [],
				keys: [],
				facets: rowFacets,
			} as IndexRow,
		};
	});
	rows.sort((a, b) => collator.compare(a.row.name, b.row.name));
	// A short list's missing values are shown with their zero: "outside the EU (0)" is an answer.
	facets.forEach((facet, f) => {
		const order = facet.yesNo
			? ['yes', 'no']
			: [...(vocabularyOrder(registry, facet)?.keys() ?? [])];
		if (order.length === 0 || order.length > shortList) return;
		const keys = facetKeys[f] as string[];
		for (const value of order) if (!keys.includes(value)) keys.push(value);
	});
	const indexFacets = facets.map((facet, f): IndexFacet => {
		const helpText = facet.help?.[lang];
		return {
			...facet,
			labelText: facet.label[lang],
			...(helpText && { helpText }),
			values: (facetKeys[f] as string[]).map((value, index) => ({
				key: value,
				label: facetValueLabel(registry, facet, value, lang),
				count: (counts[f] as number[])[index] ?? 0,
			})),
		};
	});
	const columns = columnsOf(kind).map((column) => {
		if ('usedBy' in column) {
			const from = column.usedBy;
			const label = useRegistryTranslations(lang)('index.usedBy');
			return {
				data: { name: 'used-by', label, numeric: true },
				cell: (entry: SiteEntry) => {
					const count = new Set(
						referencesOf(registry, kind, entry.id)
							.filter((reference) => reference.from.kind === from)
							.map((reference) => reference.from.id),
					).size;
					return { text: String(count), key: count };
				},
			};
		}
		const f = facets.findIndex((facet) => facet.name === column.facet);
		const facet = indexFacets[f];
		if (!facet) throw new Error(`${kind}: the column ${column.facet} names no facet of the kind`);
		const labels = new Map(facet.values.map((value) => [value.key, value.label]));
		const order = vocabularyOrder(registry, facet);
		return {
			data: { name: facet.name, label: facet.labelText, numeric: false },
			cell: (_entry: SiteEntry, values: string[][]) => {
				const keys = values[f] ?? [];
				const text = keys.map((value) => labels.get(value) ?? value).join(', ');
				const first = keys[0];
				return { text, key: order && first !== undefined ? (order.get(first) ?? -1) : text };
			},
		};
	});
	// Texts sort as one rank per distinct text, so that the filter script compares numbers.
	const cells = rows.map(({ entry, values }) => columns.map(({ cell }) => cell(entry, values)));
	columns.forEach((_column, c) => {
		const texts = [
			...new Set(cells.flatMap((row) => (typeof row[c]?.key === 'string' ? [row[c].key] : []))),
		].sort(collator.compare);
		const rank = new Map(texts.map((text, index) => [text, index]));
		rows.forEach(({ row }, r) => {
			const cell = cells[r]?.[c];
			row.cells.push(cell?.text ?? '');
			const value = cell?.key ?? -1;
			row.keys.push(
				typeof value === 'number' ? value : value === '' ? -1 : (rank.get(value) ?? -1),
			);
		});
	});
	const data: IndexData = {
		kind,
		rows: rows.map(({ row }) => row),
		facets: indexFacets,
		columns: columns.map(({ data }) => data),
	};
	cache.set(key, data);
	return data;
}

/** The columns of a kind's table: as its descriptor says, else the facets of its badge fields. */
function columnsOf(kind: EntryKind): readonly IndexColumn[] {
	const { columns, badges } = kindOf(kind);
	if (columns) return columns;
	const facets = facetsFor(kind);
	const badged = facets.filter((facet) => badges.includes(facet.path));
	return (badged.length ? badged : facets.slice(0, 3)).map((facet) => ({ facet: facet.name }));
}

/** The position of each value in a facet's vocabulary, for a facet with one. */
export function vocabularyOrder(
	registry: SiteRegistry,
	facet: Facet,
): Map<string, number> | undefined {
	const vocabulary = facet.vocabulary && registry.vocabularies.get(facet.vocabulary);
	if (!vocabulary) return undefined;
	return new Map(vocabulary.values.map((value, index) => [value.key, index]));
}

/** How a facet value reads: its vocabulary label, the referenced entry's name, yes/no, or itself. */
export function facetValueLabel(
	registry: SiteRegistry,
	facet: Facet,
	value: string,
	lang: Language,
): string {
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
