import { valueAt } from '../schema-fields.ts';
import type { EntryIssue } from '../problems.ts';
import type { Bilingual } from '../schemas/field.ts';
import type { KindCondition } from './descriptor.ts';

/**
 * The rules of a `review` (last and next dates), shared by the kinds that have one: the next
 * review never before the last, and the last one already past.
 */
export function reviewIssues(data: Record<string, unknown>, today: string): EntryIssue[] {
	const date = (key: string) => {
		const value = valueAt(data, ['review', key]);
		return typeof value === 'string' ? value : undefined;
	};
	const last = date('last');
	const next = date('next');
	const issues: EntryIssue[] = [];
	if (last && next && next < last) {
		issues.push({
			at: ['review', 'next'],
			message: {
				fr: `la prochaine revue (${next}) précède la dernière (${last})`,
				en: `the next review (${next}) is before the last one (${last})`,
			},
		});
	}
	if (last && last > today) issues.push({ at: ['review', 'last'], message: inFuture(last) });
	return issues;
}

/** Says that a date which must have passed is in the future. */
export function inFuture(date: string): Bilingual {
	return {
		fr: `la date ${date} est dans le futur : indiquez une date déjà passée`,
		en: `the date ${date} is in the future: give a date that has passed`,
	};
}

/** What {@link reviewIssues} checks, as the field reference says it. */
export const reviewConditions: readonly KindCondition[] = [
	{
		fields: ['review.next', 'review.last'],
		text: {
			fr: 'La prochaine revue (review.next) ne peut pas précéder la dernière (review.last).',
			en: 'The next review (review.next) cannot be before the last one (review.last).',
		},
		breakWith: { review: { last: '2026-06-01', next: '2026-01-01' } },
	},
	{
		fields: ['review.last'],
		text: {
			fr: 'La dernière revue (review.last) a déjà eu lieu : pas de date dans le futur.',
			en: 'The last review (review.last) has already taken place: no date in the future.',
		},
		breakWith: { review: { last: '2999-01-01', next: '2999-06-01' } },
	},
];
