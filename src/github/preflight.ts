import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { noAiLabels } from '../contract/labels.ts';
import { fetchIssue, readIssueEvent, type DraftIssue, type IssueEvent } from './event.ts';
import {
	evaluateRateLimits,
	listAttemptsBefore,
	markFormOnlyFromJobs,
	type CurrentRun,
	type LimitDecision,
	type RateLimits,
} from './rate-limit.ts';
import type { GitHubClient, RepositoryRef } from './rest-client.ts';
import type { Bilingual } from './errors.ts';
import { readIssueDraft, teamAssociations } from './human-work.ts';
import { formatUtcTime } from './markdown.ts';

/**
 * Labels that keep the AI off one issue (`no-ai-draft`, and the shorter `no-ai`), which the
 * drafting command reads too: the model key is then never handed to the drafting step.
 */
export { noAiLabels };

/**
 * The label a maintainer adds to let the AI draft an issue when `drafting.aiFor` is `label`.
 * Only people with triage access can add labels, so the author cannot approve their own issue.
 * `.github/workflows/ai-draft.yml` names it too, to run when it is added.
 */
export const aiApprovalLabel = 'ai-approved';

/** Who may get an AI draft (`drafting.aiFor`): anyone, members only, or after a maintainer's label. */
export type AiPolicy = 'everyone' | 'members' | 'label';

/** Why the gate kept the AI off, as told on the pull request and the issue. */
const gateReasons = [
	'no-provider',
	'switched-off',
	'no-ai-label',
	'daily-cap',
	'members-only',
	'awaiting-label',
	'human-took-over',
	'runs-uncounted',
	'approval-withdrawn',
] as const;

/** Why the gate kept the AI off. */
export type GateReason = (typeof gateReasons)[number];

/**
 * What the draft job decided before spending any token, handed to the publish job in the draft
 * folder as `gate.json`. The publish job only uses it to word the issue comment.
 */
export const GateSchema = z.object({
	issue: z.int().positive(),
	/** Whether the draft job may draft at all (false: a rate limit is reached). */
	proceed: z.boolean(),
	/** Whether the model may be called. */
	ai: z.boolean(),
	formOnlyReason: z.enum(gateReasons).optional(),
	/** Which limit refused the run, when one did. */
	limitReason: z.enum(['author-hourly', 'issue-daily']).optional(),
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
	/** `drafting.aiFor`; `everyone` when not set. */
	aiFor?: AiPolicy;
	/**
	 * `drafting.provider`: `none` makes every draft form-only, whatever the repository variables
	 * say (the site and the forms then tell readers that no AI drafts).
	 */
	provider?: string;
	/** `off` when the repository variable `AI_DRAFTS` is `off`. */
	aiSwitch: 'on' | 'off';
	/** This run (`GITHUB_RUN_ID`, `GITHUB_RUN_ATTEMPT`): the attempts before it are counted. */
	run: CurrentRun;
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
 * manual run and writing it as an issue event for `npm run draft`), counts the attempts made
 * before this run from the workflow's own runs, and applies the rate limits, `provider: none`,
 * the AI switch, the `no-ai` label and `drafting.aiFor`; then records the decision.
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

	const { actor, attempts, complete } = await listAttemptsBefore(
		client,
		repository,
		options.run,
		now,
	);
	// A taken-over draft first: the publish job will not commit anyway, so no token is spent on a
	// draft nobody will see, and the issue is told about the takeover, whatever else holds.
	let formOnlyReason: GateReason | undefined = (await takenOver(client, repository, issue.number))
		? 'human-took-over'
		: policyReason(options, issue, event);
	const decision = evaluateRateLimits({
		subject: { author: issue.author, actor, issue: issue.number },
		// Which recent attempts used the model only matters when this one may.
		attempts:
			formOnlyReason === undefined
				? await markFormOnlyFromJobs(client, repository, attempts, {
						cap: options.limits.perRepositoryPerDay,
						now,
					})
				: attempts,
		limits: options.limits,
		now,
	});
	if (formOnlyReason === undefined && decision.allowed && !decision.ai) {
		formOnlyReason = decision.reason;
	} else if (formOnlyReason === undefined && decision.allowed && !complete) {
		// Runs left uncounted may have been AI attempts: the cap counts as reached.
		formOnlyReason = 'runs-uncounted';
	}

	const gate: Gate = {
		issue: issue.number,
		proceed: decision.allowed,
		ai: decision.allowed && formOnlyReason === undefined,
		...(formOnlyReason && { formOnlyReason }),
		...(!decision.allowed && {
			limitReason: decision.reason,
			retryAt: decision.retryAt,
			limit: decision.limit,
		}),
		...(decision.allowed &&
			!decision.ai &&
			formOnlyReason === 'daily-cap' && {
				aiAvailableAt: decision.aiAvailableAt,
				limit: decision.limit,
			}),
		checkedAt: now.toISOString(),
	};
	await mkdir(options.outDir, { recursive: true });
	await writeFile(join(options.outDir, gateFileName), `${JSON.stringify(gate, null, '\t')}\n`);
	return { issue, gate, decision, eventFile };
}

