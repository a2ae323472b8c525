/**
 * A journalist on a 320 px phone, in French and in English, answers issue 12's three questions
 * by clicking as a reader does: which systems are high-risk; which systems use a generative model
 * hosted outside the EU; which models the most systems use. Each answer is checked against the
 * registry itself, and each walk must take under a minute. Then axe on the registry home and on
 * a sorted index, in both themes, and the table without JavaScript.
 *
 * Markup relied on, besides `registry.test.ts`'s: the table's headers
 * `th[data-column="<name>"]` (`used-by` for the count of systems), each holding a sort button
 * once the script runs, the sorted one with `aria-sort`; the row's cells after its `th`.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { registryDir } from '../../src/config/site.ts';
import { useRegistryTranslations } from '../../src/i18n/registry.ts';
import { facetValues, facetsFor, type EntryLookup } from '../../src/registry/facets.ts';
import type { EntryData, EntryKind } from '../../src/registry/kinds/index.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import { axe, desktopViewport, reveal, screenshot } from './harness.ts';
import { useBrowserSession } from './session.ts';

const registry = await loadRegistry(registryDir);
const lookup: EntryLookup = (kind: EntryKind, id: string) =>
	(registry[kind] as { id: string; data: EntryData }[]).find((entry) => entry.id === id)?.data;
const languages = [
	{ lang: 'fr', prefix: '' },
	{ lang: 'en', prefix: 'en/' },
] as const;
const phone = { width: 320, height: 640 };
const patience = { timeout: 10_000 };
/** The promise: each question answered in under a minute. */
const aMinute = 60_000;

const session = useBrowserSession();

/** The systems whose facet `name` has `value`, as the registry's own data says. */
function systemsWith(name: string, value: string): string[] {
	const facet = facetsFor('systems').find((candidate) => candidate.name === name);
	if (!facet) throw new Error(`no systems facet ${name}`);
	return registry.systems
		.filter((entry) => facetValues(entry.data, facet, 'fr', lookup).includes(value))
		.map((entry) => entry.id)
		.sort();
}

/** How many systems use a model. */
function usersOf(model: string): number {
	return registry.systems.filter((entry) => entry.data.models.some((use) => use.model === model))
		.length;
}

const rows = (page: Page) => page.locator('[data-registry-list] [data-entry-id]');

/** The ids listed once the list stops changing (two equal readings 150 ms apart). */
async function settledIds(page: Page): Promise<string[]> {
	const read = () =>
		rows(page).evaluateAll((items) =>
			items
				.filter((item) => (item as HTMLElement).offsetParent !== null)
				.map((item) => item.getAttribute('data-entry-id') ?? ''),
		);
	let previous = await read();
	for (let attempt = 0; attempt < 60; attempt++) {
		await page.waitForTimeout(150);
		const current = await read();
		if (JSON.stringify(current) === JSON.stringify(previous)) return current;
		previous = current;
	}
	throw new Error(`the list kept changing: ${previous.join(', ')}`);
}

/** Opens an index as a reader does, and waits for its filters to be offered. */
async function openIndex(page: Page, path: string) {
	const response = await page.goto(session.server.resolve(path));
	expect(response?.status(), `/${path}`).toBe(200);
	await page.locator('form[role="search"]:has([data-facet])').waitFor();
}

/** Ticks one facet value as a reader would: opens the filters, then taps the box. */
async function tick(page: Page, facet: string, value: string): Promise<Locator> {
	const box = page.locator(`[data-facet="${facet}"] input[name="${facet}"][value="${value}"]`);
	await reveal(box);
	await box.scrollIntoViewIfNeeded();
	await box.check();
	return box;
}

/** Runs a reader's walk at 320 px and checks it takes under a minute. */
function walk(lang: string, body: (page: Page) => Promise<void>) {
	return session.withPage(
		async (page) => {
			const start = Date.now();
			await body(page);
			expect(Date.now() - start, 'the walk takes under a minute').toBeLessThan(aMinute);
		},
		{ viewport: phone, locale: lang === 'fr' ? 'fr-FR' : 'en-GB', hasTouch: true },
	);
}

