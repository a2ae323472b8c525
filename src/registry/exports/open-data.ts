import { schemaVersion } from '../schemas/index.ts';
import { entryKinds, type EntryData, type EntryKind } from '../kinds/index.ts';
import type { Publisher, PublishedLicence } from './publisher.ts';

/** The whole registry as published in `registry.json`: its entries under each kind's name. */
export type RegistryDocument = { [K in EntryKind]: EntryData<K>[] } & {
	schemaVersion: string;
	generatedAt: string;
	publisher: Publisher;
	licence: PublishedLicence;
};

/** Who publishes the registry and under which licence, as `registry.json` states it. */
export interface RegistryDocumentOptions {
	publisher: Publisher;
	licence: PublishedLicence;
	generatedAt?: Date;
}

/** Builds `registry.json`: every entry of every kind, sorted by id, with the schema version. */
export function registryDocument(
	entries: { readonly [K in EntryKind]?: readonly EntryData<K>[] },
	options: RegistryDocumentOptions,
): RegistryDocument {
	const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
	return {
		schemaVersion,
		generatedAt: (options.generatedAt ?? new Date()).toISOString(),
		publisher: options.publisher,
		licence: options.licence,
		...(Object.fromEntries(
			entryKinds.map((kind) => [kind, [...(entries[kind] ?? [])].sort(byId)]),
		) as { [K in EntryKind]: EntryData<K>[] }),
	};
}
