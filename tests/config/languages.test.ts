import { describe, expect, it } from 'vitest';
import {
	languageOfPath,
	localePrefix,
	pageFilePatterns,
	pageIdOfFile,
	sidebarLabel,
	starlightLocales,
} from '../../src/config/languages.ts';

const files = ['index.mdx', 'charte.mdx', 'en/index.mdx', 'en/charte.mdx', 'en/registre/a.md'];

describe('site.languages', () => {
	it('puts French at the root and English under /en/ by default', () => {
		expect(files.map((file) => pageIdOfFile(['fr', 'en'], file))).toEqual([
			'index',
			'charte',
			'en',
			'en/charte',
			'en/registre/a',
		]);
		expect(localePrefix(['fr', 'en'], 'fr')).toBe('');
		expect(localePrefix(['fr', 'en'], 'en')).toBe('en/');
		expect(starlightLocales(['fr', 'en'])).toEqual({
			root: { label: 'Français', lang: 'fr' },
			en: { label: 'English', lang: 'en' },
		});
	});

	it('puts English at the root and French under /fr/, the files staying where they are', () => {
		expect(files.map((file) => pageIdOfFile(['en', 'fr'], file))).toEqual([
			'fr',
			'fr/charte',
			'index',
			'charte',
			'registre/a',
		]);
		expect(localePrefix(['en', 'fr'], 'fr')).toBe('fr/');
		expect(starlightLocales(['en', 'fr'])).toEqual({
			root: { label: 'English', lang: 'en' },
			fr: { label: 'Français', lang: 'fr' },
		});
		expect(sidebarLabel(['en', 'fr'], { fr: 'Registre', en: 'Registry' })).toEqual({
			label: 'Registry',
			translations: { fr: 'Registre' },
		});
	});

	it('reads only the published languages’ page files', () => {
		expect(pageFilePatterns(['fr', 'en'])).toEqual(['**/[^_]*.{md,mdx}']);
		expect(pageFilePatterns(['en', 'fr'])).toEqual(['**/[^_]*.{md,mdx}']);
		expect(pageFilePatterns(['fr'])).toEqual(['**/[^_]*.{md,mdx}', '!en/**']);
		expect(pageFilePatterns(['en'])).toEqual(['en/**/[^_]*.{md,mdx}']);
		expect(sidebarLabel(['en'], { fr: 'Registre', en: 'Registry' })).toEqual({
			label: 'Registry',
			translations: {},
		});
	});

	it('tells a path’s language by its prefix, never by a word that starts like a code', () => {
		expect(languageOfPath(['fr', 'en'], 'en/charte/')).toBe('en');
		expect(languageOfPath(['fr', 'en'], '/en')).toBe('en');
		expect(languageOfPath(['fr', 'en'], 'entretien/')).toBe('fr');
		expect(languageOfPath(['en', 'fr'], 'fr/charte')).toBe('fr');
		expect(languageOfPath(['en', 'fr'], 'formulaire/')).toBe('en');
		expect(languageOfPath(['en'], 'fr/charte')).toBe('en');
	});
});
