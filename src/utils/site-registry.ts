import type { RegistryHistory } from '../registry/history.ts';
import type { Vocabularies } from '../registry/vocabularies.ts';
import { usedBy as computeUsedBy } from '../registry/used-by.ts';
import type { AiModel, AiSystem, Text } from '../registry/schemas/index.ts';

/** An entry as the site shows it: id, validated data, MDX body and absolute file path. */
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

/** Indexes the entries of a registry for the site: by id, and models by the systems that use them. */
export function createSiteRegistry(parts: {
	systems: SiteEntry<AiSystem>[];
	models: SiteEntry<AiModel>[];
	vocabularies: Vocabularies;
	history: RegistryHistory;
}): SiteRegistry {
	const { systems, models } = parts;
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
		...parts,
		systemsById,
		modelsById: new Map(models.map((entry) => [entry.id, entry])),
		usedBy,
	};
}
