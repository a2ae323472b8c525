import { isAbsolute, relative, resolve, sep } from 'node:path';
import {
	BranchMovedError,
	commitEntry,
	deleteBranch,
	draftBranchName,
	readBranchHead,
	type EntryCommitResult,
	readDefaultBranch,
} from './branch-commit.ts';
import { reportValidationCheck, type CheckReport } from './check-run.ts';
import { addDraftRecord, readDraftLog } from './draft-log.ts';
import { readDraft, type DraftEntry, type DraftReport } from './draft-report.ts';
import { PublishError, explainFailure, isGitHubError, type Bilingual } from './errors.ts';
import { readIssueEvent, resolveIssue, type DraftIssue, type IssueEvent } from './event.ts';
import {
	changedFields,
	inspectDraftBranch,
	readIssueDraft,
	type DraftBranchState,
} from './human-work.ts';
import {
	aiApprovalLabel,
	approvalWithdrawn,
	describeGateReason,
	readGate,
	type Gate,
} from './preflight.ts';
import {
	findDraftPullRequest,
	openOrUpdatePullRequest,
	syncLabels,
	type DraftPullRequest,
} from './pull-request.ts';
import { settleDelaysMs, type GitHubClient, type RepositoryRef } from './rest-client.ts';
import {
	revalidateDraft,
	type RegistryCheck,
	type RegistryProblem,
	type ValidationResult,
} from './revalidate.ts';
import { isProblem, parseEntryFile } from '../registry/entry-file.ts';
import { entrySchemas, kindOf, type EntryKind } from '../registry/kinds/index.ts';
import { anyItem, schemaFields, valueAt } from '../registry/schema-fields.ts';
import { readFrontMatter } from './front-matter.ts';
import { renderReviewChecklist, type ToCompleteItem } from './review-checklist.ts';
import { renderStatusComment, type DraftOutcome } from './status-comment.ts';
import { upsertStickyComment, type StickyCommentResult } from './sticky-comment.ts';

/** Labels this workflow puts on draft pull requests, and may take off again. */
export const draftLabels = {
	review: 'needs-review',
	ai: 'ai-draft',
	formOnly: 'form-draft',
	/** The draft does not give every field the registry requires: a maintainer completes it. */
	toComplete: 'to-complete',
	/** Personal data was found in the draft and masked; a person has not cleared it. */
	personalData: 'personal-data',
	/** The pull request corrects or updates an existing entry rather than adding one. */
	correction: 'correction',
} as const;

/** The labels {@link syncLabels} may take off a draft pull request again. */
const managedLabels = [
	draftLabels.ai,
	draftLabels.formOnly,
	draftLabels.toComplete,
	draftLabels.personalData,
];

/** The label naming a draft's kind: `ai-system`, `ai-model`, `ai-processing-record`… */
export const kindLabel = (kind: EntryKind): string => `ai-${kindOf(kind).key.replaceAll('_', '-')}`;

/** Options of {@link publishDraft}. */
export interface PublishOptions {
	client: GitHubClient;
	repository: RepositoryRef;
	/** GitHub's event file (`GITHUB_EVENT_PATH`). */
	eventPath: string;
	/** The draft folder downloaded from the draft job. */
	draftDir: string;
	/** The repository's `registry/` folder, to re-validate the draft against. */
	registryDir: string;
	/** Identifies the run (`GITHUB_RUN_ID.GITHUB_RUN_ATTEMPT`): publishing twice counts once. */
	runKey: string;
	now?: () => Date;
	/** Waits before retrying GitHub's transient answers; shortened in tests. */
	settleDelaysMs?: readonly number[];
	/** The registry validator; defaults to the registry's `checkRegistry`. */
	check?: RegistryCheck;
}

/** What {@link publishDraft} did, for the log and the job summary. */
export interface PublishResult {
	issue: DraftIssue;
	/** `skipped` when the issue is not a registry form. */
	outcome: DraftOutcome['kind'] | 'skipped';
	comment?: StickyCommentResult;
	branch?: string;
	commitSha?: string;
	committed?: boolean;
	pull?: { number: number; url: string; created: boolean; updated: boolean };
	validation?: ValidationResult;
	/** Entry files the commit deleted: the branch's earlier entry under another id. */
	removedFiles?: string[];
	/** The validation reported on the head commit. */
	check?: CheckReport;
}

