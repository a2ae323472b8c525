import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { sampleEnv } from '../../vitest.config.ts';

/** Builds the site once into `dist/` before the build-and-inspect and browser tests. */
export default function buildSite() {
	if (process.env.SKIP_BUILD === '1' && existsSync('dist/index.html')) return;
	// Vitest sets NODE_ENV=test, which Astro would carry into the pages as a non-production build
	// (Starlight then replaces search with a "production only" notice): build as `npm run build` does.
	execFileSync('npx', ['astro', 'build'], {
		stdio: 'inherit',
		// On the kit's sample, like every test of the kit (vitest.config.ts).
		env: { ...process.env, ...sampleEnv, NODE_ENV: 'production' },
	});
}
