/** Messages that agree with a number, through the languages' own plural rules. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/ui.ts';

describe('plural messages', () => {
	const tables = {
		fr: { 'n.one': '{count} fiche', 'n.other': '{count} fiches', plain: 'x' },
		en: { 'n.one': '{count} entry', 'n.other': '{count} entries', plain: 'x' },
	};

	it('take the form the language’s rules give the count', () => {
		const fr = translator(tables, 'fr');
		const en = translator(tables, 'en');
		expect([0, 1, 2, 10].map((count) => fr('n', { count }))).toEqual([
			'0 fiche',
			'1 fiche',
			'2 fiches',
			'10 fiches',
		]);
		expect([0, 1, 2].map((count) => en('n', { count }))).toEqual([
			'0 entries',
			'1 entry',
			'2 entries',
		]);
		// French names a million's form `many`: without one, `other` is taken.
		expect(fr('n', { count: 1_000_000 })).toBe('1000000 fiches');
		expect(fr('n')).toBe('{count} fiches');
		expect(fr('plain')).toBe('x');
	});
});
