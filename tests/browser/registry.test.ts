/**
 * The registry pages in a real browser, in both languages: filtering the systems index by two
 * facets and by text (pointer and keyboard), the list without JavaScript, an entry's "uses" and
 * "used by" links, its charter principles, "report an error in this entry", search by a word of
 * an entry's purpose, the open-data downloads, and axe on the indexes with a filter applied.
 *
 * Markup these tests rely on (roles, accessible names and `data-*` hooks, no CSS classes):
 *
 * Index pages `/registre/systemes/`, `/registre/modeles/` (English under `/en/`):
 * - `form[role="search"]`, with an accessible name, holding every filter control (it is told
 *   from Pagefind's own search form by holding the facets);
 * - in it, a text box `input[type="search"]` with a label, filtering as the reader types;
 * - one `[data-facet="<field>"]` per facet, holding either checkboxes
 *   `input[type="checkbox"][name="<field>"][value="<key>"]` or a `select[name="<field>"]` whose
 *   empty option means "any"; values of one facet are OR-ed, facets are AND-ed;
 * - a `button[type="reset"]` clearing every filter;
 * - `[data-registry-status]`, a live region whose first number is the count of matches while a
 *   filter is applied;
 * - `[data-registry-list]` holding one `[data-entry-id="<id>"]` per listed entry, each with a link
 *   to the entry page; without JavaScript the list is in the HTML;
 * - the filters mirrored in the address bar as `?<name>=<value>` and restored from it on load.
 *
 * Entry pages `/registre/systemes/<id>/`, `/registre/modeles/<id>/`:
 * - `a[data-uses-model="<model id>"]` on a system, to each model it uses;
 * - `a[data-used-by-system="<system id>"]` on a model, to each system using it;
 * - `a[data-principle="<key>"]` on a system, to `/charte/#<key>`;
 * - `a[data-report-error]`, named "Signaler une erreur…" / "Report an error…", to
 *   `https://github.com/<owner>/<repo>/issues/new?template=<form>.yml&<field id>=<kind>/<id>`;
 * - the purpose in the section headed `h2#finalite`, its first `dd`.
 *
 * Open data page `/donnees-ouvertes/`: links whose address ends with `registry.json` and
 * `systems.csv`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadSiteConfig } from '../../src/config/load.ts';
import { useRegistryTranslations } from '../../src/i18n/registry.ts';
import {
	axe,
	languageSelect,
	reveal,
	openSearch,
	projectRoot,
	screenshot,
	siteBase,
	tabTo,
	unreachableByTab,
} from './harness.ts';
import { useBrowserSession } from './session.ts';

const { repository } = loadSiteConfig();
const languages = [
	{ lang: 'fr', prefix: '' },
	{ lang: 'en', prefix: 'en/' },
] as const;
const systemsIndex = 'registre/systemes/';
const modelsIndex = 'registre/modeles/';
/** How long a condition may take to become true on a busy machine. */
const patience = { timeout: 10_000 };

const session = useBrowserSession();
const withPage = (body: (page: Page) => Promise<void>, javaScriptEnabled = true) =>
	session.withPage(body, { javaScriptEnabled });

/** Opens a site path and checks it exists (status 200). */
async function open(page: Page, path: string) {
	const response = await page.goto(session.server.resolve(path));
	expect(response?.status(), `/${path} should exist`).toBe(200);
}

// ---------------------------------------------------------------------------------------------
// Index helpers

/** What the list shows now: ids of the visible rows and the status text. */
interface ListState {
	ids: string[];
	status: string;
}

/** The filter form; Pagefind's search form, also `role="search"`, has no facets. */
const form = (page: Page) => page.locator('form[role="search"]:has([data-facet])');
const rows = (page: Page) => page.locator('[data-registry-list] [data-entry-id]');
const textBox = (page: Page) => form(page).locator('input[type="search"]');

async function listState(page: Page): Promise<ListState> {
	const ids = await rows(page).evaluateAll((items) =>
		items
			.filter((item) => (item as HTMLElement).offsetParent !== null)
			.map((item) => item.getAttribute('data-entry-id') ?? ''),
	);
	const status = (await page.locator('[data-registry-status]').textContent()) ?? '';
	return { ids, status: status.trim() };
}

/** Waits until the list stops changing (two equal readings 150 ms apart) and returns it. */
async function settled(page: Page): Promise<ListState> {
	let previous = await listState(page);
	for (let attempt = 0; attempt < 60; attempt++) {
		await page.waitForTimeout(150);
		const current = await listState(page);
		if (JSON.stringify(current) === JSON.stringify(previous)) return current;
		previous = current;
	}
	throw new Error(`the list kept changing: ${JSON.stringify(previous)}`);
}

