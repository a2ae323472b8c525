/**
 * Issue labels both jobs read. (The registry forms' labels come with each kind's descriptor in
 * src/registry/kinds/; the labels only the publishing job sets are its own.)
 */

/** Labels a maintainer can put on an issue to have it drafted without AI. */
export const noAiLabels: readonly string[] = ['no-ai-draft', 'no-ai'];

/**
 * Labels of the forms that correct an existing entry rather than declare one: "report an error in
 * this entry" and "update an entry". Like the kinds' forms' labels, they start with `registry: `,
 * which is what the drafting workflow filters on.
 */
export const correctionFormLabels = {
	'entry-error': 'registry: error report',
	'entry-update': 'registry: update',
} as const;
