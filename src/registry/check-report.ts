import type { Language } from './schemas/index.ts';
import type { Problem } from './problems.ts';

/** Escapes a workflow command's message (GitHub's own rules for `::error`). */
function escapeData(text: string): string {
	return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a workflow command's property, where `:` and `,` are separators too. */
function escapeProperty(text: string): string {
	return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * A problem as a GitHub Actions annotation, shown on the line of the file in pull requests.
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
export function githubAnnotation(problem: Problem, language: Language = 'en'): string {
	const file = escapeProperty(problem.path);
	const title = escapeProperty(problem.field);
	return `::error file=${file},line=${problem.line},title=${title}::${escapeData(problem.message[language])}`;
}

/** One closing line for a check: all good, or how many problems in how many files. */
export function checkSummary(problems: readonly Problem[], language: Language = 'en'): string {
	const count = problems.length;
	if (count === 0) {
		return language === 'fr'
			? 'Registre vérifié : aucun problème.'
			: 'Registry checked: no problems found.';
	}
	const files = new Set(problems.map((problem) => problem.path)).size;
	return language === 'fr'
		? `${count} problème${count > 1 ? 's' : ''} dans ${files} fichier${files > 1 ? 's' : ''}.`
		: `${count} problem${count > 1 ? 's' : ''} in ${files} file${files > 1 ? 's' : ''}.`;
}
