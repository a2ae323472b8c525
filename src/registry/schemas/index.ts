import type { z } from 'zod';
import { ModelSchema } from './model.ts';
import { SystemSchema } from './system.ts';

export * from './field.ts';
export * from './shared.ts';
export * from './model.ts';
export * from './system.ts';
export * from './dataset.ts';
export * from './processing-record.ts';
export * from './software.ts';
export * from './vocabulary.ts';

/** The schema of each kind of registry entry, keyed by its folder in `registry/`. */
export const entrySchemas = { systems: SystemSchema, models: ModelSchema } as const;

/** A kind of registry entry, named after its folder. */
export type EntryKind = keyof typeof entrySchemas;

/** Every kind of entry, in display order. */
export const entryKinds = Object.keys(entrySchemas) as EntryKind[];

/** The data of an entry of a given kind. */
export type EntryData<K extends EntryKind = EntryKind> = z.infer<(typeof entrySchemas)[K]>;

/** Version of the registry data model, published with the open data. Bump on breaking changes. */
export const schemaVersion = '1.0.0';