/**
 * Publishes what the draft job produced, as a short sequence of named steps: read the event and
 * the draft (untrusted), re-validate, commit on the issue's branch, open or update its one pull
 * request, label it, and say what happened in the issue's one sticky comment. Every write is
 * skipped when nothing changed, so running it again changes nothing.
 * @see https://github.com/changesets/action/blob/main/src/run.ts
 */
export async function publishDraft(options: PublishOptions): Promise<PublishResult> {
	const { client, repository } = options;
	const event = await readIssueEvent(options.eventPath);
	const issue = await resolveIssue(event, client, repository);
	// Said on the issue whatever the outcome: what this run did besides drafting.
	const notes: Bilingual[] = [];
	const comment = (outcome: DraftOutcome) =>
		upsertStickyComment(client, repository, issue.number, renderStatusComment(outcome, notes));
	try {
		return await publishForIssue(options, { event, issue, notes }, comment);
	} catch (error) {
		if (error instanceof PublishError && !isCommentFailure(error)) {
			// Best effort: tell the issue why, then fail the job with the same message.
			await comment({ kind: 'publish-failed', message: error.bilingual }).catch(() => undefined);
		}
		throw error;
	}
}

function isCommentFailure(error: PublishError): boolean {
	return error.action === 'write-comment';
}

