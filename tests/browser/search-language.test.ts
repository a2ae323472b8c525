/**
 * The search dialog speaks the page's language: Pagefind's interface strings (result count, clear,
 * filters, more results, no result) in French on French pages and in English on English pages.
 * On a phone the results come before the filters, the first one on the first screen, in the
 * keyboard order too where the browser supports `reading-flow`; nothing scrolls sideways.
 *
 * Markup relied on: Pagefind UI's classes (`pagefind-ui__message`, `__result`, `__search-clear`,
 * `__filter-panel`, `__filter-panel-label`, `__button`, `__filter-name`), inside Starlight's
 * `site-search dialog`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { desktopViewport, openSearch } from './harness.ts';
import { useBrowserSession } from './session.ts';

/** A common phone's screen. */
const phone = { width: 390, height: 844 };
/** How long a condition may take to become true on a busy machine. */
const patience = { timeout: 10_000 };

const languages = [
	{
		lang: 'fr',
		path: 'charte/',
		word: 'émotions',
		common: 'données',
		count: /^\d+ résultats? pour «\u00a0émotions\u00a0»$/,
		none: 'Aucun résultat pour «\u00a0zxqwv\u00a0»',
		clear: 'Effacer',
		filters: 'Filtres',
		more: 'Afficher plus de résultats',
		form: 'Recherche dans le site',
	},
	{
		lang: 'en',
		path: 'en/charte/',
		word: 'emotions',
		common: 'data',
		count: /^\d+ results? for “emotions”$/,
		none: 'No results for “zxqwv”',
		clear: 'Clear',
		filters: 'Filters',
		more: 'Show more results',
		form: 'Search this site',
	},
] as const;

const session = useBrowserSession();

/** The open dialog's parts. */
const dialog = (page: Page) => page.locator('site-search dialog[open]');
const message = (page: Page) => dialog(page).locator('.pagefind-ui__message');

/** Opens the page, the search dialog, types `word` and waits for the result count (or none). */
async function search(page: Page, path: string, word: string) {
	await page.goto(session.server.resolve(path));
	const input = await openSearch(page);
	await input.fill(word);
	// "Searching for…" (ending with an ellipsis) gives way to the count once the results are in.
	await expect
		.poll(async () => {
			const text = (await message(page).textContent())?.trim() ?? '';
			return text.includes(word) && !text.endsWith('…');
		}, patience)
		.toBe(true);
}

describe.each(languages)('search on a $lang page', (language) => {
	test('the result count, clear button, filters and form label are in its language', () =>
		session.withPage(
			async (page) => {
				await search(page, language.path, language.word);
				await expect
					.poll(async () => (await message(page).textContent())?.trim(), patience)
					.toMatch(language.count);
				const ui = dialog(page);
				expect((await ui.locator('.pagefind-ui__search-clear').textContent())?.trim()).toBe(
					language.clear,
				);
				await ui.locator('.pagefind-ui__filter-panel-label').waitFor({ state: 'attached' });
				expect((await ui.locator('.pagefind-ui__filter-panel-label').textContent())?.trim()).toBe(
					language.filters,
				);
				expect(await ui.locator('form[role="search"]').getAttribute('aria-label')).toBe(
					language.form,
				);
			},
			{ viewport: phone },
		));

	test('"more results" and "no result" are in its language', () =>
		session.withPage(async (page) => {
			await search(page, language.path, language.common);
			const more = dialog(page).locator('button.pagefind-ui__button');
			await more.waitFor(patience);
			expect((await more.textContent())?.trim()).toBe(language.more);

			const input = dialog(page).locator('input').first();
			await input.fill('zxqwv');
			await expect
				.poll(async () => (await message(page).textContent())?.trim(), patience)
				.toBe(language.none);
		}));

	test('on a 390 px phone, the first result is on the first screen, above the filters', () =>
		session.withPage(
			async (page) => {
				await search(page, language.path, language.word);
				const first = dialog(page).locator('.pagefind-ui__result').first();
				await first.waitFor(patience);
				await dialog(page).locator('.pagefind-ui__filter-panel').waitFor(patience);
				const layout = await page.evaluate(() => {
					const top = (selector: string) =>
						document.querySelector(selector)?.getBoundingClientRect().top ?? Number.NaN;
					const frame = document.querySelector('site-search .dialog-frame');
					return {
						result: top('#starlight__search .pagefind-ui__result'),
						title: document
							.querySelector('#starlight__search .pagefind-ui__result-title')
							?.getBoundingClientRect().bottom,
						filters: top('#starlight__search .pagefind-ui__filter-panel'),
						screen: innerHeight,
						sideways:
							document.documentElement.scrollWidth > document.documentElement.clientWidth ||
							(frame ? frame.scrollWidth > frame.clientWidth : true),
						readingFlow: CSS.supports('reading-flow', 'flex-visual'),
					};
				});
				expect(layout.result, 'first result above the filters').toBeLessThan(layout.filters);
				expect(layout.title, 'first result title within the first screen').toBeLessThanOrEqual(
					layout.screen,
				);
				expect(layout.sideways, 'the dialog scrolls sideways').toBe(false);

				// Keyboard: from the search box, Tab reaches the first result before any filter.
				if (layout.readingFlow) {
					const reached: string[] = [];
					for (let press = 0; press < 6; press++) {
						await page.keyboard.press('Tab');
						reached.push(
							await page.evaluate(() => {
								const element = document.activeElement;
								if (element?.matches('.pagefind-ui__result-link')) return 'result';
								if (element?.matches('.pagefind-ui__filter-name')) return 'filter';
								return element?.localName ?? '';
							}),
						);
					}
					const result = reached.indexOf('result');
					expect(result, `Tab order from the search box: ${reached.join(', ')}`).toBeGreaterThan(
						-1,
					);
					expect(reached.slice(0, result)).not.toContain('filter');
				}
			},
			{ viewport: phone },
		));

	test('on a desktop, the filters stay beside the results', () =>
		session.withPage(
			async (page) => {
				await search(page, language.path, language.word);
				await dialog(page).locator('.pagefind-ui__filter-panel').waitFor(patience);
				const [filters, results] = await Promise.all(
					['.pagefind-ui__filter-panel', '.pagefind-ui__results-area'].map((selector) =>
						dialog(page)
							.locator(selector)
							.evaluate((element) => element.getBoundingClientRect().left),
					),
				);
				expect(filters).toBeLessThan(results ?? 0);
			},
			{ viewport: desktopViewport },
		));
});
