import { languages, type Language } from '../registry/schemas/shared.ts';

/**
 * The site's languages in the order `site.languages` gives them: the first is served at the
 * root (`/charte/`), each other one under its code (`/en/charte/`). One language alone publishes
 * a site in that language only. Default: French at the root, English under `/en/`.
 */
export type SiteLanguages = readonly [Language, ...Language[]];

/** The default of `site.languages`. */
export const defaultSiteLanguages: SiteLanguages = ['fr', 'en'];

/** Each language's name in itself, as the language menu shows it. */
export const ownLanguageNames: Record<Language, string> = { fr: 'Français', en: 'English' };

/** The path prefix of a language's pages: `''` at the root, `en/` for English under `/en/`. */
export function localePrefix(site: SiteLanguages, lang: Language): '' | `${Language}/` {
	return lang === site[0] ? '' : `${lang}/`;
}

/**
 * Path of an entry's page from the site's root, without a slash at either end
 * (`registre/systemes/tri`, `en/registre/systemes/tri`): its kind's URL segment under its
 * language's prefix; a language the site does not publish gets the root language's page.
 */
export function entryPagePath(
	site: SiteLanguages,
	lang: Language,
	segment: string,
	id: string,
): string {
	const shown = site.includes(lang) ? lang : site[0];
	return `${localePrefix(site, shown)}registre/${segment}/${id}`;
}

/** The language of a path from the site's root (`en/charte/`, `charte/`, `en`): its prefix's. */
export function languageOfPath(site: SiteLanguages, path: string): Language {
	const first = path.replace(/^\/+/, '').split('/')[0];
	return site.find((lang) => lang !== site[0] && lang === first) ?? site[0];
}

/**
 * Starlight's `locales` for these languages: the first as its `root` locale, the others under
 * their code. https://starlight.astro.build/guides/i18n/#use-a-root-locale
 */
export function starlightLocales(
	site: SiteLanguages,
): Record<string, { label: string; lang: Language }> {
	return Object.fromEntries(
		site.map((lang) => [lang === site[0] ? 'root' : lang, { label: ownLanguageNames[lang], lang }]),
	);
}

/**
 * A sidebar label in Starlight's shape: the root language's text as `label`, the others as
 * `translations`. https://starlight.astro.build/guides/sidebar/#internationalization
 */
export function sidebarLabel(
	site: SiteLanguages,
	text: Record<Language, string>,
): { label: string; translations: Partial<Record<Language, string>> } {
	const translations = Object.fromEntries(site.slice(1).map((lang) => [lang, text[lang]]));
	return { label: text[site[0]], translations };
}

/** Where a page file lives in `content/docs/`: French pages at its top, English ones in `en/`. */
export const contentFolders: Record<Language, string> = { fr: '', en: 'en/' };

/** Glob patterns of the page files of the published languages, from `content/docs/`. */
export function pageFilePatterns(site: SiteLanguages): string[] {
	const pages = '**/[^_]*.{md,mdx}';
	const unpublished = languages.filter((lang) => !site.includes(lang));
	if (unpublished.length === 0) return [pages];
	const top = fileLanguage('');
	if (!site.includes(top)) return site.map((lang) => `${contentFolders[lang]}${pages}`);
	// The top folder's pages, without the folders of the languages left out.
	return [pages, ...unpublished.map((lang) => `!${contentFolders[lang]}**`)];
}

/** The language of a page file from its path in `content/docs/`: its folder's. */
function fileLanguage(path: string): Language {
	const inFolder = languages.find(
		(lang) => contentFolders[lang] && path.startsWith(contentFolders[lang]),
	);
	return inFolder ?? languages.find((lang) => !contentFolders[lang]) ?? languages[0];
}

/**
 * Starlight's id of a page from its file's path in `content/docs/` (`en/charte.mdx`,
 * `index.mdx`): its path from its language's folder, under its language's prefix, as Starlight
 * routes it (`charte`, `en/charte`; the home pages `index` and `en`). The kit's page files are
 * named as their slugs already, so the name is the id (no `slug` frontmatter, no slugifying).
 */
export function pageIdOfFile(site: SiteLanguages, file: string): string {
	const path = file.replace(/\.mdx?$/, '');
	const lang = fileLanguage(path);
	const local = path.slice(contentFolders[lang].length).replace(/(^|\/)index$/, '');
	const prefix = localePrefix(site, lang);
	if (!prefix) return local || 'index';
	return local ? `${prefix}${local}` : lang;
}
