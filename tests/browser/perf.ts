/**
 * Page-weight and speed figures from Chromium for BENCHMARKS.md: first-load transfer size,
 * JavaScript shipped and largest contentful paint of the home page, the registry home, the
 * registry indexes and entries, beside the same pages of a bare Starlight site (those it has);
 * how long applying a filter and sorting the table by a column take to update the systems
 * index; and the goals of issue 12 met or missed. Prints Markdown tables (or JSON with `--json`).
 *
 *   node tests/browser/perf.ts --dist dist --baseline-dist .bench/starlight/dist
 *
 * Options: `--base /sub/` (default: from registre.config.yml), `--baseline-base /`,
 * `--throttle mobile|none` (default mobile: Lighthouse's slow 4G and 4× CPU), `--encoding
 * gzip|br` (default gzip, as GitHub Pages), `--runs N` (default 3; medians), `--json`.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { median } from '../../scripts/bench/median.ts';
import {
	discoverPages,
	launchBrowser,
	loadFigures,
	measureUpdate,
	openFresh,
	reveal,
	serveDist,
	siteBase,
	type Encoding,
	type LoadFigures,
	type Throttle,
	type UpdateTiming,
} from './harness.ts';

/** What to measure and how. */
export interface PerfOptions {
	/** The built site to measure. */
	dist: string;
	/** Its base path; default from `registre.config.yml`. */
	base?: string | undefined;
	/** A bare Starlight site built for comparison. */
	baselineDist?: string | undefined;
	/** Its base path; default `/`. */
	baselineBase?: string | undefined;
	/** Network and CPU conditions; default `mobile`. */
	throttle?: Throttle | undefined;
	/** Compression served; default `gzip`. */
	encoding?: Encoding | undefined;
	/** Loads per page (medians reported); default 3. */
	runs?: number | undefined;
}

/** Median first-load figures of one page. */
export interface PageFigures extends LoadFigures {
	site: 'ours' | 'baseline';
	page: string;
	path: string;
}

/** Median times for one filter action on an index, in milliseconds. */
export interface FilterFigures {
	page: string;
	action: string;
	/** Median time from the input event to the list updated. */
	updatedMs: number | null;
	/** Median time from the input event to the next frame after the update. */
	paintedMs: number | null;
	/** Bytes transferred by the page once the filter has run (first load plus filter data). */
	transferBytes?: number;
}

/** Everything one run measured. */
export interface PerfReport {
	options: {
		dist: string;
		base: string;
		baselineDist: string | undefined;
		baselineBase: string;
		throttle: Throttle;
		encoding: Encoding;
		runs: number;
	};
	chromium: string;
	pages: PageFigures[];
	filters: FilterFigures[];
}

function medianOrNull(values: (number | null)[]): number | null {
	const known = values.filter((value) => value !== null);
	return known.length ? Math.round(median(known) * 10) / 10 : null;
}

/** Page types measured, in order: home, both indexes, a system and a model. */
const measuredTypes = [
	{ page: 'home', type: '(home)' },
	{ page: 'registry home', type: 'registre/' },
	{ page: 'systems index', type: 'registre/systemes/' },
	{ page: 'models index', type: 'registre/modeles/' },
	{ page: 'system entry', type: 'registre/systemes/:id/' },
	{ page: 'model entry', type: 'registre/modeles/:id/' },
];

/**
 * The French page of each measured type in a built site; types the site lacks are left out, so
 * a bare Starlight baseline is measured on whichever of the same paths it has.
 */
export function pagesToMeasure(dist: string): { page: string; path: string }[] {
	const found = discoverPages(dist).filter(({ lang }) => lang === 'fr');
	return measuredTypes.flatMap(({ page, type }) => {
		const match = found.find((candidate) => candidate.type === type);
		return match ? [{ page, path: match.path }] : [];
	});
}

