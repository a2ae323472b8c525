import { draftLogRetentionMs, readDraftLog, type DraftRecord } from './draft-log.ts';
import { explainFailure } from './errors.ts';
import type { GitHubClient, RepositoryRef } from './rest-client.ts';

/** The limits set in `registre.config.yml` (`drafting.perAuthorPerHour`, `perRepositoryPerDay`). */
export interface RateLimits {
	/** Drafts, with or without AI, one issue author may get per rolling hour. */
	perAuthorPerHour: number;
	/** AI drafts the repository may produce per rolling 24 hours; beyond it drafts are form-only. */
	perRepositoryPerDay: number;
}

/** What the limits allow for the next draft. */
export type LimitDecision =
	| { allowed: true; ai: true }
	| { allowed: true; ai: false; reason: 'daily-cap'; aiAvailableAt: string; limit: number }
	| { allowed: false; reason: 'author-hourly'; retryAt: string; limit: number };

const hourMs = 60 * 60 * 1000;

/** Decides from the records of recent drafts whether this author may get a draft, and with AI. */
export function evaluateRateLimits(input: {
	author: string;
	records: readonly DraftRecord[];
	limits: RateLimits;
	now: Date;
}): LimitDecision {
	const { limits, now } = input;
	const records = unique(input.records);
	const author = input.author.toLowerCase();
	const byAuthor = times(
		records.filter((record) => record.author.toLowerCase() === author),
		now,
		hourMs,
	);
	if (byAuthor.length >= limits.perAuthorPerHour) {
		// The limit frees up when enough of the oldest drafts leave the window.
		const freeing = byAuthor[byAuthor.length - limits.perAuthorPerHour] ?? now.getTime();
		return {
			allowed: false,
			reason: 'author-hourly',
			retryAt: new Date(freeing + hourMs).toISOString(),
			limit: limits.perAuthorPerHour,
		};
	}
	const aiToday = times(
		records.filter((record) => record.mode === 'ai'),
		now,
		draftLogRetentionMs,
	);
	if (aiToday.length >= limits.perRepositoryPerDay) {
		const freeing = aiToday[aiToday.length - limits.perRepositoryPerDay] ?? now.getTime();
		return {
			allowed: true,
			ai: false,
			reason: 'daily-cap',
			aiAvailableAt: new Date(freeing + draftLogRetentionMs).toISOString(),
			limit: limits.perRepositoryPerDay,
		};
	}
	return { allowed: true, ai: true };
}

/** Sorted times of the records inside the window that ends now. */
function times(records: readonly DraftRecord[], now: Date, windowMs: number): number[] {
	const start = now.getTime() - windowMs;
	return records
		.map((record) => Date.parse(record.at))
		.filter((time) => time > start && time <= now.getTime())
		.sort((a, b) => a - b);
}

function unique(records: readonly DraftRecord[]): DraftRecord[] {
	const seen = new Set<string>();
	return records.filter((record) => {
		const key = `${record.issue}/${record.run}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/**
 * Collects the draft records of the last 24 hours from the pull requests this workflow opened,
 * most recently updated first, stopping at the first one older than the window. Only pull
 * requests opened by a bot count, so nobody can spend someone else's quota by copying a marker.
 */
export async function listRecentDraftRecords(
	client: GitHubClient,
	repository: RepositoryRef,
	now: Date,
): Promise<DraftRecord[]> {
	const since = now.getTime() - draftLogRetentionMs;
	const records: DraftRecord[] = [];
	await explainFailure('read-pull-requests', async () => {
		const pages = client.paginate.iterator(client.rest.pulls.list, {
			...repository,
			state: 'all',
			sort: 'updated',
			direction: 'desc',
			per_page: 100,
		});
		for await (const page of pages) {
			for (const pull of page.data) {
				if (Date.parse(pull.updated_at) < since) return;
				if (pull.user?.type !== 'Bot') continue;
				records.push(...readDraftLog(pull.body).filter((r) => Date.parse(r.at) >= since));
			}
		}
	});
	return records;
}