async function publishForIssue(
	options: PublishOptions,
	run: { event: IssueEvent; issue: DraftIssue; notes: Bilingual[] },
	comment: (outcome: DraftOutcome) => Promise<StickyCommentResult>,
): Promise<PublishResult> {
	const { client, repository } = options;
	const { issue } = run;
	const now = options.now?.() ?? new Date();
	const delaysMs = options.settleDelaysMs ?? settleDelaysMs;
	const gate = await readGate(options.draftDir).then((found) =>
		found?.issue === issue.number ? found : undefined,
	);
	// The approval label approved the text it was put on: the author's edit takes it back. The
	// event says so (the gate file is only the draft job's word), and the gate says the mode.
	if (gate?.formOnlyReason === 'approval-withdrawn' && approvalWithdrawn(run.event)) {
		await removeApprovalLabel(client, repository, issue.number);
		run.notes.push({
			fr: `Le texte du ticket a changé après que l’équipe a posé l’étiquette « ${aiApprovalLabel} » : elle est retirée. Une personne de l’équipe peut la poser de nouveau pour que l’IA rédige le nouveau texte.`,
			en: `The issue’s text changed after the team added the "${aiApprovalLabel}" label: it is removed. A team member can add it again for the AI to draft the new text.`,
		});
	}
	const draft = await readDraft(
		options.draftDir,
		issue.number,
		repositoryFolder(options.registryDir),
	);

	if (!draft) {
		if (gate && !gate.proceed && gate.retryAt) {
			const outcome = {
				kind: 'rate-limited',
				retryAt: gate.retryAt,
				limit: gate.limit ?? 1,
				per: gate.limitReason === 'issue-daily' ? 'issue' : 'author',
			} as const;
			return { issue, outcome: outcome.kind, comment: await comment(outcome) };
		}
		throw new PublishError({
			fr: `Aucun draft-report.json dans ${options.draftDir} : le job de rédaction n’a rien transmis (voir son journal).`,
			en: `No draft-report.json in ${options.draftDir}: the draft job handed nothing over (see its log).`,
		});
	}
	const formFailed = draft.status === 'invalid-form' || draft.status === 'model-failed';
	if (formFailed && gate?.formOnlyReason === 'human-took-over') {
		// The run was form-only because of the takeover: a form that needs the AI then fails, but
		// what the author must hear is that the team has the draft, not that their form is wrong.
		const takenOver = await takeoverOutcome(options, issue);
		if (takenOver) {
			return { issue, outcome: takenOver.kind, comment: await comment(takenOver) };
		}
	}
	switch (draft.status) {
		case 'not-a-registry-issue':
		case 'error-report':
			// Not a request for a new entry: nothing to draft, nothing to say.
			return { issue, outcome: 'skipped' };
		case 'error': {
			const outcome = { kind: 'draft-failed', errors: draft.report.errors } as const;
			return { issue, outcome: outcome.kind, comment: await comment(outcome) };
		}
		case 'invalid-form': {
			const outcome = { kind: 'invalid-form', errors: draft.report.errors } as const;
			return { issue, outcome: outcome.kind, comment: await comment(outcome) };
		}
		case 'model-failed': {
			const outcome = { kind: 'model-failed', errors: draft.report.errors } as const;
			return { issue, outcome: outcome.kind, comment: await comment(outcome) };
		}
		case 'drafted':
			break;
	}
	const { entry, report, extra } = draft;

	// 1. Re-validate: the draft job's output is not trusted. Fields the entry does not give are
	// a maintainer's to complete, and CI names them at their line; anything the entry gets wrong
	// keeps it out of the repository.
	const validation = await revalidateDraft(entry, {
		registryDir: options.registryDir,
		extra,
		...(options.check && { check: options.check }),
	});
	const missing = fieldsNotGiven([entry, ...extra], validation.draftProblems);
	const wrong = validation.draftProblems.filter((problem) => !missing.includes(problem));
	if (wrong.length > 0) {
		const outcome = { kind: 'draft-rejected', problems: wrong } as const;
		return { issue, outcome: outcome.kind, validation, comment: await comment(outcome) };
	}
	const review = reviewFlags(entry, extra, report, missing);

	// 2. Find the issue's pull request, whose branch wins if a maintainer renamed it.
	const baseBranch = await readDefaultBranch(client, repository);
	const existing = await findDraftPullRequest(client, repository, {
		issueNumber: issue.number,
		branch: draftBranchName(issue.number),
	});
	const branch = existing?.headRef ?? draftBranchName(issue.number);

	// 3. Commit the entry on that branch, unless it already holds this content or a person has
	// taken the draft over; the entry the branch held under another id goes in the same commit.
	const written = await commitUnlessTakenOver(options, {
		issue,
		entry,
		extra,
		report,
		branch,
		baseBranch,
		existing,
	});
	if (written.kind === 'taken-over') {
		const outcome: DraftOutcome = {
			kind: 'human-took-over',
			pull: existing ? { number: existing.number, url: existing.url } : undefined,
			branch,
			reasons: written.state.humanWork,
			changedFields: written.changedFields,
		};
		return { issue, outcome: outcome.kind, branch, validation, comment: await comment(outcome) };
	}
	const commit = written.commit;
	if (!commit.branchExists && commit.identicalToBase) {
		const outcome = { kind: 'already-published', path: entry.path } as const;
		return { issue, outcome: outcome.kind, validation, comment: await comment(outcome) };
	}

	// 4. Open or update the one pull request, with the review checklist as its body. If GitHub
	// refuses, the branch this run created goes too: nothing is left half-done.
	const pull = await openOrUpdatePullRequest(
		client,
		repository,
		existing,
		{
			issueNumber: issue.number,
			branch,
			base: baseBranch,
			title: pullRequestTitle(issue, entry, report, review.incomplete),
			body: checklistBody(
				{ issue, entry, extra, report, validation, review },
				commit.replacesExisting,
				gate,
				{ existing, runKey: options.runKey, now },
			),
		},
		{ justCreatedBranch: commit.createdBranch, delaysMs },
	).catch(async (error: unknown) => {
		if (commit.createdBranch) {
			await deleteBranch(client, repository, branch, commit.headSha).catch(() => undefined);
		}
		throw error;
	});

	// 5. Labels: AI or form draft, kind, the review it awaits, and what it still needs.
	const modeLabel = report.mode === 'ai' ? draftLabels.ai : draftLabels.formOnly;
	await syncLabels(
		client,
		repository,
		pull.pull,
		{
			wanted: [
				modeLabel,
				draftLabels.review,
				kindLabel(entry.kind),
				...(entry.change === 'edit' ? [draftLabels.correction] : []),
				...(review.incomplete ? [draftLabels.toComplete] : []),
				...(review.personalData.length > 0 ? [draftLabels.personalData] : []),
			],
			managed: managedLabels,
		},
		{ justCreated: pull.created, delaysMs },
	);

	// 6. Report the validation on the head commit: bot commits start no CI.
	const check = await reportValidationCheck(client, repository, commit.headSha, validation, {
		toComplete: missing,
		personalData: review.personalData,
		personalDataCleared: review.personalDataCleared,
	});

	// 7. Say so on the issue, in its one comment.
	const inPull = {
		pull: { number: pull.pull.number, url: pull.pull.url },
		mode: report.mode ?? 'form-only',
		correction: entry.change === 'edit',
		formOnlyReason: formOnlyReason(report, gate),
		personalData:
			review.personalData.length > 0
				? {
						fields: report.personalData.found.map((found) => found.label),
						kinds: [...new Set(report.personalData.found.flatMap((f) => Object.keys(f.kinds)))],
					}
				: undefined,
	} as const;
	const outcome: DraftOutcome = review.incomplete
		? {
				kind: 'draft-incomplete',
				toComplete: review.toComplete.map((item) => item.label),
				...inPull,
			}
		: { kind: 'draft-ready', ...inPull };
	return {
		issue,
		outcome: outcome.kind,
		branch,
		commitSha: commit.headSha,
		committed: commit.changed,
		pull: {
			number: pull.pull.number,
			url: pull.pull.url,
			created: pull.created,
			updated: pull.updated,
		},
		validation,
		removedFiles: commit.removed,
		check,
		comment: await comment(outcome),
	};
}

