import { getCollection } from 'astro:content';
import { resolve } from 'node:path';
import { registryDir } from '../loaders/registry.ts';
import { readRegistryHistory, type RegistryHistory } from '../registry/history.ts';
import { loadVocabularies, type Vocabularies } from '../registry/vocabularies.ts';
import { usedBy as computeUsedBy } from '../registry/used-by.ts';
import type { AiModel, AiSystem, Text } from '../registry/schemas/index.ts';

/** An entry as the site reads it from its content collection (`filePath` absolute). */
export interface SiteEntry<D> {
	id: string;
	data: D;
	body: string;
	filePath: string;
}

/** Everything the registry pages need, computed once per build rather than once per page. */
export interface SiteRegistry {
	systems: SiteEntry<AiSystem>[];
	models: SiteEntry<AiModel>[];
	systemsById: Map<string, SiteEntry<AiSystem>>;
	modelsById: Map<string, SiteEntry<AiModel>>;
	/** For each model id, the systems that use it and how. */
	usedBy: Map<string, { system: SiteEntry<AiSystem>; usage: Text }[]>;
	vocabularies: Vocabularies;
	history: RegistryHistory;
}

let pending: Promise<SiteRegistry> | undefined;

/** Loads the registry collections, vocabularies and git history once for the whole build. */
export function getSiteRegistry(): Promise<SiteRegistry> {
	pending ??= (async () => {
		const [systemEntries, modelEntries, { vocabularies }, history] = await Promise.all([
			getCollection('systems'),
			getCollection('models'),
			loadVocabularies(registryDir),
			readRegistryHistory(registryDir),
		]);
		const systems = systemEntries.map(toSiteEntry<AiSystem>);
		const models = modelEntries.map(toSiteEntry<AiModel>);
		const systemsById = new Map(systems.map((entry) => [entry.id, entry]));
		const usedBy: SiteRegistry['usedBy'] = new Map(
			[...computeUsedBy({ systems })].map(([model, uses]) => [
				model,
				uses.map(({ system, usage }) => ({
					system: systemsById.get(system) as SiteEntry<AiSystem>,
					usage,
				})),
			]),
		);
		return {
			systems,
			models,
			systemsById,
			modelsById: new Map(models.map((entry) => [entry.id, entry])),
			usedBy,
			vocabularies,
			history,
		};
	})();
	return pending;
}

function toSiteEntry<D>(entry: { id: string; data: unknown; body?: string; filePath?: string }) {
	return {
		id: entry.id,
		data: entry.data as D,
		body: entry.body ?? '',
		filePath: resolve(entry.filePath ?? ''),
	};
}
