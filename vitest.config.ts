import { defineConfig } from 'vitest/config';

/**
 * Projects: fast unit tests mirroring `src/`; build-and-inspect and real-browser tests, which share
 * one build made by `tests/site/build.setup.ts`; and the spreadsheet tests, which need LibreOffice.
 */
export default defineConfig({
	test: {
		reporters: ['default', './tests/summary-reporter.ts'],
		projects: [
			{
				test: {
					name: 'unit',
					include: ['tests/**/*.test.ts'],
					exclude: ['tests/site/**', 'tests/browser/**', 'tests/spreadsheet/**'],
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
			{
				// Needs LibreOffice, a system program: run by `npm run test:spreadsheet` (and .ci/run),
				// not by `npm test`, which needs npm alone.
				test: {
					name: 'spreadsheet',
					include: ['tests/spreadsheet/**/*.test.ts'],
					testTimeout: 180_000,
				},
			},
		],
	},
});
