/**
 * Child process of the site benchmark: one cold `astro build` of a project, with its own output
 * and cache folders so it never touches `dist/` or `node_modules/.astro` of the working tree.
 * Usage: `node scripts/bench/site/build-child.ts <root> <outDir> <cacheDir>` (run in `<root>`).
 * Prints one `BENCH_RESULT {json}` line: in-process build time, peak RSS and CPU time of this process.
 */
import { build } from 'astro';

const [root, outDir, cacheDir] = process.argv.slice(2);
if (!root || !outDir || !cacheDir) {
	console.error('usage: build-child.ts <root> <outDir> <cacheDir>');
	process.exit(2);
}
const started = performance.now();
await build({ root, outDir, cacheDir, force: true, logLevel: 'info' });
const usage = process.resourceUsage();
const result = {
	ms: performance.now() - started,
	maxRssKb: usage.maxRSS,
	cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
};
console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
// Vite or pagefind may leave handles open; the build is done.
process.exit(0);
