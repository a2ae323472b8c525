import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { entryKinds, isEntryKind, type EntryKind } from '../registry/kinds/index.ts';
import { PublishError, type Bilingual } from './errors.ts';

/**
 * The statuses the drafting command writes in `draft-report.json`: an entry was drafted; the
 * form's answers cannot make one; not a registry form; an "error in an entry" report (nothing to
 * draft); the model failed; anything else went wrong.
 */
export const draftStatuses = [
	'drafted',
	'invalid-form',
	'not-a-registry-issue',
	'error-report',
	'model-failed',
	'error',
] as const;

/** What the drafting command did with the issue. */
export type DraftStatus = (typeof draftStatuses)[number];

/** An entry id: also its file name, so the only thing a path is ever built from. */
export const entryIdPattern = /^[a-z0-9][a-z0-9.-]{0,63}$/;

/** Largest entry file accepted from the draft job; real entries are a few kilobytes. */
const maxEntryBytes = 512 * 1024;

/** Largest report accepted; it holds the text sent to the model, which is bounded upstream. */
const maxReportBytes = 4 * 1024 * 1024;

const BilingualSchema = z.object({ fr: z.string(), en: z.string() });

/** Amounts in a range, as the drafting side gives energy figures. */
const RangeSchema = z.looseObject({ min: z.number(), max: z.number() });

/**
 * `draft-report.json` as written by `npm run draft`. Extra fields are kept, so the drafting
 * command can add some without breaking this side; what is read here is checked.
 */
export const DraftReportSchema = z.looseObject({
	status: z.string(),
	/** The issue the draft was made from; must be the one being published. */
	issue: z.int().positive().nullish(),
	kind: z.string().nullish(),
	id: z.string().nullish(),
	file: z.string().nullish(),
	mode: z.enum(['ai', 'form-only']).nullish(),
	/** Why the draft is form-only, in both languages, when it is. */
	formOnlyReason: BilingualSchema.nullish(),
	/** Where each field's value came from: `form`, `ai` (or `person`). */
	fields: z.record(z.string(), z.string()).default({}),
	/**
	 * What the draft does not give yet, in words, for a maintainer to complete: the form left it
	 * blank, or the model could not say. Shown as written; what the publish job trusts is the
	 * registry's validator, which finds the same fields missing in the entry.
	 */
	toComplete: z
		.array(z.looseObject({ field: z.string(), label: BilingualSchema, note: BilingualSchema }))
		.default([]),
	/** Personal data found in the draft's texts: masked in the entry unless `clearedBy` a label. */
	personalData: z
		.looseObject({
			found: z
				.array(
					z.looseObject({
						field: z.string(),
						label: BilingualSchema,
						kinds: z.record(z.string(), z.number()),
					}),
				)
				.default([]),
			clearedBy: z.string().nullish(),
		})
		.default({ found: [], clearedBy: null }),
	/** The exact text sent to the model, after redaction. */
	sentText: z.string().nullish(),
	/** What was masked in the issue text before sending, by kind (`email`, `phone`…). */
	redactions: z.record(z.string(), z.number()).default({}),
	/** Model calls made, the repair included. */
	calls: z.int().nonnegative().nullish(),
	usage: z
		.looseObject({
			promptTokens: z.number().nonnegative(),
			completionTokens: z.number().nonnegative(),
			totalTokens: z.number().nonnegative(),
		})
		.nullish(),
	model: z.string().nullish(),
	provider: z.string().nullish(),
	durationMs: z.number().nonnegative().nullish(),
	/** Part of `durationMs` spent waiting for the model. */
	modelDurationMs: z.number().nonnegative().nullish(),
	errors: z.array(z.looseObject({ field: z.string(), message: BilingualSchema })).default([]),
	/** Estimated money cost of the model calls. */
	cost: z
		.looseObject({
			amount: z.number().nonnegative(),
			currency: z.string(),
			source: z.string().optional(),
			basis: z.string().optional(),
		})
		.nullish(),
	/** Estimated energy (and carbon) of the model calls, as ranges. */
	energy: z
		.looseObject({
			kWh: RangeSchema,
			kgCO2eq: RangeSchema.nullish(),
			source: z.string().optional(),
			basis: z.string().optional(),
		})
		.nullish(),
});

/** The drafting command's report, checked. */
export type DraftReport = z.infer<typeof DraftReportSchema>;

