import type { z } from 'zod';
import {
	entrySchemas,
	fieldDoc,
	type EntryKind,
	type FieldDoc,
} from '../registry/schemas/index.ts';
import { listItemReferences, objectShape, unwrapField } from '../registry/schema-fields.ts';

/**
 * The one place that names entry fields on the drafting side: which question of a registry
 * issue form fills which field of the entry. Labels, help, choices and whether a question is
 * required are not written here: they come from the schema and the vocabularies, so the forms
 * follow the schema (tests/drafting/form-fields.test.ts checks every path against it).
 */

/** One question of a registry form and the entry field its answer fills. */
export interface FormField {
	/** GitHub form field id: the key the parser returns and the URL prefill parameter. */
	id: string;
	/** Dotted path of the entry field, e.g. `aiAct.riskClass`. */
	path: string;
	/** Asked as a required question even when an AI drafts the rest. */
	alwaysRequired?: boolean;
	/** A multi-line box rather than one line (texts only). */
	multiline?: boolean;
}

/** Questions of the "declare an AI system" and "declare an AI model" forms, in form order. */
export const formFields: Record<EntryKind, readonly FormField[]> = {
	systems: [
		{ id: 'name', path: 'name', alwaysRequired: true },
		{ id: 'status', path: 'status', alwaysRequired: true },
		{ id: 'domain', path: 'domain' },
		{ id: 'summary', path: 'summary', multiline: true },
		{ id: 'purpose', path: 'purpose', multiline: true },
		{ id: 'owner-unit', path: 'owner.unit' },
		{ id: 'owner-role', path: 'owner.role' },
		{ id: 'contact-email', path: 'contact.email' },
		{ id: 'contact-url', path: 'contact.url' },
		{ id: 'website', path: 'website' },
		{ id: 'affected-people', path: 'affectedPeople', multiline: true },
		{ id: 'approach', path: 'approach' },
		{ id: 'models', path: 'models', multiline: true },
		{ id: 'automation', path: 'automation' },
		{ id: 'human-oversight', path: 'humanOversight', multiline: true },
		{ id: 'contest', path: 'contest', multiline: true },
		{ id: 'ai-act-role', path: 'aiAct.role' },
		{ id: 'risk-class', path: 'aiAct.riskClass' },
		{ id: 'risk-rationale', path: 'aiAct.rationale', multiline: true },
		{ id: 'start-date', path: 'startDate' },
		{ id: 'source-code', path: 'sourceCode.url' },
		{ id: 'source-code-reason', path: 'sourceCode.notPublishedReason', multiline: true },
		{ id: 'genai-hosting', path: 'generativeAi.hosting.type' },
		{ id: 'genai-residency', path: 'generativeAi.hosting.residency' },
		{ id: 'genai-retention', path: 'generativeAi.retention', multiline: true },
		{ id: 'genai-training', path: 'generativeAi.inputsUsedForTraining' },
		{ id: 'genai-disclosure', path: 'generativeAi.userDisclosure', multiline: true },
	],
	models: [
		{ id: 'name', path: 'name', alwaysRequired: true },
		{ id: 'version', path: 'version', alwaysRequired: true },
		{ id: 'provider', path: 'provider', alwaysRequired: true },
		{ id: 'description', path: 'description', multiline: true },
		{ id: 'learning-type', path: 'learningType' },
		{ id: 'tasks', path: 'tasks', multiline: true },
		{ id: 'modalities', path: 'modalities' },
		{ id: 'licence', path: 'licence.name' },
		{ id: 'open-weights', path: 'licence.openWeights' },
		{ id: 'hosting', path: 'hosting.type' },
		{ id: 'residency', path: 'hosting.residency' },
		{ id: 'languages', path: 'languages' },
		{ id: 'context-window', path: 'contextWindow' },
		{ id: 'parameters', path: 'parameters' },
		{ id: 'training-data', path: 'trainingData', multiline: true },
		{ id: 'limitations', path: 'limitations', multiline: true },
	],
};

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
 * from the name, the language from the language question, the review dates from the day the
 * issue was opened, the provenance from the run.
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
	| { type: 'model-uses' };

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
	let current: z.ZodType = entrySchemas[kind];
	let required = true;
	let doc: FieldDoc | undefined;
	for (const key of path.split('.')) {
		const next = objectShape(current)?.[key];
		if (!next) throw new Error(`${kind}: "${path}" is not a field of the schema`);
		doc = fieldDoc(next) ?? doc;
		const { inner, optional } = unwrapField(next);
		required &&= !optional;
		current = inner as z.ZodType;
	}
	if (!doc) throw new Error(`${kind}: "${path}" has no label in the schema (field() meta)`);
	return { doc, required, answer: answerType(current, doc), schema: current };
}

/** Reads the kind of answer a field takes from its schema and documentation. */
function answerType(schema: z.ZodType, doc: FieldDoc): AnswerType {
	const def = schema._zod.def as { type: string; format?: string; element?: z.ZodType };
	if (def.type === 'array' && def.element) {
		if (doc.vocabulary) return { type: 'vocabulary', vocabulary: doc.vocabulary, multiple: true };
		if (listItemReferences(schema)) return { type: 'model-uses' };
		return { type: 'list' };
	}
	if (doc.vocabulary) return { type: 'vocabulary', vocabulary: doc.vocabulary, multiple: false };
	if (def.type === 'boolean') return { type: 'boolean' };
	if (def.type === 'number') return { type: 'integer' };
	if (def.type === 'object') return { type: 'text' };
	if (def.format === 'email') return { type: 'email' };
	if (def.format === 'url') return { type: 'url' };
	if (def.format === 'date') return { type: 'date' };
	return { type: 'string' };
}
