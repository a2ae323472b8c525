import type { Registry } from '../registry/load.ts';
import type { Bilingual } from '../registry/schemas/index.ts';
import { kindOf, type EntryKind } from '../registry/kinds/index.ts';

/**
 * The entries of a kind an issue may refer to, found locally when the registry holds too many to
 * offer them all: an entry is *named* when the issue contains its id or its whole name (in either
 * language), and *resembles* the issue when most of the rare words of its id and name are in it.
 * Words are compared lower case, without accents, split on anything but letters and digits;
 * a word is rare when few entries of the kind share it (its weight is its inverse document
 * frequency), so that a word every model name has ("model", the organisation's name) matches
 * nothing by itself.
 */

/** An entry the issue names or resembles. */
export interface Candidate {
	id: string;
	/** The issue contains the entry's id or its whole name. */
	named: boolean;
	/** Share of the weight of the entry's words found in the issue, from 0 to 1. */
	score: number;
}

/** Most candidates offered for one kind: the named ones first, then the closest. */
export const maxCandidates = 20;

/** Share of an entry's word weight the issue must contain for the entry to resemble it. */
export const minResemblance = 0.5;

/**
 * Characters of the issue read: what a prompt can hold of it within the draft's budget. A name
 * beyond would not reach the model, and a megabyte of text is read in constant time.
 */
export const readChars = 16_000;

/** Names of fewer characters are not looked for as such: `IA` would be found everywhere. */
const minNameChars = 4;

// Words that say nothing of which entry is meant, in French and English.
const stopWords = new Set(
	(
		'a au aux avec ce ces dans de des du en et la le les leur leurs ou par pour sur un une ' +
		'an and as at by for from in into of on or the to with'
	).split(' '),
);

// Anything but ASCII letters and digits and the letters beyond Latin-1 punctuation separates
// words (the general punctuation block too: ’, —, the no-break spaces). A regex without the
// Unicode flag: the words of 50,000 names are read in a few milliseconds.
const separators = /[^a-z0-9\u00c0-\u1fff\u2070-\uffff]+/;
// Beyond printable ASCII (a new line included): only such a text may carry an accent.
const nonAscii = /[^\u0020-\u007e]/;
const accents = /[\u0300-\u036f]/g;

/** The words of a text, in order: lower case, without accents. */
export function words(text: string): string[] {
	const lower = text.toLowerCase();
	const plain = nonAscii.test(lower) ? lower.normalize('NFD').replace(accents, '') : lower;
	const list = plain.split(separators);
	// Only a leading or trailing separator leaves an empty word.
	if (list[0] === '') list.shift();
	if (list.at(-1) === '') list.pop();
	return list;
}

/** The words of the issue, and where each occurs, for finding whole names in it. */
class IssueWords {
	readonly positions = new Map<string, number[]>();
	readonly list: readonly string[];

	constructor(text: string) {
		this.list = words(text);
		this.list.forEach((word, index) => {
			const at = this.positions.get(word);
			if (at) at.push(index);
			else this.positions.set(word, [index]);
		});
	}

	/**
	 * Whether the issue holds these words one after the other, tried where the phrase's rarest
	 * word in the issue occurs, so a word the issue repeats costs nothing.
	 */
	hasPhrase(phrase: readonly string[]): boolean {
		let anchor = -1;
		let starts: readonly number[] = [];
		for (const [offset, word] of phrase.entries()) {
			const at = this.positions.get(word);
			if (!at) return false;
			if (anchor < 0 || at.length < starts.length) [anchor, starts] = [offset, at];
		}
		return starts.some((position) =>
			phrase.every((word, offset) => this.list[position - anchor + offset] === word),
		);
	}
}

/** What an entry is known by: the words of its id and of each value of its title field. */
interface Named {
	id: string;
	idWords: string[];
	names: string[][];
}

