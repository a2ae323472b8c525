import { loadSiteConfig } from '../config/load.ts';
import { failureMessage, PublishError } from './errors.ts';
import { renderJobSummary } from './job-summary.ts';
import { preflight } from './preflight.ts';
import { publishDraft, type PublishResult } from './publish.ts';
import {
	createRestClient,
	parseRepository,
	type ClientPacing,
	type RepositoryRef,
} from './rest-client.ts';
import type { RegistryCheck } from './revalidate.ts';

/** What the command reads from the environment, once. */
export interface RunEnvironment {
	token: string;
	repository: RepositoryRef;
	apiUrl: string | undefined;
	/** `GITHUB_RUN_ID.GITHUB_RUN_ATTEMPT`, or a local stand-in. */
	runKey: string;
	/** `GITHUB_RUN_ID` and `GITHUB_RUN_ATTEMPT`, set inside GitHub Actions. */
	run: { id: number; attempt: number } | undefined;
	aiSwitch: 'on' | 'off';
}

/** Reads the environment GitHub Actions sets, with an error naming what is missing. */
export function readRunEnvironment(env: NodeJS.ProcessEnv): RunEnvironment {
	const token = env.GITHUB_TOKEN ?? '';
	if (!token) {
		throw new PublishError({
			fr: 'GITHUB_TOKEN est vide : ajoutez « GITHUB_TOKEN: ${{ github.token }} » à l’env de l’étape.',
			en: 'GITHUB_TOKEN is empty: add "GITHUB_TOKEN: ${{ github.token }}" to the step\'s env.',
		});
	}
	const runId = env.GITHUB_RUN_ID;
	const runKey =
		runId && /^\d+$/.test(runId)
			? `${runId}.${env.GITHUB_RUN_ATTEMPT || '1'}`
			: `local-${Date.now()}`;
	const attempt = /^[1-9]\d{0,5}$/.test(env.GITHUB_RUN_ATTEMPT ?? '')
		? Number(env.GITHUB_RUN_ATTEMPT)
		: 1;
	return {
		token,
		repository: parseRepository(env.GITHUB_REPOSITORY),
		apiUrl: env.GITHUB_API_URL || undefined,
		runKey: runKey.replace(/[^A-Za-z0-9._-]/g, ''),
		run: runId && /^\d{1,20}$/.test(runId) ? { id: Number(runId), attempt } : undefined,
		aiSwitch: (env.AI_DRAFTS ?? '').trim().toLowerCase() === 'off' ? 'off' : 'on',
	};
}

/** Arguments of `npm run publish-draft`. */
export type PublishDraftArguments =
	| { mode: 'publish'; eventPath: string; draftDir: string; registryDir: string }
	| { mode: 'preflight'; eventPath: string; outDir: string; eventOut: string };

/** Where an annotation points: a file, its line, and a title above the message. */
export interface AnnotationPlace {
	file?: string | undefined;
	line?: number | undefined;
	title?: string | undefined;
}

/**
 * What a command tells the workflow run: lines that may quote untrusted content (issue titles,
 * entry values, file paths, model output), which must never be read as workflow commands; its
 * own annotations and log groups, whose text is escaped; its step outputs; its job summary.
 * `scripts/workflow-log.ts` implements it with `@actions/core`.
 */
export interface WorkflowLog {
	untrusted(lines: readonly string[]): void;
	annotate(level: 'error' | 'warning' | 'notice', message: string, where?: AnnotationPlace): void;
	/** Folds what `body` logs under `title` (escaped: it may quote anything). */
	group<T>(title: string, body: () => Promise<T>): Promise<T>;
	/** Step outputs; a value may hold several lines. */
	outputs(values: Record<string, string>): void;
	/** Appends Markdown to the job summary; its untrusted values are escaped by the caller. */
	summary(markdown: string): Promise<void>;
}

