import { kindOf, type EntryData, type EntryKind } from '../registry/kinds/index.ts';
import { valueAt } from '../registry/schema-fields.ts';
import type { Language, Text } from '../registry/schemas/index.ts';
import { pickText, rootPath } from './registry-paths.ts';

/** Longest page description: search engines show about this much and cut the rest. */
const descriptionLength = 160;

/** A text cut at a word boundary to fit a page description, with an ellipsis if it was cut. */
export function pageDescription(text: string, max = descriptionLength): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** Title and description (a short one, for search engines and link previews) of an entry's page. */
export function entryTitle(
	entry: { id: string; data: EntryData },
	kind: EntryKind,
	lang: Language,
) {
	return {
		title: entryName(entry, kind, lang).text,
		description: pageDescription(entrySummary(entry, kind, lang)?.text ?? ''),
	};
}

/** An entry's name in a language (its title field, a string or a text), or its id if it has none. */
export function entryName(
	entry: { id: string; data: EntryData },
	kind: EntryKind,
	lang: Language,
): { text: string; lang: Language } {
	const value = valueAt(entry.data, kindOf(kind).titleField);
	if (typeof value === 'string') return { text: value, lang };
	return pickText(value as Text | undefined, lang) ?? { text: entry.id, lang };
}

/** An entry's summary in a language, from its kind's summary field. */
export function entrySummary(
	entry: { data: EntryData },
	kind: EntryKind,
	lang: Language,
): { text: string; lang: Language } | undefined {
	const value = valueAt(entry.data, kindOf(kind).summaryField);
	if (typeof value === 'string') return { text: value, lang };
	return pickText(value as Text | undefined, lang);
}

/**
 * Address of an entry's data as JSON, the same for both languages (the data holds both):
 * `/registre/systemes/<id>.json`.
 */
export function entryJsonPath(kind: EntryKind, id: string): string {
	return rootPath(`registre/${kindOf(kind).segment}/${id}.json`);
}
