import type { Language, Text } from '../registry/schemas/index.ts';
import { kindOf, type EntryKind } from '../registry/kinds/index.ts';

/** Path of a page of the site in a language, with the configured base. */
export function sitePath(lang: Language, path: string): string {
	const base = import.meta.env.BASE_URL.replace(/\/$/, '');
	const prefix = lang === 'fr' ? '' : `/${lang}`;
	return `${base}${prefix}/${path.replace(/^\//, '')}`;
}

/** Path of a kind's index, or of one entry, in a language. */
export function registryPath(lang: Language, kind: EntryKind, id?: string): string {
	return sitePath(lang, `registre/${kindOf(kind).segment}/${id ? `${id}/` : ''}`);
}

/** Static paths of both locales for a route under `[...locale]`. */
export const localeParams = [
	{ locale: undefined, lang: 'fr' },
	{ locale: 'en', lang: 'en' },
] as const satisfies readonly { locale: string | undefined; lang: Language }[];

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