/** The first number of the status line, the count of matches while a filter is applied. */
function matchCount(state: ListState): number | undefined {
	const match = /\d[\d\s\u202f]*/.exec(state.status);
	return match ? Number(match[0].replace(/\D/g, '')) : undefined;
}

/**
 * Opens an index with its filters ready: types a word that matches nothing and waits for the
 * empty list, so the filter data is loaded and later updates follow each input at once.
 */
async function openIndex(page: Page, path: string): Promise<ListState> {
	await open(page, path);
	await form(page).waitFor();
	const all = await settled(page);
	expect(all.ids.length, `/${path} lists entries`).toBeGreaterThan(0);
	await textBox(page).fill('zzqxjkv');
	await expect.poll(async () => (await listState(page)).ids.length, patience).toBe(0);
	await textBox(page).fill('');
	await expect.poll(async () => (await listState(page)).ids, patience).toEqual(all.ids);
	return all;
}

/** One facet value and how to turn it on and off. */
interface FacetValue {
	facet: string;
	value: string;
	set: (on: boolean) => Promise<void>;
}

async function facetValues(page: Page): Promise<FacetValue[]> {
	const values: FacetValue[] = [];
	for (const group of await form(page).locator('[data-facet]').all()) {
		const facet = (await group.getAttribute('data-facet')) ?? '';
		const select = group.locator('select');
		if ((await select.count()) > 0) {
			for (const value of await select
				.locator('option')
				.evaluateAll((options) =>
					options.map((option) => (option as HTMLOptionElement).value).filter(Boolean),
				)) {
				values.push({
					facet,
					value,
					set: async (on) => {
						await reveal(select);
						await select.selectOption(on ? value : '');
					},
				});
			}
			continue;
		}
		for (const box of await group.locator('input[type="checkbox"]').all()) {
			const value = (await box.getAttribute('value')) ?? '';
			values.push({
				facet,
				value,
				set: async (on) => {
					await reveal(box);
					await box.setChecked(on);
				},
			});
		}
	}
	return values;
}

/** Ids listed with one facet value on, when the status shows they are all listed. */
async function idsWith(page: Page, value: FacetValue): Promise<string[] | undefined> {
	await value.set(true);
	const state = await settled(page);
	await value.set(false);
	await settled(page);
	return matchCount(state) === state.ids.length ? state.ids : undefined;
}

/**
 * Two values of two different facets that each narrow the list and together still match
 * something: the ids each lists alone and the expected intersection.
 */
async function twoFacets(page: Page, total: number) {
	const singles: { value: FacetValue; ids: string[] }[] = [];
	for (const value of await facetValues(page)) {
		const ids = await idsWith(page, value);
		if (!ids || ids.length === 0 || ids.length >= total) continue;
		for (const other of singles) {
			if (other.value.facet === value.facet) continue;
			const both = other.ids.filter((id) => ids.includes(id));
			if (both.length > 0) return { first: other, second: { value, ids }, both };
		}
		singles.push({ value, ids });
	}
	throw new Error('no two facet values of different facets narrow the list and overlap');
}

// ---------------------------------------------------------------------------------------------
// Entry helpers

/** Path part of a link's target, on our server. */
async function hrefPath(link: Locator): Promise<string> {
	return new URL((await link.evaluate((a) => (a as HTMLAnchorElement).href)) ?? '').pathname;
}

/** Opens the systems of the index one by one until one has a link matching `selector`. */
async function systemWith(page: Page, prefix: string, selector: string): Promise<string> {
	await open(page, `${prefix}${systemsIndex}`);
	const paths = await rows(page)
		.locator('a[href]')
		.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
	for (const path of paths) {
		await page.goto(new URL(path, session.server.url).href);
		if ((await page.locator(selector).count()) > 0) return path;
	}
	throw new Error(`no system listed on /${prefix}${systemsIndex} has ${selector}`);
}

/**
 * Reads what a link delivers when followed: a download, or the document it opens. Exactly one of
 * the two happens (a download aborts the navigation), so the other wait is left to fail quietly.
 */
async function follow(page: Page, link: Locator): Promise<string> {
	const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
	const response = page.waitForResponse((candidate) => candidate.url() === href);
	response.catch(() => undefined);
	const outcome = Promise.any([
		page.waitForEvent('download').then((download) => ({ download })),
		page.waitForURL(href, { waitUntil: 'commit' }).then(() => ({ download: undefined })),
	]);
	await link.click();
	const { download } = await outcome;
	if (download) return readFileSync((await download.path()) ?? '', 'utf8');
	return (await response).text();
}

