import type { z } from 'zod';
import type { Bilingual, Language, TranslationState } from './schemas/index.ts';
import { schemaFields, valuesAt } from './schema-fields.ts';
import type { EntryIssue } from './problems.ts';

/** The name of each language, in each language, for messages. */
export const languageNames: Record<Language, Record<Language, string>> = {
	fr: { fr: 'français', en: 'anglais' },
	en: { fr: 'French', en: 'English' },
};

const longDates = new Map<string, Intl.DateTimeFormat>();

/**
 * A date as a sentence writes it, `15 janvier 2027`, `15 January 2027`; French writes the first
 * of the month as an ordinal, « 1er décembre » (French typographic usage), which Intl does not.
 */
export function formatLongDate(
	date: Date,
	lang: Language,
	options: Intl.DateTimeFormatOptions = {},
): string {
	const key = `${lang}:${JSON.stringify(options)}`;
	let format = longDates.get(key);
	if (!format) {
		const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
		format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC', ...options });
		longDates.set(key, format);
	}
	if (lang !== 'fr') return format.format(date);
	return format
		.formatToParts(date)
		.map((part) => (part.type === 'day' && part.value === '1' ? '1er' : part.value))
		.join('');
}

/** The language the entry was not written in. */
export function otherLanguage(language: Language): Language {
	return language === 'fr' ? 'en' : 'fr';
}

/**
 * Checks that every bilingual text of an entry, wherever it sits (nested objects, lists), has
 * its original language and, unless the translation is `missing`, the other one; and that a
 * `missing` translation really is absent, so the state shown to readers stays honest.
 * The texts are found by walking the schema: no field is listed here.
 */
export function textIssues(
	schema: z.ZodObject,
	data: Record<string, unknown>,
	language: { original: Language; translation: TranslationState },
): EntryIssue[] {
	const other = otherLanguage(language.original);
	const issues: EntryIssue[] = [];
	for (const field of schemaFields(schema)) {
		if (field.type !== 'text') continue;
		const path = field.list ? [...field.path, '[]'] : field.path;
		for (const { path: at, value } of valuesAt(data, path)) {
			// A value that is not a text at all is the schema's to report.
			if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
			const text = value as Partial<Record<Language, unknown>>;
			if (text[language.original] === undefined) {
				issues.push({
					at: [...at, language.original],
					message: missingOriginal(language.original),
				});
			}
			if (language.translation === 'missing' && text[other] !== undefined) {
				issues.push({ at: [...at, other], message: unexpectedTranslation(other) });
			}
			if (language.translation !== 'missing' && text[other] === undefined) {
				issues.push({ at: [...at, other], message: missingTranslation(other) });
			}
		}
	}
	return issues;
}

function missingOriginal(lang: Language): Bilingual {
	return {
		fr: `le texte en ${languageNames.fr[lang]} manque, alors que le ${languageNames.fr[lang]} est la langue d’origine de la fiche (language.original)`,
		en: `the ${languageNames.en[lang]} text is missing, though ${languageNames.en[lang]} is the entry’s original language (language.original)`,
	};
}

function missingTranslation(lang: Language): Bilingual {
	return {
		fr: `le texte en ${languageNames.fr[lang]} manque : écrivez-le, ou indiquez language.translation: missing`,
		en: `the ${languageNames.en[lang]} text is missing: write it, or set language.translation to missing`,
	};
}

function unexpectedTranslation(lang: Language): Bilingual {
	return {
		fr: `language.translation vaut missing, la fiche n’a donc pas encore de texte en ${languageNames.fr[lang]} : supprimez celui-ci, ou indiquez human ou machine`,
		en: `language.translation is missing, so the entry has no ${languageNames.en[lang]} text yet: remove this one, or set it to human or machine`,
	};
}