async function measurePages(
	browser: Browser,
	site: PageFigures['site'],
	url: (path: string) => string,
	pages: { page: string; path: string }[],
	options: { throttle: Throttle; runs: number },
): Promise<PageFigures[]> {
	const results: PageFigures[] = [];
	for (const { page, path } of pages) {
		const runs: LoadFigures[] = [];
		for (let run = 0; run < options.runs; run++) {
			const { context, page: tab } = await openFresh(browser, url(path), options.throttle);
			runs.push(await loadFigures(tab));
			await context.close();
		}
		const first = runs[0] as LoadFigures;
		results.push({
			site,
			page,
			path: `/${path}`,
			...first,
			lcpMs: medianOrNull(runs.map((r) => r.lcpMs)),
		});
	}
	return results;
}

/** The first facet control of the index's filter form: a checkbox or a select. */
const facetControl = (page: Page) =>
	page.locator('form[role="search"] [data-facet] :is(input[type="checkbox"], select)').first();

/** Toggles the first facet value of an index form: checkbox, or a select's first value. */
async function toggleFirstFacet(page: Page, on: boolean) {
	const control = facetControl(page);
	if ((await control.evaluate((element) => element.localName)) === 'input') {
		return control.setChecked(on);
	}
	const value = await control.locator('option:not([value=""])').first().getAttribute('value');
	await control.selectOption(on ? (value ?? '') : '');
}

/** A word from the first listed entry's name, to filter by. */
async function firstWord(page: Page): Promise<string> {
	const text =
		(await page.locator('[data-registry-list] [data-entry-id] a').first().textContent()) ?? '';
	return (text.match(/\p{L}{4,}/gu) ?? ['data'])[0] ?? 'data';
}

/** The registry list whose updates the filter timings follow. */
const list = '[data-registry-list]';

function medianTiming(
	page: string,
	action: string,
	timings: (UpdateTiming | null)[],
	transferBytes?: number,
): FilterFigures {
	const known = timings.filter((timing) => timing !== null);
	return {
		page,
		action,
		updatedMs: medianOrNull(known.map((timing) => timing.updatedMs)),
		paintedMs: medianOrNull(known.map((timing) => timing.paintedMs)),
		...(transferBytes === undefined ? {} : { transferBytes }),
	};
}

async function measureFilters(
	browser: Browser,
	url: string,
	page: string,
	options: { throttle: Throttle; runs: number },
): Promise<FilterFigures[]> {
	const cold: (UpdateTiming | null)[] = [];
	const warm: (UpdateTiming | null)[] = [];
	const text: (UpdateTiming | null)[] = [];
	let transferBytes = 0;
	for (let run = 0; run < options.runs; run++) {
		const { context, page: tab } = await openFresh(browser, url, options.throttle);
		const form = tab.locator('form[role="search"]:has([data-facet])');
		await form.waitFor({ state: 'visible', timeout: 60_000 });
		await reveal(facetControl(tab));
		await facetControl(tab).waitFor({ state: 'visible' });
		cold.push(await measureUpdate(tab, () => toggleFirstFacet(tab, true), list));
		transferBytes = (await loadFigures(tab)).transferBytes;
		await measureUpdate(tab, () => toggleFirstFacet(tab, false), list);
		warm.push(await measureUpdate(tab, () => toggleFirstFacet(tab, true), list));
		await measureUpdate(tab, () => toggleFirstFacet(tab, false), list);
		const word = await firstWord(tab);
		const box = form.locator('input[type="search"]');
		text.push(await measureUpdate(tab, () => box.fill(word), list));
		await context.close();
	}
	return [
		medianTiming(page, 'first facet, filter data fetched on demand', cold, transferBytes),
		medianTiming(page, 'facet, filter data loaded', warm),
		medianTiming(page, 'word in the text filter', text),
	];
}

/** The sort button of the table's column headed `column` (`risk`), made by the index's script. */
const sortButton = (page: Page, column: string) =>
	page.locator(`thead th[data-column="${column}"] button`).first();

