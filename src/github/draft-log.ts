import { z } from 'zod';

/**
 * One draft published for an issue, kept in a hidden marker of its pull request's body. The rate
 * limits count the workflow's runs; these records only tell which of them drafted without AI.
 */
export interface DraftRecord {
	issue: number;
	/** Login of the issue's author, whom the hourly limit is per. */
	author: string;
	/** `GITHUB_RUN_ID.GITHUB_RUN_ATTEMPT` of the run that drafted: publishing again adds nothing. */
	run: string;
	/** When the draft was published (ISO 8601). */
	at: string;
	mode: 'ai' | 'form-only';
}

const DraftRecordSchema = z.object({
	issue: z.int().positive(),
	author: z.string().regex(/^[A-Za-z0-9-]+(\[bot\])?$/),
	run: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
	at: z.iso.datetime(),
	mode: z.enum(['ai', 'form-only']),
});

/** How long records are kept: the longest window a limit looks at. */
export const draftLogRetentionMs = 24 * 60 * 60 * 1000;

const markerPattern = /<!-- registre-ia:drafts (\[[^<>]*\]) -->/g;

/**
 * The records in a pull request body; malformed ones are ignored. The last marker wins: ours is
 * written at the very end, after any quoted issue text that might imitate it.
 */
export function readDraftLog(body: string | null | undefined): DraftRecord[] {
	const json = [...(body ?? '').matchAll(markerPattern)].at(-1)?.[1];
	if (json === undefined) return [];
	let list: unknown;
	try {
		list = JSON.parse(json);
	} catch {
		return [];
	}
	if (!Array.isArray(list)) return [];
	return list.flatMap((item) => {
		const record = DraftRecordSchema.safeParse(item);
		return record.success ? [record.data] : [];
	});
}

/** The hidden marker holding the records, for the end of a pull request body. */
export function formatDraftLog(records: readonly DraftRecord[]): string {
	// Only validated logins, ids and dates go in, so no "-->" can close the comment early.
	return `<!-- registre-ia:drafts ${JSON.stringify(records)} -->`;
}

/** Adds a run's record unless it is already there, dropping records older than the retention. */
export function addDraftRecord(
	records: readonly DraftRecord[],
	record: DraftRecord,
	now: Date,
): DraftRecord[] {
	if (records.some((existing) => existing.run === record.run)) return [...records];
	const oldest = now.getTime() - draftLogRetentionMs;
	return [...records.filter((existing) => Date.parse(existing.at) >= oldest), record];
}
