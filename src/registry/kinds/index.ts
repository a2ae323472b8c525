import type { z } from 'zod';
import type { KindDescriptor } from './descriptor.ts';
import { datasets } from './datasets.ts';
import { models } from './models.ts';
import { processingRecords } from './processing-records.ts';
import { software } from './software.ts';
import { systems } from './systems.ts';

export type * from './descriptor.ts';

/** Every kind of registry entry, in display order. The one list to extend with a new kind. */
export const kinds = [systems, models, datasets, processingRecords, software] as const;

/** A kind of registry entry, named after its folder. */
export type EntryKind = (typeof kinds)[number]['name'];

type KindNamed<K extends EntryKind> = Extract<(typeof kinds)[number], { name: K }>;

/** The data of an entry of a given kind. */
export type EntryData<K extends EntryKind = EntryKind> = z.infer<KindNamed<K>['schema']>;

/** The kind listed first: the registry's landing page. */
export const firstKind: EntryKind = kinds[0].name;

/** The names of every kind, in display order. */
export const entryKinds: readonly EntryKind[] = kinds.map((kind) => kind.name);

/** The schema of each kind, by name. */
export const entrySchemas = Object.fromEntries(kinds.map((kind) => [kind.name, kind.schema])) as {
	[K in EntryKind]: KindNamed<K>['schema'];
};

const byName = new Map<string, KindDescriptor>(kinds.map((kind) => [kind.name, kind]));

/** The descriptor of a kind. */
export function kindOf(name: EntryKind): KindDescriptor {
	return byName.get(name) as KindDescriptor;
}

/** Tells a kind's name from any other string (a folder, a label, a URL segment). */
export function isEntryKind(value: unknown): value is EntryKind {
	return typeof value === 'string' && byName.has(value);
}

/** The kind a field refers to, from its documentation; throws when it names no kind. */
export function referencedKind(doc: { references?: string } | undefined): EntryKind | undefined {
	const name = doc?.references;
	if (name === undefined) return undefined;
	if (!isEntryKind(name)) {
		throw new Error(`a field refers to "${name}", which is not a kind (${entryKinds.join(', ')})`);
	}
	return name;
}
