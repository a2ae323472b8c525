import type { Bilingual, Language } from './schemas/index.ts';

/** One thing wrong in the registry, located as precisely as the file allows. */
export interface Problem {
	/** Path of the file, relative to the registry folder's parent when known. */
	path: string;
	/** 1-based line; 1 when the problem concerns the whole file. */
	line: number;
	/** Dotted path of the field, or `body`, `file` when not about one field. */
	field: string;
	/** What is wrong and what to change, in both languages. */
	message: Bilingual;
}

/** Formats a problem as `path:line: field: message`, the form editors and CI annotations read. */
export function formatProblem(problem: Problem, language: Language = 'en'): string {
	return `${problem.path}:${problem.line}: ${problem.field}: ${problem.message[language]}`;
}
