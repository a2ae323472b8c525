import { facetValues, facetsFor, type Facet } from '../registry/facets.ts';
import { vocabularyValue } from '../registry/vocabularies.ts';
import type { EntryData, EntryKind, Text } from '../registry/schemas/index.ts';
import type { Lang } from '../i18n/ui.ts';
import { useRegistryTranslations } from '../i18n/registry.ts';
import { pageDescription } from './entry-meta.ts';
import { pickText, registryPath } from './registry-paths.ts';
import type { SiteEntry, SiteRegistry } from './site-registry.ts';

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
	const entries = registry[kind] as SiteEntry<EntryData>[];
	const facets = facetsFor(kind);
	const valueIndexes = facets.map(() => new Map<string, number>());
	const facetKeys = facets.map((): string[] => []);
	const counts = facets.map((): number[] => []);
	const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
	const rows = entries.map((entry): IndexRow => {
		const name = entryName(entry, kind, lang);
		const summary = pickText(summaryOf(entry, kind), lang);
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

function entryName(entry: SiteEntry<EntryData>, kind: EntryKind, lang: Lang) {
	if (kind === 'models') return { text: (entry.data as EntryData<'models'>).name, lang };
	return pickText((entry.data as EntryData<'systems'>).name, lang) ?? { text: entry.id, lang };
}

function summaryOf(entry: SiteEntry<EntryData>, kind: EntryKind): Text {
	return kind === 'systems'
		? (entry.data as EntryData<'systems'>).summary
		: (entry.data as EntryData<'models'>).description;
}

function badgesOf(
	entry: SiteEntry<EntryData>,
	kind: EntryKind,
	registry: SiteRegistry,
	lang: Lang,
) {
	const label = (vocabulary: string, key: string) =>
		vocabularyValue(registry.vocabularies, vocabulary, key)?.label[lang] ?? key;
	if (kind === 'systems') {
		const data = entry.data as EntryData<'systems'>;
		return [label('statuses', data.status), label('risk-classes', data.aiAct.riskClass)];
	}
	const data = entry.data as EntryData<'models'>;
	return [data.provider, label('learning-types', data.learningType)];
}

/** How a facet value reads: its vocabulary label, the referenced entry's name, yes/no, or itself. */
function facetValueLabel(registry: SiteRegistry, facet: Facet, value: string, lang: Lang): string {
	if (facet.vocabulary) {
		return vocabularyValue(registry.vocabularies, facet.vocabulary, value)?.label[lang] ?? value;
	}
	if (facet.references === 'models') return registry.modelsById.get(value)?.data.name ?? value;
	if (facet.name === 'weights') {
		return useRegistryTranslations(lang)(
			value === 'yes' ? 'facet.weights.yes' : 'facet.weights.no',
		);
	}
	return value;
}