/** Every value of an `id` key anywhere in a JSON document. */
function idsIn(value: unknown, found = new Set<string>()): Set<string> {
	if (Array.isArray(value)) for (const item of value) idsIn(item, found);
	else if (value && typeof value === 'object') {
		for (const [key, child] of Object.entries(value)) {
			if (key === 'id' && typeof child === 'string') found.add(child);
			else idsIn(child, found);
		}
	}
	return found;
}

/** The longest words (4 letters or more) of a text, longest first. */
function longestWords(text: string): string[] {
	return [...new Set(text.match(/\p{L}{4,}/gu) ?? [])].sort((a, b) => b.length - a.length);
}

// ---------------------------------------------------------------------------------------------

describe.each(languages)('systems index ($lang)', ({ lang, prefix }) => {
	const path = `${prefix}${systemsIndex}`;

	test('filters by two facets, keeps them in the address bar, and clears them', () =>
		withPage(async (page) => {
			const all = await openIndex(page, path);
			const { first, second, both } = await twoFacets(page, all.ids.length);

			await first.value.set(true);
			await second.value.set(true);
			const filtered = await settled(page);
			expect(filtered.ids.sort()).toEqual([...both].sort());
			expect(matchCount(filtered)).toBe(both.length);
			const query = new URL(page.url()).searchParams;
			expect(query.getAll(first.value.facet)).toContain(first.value.value);
			expect(query.getAll(second.value.facet)).toContain(second.value.value);
			await screenshot(page, `${lang}-registre-systemes-filtered`);

			await page.reload();
			await form(page).waitFor();
			await expect
				.poll(async () => (await listState(page)).ids.sort(), patience)
				.toEqual([...both].sort());

			await form(page).locator('button[type="reset"]').click();
			await expect.poll(async () => (await listState(page)).ids, patience).toEqual(all.ids);
			expect(new URL(page.url()).search).toBe('');
		}));

	test('filters by a word as the reader types', () =>
		withPage(async (page) => {
			const all = await openIndex(page, path);
			const texts = await rows(page).evaluateAll((items) =>
				items.map((item) => ({
					id: item.getAttribute('data-entry-id') ?? '',
					text: (item.querySelector('a') as HTMLElement | null)?.innerText ?? '',
				})),
			);
			// The word of an entry's name found in the fewest names.
			const candidates = texts.flatMap(({ id, text }) =>
				longestWords(text).map((word) => ({
					id,
					word,
					rows: texts.filter((row) => row.text.toLowerCase().includes(word.toLowerCase())).length,
				})),
			);
			const target = candidates.sort((a, b) => a.rows - b.rows)[0];
			expect(target, 'a word to filter by').toBeDefined();
			await textBox(page).pressSequentially(target?.word ?? '');
			const filtered = await settled(page);
			expect(filtered.ids).toContain(target?.id);
			expect(filtered.ids.length).toBeLessThan(all.ids.length);
			expect(matchCount(filtered)).toBe(filtered.ids.length);
		}));

	test('says while the filter data loads, and when it cannot, then tries again', () =>
		withPage(async (page) => {
			const t = useRegistryTranslations(lang);
			await open(page, path);
			await form(page).waitFor();
			let fail = true;
			let release: () => void = () => undefined;
			const gate = new Promise<void>((resolve) => (release = resolve));
			await page.route('**/index.json', async (route) => {
				if (fail) return route.fulfill({ status: 503, body: '' });
				await gate;
				return route.continue();
			});
			await textBox(page).fill('a');
			await expect
				.poll(async () => (await listState(page)).status, patience)
				.toBe(t('index.loadError'));
			fail = false;
			await textBox(page).fill('e');
			await expect
				.poll(async () => (await listState(page)).status, patience)
				.toBe(t('index.loading'));
			release();
			const loaded = await settled(page);
			expect(loaded.ids.length).toBeGreaterThan(0);
			expect(matchCount(loaded)).toBeGreaterThanOrEqual(loaded.ids.length);
		}));

	test('every filter control is reachable and usable with the keyboard', () =>
		withPage(async (page) => {
			const all = await openIndex(page, path);
			// Facets folded under a disclosure are opened from the keyboard first.
			for (const summary of await form(page).locator('details:not([open]) > summary').all()) {
				expect(await tabTo(page, summary), 'the facets disclosure reachable by Tab').toBe(true);
				await page.keyboard.press('Enter');
			}
			const controls = 'form[role="search"]:has([data-facet]) :is(input, select, button, summary)';
			expect(await unreachableByTab(page, controls)).toEqual([]);

			const values = await facetValues(page);
			const box = form(page).locator('input[type="checkbox"]').first();
			const select = form(page).locator('[data-facet] select').first();
			expect(values.length, 'facet values to choose').toBeGreaterThan(0);
			if ((await box.count()) > 0) {
				expect(await tabTo(page, box), 'a facet checkbox reachable by Tab').toBe(true);
				await page.keyboard.press('Space');
				expect(await box.isChecked()).toBe(true);
			} else {
				expect(await tabTo(page, select), 'a facet select reachable by Tab').toBe(true);
				await page.keyboard.press('ArrowDown');
			}
			const narrowed = await settled(page);
			expect(matchCount(narrowed)).toBe(narrowed.ids.length);
			expect(narrowed.ids.length).toBeLessThanOrEqual(all.ids.length);

			const reset = form(page).locator('button[type="reset"]');
			expect(await tabTo(page, reset), 'the reset button reachable by Tab').toBe(true);
			await page.keyboard.press('Enter');
			await expect.poll(async () => (await listState(page)).ids, patience).toEqual(all.ids);

			expect(await tabTo(page, textBox(page)), 'the text box reachable by Tab').toBe(true);
			await page.keyboard.type('zzqxjkv');
			await expect.poll(async () => (await listState(page)).ids.length, patience).toBe(0);
		}));

	test('without JavaScript, lists entries that link to their pages', () =>
		withPage(async (page) => {
			await open(page, path);
			const links = rows(page).locator('a[href]');
			expect(await links.count()).toBeGreaterThan(0);
			const first = await hrefPath(links.first());
			expect(first).toMatch(new RegExp(`^${siteBase()}${path}[a-z0-9][a-z0-9.-]*/$`));
			const response = await page.goto(new URL(first, session.server.url).href);
			expect(response?.status()).toBe(200);
		}, false));
});