/**
 * Times sorting the table by a column, as a reader clicks its header: the first click (the
 * compact index fetched on demand, unless hovering the header already did), then, data loaded,
 * a click on another column and one reversing it.
 */
async function measureSorts(
	browser: Browser,
	url: string,
	page: string,
	options: { throttle: Throttle; runs: number },
): Promise<FilterFigures[]> {
	const first: (UpdateTiming | null)[] = [];
	const other: (UpdateTiming | null)[] = [];
	const reverse: (UpdateTiming | null)[] = [];
	for (let run = 0; run < options.runs; run++) {
		const { context, page: tab } = await openFresh(browser, url, options.throttle);
		const columns = await tab
			.locator('thead th[data-column]')
			.evaluateAll((headers) => headers.map((th) => (th as HTMLElement).dataset['column'] ?? ''));
		const [, firstColumn = 'name', secondColumn = firstColumn] = columns;
		await sortButton(tab, firstColumn).waitFor({ state: 'visible', timeout: 60_000 });
		first.push(await measureUpdate(tab, () => sortButton(tab, firstColumn).click(), list));
		other.push(await measureUpdate(tab, () => sortButton(tab, secondColumn).click(), list));
		reverse.push(await measureUpdate(tab, () => sortButton(tab, secondColumn).click(), list));
		await context.close();
	}
	return [
		medianTiming(page, 'first sort by a column header', first),
		medianTiming(page, 'sort by another column, data loaded', other),
		medianTiming(page, 'same column again: reversed', reverse),
	];
}

/** Serves the sites, measures them in Chromium and returns the figures. */
export async function runPerf(options: PerfOptions): Promise<PerfReport> {
	const settings = {
		dist: options.dist,
		base: options.base ?? siteBase(),
		baselineDist: options.baselineDist,
		baselineBase: options.baselineBase ?? '/',
		throttle: options.throttle ?? 'mobile',
		encoding: options.encoding ?? 'gzip',
		runs: options.runs ?? 3,
	};
	const encodings = [settings.encoding];
	const ours = await serveDist(settings.dist, { base: settings.base, encodings });
	const baseline = settings.baselineDist
		? await serveDist(settings.baselineDist, { base: settings.baselineBase, encodings })
		: undefined;
	const browser = await launchBrowser();
	try {
		const pages = await measurePages(
			browser,
			'ours',
			ours.resolve,
			pagesToMeasure(settings.dist),
			settings,
		);
		if (baseline && settings.baselineDist) {
			pages.push(
				...(await measurePages(
					browser,
					'baseline',
					baseline.resolve,
					pagesToMeasure(settings.baselineDist),
					settings,
				)),
			);
		}
		const index = pages.find((page) => page.site === 'ours' && page.page === 'systems index');
		const filters = index
			? [
					...(await measureFilters(
						browser,
						ours.resolve(index.path.slice(1)),
						index.page,
						settings,
					)),
					...(await measureSorts(browser, ours.resolve(index.path.slice(1)), index.page, settings)),
				]
			: [];
		return { options: settings, chromium: browser.version(), pages, filters };
	} finally {
		await browser.close();
		await ours.close();
		await baseline?.close();
	}
}

const kb = (bytes: number | undefined) => (bytes === undefined ? '' : (bytes / 1024).toFixed(1));

/** The browser goals of issue 12, checked against the bare site's home in the same run. */
export const goals = {
	/** First load of the registry home, compressed as served. */
	registryHomeBytes: 100 * 1024,
	/** LCP of the registry home over the bare site's home. */
	registryHomeLcpRatio: 1.1,
	/** A facet or sort update once the index's data is loaded, throttled. */
	updateMs: 50,
};

