import { draftLogRetentionMs, readDraftLog, type DraftRecord } from './draft-log.ts';
import { PublishError, explainFailure, isGitHubError } from './errors.ts';
import type { GitHubClient, RepositoryRef } from './rest-client.ts';

/** The limits set in `registre.config.yml` (`drafting.perAuthorPerHour` and the others). */
export interface RateLimits {
	/**
	 * Runs, with or without AI, an issue author may start on their own issues per rolling hour;
	 * runs a team member starts on someone else's issue do not count here.
	 */
	perAuthorPerHour: number;
	/** Runs one issue may get per rolling 24 hours, however often it is edited. */
	perIssuePerDay: number;
	/** AI attempts the repository may make per rolling 24 hours; beyond it drafts are form-only. */
	perRepositoryPerDay: number;
}

/**
 * One earlier attempt at drafting: a run of the drafting workflow or one of its re-runs, whatever
 * came of it. Counted from GitHub's list of the workflow's runs, so an attempt counts from the
 * moment GitHub creates the run, before any model is called, and a failed one leaves its trace.
 */
export interface DraftAttempt {
	/** `RUN_ID.RUN_ATTEMPT`, the key the draft log uses too. */
	run: string;
	/** Position among the workflow's runs: GitHub numbers them one after another. */
	order: number;
	/** The issue, read from the run's name (`AI draft · issue #N`); unknown for a foreign name. */
	issue: number | undefined;
	/** The issue's author, read from the run's name (`… by @login`); unknown for a manual run. */
	author: string | undefined;
	/** Login of the person who triggered the run (a re-run: whoever re-ran it). */
	actor: string;
	/** When GitHub created the run (ISO 8601). */
	at: string;
	/** The draft log says this attempt drafted without the model. */
	formOnly: boolean;
}

/** What the limits allow for this run. */
export type LimitDecision =
	| { allowed: true; ai: true }
	| { allowed: true; ai: false; reason: 'daily-cap'; aiAvailableAt: string; limit: number }
	| {
			allowed: false;
			reason: 'author-hourly' | 'issue-daily';
			retryAt: string;
			limit: number;
	  };

const hourMs = 60 * 60 * 1000;
const dayMs = draftLogRetentionMs;

/** The run being decided: who started it, for which issue, and who wrote that issue. */
export interface AttemptSubject {
	author: string | undefined;
	actor: string;
	issue: number;
}

/**
 * Whether an attempt is the issue author's own doing, the only kind the per-author limit counts.
 * Anyone else who starts a run on an issue (a label, an edit of its text, a re-run, a manual run)
 * needs at least the triage role: the team's choice is not charged to the author.
 */
function byItsAuthor(attempt: { author: string | undefined; actor: string }): boolean {
	return (
		attempt.author !== undefined && attempt.author.toLowerCase() === attempt.actor.toLowerCase()
	);
}

/**
 * Decides whether this run may draft, and with AI, from the attempts made before it. Every
 * attempt counts, refused ones included, so a refused author who keeps editing stays refused:
 * `retryAt` assumes no further attempt until then.
 */
export function evaluateRateLimits(input: {
	subject: AttemptSubject;
	attempts: readonly DraftAttempt[];
	limits: RateLimits;
	now: Date;
}): LimitDecision {
	const { subject, limits, now } = input;
	const attempts = unique(input.attempts);
	const refusal = refuse(subject, attempts, limits, now);
	if (refusal) return refusal;

	// AI attempts: neither recorded as form-only nor refused by a limit (replayed in order).
	const aiAttempts = attempts.filter((attempt, index) => {
		if (attempt.formOnly) return false;
		const before = attempts.slice(0, index);
		return refuse(attempt, before, limits, new Date(attempt.at)) === undefined;
	});
	const aiToday = times(aiAttempts, now, dayMs);
	if (aiToday.length >= limits.perRepositoryPerDay) {
		const freeing = aiToday[aiToday.length - limits.perRepositoryPerDay] ?? now.getTime();
		return {
			allowed: true,
			ai: false,
			reason: 'daily-cap',
			aiAvailableAt: new Date(freeing + dayMs).toISOString(),
			limit: limits.perRepositoryPerDay,
		};
	}
	return { allowed: true, ai: true };
}

