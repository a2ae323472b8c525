/**
 * Runs one cold Astro build in a child process and measures it from outside: wall time, peak RSS
 * of the whole process tree (sampled from /proc, so pagefind's own process counts too) and the
 * phases Astro logs. The child's full log is kept for profiling.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { access, readdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { kinds } from '../../../src/registry/kinds/index.ts';

/** What one build cost. */
export interface BuildRun {
	/** Wall time of the child process, start to exit, in milliseconds. */
	wallMs: number;
	/** Time the child measured around `build()` (no Node start-up), in milliseconds. */
	buildMs: number;
	/** Peak of the summed RSS of the child and its descendants, sampled every 100 ms, in KiB. */
	treePeakKb: number;
	/** Peak RSS by command name over the same samples (`node`, `pagefind`…), in KiB. */
	processPeakKb: Record<string, number>;
	/** Exact peak RSS of the main Node process (`process.resourceUsage().maxRSS`), in KiB. */
	mainPeakKb: number;
	/**
	 * CPU time (user + system) of the build, in milliseconds: of the whole tree when GNU time is
	 * installed (`/usr/bin/time`), else of the main Node process only. Less sensitive than wall
	 * time to other processes competing for the two cores.
	 */
	cpuMs: number;
	/** Whether `cpuMs` includes child processes (pagefind). */
	cpuOfTree: boolean;
	/** 1-minute load average before and after the build: how busy the machine was. */
	load: [number, number];
	/** Durations Astro logs, in milliseconds (see `parsePhases`). */
	phases: Record<string, number>;
	/** Summed render time of pages by route group, from Astro's per-page log lines. */
	routes: Record<string, { pages: number; ms: number }>;
}

const childScript = fileURLToPath(new URL('./build-child.ts', import.meta.url));
const gnuTime = '/usr/bin/time';

async function loadAverage(): Promise<number> {
	return Number((await readFile('/proc/loadavg', 'utf8')).split(' ')[0]);
}

/** VmRSS (KiB) of a process and all its descendants, by command name (`node`, `pagefind`…). */
export async function treeRssKb(pid: number, into: Record<string, number> = {}) {
	try {
		const status = await readFile(`/proc/${pid}/status`, 'utf8');
		const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?';
		into[name] = (into[name] ?? 0) + Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
		for (const task of await readdir(`/proc/${pid}/task`)) {
			const children = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
			for (const child of children.split(' ').filter(Boolean)) {
				await treeRssKb(Number(child), into);
			}
		}
	} catch {
		// The process exited between two reads.
	}
	return into;
}

/**
 * Builds the Astro project in `root` into `outDir`, cold: its cache folder is emptied first and
 * the build is forced. `env` is added to the environment (e.g. `REGISTRY_DIR`).
 */
