/**
 * `npm run bench -- site [--sizes 1000,10000] [--repeat 2] [--quick] [--keep] [--profile]`:
 * builds the site from registries of real records (the Dutch algorithm register, turned into
 * entries of every kind in the mix of `tests/fixtures/nl-registry.ts`) and, in the same run, a
 * bare Starlight site with as many plain pages, alternating which goes first, then prints build
 * time, peak memory, output size, page weight and first-load ratios against the goals. Ratios, not
 * absolute times, are what compare across runs: these machines are small and noisy. Everything
 * it writes is under `.bench/` (git-ignored).
 */
import { execFile } from 'node:child_process';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { writeBareSite } from './site/bare-site.ts';
import {
	comparePages,
	countPages,
	firstLoad,
	folderBytes,
	type FirstLoad,
	type PagePair,
} from './site/measure-output.ts';
import { printProfile } from './site/cpu-profile.ts';
import { median } from './median.ts';
import { runBuild, type BuildRun } from './site/run-build.ts';
import { entryKinds, kinds, type EntryKind } from '../../src/registry/kinds/index.ts';

const exec = promisify(execFile);

/** The goals of issue 16 (build cost), checked at the largest size against the bare site. */
export const goals = {
	/** Wall-clock build time of the site over the bare site's. */
	buildRatio: 1.1,
	/** CPU time (user + system of the process tree) of the site's build over the bare site's. */
	cpuRatio: 1.1,
	/** Peak memory of the whole process tree over the bare site's. */
	peakRatio: 1.0,
	/** Size of the output folder over the bare site's. */
	outputRatio: 1.1,
	/** HTML of an entry page over the bare page of the same record. */
	entryHtmlRatio: 1.3,
	/** First load of the registry index (HTML + CSS + JS), gzip, in bytes. */
	indexFirstLoadGzip: 250 * 1024,
	/** Build time at 10× the entries over build time at 1× (linear growth is 10). */
	growth: 11,
};

type Site = 'ours' | 'bare';

/** One site at one size: median wall time over its runs, highest peak, output. */
export interface SiteSummary {
	pages: number;
	wallMs: number;
	/** Median CPU time over its runs. */
	cpuMs: number;
	peakKb: number;
	outBytes: number;
	runs: BuildRun[];
}

/** Everything measured at one registry size. */
export interface SizeResult {
	size: number;
	/** Entries of each kind in the registry. */
	entries: Record<EntryKind, number>;
	ours: SiteSummary;
	bare: SiteSummary;
	/** Entry pages against bare pages of the same records (a sample, both languages). */
	entryHtml: {
		pairs: PagePair[];
		medianOurs: number;
		medianBare: number;
		medianRatio: number;
		maxRatio: number;
		/** The pair with the median ratio. */
		typical: PagePair | undefined;
		/** Median ratio of each kind's pages. */
		byKind: Partial<Record<EntryKind, number>>;
	};
	indexLoad: FirstLoad;
	bareHomeLoad: FirstLoad;
}

const projectRoot = resolve(import.meta.dirname, '..', '..');
const benchDir = join(projectRoot, '.bench');
const workDir = join(benchDir, 'site');

/** `tests/fixtures/nl-registry.ts`, loaded when the benchmark runs. */
type BuildNlRegistry = (outDir: string, count: number) => unknown;

/** The converter and its mix of kinds in words (`systems 50 %, …`). */
async function converter(): Promise<{ build: BuildNlRegistry; mix: string }> {
	const path = join(projectRoot, 'tests', 'fixtures', 'nl-registry.ts');
	const module = (await import(path).catch((error: unknown) => {
		throw new Error(`the NL registry converter is missing (${path}): ${String(error)}`);
	})) as { buildNlRegistry?: BuildNlRegistry; nlMixText?: string };
	if (!module.buildNlRegistry) throw new Error(`${path} exports no buildNlRegistry`);
	return { build: module.buildNlRegistry, mix: module.nlMixText ?? 'unknown' };
}

