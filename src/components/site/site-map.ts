import { type Language } from '../../registry/schemas/index.ts';

/** A page of the docs collection, as the site map needs it. */
export interface MapPage {
	/** Collection id: `charte`, `en/charte`, `index`, `en`. */
	id: string;
	title: string;
	/** Set on registry entry pages, which the registry indexes stand for. */
	registryEntry?: unknown;
}

/** The path of a docs page from its language root: `index` → ``, `en/charte` → `charte/`. */
export function pagePath(id: string): string {
	const local = id === 'en' ? '' : id.replace(/^en\//, '');
	return local === 'index' || local === '' ? '' : `${local}/`;
}

/** The language a docs page is written in, from its id. */
export function pageLang(id: string): Language {
	return id === 'en' || id.startsWith('en/') ? 'en' : 'fr';
}

/**
 * The pages of one language that the site map lists besides the sidebar's: every page of the
 * collection except registry entries (their indexes stand for them), the not-found page and
 * those whose path the sidebar already links, sorted by title; the home page comes first.
 */
export function pagesBesidesSidebar(
	pages: readonly MapPage[],
	lang: Language,
	linkedPaths: ReadonlySet<string>,
): { path: string; title: string }[] {
	return pages
		.filter((page) => pageLang(page.id) === lang && !page.registryEntry)
		.map((page) => ({ path: pagePath(page.id), title: page.title }))
		.filter(({ path }) => path !== '404/' && !linkedPaths.has(path))
		.sort((a, b) =>
			a.path === '' ? -1 : b.path === '' ? 1 : a.title.localeCompare(b.title, lang),
		);
}
