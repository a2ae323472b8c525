/**
 * The injection corpus against the built site: the sample registry with an attacker's text in
 * every free-text field (`tests/fixtures/hostile-registry.ts`), built, then every output read as
 * its readers read it — pages in Chromium (scripts, search, filters), the JSON, CSV and Atom files
 * with real parsers. Nothing may become markup, a script, a formula, or a broken file.
 */
import { productionBuildEnv } from '../site/build-env.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvTables } from '../../src/registry/exports/csv.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import { entryKinds } from '../../src/registry/kinds/index.ts';
import {
	buildHostileRegistry,
	payload,
	pwnedFlag,
	type HostileRegistry,
} from '../fixtures/hostile-registry.ts';
import { parseCsvFile, readCsvExport } from '../registry/exports/csv-files.ts';
import { openSearch } from './harness.ts';
import { useBrowserSession } from './session.ts';

const work = mkdtempSync(join(tmpdir(), 'injection-corpus-'));
const registryDir = join(work, 'registry');
const outDir = join(work, 'dist');
let corpus: HostileRegistry;

beforeAll(async () => {
	corpus = await buildHostileRegistry(registryDir);
	const build = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
		env: productionBuildEnv({ REGISTRY_DIR: registryDir }),
		encoding: 'utf8',
	});
	if (build.status !== 0) throw new Error(`the corpus site did not build:\n${build.stderr}`);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const session = useBrowserSession({ dist: () => outDir });

/** Elements of the page that the payloads would have made: handlers, their image, their script. */
function injectedMarkup(flag: string): string[] {
	const found: string[] = [];
	for (const element of document.querySelectorAll('*')) {
		const handlers = element.getAttributeNames().filter((name) => /^on/i.test(name));
		if (handlers.length > 0) found.push(`<${element.localName} ${handlers.join(' ')}>`);
	}
	if (document.querySelector('img[src="x"]')) found.push('<img src=x>');
	for (const script of document.querySelectorAll('script')) {
		if (script.textContent?.includes(flag)) found.push(`<script>${flag}`);
	}
	return found;
}

/** The text of a file of the corpus site. */
function output(path: string): string {
	return readFileSync(join(outDir, path), 'utf8');
}

describe('the injection corpus', () => {
	it('carries the attacker’s text in every free-text field, valid entries all the same', () => {
		expect(corpus.fields).toBeGreaterThan(500);
	});

	it('is shown as text in the title of every entry page, in both languages', async () => {
		const titles: string[] = [];
		for (const path of [
			'/registre/systemes/tri-demandes-usagers/',
			'/en/registre/systemes/tri-demandes-usagers/',
			'/registre/modeles/bge-m3/',
			'/en/registre/modeles/bge-m3/',
		]) {
			await session.withPage(async (page) => {
				await page.goto(session.server.resolve(path));
				titles.push(await page.title());
				expect(await page.locator('h1').textContent()).toContain(`<script>${pwnedFlag}=1</script>`);
				expect(await page.evaluate((flag) => flag in window, pwnedFlag)).toBe(false);
			});
		}
		for (const title of titles) expect(title).toContain(`</title><script>${pwnedFlag}=1</script>`);
	});

	it('runs nowhere in the browser, on any entry page or index, in both languages', async () => {
		const registry = JSON.parse(output('registry.json')) as Record<string, { id: string }[]>;
		const paths = ['/', '/en/', '/registre/champs/', '/en/registre/champs/'];
		for (const [kind, segment] of [
			['systems', 'systemes'],
			['models', 'modeles'],
		] as const) {
			for (const prefix of ['', '/en']) {
				paths.push(`${prefix}/registre/${segment}/`);
				for (const entry of registry[kind] ?? [])
					paths.push(`${prefix}/registre/${segment}/${entry.id}/`);
			}
		}
		expect(paths.length).toBeGreaterThan(50);
		await session.withPage(async (page) => {
			const dialogs: string[] = [];
			page.on('dialog', (dialog) => {
				dialogs.push(dialog.message());
				void dialog.dismiss();
			});
			for (const path of paths) {
				await page.goto(session.server.resolve(path));
				expect(await page.evaluate((flag) => flag in window, pwnedFlag), path).toBe(false);
				// Chromium's own parser: no element or attribute came from the attacker's text.
				expect(await page.evaluate(injectedMarkup, pwnedFlag), path).toEqual([]);
			}
			expect(dialogs).toEqual([]);
		});
	});

	it('runs nowhere in the registry filter nor in search, and shows there as text', async () => {
		await session.withPage(async (page) => {
			// The registry's own filter, with the attacker's text typed into it.
			await page.goto(session.server.resolve('/registre/systemes/'));
			await page.locator('form.registry-filters input[type="search"]').fill(payload(0));
			await page.waitForLoadState('networkidle');
			// Search, whose filter list Pagefind writes as markup.
			await (await openSearch(page)).fill('HYPERLINK');
			const filterLabel = page.locator('.pagefind-ui__filter-label').first();
			await filterLabel.waitFor({ state: 'attached' });
			expect(await filterLabel.textContent()).toMatch(
				new RegExp(`^[=+@-]HYPERLINK\\("//e\\.x"\\)</title><script>${pwnedFlag}=1</script>`),
			);
			expect(await page.locator('img[src="x"]').count()).toBe(0);
			expect(await page.evaluate((flag) => flag in window, pwnedFlag)).toBe(false);
		});
	});

	it('keeps every JSON file valid, the text in it as data', () => {
		for (const path of [
			'registry.json',
			'registre/systemes/index.json',
			'registre/modeles/index.json',
			'en/registre/systemes/index.json',
			'en/registre/modeles/index.json',
		]) {
			const text = output(path);
			expect(() => JSON.parse(text), path).not.toThrow();
			expect(JSON.stringify(JSON.parse(text))).toContain(`<script>${pwnedFlag}=1</script>`);
		}
	});

	it('starts no CSV cell with a formula, and the CSV files read back to the exact entries', async () => {
		const registry = await loadRegistry(registryDir);
		for (const kind of entryKinds) {
			const cells = csvTables(kind).flatMap((table) =>
				parseCsvFile(output(`${table.name}.csv`)).flatMap((record) => Object.values(record)),
			);
			expect(cells.some((cell) => cell.includes(pwnedFlag))).toBe(true);
			expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
			expect(readCsvExport(kind, (name) => output(`${name}.csv`))).toEqual(
				registry[kind].map((entry) => entry.data),
			);
		}
	});

	it('keeps both Atom feeds well-formed XML for a real parser, with the text as text', async () => {
		await session.withPage(async (page) => {
			await page.goto(session.server.resolve('/'));
			for (const path of ['/registry.atom', '/en/registry.atom']) {
				const feed = await page.evaluate(async (url) => {
					const text = await (await fetch(url)).text();
					const xml = new DOMParser().parseFromString(text, 'application/xml');
					return {
						error: xml.querySelector('parsererror')?.textContent ?? null,
						titles: [...xml.querySelectorAll('entry > title')].map((title) => title.textContent),
						scripts: xml.getElementsByTagName('script').length,
					};
				}, session.server.resolve(path));
				expect(feed.error, path).toBeNull();
				expect(feed.scripts, path).toBe(0);
				expect(
					feed.titles.some((title) => title?.includes(`<script>${pwnedFlag}=1</script>`)),
				).toBe(true);
			}
		});
	});
});
