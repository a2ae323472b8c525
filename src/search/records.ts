import type { ElementContent } from 'hast';
import { facetValues } from '../registry/facets.ts';
import { kindOf, type EntryData, type EntryKind } from '../registry/kinds/index.ts';
import type { Language } from '../registry/schemas/index.ts';
import { useRegistryTranslations } from '../i18n/registry.ts';
import { entryName } from '../utils/entry-meta.ts';
import { indexData } from '../utils/registry-index.ts';
import type { SiteEntry, SiteRegistry } from '../utils/site-registry.ts';
import type { SearchRecord } from './record-store.ts';

/** Elements whose text is separate from the text around them (inline ones join words). */
const blockElements = new Set([
	'aside',
	'blockquote',
	'br',
	'caption',
	'dd',
	'details',
	'div',
	'dl',
	'dt',
	'figcaption',
	'h1',
	'h2',
	'h3',
	'h4',
	'li',
	'ol',
	'p',
	'pre',
	'section',
	'summary',
	'table',
	'td',
	'th',
	'tr',
	'ul',
]);

/** Elements whose text the search leaves out: field labels and section titles. */
const unsearchedElements = new Set(['dt', 'h2']);

/**
 * The class of what an entry's page leaves out of its search record (the entry's record section,
 * the page menu, the JSON link, glossary definitions). A class rather than Pagefind's
 * `data-pagefind-ignore`: entry pages are indexed from their records, never from their HTML, and
 * the class is shorter on each of the registry's thousands of pages.
 */
export const unsearchedClass = 'unsearched';

/**
 * The searchable text of a page's syntax tree: what Pagefind would read from the HTML, without
 * what is hidden or marked `unsearchedClass`, the field labels and the section titles.
 */
export function searchText(nodes: readonly ElementContent[]): string {
	const parts: string[] = [];
	const visit = (node: ElementContent) => {
		if (node.type === 'text') parts.push(node.value);
		if (node.type !== 'element') return;
		const { properties } = node;
		const classes = properties['className'];
		if (properties['hidden'] || (Array.isArray(classes) && classes.includes(unsearchedClass))) {
			return;
		}
		// Field labels and section titles are the same on every page of a kind: searching them
		// finds every entry, and they cost Pagefind half a gigabyte at 10,000 entries (BENCHMARKS.md).
		if (unsearchedElements.has(node.tagName)) return;
		const block = blockElements.has(node.tagName);
		if (block) parts.push(' ');
		for (const child of node.children) visit(child);
		if (block) parts.push(' ');
	};
	for (const node of nodes) visit(node);
	return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * The search record of an entry's page in one language: its name, then the text of its page
 * (`nodes`, as rendered), and its facets as filters labelled as the reader sees them.
 */
export function entrySearchRecord(
	entry: SiteEntry<EntryData>,
	options: {
		kind: EntryKind;
		lang: Language;
		registry: SiteRegistry;
		pageId: string;
		nodes: readonly ElementContent[];
	},
): SearchRecord {
	const { kind, lang, pageId, nodes } = options;
	const title = entryName(entry, kind, lang).text;
	return {
		url: `/${pageId}/`,
		content: asHtml(`${title} ${searchText(nodes)}`),
		language: lang,
		meta: { title },
		filters: searchFilters(entry, options),
	};
}

/** The entry's facets as Pagefind filters, labelled as the reader sees them in this language. */
function searchFilters(
	entry: SiteEntry<EntryData>,
	{ kind, lang, registry }: { kind: EntryKind; lang: Language; registry: SiteRegistry },
): Record<string, string[]> {
	const t = useRegistryTranslations(lang);
	// Not the facets naming other entries (the models a system uses): one search filter value per
	// model would swamp the search dialog and cost Pagefind a third of its time at 10,000 entries,
	// while the "uses" links already make those names searchable. Nor those read in the entries
	// named (the hosting of a system's models): the index filters by them, the search by kind.
	const facets = indexData(registry, kind, lang).facets.filter(
		(facet) => !facet.references && !facet.through,
	);
	const filters: Record<string, string[]> = {
		[asHtml(t('facet.kind'))]: [asHtml(kindOf(kind).nouns.one[lang])],
	};
	for (const facet of facets) {
		const values = facetValues(entry.data, facet, lang).map((key) =>
			asHtml(facet.values.find((value) => value.key === key)?.label ?? key),
		);
		if (values.length) (filters[asHtml(facet.labelText)] ??= []).push(...values);
	}
	return filters;
}

/**
 * A text escaped as HTML: Pagefind's search interface inserts excerpts and filter labels into the
 * page as markup (`{@html}`), and keeps a custom record's text as it is given, so a text from a
 * registry file must reach it escaped to be shown as text (a browser test checks the filter labels
 * show exactly, so a change in Pagefind shows there rather than as markup).
 * @see https://github.com/Pagefind/pagefind/blob/main/pagefind_ui/default/svelte/filters.svelte
 */
export function asHtml(text: string): string {
	return text.replace(/[&<>]/g, (character) => `&#${character.charCodeAt(0)};`);
}
