import { schemaVersion, type EntryData } from '../schemas/index.ts';

/** The whole registry as published in `registry.json`. */
export interface RegistryDocument {
	schemaVersion: string;
	generatedAt: string;
	systems: EntryData<'systems'>[];
	models: EntryData<'models'>[];
}

/** Builds `registry.json`: every entry of both kinds, sorted by id, with the schema version. */
export function registryDocument(
	systems: readonly EntryData<'systems'>[],
	models: readonly EntryData<'models'>[],
	generatedAt: Date = new Date(),
): RegistryDocument {
	const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
	return {
		schemaVersion,
		generatedAt: generatedAt.toISOString(),
		systems: [...systems].sort(byId),
		models: [...models].sort(byId),
	};
}
