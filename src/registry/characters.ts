import type { Bilingual } from './schemas/index.ts';
import type { EntryIssue } from './problems.ts';

/**
 * Characters that are never data in a registry text: they are invisible, reorder the text a
 * reader sees (the "Trojan Source" trick), or break the XML and the spreadsheets the registry
 * is published as. Tabs and line breaks are the only controls a text may hold.
 * @see https://www.unicode.org/reports/tr36/ (Unicode security considerations)
 * @see https://www.w3.org/TR/xml/#charsets (characters XML 1.0 allows)
 */
const kinds: { pattern: RegExp; name: Bilingual }[] = [
	{
		// eslint-disable-next-line no-control-regex -- matching control characters is the point
		pattern: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u,
		name: { fr: 'caractère de contrôle', en: 'control character' },
	},
	{
		pattern: /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u,
		name: { fr: 'contrôle bidirectionnel', en: 'bidirectional control' },
	},
	{
		// Every format character (zero-width spaces and joiners, soft hyphens, the invisible "tag"
		// letters that hide text from a reader but not from a model…), line and paragraph
		// separators, the combining grapheme joiner, Hangul fillers and Mongolian variation selectors.
		// The combining ones stand alone: inside a class they would combine with their neighbour.
		pattern: /[\p{Cf}\p{Zl}\p{Zp}\u115F\u3164\uFFA0]|\u034F|\u1160|[\u180B-\u180F]/u,
		name: { fr: 'caractère invisible', en: 'invisible character' },
	},
	{
		pattern: /[\p{Noncharacter_Code_Point}\p{Surrogate}]/u,
		name: { fr: 'non-caractère Unicode', en: 'Unicode noncharacter' },
	},
];

/** Any character of {@link kinds}; with the `u` flag a lone surrogate is one code point. */
const forbidden = new RegExp(kinds.map((kind) => kind.pattern.source).join('|'), 'u');

/** The same, to remove every occurrence. */
const everyForbidden = new RegExp(forbidden.source, 'gu');

/** A text without its forbidden characters, for importers that clean data from elsewhere. */
export function stripForbiddenCharacters(text: string): string {
	return text.replace(everyForbidden, '');
}

/** The first forbidden character of a text, with its position (1-based, in code points). */
export function forbiddenCharacter(
	text: string,
): { codePoint: string; position: number; name: Bilingual } | undefined {
	const match = forbidden.exec(text);
	if (!match) return undefined;
	const character = match[0];
	const codePoint = `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
	const position = [...text.slice(0, match.index)].length + 1;
	const kind = kinds.find((candidate) => candidate.pattern.test(character));
	return {
		codePoint,
		position,
		name: kind?.name ?? { fr: 'caractère interdit', en: 'forbidden character' },
	};
}

/** What to tell about a forbidden character, in both languages. */
export function forbiddenCharacterMessage(text: string): Bilingual | undefined {
	const found = forbiddenCharacter(text);
	if (!found) return undefined;
	const { codePoint, position, name } = found;
	return {
		fr: `contient un ${name.fr} (${codePoint}) au caractère ${position} : supprimez-le, il n’a pas sa place dans un texte publié`,
		en: `contains a ${name.en} (${codePoint}) at character ${position}: remove it, it has no place in a published text`,
	};
}

/**
 * Every string of an entry's data that holds a forbidden character, wherever it sits: texts in
 * both languages, names, list items, unknown fields. Walked without recursion, so no nesting depth
 * can overflow the stack.
 */
export function characterIssues(data: unknown): EntryIssue[] {
	const issues: EntryIssue[] = [];
	const stack: { value: unknown; at: (string | number)[] }[] = [{ value: data, at: [] }];
	for (let next = stack.pop(); next; next = stack.pop()) {
		const { value, at } = next;
		if (typeof value === 'string') {
			const message = forbiddenCharacterMessage(value);
			if (message) issues.push({ at, message });
		} else if (Array.isArray(value)) {
			value.forEach((item, index) => stack.push({ value: item, at: [...at, index] }));
		} else if (value !== null && typeof value === 'object') {
			for (const [key, item] of Object.entries(value))
				stack.push({ value: item, at: [...at, key] });
		}
	}
	return issues;
}
