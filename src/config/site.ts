import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SiteConfig } from './schema.ts';

/**
 * The kit's sample (the fictional Métropole de Clairval): its configuration and registry, shown
 * until the organisation has its own, and never merged into it (see the upgrade guide).
 */
export const sampleDir = resolve('examples/clairval');

/**
 * Folder the site publishes: `REGISTRY_DIR` when set (benchmarks, variants), else the
 * organisation's `registry/`, else the sample's. Relative to the working folder, where every
 * build and command runs (bundled pages no longer know where their source was).
 */
export const registryDir = resolve(
	process.env['REGISTRY_DIR'] ??
		(existsSync('registry') ? 'registry' : join(sampleDir, 'registry')),
);

/** The published site's address, its base path included, ending with `/`. */
export function siteAddress(site: Pick<SiteConfig['site'], 'url' | 'base'>): string {
	return new URL(`${site.base ?? ''}/`.replace(/\/+$/, '/'), site.url).href;
}

/** Who reviews the registry (CODEOWNERS, review reminders): the maintainers, else the owner. */
export function maintainersOf(repository: SiteConfig['repository']): string {
	return repository.maintainers ?? `@${repository.owner}`;
}

/** Address of the site's repository on GitHub, or of a page of it (`/issues/new`). */
export function repositoryUrl(repository: SiteConfig['repository'], path = ''): string {
	return `https://github.com/${repository.owner}/${repository.name}${path}`;
}