/** Commits a generated registry into its own repository, so entry pages show a real history. */
async function commitRegistry(dir: string): Promise<void> {
	const date = '2026-08-08T12:00:00Z';
	const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
	const git = (...args: string[]) =>
		exec(
			'git',
			['-C', dir, '-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args],
			{
				env,
				maxBuffer: 64 * 1024 * 1024,
			},
		);
	await git('init', '-q');
	await git('add', '-A');
	await git('commit', '-q', '--no-gpg-sign', '-m', 'Import the Dutch algorithm register (#1)');
}

/** Entry files of each kind in a registry folder. */
async function countEntries(dir: string): Promise<Record<EntryKind, number>> {
	const count = async (kind: string) =>
		(await readdir(join(dir, kind)).catch(() => [])).filter((name) => name.endsWith('.mdx')).length;
	const counts = await Promise.all(entryKinds.map(count));
	return Object.fromEntries(entryKinds.map((kind, at) => [kind, counts[at] ?? 0])) as Record<
		EntryKind,
		number
	>;
}

/** `5000 systems + 1000 models + …`. */
function entryList(entries: Record<EntryKind, number>): string {
	return entryKinds.map((kind) => `${entries[kind]} ${kind}`).join(' + ');
}

function totalEntries(entries: Record<EntryKind, number>): number {
	return entryKinds.reduce((total, kind) => total + entries[kind], 0);
}

function log(message: string): void {
	console.log(`[bench:site ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** Builds both sites at one size, `repeat` times each, alternating which goes first. */
async function benchSize(
	size: number,
	repeat: number,
	sizeIndex: number,
	keep: boolean,
	profile: boolean,
): Promise<SizeResult> {
	const { build: buildNlRegistry } = await converter();
	const registryDir = join(workDir, `registry-${size}`);
	const bareRoot = join(benchDir, `bare-${size}`);
	const out = { ours: join(workDir, `out-ours-${size}`), bare: join(workDir, `out-bare-${size}`) };
	const cache = {
		ours: join(workDir, `cache-ours-${size}`),
		bare: join(workDir, `cache-bare-${size}`),
	};
	await rm(registryDir, { recursive: true, force: true });
	log(`size ${size}: generating the registry in ${registryDir}`);
	await buildNlRegistry(registryDir, size);
	await commitRegistry(registryDir);
	const entries = await countEntries(registryDir);
	log(`size ${size}: ${entryList(entries)}; writing the bare site`);
	const barePages = await writeBareSite(bareRoot, registryDir);
	log(`size ${size}: bare site has ${barePages} pages`);

	const runs: { site: Site; run: BuildRun }[] = [];
	for (let r = 0; r < repeat; r++) {
		const order: Site[] = (sizeIndex + r) % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours'];
		for (const site of order) {
			log(`size ${size}: building ${site} (run ${r + 1}/${repeat})`);
			const run = await runBuild({
				root: site === 'ours' ? projectRoot : bareRoot,
				outDir: out[site],
				cacheDir: cache[site],
				logFile: join(workDir, `build-${site}-${size}-${r + 1}.log`),
				...(site === 'ours' && { env: { REGISTRY_DIR: registryDir } }),
			});
			log(
				`size ${size}: ${site} built in ${(run.wallMs / 1000).toFixed(1)} s, peak ${mb(run.treePeakKb * 1024)}`,
			);
			runs.push({ site, run });
		}
	}

	const summary = async (site: Site): Promise<SiteSummary> => {
		const own = runs.filter((r) => r.site === site).map((r) => r.run);
		return {
			pages: await countPages(out[site]),
			wallMs: median(own.map((run) => run.wallMs)),
			cpuMs: median(own.map((run) => run.cpuMs)),
			peakKb: Math.max(...own.map((run) => run.treePeakKb)),
			outBytes: await folderBytes(out[site]),
			runs: own,
		};
	};
	const pairs = await comparePages(
		out.ours,
		out.bare,
		kinds.map((kind) => kind.segment),
		50,
	);
	const ratios = pairs.map((pair) => pair.ours.raw / pair.bare.raw);
	const byKind = Object.fromEntries(
		kinds.map((kind) => [
			kind.name,
			median(
				pairs
					.filter((pair) => pair.segment === kind.segment)
					.map((pair) => pair.ours.raw / pair.bare.raw),
			),
		]),
	);
	const result: SizeResult = {
		size,
		entries,
		ours: await summary('ours'),
		bare: await summary('bare'),
		entryHtml: {
			pairs,
			medianOurs: median(pairs.map((p) => p.ours.raw)),
			medianBare: median(pairs.map((p) => p.bare.raw)),
			medianRatio: median(ratios),
			maxRatio: Math.max(...ratios),
			typical:
				pairs[
					ratios.indexOf([...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)] ?? NaN)
				],
			byKind,
		},
		indexLoad: await firstLoad(out.ours, '/registre/systemes/'),
		bareHomeLoad: await firstLoad(out.bare, '/'),
	};
	if (profile) {
		const dir = join(workDir, `profile-${size}`);
		await rm(dir, { recursive: true, force: true });
		log(`size ${size}: one more build of ours under --cpu-prof (not timed)`);
		await runBuild({
			root: projectRoot,
			outDir: out.ours,
			cacheDir: cache.ours,
			logFile: join(workDir, `build-ours-${size}-profile.log`),
			env: { REGISTRY_DIR: registryDir },
			nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
		});
		for (const file of await readdir(dir)) console.log(await printProfile(join(dir, file), 30));
	}
	if (!keep) {
		for (const dir of [out.ours, out.bare, cache.ours, cache.bare, registryDir, bareRoot]) {
			await rm(dir, { recursive: true, force: true });
		}
	}
	return result;
}

function mb(bytes: number): string {
	return `${(bytes / 1024 ** 2).toFixed(0)} MB`;
}

function kb(bytes: number): string {
	return `${(bytes / 1024).toFixed(1)} KB`;
}

function pass(ok: boolean): string {
	return ok ? 'met' : 'MISSED';
}

/** Peak RSS of the process tree, then of each kind of process in it over 50 MB. */
function peaks(run: BuildRun): string {
	const parts = Object.entries(run.processPeakKb ?? {})
		.filter(([, kb]) => kb > 50 * 1024)
		.map(([name, kb]) => `${name} ${mb(kb * 1024)}`);
	return `${mb(run.treePeakKb * 1024)}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

function seconds(ms: number | undefined): string {
	return ms === undefined ? '–' : (ms / 1000).toFixed(1);
}

/** Markdown tables of results, then the goals checked at the largest size. */
export function report(results: SizeResult[]): string {
	const lines: string[] = [
		`| entries (${entryKinds.join(' + ')}) | pages ours / bare | build ours | build bare | time ratio | CPU ratio | peak RSS ours / bare (ratio) | output ours / bare (ratio) | entry HTML ours / bare (ratio) | index first load gzip / brotli |`,
		'|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const { entries, ours, bare, entryHtml, indexLoad } of results) {
		lines.push(
			`| ${totalEntries(entries)} (${entryKinds.map((kind) => entries[kind]).join(' + ')}) | ${ours.pages} / ${bare.pages} | ${seconds(ours.wallMs)} s | ${seconds(bare.wallMs)} s | ${(ours.wallMs / bare.wallMs).toFixed(2)} | ${(ours.cpuMs / bare.cpuMs).toFixed(2)} | ${mb(ours.peakKb * 1024)} / ${mb(bare.peakKb * 1024)} (${(ours.peakKb / bare.peakKb).toFixed(2)}) | ${mb(ours.outBytes)} / ${mb(bare.outBytes)} (${(ours.outBytes / bare.outBytes).toFixed(2)}) | ${kb(entryHtml.medianOurs)} / ${kb(entryHtml.medianBare)} (${entryHtml.medianRatio.toFixed(2)}) | ${kb(indexLoad.total.gzip)} / ${kb(indexLoad.total.brotli ?? 0)} |`,
		);
	}
	lines.push(
		'',
		'Entry HTML ratio by kind (median of the sampled pages): ' +
			results
				.map(
					(r) =>
						`${r.size}: ${entryKinds.map((kind) => `${kind} ${(r.entryHtml.byKind[kind] ?? NaN).toFixed(2)}`).join(', ')}`,
				)
				.join('; ') +
			'.',
	);
	const phaseNames = ['sync', 'collect', 'vite', 'pages', 'static', 'pagefind', 'total'];
	lines.push(
		'',
		'Every run (seconds; CPU = user + system of the process tree, * = main process only; phases from Astro’s log):',
		'',
		`| entries | site | wall | CPU | load before/after | peak RSS tree (by process) | ${phaseNames.join(' | ')} |`,
		`|---|---|---|---|---|---|${phaseNames.map(() => '---').join('|')}|`,
	);
	for (const r of results) {
		for (const site of ['ours', 'bare'] as const) {
			for (const run of r[site].runs) {
				const phases = phaseNames.map((name) => seconds(run.phases[name]));
				lines.push(
					`| ${r.size} | ${site} | ${seconds(run.wallMs)} | ${seconds(run.cpuMs)}${run.cpuOfTree ? '' : '*'} | ${run.load.join(' / ')} | ${peaks(run)} | ${phases.join(' | ')} |`,
				);
			}
		}
	}
	lines.push('', 'Render time by route group (sum of Astro’s per-page times, first run):', '');
	for (const r of results) {
		for (const site of ['ours', 'bare'] as const) {
			const groups = Object.entries(r[site].runs[0]?.routes ?? {})
				.sort((a, b) => b[1].ms - a[1].ms)
				.map(
					([group, { pages, ms }]) =>
						`${group} ${pages} × ${(ms / pages).toFixed(1)} ms = ${seconds(ms)} s`,
				);
			lines.push(`- ${r.size} ${site}: ${groups.join('; ')}`);
		}
	}
	const largest = results.at(-1);
	const smallest = results[0];
	if (!largest || !smallest) return lines.join('\n');
	const { ours, bare, entryHtml, indexLoad } = largest;
	const typical = entryHtml.typical;
	lines.push(
		'',
		...(typical
			? [
					`Typical entry (median ratio) at ${largest.size}: ${typical.path} — ours ${typical.ours.raw} B (gzip ${typical.ours.gzip}), bare ${typical.bare.raw} B (gzip ${typical.bare.gzip}).`,
				]
			: []),
		`Index first load at ${largest.size} (/registre/systemes/): ${indexLoad.files.map((f) => `${f.path} ${kb(f.sizes.raw)} raw, ${kb(f.sizes.gzip)} gzip`).join('; ')}.`,
		`Bare home first load: ${kb(largest.bareHomeLoad.total.gzip)} gzip (${largest.bareHomeLoad.files.length} files).`,
		`Output size at ${largest.size}: ours ${mb(ours.outBytes)}, bare ${mb(bare.outBytes)}.`,
		'',
		`Goals at ${largest.size} entries:`,
	);
	const buildRatio = ours.wallMs / bare.wallMs;
	const cpuRatio = ours.cpuMs / bare.cpuMs;
	const peak = ours.peakKb * 1024;
	const peakRatio = ours.peakKb / bare.peakKb;
	const outputRatio = ours.outBytes / bare.outBytes;
	const largestProcess = Math.max(
		...ours.runs.flatMap((run) => Object.values(run.processPeakKb ?? {})),
		...ours.runs.map((run) => run.mainPeakKb),
	);
	lines.push(
		`- build wall time ratio ${buildRatio.toFixed(2)} ≤ ${goals.buildRatio.toFixed(2)}: ${pass(buildRatio <= goals.buildRatio)}`,
		`- build CPU time ratio ${cpuRatio.toFixed(2)} ≤ ${goals.cpuRatio.toFixed(2)}: ${pass(cpuRatio <= goals.cpuRatio)}`,
		`- peak memory ${mb(peak)} against bare ${mb(bare.peakKb * 1024)}, ratio ${peakRatio.toFixed(2)} (whole process tree; largest single process ${mb(largestProcess * 1024)}) ≤ ${goals.peakRatio.toFixed(2)}: ${pass(peakRatio <= goals.peakRatio)}`,
		`- output ${mb(ours.outBytes)} against bare ${mb(bare.outBytes)}, ratio ${outputRatio.toFixed(2)} ≤ ${goals.outputRatio.toFixed(2)}: ${pass(outputRatio <= goals.outputRatio)}`,
		`- entry HTML ratio ${entryHtml.medianRatio.toFixed(2)} (median of ${entryHtml.pairs.length}; max ${entryHtml.maxRatio.toFixed(2)}) ≤ ${goals.entryHtmlRatio}: ${pass(entryHtml.medianRatio <= goals.entryHtmlRatio)}`,
		`- index first load ${kb(indexLoad.total.gzip)} gzip ≤ ${kb(goals.indexFirstLoadGzip)}: ${pass(indexLoad.total.gzip <= goals.indexFirstLoadGzip)}`,
	);
	if (results.length > 1) {
		const factor = largest.size / smallest.size;
		const growth = ours.wallMs / smallest.ours.wallMs;
		const cpuGrowth = ours.cpuMs / smallest.ours.cpuMs;
		const bareGrowth = bare.wallMs / smallest.bare.wallMs;
		// 11 for 10×: linear growth plus 10 %.
		const limit = (goals.growth / 10) * factor;
		lines.push(
			`- growth ${largest.size}/${smallest.size}: ${growth.toFixed(2)} (CPU ${cpuGrowth.toFixed(2)}; bare ${bareGrowth.toFixed(2)}) ≤ ${limit.toFixed(1)}: ${pass(growth <= limit)}`,
		);
	}
	return lines.join('\n');
}

/** Runs the benchmark with command-line arguments (after `--`). */
export async function run(argv: string[]): Promise<void> {
	const { values } = parseArgs({
		args: argv,
		options: {
			sizes: { type: 'string', default: '1000,10000' },
			repeat: { type: 'string', default: '2' },
			quick: { type: 'boolean', default: false },
			keep: { type: 'boolean', default: false },
			profile: { type: 'boolean', default: false },
		},
	});
	const sizes = (values.quick ? '200' : values.sizes).split(',').map(Number);
	if (sizes.some((n) => !Number.isInteger(n) || n < 1))
		throw new Error(`bad --sizes: ${values.sizes}`);
	const repeat = Number(values.repeat);
	// The converter reads the project's vocabularies relative to the working directory.
	process.chdir(projectRoot);
	await mkdir(workDir, { recursive: true });
	const machine = `${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${mb(totalmem())} RAM, Node ${process.version}`;
	const { mix } = await converter();
	log(`sizes ${sizes.join(', ')}, ${repeat} run(s) each; mix of kinds: ${mix}; ${machine}`);
	const results: SizeResult[] = [];
	for (const [index, size] of sizes.entries()) {
		results.push(await benchSize(size, repeat, index, values.keep, values.profile));
	}
	const text = `Mix of kinds: ${mix}.\n\n${report(results)}`;
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const resultFile = join(workDir, `results-${stamp}.json`);
	await writeFile(resultFile, JSON.stringify({ machine, mix, sizes, repeat, results }, null, '\t'));
	console.log(`\n${text}\n\nMachine: ${machine}. Raw results: ${resultFile}`);
}

if (import.meta.main) await run(process.argv.slice(2));
