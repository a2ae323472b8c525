/**
 * `npm run bench` runs every benchmark; `npm run bench -- <name> [options]` runs one.
 * Each benchmark is a module under `scripts/bench/` that exports `run(argv)`.
 */
/** Benchmark names and their modules. */
export const benchmarks: Record<string, string> = {
	site: './bench/site-build.ts',
	'drafting-input': './bench/drafting-input.ts',
	validator: './bench/validator.ts',
};

const [chosen, ...argv] = process.argv.slice(2);
const names = chosen === undefined ? Object.keys(benchmarks) : [chosen];
for (const benchmark of names) {
	const path = benchmarks[benchmark];
	if (!path) {
		console.error(`unknown benchmark "${benchmark}"; known: ${Object.keys(benchmarks).join(', ')}`);
		process.exit(2);
	}
	const module = (await import(path)) as { run(argv: string[]): Promise<void> };
	await module.run(chosen === undefined ? [] : argv);
}
