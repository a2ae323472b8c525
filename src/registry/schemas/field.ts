import type { z } from 'zod';

/** A text in each of the site's languages. */
export interface Bilingual {
	fr: string;
	en: string;
}

/** What a reader and a contributor are told about one field, in both languages. */
export interface FieldDoc {
	label: Bilingual;
	help: Bilingual;
	/** Name of the controlled vocabulary (file in `vocabularies/`) the value comes from. */
	vocabulary?: string;
	/**
	 * Kind of registry entry the value refers to by id (its name: `models`). A plain string, as a
	 * kind's descriptor holds its schema; `referencedKind()` in `kinds/index.ts` checks and types it.
	 */
	references?: string;
	/** What an entry's page says where the field is empty (`Not yet reviewed`), if anything. */
	empty?: Bilingual;
}

/**
 * Attaches a field's bilingual documentation to its schema.
 * The English help doubles as the JSON Schema `description`; the rest travels as `x-` keywords
 * so the published JSON Schema, the field reference page and the model's prompt share one text.
 */
export function field<T extends z.ZodType>(schema: T, doc: FieldDoc): T {
	return schema.meta({
		title: doc.label.en,
		description: doc.help.en,
		'x-label': doc.label,
		'x-help': doc.help,
		...(doc.vocabulary && { 'x-vocabulary': doc.vocabulary }),
		...(doc.references && { 'x-references': doc.references }),
		...(doc.empty && { 'x-empty': doc.empty }),
	});
}

/** Reads back the documentation attached by {@link field}, if any. */
export function fieldDoc(schema: z.ZodType): FieldDoc | undefined {
	const meta = schema.meta();
	if (!meta?.['x-label']) return undefined;
	const doc: FieldDoc = { label: meta['x-label'] as Bilingual, help: meta['x-help'] as Bilingual };
	if (meta['x-vocabulary']) doc.vocabulary = meta['x-vocabulary'] as string;
	if (meta['x-empty']) doc.empty = meta['x-empty'] as Bilingual;
	if (meta['x-references'])
		doc.references = meta['x-references'] as NonNullable<FieldDoc['references']>;
	return doc;
}
