import type { z } from 'zod';
import type { Bilingual } from '../registry/schemas/index.ts';
import { entrySchemas, type EntryKind } from '../registry/kinds/index.ts';
import { anyItem, schemaFields, valueAt } from '../registry/schema-fields.ts';
import { isPlainObject } from './entry-data.ts';
import { fieldWords } from './field-words.ts';
import type { DraftError } from './report.ts';

/**
 * What a maintainer must complete in a draft: no draft is refused for what its form left blank
 * (issue #14, "no dead ends"). A problem the registry's check finds on a field the entry does not
 * give (absent, an empty object or an empty list) is a field to complete; any other problem is
 * about what the entry says, and stays one.
 */

/** One thing to complete, in words. */
export interface ToComplete {
	/** Dotted path of the field, for tools; never shown to people as such. */
	field: string;
	/** The field, as the form or the field reference names it. */
	label: Bilingual;
	/** What to give: the field's help, or what is missing inside it. */
	note: Bilingual;
}

/** A value that says nothing: absent, `{}` or `[]`. */
export function givesNothing(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (Array.isArray(value)) return value.length === 0;
	return isPlainObject(value) && Object.values(value).every(givesNothing);
}

/**
 * Splits the problems of an entry into the fields to complete, in schema order and once each,
 * and the other problems.
 */
export function splitToComplete(
	kind: EntryKind,
	data: Record<string, unknown>,
	problems: readonly DraftError[],
): { toComplete: ToComplete[]; rest: DraftError[] } {
	const fields = schemaFields(entrySchemas[kind] as z.ZodObject);
	const order = new Map(
		fields.map((field, index) => [field.path.filter((key) => key !== anyItem).join('.'), index]),
	);
	const rest: DraftError[] = [];
	const missing = new Set<string>();
	for (const problem of problems) {
		const known = order.has(withoutIndexes(problem.field));
		if (known && givesNothing(valueAt(data, problem.field))) missing.add(problem.field);
		else rest.push(problem);
	}
	// An object to complete covers the problems found inside it.
	const paths = [...missing].filter(
		(path) => ![...missing].some((other) => path.startsWith(`${other}.`)),
	);
	const rank = (path: string) => order.get(withoutIndexes(path)) ?? Number.MAX_SAFE_INTEGER;
	paths.sort((a, b) => rank(a) - rank(b));
	return { toComplete: paths.map((path) => item(kind, path, fields)), rest };
}

/** A model the contributor named that the registry does not have yet. */
export function unregisteredModels(kind: EntryKind, path: string, names: string[]): ToComplete {
	const quoted = {
		fr: names.map((name) => `« ${name.slice(0, 80)} »`).join(', '),
		en: names.map((name) => `"${name.slice(0, 80)}"`).join(', '),
	};
	return {
		field: path,
		label: fieldWords(kind, path),
		note: {
			fr: `${quoted.fr} : pas encore au registre. Ajoutez la fiche du modèle, puis sa référence et son usage ici.`,
			en: `${quoted.en}: not in the registry yet. Add the model’s entry, then its reference and use here.`,
		},
	};
}

function item(kind: EntryKind, path: string, fields: ReturnType<typeof schemaFields>): ToComplete {
	const schemaPath = withoutIndexes(path);
	const field = fields.find(
		(f) => f.path.filter((key) => key !== anyItem).join('.') === schemaPath,
	);
	const inside = fields.filter((f) => {
		const own = f.path.filter((key) => key !== anyItem);
		return (
			f.required &&
			f.type !== 'object' &&
			own.length === schemaPath.split('.').length + 1 &&
			own.join('.').startsWith(`${schemaPath}.`)
		);
	});
	const note: Bilingual =
		field?.type === 'object' && inside.length > 0
			? {
					fr: `À donner : ${inside.map((f) => f.doc?.label.fr ?? f.path.at(-1)).join(', ')}.`,
					en: `To give: ${inside.map((f) => f.doc?.label.en ?? f.path.at(-1)).join(', ')}.`,
				}
			: (field?.doc?.help ?? { fr: '', en: '' });
	return { field: path, label: fieldWords(kind, path), note };
}

/** A field path without its list indexes: `risks.0.risk` is `risks.risk` in the schema's terms. */
function withoutIndexes(path: string): string {
	return path
		.split('.')
		.filter((key) => !/^\d+$/.test(key))
		.join('.');
}
