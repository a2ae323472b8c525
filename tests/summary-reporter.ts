import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, after Vitest's own summary,
 * so that any CI reading the last line knows what ran.
 */
export default class SummaryReporter implements Reporter {
	onTestRunEnd(testModules: readonly TestModule[]) {
		const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
		for (const testModule of testModules) {
			for (const test of testModule.children.allTests()) counts[test.result().state]++;
		}
		process.stdout.write(
			`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
		);
	}
}
