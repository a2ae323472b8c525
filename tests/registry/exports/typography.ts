import type { z } from 'zod';
import { schemaFields } from '../../../src/registry/schema-fields.ts';
import { entryKinds, entrySchemas } from '../../../src/registry/kinds/index.ts';

/** The French labels and help texts of the schemas' fields, which the exports quote as they are. */
const schemaDocs = entryKinds
	.flatMap((kind) => schemaFields(entrySchemas[kind] as unknown as z.ZodObject))
	.flatMap((field) => (field.doc ? [field.doc.label.fr, field.doc.help.fr] : []))
	.filter((text) => text.length > 0)
	.map((text) => text.toLowerCase())
	.sort((a, b) => b.length - a.length);

/**
 * The French texts, among those given, in which the export itself (not a field's documentation it
 * quotes, checked where it is written) puts a plain space before `:`, `;`, `?` or `!`, where French
 * typography puts a non-breaking one (U+00A0).
 */
export function plainSpaceBeforePunctuation(texts: readonly string[]): string[] {
	return texts.filter((text) => {
		let own = text.toLowerCase();
		for (const doc of schemaDocs) own = own.replaceAll(doc, '…');
		return / [:;?!]/.test(own);
	});
}
