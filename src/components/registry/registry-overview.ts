/**
 * The figures of the registry home (`/registre/`): counts of each kind, the facets their
 * descriptors chart, the entries most named by another kind, and the latest changes. Pure data,
 * computed once per build and language; `RegistryOverview.astro` draws it.
 */
import { isEntryKind, kindOf, kinds, type EntryKind } from '../../registry/kinds/index.ts';
import { useRegistryTranslations } from '../../i18n/registry.ts';
import { type Language } from '../../registry/schemas/index.ts';
import { entryName } from '../../utils/entry-meta.ts';
import {
	facetValueLabel,
	indexData,
	shortList,
	vocabularyOrder,
	type IndexData,
} from '../../utils/registry-index.ts';
import { registryPath } from '../../utils/registry-paths.ts';
import { referencesOf, siteEntries, type SiteRegistry } from '../../utils/site-registry.ts';

/** One bar of a chart: a value, how many entries have it, and where to read them. */
export interface ChartBar {
	label: string;
	count: number;
	/** The index filtered by the value, or the entry itself. */
	href?: string;
}

/** A horizontal bar chart and its table. */
export interface Chart {
	/** Stable name, for the ids of the chart's title and table. */
	id: string;
	/** What is counted: the facet's label. */
	title: string;
	/** Heading of the counts' column: the kind's name. */
	countLabel: string;
	/** Heading of the values' column. */
	valueLabel: string;
	bars: ChartBar[];
	/** Whether an entry may count for several values (the total then exceeds the entries). */
	several: boolean;
}

/** What the home shows of one kind. */
export interface KindOverview {
	kind: EntryKind;
	label: string;
	count: number;
	href: string;
	charts: Chart[];
}

/** One entry's latest change. */
export interface RecentChange {
	/** ISO 8601 date of the commit. */
	date: string;
	name: string;
	/** Language of the name when it fell back to the other language. */
	lang?: Language;
	kindLabel: string;
	href: string;
}

/** Everything the registry home shows. */
export interface RegistryOverview {
	kinds: KindOverview[];
	/** ISO 8601 date of the newest change to an entry, when git history is available. */
	updated?: string;
	changes: RecentChange[];
}

/** How many entries "the most used" ranks, and how many changes the home lists. */
export const overviewSizes = { mostUsed: 10, changes: 8 };

/** The figures of the registry home in a language. */
export function registryOverview(registry: SiteRegistry, lang: Language): RegistryOverview {
	return {
		kinds: kinds.map((descriptor): KindOverview => {
			const kind = descriptor.name;
			const data = indexData(registry, kind, lang);
			const charts = (descriptor.home?.charts ?? []).map((name) =>
				facetChart(registry, data, name, lang),
			);
			const by = descriptor.home?.mostUsedBy;
			if (by !== undefined) {
				if (!isEntryKind(by)) throw new Error(`${kind}: home.mostUsedBy names ${by}, not a kind`);
				charts.push(mostUsedChart(registry, kind, by, lang));
			}
			return {
				kind,
				label: descriptor.nouns.all[lang],
				count: data.rows.length,
				href: registryPath(lang, kind),
				charts,
			};
		}),
		...latestChanges(registry, lang),
	};
}

/**
 * The entries of an index counted by the values of one of its facets. A short vocabulary is
 * listed in full and in its own order, zeros included (no prohibited system is news too);
 * other values by count. Entries without a value come last.
 */
export function facetChart(
	registry: SiteRegistry,
	data: IndexData,
	name: string,
	lang: Language,
): Chart {
	const t = useRegistryTranslations(lang);
	const { kind, rows } = data;
	const f = data.facets.findIndex((candidate) => candidate.name === name);
	const facet = data.facets[f];
	if (!facet) throw new Error(`${kind}: home.charts names ${name}, which is not one of its facets`);
	const base = registryPath(lang, kind);
	const href = (key: string) => `${base}?${new URLSearchParams({ [facet.name]: key })}`;
	const order = facet.yesNo
		? new Map([
				['yes', 0],
				['no', 1],
			])
		: vocabularyOrder(registry, facet);
	const present = new Map(facet.values.map((value) => [value.key, value]));
	let bars: { label: string; count: number; href: string; rank: number }[];
	if (order && order.size <= shortList) {
		bars = [...order.keys()].map((key, rank) => {
			const value = present.get(key);
			const label = value?.label ?? facetValueLabel(registry, facet, key, lang);
			return { label, count: value?.count ?? 0, href: href(key), rank };
		});
	} else {
		bars = facet.values
			.map((value) => ({
				label: value.label,
				count: value.count,
				href: href(value.key),
				rank: order?.get(value.key) ?? 0,
			}))
			.sort((a, b) => b.count - a.count || a.rank - b.rank || a.label.localeCompare(b.label, lang));
	}
	const unset = rows.filter((row) => (row.facets[f] ?? []).length === 0).length;
	const counted = rows.length - unset;
	const total = facet.values.reduce((sum, value) => sum + value.count, 0);
	const chart: Chart = {
		id: `${kind}-${facet.name}`,
		title: facet.labelText,
		countLabel: kindOf(kind).nouns.all[lang],
		valueLabel: facet.labelText,
		bars: bars.map(({ label, count, href }) =>
			count > 0 ? { label, count, href } : { label, count },
		),
		several: total > counted,
	};
	if (unset > 0) {
		// A derived facet has no value for an entry that names none: say so in its own words.
		const none = facet.through ? kindOf(facet.through.kind).nouns.none[lang] : t('home.notSet');
		chart.bars.push({ label: none.charAt(0).toUpperCase() + none.slice(1), count: unset });
	}
	return chart;
}

/** The entries of a kind that the most entries of another kind name (models by systems). */
export function mostUsedChart(
	registry: SiteRegistry,
	kind: EntryKind,
	by: EntryKind,
	lang: Language,
): Chart {
	const t = useRegistryTranslations(lang);
	const counts = siteEntries(registry, kind).map((entry) => {
		const users = new Set(
			referencesOf(registry, kind, entry.id)
				.filter((reference) => reference.from.kind === by)
				.map((reference) => reference.from.id),
		);
		return {
			label: entryName(entry, kind, lang).text,
			count: users.size,
			href: registryPath(lang, kind, entry.id),
		};
	});
	const bars = counts
		.filter((bar) => bar.count > 0)
		.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, lang))
		.slice(0, overviewSizes.mostUsed);
	return {
		id: `${kind}-most-used`,
		title: t('home.mostUsed'),
		countLabel: kindOf(by).nouns.all[lang],
		valueLabel: capitalise(kindOf(kind).nouns.one[lang]),
		bars,
		several: false,
	};
}

/** The entries changed last, one line each, and the date of the newest change. */
function latestChanges(
	registry: SiteRegistry,
	lang: Language,
): Pick<RegistryOverview, 'updated' | 'changes'> {
	const changes = kinds.flatMap((descriptor) =>
		siteEntries(registry, descriptor.name).flatMap((entry): RecentChange[] => {
			const newest = registry.history.changes.get(entry.filePath)?.[0];
			if (!newest) return [];
			const name = entryName(entry, descriptor.name, lang);
			return [
				{
					date: newest.date,
					name: name.text,
					...(name.lang !== lang && { lang: name.lang }),
					kindLabel: descriptor.nouns.one[lang],
					href: registryPath(lang, descriptor.name, entry.id),
				},
			];
		}),
	);
	changes.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
	const [newest] = changes;
	return {
		...(newest && { updated: newest.date }),
		changes: changes.slice(0, overviewSizes.changes),
	};
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