/** Where the command's output goes, and the validator it uses (tests swap them). */
export interface CommandSeams {
	log: WorkflowLog;
	check?: RegistryCheck;
	/** How the GitHub client paces its requests; GitHub's recommendation unless set. */
	pacing?: ClientPacing;
}

/** Runs `npm run publish-draft` and returns the exit code. */
export async function runPublishDraftCommand(
	args: PublishDraftArguments,
	env: NodeJS.ProcessEnv,
	seams: CommandSeams,
): Promise<number> {
	const { log } = seams;
	try {
		const run = readRunEnvironment(env);
		const client = createRestClient({
			token: run.token,
			baseUrl: run.apiUrl,
			pacing: seams.pacing,
		});
		if (args.mode === 'preflight') {
			if (!run.run) {
				throw new PublishError({
					fr: 'GITHUB_RUN_ID manque : le contrôle préalable compte les exécutions du workflow qui précèdent la sienne, il ne tourne que dans GitHub Actions.',
					en: 'GITHUB_RUN_ID is missing: the preflight counts the workflow runs before its own, so it only runs inside GitHub Actions.',
				});
			}
			const drafting = loadSiteConfig().drafting;
			const result = await preflight({
				client,
				repository: run.repository,
				eventPath: args.eventPath,
				outDir: args.outDir,
				eventOut: args.eventOut,
				limits: drafting,
				provider: drafting.provider,
				aiFor: drafting.aiFor,
				aiSwitch: run.aiSwitch,
				run: run.run,
				now: new Date(),
			});
			const { gate } = result;
			log.untrusted([
				`Issue #${gate.issue}: ${gate.proceed ? `draft ${gate.ai ? 'with AI' : `without AI (${gate.formOnlyReason})`}` : `rate limited (${gate.limitReason}) until ${gate.retryAt}`}.`,
			]);
			log.outputs({
				issue: String(gate.issue),
				proceed: String(gate.proceed),
				ai: gate.ai ? 'on' : 'off',
				'event-file': result.eventFile,
			});
			return 0;
		}
		const result = await publishDraft({
			client,
			repository: run.repository,
			eventPath: args.eventPath,
			draftDir: args.draftDir,
			registryDir: args.registryDir,
			runKey: run.runKey,
			...(seams.check && { check: seams.check }),
		});
		// Problems of other entries, found while re-validating the registry with the draft in it:
		// not the draft's doing, shown on their own file and line.
		for (const problem of result.validation?.otherProblems ?? []) {
			log.annotate('warning', problem.message.en, { file: problem.path, line: problem.line });
		}
		log.untrusted(describeResult(result));
		const draftProblems = result.validation?.draftProblems ?? [];
		if (draftProblems.length > 0) {
			await log.group(`Problems in the draft (${draftProblems.length})`, async () =>
				log.untrusted(
					draftProblems.map(
						(problem) => `${problem.path}:${problem.line}: ${problem.field}: ${problem.message.en}`,
					),
				),
			);
		}
		log.outputs({
			outcome: result.outcome,
			'pull-request-number': result.pull ? String(result.pull.number) : '',
		});
		await log.summary(renderJobSummary(result));
		// The drafting itself failed: the issue is told, and the run is marked failed for the team.
		return result.outcome === 'draft-failed' ? 1 : 0;
	} catch (error) {
		log.annotate('error', failureMessage(error));
		return 1;
	}
}

function describeResult(result: PublishResult): string[] {
	const lines = [`Issue #${result.issue.number}: ${result.outcome}.`];
	if (result.pull) {
		const what = result.pull.created ? 'opened' : result.pull.updated ? 'updated' : 'unchanged';
		lines.push(`Pull request #${result.pull.number} ${what}: ${result.pull.url}`);
	}
	if (result.branch) {
		lines.push(
			`Branch ${result.branch} at ${result.commitSha?.slice(0, 7)} (${result.committed ? 'new commit' : 'no new commit'}).`,
		);
	}
	if (result.comment) lines.push(`Issue comment ${result.comment.action}: ${result.comment.url}`);
	return lines;
}
