import { describe, expect, it } from 'vitest';
import { formatLongDate } from '../../src/registry/texts.ts';

describe('formatLongDate', () => {
	it('writes the first of the month as French writes it, « 1er », and every other day as Intl does', () => {
		const first = new Date('2026-12-01T00:00:00Z');
		expect(formatLongDate(first, 'fr')).toBe('1er décembre 2026');
		expect(formatLongDate(first, 'en')).toBe('1 December 2026');
		expect(formatLongDate(new Date('2027-01-15T00:00:00Z'), 'fr')).toBe('15 janvier 2027');
		expect(formatLongDate(new Date('2026-12-11T00:00:00Z'), 'fr')).toBe('11 décembre 2026');
	});

	it('keeps the ordinal with a time of day', () => {
		const time = formatLongDate(new Date('2025-05-01T14:05:00Z'), 'fr', { timeStyle: 'short' });
		expect(time).toBe('1er mai 2025 à 14:05');
	});
});