/** A draft entry ready to commit: its kind, id, repository path and text. */
export interface DraftEntry {
	kind: EntryKind;
	id: string;
	/** `registry/<kind>/<id>.mdx`, built from the checked kind and id only. */
	path: string;
	content: string;
}

/** What the draft job produced, read back and checked by the publish job. */
export type Draft =
	| { status: 'drafted'; report: DraftReport; entry: DraftEntry }
	| { status: Exclude<DraftStatus, 'drafted'>; report: DraftReport };

/** Name of the report inside the draft folder. */
export const reportFileName = 'draft-report.json';

/**
 * Reads and checks the draft folder handed over by the draft job. Its content is untrusted: the
 * kind and id must match the registry's rules, the entry path is built from them alone, and the
 * entry must be a regular UTF-8 file of reasonable size. Returns `undefined` when there is no
 * report (the draft job stopped before drafting).
 */
export async function readDraft(
	dir: string,
	issueNumber: number,
	registryFolder = 'registry',
): Promise<Draft | undefined> {
	const reportPath = join(dir, reportFileName);
	const reportText = await readRegularFile(reportPath, maxReportBytes, true);
	if (reportText === undefined) return undefined;
	let json: unknown;
	try {
		json = JSON.parse(reportText);
	} catch (error) {
		throw badDraft(`${reportPath}: not JSON (${(error as Error).message})`, error);
	}
	const parsed = DraftReportSchema.safeParse(json);
	if (!parsed.success) throw badDraft(`${reportPath}: ${z.prettifyError(parsed.error)}`);
	const report = parsed.data;
	if (!isDraftStatus(report.status)) {
		throw new PublishError({
			fr: `${reportPath} : statut inconnu « ${report.status} » (attendu : ${draftStatuses.join(', ')}). La commande de rédaction et publish-draft ne sont plus d’accord : mettez-les à jour ensemble.`,
			en: `${reportPath}: unknown status "${report.status}" (expected one of ${draftStatuses.join(', ')}). The drafting command and publish-draft are out of step: update them together.`,
		});
	}
	if (report.status !== 'drafted') return { status: report.status, report };
	if (report.issue !== undefined && report.issue !== null && report.issue !== issueNumber) {
		throw badDraft(`${reportPath}: drafted for issue #${report.issue}, not #${issueNumber}`);
	}

	const kind = report.kind;
	if (!isEntryKind(kind)) {
		throw badDraft(
			`${reportPath}: kind must be one of ${entryKinds.join(', ')} (got ${show(kind)})`,
		);
	}
	const id = report.id;
	if (typeof id !== 'string' || !entryIdPattern.test(id)) {
		throw badDraft(`${reportPath}: id must match ${entryIdPattern} (got ${show(id)})`);
	}
	if (!report.mode) throw badDraft(`${reportPath}: mode must be ai or form-only`);
	const entryPath = join(dir, kind, `${id}.mdx`);
	const content = await readRegularFile(entryPath, maxEntryBytes, false);
	if (content === undefined) throw badDraft(`${entryPath}: missing`);
	return {
		status: 'drafted',
		report,
		entry: { kind, id, path: `${registryFolder}/${kind}/${id}.mdx`, content },
	};
}

function isDraftStatus(value: string): value is DraftStatus {
	return (draftStatuses as readonly string[]).includes(value);
}

/** Shows an untrusted value in a message without letting it run on. */
function show(value: unknown): string {
	return JSON.stringify(value ?? null).slice(0, 80);
}

/** Reads a regular file (no symlink, bounded size, valid UTF-8); `undefined` if it is absent. */
async function readRegularFile(
	path: string,
	maxBytes: number,
	optional: boolean,
): Promise<string | undefined> {
	const stats = await lstat(path).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT' && optional) return undefined;
		if (error.code === 'ENOENT') throw badDraft(`${path}: missing`);
		throw error;
	});
	if (stats === undefined) return undefined;
	if (!stats.isFile()) throw badDraft(`${path}: not a regular file`);
	if (stats.size > maxBytes) throw badDraft(`${path}: larger than ${maxBytes} bytes`);
	const bytes = await readFile(path);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch (error) {
		throw badDraft(`${path}: not valid UTF-8`, error);
	}
}

function badDraft(detail: string, cause?: unknown): PublishError {
	const message: Bilingual = {
		fr: `Le brouillon transmis par le job de rédaction est refusé : ${detail}. Rien n’a été écrit.`,
		en: `The draft handed over by the draft job is refused: ${detail}. Nothing was written.`,
	};
	return new PublishError(message, { cause });
}