export async function runBuild(options: {
	root: string;
	outDir: string;
	cacheDir: string;
	logFile: string;
	env?: Record<string, string>;
	/** Extra Node options for the child, e.g. `--cpu-prof`. */
	nodeArgs?: string[];
}): Promise<BuildRun> {
	const { root, outDir, cacheDir, logFile } = options;
	await rm(cacheDir, { recursive: true, force: true });
	await rm(outDir, { recursive: true, force: true });
	const log = createWriteStream(logFile);
	const withTime = await access(gnuTime).then(
		() => true,
		() => false,
	);
	const command = [
		process.execPath,
		...(options.nodeArgs ?? []),
		childScript,
		root,
		outDir,
		cacheDir,
	];
	const loadBefore = await loadAverage();
	const started = performance.now();
	const [file = '', ...args] = withTime ? [gnuTime, '-f', 'BENCH_TIME %U %S', ...command] : command;
	const child = spawn(file, args, {
		cwd: root,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const collect = (chunk: Buffer) => {
		log.write(chunk);
		// Only the last line matters for the result; keep the tail small.
		output = (output + chunk.toString('utf8')).slice(-4096);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	let treePeakKb = 0;
	const processPeakKb: Record<string, number> = {};
	let sampling = true;
	const sampler = (async () => {
		while (sampling && child.pid) {
			const sample = await treeRssKb(child.pid);
			const total = Object.values(sample).reduce((sum, kb) => sum + kb, 0);
			treePeakKb = Math.max(treePeakKb, total);
			for (const [name, kb] of Object.entries(sample)) {
				processPeakKb[name] = Math.max(processPeakKb[name] ?? 0, kb);
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	})();
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	const wallMs = performance.now() - started;
	sampling = false;
	await sampler;
	await new Promise((resolve) => log.end(resolve));
	const line = /BENCH_RESULT (.*)/.exec(output)?.[1];
	if (code !== 0 || !line) {
		throw new Error(`build of ${root} failed (exit ${code}); see ${logFile}:\n${output}`);
	}
	const result = JSON.parse(line) as { ms: number; maxRssKb: number; cpuMs: number };
	const [, user, system] = /BENCH_TIME ([\d.]+) ([\d.]+)/.exec(output) ?? [];
	const treeCpuMs = user && system ? (Number(user) + Number(system)) * 1000 : undefined;
	const text = await readFile(logFile, 'utf8');
	return {
		wallMs,
		buildMs: result.ms,
		treePeakKb: Math.max(treePeakKb, result.maxRssKb),
		processPeakKb,
		mainPeakKb: result.maxRssKb,
		cpuMs: treeCpuMs ?? result.cpuMs,
		cpuOfTree: treeCpuMs !== undefined,
		load: [loadBefore, await loadAverage()],
		phases: parsePhases(text),
		routes: parseRoutes(text),
	};
}

const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** A duration Astro printed (`812ms`, `3.81s`, `1m 16s`), in milliseconds. */
function duration(value: string | undefined, unit: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const [, minutes = '0', rest = value] = /^(?:(\d+)m )?(.*)$/.exec(value) ?? [];
	return Number(minutes) * 60_000 + Number(rest) * (unit === 'ms' ? 1 : 1000);
}

const time = '((?:\\d+m )?[\\d.]+)(ms|s)';
const phasePatterns: [string, RegExp][] = [
	['sync', new RegExp(`\\[types\\] Generated ${time}`)],
	['vite', new RegExp(`\\[vite\\] ✓ built in ${time}`)],
	['build', new RegExp(`\\[build\\] ✓ Completed in ${time}`)],
	['pages', new RegExp(`^\\d\\d:\\d\\d:\\d\\d ✓ Completed in ${time}`)],
	// Starlight's Pagefind run, or the registry's (src/search/integration.ts), which replaces it.
	['pagefind', new RegExp(`(?:Finished building search index|pages for search) in ${time}`)],
	['total', new RegExp(`\\[build\\] \\d+ page\\(s\\) built in ${time}`)],
];

/**
 * Reads the durations Astro prints: `sync` (content layer and types), `collect` (build info),
 * `vite` (bundling, summed over server and client), `pages` (rendering every route),
 * `static` (bundling + rendering), `pagefind`, and `total`.
 */
export function parsePhases(log: string): Record<string, number> {
	const phases: Record<string, number> = {};
	for (const raw of log.split('\n')) {
		const line = raw.replace(ansi, '');
		for (const [name, pattern] of phasePatterns) {
			const match = pattern.exec(line);
			const ms = duration(match?.[1], match?.[2]);
			if (ms === undefined) continue;
			if (name === 'vite') phases.vite = (phases.vite ?? 0) + ms;
			// Astro prints "[build] ✓ Completed" after collecting build info, then after the static build.
			else if (name === 'build') phases[phases.collect === undefined ? 'collect' : 'static'] = ms;
			else phases[name] = ms;
		}
	}
	return phases;
}

/** The URL segments of every kind, as one alternation for the route groups. */
const segments = kinds.map((kind) => kind.segment).join('|');
const indexPages = new RegExp(`^/registre/(${segments})/page/`);
const indexFirst = new RegExp(`^/registre/(${segments})/index\\.html$`);
const indexJson = new RegExp(`^/registre/(${segments})/index\\.json$`);
const entryPage = new RegExp(`^/registre/(${segments})/[^/]+/index\\.html$`);

/** Which group a built path belongs to, for the per-route time summary; entries by kind. */
export function routeGroup(path: string): string {
	const bare = path.replace(/^\/en\//, '/');
	if (indexPages.test(bare)) return 'index pages 2+';
	if (indexFirst.test(bare)) return 'index page 1';
	if (indexJson.test(bare)) return 'index.json';
	const entry = entryPage.exec(bare);
	if (entry) return `entries ${entry[1]}`;
	if (/\.(json|csv|atom|xml)$/.test(bare)) return 'open data';
	return 'other pages';
}

/** Sums Astro's `├─ /path (+12ms)` lines by route group. */
export function parseRoutes(log: string): Record<string, { pages: number; ms: number }> {
	const routes: Record<string, { pages: number; ms: number }> = {};
	for (const raw of log.split('\n')) {
		const match = /[├└]─ (\S+) \(\+([\d.]+)(ms|s)\)/.exec(raw.replace(ansi, ''));
		const path = match?.[1];
		const ms = duration(match?.[2], match?.[3]);
		if (path === undefined || ms === undefined) continue;
		const sum = (routes[routeGroup(path)] ??= { pages: 0, ms: 0 });
		sum.pages++;
		sum.ms += ms;
	}
	return routes;
}
