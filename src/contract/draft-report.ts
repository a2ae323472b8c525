import { z } from 'zod';
import { entryKinds, type EntryKind } from '../registry/kinds/index.ts';

/**
 * What the drafting job (`npm run draft`, src/drafting/) hands to the publishing job
 * (`npm run publish-draft`, src/github/): a folder holding `draft-report.json` and the files of
 * the draft (`files`), each `<kind>/<id>.mdx`: the entry the issue is about (a new one, or an
 * existing one edited by a correction) first, then any other entry the draft adds. Both sides import this module and neither imports the other.
 * The drafting job writes a report that {@link DraftReportSchema} accepts; the publishing job
 * reads it with {@link ReceivedDraftReportSchema}, the same fields read as untrusted input, and
 * trusts nothing else the drafting job left behind.
 */

/** Name of the report inside the draft folder. */
export const reportFileName = 'draft-report.json';

/** The entry's file inside the draft folder, which is also its path inside `registry/`. */
export function draftEntryFile(kind: EntryKind, id: string): string {
	return `${kind}/${id}.mdx`;
}

/** An entry id: also its file name, so the only thing a path is ever built from. */
export const entryIdPattern = /^[a-z0-9][a-z0-9.-]{0,63}$/;

/** A message in both of the site's languages. */
const BilingualSchema = z.object({ fr: z.string(), en: z.string() }).strict();

/**
 * What happened to the issue:
 * - `drafted`: an entry was written (exit 0), perhaps with fields to complete (`toComplete`):
 *   with AI off, without a key or when the model fails, the draft is made from the form;
 * - `invalid-form`: a registry form, but its answers cannot make an entry (exit 2);
 * - `not-a-registry-issue`: not made with one of the registry forms (exit 2);
 * - `error-report`: written by drafting commands older than corrections (an error report was
 *   not drafted then); a correction is now `drafted`, with `correction` set (exit 2);
 * - `model-failed`: the model gave no usable answer and the form alone could not make a draft
 *   either (exit 3); a failing model otherwise leaves a form-only draft;
 * - `error`: anything else, e.g. an unreadable event file (exit 1).
 */
export const draftStatuses = [
	'drafted',
	'invalid-form',
	'not-a-registry-issue',
	'error-report',
	'model-failed',
	'error',
] as const;

/** The statuses, as a schema. */
export const DraftStatusSchema = z.enum(draftStatuses);

/** Outcome of a draft run. */
export type DraftStatus = z.infer<typeof DraftStatusSchema>;

/** Whether a string is one of {@link draftStatuses}. */
export function isDraftStatus(value: unknown): value is DraftStatus {
	return (draftStatuses as readonly unknown[]).includes(value);
}

/** One problem, located on a form or entry field when it concerns one. */
export const DraftErrorSchema = z
	.object({
		/** Form field id, entry field path, or `issue`, `model`, `event` for the whole. */
		field: z.string(),
		message: BilingualSchema,
	})
	.strict();

/** One problem reported to the contributor. */
export type DraftError = z.infer<typeof DraftErrorSchema>;

/** Tokens counted by the provider over every call of the run (draft and repair). */
export const UsageSchema = z
	.object({
		promptTokens: z.int().nonnegative(),
		completionTokens: z.int().nonnegative(),
		totalTokens: z.int().nonnegative(),
	})
	.strict();

/** Token counts of a run. */
export type Usage = z.infer<typeof UsageSchema>;

/** Estimated money cost of the model calls. */
export const CostSchema = z
	.object({
		amount: z.number().nonnegative(),
		currency: z.enum(['EUR', 'USD']),
		/** `provider` when the API returned the cost, `price-table` when computed from list prices. */
		source: z.enum(['provider', 'price-table']),
		/** Where the figure comes from, for the reviewer. */
		basis: z.string(),
	})
	.strict();

/** A range, when a figure is only known within bounds. */
const RangeSchema = z.object({ min: z.number().nonnegative(), max: z.number().nonnegative() });

/** Energy used (and carbon emitted) by the model calls. */
export const EnergySchema = z
	.object({
		kWh: RangeSchema,
		kgCO2eq: RangeSchema.nullable(),
		/** `provider` when the API returned it (Albert does), `estimate` when computed here. */
		source: z.enum(['provider', 'estimate']),
		/** Method and scope of the figure, for the reviewer. */
		basis: z.string(),
	})
	.strict();