type CommitOutcome =
	| { kind: 'committed'; commit: EntryCommitResult }
	| { kind: 'taken-over'; state: DraftBranchState; changedFields: string[] };

/**
 * Inspects the draft branch, then commits on it unless a person pushed to it or reviewed its
 * pull request. The commit is tied to the inspected head: if the branch moved in between, it is
 * inspected again, so a push made meanwhile is never written over.
 */
async function commitUnlessTakenOver(
	options: PublishOptions,
	target: {
		issue: DraftIssue;
		entry: DraftEntry;
		extra: readonly DraftEntry[];
		report: DraftReport;
		branch: string;
		baseBranch: string;
		existing: DraftPullRequest | undefined;
	},
): Promise<CommitOutcome> {
	const { client, repository } = options;
	const { entry, branch } = target;
	for (let attempt = 1; ; attempt++) {
		const head = await readBranchHead(client, repository, branch);
		const state =
			head === undefined
				? undefined
				: await inspectDraftBranch(client, repository, {
						base: target.baseBranch,
						branch,
						pullNumber: target.existing?.number,
						...(target.existing?.author && { botLogin: target.existing.author }),
					});
		if (head !== undefined && state && state.humanWork.length > 0) {
			const onBranch = state.addedEntries.includes(entry.path)
				? entry.path
				: (state.addedEntries[0] ?? entry.path);
			// What the author's edit changed: against the draft the bot last wrote, not the head.
			const lastDraft = state.lastBotCommit
				? ((await readFileText(client, repository, entry.path, state.lastBotCommit)) ??
					(await readFileText(client, repository, onBranch, state.lastBotCommit)))
				: await readFileText(client, repository, onBranch, head);
			return { kind: 'taken-over', state, changedFields: changedFields(lastDraft, entry.content) };
		}
		try {
			const commit = await commitEntry(client, repository, {
				branch,
				baseBranch: target.baseBranch,
				path: entry.path,
				content: entry.content,
				also: target.extra.map((file) => ({ path: file.path, content: file.content })),
				message: commitMessage(target.issue, entry, target.report),
				remove: state?.addedEntries ?? [],
				restore: state?.modifiedEntries ?? [],
				// `null`: the branch must still not exist, or a person created it meanwhile.
				expectedHead: head ?? null,
			});
			return { kind: 'committed', commit };
		} catch (error) {
			if (!(error instanceof BranchMovedError)) throw error;
			if (attempt >= 2) {
				throw new PublishError(
					{
						fr: `La branche ${branch} a changé deux fois pendant la publication : rien n’a été écrit. Relancez le workflow une fois les modifications en cours terminées.`,
						en: `Branch ${branch} changed twice while publishing: nothing was written. Re-run the workflow once the changes in progress are done.`,
					},
					{ cause: error },
				);
			}
		}
	}
}

/** Removes the approval label from the issue; already gone is fine. */
async function removeApprovalLabel(
	client: GitHubClient,
	repository: RepositoryRef,
	issueNumber: number,
): Promise<void> {
	await explainFailure('unlabel-issue', async () => {
		try {
			await client.rest.issues.removeLabel({
				...repository,
				issue_number: issueNumber,
				name: aiApprovalLabel,
			});
		} catch (error) {
			if (!isGitHubError(error, 404)) throw error;
		}
	});
}

/** The takeover comment for a run that has no new draft, if a person has the draft indeed. */
async function takeoverOutcome(
	options: PublishOptions,
	issue: DraftIssue,
): Promise<Extract<DraftOutcome, { kind: 'human-took-over' }> | undefined> {
	const draft = await readIssueDraft(options.client, options.repository, issue.number);
	if (!draft) return undefined;
	const { existing, branch, state } = draft;
	if (state.humanWork.length === 0) return undefined;
	return {
		kind: 'human-took-over',
		pull: existing ? { number: existing.number, url: existing.url } : undefined,
		branch,
		reasons: state.humanWork,
		changedFields: undefined,
	};
}

