/**
 * The site in a real browser, in both languages: the language switch keeps the reader on the
 * same page (pointer and keyboard), search opens and lands on a page, the charter's principles
 * have anchors, a missing page answers 404. Pages are discovered from `dist/`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import {
	discoverPages,
	distDir,
	languageSelect,
	openSearch,
	projectRoot,
	tabTo,
} from './harness.ts';
import { useBrowserSession } from './session.ts';

const pages = discoverPages(distDir);
const frenchPages = pages.filter(({ lang }) => lang === 'fr');
const principleKeys = (
	parse(readFileSync(join(projectRoot, 'vocabularies/principles.yml'), 'utf8')) as {
		values: { key: string }[];
	}
).values.map(({ key }) => key);

/** How long a condition may take to become true on a busy machine. */
const patience = { timeout: 10_000 };

const session = useBrowserSession();
const withPage = (body: (page: Page) => Promise<void>) => session.withPage(body);

/** Path of the page's declared alternate in `lang` (its hreflang link), on our server. */
async function alternatePath(page: Page, lang: 'fr' | 'en'): Promise<string> {
	const href = await page
		.locator(`head link[rel="alternate"][hreflang="${lang}"]`)
		.getAttribute('href');
	expect(href, `${page.url()} has no <link rel="alternate" hreflang="${lang}">`).toBeTruthy();
	return new URL(href ?? '').pathname;
}

test('the built site has French and English pages to test', () => {
	expect(frenchPages.map(({ path }) => path)).toContain('');
	expect(pages.filter(({ lang }) => lang === 'en').map(({ path }) => path)).toContain('en/');
});

describe('language switch', () => {
	test.each(frenchPages.map(({ path }) => [path || '(home)', path]))(
		'FR → EN → FR stays on the same page: %s',
		async (_name, path) => {
			await withPage(async (page) => {
				const frenchUrl = session.server.resolve(path);
				await page.goto(frenchUrl);
				await expect.poll(() => page.locator('html').getAttribute('lang'), patience).toBe('fr');
				const englishPath = await alternatePath(page, 'en');

				await languageSelect(page).selectOption({ label: 'English' });
				await page.waitForURL((url) => url.pathname === englishPath);
				expect(await page.locator('html').getAttribute('lang')).toMatch(/^en\b/);
				expect(await alternatePath(page, 'fr')).toBe(new URL(frenchUrl).pathname);
				await expect.poll(() => page.locator('main h1').first().isVisible(), patience).toBe(true);

				await languageSelect(page).selectOption({ label: 'Français' });
				await page.waitForURL((url) => url.href === frenchUrl);
				expect(await page.locator('html').getAttribute('lang')).toBe('fr');
			});
		},
	);

	test('works with the keyboard alone, both ways', async () => {
		await withPage(async (page) => {
			await page.goto(session.server.resolve(''));
			expect(await tabTo(page, languageSelect(page)), 'language select reachable by Tab').toBe(
				true,
			);
			await page.keyboard.press('ArrowDown');
			await page.waitForURL(
				(url) => url.pathname === new URL(session.server.resolve('en/')).pathname,
			);
			expect(await page.locator('html').getAttribute('lang')).toMatch(/^en\b/);

			expect(await tabTo(page, languageSelect(page)), 'language select reachable by Tab').toBe(
				true,
			);
			await page.keyboard.press('ArrowUp');
			await page.waitForURL((url) => url.pathname === new URL(session.server.resolve('')).pathname);
			expect(await page.locator('html').getAttribute('lang')).toBe('fr');
		});
	});
});

describe('search', () => {
	test.each(['', 'en/'])('opens with Ctrl+K and with the keyboard, Escape closes it: /%s', (path) =>
		withPage(async (page) => {
			await page.goto(session.server.resolve(path));
			const input = await openSearch(page);
			await expect
				.poll(() => input.evaluate((el) => el === document.activeElement), patience)
				.toBe(true);
			await page.keyboard.press('Escape');
			await expect.poll(() => page.locator('site-search dialog[open]').count(), patience).toBe(0);

			const button = page.locator('site-search button[data-open-modal]');
			expect(await tabTo(page, button), 'search button reachable by Tab').toBe(true);
			await page.keyboard.press('Enter');
			await page.locator('site-search dialog[open]').waitFor();
			await expect
				.poll(() => input.evaluate((el) => el === document.activeElement), patience)
				.toBe(true);
			await page.keyboard.press('Escape');
			await expect.poll(() => page.locator('site-search dialog[open]').count(), patience).toBe(0);
		}),
	);

	test.each(['charte/', 'en/charte/'])(
		'finds the charter by a word of a principle and lands on it: /%s',
		(path) =>
			withPage(async (page) => {
				await page.goto(session.server.resolve(path));
				const text = await page.locator('main .charter-principle-definition').first().innerText();
				const word = longestWord(text);
				const input = await openSearch(page);
				await input.fill(word);
				const target = new URL(session.server.resolve(path)).pathname;
				const result = page.locator(`site-search dialog[open] a[href^="${target}"]`).first();
				await result.waitFor({ timeout: 10_000 });
				await result.click();
				await page.waitForURL((url) => url.pathname === target);
			}),
	);
});

