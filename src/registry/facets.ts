import type { Bilingual, Language, Text } from './schemas/index.ts';
import { fieldDoc } from './schemas/index.ts';
import { kindOf, referencedKind, type EntryData, type EntryKind } from './kinds/index.ts';
import { listItemReference, schemaAt, valueAt } from './schema-fields.ts';

/** A way to narrow an index: a field whose values readers filter by. */
export interface Facet {
	/** Stable name, used in URLs (`?status=in-use`). */
	name: string;
	/** Dotted path of the field in the entry. */
	path: string;
	label: Bilingual;
	/** Controlled list the values come from, if any (labels and definitions come from there). */
	vocabulary?: string;
	/** Kind of entry the values are ids of, for a facet of references (the models a system uses). */
	references?: EntryKind;
	/** For a list of objects naming other entries (`models[].model`), the key holding the id. */
	referenceKey?: string;
	/** Labels of `yes` and `no`, for a yes/no field. */
	yesNo?: { yes: Bilingual; no: Bilingual };
}

const cache = new Map<EntryKind, Facet[]>();

/** The facets of a kind, each labelled from the schema's own field documentation. */
export function facetsFor(kind: EntryKind): Facet[] {
	const cached = cache.get(kind);
	if (cached) return cached;
	const { schema, facets } = kindOf(kind);
	const result = facets.map(({ name, path, yesNo }): Facet => {
		const field = schemaAt(schema, path);
		const doc = fieldDoc(field);
		if (!doc) throw new Error(`facet ${name}: field ${path} of ${kind} has no documentation`);
		const item = listItemReference(field);
		const references = referencedKind(doc) ?? item?.kind;
		return {
			name,
			path,
			label: doc.label,
			...(doc.vocabulary && { vocabulary: doc.vocabulary }),
			...(references && { references }),
			...(item && { referenceKey: item.key }),
			...(yesNo && { yesNo }),
		};
	});
	cache.set(kind, result);
	return result;
}

/**
 * The value keys an entry has for a facet, in a language: vocabulary keys, reference ids,
 * `yes`/`no` for booleans, or the text itself for free texts and names.
 */
export function facetValues(data: EntryData, facet: Facet, lang: Language): string[] {
	const value = valueAt(data, facet.path);
	const values = Array.isArray(value) ? value : [value];
	return values.flatMap((item): string[] => {
		if (item === undefined || item === null) return [];
		if (typeof item === 'boolean') return [item ? 'yes' : 'no'];
		if (typeof item === 'string') return [item];
		if (facet.referenceKey) {
			const id = (item as Record<string, unknown>)[facet.referenceKey];
			return typeof id === 'string' ? [id] : [];
		}
		const text = item as Text;
		const shown = text[lang] ?? text.fr ?? text.en;
		return shown ? [shown] : [];
	});
}
