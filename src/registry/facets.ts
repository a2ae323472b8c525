import type { Bilingual, EntryData, EntryKind, Language, Text } from './schemas/index.ts';
import { entrySchemas, fieldDoc } from './schemas/index.ts';
import { listItemReferences, schemaAt, valueAt } from './schema-fields.ts';

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
}

const facetPaths: Record<EntryKind, Record<string, string>> = {
	systems: {
		status: 'status',
		domain: 'domain',
		risk: 'aiAct.riskClass',
		automation: 'automation',
		approach: 'approach',
		unit: 'owner.unit',
		model: 'models',
	},
	models: {
		learning: 'learningType',
		provider: 'provider',
		hosting: 'hosting.type',
		residency: 'hosting.residency',
		modality: 'modalities',
		weights: 'licence.openWeights',
	},
};

/** The facets of a kind, each labelled from the schema's own field documentation. */
export function facetsFor(kind: EntryKind): Facet[] {
	return Object.entries(facetPaths[kind]).map(([name, path]) => {
		const schema = schemaAt(entrySchemas[kind], path);
		const doc = fieldDoc(schema);
		if (!doc) throw new Error(`facet ${name}: field ${path} of ${kind} has no documentation`);
		const references = doc.references ?? listItemReferences(schema);
		return {
			name,
			path,
			label: doc.label,
			...(doc.vocabulary && { vocabulary: doc.vocabulary }),
			...(references && { references }),
		};
	});
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
		if (typeof item === 'object' && 'model' in item) return [String(item.model)];
		const text = item as Text;
		const shown = text[lang] ?? text.fr ?? text.en;
		return shown ? [shown] : [];
	});
}
