import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Builds the site once into `dist/` before the build-and-inspect and browser tests. */
export default function buildSite() {
	if (process.env.SKIP_BUILD === '1' && existsSync('dist/index.html')) return;
	execFileSync('npx', ['astro', 'build'], { stdio: 'inherit' });
}
