import { describe, expect, it } from 'vitest';
import { registryChangeDates } from '../../../src/registry/exports/change-dates.ts';
import type { Change, RegistryHistory } from '../../../src/registry/history.ts';

const change = (date: string): Change => ({ sha: 'abc', date, subject: 'Edit' });
const never = () => {
	throw new Error('the dates must not depend on the time of the build');
};

describe('registryChangeDates', () => {
	it('takes the first and latest commits of every file, not the time of the build', () => {
		const history: RegistryHistory = {
			changes: new Map([
				['/r/systems/a.mdx', [change('2026-11-30T18:00:00+01:00'), change('2026-02-01T10:00:00Z')]],
				['/r/models/b.mdx', [change('2026-01-05T09:00:00Z')]],
			]),
			partial: false,
		};
		const dates = registryChangeDates(history, [{ review: { last: '2026-12-25' } }], never);
		expect(dates.first.toISOString()).toBe('2026-01-05T09:00:00.000Z');
		expect(dates.last.toISOString()).toBe('2026-11-30T17:00:00.000Z');
	});

	it('falls back on the review dates without history, and on now without either', () => {
		const none: RegistryHistory = { changes: new Map(), partial: true, unavailable: 'no git' };
		const reviewed = registryChangeDates(
			none,
			[{ review: { last: '2026-03-01' } }, { id: 'model' }, { review: { last: '2026-06-01' } }],
			never,
		);
		expect([reviewed.first.toISOString(), reviewed.last.toISOString()]).toEqual([
			'2026-03-01T00:00:00.000Z',
			'2026-06-01T00:00:00.000Z',
		]);
		const now = new Date('2026-12-01T10:00:00Z');
		expect(registryChangeDates(none, [{ id: 'model' }], () => now)).toEqual({
			first: now,
			last: now,
		});
	});
});