describe('search results', () => {
	test.each([
		['', 'émotions'],
		['en/', 'emotion'],
	])(
		'an entry’s excerpt sits in its result’s card, and filter names do not run under their arrow: /%s',
		(path, word) =>
			withPage(async (page) => {
				await page.goto(session.server.resolve(path));
				const input = await openSearch(page);
				await input.fill(word);
				const dialog = page.locator('site-search dialog[open]');
				const excerpt = dialog
					.locator('.pagefind-ui__result-inner > .pagefind-ui__result-excerpt')
					.first();
				await excerpt.waitFor({ timeout: 10_000 });
				const [card, title] = await Promise.all([
					excerpt.evaluate((element) => getComputedStyle(element).backgroundColor),
					excerpt.evaluate(
						(element) =>
							getComputedStyle(
								element.parentElement?.querySelector('.pagefind-ui__result-title') ?? element,
							).backgroundColor,
					),
				]);
				expect(card).toBe(title);
				expect(card).not.toBe('rgba(0, 0, 0, 0)');
				// Each filter name ends before its arrow, drawn in the last 14 px of the name's box.
				const overlapping = await dialog.locator('.pagefind-ui__filter-name').evaluateAll((names) =>
					names.flatMap((name) => {
						const range = document.createRange();
						range.selectNodeContents(name);
						const text = range.getBoundingClientRect();
						const box = name.getBoundingClientRect();
						return box.width > 0 && text.right > box.right - 14 ? [name.textContent] : [];
					}),
				);
				expect(overlapping).toEqual([]);
			}),
	);
});

describe('charter', () => {
	test.each(['charte/', 'en/charte/'])(
		'has one anchored heading per principle of the vocabulary: /%s',
		(path) =>
			withPage(async (page) => {
				const response = await page.goto(session.server.resolve(path));
				expect(response?.status()).toBe(200);
				for (const key of principleKeys) {
					const heading = page.locator(`main h2[id="${key}"]`);
					expect(await heading.count(), `#${key} heading on /${path}`).toBe(1);
				}
			}),
	);

	test.each(['charte/', 'en/charte/'])(
		'following a principle anchor scrolls to that principle: /%s',
		(path) =>
			withPage(async (page) => {
				const key = principleKeys.at(-1) ?? '';
				await page.goto(`${session.server.resolve(path)}#${key}`);
				const heading = page.locator(`main [id="${key}"]`);
				await expect.poll(() => heading.evaluate(isInViewport), patience).toBe(true);
				expect(await page.evaluate(() => location.hash)).toBe(`#${key}`);
			}),
	);
});

describe('missing page', () => {
	test.each(['page-inexistante/', 'en/missing-page/'])(
		'/%s answers 404 with a way back home',
		(path) =>
			withPage(async (page) => {
				const response = await page.goto(session.server.resolve(path));
				expect(response?.status()).toBe(404);
				expect(await page.locator('main h1').count()).toBe(1);
				const home = new URL(session.server.resolve('')).pathname;
				expect(await page.locator(`a[href="${home}"]`).count()).toBeGreaterThan(0);
			}),
	);

	// Static hosts answer every missing address with the one /404.html, so the page itself must
	// speak the reader's language: by its content, a script, or a redirect to /en/404/.
	test.each([
		['fr', 'page-inexistante/'],
		['en', 'en/missing-page/'],
	])('speaks the language of the address (%s)', (lang, path) =>
		withPage(async (page) => {
			await page.goto(session.server.resolve(path));
			const heading = page.locator('main h1:visible').first();
			await expect
				.poll(() => heading.evaluate((h1) => h1.closest('[lang]')?.getAttribute('lang')), patience)
				.toMatch(new RegExp(`^${lang}\\b`));
		}),
	);
});

/** The longest word (letters only) of a text: distinctive enough to search for. */
function longestWord(text: string): string {
	const words = text.match(/\p{L}{4,}/gu) ?? [];
	return words.reduce((best, word) => (word.length > best.length ? word : best), '');
}

/** In-page check that an element's top edge is within the viewport. */
function isInViewport(element: Element): boolean {
	const { top } = element.getBoundingClientRect();
	return top >= 0 && top < window.innerHeight;
}

describe('styles', () => {
	// Starlight orders its cascade layers (reset before content) in its first stylesheet; a build
	// that merges or reorders the stylesheets can change that order and take out the spacing.
	test.each(['registre/systemes/', 'en/registre/', 'charte/'])(
		'keep Starlight’s spacing between the blocks of the content: %s',
		async (path) => {
			await withPage(async (page) => {
				await page.goto(session.server.resolve(path));
				const gaps = await page.evaluate(() =>
					[...document.querySelectorAll('.sl-markdown-content p + p')].map(
						(paragraph) => parseFloat(getComputedStyle(paragraph).marginTop) || 0,
					),
				);
				expect(gaps.length, 'paragraphs following paragraphs').toBeGreaterThan(0);
				expect(gaps.filter((gap) => gap === 0)).toEqual([]);
			});
		},
	);
});
