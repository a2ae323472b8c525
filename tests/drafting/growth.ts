/**
 * How the time of a task grows with its input, measured in one test so the machine's speed
 * cancels out: the ratio of the time at 8n to the time at n is about 8 for linear work and 64 for
 * quadratic work. Each time is the best of several samples, each long enough to be read
 * reliably, so a pause of the machine does not make a linear task look quadratic.
 */

/** Growth factor of the input between the two measurements. */
export const factor = 8;

/** Above this ratio at 8× the input, the work is taken for super-linear (linear ≈ 8, n² ≈ 64). */
export const linearBound = 24;

/**
 * Seconds per run of `task`, the best of `samples` samples of at least `minMs` each; a task slow
 * enough to be read in one run (a super-linear one, say) is sampled for about a second only.
 */
function secondsPerRun(task: () => unknown, samples = 5, minMs = 10): number {
	let best = Infinity;
	const started = performance.now();
	for (let sample = 0; sample < samples && performance.now() - started < 1000; sample++) {
		let runs = 0;
		let elapsed: number;
		const start = performance.now();
		do {
			task();
			runs++;
			elapsed = performance.now() - start;
		} while (elapsed < minMs);
		best = Math.min(best, elapsed / runs);
	}
	return best / 1000;
}

/** Time at `factor`·n over time at n, for a task built from an input size. */
export function growth(taskFor: (size: number) => () => unknown, n: number): number {
	const small = taskFor(n);
	const large = taskFor(n * factor);
	// Untimed runs first, so the JIT has compiled the code and the regexes before timing.
	for (let run = 0; run < 3; run++) small();
	return secondsPerRun(large) / secondsPerRun(small);
}