/** The refusal an attempt gets from the per-person and per-issue limits, if any. */
function refuse(
	subject: { author: string | undefined; actor: string; issue: number | undefined },
	before: readonly DraftAttempt[],
	limits: RateLimits,
	now: Date,
): Extract<LimitDecision, { allowed: false }> | undefined {
	const author = subject.author?.toLowerCase();
	const checks = [
		{
			reason: 'author-hourly',
			limit: limits.perAuthorPerHour,
			windowMs: hourMs,
			mine: byItsAuthor(subject)
				? before.filter(
						(attempt) => byItsAuthor(attempt) && attempt.author?.toLowerCase() === author,
					)
				: [],
		},
		{
			reason: 'issue-daily',
			limit: limits.perIssuePerDay,
			windowMs: dayMs,
			mine:
				subject.issue === undefined
					? []
					: before.filter((attempt) => attempt.issue === subject.issue),
		},
	] as const;
	for (const check of checks) {
		const earlier = times(check.mine, now, check.windowMs);
		if (earlier.length < check.limit) continue;
		// This attempt counts too: the limit frees once enough of them have left the window.
		const all = [...earlier, now.getTime()];
		const freeing = all[all.length - check.limit] ?? now.getTime();
		return {
			allowed: false,
			reason: check.reason,
			retryAt: new Date(freeing + check.windowMs).toISOString(),
			limit: check.limit,
		};
	}
	return undefined;
}

/** Sorted times of the attempts inside the window that ends now. */
function times(attempts: readonly DraftAttempt[], now: Date, windowMs: number): number[] {
	const start = now.getTime() - windowMs;
	return attempts
		.map((attempt) => Date.parse(attempt.at))
		.filter((time) => time > start && time <= now.getTime())
		.sort((a, b) => a - b);
}

/** Attempts once each, in the order GitHub created them. */
function unique(attempts: readonly DraftAttempt[]): DraftAttempt[] {
	const seen = new Set<string>();
	return attempts
		.filter((attempt) => {
			if (seen.has(attempt.run)) return false;
			seen.add(attempt.run);
			return true;
		})
		.sort((a, b) => a.order - b.order || a.run.localeCompare(b.run, 'en', { numeric: true }));
}

/**
 * The name GitHub gives each run of the drafting workflow (its `run-name:`), with the issue's
 * author for an issue event; a manual run's event carries no issue, so its name has no author.
 */
export function runName(issueNumber: number, author?: string): string {
	return `AI draft · issue #${issueNumber}${author === undefined ? '' : ` by @${author}`}`;
}

/** GitHub logins are letters, digits and hyphens, 39 at most; apps end in `[bot]`. */
const runNamePattern =
	/^AI draft · issue #([1-9][0-9]{0,9})(?: by @([A-Za-z0-9][A-Za-z0-9-]{0,38}(?:\[bot\])?))?$/;

/** This run, as GitHub sees it: `GITHUB_RUN_ID` and `GITHUB_RUN_ATTEMPT`. */
export interface CurrentRun {
	id: number;
	attempt: number;
}

/** This run's own facts from GitHub, and the attempts made before it. */
export interface AttemptsBefore {
	/** Who triggered this run (a re-run is triggered by whoever re-ran it). */
	actor: string;
	attempts: DraftAttempt[];
	/**
	 * False when the runs of the last two days were more than {@link maxRunPages} pages: the
	 * older ones went uncounted, and the preflight then treats the AI cap as reached.
	 */
	complete: boolean;
}

/**
 * Pages of 100 runs read at most per preflight. Runs the drafting job skips (title-only edits,
 * other labels) are listed too, and anyone can make them: without a bound, a flood of edits would
 * spend the token's API budget on every later run.
 */
