import { resolve } from 'node:path';
import type { SiteConfig } from './schema.ts';

/** Folder the site publishes: `REGISTRY_DIR` when set (benchmarks, adopters), else `registry/`. */
export const registryDir = resolve(process.env['REGISTRY_DIR'] ?? 'registry');

/** Address of the site's repository on GitHub, or of a page of it (`/issues/new`). */
export function repositoryUrl(repository: SiteConfig['repository'], path = ''): string {
	return `https://github.com/${repository.owner}/${repository.name}${path}`;
}