/**
 * `provider: none`, the AI switch, the `no-ai` labels and `drafting.aiFor`: what keeps the AI
 * off this issue.
 */
function policyReason(
	options: PreflightOptions,
	issue: DraftIssue,
	event: IssueEvent,
): GateReason | undefined {
	if (options.provider === 'none') return 'no-provider';
	if (options.aiSwitch === 'off') return 'switched-off';
	if (issue.labels.some((label) => noAiLabels.includes(label))) return 'no-ai-label';
	if (options.aiFor === 'members' && !teamAssociations.has(issue.authorAssociation)) {
		return 'members-only';
	}
	if (options.aiFor === 'label' && !issue.labels.includes(aiApprovalLabel)) return 'awaiting-label';
	if (options.aiFor === 'label' && approvalWithdrawn(event)) return 'approval-withdrawn';
	return undefined;
}

/**
 * Whether an event takes back a maintainer's approval: the issue's author, outside the team,
 * changed its text while it had the {@link aiApprovalLabel} label. The label approved the text it
 * was added to; the publish job then removes it, and a maintainer adds it again to approve the
 * new text. (GitHub's REST API dates labels but not body edits, so the event is what tells.)
 * Anyone else who can edit the issue has at least the triage role: their edit keeps the label.
 */
export function approvalWithdrawn(event: IssueEvent): boolean {
	if (event.type !== 'issues' || !event.bodyEdited) return false;
	const { issue } = event;
	if (!issue.labels.includes(aiApprovalLabel)) return false;
	const byAuthor =
		event.sender === undefined || event.sender.toLowerCase() === issue.author.toLowerCase();
	return byAuthor && !teamAssociations.has(issue.authorAssociation);
}

/** Whether a person has pushed to the issue's draft branch or reviewed its pull request. */
async function takenOver(
	client: GitHubClient,
	repository: RepositoryRef,
	issueNumber: number,
): Promise<boolean> {
	const draft = await readIssueDraft(client, repository, issueNumber);
	return draft !== undefined && draft.state.humanWork.length > 0;
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
		case 'no-provider':
			return {
				fr: 'ce registre n’utilise pas d’IA : les brouillons sont faits à partir du formulaire (drafting.provider: none)',
				en: 'this registry uses no AI: drafts are made from the form (drafting.provider: none)',
			};
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
		case 'human-took-over':
			return {
				fr: 'une personne de l’équipe a repris le brouillon, le robot n’y écrit plus',
				en: 'a team member has taken the draft over, the bot no longer writes to it',
			};
		case 'members-only':
			return {
				fr: 'pour ce dépôt, l’IA ne rédige que les tickets de ses membres et collaborateurs',
				en: 'in this repository the AI only drafts issues from its members and collaborators',
			};
		case 'awaiting-label':
			return {
				fr: `l’IA attend qu’une personne de l’équipe pose l’étiquette « ${aiApprovalLabel} » sur le ticket`,
				en: `the AI waits for a team member to add the "${aiApprovalLabel}" label to the issue`,
			};
		case 'approval-withdrawn':
			return {
				fr: `le texte du ticket a changé après que l’équipe a posé l’étiquette « ${aiApprovalLabel} » : l’étiquette est retirée, et l’IA attend qu’une personne de l’équipe la pose de nouveau`,
				en: `the issue’s text changed after the team added the "${aiApprovalLabel}" label: the label is removed, and the AI waits for a team member to add it again`,
			};
		case 'runs-uncounted':
			return {
				fr: 'le workflow a tourné trop souvent ces deux derniers jours pour compter toutes ses exécutions : le plafond de brouillons par IA est donc tenu pour atteint',
				en: 'the workflow ran too often in the last two days to count all its runs: the cap of AI drafts is therefore taken as reached',
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
