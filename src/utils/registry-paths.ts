import type { Language, Text } from '../registry/schemas/index.ts';
import { kindOf, type EntryKind } from '../registry/kinds/index.ts';
import { localePrefix } from '../config/languages.ts';
import { siteConfig } from '../components/site-values.ts';

/** The site's languages (`site.languages`), the root one first. */
export const siteLanguages = siteConfig().site.languages;

/**
 * Path of a page of the site in a language, with the configured base; in the root language when
 * the site does not publish that one.
 */
export function sitePath(lang: Language, path: string): string {
	const base = import.meta.env.BASE_URL.replace(/\/$/, '');
	const shown = siteLanguages.includes(lang) ? lang : siteLanguages[0];
	return `${base}/${localePrefix(siteLanguages, shown)}${path.replace(/^\//, '')}`;
}

/** Path of a file that is in no language (`systems.csv`, an entry's JSON), from the site's root. */
export function rootPath(path: string): string {
	return sitePath(siteLanguages[0], path);
}

/** Path of a kind's index, or of one entry, in a language. */
export function registryPath(lang: Language, kind: EntryKind, id?: string): string {
	return sitePath(lang, `registre/${kindOf(kind).segment}/${id ? `${id}/` : ''}`);
}

/** Static paths of the published locales for a route under `[...locale]`: the root one first. */
export const localeParams: readonly { locale: Language | undefined; lang: Language }[] =
	siteLanguages.map((lang) => ({
		locale: localePrefix(siteLanguages, lang) ? lang : undefined,
		lang,
	}));

/** A text in the reader's language, or in the other one with a flag when it is missing. */
export function pickText(
	text: Text | undefined,
	lang: Language,
): { text: string; lang: Language } | undefined {
	if (!text) return undefined;
	const own = text[lang];
	if (own) return { text: own, lang };
	const other: Language = lang === 'fr' ? 'en' : 'fr';
	const fallback = text[other];
	return fallback ? { text: fallback, lang: other } : undefined;
}