/** Where each top-level field of the drafted entry came from. */
export const FieldSourceSchema = z.enum(['form', 'ai']);

/** How a file of the draft changes the registry. */
export const FileChangeSchema = z.enum(['add', 'edit']);

/**
 * One file of a draft, at {@link draftEntryFile} inside the draft folder and inside `registry/`:
 * the entry the issue is about comes first (`add` for a new entry, `edit` for a correction of an
 * existing one), then the other entries the draft adds (a model the system names that the
 * registry lacks).
 */
export const DraftFileSchema = z
	.object({
		file: z.string(),
		kind: z.enum(entryKinds),
		id: z.string(),
		change: FileChangeSchema,
		/** Its fields' origins, for a file other than the first (whose are `fields`). */
		fields: z.record(z.string(), FieldSourceSchema).optional(),
	})
	.strict();

/** One file of a draft. */
export type DraftFile = z.infer<typeof DraftFileSchema>;

/** A top-level field a correction changes, as the pull request's diff shows it. */
export const FieldChangeSchema = z
	.object({
		field: z.string(),
		/** The field's label in each language; the pull request shows the issue's. */
		label: BilingualSchema,
		/** The value before and after, as YAML text; null when the field is absent. */
		before: z.string().nullable(),
		after: z.string().nullable(),
		origin: FieldSourceSchema,
	})
	.strict();

/** One field changed by a correction. */
export type FieldChange = z.infer<typeof FieldChangeSchema>;

/** Issue forms that correct or update an existing entry. */
export const correctionForms = ['entry-error', 'entry-update'] as const;

/**
 * A correction of an existing entry ("report an error in this entry", "update an entry"): what
 * it changes, field by field, what the reporter wrote, and what a maintainer must still do.
 */
export const CorrectionSchema = z
	.object({
		form: z.enum(correctionForms),
		/** The issue's language: the pull request names fields in it first. */
		language: z.enum(['fr', 'en']),
		changes: z.array(FieldChangeSchema),
		/** The reporter's answers, personal data masked, in form order. */
		report: z.array(z.object({ label: BilingualSchema, text: z.string() }).strict()),
		/** What a maintainer must do besides reviewing the changes, in words. */
		toDo: z.array(BilingualSchema),
	})
	.strict();

/** A correction, as the report carries it. */
export type Correction = z.infer<typeof CorrectionSchema>;

/** A field the draft does not give yet, in words, for a maintainer to complete. */
export const ToCompleteSchema = z
	.object({
		/** Dotted path, for tools (the line of the entry file); people read `label`. */
		field: z.string(),
		/** The question's label (or the field's) in each language. */
		label: BilingualSchema,
		/** What to give. */
		note: BilingualSchema,
	})
	.strict();

/** Personal data found in the draft's texts, masked in the entry unless a person cleared it. */
export const PersonalDataSchema = z
	.object({
		found: z.array(
			z
				.object({
					/** Dotted path of the value, for the line of the entry file. */
					field: z.string(),
					/** The draft's other file it is in (`models/<id>.mdx`, a new model); the entry's if absent. */
					file: z.string().optional(),
					label: BilingualSchema,
					/** How many of each kind (`email`, `phone`, `iban`, `nir`, `ip`). */
					kinds: z.record(z.string(), z.int().positive()),
				})
				.strict(),
		),
		/** The label by which a maintainer let the values be written as typed; null: masked. */
		clearedBy: z.string().nullable(),
	})
	.strict();

