import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { ElementContent } from 'hast';
import type { SiteConfig } from '../config/schema.ts';
import { repositoryUrl } from '../config/site.ts';
import { entryPagePath } from '../config/languages.ts';
import { kindOf, type EntryData, type EntryKind } from '../registry/kinds/index.ts';
import { useRegistryTranslations } from '../i18n/registry.ts';
import { type Language } from '../registry/schemas/index.ts';
import { renderEntry, type ViewContext } from './entry-view.ts';
import { entrySearchRecord } from '../search/records.ts';
import { collectSearchRecord } from '../search/record-store.ts';
import { siteLanguages } from './registry-paths.ts';
import { entrySummary } from './entry-meta.ts';
import type { SiteEntry, SiteRegistry } from './site-registry.ts';

/** Starlight's id of an entry's page: its path without the leading slash, under its language's prefix. */
export function entryPageId(kind: EntryKind, id: string, lang: Language): string {
	return entryPagePath(siteLanguages, lang, kindOf(kind).segment, id);
}

/** Starlight's caution icon, inlined as its `<Aside>` component would draw it. */
const cautionIcon =
	'M12 16a1 1 0 1 0 0 2 1 1 0 0 0 0-2Zm10.67 1.47-8.05-14a3 3 0 0 0-5.24 0l-8 14A3 3 0 0 0 3.94 22h16.12a3 3 0 0 0 2.61-4.53Zm-1.73 2a1 1 0 0 1-.88.51H3.94a1 1 0 0 1-.88-.51 1 1 0 0 1 0-1l8-14a1 1 0 0 1 1.78 0l8.05 14a1 1 0 0 1 .05 1.02v-.02ZM12 8a1 1 0 0 0-1 1v4a1 1 0 0 0 2 0V9a1 1 0 0 0-1-1Z';

/**
 * Renders the content of an entry's page in one language: lead, translation notice, key facts and
 * sections ("report an error in this entry" comes with the footer), and keeps its search record.
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
		...body,
	];
	// The page's search record, written into the search index once the site is built
	// (src/search/integration.ts), rather than Pagefind reading this page's HTML again.
	collectSearchRecord(
		entrySearchRecord(entry, {
			kind,
			lang,
			registry,
			pageId: entryPageId(kind, entry.id, lang),
			nodes: lead ? nodes.slice(0, 1).concat(body) : body,
		}),
	);
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
