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
		expect(pagePath('index')).toBe('');
		expect(pagePath('en')).toBe('');
		expect(pagePath('en/charte')).toBe('charte/');
		expect(pageLang('en/charte')).toBe('en');
		expect(pageLang('charte')).toBe('fr');
	});

	it('lists the pages the sidebar leaves out, home first, then by title; never entries or 404', () => {
		expect(pagesBesidesSidebar(pages, 'fr', new Set(['charte/']))).toEqual([
			{ path: '', title: 'Accueil' },
			{ path: 'accessibilite/', title: 'Déclaration d’accessibilité' },
			{ path: 'mentions-legales/', title: 'Mentions légales' },
		]);
		expect(pagesBesidesSidebar(pages, 'en', new Set())).toEqual([
			{ path: '', title: 'Home' },
			{ path: 'accessibilite/', title: 'Accessibility statement' },
		]);
	});
});
