import { parseIssue, type ParsedBody } from '@github/issue-parser';
import type { FormTemplate } from './form-templates.ts';

/**
 * Reads an issue body written by one of our forms. `@github/issue-parser` does the parsing, but
 * it ends a value at any `###`, even in the middle of a line, so a contributor who types a
 * Markdown heading in a text box would split their answer in two. We first find the real
 * headings (the form's labels, whole lines, in form order), hide every other `###` from the
 * parser, and put them back in the answers.
 *
 * Parsing stays linear in the body, whatever it holds: no regex here can backtrack over a line,
 * and the parser is only handed input on which its own regexes are linear (see `forParser`).
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
	// Most headings found first; on a tie, a form found whole. A short form's questions are all
	// in its full form too: a full form's body that lost one heading is that full form, incomplete,
	// not the short form whose headings it all has.
	const isWhole = (s: { template: FormTemplate; headings: Map<number, number> }) =>
		s.headings.size === s.template.headings.length;
	const scored = templates
		.map((template) => ({ template, headings: findHeadings(lines, template.headings) }))
		.sort((a, b) => b.headings.size - a.headings.size || Number(isWhole(b)) - Number(isWhole(a)));
	const best = scored[0];
	const complete = best && isWhole(best) ? best : undefined;
	if (complete) {
		return {
			kind: 'form',
			template: complete.template,
			answers: restore(parseIssue(forParser(lines, complete), complete.template.text)),
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
 * The body as `@github/issue-parser` gets it. Its section regex ends a value at any `###`, so
 * every `###` outside a real heading is hidden, and each heading is written `### <label>`
 * exactly (the parser keeps a tab after `###` in the key, which then matches no label, and it
 * need never scan padding). Runs of blank lines become one:
 * the parser trims a value with `/^[\n]+|[\n]+$/g`, which rescans a run of n newlines from each
 * of them, n² steps for one long run; one blank line means the same in Markdown.
 * @see https://github.com/github/issue-parser/blob/main/src/format.ts
 */
function forParser(
	lines: readonly string[],
	form: { template: FormTemplate; headings: ReadonlyMap<number, number> },
): string {
	const out: string[] = [];
	let blank = false;
	lines.forEach((line, index) => {
		const question = form.headings.get(index);
		if (question !== undefined) {
			out.push(`### ${form.template.headings[question] ?? ''}`);
			blank = false;
			return;
		}
		if (line === '' && blank) return;
		blank = line === '';
		out.push(line.replaceAll('###', hidden));
	});
	return out.join('\n');
}

/**
 * Line numbers of the form's headings, mapped to the index of the question they open. A
 * heading counts only if it is a whole `### <label>` line in form order; of the ways to read the
 * body's heading lines in form order, the one that finds the most questions wins, and among
 * those the earliest lines: a label typed inside an answer (the description comes first) is part
 * of that answer, unless taking it loses no question. The longest chain is found by dynamic
 * programming over the form's questions, so the work stays linear in the body's lines.
 */
function findHeadings(lines: readonly string[], labels: readonly string[]): Map<number, number> {
	const indexOf = new Map(labels.map((label, index) => [label, index]));
	// For each question, the longest chain of headings ending at it, and where that chain ends.
	const length = labels.map(() => 0);
	const end: (Link | undefined)[] = labels.map(() => undefined);
	interface Link {
		line: number;
		question: number;
		previous: Link | undefined;
	}
	lines.forEach((line, lineIndex) => {
		const label = headingText(line);
		const question = label === undefined ? undefined : indexOf.get(label);
		if (question === undefined) return;
		let best = 0;
		let previous: Link | undefined;
		for (let before = 0; before < question; before++) {
			if ((length[before] ?? 0) > best) {
				best = length[before] ?? 0;
				previous = end[before];
			}
		}
		// Strictly longer only: the earliest line keeps a chain of the same length.
		if (best + 1 > (length[question] ?? 0)) {
			length[question] = best + 1;
			end[question] = { line: lineIndex, question, previous };
		}
	});
	let longest = 0;
	let last: Link | undefined;
	labels.forEach((_, question) => {
		if ((length[question] ?? 0) > longest) {
			longest = length[question] ?? 0;
			last = end[question];
		}
	});
	const found = new Map<number, number>();
	for (let link = last; link; link = link.previous) found.set(link.line, link.question);
	return found;
}

/**
 * The text of a `### text` line, spaces and tabs around it removed; undefined for other lines.
 * Read with indexes rather than `/^###[ \t]+(.+?)[ \t]*$/`, which tries every end of the lazy
 * group against every run of spaces inside the line: n² steps on `### a`, n spaces, `b`.
 */
function headingText(line: string): string | undefined {
	if (!line.startsWith('###')) return undefined;
	const isBlank = (index: number) => line[index] === ' ' || line[index] === '\t';
	let start = 3;
	if (!isBlank(start)) return undefined;
	while (isBlank(start)) start++;
	let end = line.length;
	while (end > start && isBlank(end - 1)) end--;
	return end > start ? line.slice(start, end) : undefined;
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
