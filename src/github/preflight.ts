import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { fetchIssue, readIssueEvent, type DraftIssue } from './event.ts';
import {
	evaluateRateLimits,
	listRecentDraftRecords,
	type LimitDecision,
	type RateLimits,
} from './rate-limit.ts';
import type { GitHubClient, RepositoryRef } from './rest-client.ts';
import type { Bilingual } from './errors.ts';
import { formatUtcTime } from './markdown.ts';

/**
 * Labels that keep the AI off one issue: `no-ai-draft`, the one the drafting command reads, and
 * the shorter `no-ai`. The model key is then never handed to the drafting step.
 */
export const noAiLabels = ['no-ai-draft', 'no-ai'];

/** Why the gate kept the AI off, as told on the pull request and the issue. */
export type GateReason = 'switched-off' | 'no-ai-label' | 'daily-cap';

/**
 * What the draft job decided before spending any token, handed to the publish job in the draft
 * folder as `gate.json`. The publish job only uses it to word the issue comment.
 */
export const GateSchema = z.object({
	issue: z.int().positive(),
	/** Whether the draft job may draft at all (false: the author's hourly limit is reached). */
	proceed: z.boolean(),
	/** Whether the model may be called. */
	ai: z.boolean(),
	formOnlyReason: z.enum(['switched-off', 'no-ai-label', 'daily-cap']).optional(),
	retryAt: z.iso.datetime().optional(),
	aiAvailableAt: z.iso.datetime().optional(),
	limit: z.int().positive().optional(),
	checkedAt: z.iso.datetime(),
});

/** The draft job's decision. */
export type Gate = z.infer<typeof GateSchema>;

/** Name of the decision file inside the draft folder. */
export const gateFileName = 'gate.json';

/** Options of {@link preflight}. */
export interface PreflightOptions {
	client: GitHubClient;
	repository: RepositoryRef;
	eventPath: string;
	/** The draft folder, uploaded as the artifact: `gate.json` is written there. */
	outDir: string;
	/** Where to write the issue event for `npm run draft` when the run was started by hand. */
	eventOut: string;
	limits: RateLimits;
	/** `off` when the repository variable `AI_DRAFTS` is `off`. */
	aiSwitch: 'on' | 'off';
	now: Date;
}

/** What {@link preflight} decided, plus the event file the drafting command should read. */
export interface PreflightResult {
	issue: DraftIssue;
	gate: Gate;
	decision: LimitDecision;
	eventFile: string;
}

/**
 * The draft job's first step, before any token is spent: finds the issue (fetching it for a
 * manual run and writing it as an issue event for `npm run draft`), applies the AI switch, the
 * `no-ai` label and the rate limits counted from GitHub, and records the decision.
 */
export async function preflight(options: PreflightOptions): Promise<PreflightResult> {
	const { client, repository, now } = options;
	const event = await readIssueEvent(options.eventPath);
	let issue: DraftIssue;
	let eventFile = options.eventPath;
	if (event.type === 'issues') {
		issue = event.issue;
	} else {
		const fetched = await fetchIssue(client, repository, event.issueNumber);
		issue = fetched.issue;
		eventFile = options.eventOut;
		await writeFile(
			eventFile,
			JSON.stringify({ ...event.payload, issue: fetched.raw }, null, '\t'),
		);
	}

	const records = await listRecentDraftRecords(client, repository, now);
	const decision = evaluateRateLimits({
		author: issue.author,
		records,
		limits: options.limits,
		now,
	});
	let formOnlyReason: GateReason | undefined;
	if (options.aiSwitch === 'off') formOnlyReason = 'switched-off';
	else if (issue.labels.some((label) => noAiLabels.includes(label))) formOnlyReason = 'no-ai-label';
	else if (decision.allowed && !decision.ai) formOnlyReason = decision.reason;

	const gate: Gate = {
		issue: issue.number,
		proceed: decision.allowed,
		ai: decision.allowed && formOnlyReason === undefined,
		...(formOnlyReason && { formOnlyReason }),
		...(!decision.allowed && { retryAt: decision.retryAt, limit: decision.limit }),
		...(decision.allowed &&
			!decision.ai && { aiAvailableAt: decision.aiAvailableAt, limit: decision.limit }),
		checkedAt: now.toISOString(),
	};
	await mkdir(options.outDir, { recursive: true });
	await writeFile(join(options.outDir, gateFileName), `${JSON.stringify(gate, null, '\t')}\n`);
	return { issue, gate, decision, eventFile };
}

/** Reads the draft job's decision, if it left one; a malformed file counts as none. */
export async function readGate(dir: string): Promise<Gate | undefined> {
	const path = join(dir, gateFileName);
	const stats = await lstat(path).catch(() => undefined);
	if (!stats?.isFile() || stats.size > 64 * 1024) return undefined;
	try {
		const gate = GateSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
		return gate.success ? gate.data : undefined;
	} catch {
		return undefined;
	}
}

/** The gate's reason for a form-only draft, in both languages. */
export function describeGateReason(gate: Gate): Bilingual | undefined {
	switch (gate.formOnlyReason) {
		case 'switched-off':
			return {
				fr: 'l’assistant IA est désactivé pour ce dépôt (variable AI_DRAFTS=off)',
				en: 'the AI assistant is switched off for this repository (variable AI_DRAFTS=off)',
			};
		case 'no-ai-label':
			return {
				fr: `le ticket porte l’étiquette « ${noAiLabels[0]} »`,
				en: `the issue has the "${noAiLabels[0]}" label`,
			};
		case 'daily-cap': {
			const when = gate.aiAvailableAt ? formatUtcTime(gate.aiAvailableAt) : undefined;
			return {
				fr: `le plafond de ${gate.limit ?? '?'} brouillons par IA sur 24 heures est atteint${when ? ` (de nouveau possible le ${when.fr})` : ''}`,
				en: `the cap of ${gate.limit ?? '?'} AI drafts per 24 hours is reached${when ? ` (possible again on ${when.en})` : ''}`,
			};
		}
		default:
			return undefined;
	}
}