export const maxRunPages = 10;

type WorkflowRun = Awaited<ReturnType<GitHubClient['rest']['actions']['getWorkflowRun']>>['data'];

/** How far back runs are listed: a day for the limits, a day more to replay refusals. */
const listingMs = 2 * dayMs;

/**
 * Lists the attempts made before this run: every run of this workflow created in the last two
 * days with a smaller run number (GitHub numbers runs as it creates them, so two runs started in
 * the same second are still ordered, and a run still in progress counts), each re-run attempt
 * counted, runs GitHub skipped (conclusion `skipped`: not a registry form, a title-only edit)
 * left out. The draft log of the bot's pull requests marks the attempts that drafted without AI.
 * @see https://docs.github.com/en/rest/actions/workflow-runs#list-workflow-runs-for-a-workflow
 */
export async function listAttemptsBefore(
	client: GitHubClient,
	repository: RepositoryRef,
	current: CurrentRun,
	now: Date,
): Promise<AttemptsBefore> {
	const own = await explainFailure('read-actions', () =>
		client.rest.actions.getWorkflowRun({ ...repository, run_id: current.id }),
	);
	// Newest first, stopping at the first run older than the window. (The `created` filter would
	// do the same, but GitHub caps filtered listings at 1,000 runs and its REST description
	// types the filter as a plain date-time, not the search syntax the docs describe.)
	const since = now.getTime() - listingMs;
	const { runs, complete } = await explainFailure('read-actions', async () => {
		const listed: WorkflowRun[] = [];
		const pages = client.paginate.iterator(client.rest.actions.listWorkflowRuns, {
			...repository,
			workflow_id: own.data.workflow_id,
			per_page: 100,
			exclude_pull_requests: true,
		});
		let read = 0;
		for await (const page of pages) {
			for (const run of page.data) {
				if (Date.parse(run.created_at) < since) return { runs: listed, complete: true };
				listed.push(run);
			}
			// More runs may follow: the window is only complete if this was the last page.
			if (++read >= maxRunPages) return { runs: listed, complete: page.data.length < 100 };
		}
		return { runs: listed, complete: true };
	});
	const formOnly = new Set(
		(await listRecentDraftRecords(client, repository, now))
			.filter((record) => record.mode === 'form-only')
			.map((record) => record.run),
	);
	const attempts: DraftAttempt[] = [];
	const add = (run: WorkflowRun, count: number) => {
		const [, issue, author] = runNamePattern.exec(run.display_title) ?? [];
		for (let attempt = 1; attempt <= count; attempt++) {
			const key = `${run.id}.${attempt}`;
			attempts.push({
				run: key,
				order: run.run_number,
				issue: issue === undefined ? undefined : Number(issue),
				author,
				actor: run.triggering_actor?.login ?? run.actor?.login ?? 'ghost',
				at: run.created_at,
				formOnly: formOnly.has(key),
			});
		}
	};
	for (const run of runs) {
		if (run.id === own.data.id || run.run_number >= own.data.run_number) continue;
		// `skipped` only when every job was: the drafting job's `if:` turned the event down.
		// @see https://github.com/actions/github-script/issues/147 (a GitHub staff answer)
		if (run.conclusion === 'skipped') continue;
		add(run, run.run_attempt ?? 1);
	}
	// This run's own earlier attempts (a re-run of a failed run spends again).
	add(own.data, Math.min(current.attempt, own.data.run_attempt ?? current.attempt) - 1);
	const actor = own.data.triggering_actor?.login ?? own.data.actor?.login;
	if (!actor) {
		throw new PublishError({
			fr: `GitHub ne dit pas qui a lancé l’exécution ${current.id} : impossible d’appliquer la limite par personne.`,
			en: `GitHub does not say who started run ${current.id}: the per-person limit cannot be applied.`,
		});
	}
	return { actor, attempts, complete };
}

/** The drafting step handed the model key; `.github/workflows/ai-draft.yml` names it so. */
export const aiDraftStepName = 'Draft with AI';

