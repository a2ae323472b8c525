/**
 * Issue labels both jobs read. (The registry forms' labels come with each kind's descriptor in
 * src/registry/kinds/; the labels only the publishing job sets are its own.)
 */

/** Labels a maintainer can put on an issue to have it drafted without AI. */
export const noAiLabels: readonly string[] = ['no-ai-draft', 'no-ai'];
