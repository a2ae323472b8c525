export * from './field.ts';
export * from './shared.ts';
export * from './model.ts';
export * from './system.ts';
export * from './dataset.ts';
export * from './processing-record.ts';
export * from './software.ts';
export * from './vocabulary.ts';

/**
 * Version of the registry data model, published with the open data. Bump on breaking changes:
 * 2.0.0, a model's `name` and `provider` became texts in both languages.
 */
export const schemaVersion = '2.0.0';
