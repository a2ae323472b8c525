export * from './field.ts';
export * from './shared.ts';
export * from './model.ts';
export * from './system.ts';
export * from './dataset.ts';
export * from './processing-record.ts';
export * from './software.ts';
export * from './vocabulary.ts';

/** Version of the registry data model, published with the open data. Bump on breaking changes. */
export const schemaVersion = '1.0.0';
