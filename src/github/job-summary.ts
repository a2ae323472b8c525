import { codeName, inlineText } from './markdown.ts';
import type { PublishResult } from './publish.ts';

/**
 * The job summary (`GITHUB_STEP_SUMMARY`, appended by `@actions/core`'s `summary`), which GitHub
 * renders as Markdown with some HTML: every value that may come from the issue, the draft or a
 * person (branch names, paths, messages) goes through the same escaping as the pull request body,
 * so it shows as text. (`summary`'s own builders, `addTable` and the like, escape nothing.)
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#adding-a-job-summary
 */
export function renderJobSummary(result: PublishResult): string {
	const lines = [
		`### Brouillon du ticket #${result.issue.number} · Draft of issue #${result.issue.number}`,
		'',
	];
	lines.push(`- Résultat · Outcome: ${codeName(result.outcome)}`);
	if (result.pull) {
		const what = result.pull.created ? 'opened' : result.pull.updated ? 'updated' : 'unchanged';
		lines.push(`- Demande de fusion · Pull request #${result.pull.number} (${what})`);
	}
	if (result.branch) {
		const sha = (result.commitSha ?? '').replace(/[^0-9a-f]/g, '').slice(0, 7);
		lines.push(
			`- Branche · Branch ${codeName(result.branch)} @ ${codeName(sha)} (${result.committed ? 'new commit' : 'no new commit'})`,
		);
	}
	for (const path of result.removedFiles ?? []) {
		lines.push(`- Retiré de la branche · Removed from the branch: ${codeName(path)}`);
	}
	for (const problem of result.validation?.draftProblems ?? []) {
		lines.push(
			`- ${codeName(problem.path)}:${problem.line} ${codeName(problem.field)} ${inlineText(problem.message.en)}`,
		);
	}
	if (result.check) {
		lines.push(`- Vérification · Check: ${codeName(result.check.conclusion)}`);
	}
	return `${lines.join('\n')}\n\n`;
}
