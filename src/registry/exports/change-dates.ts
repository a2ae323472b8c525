import type { RegistryHistory } from '../history.ts';

/** The registry's first and latest changes, the dates its open data states. */
export interface ChangeDates {
	first: Date;
	last: Date;
}

/**
 * The registry's first and latest changes, from git; without history, from the entries' review
 * dates; with neither, now. Every export dates itself from these, so that building the same
 * commit twice gives the same files. One pass over the changes, whatever the registry's size.
 */
export function registryChangeDates(
	history: RegistryHistory,
	entries: Iterable<object>,
	now: () => Date = () => new Date(),
): ChangeDates {
	let first = '';
	let last = '';
	const see = (date: string) => {
		if (!first || date < first) first = date;
		if (!last || date > last) last = date;
	};
	for (const changes of history.changes.values()) {
		for (const change of changes) see(new Date(change.date).toISOString());
	}
	if (!last) {
		for (const entry of entries) {
			const review = 'review' in entry ? (entry.review as { last?: unknown }) : undefined;
			if (typeof review?.last === 'string') see(`${review.last}T00:00:00.000Z`);
		}
	}
	if (!last) first = last = now().toISOString();
	return { first: new Date(first), last: new Date(last) };
}
