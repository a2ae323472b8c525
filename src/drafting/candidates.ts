import type { Registry } from '../registry/load.ts';
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
	return plain.split(separators).filter((word) => word !== '');
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

	/** Whether the issue holds these words one after the other. */
	hasPhrase(phrase: readonly string[]): boolean {
		const [first, ...rest] = phrase;
		if (first === undefined) return false;
		return (this.positions.get(first) ?? []).some((start) =>
			rest.every((word, offset) => this.list[start + offset + 1] === word),
		);
	}
}

/** What an entry is known by: the words of its id and of each value of its title field. */
interface Named {
	id: string;
	idWords: string[];
	names: string[][];
}

/** The id and names of each entry of a kind, as words. */
function namedEntries(registry: Pick<Registry, EntryKind>, kind: EntryKind): Named[] {
	const field = kindOf(kind).titleField;
	return registry[kind].map((entry) => {
		const title = (entry.data as Record<string, unknown>)[field];
		const names =
			typeof title === 'string'
				? [title]
				: typeof title === 'object' && title !== null
					? Object.values(title).filter((name): name is string => typeof name === 'string')
					: [];
		// The two languages often give the same name: read it once.
		const distinct = [...new Set(names)].map(words);
		// An id is a slug: its words are between its hyphens and dots.
		return { id: entry.id, idWords: entry.id.split(/[.-]+/), names: distinct };
	});
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
	const issue = new IssueWords(issueText);
	const result = {} as Record<EntryKind, Candidate[]>;
	for (const kind of kinds) result[kind] = kindCandidates(issue, namedEntries(registry, kind));
	return result;
}

function kindCandidates(issue: IssueWords, entries: readonly Named[]): Candidate[] {
	// Each entry's distinct words, and how many entries have each word.
	const frequency = new Map<string, number>();
	const entryWords = entries.map((entry) => {
		const distinct: string[] = [];
		for (const list of [entry.idWords, ...entry.names]) {
			for (const word of list) {
				if (stopWords.has(word) || distinct.includes(word)) continue;
				distinct.push(word);
				frequency.set(word, (frequency.get(word) ?? 0) + 1);
			}
		}
		return distinct;
	});
	const weight = (word: string) => Math.log(1 + entries.length / (frequency.get(word) ?? 1));
	const found: Candidate[] = [];
	entries.forEach((entry, index) => {
		const list = entryWords[index] ?? [];
		// Nothing of the entry in the issue: neither named nor resembling.
		if (!list.some((word) => issue.positions.has(word))) return;
		let total = 0;
		let matched = 0;
		for (const word of list) {
			const value = weight(word);
			total += value;
			if (issue.positions.has(word)) matched += value;
		}
		const named =
			issue.hasPhrase(entry.idWords) ||
			entry.names.some((name) => name.join('').length >= minNameChars && issue.hasPhrase(name));
		const score = matched / total;
		if (named || score >= minResemblance) found.push({ id: entry.id, named, score });
	});
	const named = found.filter((candidate) => candidate.named);
	const resembling = found
		.filter((candidate) => !candidate.named)
		.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
	return [...named, ...resembling].slice(0, maxCandidates);
}