/** A file's text at a commit, or `undefined` when it is not there. */
async function readFileText(
	client: PublishOptions['client'],
	repository: RepositoryRef,
	path: string,
	ref: string,
): Promise<string | undefined> {
	return explainFailure('read-repository', async () => {
		try {
			const response = await client.rest.repos.getContent({ ...repository, path, ref });
			const data = response.data;
			if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
			return Buffer.from(data.content, 'base64').toString('utf8');
		} catch (error) {
			if (isGitHubError(error, 404)) return undefined;
			throw error;
		}
	});
}

/**
 * Why a draft has no AI: the gate's reason when the gate withheld the model (the drafting step
 * then only saw a missing key), else the drafting command's own (form checkbox, no provider…).
 */
function formOnlyReason(report: DraftReport, gate: Gate | undefined) {
	if (report.mode === 'ai') return undefined;
	const fromGate = gate && !gate.ai ? describeGateReason(gate) : undefined;
	return fromGate ?? report.formOnlyReason ?? undefined;
}

/** A value from the report made safe for a commit message or a title: one short plain line. */
function plain(value: string | null | undefined): string {
	return (value ?? '').replace(/[^\p{L}\p{N} ._:/()-]/gu, '').slice(0, 80);
}

function commitMessage(issue: DraftIssue, entry: DraftEntry, report: DraftReport): string {
	if (report.correction) {
		const fields = report.correction.changes.map((change) => plain(change.field)).join(', ');
		const how =
			report.mode === 'ai'
				? `Drafted by an AI (${[plain(report.provider), plain(report.model)].filter(Boolean).join(' / ') || 'unknown model'}) from issue #${issue.number}.`
				: `Made from the form of issue #${issue.number}, without AI.`;
		return `registry: ${report.correction.form === 'entry-update' ? 'update' : 'correct'} ${entry.kind}/${entry.id} from #${issue.number}\n\n${how}\nFields changed: ${fields || 'none yet'}.\nTo be reviewed by a person before merging.\n`;
	}
	const how =
		report.mode === 'ai'
			? `Drafted by an AI (${[plain(report.provider), plain(report.model)].filter(Boolean).join(' / ') || 'unknown model'}) from issue #${issue.number}.`
			: `Drafted from the form of issue #${issue.number}, without AI.`;
	return `registry: draft ${entry.kind}/${entry.id} from #${issue.number}\n\n${how}\nTo be reviewed by a person before merging.\n`;
}

function pullRequestTitle(
	issue: DraftIssue,
	entry: DraftEntry,
	report: DraftReport,
	incomplete: boolean,
): string {
	if (report.correction) {
		const update = report.correction.form === 'entry-update';
		const what =
			report.mode === 'ai'
				? update
					? 'Mise à jour IA · AI update'
					: 'Correction IA · AI correction'
				: update
					? 'Mise à jour · Update'
					: 'Correction · Correction';
		return `${what}: ${entry.kind}/${entry.id} (#${issue.number})`;
	}
	const who =
		report.mode === 'ai'
			? incomplete
				? 'Brouillon IA à compléter · AI draft to complete'
				: 'Brouillon IA · AI draft'
			: incomplete
				? 'Brouillon à compléter · Draft to complete'
				: 'Brouillon · Draft';
	return `${who}: ${entry.kind}/${entry.id} (#${issue.number})`;
}

/** What the review of a draft must deal with besides the validator's verdict. */
interface ReviewFlags {
	/** The draft lacks fields, or names something the registry lacks: a maintainer completes it. */
	incomplete: boolean;
	/** What to complete, in words (the report's list, or the validator's fields without it). */
	toComplete: ToCompleteItem[];
	/** Personal data found and masked, at its line of the entry: the check fails on it. */
	personalData: RegistryProblem[];
	/** Personal data a person let be written as typed (`personal-data-ok`). */
	personalDataCleared: RegistryProblem[];
}

/**
 * The problems of a draft that lie on fields it does not give at all: absent, an empty object
 * or an empty list, at a path of its kind's schema. Read from the entry itself, not from the
 * report: a field the entry does give, whatever its value, is never counted as one to complete.
 */
