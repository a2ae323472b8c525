import type { Bilingual, Language, Text } from './schemas/index.ts';
import { fieldDoc } from './schemas/index.ts';
import {
	kindOf,
	referencedKind,
	type EntryData,
	type EntryKind,
	type FacetSpec,
	type KindTrait,
} from './kinds/index.ts';
import { listItemReference, schemaAt, valueAt } from './schema-fields.ts';

/** A way to narrow an index: a field whose values readers filter by. */
export interface Facet {
	/** Stable name, used in URLs (`?status=in-use`). */
	name: string;
	/** Dotted path of the field in the entry. */
	path: string;
	label: Bilingual;
	/** Where the values come from, when the label alone does not say (a derived facet). */
	help?: Bilingual;
	/** Controlled list the values come from, if any (labels and definitions come from there). */
	vocabulary?: string;
	/** Kind of entry the values are ids of, for a facet of references (the models a system uses). */
	references?: EntryKind;
	/** For a list of objects naming other entries (`models[].model`), the key holding the id. */
	referenceKey?: string;
	/** Labels of `yes` and `no`, for a yes/no field. */
	yesNo?: { yes: Bilingual; no: Bilingual };
	/** For a facet whose values are read in the entries that `path` names. */
	through?: FacetThrough;
}

/** How a derived facet reads the entries an entry names (the models a system uses). */
export interface FacetThrough {
	/** Kind of the entries that `path` names. */
	kind: EntryKind;
	/** For a list of objects naming them (`models[].model`), the key holding the id. */
	key?: string;
	/** Dotted path of the field read in each of them, unless the facet reads a trait. */
	path?: string;
	/** The trait read: `yes` when one of them has it, else `no`. */
	trait?: KindTrait;
	/** Only the entries with this trait count. */
	where?: KindTrait;
}

/** Finds the data of an entry by kind and id: how a derived facet reads the entries named. */
export type EntryLookup = (kind: EntryKind, id: string) => EntryData | undefined;

const cache = new Map<EntryKind, Facet[]>();

/** The facets of a kind, each labelled from the schema's own field documentation. */
export function facetsFor(kind: EntryKind): Facet[] {
	const cached = cache.get(kind);
	if (cached) return cached;
	const result = kindOf(kind).facets.map((spec) => facetOf(kind, spec));
	cache.set(kind, result);
	return result;
}

function facetOf(kind: EntryKind, spec: FacetSpec): Facet {
	const { name, path, yesNo, help } = spec;
	const field = schemaAt(kindOf(kind).schema, path);
	const doc = fieldDoc(field);
	if (!doc) throw new Error(`facet ${name}: field ${path} of ${kind} has no documentation`);
	const item = listItemReference(field);
	const references = referencedKind(doc) ?? item?.kind;
	const common = { name, path, ...(yesNo && { yesNo }), ...(help && { help }) };
	if (spec.through === undefined) {
		return {
			...common,
			label: spec.label ?? doc.label,
			...(doc.vocabulary && { vocabulary: doc.vocabulary }),
			...(references && { references }),
			...(item && { referenceKey: item.key }),
		};
	}
	const where = `facet ${name} of ${kind} (src/registry/kinds/)`;
	if (!references) {
		throw new Error(`${where}: ${path} names no other entries to read "${spec.through}" in`);
	}
	const target = kindOf(references);
	const traitNamed = (trait: string) => {
		const found = target.traits?.find((candidate) => candidate.name === trait);
		if (!found) throw new Error(`${where}: ${references} have no trait "${trait}"`);
		return found;
	};
	const filter = spec.where === undefined ? undefined : traitNamed(spec.where);
	const through = {
		kind: references,
		...(item && { key: item.key }),
		...(filter && { where: filter }),
	};
	if (target.traits?.some((trait) => trait.name === spec.through)) {
		const trait = traitNamed(spec.through);
		if (!spec.label || !yesNo) throw new Error(`${where}: a trait's facet needs a label and yesNo`);
		return {
			...common,
			label: spec.label,
			help: help ?? trait.rule,
			through: { ...through, trait },
		};
	}
	const targetField = schemaAt(target.schema, spec.through);
	const targetDoc = fieldDoc(targetField);
	if (!targetDoc) throw new Error(`${where}: ${references}.${spec.through} has no documentation`);
	const targetItem = listItemReference(targetField);
	const targetReferences = referencedKind(targetDoc) ?? targetItem?.kind;
	return {
		...common,
		label: spec.label ?? targetDoc.label,
		...(!help && filter && { help: filter.rule }),
		...(targetDoc.vocabulary && { vocabulary: targetDoc.vocabulary }),
		...(targetReferences && { references: targetReferences }),
		...(targetItem && { referenceKey: targetItem.key }),
		through: { ...through, path: spec.through },
	};
}

/**
 * The value keys an entry has for a facet, in a language: vocabulary keys, reference ids,
 * `yes`/`no` for booleans, or the text itself for free texts and names. A derived facet reads
 * the entries named through `lookup`: without it, it has no values.
 */
export function facetValues(
	data: EntryData,
	facet: Facet,
	lang: Language,
	lookup?: EntryLookup,
): string[] {
	const { through } = facet;
	if (!through) return valuesOf(valueAt(data, facet.path), facet, lang);
	if (!lookup) return [];
	const named = referencedIds(valueAt(data, facet.path), through.key).flatMap((id) => {
		const found = lookup(through.kind, id) as Record<string, unknown> | undefined;
		return found && (!through.where || through.where.test(found)) ? [found] : [];
	});
	if (through.trait) {
		const { test } = through.trait;
		return [named.some((entry) => test(entry)) ? 'yes' : 'no'];
	}
	const path = through.path ?? '';
	return [...new Set(named.flatMap((entry) => valuesOf(valueAt(entry, path), facet, lang)))];
}

/** The keys of a value read at a facet's path. */
function valuesOf(value: unknown, facet: Facet, lang: Language): string[] {
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

/** The ids a reference field holds: one id, a list of ids, or a list of objects naming one each. */
function referencedIds(value: unknown, key: string | undefined): string[] {
	const items = Array.isArray(value) ? value : [value];
	return items.flatMap((item: unknown) => {
		const id =
			key && item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : item;
		return typeof id === 'string' ? [id] : [];
	});
}
