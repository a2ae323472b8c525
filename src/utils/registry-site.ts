import { getCollection } from 'astro:content';
import { resolve } from 'node:path';
import { registryDir } from '../loaders/registry.ts';
import { readRegistryHistory } from '../registry/history.ts';
import { loadVocabularies } from '../registry/vocabularies.ts';
import type { AiModel, AiSystem } from '../registry/schemas/index.ts';
import { createSiteRegistry, type SiteEntry, type SiteRegistry } from './site-registry.ts';

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
	const [systems, models, { vocabularies }, history] = await Promise.all([
		getCollection('systems'),
		getCollection('models'),
		loadVocabularies(registryDir),
		readRegistryHistory(registryDir),
	]);
	return createSiteRegistry({
		systems: systems.map(toSiteEntry<AiSystem>),
		models: models.map(toSiteEntry<AiModel>),
		vocabularies,
		history,
	});
}

function toSiteEntry<D>(entry: {
	id: string;
	data: unknown;
	body?: string;
	filePath?: string;
}): SiteEntry<D> {
	return {
		id: entry.id,
		data: entry.data as D,
		body: entry.body ?? '',
		filePath: resolve(entry.filePath ?? ''),
	};
}
