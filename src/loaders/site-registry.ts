import { getCollection } from 'astro:content';
import { resolve } from 'node:path';
import { registryDir } from '../config/site.ts';
import { readRegistryHistory } from '../registry/history.ts';
import { loadVocabularies } from '../registry/vocabularies.ts';
import { entryKinds } from '../registry/kinds/index.ts';
import {
	createSiteRegistry,
	type SiteEntries,
	type SiteEntry,
	type SiteRegistry,
} from '../utils/site-registry.ts';

let pending: Promise<SiteRegistry> | undefined;

/** Loads the registry collections, vocabularies and git history once for the whole build. */
export function getSiteRegistry(): Promise<SiteRegistry> {
	// In `astro dev` the collections follow the registry's files (src/loaders/registry.ts): read
	// them afresh for every page rather than keep the first version.
	if (import.meta.env.DEV) return readSiteRegistry();
	pending ??= readSiteRegistry();
	return pending;
}

async function readSiteRegistry(): Promise<SiteRegistry> {
	const [collections, { vocabularies }, history] = await Promise.all([
		// One collection per kind, named after it (src/content.config.ts).
		Promise.all(entryKinds.map((kind) => getCollection(kind as 'docs'))),
		loadVocabularies(registryDir),
		readRegistryHistory(registryDir),
	]);
	const entries = Object.fromEntries(
		entryKinds.map((kind, index) => [kind, (collections[index] ?? []).map(toSiteEntry)]),
	) as unknown as SiteEntries;
	return createSiteRegistry({ entries, vocabularies, history });
}

function toSiteEntry(entry: {
	id: string;
	data: unknown;
	body?: string;
	filePath?: string;
}): SiteEntry {
	return {
		id: entry.id,
		data: entry.data as SiteEntry['data'],
		body: entry.body ?? '',
		filePath: resolve(entry.filePath ?? ''),
	};
}
