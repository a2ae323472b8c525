import type { z } from 'zod';
import {
	languages,
	translationStates,
	type Bilingual,
	type Language,
	type TranslationState,
	type LanguageState,
} from './schemas/index.ts';
import { entrySchemas, kindOf, referencedKind, type EntryKind } from './kinds/index.ts';
import { anyItem, schemaFields, valuesAt, isRecord } from './schema-fields.ts';
import { characterIssues } from './characters.ts';
import { textIssues } from './texts.ts';
import type { Vocabularies } from './vocabularies.ts';
import type { EntryIssue } from './problems.ts';
import type { EntryLookup } from './facets.ts';

/** What an entry's rules need to know about the rest of the registry. */
export interface RuleContext {
	vocabularies: Vocabularies;
	/** Ids of every entry file of each kind, valid or not. */
	ids: Record<EntryKind, ReadonlySet<string>>;
	/** Today's date, `YYYY-MM-DD`, for the rules about the future. */
	today: string;
	/** The data of the registry's valid entries, for the rules that compare an entry with those it names. */
	lookup?: EntryLookup;
}

/**
 * The rules over one entry's data that the schema cannot express: characters, vocabularies, references,
 * languages (all found by walking the schema), then the few rules that compare fields.
 * The data need not have passed its schema: each rule reads only values of the right type, so a
 * file with a schema problem still gets every other problem reported.
 */
export function entryIssues(kind: EntryKind, data: unknown, context: RuleContext): EntryIssue[] {
	if (!isRecord(data)) return [];
	const schema = entrySchemas[kind] as z.ZodObject;
	const language = languageState(data['language']);
	return [
		...characterIssues(data),
		...vocabularyIssues(schema, data, context),
		...referenceIssues(schema, data, context),
		...(language ? textIssues(schema, data, language) : []),
		...provenanceIssues(schema, data),
		...(kindOf(kind).rules?.(data, context.today, context.lookup) ?? []),
	];
}

/** The entry's language state, when it is well formed. */
export function languageState(value: unknown): LanguageState | undefined {
	if (!isRecord(value)) return undefined;
	const { original, translation } = value;
	if (!languages.includes(original as Language)) return undefined;
	if (!translationStates.includes(translation as TranslationState)) return undefined;
	return { original: original as Language, translation: translation as TranslationState };
}

/** Values of a field: each item for a list, the value itself otherwise. */
function fieldValues(data: Record<string, unknown>, path: readonly string[], list: boolean) {
	return valuesAt(data, list ? [...path, anyItem] : path);
}

/** Every value of a vocabulary field is a key of that vocabulary; a list names each key once. */
function vocabularyIssues(
	schema: z.ZodObject,
	data: Record<string, unknown>,
	context: RuleContext,
): EntryIssue[] {
	const issues: EntryIssue[] = [];
	for (const field of schemaFields(schema)) {
		const name = field.doc?.vocabulary;
		if (!name) continue;
		// A missing vocabulary file is reported once, on its own path, by `vocabularyFileProblems`.
		const vocabulary = context.vocabularies.get(name);
		if (!vocabulary) continue;
		const keys = vocabulary.values.map((value) => value.key);
		// A key may appear once per list: two data sources may each list `input` in their `uses`.
		const seen = new Set<string>();
		for (const { path, value } of fieldValues(data, field.path, field.list)) {
			if (typeof value !== 'string') continue;
			const inList = `${path.slice(0, -1).join('.')} ${value}`;
			if (!keys.includes(value)) {
				issues.push({ at: path, message: unknownKey(value, name, keys) });
			} else if (field.list && seen.has(inList)) {
				issues.push({ at: path, message: listedTwice(String(value)) });
			}
			seen.add(inList);
		}
	}
	return issues;
}

/** Every reference field names an existing entry of its kind, each at most once. */
function referenceIssues(
	schema: z.ZodObject,
	data: Record<string, unknown>,
	context: RuleContext,
): EntryIssue[] {
	const issues: EntryIssue[] = [];
	for (const field of schemaFields(schema)) {
		const kind = referencedKind(field.doc);
		if (!kind) continue;
		// References inside a list of objects (`models[].model`) must not repeat across the list.
		const seen = new Set<unknown>();
		for (const { path, value } of fieldValues(data, field.path, field.list)) {
			if (typeof value !== 'string') continue;
			if (!context.ids[kind].has(value)) {
				issues.push({ at: path, message: unknownReference(value, kind) });
			} else if (seen.has(value)) {
				issues.push({ at: path, message: listedTwice(String(value)) });
			}
			seen.add(value);
		}
	}
	return issues;
}

/** The field origins of the provenance name top-level fields of the entry's kind. */
function provenanceIssues(schema: z.ZodObject, data: Record<string, unknown>): EntryIssue[] {
	const provenance = data['provenance'];
	const origins =
		isRecord(provenance) && isRecord(provenance['fields']) ? provenance['fields'] : {};
	const names = Object.keys(schema.shape);
	return Object.keys(origins)
		.filter((name) => !names.includes(name))
		.map((name) => ({
			at: ['provenance', 'fields', name],
			message: {
				fr: `« ${name} » n’est pas un champ de premier niveau de ce type de fiche`,
				en: `"${name}" is not a top-level field of this kind of entry`,
			},
		}));
}

function unknownKey(value: string, vocabulary: string, keys: readonly string[]): Bilingual {
	return {
		fr: `valeur « ${value} » inconnue du vocabulaire ${vocabulary} ; valeurs possibles : ${keys.join(', ')} (pour en ajouter une, ajoutez-la dans registry/vocabularies/${vocabulary}.yml, qui complète la liste du kit)`,
		en: `unknown value "${value}" for vocabulary ${vocabulary}; expected one of: ${keys.join(', ')} (to add one, add it in registry/vocabularies/${vocabulary}.yml, which extends the kit's list)`,
	};
}

function unknownReference(id: string, kind: EntryKind): Bilingual {
	const { none } = kindOf(kind).nouns;
	return {
		fr: `${none.fr} n’a l’identifiant « ${id} » (fichier attendu : ${kind}/${id}.mdx)`,
		en: `${none.en} has the id "${id}" (expected a file ${kind}/${id}.mdx)`,
	};
}

function listedTwice(value: string): Bilingual {
	return {
		fr: `« ${value} » figure deux fois dans la liste`,
		en: `"${value}" is listed twice`,
	};
}