/** The report written next to the draft, read by the publishing job and shown to reviewers. */
export const DraftReportSchema = z
	.object({
		status: DraftStatusSchema,
		/** The issue the draft was made from; the publishing job checks it is the one it publishes. */
		issue: z.int().positive().nullable(),
		kind: z.enum(entryKinds).nullable(),
		id: z.string().nullable(),
		/** Path of the written entry relative to `--out` ({@link draftEntryFile}). */
		file: z.string().nullable(),
		/** Every file of the draft, `file` first; empty when nothing was written. */
		files: z.array(DraftFileSchema),
		/** Set when the issue corrects or updates an existing entry (`files[0].change: edit`). */
		correction: CorrectionSchema.nullable(),
		mode: z.enum(['ai', 'form-only']).nullable(),
		/** Why the draft is form-only, when it is. */
		formOnlyReason: BilingualSchema.nullable(),
		fields: z.record(z.string(), FieldSourceSchema),
		/** What the drafted entry does not give yet, which a maintainer must complete. */
		toComplete: z.array(ToCompleteSchema),
		personalData: PersonalDataSchema,
		/** The prompt file used and what was left out to fit the character budget. */
		prompt: z
			.object({
				file: z.string(),
				/**
				 * `definitions` (of vocabulary values), `example`, `references:<kind>` (only the entries
				 * the issue names or resembles offered), `resembling` (only those it names), `issue-end`.
				 */
				omitted: z.array(z.string()),
			})
			.strict()
			.nullable(),
		/**
		 * Everything that left the machine, in order, exactly as sent: each call's messages and
		 * response schema, under `----- call N · role -----` lines; null when nothing was sent.
		 */
		sentText: z.string().nullable(),
		/** Characters sent: messages plus the response schema, over every call. */
		sentChars: z.int().nonnegative(),
		/** What was removed from the issue text before it was sent, by kind. */
		redactions: z.record(z.string(), z.int().positive()),
		usage: UsageSchema.nullable(),
		cost: CostSchema.nullable(),
		energy: EnergySchema.nullable(),
		model: z.string().nullable(),
		provider: z.string().nullable(),
		/** Model calls made, the repair included (HTTP retries inside one call are not counted). */
		calls: z.int().nonnegative(),
		/** Wall time of the whole run. */
		durationMs: z.int().nonnegative(),
		/** Part of `durationMs` spent waiting for the model. */
		modelDurationMs: z.int().nonnegative(),
		errors: z.array(DraftErrorSchema),
	})
	.strict();

/** The report of one draft run. */
export type DraftReport = z.infer<typeof DraftReportSchema>;

/** A report with nothing done yet, to be completed by the pipeline's steps. */
export function emptyReport(status: DraftStatus): DraftReport {
	return {
		status,
		issue: null,
		kind: null,
		id: null,
		file: null,
		files: [],
		correction: null,
		mode: null,
		formOnlyReason: null,
		fields: {},
		toComplete: [],
		personalData: { found: [], clearedBy: null },
		prompt: null,
		sentText: null,
		sentChars: 0,
		redactions: {},
		usage: null,
		cost: null,
		energy: null,
		model: null,
		provider: null,
		calls: 0,
		durationMs: 0,
		modelDurationMs: 0,
		errors: [],
	};
}

type ReportShape = typeof DraftReportSchema.shape;

/** Every field of the report, defaulting to the empty report's value when it is left out. */
function withDefaults(shape: ReportShape): {
	[Key in keyof ReportShape]: z.ZodDefault<ReportShape[Key]>;
} {
	const empty = emptyReport('error') as Record<string, unknown>;
	return Object.fromEntries(
		Object.entries(shape).map(([key, schema]) => [
			key,
			(schema as z.ZodType).default(() => structuredClone(empty[key]) as never),
		]),
	) as { [Key in keyof ReportShape]: z.ZodDefault<ReportShape[Key]> };
}

/**
 * The report as the publishing job reads it: {@link DraftReportSchema}'s fields, read as the
 * untrusted input an artifact is. A field left out takes the empty report's value, one more is
 * kept (a newer drafting command may add some), and the values this side checks itself (the
 * status, kind and id, those of each file: a message names what is wrong) or only shows as text
 * (the cost's and energy's sources, the fields' origins) are taken as any string.
 */
export const ReceivedDraftReportSchema = z.looseObject({
	...withDefaults(DraftReportSchema.shape),
	status: z.string(),
	kind: z.string().nullable().default(null),
	id: z.string().nullable().default(null),
	fields: z.record(z.string(), z.string()).default({}),
	files: z
		.array(
			z.looseObject({
				file: z.string(),
				kind: z.string(),
				id: z.string(),
				change: z.string(),
				fields: z.record(z.string(), z.string()).optional(),
			}),
		)
		.default([]),
	correction: z
		.looseObject({
			form: z.string(),
			language: z.string(),
			changes: z.array(z.looseObject({ ...FieldChangeSchema.shape, origin: z.string() })),
			report: z.array(z.object({ label: BilingualSchema, text: z.string() })),
			toDo: z.array(BilingualSchema),
		})
		.nullable()
		.default(null),
	cost: CostSchema.extend({ currency: z.string(), source: z.string() }).nullable().default(null),
	energy: EnergySchema.extend({ source: z.string() }).nullable().default(null),
});

/** The report as the publishing job holds it, checked. */
export type ReceivedDraftReport = z.infer<typeof ReceivedDraftReportSchema>;
