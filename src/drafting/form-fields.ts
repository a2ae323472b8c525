import type { z } from 'zod';
import type { FieldDoc } from '../registry/schemas/index.ts';
import { entrySchemas, type EntryKind } from '../registry/kinds/index.ts';
import { listItemReference, schemaFields, unwrap } from '../registry/schema-fields.ts';

/**
 * How the drafting side reads entry fields: which question of a registry issue form fills which
 * field is said by each kind's descriptor (`form.questions`); labels, help, choices and whether a
 * question is required come from the schema and the vocabularies, so the forms follow the schema.
 */

/** Ids of the questions every registry form asks besides entry fields. */
export const commonFieldIds = {
	/** Language the contributor writes in: the entry's original language. */
	language: 'language',
	/** The free-text description the AI drafts from. */
	details: 'details',
	/** The "do not draft with AI" checkbox. */
	noAi: 'no-ai',
} as const;

/**
 * Entry fields the drafting sets itself and never asks the form or the model for: the id comes
 * from the name, the language from the language question, the provenance from the run. Of the
 * review, the drafting only proposes when the next one is due: the last review is a person's.
 */
export const generatedFields = {
	id: 'id',
	language: 'language',
	review: 'review',
	provenance: 'provenance',
} as const;

/** The entry field the id is derived from. */
export const nameFieldPath = 'name';

/** Id of the "report an error" form's field naming the entry, prefilled from the site's link. */
export const entryFieldId = 'entry';

/** What kind of answer an entry field takes, read from its schema. */
export type AnswerType =
	| { type: 'text' }
	| { type: 'string' }
	| { type: 'email' }
	| { type: 'url' }
	| { type: 'date' }
	| { type: 'integer' }
	| { type: 'boolean' }
	/** Several short values separated by commas or new lines. */
	| { type: 'list' }
	| { type: 'vocabulary'; vocabulary: string; multiple: boolean }
	| { type: 'model-uses' }
	/** A contact object of an email address and a web page, either or both in one answer. */
	| { type: 'contact'; email: string; url: string };

/** An entry field as the schema describes it. */
export interface ResolvedField {
	doc: FieldDoc;
	/** Required by the schema: neither it nor any parent is optional or defaulted. */
	required: boolean;
	answer: AnswerType;
	/** The field's schema, optional and default wrappers removed. */
	schema: z.ZodType;
}

/** Looks up a dotted path in an entry schema; throws when the path is not in the schema. */
export function resolveField(kind: EntryKind, path: string): ResolvedField {
	const fields = schemaFields(entrySchemas[kind]);
	const keys = path.split('.');
	// The field and the objects around it, outermost first.
	const chain = keys.map((_, index) => {
		const prefix = keys.slice(0, index + 1).join('.');
		return fields.find((field) => field.path.join('.') === prefix);
	});
	const field = chain.at(-1);
	if (!field || chain.some((link) => link === undefined)) {
		throw new Error(`${kind}: "${path}" is not a field of the schema`);
	}
	// A field without its own label takes the one of the object around it.
	const doc = chain.findLast((link) => link?.doc)?.doc;
	if (!doc) throw new Error(`${kind}: "${path}" has no label in the schema (field() meta)`);
	const required = chain.every((link) => link?.required);
	return { doc, required, answer: answerType(field.schema, doc), schema: field.schema };
}

/** Reads the kind of answer a field takes from its schema and documentation. */
function answerType(schema: z.ZodType, doc: FieldDoc): AnswerType {
	const def = schema._zod.def as { type: string; format?: string; element?: z.ZodType };
	if (def.type === 'array' && def.element) {
		if (doc.vocabulary) return { type: 'vocabulary', vocabulary: doc.vocabulary, multiple: true };
		if (listItemReference(schema)) return { type: 'model-uses' };
		return { type: 'list' };
	}
	if (doc.vocabulary) return { type: 'vocabulary', vocabulary: doc.vocabulary, multiple: false };
	if (def.type === 'boolean') return { type: 'boolean' };
	if (def.type === 'number') return { type: 'integer' };
	if (def.type === 'object') return contactKeys(schema) ?? { type: 'text' };
	if (def.format === 'email') return { type: 'email' };
	if (def.format === 'url') return { type: 'url' };
	if (def.format === 'date') return { type: 'date' };
	return { type: 'string' };
}

/** An object made of an optional email address and an optional web page, and their keys. */
function contactKeys(schema: z.ZodType): AnswerType | undefined {
	const shape = (schema._zod.def as { shape?: Record<string, z.ZodType> }).shape ?? {};
	const formats = Object.entries(shape).map(([key, child]) => {
		const inner = unwrap(child)._zod.def as { format?: string };
		return { key, format: inner.format, optional: child._zod.optin === 'optional' };
	});
	const email = formats.find((f) => f.format === 'email');
	const url = formats.find((f) => f.format === 'url');
	if (formats.length !== 2 || !email?.optional || !url?.optional) return undefined;
	return { type: 'contact', email: email.key, url: url.key };
}
