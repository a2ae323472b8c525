/**
 * Times the updates of a built systems index, data loaded, under 4× CPU throttling: a sort by
 * another column, the same reversed, a facet ticked, unticked and ticked again. With `--current`,
 * the index's script is taken from the working tree and served in place of the built one, runs
 * alternating with the built script, so a change to `registry-filter.ts` is measured against the
 * code it replaces on the same 10,000-entry pages, in the same minutes, without rebuilding them.
 *
 *   node tests/browser/update-timings.ts --dist .bench/site/out-ours-10000 --current --runs 5
 *
 * Prints, per script and action, the median time from the input to the list updated and to the
 * next paint (the timing of `perf.ts`).
 */
import { readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { median } from '../../scripts/bench/median.ts';
import {
	launchBrowser,
	measureUpdate,
	newContext,
	projectRoot,
	serveDist,
	type UpdateTiming,
} from './harness.ts';

/** The built script of a registry index, which `--current` replaces. */
const builtScript = '**/RegistryIndex.astro_astro_type_script_index_0_lang.*.js';

/**
 * The index's script as the page runs it, from the working tree: `registry-filter.ts` imports
 * nothing, so stripping its types and calling it as `RegistryIndex.astro` does is the bundle.
 */
function currentScript(): string {
	const source = readFileSync(
		join(projectRoot, 'src/components/registry/registry-filter.ts'),
		'utf8',
	);
	if (/^import\s/m.test(source)) throw new Error('registry-filter.ts now imports: bundle it');
	return [
		stripTypeScriptTypes(source),
		"for (const root of document.querySelectorAll('[data-registry-index]')) initRegistryIndex(root);",
	].join('\n');
}

/** One run: each action's timing, or null when the list did not change. */
async function run(browser: Browser, url: string, script: string | undefined) {
	const context = await newContext(browser);
	const page = await context.newPage();
	if (script) {
		await page.route(builtScript, (route) =>
			route.fulfill({ contentType: 'text/javascript', body: script }),
		);
	}
	const cdp = await context.newCDPSession(page);
	await page.goto(url, { waitUntil: 'networkidle' });
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	const list = '[data-registry-list]';
	const columns = await page
		.locator('thead th[data-column]')
		.evaluateAll((headers) => headers.map((th) => (th as HTMLElement).dataset['column'] ?? ''));
	const header = (column: string) =>
		page.locator(`thead th[data-column="${column}"] button`).first();
	const [name = 'name', first = name, second = first] = columns;
	// The first sort fetches the compact index: a network figure, left out here.
	await measureUpdate(page, () => header(first).click(), list);
	const timings: Record<string, UpdateTiming | null> = {};
	timings['sort by another column'] = await measureUpdate(page, () => header(second).click(), list);
	timings['same column, reversed'] = await measureUpdate(page, () => header(second).click(), list);
	// Back to the default order (by name), in which the facets then filter.
	await measureUpdate(page, () => header(name).click(), list);
	await page.locator('details.registry-facets > summary').first().click();
	const box = page.locator('form[role="search"] [data-facet] input[type="checkbox"]').first();
	timings['facet ticked'] = await measureUpdate(page, () => box.check(), list);
	timings['facet unticked'] = await measureUpdate(page, () => box.uncheck(), list);
	timings['facet ticked again'] = await measureUpdate(page, () => box.check(), list);
	await context.close();
	return timings;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { values } = parseArgs({
		options: {
			dist: { type: 'string', default: '.bench/site/out-ours-10000' },
			base: { type: 'string', default: '/' },
			current: { type: 'boolean', default: false },
			runs: { type: 'string', default: '5' },
		},
	});
	const scripts: Record<string, string | undefined> = { built: undefined };
	if (values.current) scripts['working tree'] = currentScript();
	const server = await serveDist(values.dist, { base: values.base, encodings: ['gzip'] });
	const browser = await launchBrowser();
	const found = new Map<string, { updated: number[]; painted: number[] }>();
	try {
		for (let index = 0; index < Number(values.runs); index++) {
			for (const [label, script] of Object.entries(scripts)) {
				const timings = await run(browser, server.resolve('registre/systemes/'), script);
				for (const [action, timing] of Object.entries(timings)) {
					if (!timing) continue;
					const key = `| ${label} | ${action} |`;
					const figures = found.get(key) ?? { updated: [], painted: [] };
					figures.updated.push(timing.updatedMs);
					figures.painted.push(timing.paintedMs);
					found.set(key, figures);
				}
			}
		}
	} finally {
		await browser.close();
		await server.close();
	}
	const ms = (values: number[]) => `${Math.round(median(values) * 10) / 10} ms`;
	const lines = [
		`${values.runs} run(s) per script, 4× CPU throttling, medians.`,
		'',
		'| Script | Action | Input to list updated | Input to next paint |',
		'| --- | --- | ---: | ---: |',
		...[...found].map(([key, f]) => `${key} ${ms(f.updated)} | ${ms(f.painted)} |`),
	];
	process.stdout.write(`${lines.join('\n')}\n`);
}