/** The id and names of an entry, as words. */
function namedEntry(entry: { id: string; data: object }, titleField: string): Named {
	const title = (entry.data as Record<string, unknown>)[titleField];
	const names: string[][] = [];
	if (typeof title === 'string') names.push(words(title));
	else if (typeof title === 'object' && title !== null) {
		const { fr, en } = title as Partial<Bilingual>;
		if (typeof fr === 'string') names.push(words(fr));
		// The two languages often give the same name: read it once.
		if (typeof en === 'string' && en !== fr) names.push(words(en));
	}
	// An id is a slug: its words are between its hyphens and dots (a string split is the faster).
	const idWords = entry.id.includes('.') ? entry.id.split(/[.-]+/) : entry.id.split('-');
	return { id: entry.id, idWords, names };
}

/**
 * The candidates of each kind for an issue's text, at most {@link maxCandidates} per kind:
 * named entries first (in the order the registry lists them), then the entries it resembles,
 * closest first.
 */
export function referenceCandidates(
	issueText: string,
	registry: Pick<Registry, EntryKind>,
	kinds: readonly EntryKind[],
): Record<EntryKind, Candidate[]> {
	const issue = new IssueWords(issueText.slice(0, readChars));
	const result = {} as Record<EntryKind, Candidate[]>;
	for (const kind of kinds)
		result[kind] = kindCandidates(issue, registry[kind], kindOf(kind).titleField);
	return result;
}

/** How many entries of a kind have a word, and the last one that counted it (each counts once). */
interface WordCount {
	entries: number;
	last: number;
}

/**
 * Counts the words of one entry into `counts`; tells whether one of them is in the issue.
 * Written without allocating: it runs over every word of every entry of the kind.
 */
function countWords(
	list: readonly string[],
	index: number,
	counts: Map<string, WordCount>,
	issue: IssueWords,
): boolean {
	let touches = false;
	for (const word of list) {
		if (stopWords.has(word)) continue;
		const count = counts.get(word);
		if (!count) counts.set(word, { entries: 1, last: index });
		else if (count.last !== index) {
			count.entries++;
			count.last = index;
		}
		touches ||= issue.positions.has(word);
	}
	return touches;
}

/** The weight of an entry's distinct words, and of those the issue holds. */
function weighWords(
	lists: readonly (readonly string[])[],
	counts: ReadonlyMap<string, WordCount>,
	entries: number,
	issue: IssueWords,
): { total: number; matched: number } {
	const seen = new Set<string>();
	let total = 0;
	let matched = 0;
	for (const list of lists) {
		for (const word of list) {
			const count = counts.get(word);
			if (!count || seen.has(word)) continue;
			seen.add(word);
			// The rarer a word among the kind's entries, the more it weighs.
			const weight = Math.log(1 + entries / count.entries);
			total += weight;
			if (issue.positions.has(word)) matched += weight;
		}
	}
	return { total, matched };
}

function kindCandidates(
	issue: IssueWords,
	entries: readonly { id: string; data: object }[],
	titleField: string,
): Candidate[] {
	const counts = new Map<string, WordCount>();
	// Only the entries with a word of the issue are kept: the others' words are counted, then
	// left to the garbage collector while still young.
	const touching: Named[] = [];
	entries.forEach((entry, index) => {
		const named = namedEntry(entry, titleField);
		let touches = countWords(named.idWords, index, counts, issue);
		for (const name of named.names) touches = countWords(name, index, counts, issue) || touches;
		if (touches) touching.push(named);
	});
	const found: Candidate[] = [];
	for (const entry of touching) {
		const lists = [entry.idWords, ...entry.names];
		const { total, matched } = weighWords(lists, counts, entries.length, issue);
		const named =
			issue.hasPhrase(entry.idWords) ||
			entry.names.some((name) => name.join('').length >= minNameChars && issue.hasPhrase(name));
		const score = total > 0 ? matched / total : 0;
		if (named || score >= minResemblance) found.push({ id: entry.id, named, score });
	}
	const named = found.filter((candidate) => candidate.named);
	const resembling = found
		.filter((candidate) => !candidate.named)
		.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
	return [...named, ...resembling].slice(0, maxCandidates);
}
