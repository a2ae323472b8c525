import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { ElementContent } from 'hast';
import type { SiteConfig } from '../config/schema.ts';
import { repositoryUrl } from '../config/site.ts';
import { localePrefix } from '../config/languages.ts';
import { facetValues } from '../registry/facets.ts';
import { kindOf, type EntryData, type EntryKind } from '../registry/kinds/index.ts';
import { useRegistryTranslations } from '../i18n/registry.ts';
import { type Language } from '../registry/schemas/index.ts';
import { renderEntry, type ViewContext } from './entry-view.ts';
import { indexData } from './registry-index.ts';
import { siteLanguages } from './registry-paths.ts';
import { entrySummary } from './entry-meta.ts';
import type { SiteEntry, SiteRegistry } from './site-registry.ts';

/** Starlight's id of an entry's page: its path without the leading slash, under its language's prefix. */
export function entryPageId(kind: EntryKind, id: string, lang: Language): string {
	return `${localePrefix(siteLanguages, lang)}registre/${kindOf(kind).segment}/${id}`;
}

/** Starlight's caution icon, inlined as its `<Aside>` component would draw it. */
const cautionIcon =
	'M12 16a1 1 0 1 0 0 2 1 1 0 0 0 0-2Zm10.67 1.47-8.05-14a3 3 0 0 0-5.24 0l-8 14A3 3 0 0 0 3.94 22h16.12a3 3 0 0 0 2.61-4.53Zm-1.73 2a1 1 0 0 1-.88.51H3.94a1 1 0 0 1-.88-.51 1 1 0 0 1 0-1l8-14a1 1 0 0 1 1.78 0l8.05 14a1 1 0 0 1 .05 1.02v-.02ZM12 8a1 1 0 0 0-1 1v4a1 1 0 0 0 2 0V9a1 1 0 0 0-1-1Z';

/**
 * Renders the content of an entry's page in one language: lead, translation notice, Pagefind
 * filters, key facts and sections ("report an error in this entry" comes with the footer).
 */
export function renderEntryPage(
	entry: SiteEntry<EntryData>,
	options: { kind: EntryKind; lang: Language; registry: SiteRegistry; config: SiteConfig },
): string {
	const { kind, lang, registry, config } = options;
	const t = useRegistryTranslations(lang);
	const context: ViewContext = {
		lang,
		kind,
		registry,
		t,
		repositoryUrl: repositoryUrl(config.repository),
	};
	const body = renderEntry(entry, context);
	// A kind whose summary is also its first section (a model's description) has no lead.
	const lead = inLayout(kind, kindOf(kind).summaryField)
		? undefined
		: entrySummary(entry, kind, lang);
	const notice = translationNotice(entry.data.language, lang);
	const nodes: ElementContent[] = [
		...(lead
			? [
					h(
						'p',
						{ class: 'entry-lead', lang: lead.lang === lang ? undefined : lead.lang },
						lead.text,
					),
				]
			: []),
		...(notice ? [cautionAside(t('entry.translation'), t(notice))] : []),
		searchFilters(entry, context),
		...body,
	];
	return toHtml(h(null, nodes), { collapseEmptyAttributes: true });
}

/** Whether a field has a place in a kind's page layout (key facts or a section). */
function inLayout(kind: EntryKind, path: string): boolean {
	const { keyFacts, sections } = kindOf(kind).layout;
	return (
		keyFacts.includes(path) ||
		sections.some((section) => section.items.some((item) => 'field' in item && item.field === path))
	);
}

/** The markup of Starlight's `<Aside type="caution">`, whose styles every page already has. */
function cautionAside(title: string, text: string): ElementContent {
	const icon = h(
		'svg',
		{
			ariaHidden: 'true',
			class: 'starlight-aside__icon',
			viewBox: '0 0 24 24',
			fill: 'currentColor',
		},
		[h('path', { d: cautionIcon })],
	);
	return h('aside', { ariaLabel: title, class: 'starlight-aside starlight-aside--caution' }, [
		h('p', { class: 'starlight-aside__title', ariaHidden: 'true' }, [icon, title]),
		h('div', { class: 'starlight-aside__content' }, text),
	]);
}

/** Which notice the reader needs about the language of the texts, if any. */
function translationNotice(language: EntryData['language'], lang: Language) {
	const { original, translation } = language;
	if (original === lang) return translation === 'machine' ? 'entry.original.machine' : undefined;
	if (translation === 'machine') return 'entry.translation.machine';
	if (translation === 'missing') return 'entry.translation.missing';
	return undefined;
}

/** Hidden Pagefind filters: the entry's facets, labelled as the reader sees them in this language. */
function searchFilters(
	entry: SiteEntry<EntryData>,
	{ kind, lang, registry, t }: ViewContext,
): ElementContent {
	// Not the facets naming other entries (the models a system uses): one search filter value per
	// model would swamp the search dialog and cost Pagefind a third of its time at 10,000 entries,
	// while the "uses" links already make those names searchable. Nor those read in the entries
	// named (the hosting of a system's models): the index filters by them, the search by kind.
	const facets = indexData(registry, kind, lang).facets.filter(
		(facet) => !facet.references && !facet.through,
	);
	const filters = facets.flatMap((facet) =>
		facetValues(entry.data, facet, lang).map((key) =>
			searchFilter(facet.labelText, facet.values.find((value) => value.key === key)?.label ?? key),
		),
	);
	return h('div', { dataPagefindIgnore: '', hidden: true }, [
		searchFilter(t('facet.kind'), kindOf(kind).nouns.one[lang]),
		...filters,
	]);
}

/**
 * One Pagefind filter, its name and value given as HTML: Pagefind's search interface inserts
 * both into the page as markup (`{@html}` in its filter list), so a label from a registry file
 * must reach it escaped to be shown as text. Pagefind decodes a filter's text twice (the HTML
 * parser, then its own pass), hence the double escape; a browser test checks the labels show
 * exactly, so a change in Pagefind shows there rather than as markup.
 * @see https://github.com/Pagefind/pagefind/blob/main/pagefind_ui/default/svelte/filters.svelte
 */
function searchFilter(name: string, value: string): ElementContent {
	return h('span', { dataPagefindFilter: asFilterHtml(name) }, asFilterHtml(value));
}

/** A text escaped for Pagefind's filter list, where it shows as it is. */
function asFilterHtml(text: string): string {
	return text.replace(/[&<>"']/g, (character) => `&amp;#${character.charCodeAt(0)};`);
}
