/**
 * `npm run bench -- validator [--entries N] [--rounds N] [--reuse]`: times `registry check` over
 * a registry of real records (the Dutch algorithm register, converted by
 * `tests/fixtures/nl-registry.ts` into every kind, in its mix) against merely reading the same
 * files and parsing their front matter, in the same run, rounds interleaved. The ratio of the medians is what compares across
 * runs: these machines are small and shared. Everything it writes is under `.bench/`.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { median } from './median.ts';
import { checkRegistry } from '../../src/registry/check.ts';
import { readKindFiles } from '../../src/registry/load.ts';
import { entryKinds } from '../../src/registry/kinds/index.ts';
import { buildNlRegistry, nlMixText } from '../../tests/fixtures/nl-registry.ts';

const projectRoot = resolve(import.meta.dirname, '..', '..');

/** The goal of issue 16: checking costs at most 1.25× reading and parsing, with every kind. */
export const goal = 1.25;

const frontMatter = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** The baseline: read every entry file and parse its YAML front matter, nothing more. */
async function readAndParse(dir: string): Promise<number> {
	let parsed = 0;
	for (const kind of entryKinds) {
		for (const file of await readKindFiles(dir, kind)) {
			const yaml = frontMatter.exec(file.text)?.[1] ?? '';
			if (parse(yaml) !== undefined) parsed++;
		}
	}
	return parsed;
}

/** A measured run: wall-clock and CPU milliseconds (user + system, all threads of the process). */
interface Timing {
	wall: number;
	cpu: number;
}

/** Times a task, and returns its result. */
async function timed<T>(task: () => Promise<T>): Promise<Timing & { result: T }> {
	const cpuStart = process.cpuUsage();
	const start = process.hrtime.bigint();
	const result = await task();
	const wall = Number(process.hrtime.bigint() - start) / 1e6;
	const cpu = process.cpuUsage(cpuStart);
	return { wall, cpu: (cpu.user + cpu.system) / 1000, result };
}

/** Runs the benchmark with command-line arguments (after `--`). */
export async function run(argv: string[]): Promise<void> {
	const { values } = parseArgs({
		args: argv,
		options: {
			entries: { type: 'string', default: '10000' },
			rounds: { type: 'string', default: '5' },
			reuse: { type: 'boolean', default: false },
		},
	});
	const entries = Number(values.entries);
	const rounds = Number(values.rounds);
	if (!Number.isInteger(entries) || entries < entryKinds.length)
		throw new Error(`bad --entries: ${values.entries}`);
	if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`bad --rounds: ${values.rounds}`);
	// The converter reads the project's vocabularies relative to the working directory.
	process.chdir(projectRoot);
	const dir = join('.bench', 'validator', `registry-${entries}`);
	// A registry left by an older converter (without every kind) is built again.
	const complete = entryKinds.every((kind) => existsSync(join(dir, kind)));
	if (!values.reuse || !complete) {
		const built = await timed(async () => buildNlRegistry(dir, entries));
		const { entries: counts, bodies } = built.result;
		const list = entryKinds.map((kind) => `${counts[kind]} ${kind}`).join(', ');
		console.log(
			`validator: built ${list} (mix ${nlMixText}; ${bodies} with a body) in ${dir} in ${(built.wall / 1000).toFixed(1)} s`,
		);
	}
	// One untimed round of each warms the file cache and the JIT.
	const files = await readAndParse(dir);
	const problems = await checkRegistry(dir);
	if (problems.length > 0) {
		throw new Error(
			`the benchmark registry has ${problems.length} problem(s), first: ${JSON.stringify(problems[0])}`,
		);
	}
	const baseline: Timing[] = [];
	const check: Timing[] = [];
	for (let round = 0; round < rounds; round++) {
		baseline.push(await timed(() => readAndParse(dir)));
		check.push(await timed(() => checkRegistry(dir)));
	}
	const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
	const line = (label: string, runs: Timing[]) =>
		`- ${label} CPU ${seconds(median(runs.map((r) => r.cpu)))}, wall ${seconds(median(runs.map((r) => r.wall)))} (wall of each round: ${runs.map((r) => seconds(r.wall)).join(', ')})`;
	// CPU time is the figure that compares: on a shared machine, wall time mostly measures the
	// neighbours. Both are printed.
	const cpuRatio = median(check.map((r) => r.cpu)) / median(baseline.map((r) => r.cpu));
	const wallRatio = median(check.map((r) => r.wall)) / median(baseline.map((r) => r.wall));
	const machine = `${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 1024 ** 2)} MB RAM, Node ${process.version}`;
	console.log(
		[
			`validator: ${files} entry files, ${rounds} interleaved rounds, medians:`,
			line('read + parse front matter:', baseline),
			line('registry check:           ', check),
			`- check throughput: ${Math.round(files / (median(check.map((r) => r.cpu)) / 1000))} entries per CPU second`,
			`- ratio check / read+parse: CPU ${cpuRatio.toFixed(2)}, wall ${wallRatio.toFixed(2)} (goal ≤ ${goal.toFixed(2)}): ${cpuRatio <= goal ? 'pass' : 'FAIL'}`,
			`Machine: ${machine}; load average ${loadavg()
				.map((n) => n.toFixed(1))
				.join(', ')}.`,
		].join('\n'),
	);
}

if (import.meta.main) await run(process.argv.slice(2));
