/**
 * axe-core (WCAG 2.1 A and AA) in Chromium on every page type of the built site, in both
 * languages, plus search open and the 404 page: zero violations. Two passes: light scheme on a
 * desktop window, and dark scheme on a phone-sized one (contrast depends on the scheme, reflow
 * and scrolling on the width; pairing them covers both at the cost of two passes, not four).
 * Saves a screenshot of each page type in each language and pass to `test-results/screenshots/`.
 * Registry indexes with a filter applied are covered by `registry.test.ts`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
	axe,
	desktopViewport,
	discoverPages,
	distDir,
	openSearch,
	phoneViewport,
	screenshot,
} from './harness.ts';
import { useBrowserSession } from './session.ts';

const pages = discoverPages(distDir);
const passes = [
	{ name: 'light, desktop', suffix: '', colorScheme: 'light', viewport: desktopViewport },
	{ name: 'dark, mobile', suffix: '-mobile-dark', colorScheme: 'dark', viewport: phoneViewport },
] as const;
type Pass = (typeof passes)[number];

const session = useBrowserSession();

/** Opens `path` in a fresh context set up for the pass, once its scripts have run. */
function withPage(path: string, pass: Pass, body: (page: Page) => Promise<void>) {
	const { colorScheme, viewport } = pass;
	return session.withPage(
		async (page) => {
			await page.goto(session.server.resolve(path));
			await page.waitForLoadState('networkidle');
			await body(page);
		},
		{ colorScheme, viewport },
	);
}

/** Screenshot name of a page type: `fr-charte`, `en-registre-systemes-id`, `fr-home`. */
function shotName(lang: string, type: string, suffix = ''): string {
	const name = type === '(home)' ? 'home' : type.replace(/\/$/, '').replace(/[/:]+/g, '-');
	return `${lang}-${name}${suffix}`;
}

describe.each(passes)('axe, $name', (pass) => {
	test.each(pages.map((page) => [`/${page.path}`, page] as const))('%s', (_path, page) =>
		withPage(page.path, pass, async (tab) => {
			await screenshot(tab, shotName(page.lang, page.type, pass.suffix));
			expect(await axe(tab)).toEqual([]);
		}),
	);

	test.each([
		['fr', ''],
		['en', 'en/'],
	])('search open with results (%s)', (lang, path) =>
		withPage(path, pass, async (tab) => {
			const input = await openSearch(tab);
			await input.fill(lang === 'fr' ? 'données' : 'data');
			await tab.locator('site-search dialog[open] a[href]').first().waitFor({ timeout: 10_000 });
			await screenshot(tab, shotName(lang, 'search-open', pass.suffix));
			expect(await axe(tab)).toEqual([]);
		}),
	);

	test.each([
		['fr', 'page-inexistante/'],
		['en', 'en/missing-page/'],
	])('404 page (%s)', (lang, path) =>
		withPage(path, pass, async (tab) => {
			await screenshot(tab, shotName(lang, '404', pass.suffix));
			expect(await axe(tab)).toEqual([]);
		}),
	);
});
