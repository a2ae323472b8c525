import { defineConfig } from 'vitest/config';

/**
 * Three projects: fast unit tests mirroring `src/`, build-and-inspect tests over `dist/`,
 * and real-browser tests. The last two share one build made by `tests/site/build.setup.ts`.
 */
export default defineConfig({
	test: {
		reporters: ['default', './tests/summary-reporter.ts'],
		projects: [
			{
				test: {
					name: 'unit',
					include: ['tests/**/*.test.ts'],
					exclude: ['tests/site/**', 'tests/browser/**'],
				},
			},
			{
				test: {
					name: 'site',
					include: ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'],
					globalSetup: ['tests/site/build.setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 600_000,
					fileParallelism: false,
				},
			},
		],
	},
});
