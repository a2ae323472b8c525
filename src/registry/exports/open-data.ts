import { schemaVersion, type EntryData } from '../schemas/index.ts';
import type { Publisher, PublishedLicence } from './publisher.ts';

/** The whole registry as published in `registry.json`. */
export interface RegistryDocument {
	schemaVersion: string;
	generatedAt: string;
	publisher: Publisher;
	licence: PublishedLicence;
	systems: EntryData<'systems'>[];
	models: EntryData<'models'>[];
}

/** Who publishes the registry and under which licence, as `registry.json` states it. */
export interface RegistryDocumentOptions {
	publisher: Publisher;
	licence: PublishedLicence;
	generatedAt?: Date;
}

/** Builds `registry.json`: every entry of both kinds, sorted by id, with the schema version. */
export function registryDocument(
	systems: readonly EntryData<'systems'>[],
	models: readonly EntryData<'models'>[],
	options: RegistryDocumentOptions,
): RegistryDocument {
	const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
	return {
		schemaVersion,
		generatedAt: (options.generatedAt ?? new Date()).toISOString(),
		publisher: options.publisher,
		licence: options.licence,
		systems: [...systems].sort(byId),
		models: [...models].sort(byId),
	};
}
