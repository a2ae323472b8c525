/**
 * The site's information pages (accessibility statement, legal notice, personal data, glossary,
 * site map) and the footer every page carries, in a real browser: no axe violation and no
 * sideways scrolling at 320 px (RGAA 10.11), light and dark; the footer is a navigation landmark
 * named in the page's language, reachable with the keyboard; an entry's glossary link lands on
 * its term. The full page list is also covered, at two other sizes, by `accessibility.test.ts`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ui } from '../../src/i18n/ui.ts';
import { axe, discoverPages, distDir, screenshot, tabTo } from './harness.ts';
import { useBrowserSession } from './session.ts';

const slugs = [
	'accessibilite',
	'mentions-legales',
	'donnees-personnelles',
	'glossaire',
	'plan-du-site',
];
const paths = slugs.flatMap((slug) => [`${slug}/`, `en/${slug}/`]);
/** The narrowest width the RGAA asks pages to reflow to. */
const reflowViewport = { width: 320, height: 640 };

const session = useBrowserSession();

async function open(page: Page, path: string) {
	await page.goto(session.server.resolve(path));
	await page.waitForLoadState('networkidle');
}

/** How far the page scrolls sideways, in CSS pixels (0 when it reflows). */
const overflow = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.each(['light', 'dark'] as const)('at 320 px, %s', (colorScheme) => {
	test.each(paths)('%s reflows and has no axe violation', (path) =>
		session.withPage(
			async (page) => {
				await open(page, path);
				await screenshot(page, `${path.replace(/\/$/, '').replace(/\//g, '-')}-320-${colorScheme}`);
				expect(await overflow(page)).toBeLessThanOrEqual(0);
				expect(await axe(page)).toEqual([]);
			},
			{ viewport: reflowViewport, colorScheme },
		),
	);
});

describe('footer', () => {
	test.each([
		['fr', 'charte/'],
		['en', 'en/registre/systemes/'],
	] as const)('is a named navigation landmark, reached by Tab (%s)', (lang, path) =>
		session.withPage(async (page) => {
			await open(page, path);
			const nav = page.getByRole('navigation', { name: ui[lang]['footer.label'] });
			await expect.poll(() => nav.count()).toBe(1);
			const link = nav.getByRole('link', { name: ui[lang]['footer.legal'] });
			expect(await tabTo(page, link, 300), 'legal notice link reachable by Tab').toBe(true);
			await page.keyboard.press('Enter');
			await page.waitForURL((url) =>
				url.pathname.endsWith(`${lang === 'en' ? '/en' : ''}/mentions-legales/`),
			);
		}),
	);

	test('fits every page type at 320 px, and so does the page', async () => {
		const wide: string[] = [];
		for (const { path } of discoverPages(distDir)) {
			await session.withPage(
				async (page) => {
					await open(page, path);
					const box = await page.locator('nav[data-site-footer]').boundingBox();
					if (!box || box.x < 0 || box.x + box.width > reflowViewport.width) {
						wide.push(`${path}: footer`);
					}
					const sideways = await overflow(page);
					if (sideways > 0) wide.push(`${path}: scrolls ${sideways} px sideways`);
				},
				{ viewport: reflowViewport },
			);
		}
		expect(wide).toEqual([]);
	}, 300_000);
});

test('an entry’s glossary link lands on the term, in the entry’s language', () =>
	session.withPage(async (page) => {
		const entry = discoverPages(distDir).find(
			({ lang, type }) => lang === 'en' && type.startsWith('registre/systemes/:id'),
		);
		expect(entry).toBeDefined();
		await open(page, entry?.path ?? '');
		const link = page.locator('a[data-glossary]').first();
		const label = (await link.textContent())?.trim() ?? '';
		await link.click();
		await page.waitForURL((url) => url.pathname.endsWith('/en/glossaire/') && url.hash !== '');
		const term = page.locator(':target');
		expect((await term.textContent())?.trim()).toBe(label);
		expect(await term.isVisible()).toBe(true);
	}));
