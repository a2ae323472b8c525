import { resolve } from 'node:path';
import { registryDir } from '../../src/config/site.ts';
import type { Change, RegistryHistory } from '../../src/registry/history.ts';
import { entryKinds } from '../../src/registry/kinds/index.ts';
import { loadRegistry, type Registry } from '../../src/registry/load.ts';
import {
	createSiteRegistry,
	type SiteEntries,
	type SiteRegistry,
} from '../../src/utils/site-registry.ts';

/** The project's sample registry as the site sees it, with a history given by the test. */
export async function sampleSite(
	history = new Map<string, Change[]>(),
	dir = registryDir,
): Promise<SiteRegistry> {
	return siteRegistryOf(await loadRegistry(dir), history);
}

/** A loaded registry as the site sees it, with a history given by the test. */
export function siteRegistryOf(
	registry: Registry,
	history = new Map<string, Change[]>(),
): SiteRegistry {
	const entries = Object.fromEntries(
		entryKinds.map((kind) => [
			kind,
			registry[kind].map((entry) => ({
				id: entry.id,
				data: entry.data,
				body: entry.file.body,
				filePath: resolve(entry.file.path),
			})),
		]),
	) as unknown as SiteEntries;
	const changes: RegistryHistory = { changes: history, partial: false };
	return createSiteRegistry({ entries, vocabularies: registry.vocabularies, history: changes });
}
