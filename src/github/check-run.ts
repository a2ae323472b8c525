import { explainFailure } from './errors.ts';
import { codeName, inlineText } from './markdown.ts';
import type { GitHubClient, RepositoryRef } from './rest-client.ts';
import type { RegistryProblem, ValidationResult } from './revalidate.ts';

/** The check run's name, as it shows among the pull request's checks and in branch protection. */
export const checkRunName = 'Registre IA · validation';

/** GitHub takes at most 50 annotations per request; more go in follow-up updates. */
const annotationsPerRequest = 50;

/** Past this many annotations the rest are only counted in the summary. */
const maxAnnotations = 500;

/** What {@link reportValidationCheck} reported. */
export interface CheckReport {
	id: number;
	conclusion: 'success' | 'failure';
	/** Whether a new check run was written (false: the same verdict was already on the commit). */
	created: boolean;
}

/**
 * Reports the registry validator's verdict on the draft's head commit as a check run. Commits
 * made with the workflow's `GITHUB_TOKEN` start no other workflow, so CI never runs on a bot
 * pull request: this check is what its "checks are green" can rely on.
 * @see https://docs.github.com/en/actions/concepts/security/github_token#when-github_token-triggers-workflow-runs
 * @see https://docs.github.com/en/rest/checks/runs#create-a-check-run
 */
export async function reportValidationCheck(
	client: GitHubClient,
	repository: RepositoryRef,
	headSha: string,
	validation: ValidationResult,
): Promise<CheckReport> {
	const problems = [...validation.draftProblems, ...validation.otherProblems];
	const conclusion = problems.length === 0 ? 'success' : 'failure';
	const title =
		problems.length === 0
			? 'Registre valide · Registry valid'
			: `${problems.length} problème(s) dans le registre · problem(s) in the registry`;
	return explainFailure('write-check', async () => {
		const existing = await client.rest.checks.listForRef({
			...repository,
			ref: headSha,
			check_name: checkRunName,
			filter: 'latest',
		});
		const same = existing.data.check_runs.find(
			(run) => run.conclusion === conclusion && run.output.title === title,
		);
		if (same) return { id: same.id, conclusion, created: false };

		// GitHub refuses the whole request for an annotation outside the repository.
		const annotations = problems
			.filter(
				(problem) => /^registry\/[\w./-]+$/.test(problem.path) && !problem.path.includes('..'),
			)
			.slice(0, maxAnnotations)
			.map((problem) => toAnnotation(problem, validation.draftProblems.includes(problem)));
		const summary = checkSummary(problems, conclusion);
		const created = await client.rest.checks.create({
			...repository,
			name: checkRunName,
			head_sha: headSha,
			status: 'completed',
			conclusion,
			output: {
				title,
				summary,
				annotations: annotations.slice(0, annotationsPerRequest),
			},
		});
		for (
			let start = annotationsPerRequest;
			start < annotations.length;
			start += annotationsPerRequest
		) {
			await client.rest.checks.update({
				...repository,
				check_run_id: created.data.id,
				output: {
					title,
					summary,
					annotations: annotations.slice(start, start + annotationsPerRequest),
				},
			});
		}
		return { id: created.data.id, conclusion, created: true };
	});
}

/** An annotation at `file:line`; GitHub shows its message as plain text. */
function toAnnotation(problem: RegistryProblem, inDraft: boolean) {
	const line = Math.max(1, Math.trunc(problem.line) || 1);
	return {
		path: problem.path,
		start_line: line,
		end_line: line,
		annotation_level: inDraft ? ('failure' as const) : ('warning' as const),
		title: problem.field.slice(0, 255),
		message: `${problem.message.fr}\n${problem.message.en}`.slice(0, 4000),
	};
}

/** The check's summary, which GitHub renders as Markdown: untrusted values are escaped. */
function checkSummary(problems: RegistryProblem[], conclusion: 'success' | 'failure'): string {
	const verdict =
		conclusion === 'success'
			? '✅ Le validateur du registre ne trouve aucun problème. · The registry validator finds no problem.'
			: `❌ Le validateur du registre trouve ${problems.length} problème(s). · The registry validator finds ${problems.length} problem(s).`;
	const lines = [
		verdict,
		'',
		'**FR** Les commits du robot ne déclenchent pas les autres workflows : cette vérification, faite par le job de publication (`npm run registry -- check` sur la branche de base avec le brouillon), remplace la CI sur cette demande. Pour la CI complète, voir « Adopter le kit » (jeton d’une GitHub App).',
		'',
		'**EN** Bot commits do not start other workflows: this check, made by the publish job (`npm run registry -- check` on the base branch with the draft), stands in for CI on this pull request. For the full CI, see “Adopting the kit” (a GitHub App token).',
	];
	if (problems.length > 0) {
		lines.push(
			'',
			...problems
				.slice(0, 50)
				.map(
					(problem) =>
						`- ${codeName(problem.path)}:${Math.trunc(problem.line) || 1} ${codeName(problem.field)} — ${inlineText(problem.message.fr)} · ${inlineText(problem.message.en)}`,
				),
		);
		if (problems.length > 50) lines.push(`- … (+${problems.length - 50})`);
	}
	return lines.join('\n');
}
