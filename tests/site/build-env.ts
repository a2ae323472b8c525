/**
 * The environment of a production build started from a test: Vitest's workers carry Vite's own
 * variables (`MODE=test`, `DEV`, `BASE_URL=/`…), which Astro would take for the build's and, for
 * one, serve a sub-path site's links from the root. Without them, with `NODE_ENV=production`.
 */
export function productionBuildEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const vite = /^(VITEST.*|TEST|MODE|DEV|PROD|SSR|BASE_URL|NODE_ENV)$/;
	const kept = Object.entries(process.env).filter(([name]) => !vite.test(name));
	return { ...Object.fromEntries(kept), NODE_ENV: 'production', ...extra };
}
