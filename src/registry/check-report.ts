import type { Language } from './schemas/index.ts';
import type { Problem } from './problems.ts';

/**
 * A problem as a GitHub Actions annotation, shown on the line of the file in pull requests: the
 * message and where it points, in the shape of `@actions/core`'s `AnnotationProperties`, which
 * escapes them (this core stays free of any framework).
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
export function problemAnnotation(
	problem: Problem,
	language: Language = 'en',
): { message: string; properties: { file: string; startLine: number; title: string } } {
	return {
		message: problem.message[language],
		properties: { file: problem.path, startLine: problem.line, title: problem.field },
	};
}

/**
 * A problem on one line of the log, `path:line: field: message`, as CI's problem matcher reads
 * it: a line break in a value is shown as ⏎, so no line of the report starts with anything but
 * the file's path, and none is ever read as a workflow command.
 */
export function problemLogLine(problem: Problem, language: Language = 'en'): string {
	const oneLine = (text: string) => text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ⏎ ');
	return `${oneLine(problem.path)}:${problem.line}: ${oneLine(problem.field)}: ${oneLine(problem.message[language])}`;
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
