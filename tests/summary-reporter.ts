import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/** The closing counts of a run. */
export interface RunCounts {
	passed: number;
	failed: number;
	skipped: number;
	pending: number;
}

/**
 * Counts a run's tests. A file that failed to load, or whose `beforeAll`/`afterAll` hooks threw,
 * carries errors of its own and its tests never ran: they count as failed (at least one per such
 * file), as do errors thrown outside any test, so that a broken suite never reads as "0 failed".
 */
export function countRun(
	testModules: readonly TestModule[],
	unhandledErrors: readonly SerializedError[] = [],
): RunCounts {
	const counts: RunCounts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
	for (const testModule of testModules) {
		const broken =
			testModule.errors().length > 0 ||
			[...testModule.children.allSuites()].some((suite) => suite.errors().length > 0);
		let failedHere = 0;
		for (const test of testModule.children.allTests()) {
			const state = test.result().state;
			const counted = broken && state !== 'passed' ? 'failed' : state;
			counts[counted]++;
			if (counted === 'failed') failedHere++;
		}
		if (broken && failedHere === 0) counts.failed++;
	}
	counts.failed += unhandledErrors.length;
	return counts;
}

/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, after Vitest's own summary,
 * so that any CI reading the last line knows what ran.
 */
export default class SummaryReporter implements Reporter {
	onTestRunEnd(testModules: readonly TestModule[], unhandledErrors: readonly SerializedError[]) {
		const counts = countRun(testModules, unhandledErrors);
		process.stdout.write(
			`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
		);
	}
}
