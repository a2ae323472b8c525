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

/** What the check says besides the validator's problems. */
export interface CheckFlags {
	/** Of the draft's problems, the fields it does not give yet: a maintainer completes them. */
	toComplete?: readonly RegistryProblem[];
	/**
	 * Personal data found in the draft, masked in the entry: the check fails until a person
	 * clears it (removes it from the issue, or labels the issue `personal-data-ok`, and drafts
	 * again), so that the pull request cannot be merged unnoticed.
	 */
	personalData?: readonly RegistryProblem[];
	/** Personal data a person let be written as typed: told, not failing. */
	personalDataCleared?: readonly RegistryProblem[];
}

/**
 * Reports the registry validator's verdict on the draft's head commit as a check run, with the
 * personal data found in the draft. Commits made with the workflow's `GITHUB_TOKEN` start no
 * other workflow, so CI never runs on a bot pull request: this check is what its "checks are
 * green" can rely on.
 * @see https://docs.github.com/en/actions/concepts/security/github_token#when-github_token-triggers-workflow-runs
 * @see https://docs.github.com/en/rest/checks/runs#create-a-check-run
 */
export async function reportValidationCheck(
	client: GitHubClient,
	repository: RepositoryRef,
	headSha: string,
	validation: ValidationResult,
	flags: CheckFlags = {},
): Promise<CheckReport> {
	const problems = [...validation.draftProblems, ...validation.otherProblems];
	const toComplete = new Set(flags.toComplete ?? []);
	const personal = flags.personalData ?? [];
	const cleared = flags.personalDataCleared ?? [];
	const conclusion = problems.length === 0 && personal.length === 0 ? 'success' : 'failure';
	const title = checkTitle(problems.length - toComplete.size, toComplete.size, personal.length);
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
		const inRepository = (problem: RegistryProblem) =>
			/^registry\/[\w./-]+$/.test(problem.path) && !problem.path.includes('..');
		const annotations = [
			...personal.filter(inRepository).map((problem) => toAnnotation(problem, 'failure')),
			...problems
				.filter(inRepository)
				.map((problem) =>
					toAnnotation(problem, validation.draftProblems.includes(problem) ? 'failure' : 'warning'),
				),
			...cleared.filter(inRepository).map((problem) => toAnnotation(problem, 'notice')),
		].slice(0, maxAnnotations);
		const summary = checkSummary({ problems, toComplete, personal, cleared });
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

/** The check's title: what is wrong, in both languages, or that nothing is. */
function checkTitle(problems: number, toComplete: number, personal: number): string {
	const parts = [
		...(problems > 0
			? [`${problems} problème(s) dans le registre · problem(s) in the registry`]
			: []),
		...(toComplete > 0 ? [`${toComplete} champ(s) à compléter · field(s) to complete`] : []),
		...(personal > 0 ? ['données personnelles à retirer · personal data to remove'] : []),
	];
	return parts.length > 0 ? parts.join(' ; ') : 'Registre valide · Registry valid';
}

/** An annotation at `file:line`; GitHub shows its message as plain text. */
function toAnnotation(problem: RegistryProblem, level: 'failure' | 'warning' | 'notice') {
	const line = Math.max(1, Math.trunc(problem.line) || 1);
	return {
		path: problem.path,
		start_line: line,
		end_line: line,
		annotation_level: level,
		title: problem.field.slice(0, 255),
		message: `${problem.message.fr}\n${problem.message.en}`.slice(0, 4000),
	};
}

/** One line of the summary: `file:line` `field` — the message in both languages. */
function summaryLine(problem: RegistryProblem): string {
	return `- ${codeName(problem.path)}:${Math.trunc(problem.line) || 1} ${codeName(problem.field)} — ${inlineText(problem.message.fr)} · ${inlineText(problem.message.en)}`;
}

/** The check's summary, which GitHub renders as Markdown: untrusted values are escaped. */
function checkSummary(found: {
	problems: RegistryProblem[];
	toComplete: ReadonlySet<RegistryProblem>;
	personal: readonly RegistryProblem[];
	cleared: readonly RegistryProblem[];
}): string {
	const { problems, toComplete, personal, cleared } = found;
	const verdict =
		problems.length === 0
			? '✅ Le validateur du registre ne trouve aucun problème. · The registry validator finds no problem.'
			: `❌ Le validateur du registre trouve ${problems.length} problème(s), dont ${toComplete.size} champ(s) à compléter. · The registry validator finds ${problems.length} problem(s), ${toComplete.size} of them field(s) to complete.`;
	const lines = [
		verdict,
		'',
		'**FR** Les commits du robot ne déclenchent pas les autres workflows : cette vérification, faite par le job de publication (`npm run registry -- check` sur la branche de base avec le brouillon), remplace la CI sur cette demande. Pour la CI complète, voir « Adopter le kit » (jeton d’une GitHub App).',
		'',
		'**EN** Bot commits do not start other workflows: this check, made by the publish job (`npm run registry -- check` on the base branch with the draft), stands in for CI on this pull request. For the full CI, see “Adopting the kit” (a GitHub App token).',
	];
	if (personal.length > 0) {
		lines.push(
			'',
			`❌ Données personnelles repérées dans ${personal.length} champ(s), masquées dans la fiche. Pour lever ce blocage : retirez-les du ticket (la modification relance la rédaction) ; ou, si elles peuvent être publiées, posez l’étiquette \`personal-data-ok\` sur le ticket et relancez la rédaction. · Personal data found in ${personal.length} field(s), masked in the entry. To clear this: remove it from the issue (the edit drafts again); or, if it may be published, add the \`personal-data-ok\` label to the issue and draft again.`,
			'',
			...personal.slice(0, 50).map(summaryLine),
		);
	}
	if (cleared.length > 0) {
		lines.push(
			'',
			`ℹ️ Données personnelles gardées telles quelles par décision d’une personne (étiquette \`personal-data-ok\`) dans ${cleared.length} champ(s). · Personal data kept as typed by a person’s decision (\`personal-data-ok\` label) in ${cleared.length} field(s).`,
			'',
			...cleared.slice(0, 50).map(summaryLine),
		);
	}
	if (problems.length > 0) {
		lines.push('', ...problems.slice(0, 50).map(summaryLine));
		if (problems.length > 50) lines.push(`- … (+${problems.length - 50})`);
	}
	return lines.join('\n');
}
