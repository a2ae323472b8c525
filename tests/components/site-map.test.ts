import { describe, expect, it } from 'vitest';
import { pageLang, pagePath, pagesBesidesSidebar } from '../../src/components/site/site-map.ts';

const pages = [
	{ id: 'index', title: 'Accueil' },
	{ id: 'en', title: 'Home' },
	{ id: 'charte', title: 'Charte' },
	{ id: 'mentions-legales', title: 'Mentions légales' },
	{ id: 'accessibilite', title: 'Déclaration d’accessibilité' },
	{ id: 'en/accessibilite', title: 'Accessibility statement' },
	{ id: '404', title: 'Page introuvable' },
	{ id: 'registre/systemes/tri', title: 'Tri', registryEntry: { kind: 'systems', id: 'tri' } },
];

describe('site map', () => {
	it('reads a page’s path and language from its collection id', () => {
		expect(pagePath(['fr', 'en'], 'index')).toBe('');
		expect(pagePath(['fr', 'en'], 'en')).toBe('');
		expect(pagePath(['fr', 'en'], 'en/charte')).toBe('charte/');
		expect(pagePath(['fr', 'en'], 'registre/champs')).toBe('registre/champs/');
		expect(pageLang(['fr', 'en'], 'en/charte')).toBe('en');
		expect(pageLang(['fr', 'en'], 'en')).toBe('en');
		expect(pageLang(['fr', 'en'], 'charte')).toBe('fr');
		expect(pageLang(['fr', 'en'], 'entretien')).toBe('fr');
	});

	it('reads them with English at the root and French under /fr/', () => {
		expect(pagePath(['en', 'fr'], 'index')).toBe('');
		expect(pagePath(['en', 'fr'], 'fr')).toBe('');
		expect(pagePath(['en', 'fr'], 'fr/charte')).toBe('charte/');
		expect(pagePath(['en', 'fr'], 'en-bref')).toBe('en-bref/');
		expect(pageLang(['en', 'fr'], 'fr/charte')).toBe('fr');
		expect(pageLang(['en', 'fr'], 'charte')).toBe('en');
	});

	it('lists the pages the sidebar leaves out, home first, then by title; never entries or 404', () => {
		expect(pagesBesidesSidebar(['fr', 'en'], pages, 'fr', new Set(['charte/']))).toEqual([
			{ path: '', title: 'Accueil' },
			{ path: 'accessibilite/', title: 'Déclaration d’accessibilité' },
			{ path: 'mentions-legales/', title: 'Mentions légales' },
		]);
		expect(pagesBesidesSidebar(['fr', 'en'], pages, 'en', new Set())).toEqual([
			{ path: '', title: 'Home' },
			{ path: 'accessibilite/', title: 'Accessibility statement' },
		]);
	});
});
