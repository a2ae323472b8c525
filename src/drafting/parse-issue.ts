import { parseIssue, type ParsedBody } from '@github/issue-parser';
import type { FormTemplate } from './form-templates.ts';

/**
 * Reads an issue body written by one of our forms. `@github/issue-parser` does the parsing, but
 * it ends a value at any `###`, even in the middle of a line, so a contributor who types a
 * Markdown heading in a text box would split their answer in two. We first find the real
 * headings (the form's labels, whole lines, in form order), hide every other `###` from the
 * parser, and put them back in the answers.
 */

/** An answer as the parser returns it: text, chosen options, or ticked boxes. */
export type Answer = ParsedBody[string];

/** What the body turned out to be. */
export type IssueMatch =
	| { kind: 'form'; template: FormTemplate; answers: ParsedBody }
	/** Looks like the form (its label, or some of its headings) but questions are missing. */
	| { kind: 'incomplete'; template: FormTemplate; missing: string[] }
	| { kind: 'none' };

// A private-use character stands in for `###` outside headings while the parser runs.
const hidden = '\u{E000}';

/** Finds which form wrote the body, and parses it with that form. */
export function matchIssue(
	body: string | null | undefined,
	issueLabels: readonly string[],
	templates: readonly FormTemplate[],
): IssueMatch {
	// GitHub stores what the browser sent: CRLF line ends are common, a BOM occasionally.
	const text = (body ?? '')
		.replace(/^\uFEFF/, '')
		.replace(/\r\n?/g, '\n')
		.replaceAll(hidden, '');
	const lines = text.split('\n');
	const scored = templates
		.map((template) => ({ template, headings: findHeadings(lines, template.headings) }))
		.sort((a, b) => b.headings.size - a.headings.size);
	const complete = scored.find((s) => s.headings.size === s.template.headings.length);
	if (complete) {
		const protectedText = lines
			.map((line, index) => (complete.headings.has(index) ? line : line.replaceAll('###', hidden)))
			.join('\n');
		return {
			kind: 'form',
			template: complete.template,
			answers: restore(parseIssue(protectedText, complete.template.text)),
		};
	}
	// A form's label says the contributor started from it; otherwise half its headings do.
	const partial = scored.find(
		(s) =>
			s.template.issueLabels.some((label) => issueLabels.includes(label)) ||
			s.headings.size * 2 >= s.template.headings.length,
	);
	if (partial) {
		const found = new Set([...partial.headings.values()]);
		return {
			kind: 'incomplete',
			template: partial.template,
			missing: partial.template.headings.filter((_, index) => !found.has(index)),
		};
	}
	return { kind: 'none' };
}

/**
 * Line numbers of the form's headings, mapped to the index of the question they open. A
 * heading counts only if it is a whole `### <label>` line coming after the previous one in form
 * order; the same text met out of order is part of an answer.
 */
function findHeadings(lines: readonly string[], labels: readonly string[]): Map<number, number> {
	const found = new Map<number, number>();
	let next = 0;
	lines.forEach((line, lineIndex) => {
		const match = /^###[ \t]+(.+?)[ \t]*$/.exec(line);
		if (!match) return;
		const index = labels.indexOf(match[1] ?? '', next);
		if (index === -1) return;
		found.set(lineIndex, index);
		next = index + 1;
	});
	return found;
}

/** Puts back the `###` hidden from the parser, in every kind of answer. */
function restore(answers: ParsedBody): ParsedBody {
	const put = (text: string) => text.replaceAll(hidden, '###');
	const result: ParsedBody = {};
	for (const [key, value] of Object.entries(answers)) {
		if (typeof value === 'string') result[key] = put(value);
		else if (Array.isArray(value)) result[key] = value.map(put);
		else if (value) {
			result[key] = { selected: value.selected.map(put), unselected: value.unselected.map(put) };
		} else result[key] = value;
	}
	return result;
}
