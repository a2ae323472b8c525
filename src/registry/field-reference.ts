import type { z } from 'zod';
import { formatFieldPath, schemaFields, type FieldType } from './schema-fields.ts';
import { type Bilingual } from './schemas/index.ts';
import { entrySchemas, referencedKind, type EntryKind } from './kinds/index.ts';

/** One row of the field reference: what a reader or contributor needs to know about a field. */
export interface FieldReferenceItem {
	/** Dotted path, `[]` marking a list's items: `models[].usage`. */
	path: string;
	/** Nesting depth, 0 for a top-level field, for indentation. */
	depth: number;
	label: Bilingual;
	help: Bilingual;
	/** Kind of value; for a list, of its items. */
	type: FieldType;
	list: boolean;
	/** Whether the field must be given (within its parent, for a nested field). */
	required: boolean;
	/** Controlled vocabulary the values come from. */
	vocabulary?: string;
	/** Kind of entry the value refers to by id. */
	references?: EntryKind;
	/** Values allowed, for a fixed choice. */
	choices?: readonly string[];
	/** Longest value allowed, in characters (per language for a text). */
	maxLength?: number;
}

/**
 * The field reference of a kind of entry, walked from its schema: every field, nested ones
 * included, in declaration order, with its label and help in both languages. A field without
 * documentation is a bug in the schema, reported here rather than published blank.
 */
export function fieldReference(kind: EntryKind): FieldReferenceItem[] {
	return schemaFields(entrySchemas[kind] as z.ZodObject).map((field) => {
		const path = formatFieldPath(field.path);
		if (!field.doc) throw new Error(`Field "${path}" of ${kind} has no field() documentation`);
		const item: FieldReferenceItem = {
			path,
			depth: field.path.filter((key) => key !== '[]').length - 1,
			label: field.doc.label,
			help: field.doc.help,
			type: field.type,
			list: field.list,
			required: field.required,
		};
		if (field.doc.vocabulary) item.vocabulary = field.doc.vocabulary;
		const references = referencedKind(field.doc);
		if (references) item.references = references;
		if (field.choices) item.choices = field.choices;
		if (field.maxLength !== undefined) item.maxLength = field.maxLength;
		return item;
	});
}

/** How each type of value is named to readers. */
export const fieldTypeLabels: Record<FieldType, Bilingual> = {
	text: { fr: 'texte en français et en anglais', en: 'text in French and English' },
	string: { fr: 'chaîne de caractères', en: 'string' },
	date: { fr: 'date (AAAA-MM-JJ)', en: 'date (YYYY-MM-DD)' },
	url: { fr: 'adresse web', en: 'web address' },
	email: { fr: 'adresse électronique', en: 'email address' },
	integer: { fr: 'nombre entier', en: 'whole number' },
	number: { fr: 'nombre', en: 'number' },
	boolean: { fr: 'oui ou non (true/false)', en: 'yes or no (true/false)' },
	choice: { fr: 'valeur fixe', en: 'fixed value' },
	object: { fr: 'groupe de champs', en: 'group of fields' },
	record: { fr: 'table champ → valeur', en: 'field → value table' },
};
