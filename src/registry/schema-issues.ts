import { z } from 'zod';
import { valueAt } from './schema-fields.ts';
import type { EntryFile } from './entry-file.ts';
import type { Problem } from './problems.ts';
import { schemaMessages, type Bilingual } from './schemas/index.ts';

const french = z.locales.fr();
const english = z.locales.en();

/** The French twin of each English message the schemas attach to their checks. */
const customMessages = new Map<string, Bilingual>(
	Object.values(schemaMessages).map((message) => [message.en, message]),
);

/** Turns a zod issue into a located problem with a message in both languages. */
export function schemaIssueProblem(file: EntryFile, issue: z.core.$ZodIssue): Problem {
	// An unknown key is reported at its own line and name, not at its parent's.
	const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
	const at = keys[0] === undefined ? issue.path : [...issue.path, keys[0]];
	return {
		path: file.path,
		line: file.lineOf(at),
		field: at.map(String).join('.') || 'front matter',
		message: issueMessage(issue, file.data),
	};
}

/**
 * Words an issue in both languages. The common cases get a message that says what to change;
 * the rest fall back on zod's own French and English locales.
 */
export function issueMessage(issue: z.core.$ZodIssue, data: unknown): Bilingual {
	const custom = customMessages.get(issue.message);
	if (custom) return custom;
	const value = valueAt(data, issue.path);
	switch (issue.code) {
		case 'invalid_type':
			if (value === undefined) {
				return { fr: 'champ obligatoire manquant', en: 'required field is missing' };
			}
			return invalidType(issue.expected, value);
		case 'unrecognized_keys': {
			const plural = issue.keys.length > 1;
			return {
				fr: `${plural ? 'champs inconnus' : 'champ inconnu'} ${issue.keys.map((key) => `« ${key} »`).join(', ')} : vérifiez l’orthographe (voir la référence des champs) ou supprimez-${plural ? 'les' : 'le'}`,
				en: `unknown field${plural ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}: check the spelling (see the field reference) or remove ${plural ? 'them' : 'it'}`,
			};
		}
		case 'too_big':
			if (issue.origin === 'string' && typeof value === 'string') {
				return {
					fr: `trop long : ${value.length} caractères, ${issue.maximum} au plus`,
					en: `too long: ${value.length} characters, at most ${issue.maximum}`,
				};
			}
			break;
		case 'too_small':
			if (issue.origin === 'string' && issue.minimum === 1) {
				return { fr: 'ne doit pas être vide', en: 'must not be empty' };
			}
			if (issue.origin === 'array') {
				return {
					fr: `doit compter au moins ${issue.minimum} élément${Number(issue.minimum) > 1 ? 's' : ''}`,
					en: `must list at least ${issue.minimum} item${Number(issue.minimum) > 1 ? 's' : ''}`,
				};
			}
			if (issue.origin === 'number' && issue.minimum === 0 && !issue.inclusive) {
				return { fr: 'doit être supérieur à 0', en: 'must be greater than 0' };
			}
			break;
		case 'invalid_value': {
			const options = issue.values.map(String).join(', ');
			return {
				fr: `doit valoir l’une de ces valeurs : ${options}`,
				en: `must be one of: ${options}`,
			};
		}
	}
	return { fr: localise(french, issue), en: localise(english, issue) };
}

const typeNames: Record<string, Bilingual> = {
	string: { fr: 'un texte', en: 'a string' },
	number: { fr: 'un nombre', en: 'a number' },
	int: { fr: 'un nombre entier', en: 'a whole number' },
	boolean: { fr: 'true ou false', en: 'true or false' },
	object: { fr: 'un ensemble de champs', en: 'a set of fields' },
	array: { fr: 'une liste', en: 'a list' },
	null: { fr: 'une valeur vide', en: 'an empty value' },
};

/** Says what was expected and what was found, with a hint for the bilingual texts. */
function invalidType(expected: string, value: unknown): Bilingual {
	const found = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
	const want = typeNames[expected] ?? { fr: expected, en: expected };
	const got = typeNames[found] ?? { fr: found, en: found };
	const hint =
		expected === 'object' && typeof value === 'string'
			? {
					fr: ' (pour un texte, écrivez une ligne fr: et une ligne en: en dessous)',
					en: ' (for a text, write an fr: line and an en: line under it)',
				}
			: { fr: '', en: '' };
	return {
		fr: `attendu : ${want.fr}, trouvé : ${got.fr}${hint.fr}`,
		en: `expected ${want.en}, found ${got.en}${hint.en}`,
	};
}

/** Words an issue in one locale, keeping a custom message when the schema gave one. */
function localise(locale: { localeError: z.core.$ZodErrorMap }, issue: z.core.$ZodIssue): string {
	const worded = locale.localeError(issue as never);
	if (typeof worded === 'string') return worded;
	return worded?.message ?? issue.message;
}
