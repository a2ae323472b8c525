import { defineConfig } from 'vitest/config';
import { configFilePlugin } from './src/config/vite-plugin.ts';

/**
 * Projects: fast unit tests mirroring `src/`; build-and-inspect and real-browser tests, which share
 * one build made by `tests/site/build.setup.ts`; and the spreadsheet tests, which need LibreOffice.
 */
/**
 * The kit's own tests run on the kit's sample (`examples/clairval/`), never on the organisation's
 * configuration and registry: an adopter's CI stays green whatever they publish.
 */
export const sampleEnv = {
	REGISTRY_DIR: 'examples/clairval/registry',
	REGISTRE_CONFIG: 'examples/clairval/registre.config.yml',
};

/** What every project shares: the sample's environment and configuration file. */
const onSample = { plugins: [configFilePlugin(sampleEnv.REGISTRE_CONFIG)] };

export default defineConfig({
	test: {
		reporters: ['default', './tests/summary-reporter.ts'],
		projects: [
			{
				...onSample,
				test: {
					env: sampleEnv,
					name: 'unit',
					include: ['tests/**/*.test.ts'],
					exclude: ['tests/site/**', 'tests/browser/**', 'tests/spreadsheet/**'],
				},
			},
			{
				...onSample,
				test: {
					env: sampleEnv,
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
				...onSample,
				test: {
					env: sampleEnv,
					name: 'spreadsheet',
					include: ['tests/spreadsheet/**/*.test.ts'],
					testTimeout: 180_000,
				},
			},
		],
	},
});
