import { type Language } from '../../registry/schemas/index.ts';
import { languageOfPath, localePrefix, type SiteLanguages } from '../../config/languages.ts';

/** A page of the docs collection, as the site map needs it. */
export interface MapPage {
	/** Collection id, under its language's prefix: `charte`, `en/charte`, `index`, `en`. */
	id: string;
	title: string;
	/** Set on registry entry pages, which the registry indexes stand for. */
	registryEntry?: unknown;
}

/** The path of a docs page from its language root: `index` → ``, `en/charte` → `charte/`. */
export function pagePath(site: SiteLanguages, id: string): string {
	const prefix = localePrefix(site, pageLang(site, id));
	const local = `${id}/`.startsWith(prefix) ? `${id}/`.slice(prefix.length) : `${id}/`;
	return local === 'index/' || local === '/' ? '' : local;
}

/** The language a docs page is written in, from its id's prefix. */
export function pageLang(site: SiteLanguages, id: string): Language {
	return languageOfPath(site, id);
}

/**
 * The pages of one language that the site map lists besides the sidebar's: every page of the
 * collection except registry entries (their indexes stand for them), the not-found page and
 * those whose path the sidebar already links, sorted by title; the home page comes first.
 */
export function pagesBesidesSidebar(
	site: SiteLanguages,
	pages: readonly MapPage[],
	lang: Language,
	linkedPaths: ReadonlySet<string>,
): { path: string; title: string }[] {
	return pages
		.filter((page) => pageLang(site, page.id) === lang && !page.registryEntry)
		.map((page) => ({ path: pagePath(site, page.id), title: page.title }))
		.filter(({ path }) => path !== '404/' && !linkedPaths.has(path))
		.sort((a, b) =>
			a.path === '' ? -1 : b.path === '' ? 1 : a.title.localeCompare(b.title, lang),
		);
}
