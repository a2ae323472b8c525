import type { RegistryHistory } from '../registry/history.ts';
import type { Vocabularies } from '../registry/vocabularies.ts';
import { entryKey, referencesTo, type Reference } from '../registry/references.ts';
import { entryKinds, type EntryData, type EntryKind } from '../registry/kinds/index.ts';

/** An entry as the site shows it: id, validated data, MDX body and absolute file path. */
export interface SiteEntry<D = EntryData> {
	id: string;
	data: D;
	body: string;
	filePath: string;
}

/** The entries of every kind, one list per kind. */
export type SiteEntries = { [K in EntryKind]: SiteEntry<EntryData<K>>[] };

/** Everything the registry pages need, computed once per build rather than once per page. */
export interface SiteRegistry {
	entries: SiteEntries;
	/** The entries of each kind by id. */
	byId: { [K in EntryKind]: Map<string, SiteEntry<EntryData<K>>> };
	/** For each entry (`kind/id`), the entries that name it, and how. */
	referencedBy: Map<string, Reference[]>;
	vocabularies: Vocabularies;
	history: RegistryHistory;
}

/** Indexes the entries of a registry for the site: by id, and by the entries that name them. */
export function createSiteRegistry(parts: {
	entries: SiteEntries;
	vocabularies: Vocabularies;
	history: RegistryHistory;
}): SiteRegistry {
	const byId = Object.fromEntries(
		entryKinds.map((kind) => [
			kind,
			new Map(parts.entries[kind].map((entry) => [entry.id, entry])),
		]),
	) as unknown as SiteRegistry['byId'];
	return { ...parts, byId, referencedBy: referencesTo(parts.entries) };
}

/** The entry of a kind with an id, if the registry has it. */
export function siteEntry(
	registry: SiteRegistry,
	kind: EntryKind,
	id: string,
): SiteEntry | undefined {
	return (registry.byId[kind] as Map<string, SiteEntry>).get(id);
}

/** The entries of a kind, typed for code that handles every kind alike. */
export function siteEntries(registry: SiteRegistry, kind: EntryKind): SiteEntry[] {
	return registry.entries[kind] as SiteEntry[];
}

/** The entries that name an entry, in the order of their kinds and ids. */
export function referencesOf(registry: SiteRegistry, kind: EntryKind, id: string): Reference[] {
	return registry.referencedBy.get(entryKey(kind, id)) ?? [];
}