/** One line per goal: the figure, the limit, met or missed (or not measured). */
export function goalLines(report: PerfReport): string[] {
	const home = report.pages.find((p) => p.site === 'ours' && p.page === 'registry home');
	const bare = report.pages.find((p) => p.site === 'baseline' && p.page === 'home');
	const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
	const lines: string[] = [];
	if (home) {
		lines.push(
			`- registry home first load ${kb(home.transferBytes)} KB ≤ ${kb(goals.registryHomeBytes)} KB: ${verdict(home.transferBytes <= goals.registryHomeBytes)}`,
		);
		if (bare?.lcpMs && home.lcpMs) {
			const ratio = Math.round((home.lcpMs / bare.lcpMs) * 100) / 100;
			lines.push(
				`- registry home LCP ${home.lcpMs} ms against the bare home's ${bare.lcpMs} ms, ratio ${ratio} ≤ ${goals.registryHomeLcpRatio}: ${verdict(ratio <= goals.registryHomeLcpRatio)}`,
			);
		}
	}
	for (const figure of report.filters) {
		// The first action of a page also fetches the compact index: a network figure, not this goal.
		if (figure.action.startsWith('first') || figure.paintedMs === null) continue;
		lines.push(
			`- ${figure.page}, ${figure.action}: ${figure.paintedMs} ms to the next paint ≤ ${goals.updateMs} ms: ${verdict(figure.paintedMs <= goals.updateMs)}`,
		);
	}
	return lines;
}

/** The report as Markdown tables, ready for BENCHMARKS.md. */
export function formatReport(report: PerfReport): string {
	const { options } = report;
	const lines = [
		`Chromium ${report.chromium}; throttle: ${options.throttle}; encoding: ${options.encoding}; ` +
			`${options.runs} run(s), median LCP and filter times; sizes are response bodies as transferred.`,
		'',
		'| Site | Page | Path | Requests | Transfer (KB) | Decoded (KB) | JS transfer (KB) | JS decoded (KB) | LCP (ms) |',
		'| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
		...report.pages.map(
			(p) =>
				`| ${p.site} | ${p.page} | \`${p.path}\` | ${p.requests} | ${kb(p.transferBytes)} | ${kb(p.decodedBytes)} | ` +
				`${kb(p.jsTransferBytes)} | ${kb(p.jsDecodedBytes)} | ${p.lcpMs ?? 'n/a'} |`,
		),
	];
	if (report.filters.length > 0) {
		lines.push(
			'',
			'| Page | Filter action | Input to list updated (ms) | Input to next paint (ms) | Transfer after it (KB) |',
			'| --- | --- | ---: | ---: | ---: |',
			...report.filters.map(
				(f) =>
					`| ${f.page} | ${f.action} | ${f.updatedMs ?? 'n/a'} | ${f.paintedMs ?? 'n/a'} | ` +
					`${kb(f.transferBytes)} |`,
			),
		);
	}
	const checked = goalLines(report);
	if (checked.length > 0) lines.push('', `Goals (throttle: ${options.throttle}):`, ...checked);
	return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { values } = parseArgs({
		options: {
			dist: { type: 'string', default: 'dist' },
			base: { type: 'string' },
			'baseline-dist': { type: 'string' },
			'baseline-base': { type: 'string' },
			throttle: { type: 'string', default: 'mobile' },
			encoding: { type: 'string', default: 'gzip' },
			runs: { type: 'string', default: '3' },
			json: { type: 'boolean', default: false },
		},
	});
	if (values.throttle !== 'mobile' && values.throttle !== 'none') {
		throw new Error(`--throttle must be mobile or none, not ${values.throttle}`);
	}
	if (values.encoding !== 'gzip' && values.encoding !== 'br') {
		throw new Error(`--encoding must be gzip or br, not ${values.encoding}`);
	}
	const report = await runPerf({
		dist: values.dist,
		base: values.base,
		baselineDist: values['baseline-dist'],
		baselineBase: values['baseline-base'],
		throttle: values.throttle,
		encoding: values.encoding,
		runs: Number(values.runs),
	});
	process.stdout.write(
		`${values.json ? JSON.stringify(report, null, '\t') : formatReport(report)}\n`,
	);
}
