import { z } from 'zod';
import type { EntryFile } from './entry-file.ts';
import type { Problem } from './problems.ts';

const french = z.locales.fr();
const english = z.locales.en();

/** Turns a zod issue into a located problem, worded by zod's French and English locales. */
export function schemaIssueProblem(file: EntryFile, issue: z.core.$ZodIssue): Problem {
	const field = issue.path.map(String).join('.') || 'front matter';
	return {
		path: file.path,
		line: file.lineOf(issue.path),
		field,
		message: { fr: localise(french, issue), en: localise(english, issue) },
	};
}

/** Words an issue in one locale, keeping a custom message when the schema gave one. */
function localise(locale: { localeError: z.core.$ZodErrorMap }, issue: z.core.$ZodIssue): string {
	const worded = locale.localeError(issue as never);
	if (typeof worded === 'string') return worded;
	return worded?.message ?? issue.message;
}