/** The drafting step that runs without the model key, when the preflight keeps the AI off. */
export const formDraftStepName = 'Draft from the form';

/** Job listings read at most per preflight, to tell which recent attempts used the model. */
const maxJobReads = 50;

/**
 * Marks as form-only the recent attempts whose step {@link aiDraftStepName} GitHub shows as
 * skipped: the model key never reached them. A form-only failure leaves no draft log, so without
 * this an outsider's invalid forms would use up the repository's AI cap. Read only when the
 * attempts not known to be form-only could reach the cap, newest first, until the answer is
 * known or {@link maxJobReads} listings were read; an attempt whose step has not run yet (or
 * that was not read) still counts as an AI attempt.
 * @see https://docs.github.com/en/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run-attempt
 */
export async function markFormOnlyFromJobs(
	client: GitHubClient,
	repository: RepositoryRef,
	attempts: readonly DraftAttempt[],
	options: { cap: number; now: Date },
): Promise<DraftAttempt[]> {
	const start = options.now.getTime() - dayMs;
	const candidates = attempts
		.filter((attempt) => !attempt.formOnly && Date.parse(attempt.at) > start)
		.sort((a, b) => b.order - a.order);
	const formOnly = new Set<string>();
	let ai = 0;
	let unread = candidates.length;
	let reads = 0;
	for (const attempt of candidates) {
		// Decided: the cap is reached, or cannot be even if every unread attempt used the model.
		if (ai >= options.cap || ai + unread < options.cap || reads >= maxJobReads) break;
		unread--;
		reads++;
		if (await usedNoModel(client, repository, attempt.run)) formOnly.add(attempt.run);
		else ai++;
	}
	return attempts.map((attempt) =>
		formOnly.has(attempt.run) ? { ...attempt, formOnly: true } : attempt,
	);
}

/** Whether GitHub shows the AI drafting step of a run attempt (`RUN_ID.ATTEMPT`) as skipped. */
async function usedNoModel(
	client: GitHubClient,
	repository: RepositoryRef,
	key: string,
): Promise<boolean> {
	const [runId, attemptNumber] = key.split('.').map(Number);
	if (!runId || !attemptNumber) return false;
	return explainFailure('read-actions', async () => {
		try {
			const response = await client.rest.actions.listJobsForWorkflowRunAttempt({
				...repository,
				run_id: runId,
				attempt_number: attemptNumber,
				per_page: 100,
			});
			const steps = response.data.jobs.flatMap((job) => job.steps ?? []);
			return steps.some((step) => step.name === aiDraftStepName && step.conclusion === 'skipped');
		} catch (error) {
			// A run deleted since it was listed: its decision is unknown.
			if (isGitHubError(error, 404)) return false;
			throw error;
		}
	});
}

/**
 * Collects the recent draft records (two days back) from the pull requests this workflow opened,
 * most recently updated first, stopping at the first one older than the window. Only pull
 * requests opened by a bot count, so nobody can mark an attempt as form-only by copying a marker.
 */
export async function listRecentDraftRecords(
	client: GitHubClient,
	repository: RepositoryRef,
	now: Date,
): Promise<DraftRecord[]> {
	const since = now.getTime() - listingMs;
	const records: DraftRecord[] = [];
	await explainFailure('read-pull-requests', async () => {
		const pages = client.paginate.iterator(client.rest.pulls.list, {
			...repository,
			state: 'all',
			sort: 'updated',
			direction: 'desc',
			per_page: 100,
		});
		// Bounded like the runs: a record left unread only counts its attempt as an AI one.
		let read = 0;
		for await (const page of pages) {
			for (const pull of page.data) {
				if (Date.parse(pull.updated_at) < since) return;
				if (pull.user?.type !== 'Bot') continue;
				records.push(...readDraftLog(pull.body).filter((r) => Date.parse(r.at) >= since));
			}
			if (++read >= maxRunPages) return;
		}
	});
	return records;
}