describe.each(languages)('axe on the indexes with a filter applied ($lang)', ({ lang, prefix }) => {
	test.each([systemsIndex, modelsIndex])('%s', (index) =>
		withPage(async (page) => {
			await openIndex(page, `${prefix}${index}`);
			const [value] = await facetValues(page);
			expect(value, `a facet on /${prefix}${index}`).toBeDefined();
			await value?.set(true);
			await settled(page);
			const name = `${lang}-${index.replace(/\//g, '-')}facet`;
			await screenshot(page, name);
			expect(await axe(page)).toEqual([]);

			await textBox(page).fill('zzqxjkv');
			await expect.poll(async () => (await listState(page)).ids.length, patience).toBe(0);
			expect(await axe(page), 'no results').toEqual([]);
		}),
	);
});

describe.each(languages)('entry pages ($lang)', ({ lang, prefix }) => {
	test('open a system from the index, follow "uses" to a model and "used by" back', () =>
		withPage(async (page) => {
			const systemPath = await systemWith(page, prefix, 'a[data-uses-model]');
			const systemId = systemPath.split('/').at(-2) ?? '';

			await open(page, `${prefix}${systemsIndex}`);
			await rows(page).locator(`a[href="${systemPath}"]`).click();
			await page.waitForURL((url) => url.pathname === systemPath);
			expect(await page.locator('main h1').count()).toBe(1);

			const uses = page.locator('a[data-uses-model]').first();
			const modelId = (await uses.getAttribute('data-uses-model')) ?? '';
			const modelPath = `${siteBase()}${prefix}${modelsIndex}${modelId}/`;
			expect(await hrefPath(uses)).toBe(modelPath);
			await uses.click();
			await page.waitForURL((url) => url.pathname === modelPath);

			const usedBy = page.locator(`a[data-used-by-system="${systemId}"]`);
			expect(await usedBy.count(), `model ${modelId} lists ${systemId} under "used by"`).toBe(1);
			await usedBy.click();
			await page.waitForURL((url) => url.pathname === systemPath);
		}));

	test('a principle of a system leads to that principle in the charter', () =>
		withPage(async (page) => {
			await systemWith(page, prefix, 'a[data-principle]');
			const link = page.locator('a[data-principle]').first();
			const key = (await link.getAttribute('data-principle')) ?? '';
			await link.click();
			const charter = `${siteBase()}${prefix}charte/`;
			await page.waitForURL((url) => url.pathname === charter && url.hash === `#${key}`);
			const heading = page.locator(`main [id="${key}"]`);
			await expect
				.poll(
					() =>
						heading.evaluate((element) => {
							const { top } = element.getBoundingClientRect();
							return top >= 0 && top < window.innerHeight;
						}),
					patience,
				)
				.toBe(true);
		}));

	test('"report an error in this entry" opens the prefilled GitHub issue form', () =>
		withPage(async (page) => {
			const systemPath = await systemWith(page, prefix, 'a[data-report-error]');
			const systemId = systemPath.split('/').at(-2) ?? '';
			const link = page.locator('a[data-report-error]');
			expect(await link.count()).toBe(1);
			const name = lang === 'fr' ? /signaler une erreur/i : /report an error/i;
			expect(await page.getByRole('link', { name }).count()).toBeGreaterThan(0);

			let opened: URL | undefined;
			await page.route('https://github.com/**', (route) => {
				opened = new URL(route.request().url());
				return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>ok</title>' });
			});
			await link.click();
			await expect.poll(() => opened?.href, patience).toBeDefined();
			const url = opened ?? new URL('about:blank');
			expect(url.origin + url.pathname).toBe(
				`https://github.com/${repository.owner}/${repository.name}/issues/new`,
			);
			const template = url.searchParams.get('template') ?? '';
			const templatePath = join(projectRoot, '.github/ISSUE_TEMPLATE', template);
			expect(existsSync(templatePath), `issue form ${template} exists`).toBe(true);

			// Each prefilled parameter other than GitHub's own must be a field of that form.
			const form = parseYaml(readFileSync(templatePath, 'utf8')) as { body: { id?: string }[] };
			const fieldIds = new Set(form.body.map(({ id }) => id));
			const own = new Set(['template', 'title', 'labels', 'assignees', 'projects', 'milestone']);
			const fields = [...url.searchParams].filter(([key]) => !own.has(key));
			for (const [key] of fields) expect(fieldIds, `field "${key}" in ${template}`).toContain(key);
			const entryField = fields.find(([, value]) => value.includes(systemId));
			expect(entryField, `a prefilled field names ${systemId}`).toBeDefined();
		}));

	test('search finds a system by a word of its purpose and lands on it', () =>
		withPage(async (page) => {
			const systemPath = await systemWith(page, prefix, 'section:has(> h2#finalite) dd');
			const purpose = await page.locator('section:has(> h2#finalite) dd').first().innerText();
			const [word] = longestWords(purpose);
			expect(word, `a word in the purpose of ${systemPath}`).toBeDefined();

			await open(page, prefix);
			const input = await openSearch(page);
			await input.fill(word ?? '');
			const result = page.locator(`site-search dialog[open] a[href^="${systemPath}"]`).first();
			await result.waitFor({ timeout: 15_000 });
			await result.click();
			await page.waitForURL((url) => url.pathname === systemPath);
			expect(await page.locator('html').getAttribute('lang')).toMatch(new RegExp(`^${lang}`));
		}));

	test('the language switch keeps the reader on the same entry', () =>
		withPage(async (page) => {
			const systemPath = await systemWith(page, prefix, 'a[data-report-error]');
			const other = lang === 'fr' ? 'English' : 'Français';
			await languageSelect(page).selectOption({ label: other });
			const expected =
				lang === 'fr'
					? systemPath.replace(siteBase(), `${siteBase()}en/`)
					: systemPath.replace(`${siteBase()}en/`, siteBase());
			await page.waitForURL((url) => url.pathname === expected);
		}));
});

describe.each(languages)('open data ($lang)', ({ prefix }) => {
	test('registry.json and systems.csv download and hold every listed system', () =>
		withPage(async (page) => {
			await open(page, `${prefix}${systemsIndex}`);
			const listed = await rows(page).evaluateAll((items) =>
				items.map((item) => item.getAttribute('data-entry-id') ?? ''),
			);
			expect(listed.length).toBeGreaterThan(0);

			await open(page, `${prefix}donnees-ouvertes/`);
			const json = JSON.parse(
				await follow(page, page.locator('main a[href$="registry.json"]').first()),
			) as unknown;
			const jsonIds = idsIn(json);
			for (const id of listed) expect(jsonIds, `registry.json has ${id}`).toContain(id);

			await open(page, `${prefix}donnees-ouvertes/`);
			const csv = parseCsv(
				await follow(page, page.locator('main a[href$="systems.csv"]').first()),
				{
					columns: true,
					bom: true,
				},
			) as Record<string, string>[];
			const csvIds = csv.map((row) => row.id);
			for (const id of listed) expect(csvIds, `systems.csv has ${id}`).toContain(id);
		}));
});
