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
	| {
			status: 'drafted';
			report: DraftReport;
			entry: DraftEntry;
			/** The other entries the draft adds (models the entry names that the registry lacks). */
			extra: DraftEntry[];
	  }
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
	const { change, others } = draftFiles(report, kind, id, reportPath);
	const entryPath = join(dir, draftEntryFile(kind, id));
	const content = await readRegularFile(entryPath, maxEntryBytes, false);
	if (content === undefined) throw badDraft(`${entryPath}: missing`);
	const extra: DraftEntry[] = [];
	for (const other of others) {
		const path = join(dir, draftEntryFile(other.kind, other.id));
		const text = await readRegularFile(path, maxEntryBytes, false);
		if (text === undefined) throw badDraft(`${path}: missing`);
		extra.push({
			kind: other.kind,
			id: other.id,
			path: `${registryFolder}/${draftEntryFile(other.kind, other.id)}`,
			content: text,
			change: 'add',
		});
	}
	return {
		status: 'drafted',
		report,
		entry: { kind, id, path: `${registryFolder}/${draftEntryFile(kind, id)}`, content, change },
		extra,
	};
}

/**
 * The draft's files, from the report's list (a drafting command older than that list only ever
 * added one entry): the first must be the report's entry, added or edited; the others, each
 * checked like it, can only be new entries, at most {@link maxExtraFiles}.
 */
function draftFiles(
	report: DraftReport,
	kind: EntryKind,
	id: string,
	reportPath: string,
): { change: 'add' | 'edit'; others: { kind: EntryKind; id: string }[] } {
	const [first, ...rest] = report.files;
	if (!first) return { change: 'add', others: [] };
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
	if (first.change === 'edit' && !report.correction) {
		throw badDraft(`${reportPath}: an edited entry without its correction`);
	}
	if (rest.length > maxExtraFiles) {
		throw badDraft(
			`${reportPath}: ${rest.length} files besides the entry (at most ${maxExtraFiles})`,
		);
	}
	const seen = new Set([first.file]);
	const others = rest.map((file, index) => {
		const at = `${reportPath}: files[${index + 1}]`;
		if (!isEntryKind(file.kind) || !entryIdPattern.test(file.id)) {
			throw badDraft(`${at}: kind and id must be an entry's (got ${show(file.file)})`);
		}
		if (file.file !== draftEntryFile(file.kind, file.id) || seen.has(file.file)) {
			throw badDraft(`${at}: a file named by its kind and id, once (got ${show(file.file)})`);
		}
		if (file.change !== 'add') {
			throw badDraft(
				`${at}: only a new entry may come beside the entry (got ${show(file.change)})`,
			);
		}
		seen.add(file.file);
		return { kind: file.kind, id: file.id };
	});
	return { change: first.change, others };
}

/** Most entries a draft may add beside its own. */
const maxExtraFiles = 10;

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
