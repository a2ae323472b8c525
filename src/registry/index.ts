/**
 * The registry's domain core, free of any framework: schemas, loading, validation, and what is
 * derived from the schemas (JSON Schema, structured output, field reference).
 */
export * from './schemas/index.ts';
export * from './problems.ts';
export * from './entry-file.ts';
export * from './vocabularies.ts';
export * from './load.ts';
export * from './schema-fields.ts';
export { issueMessage, schemaIssueProblem } from './schema-issues.ts';
export { languageNames, otherLanguage, textIssues } from './texts.ts';
export * from './body.ts';
export * from './check.ts';
export * from './used-by.ts';
export * from './json-schema.ts';
export * from './structured-output.ts';
export * from './field-reference.ts';
export * from './report.ts';
