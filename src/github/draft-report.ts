import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
	ReceivedDraftReportSchema,
	draftEntryFile,
	draftStatuses,
	entryIdPattern,
	isDraftStatus,
	reportFileName,
	type DraftStatus,
	type ReceivedDraftReport,
} from '../contract/draft-report.ts';
import { entryKinds, isEntryKind, type EntryKind } from '../registry/kinds/index.ts';
import { PublishError, type Bilingual } from './errors.ts';

/** Largest entry file accepted from the draft job; real entries are a few kilobytes. */
const maxEntryBytes = 512 * 1024;

/** Largest report accepted; it holds the text sent to the model, which is bounded upstream. */
const maxReportBytes = 4 * 1024 * 1024;

/**
 * The drafting command's report as this side holds it: read with the contract's received view
 * (src/contract/draft-report.ts), checked.
 */
export type DraftReport = ReceivedDraftReport;

/** A draft entry ready to commit: its kind, id, repository path and text. */
export interface DraftEntry {
	kind: EntryKind;
	id: string;
	/** `registry/<kind>/<id>.mdx`, built from the checked kind and id only. */
	path: string;
	content: string;
	/** `add`: a new entry; `edit`: a correction of an entry the registry has. */
	change: 'add' | 'edit';
}

/** What the draft job produced, read back and checked by the publish job. */
export type Draft =
	| { status: 'drafted'; report: DraftReport; entry: DraftEntry }
	| { status: Exclude<DraftStatus, 'drafted'>; report: DraftReport };

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
	const parsed = ReceivedDraftReportSchema.safeParse(json);
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
	const change = fileChange(report, kind, id, reportPath);
	const entryPath = join(dir, draftEntryFile(kind, id));
	const content = await readRegularFile(entryPath, maxEntryBytes, false);
	if (content === undefined) throw badDraft(`${entryPath}: missing`);
	return {
		status: 'drafted',
		report,
		entry: { kind, id, path: `${registryFolder}/${draftEntryFile(kind, id)}`, content, change },
	};
}

/**
 * How the draft's one file changes the registry, from the report's list of files (a drafting
 * command older than that list only ever added entries). The list's first file must be the
 * report's entry; this command publishes that one file.
 */
function fileChange(
	report: DraftReport,
	kind: EntryKind,
	id: string,
	reportPath: string,
): 'add' | 'edit' {
	const [first, ...others] = report.files;
	if (!first) return 'add';
	if (first.kind !== kind || first.id !== id || first.file !== draftEntryFile(kind, id)) {
		throw badDraft(
			`${reportPath}: files[0] must be the entry ${kind}/${id} (got ${show(first.file)})`,
		);
	}
	if (first.change !== 'add' && first.change !== 'edit') {
		throw badDraft(
			`${reportPath}: files[0].change must be add or edit (got ${show(first.change)})`,
		);
	}
	if (others.length > 0) {
		throw badDraft(
			`${reportPath}: ${others.length} file(s) besides the entry, which this publish-draft does not publish; update it with the drafting command`,
		);
	}
	if (first.change === 'edit' && !report.correction) {
		throw badDraft(`${reportPath}: an edited entry without its correction`);
	}
	return first.change;
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
