/** Messages that agree with a number, through the languages' own plural rules. */
import { describe, expect, it } from 'vitest';
import { useRegistryTranslations } from '../../src/i18n/registry.ts';
import { translator, ui } from '../../src/i18n/ui.ts';

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

	it('are used for every count the registry pages show, with no “(s)” left', () => {
		for (const lang of ['fr', 'en'] as const) {
			const t = useRegistryTranslations(lang);
			expect(t('index.count', { count: 1 })).not.toMatch(/\(|s$/);
			expect(t('index.results', { count: 2, total: 5 })).toMatch(/^2 r/);
			expect(t('feed.entry', { count: 1, names: 'A' })).not.toContain('(');
		}
		const texts = ['fr', 'en'].flatMap((lang) => {
			const t = useRegistryTranslations(lang);
			return ['index.count', 'index.results', 'index.more', 'feed.entry', 'entry.aiNote'].flatMap(
				(key) => [0, 1, 2].map((count) => t(key as 'index.count', { count, total: 3, names: 'A' })),
			);
		});
		for (const text of [...texts, ...Object.values(ui.fr), ...Object.values(ui.en)]) {
			expect(text).not.toMatch(/\((s|es|ies|e)\)/);
		}
	});
});