describe.each(languages)('a reader on a 320 px phone ($lang)', ({ lang, prefix }) => {
	const t = useRegistryTranslations(lang);

	test('finds the high-risk systems', () =>
		walk(lang, async (page) => {
			await openIndex(page, `${prefix}registre/systemes/`);
			await tick(page, 'risk', 'high-risk');
			const expected = systemsWith('risk', 'high-risk');
			expect(expected.length, 'the sample has a high-risk system').toBeGreaterThan(0);
			await expect.poll(async () => (await settledIds(page)).sort(), patience).toEqual(expected);
			expect(page.url()).toContain('risk=high-risk');
			const status = (await page.locator('[data-registry-status]').textContent()) ?? '';
			expect(status).toContain(
				t('index.results', { count: expected.length, total: registry.systems.length }),
			);
			// The answer is the names, in the first column, on screen without scrolling sideways.
			const link = rows(page).first().locator('a');
			const box = await link.boundingBox();
			expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(phone.width);
			await screenshot(page, `readers-${lang}-high-risk-320`);
		}));

	test('finds the systems using a generative model hosted outside the EU', () =>
		walk(lang, async (page) => {
			await openIndex(page, `${prefix}registre/systemes/`);
			// "Uses generative AI" holds for every system with a generative model, whatever its
			// approach label: the "hybrid" systems built on a language model are in it.
			await tick(page, 'generative', 'yes');
			const generative = systemsWith('generative', 'yes');
			const hybrid = registry.systems.filter(
				(entry) => entry.data.approach === 'hybrid' && generative.includes(entry.id),
			);
			expect(hybrid.length, 'a hybrid system uses a generative model').toBeGreaterThan(0);
			await expect.poll(async () => (await settledIds(page)).sort(), patience).toEqual(generative);
			await page.locator(`[data-facet="generative"] input[value="yes"]`).uncheck();
			// One facet answers the question exactly: the residency of the generative models alone.
			const box = await tick(page, 'genai-residency', 'outside-eu');
			const label = (await box.locator('xpath=..').textContent()) ?? '';
			const expected = systemsWith('genai-residency', 'outside-eu');
			expect(label).toContain(`(${expected.length})`);
			await expect.poll(async () => (await settledIds(page)).sort(), patience).toEqual(expected);
			const status = page.locator('[data-registry-status]');
			if (expected.length === 0) {
				// The sample's generative models all run in France: the answer is "none", said so.
				await expect.poll(() => status.textContent(), patience).toBe(t('index.noResults'));
			} else {
				await expect.poll(() => status.textContent(), patience).toContain(String(expected.length));
			}
			await screenshot(page, `readers-${lang}-generative-outside-eu-320`);
		}));

	test('finds the models used by the most systems, by sorting the table', () =>
		walk(lang, async (page) => {
			await openIndex(page, `${prefix}registre/modeles/`);
			const header = page.locator('th[data-column="used-by"]');
			const button = header.getByRole('button');
			await button.scrollIntoViewIfNeeded();
			await button.click();
			await expect.poll(() => header.getAttribute('aria-sort'), patience).toBe('descending');
			const ids = await settledIds(page);
			const counts = ids.map(usersOf);
			expect(counts.length).toBe(registry.models.length);
			expect(counts).toEqual([...counts].sort((a, b) => b - a));
			expect(counts[0]).toBe(Math.max(...registry.models.map((model) => usersOf(model.id))));
			const shown = await rows(page)
				.locator('td:last-child')
				.evaluateAll((cells) => cells.map((cell) => Number(cell.textContent)));
			expect(shown).toEqual(counts);
			expect(page.url()).toContain('sort=-used-by');
			const status = (await page.locator('[data-registry-status]').textContent()) ?? '';
			expect(status.toLowerCase()).toContain(t('index.usedBy').toLowerCase());
			// A second tap reverses the order.
			await button.click();
			await expect.poll(() => header.getAttribute('aria-sort'), patience).toBe('ascending');
			await screenshot(page, `readers-${lang}-most-used-320`);
		}));
});

describe('the table without JavaScript', () => {
	test.each(languages)('lists the entries by name, with no sort button ($lang)', ({ prefix }) =>
		session.withPage(
			async (page) => {
				await page.goto(session.server.resolve(`${prefix}registre/modeles/`));
				const ids = await rows(page).evaluateAll((items) =>
					items.map((item) => item.getAttribute('data-entry-id')),
				);
				expect(ids.length).toBe(Math.min(50, registry.models.length));
				expect(await page.locator('thead button').count()).toBe(0);
				expect(await page.locator('th[data-column="name"]').getAttribute('aria-sort')).toBe(
					'ascending',
				);
				const box = page.locator('[role="region"][tabindex="0"]:has(table)');
				expect(await box.getAttribute('aria-labelledby')).toBeTruthy();
			},
			{ javaScriptEnabled: false },
		),
	);
});

describe.each([
	{ theme: 'light', viewport: desktopViewport },
	{ theme: 'dark', viewport: phone },
] as const)('axe, $theme theme', ({ theme, viewport }) => {
	test.each(languages)('the registry home ($lang)', ({ lang, prefix }) =>
		session.withPage(
			async (page) => {
				await page.goto(session.server.resolve(`${prefix}registre/`));
				await page.waitForLoadState('networkidle');
				for (const details of await page.locator('.bar-chart-figures').all()) {
					await details.locator('summary').click();
				}
				await screenshot(page, `readers-${lang}-home-${theme}-${viewport.width}`);
				expect(await axe(page)).toEqual([]);
			},
			{ colorScheme: theme, viewport },
		),
	);

	test.each(languages)('the models index sorted by use ($lang)', ({ prefix }) =>
		session.withPage(
			async (page) => {
				await page.goto(session.server.resolve(`${prefix}registre/modeles/?sort=-used-by`));
				await expect
					.poll(() => page.locator('th[data-column="used-by"]').getAttribute('aria-sort'), patience)
					.toBe('descending');
				expect(await axe(page)).toEqual([]);
			},
			{ colorScheme: theme, viewport },
		),
	);
});
