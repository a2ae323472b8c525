/**
 * A long index after a reader's sort or filter: the rows are drawn 25 at a time (the table's
 * layout and paint grow with its rows, BENCHMARKS.md), with a button for the next ones that says
 * how many it adds, in the page's language, until every match is shown.
 */
import { productionBuildEnv } from '../site/build-env.ts';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryDir } from '../../src/config/site.ts';
import { useRegistryTranslations } from '../../src/i18n/registry.ts';
import { useBrowserSession } from './session.ts';

const work = mkdtempSync(join(tmpdir(), 'index-batches-'));
const registry = join(work, 'registry');
const outDir = join(work, 'dist');
const extra = 40;

beforeAll(() => {
	cpSync(registryDir, registry, { recursive: true });
	const base = 'tri-demandes-usagers';
	const text = readFileSync(join(registry, 'systems', `${base}.mdx`), 'utf8');
	for (let index = 0; index < extra; index++) {
		const id = `${base}-${index}`;
		const copy = text
			.replace(/^id: .*$/m, `id: ${id}`)
			.replace(
				/^name:\n {2}fr: (.*)\n {2}en: (.*)$/m,
				`name:\n  fr: $1 ${index}\n  en: $2 ${index}`,
			);
		writeFileSync(join(registry, 'systems', `${id}.mdx`), copy);
	}
	const build = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
		env: productionBuildEnv({ REGISTRY_DIR: registry }),
		encoding: 'utf8',
	});
	if (build.status !== 0) throw new Error(`the long registry did not build:\n${build.stderr}`);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const session = useBrowserSession({ dist: () => outDir });

describe.each([
	{ lang: 'fr', prefix: '' },
	{ lang: 'en', prefix: 'en/' },
] as const)('a long systems index ($lang)', ({ lang, prefix }) => {
	const t = useRegistryTranslations(lang);

	it('draws a sort’s rows 25 at a time, each button saying how many it adds', () =>
		session.withPage(async (page) => {
			await page.goto(session.server.resolve(`${prefix}registre/systemes/`));
			const rows = page.locator('[data-registry-list] [data-entry-id]:visible');
			const more = page.locator('[data-registry-more]');
			const total = await rows.count();
			expect(total, 'the first page, as built').toBe(50);
			await page.locator('th[data-column] button').first().click();
			await expect.poll(() => rows.count()).toBe(25);
			await expect(more.textContent()).resolves.toBe(t('index.more', { count: 25 }));
			await more.click();
			await expect.poll(() => rows.count()).toBe(50);
			const matches = readdirSync(join(registry, 'systems')).filter((file) =>
				file.endsWith('.mdx'),
			).length;
			await expect(more.textContent()).resolves.toBe(t('index.more', { count: matches - 50 }));
			await more.click();
			await expect.poll(() => rows.count()).toBe(matches);
			await expect(more.isHidden()).resolves.toBe(true);
		}));
});