function fieldsNotGiven(
	entries: readonly DraftEntry[],
	problems: RegistryProblem[],
): RegistryProblem[] {
	return problems.filter((problem) => {
		// The problem's own file: the entry's, or a new entry's beside it.
		const entry = entries.find((file) => problem.path.endsWith(file.path));
		const data = entry && readFrontMatter(entry.content);
		if (!entry || !data) return false;
		const paths = new Set(
			schemaFields(entrySchemas[entry.kind]).map((field) =>
				field.path.filter((key) => key !== anyItem).join('.'),
			),
		);
		// A text's language it does not give (a correction's answer, in the reporter's language
		// only) is a translation to write, like a field it does not give.
		const field = withoutIndexes(problem.field);
		const known = paths.has(field) || paths.has(field.replace(/\.(fr|en)$/, ''));
		return known && givesNothing(valueAt(data, problem.field));
	});
}

/** A value that says nothing: absent, `null`, `{}`, `[]`, or an object of such values. */
function givesNothing(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (Array.isArray(value)) return value.length === 0;
	return (
		typeof value === 'object' &&
		Object.values(value as Record<string, unknown>).every((child) => givesNothing(child))
	);
}

function withoutIndexes(path: string): string {
	return path
		.split('.')
		.filter((key) => !/^\d+$/.test(key))
		.join('.');
}

/** What to complete and the personal data to clear, located in the entry file. */
function reviewFlags(
	entry: DraftEntry,
	extra: readonly DraftEntry[],
	report: DraftReport,
	missing: RegistryProblem[],
): ReviewFlags {
	const toComplete: ToCompleteItem[] =
		report.toComplete.length > 0
			? report.toComplete.map(({ label, note }) => ({ label, note }))
			: missing.map((problem) => ({
					label: { fr: problem.field, en: problem.field },
					note: problem.message,
				}));
	// A find in a new model's file is flagged there; a file the draft does not hold, on the entry.
	const fileOf = (name: string | undefined): DraftEntry =>
		extra.find((file) => name !== undefined && file.path.endsWith(`/${name}`)) ?? entry;
	const lineOf = (draft: DraftEntry, field: string) => {
		const file = parseEntryFile(draft.path, draft.content);
		return isProblem(file)
			? 1
			: file.lineOf(field.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key)));
	};
	// A path the report made up is not looked up: the flag stays, on the file's first line.
	const located = report.personalData.found.map((found) => {
		const field = /^[\w.-]{1,200}$/.test(found.field) ? found.field : undefined;
		const kinds = Object.entries(found.kinds)
			.map(([kind, count]) => `${kind.replace(/\W/g, '').slice(0, 20)} × ${count}`)
			.join(', ');
		const draft = fileOf(found.file);
		return {
			path: draft.path,
			line: field ? lineOf(draft, field) : 1,
			field: field ?? 'front matter',
			message: {
				fr: `« ${found.label.fr} » : données personnelles (${kinds})`,
				en: `"${found.label.en}": personal data (${kinds})`,
			},
		};
	});
	const cleared = Boolean(report.personalData.clearedBy);
	return {
		incomplete: missing.length > 0 || report.toComplete.length > 0,
		toComplete,
		personalData: cleared ? [] : located,
		personalDataCleared: cleared ? located : [],
	};
}

function checklistBody(
	draft: {
		issue: DraftIssue;
		entry: DraftEntry;
		extra: readonly DraftEntry[];
		report: DraftReport;
		validation: ValidationResult;
		review: ReviewFlags;
	},
	replacesExisting: boolean,
	gate: Gate | undefined,
	log: { existing: DraftPullRequest | undefined; runKey: string; now: Date },
): string {
	const { issue, entry, extra, report, validation, review } = draft;
	const records = addDraftRecord(
		readDraftLog(log.existing?.body),
		{
			issue: issue.number,
			author: issue.author,
			run: log.runKey,
			at: log.now.toISOString(),
			mode: report.mode ?? 'form-only',
		},
		log.now,
	);
	return renderReviewChecklist({
		issue,
		entry,
		extra,
		report,
		validation,
		replacesExisting,
		formOnlyReason: formOnlyReason(report, gate),
		records,
		toComplete: review.toComplete,
		personalData: review.personalData,
		personalDataCleared: review.personalDataCleared,
	});
}

/**
 * The registry's folder in the repository, where a draft is committed: the one the job reads
 * (`registry/`, or the sample's in the kit's own repository) when it lies in the checkout.
 */
function repositoryFolder(registryDir: string): string {
	const folder = relative(process.cwd(), resolve(registryDir));
	if (!folder || folder.startsWith('..') || isAbsolute(folder)) return 'registry';
	return folder.split(sep).join('/');
}
