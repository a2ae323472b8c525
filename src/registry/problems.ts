import type { Bilingual, Language } from './schemas/index.ts';

/** One thing wrong in the registry, located as precisely as the file allows. */
export interface Problem {
	/** Path of the file, as given to the loader (relative to the working folder when it was). */
	path: string;
	/** 1-based line; 1 when the problem concerns the whole file. */
	line: number;
	/** Dotted path of the field, or `body`, `file` when not about one field. */
	field: string;
	/** What is wrong and what to change, in both languages. */
	message: Bilingual;
}

/** A problem in an entry's data, before it is placed in a file: the rules produce these. */
export interface EntryIssue {
	/** Path of the offending value in the entry's data. */
	at: readonly (string | number)[];
	message: Bilingual;
}

/** Formats a problem as `path:line: field: message`, the form editors and CI annotations read. */
export function formatProblem(problem: Problem, language: Language = 'en'): string {
	return `${problem.path}:${problem.line}: ${problem.field}: ${problem.message[language]}`;
}

/** Orders problems by file, then line, then field, so reports read top to bottom. */
export function compareProblems(a: Problem, b: Problem): number {
	if (a.path !== b.path) return a.path < b.path ? -1 : 1;
	if (a.line !== b.line) return a.line - b.line;
	return a.field < b.field ? -1 : a.field > b.field ? 1 : 0;
}
