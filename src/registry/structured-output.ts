import type { z } from 'zod';
import { deriveJsonSchema, type JsonSchema } from './json-schema.ts';
import { isTextSchema, schemaFields } from './schema-fields.ts';
import { type Bilingual } from './schemas/index.ts';
import { entrySchemas, kindOf, referencedKind, type EntryKind } from './kinds/index.ts';
import type { Vocabularies } from './vocabularies.ts';

/** What the answer schema is derived from: the vocabularies, and the ids of each kind referred to. */
export type SchemaSource = { vocabularies: Vocabularies } & Partial<
	Record<EntryKind, readonly { id: string }[]>
>;

/** How the answer schema treats references and vocabularies. */
export interface StructuredOutputOptions {
	/**
	 * The ids offered, as an `enum`, for each kind referred to. A kind left out offers every id of
	 * the registry when that keeps the schema within {@link strictSchemaLimits}, otherwise any id
	 * (a pattern), which the registry's check then verifies. An empty list offers none: a list of
	 * such references stays empty, an optional one null.
	 */
	offered?: Partial<Record<EntryKind, readonly string[]>>;
	/** Whether vocabulary fields list each value's definition (default true). */
	definitions?: boolean;
}

/**
 * What OpenAI documents for a strict schema; the other providers we draft with document nothing
 * tighter, so these are the limits every schema we send keeps to.
 * @see https://platform.openai.com/docs/guides/structured-outputs#supported-schemas
 */
export const strictSchemaLimits = {
	/** Object properties, in all. */
	properties: 5_000,
	/** Levels of nested objects, the root included. */
	depth: 10,
	/** Enum values, in all. */
	enumValues: 1_000,
	/** A string enum of more than this many values… */
	largeEnum: 250,
	/** …holds at most this many characters, in all its values. */
	largeEnumChars: 15_000,
	/** Characters of every property name, definition name and enum value, in all. */
	nameChars: 120_000,
} as const;

/** Keywords OpenAI's strict mode accepts; anything else makes the request fail. */
const strictKeywords = new Set([
	'type',
	'properties',
	'required',
	'additionalProperties',
	'items',
	'enum',
	'anyOf',
	'description',
	'pattern',
	'format',
	'minimum',
	'maximum',
	'exclusiveMinimum',
	'exclusiveMaximum',
	'minItems',
	'maxItems',
]);

/** String formats strict mode understands (`uri`, for one, is not among them). */
const strictFormats = new Set([
	'date-time',
	'time',
	'date',
	'duration',
	'email',
	'hostname',
	'ipv4',
	'ipv6',
	'uuid',
]);

const textMarker = 'x-text';

/**
 * The strict JSON Schema of the model's answer when it drafts an entry of a kind: derived from
 * the entry schema minus the kind's `generatedFields`, every property required, optional
 * ones nullable, `additionalProperties: false` everywhere, only keywords strict mode accepts,
 * the field docs and vocabulary definitions folded into `description`s, vocabulary fields as
 * `enum`s of their keys and each reference to another kind as an `enum` of the ids offered.
 * Every text asks for both languages.
 */
export function structuredOutputSchema(
	kind: EntryKind,
	source: SchemaSource,
	options: StructuredOutputOptions = {},
): JsonSchema {
	const derived = derivedSchema(kind, source.vocabularies);
	const offers = referenceOffers(kind, source, options.offered ?? {});
	const convert = (chosen: Map<string, Offer>) => {
		const context: StrictContext = {
			vocabularies: source.vocabularies,
			definitions: options.definitions ?? true,
			offers: chosen,
			empty: new WeakSet(),
		};
		const root = strict(derived, context);
		root['description'] = kindOf(kind).draftDescription;
		return root;
	};
	let root = convert(offers.chosen);
	// Every id of every kind may be too many values in all: the largest kinds left to the check.
	for (const fallback of offers.fallbacks) {
		if (strictSchemaSize(root).enumValues <= strictSchemaLimits.enumValues) break;
		offers.chosen.set(fallback, 'any');
		root = convert(offers.chosen);
	}
	return root;
}

/** Whether so many values of so many characters in all can be one enum of a strict schema. */
export function fitsOneEnum(count: number, chars: number): boolean {
	const limits = strictSchemaLimits;
	return (
		count <= limits.enumValues && (count <= limits.largeEnum || chars <= limits.largeEnumChars)
	);
}

/** The ids a reference offers, or `any` id (checked after the fact). */
type Offer = readonly string[] | 'any';

/**
 * What each kind referred to offers: the caller's choice, else every id when one enum of them
 * stays within the limits; with `fallbacks`, the kinds to leave to the check, largest first,
 * should all of them together hold too many values.
 */
function referenceOffers(
	referrer: EntryKind,
	source: SchemaSource,
	offered: Partial<Record<EntryKind, readonly string[]>>,
): { chosen: Map<string, Offer>; fallbacks: EntryKind[] } {
	const chosen = new Map<string, Offer>();
	const defaults: { kind: EntryKind; count: number }[] = [];
	for (const kind of answerReferences(referrer)) {
		const given = offered[kind];
		if (given) {
			chosen.set(kind, [...given].sort());
			continue;
		}
		const entries = source[kind] ?? [];
		const chars = entries.reduce((total, entry) => total + entry.id.length, 0);
		if (!fitsOneEnum(entries.length, chars)) {
			chosen.set(kind, 'any');
		} else {
			chosen.set(kind, entries.map((entry) => entry.id).sort());
			defaults.push({ kind, count: entries.length });
		}
	}
	const fallbacks = defaults.sort((a, b) => b.count - a.count).map((entry) => entry.kind);
	return { chosen, fallbacks };
}

/** The kinds an entry of a kind refers to in the fields the model is asked for, in field order. */
export function answerReferences(kind: EntryKind): EntryKind[] {
	const generated: readonly string[] = kindOf(kind).generatedFields;
	const found = new Set<EntryKind>();
	for (const field of schemaFields(entrySchemas[kind] as z.ZodObject)) {
		const referenced = referencedKind(field.doc);
		if (referenced && !generated.includes(field.path[0] ?? '')) found.add(referenced);
	}
	return [...found];
}

const derivedCache = new WeakMap<Vocabularies, Map<EntryKind, JsonSchema>>();

/** The kind's schema as JSON Schema, less its generated fields; derived once per vocabularies. */
function derivedSchema(kind: EntryKind, vocabularies: Vocabularies): JsonSchema {
	let byKind = derivedCache.get(vocabularies);
	if (!byKind) derivedCache.set(vocabularies, (byKind = new Map()));
	const cached = byKind.get(kind);
	if (cached) return cached;
	const omit = Object.fromEntries(kindOf(kind).generatedFields.map((key) => [key, true]));
	const schema = (entrySchemas[kind] as z.ZodObject).omit(omit as never);
	const json = deriveJsonSchema(schema, {
		io: 'output',
		vocabularies,
		override(zodSchema, node) {
			if (isTextSchema(zodSchema)) node[textMarker] = true;
		},
	});
	byKind.set(kind, json);
	return json;
}

interface StrictContext {
	vocabularies: Vocabularies;
	definitions: boolean;
	offers: Map<string, Offer>;
	/** Converted nodes that can hold no value: a reference to a kind that offers no id. */
	empty: WeakSet<JsonSchema>;
}

/** Rewrites one node (and its children) for strict mode. */
function strict(node: JsonSchema, context: StrictContext): JsonSchema {
	const description = describe(node, context);
	const references = node['x-references'];
	const offer = typeof references === 'string' ? context.offers.get(references) : undefined;
	let result: JsonSchema;
	if (node[textMarker]) {
		// Bare halves: every text has one shape, which `$defs` can then share.
		result = {
			type: 'object',
			properties: { fr: { type: 'string' }, en: { type: 'string' } },
			required: ['fr', 'en'],
			additionalProperties: false,
		};
	} else if (node['type'] === 'object') {
		const properties = node['properties'] as Record<string, JsonSchema>;
		const required = new Set((node['required'] as string[] | undefined) ?? []);
		let empty = false;
		result = {
			type: 'object',
			properties: Object.fromEntries(
				Object.entries(properties).map(([key, child]) => {
					const converted = strict(child, context);
					if (required.has(key)) {
						empty ||= context.empty.has(converted);
						return [key, converted];
					}
					return [key, nullable(converted, context)];
				}),
			),
			required: Object.keys(properties),
			additionalProperties: false,
		};
		if (empty) context.empty.add(result);
	} else if (node['type'] === 'array') {
		const items = offered(node['items'] as JsonSchema, offer);
		result = { ...keep(node), items: strict(items, context) };
		if (offersNone(offer) || context.empty.has(result['items'] as JsonSchema)) {
			result['maxItems'] = 0;
			if (typeof result['minItems'] === 'number' && result['minItems'] > 0)
				context.empty.add(result);
		}
	} else {
		result = keep(offered(node, offer));
		if (offersNone(offer)) context.empty.add(result);
	}
	if (description) result['description'] = description;
	return result;
}

/** Whether a reference offers no id at all. */
function offersNone(offer: Offer | undefined): boolean {
	return Array.isArray(offer) && offer.length === 0;
}

/** A reference node with the ids offered as its enum; any slug when the offer is `any`. */
function offered(node: JsonSchema, offer: Offer | undefined): JsonSchema {
	if (offer === undefined || offer === 'any' || offer.length === 0) return node;
	return {
		...Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'pattern')),
		enum: offer,
	};
}

/** Keeps the keywords strict mode accepts, dropping unsupported formats and redundant patterns. */
function keep(node: JsonSchema): JsonSchema {
	const kept: JsonSchema = {};
	for (const [key, value] of Object.entries(node)) {
		if (strictKeywords.has(key) && key !== 'description') kept[key] = value;
	}
	if (typeof kept['format'] === 'string') {
		if (!strictFormats.has(kept['format'])) {
			if (kept['format'] === 'uri') kept['pattern'] = '^https?://\\S+$';
			delete kept['format'];
		} else {
			// The format says it all; zod's long date and email patterns only slow decoding down.
			delete kept['pattern'];
		}
	}
	// zod's integers carry the safe-integer bounds, which say nothing to a model.
	if (kept['minimum'] === Number.MIN_SAFE_INTEGER) delete kept['minimum'];
	if (kept['maximum'] === Number.MAX_SAFE_INTEGER) delete kept['maximum'];
	return kept;
}

/**
 * Lets a field be `null`, which stands for "absent" in strict mode (the prompt says so once,
 * rather than every optional field's description); a field that can hold no value is only null.
 */
function nullable(node: JsonSchema, context: StrictContext): JsonSchema {
	const { description, ...rest } = node;
	let result: JsonSchema;
	if (context.empty.has(node)) result = { type: 'null' };
	else if (
		typeof rest['type'] === 'string' &&
		!('enum' in rest) &&
		rest['type'] !== 'object' &&
		rest['type'] !== 'array'
	) {
		result = { ...rest, type: [rest['type'], 'null'] };
	} else result = { anyOf: [rest, { type: 'null' }] };
	if (description !== undefined) result['description'] = description;
	return result;
}

/** Folds a field's docs into one English description, with its vocabulary's values. */
function describe(node: JsonSchema, context: StrictContext): string | undefined {
	const help = (node['x-help'] as Bilingual | undefined)?.en ?? node['description'];
	const label = (node['x-label'] as Bilingual | undefined)?.en ?? node['title'];
	const parts: string[] = [];
	if (typeof label === 'string') parts.push(`${label}.`);
	if (typeof help === 'string') parts.push(help);
	if (node[textMarker]) {
		const max = ((node['properties'] as Record<string, JsonSchema>)['fr'] ?? {})['maxLength'];
		// Said once, unless the help already gives the limit.
		if (typeof max === 'number' && !String(help).includes(String(max))) {
			parts.push(`At most ${max} characters in each language.`);
		}
	}
	const name = node['x-vocabulary'];
	const vocabulary = typeof name === 'string' ? context.vocabularies.get(name) : undefined;
	if (vocabulary && context.definitions) {
		// A value's definition says more than its label; the label stands in when there is none.
		const values = vocabulary.values.map((value) =>
			value.definition
				? `${value.key} (${value.definition.en})`
				: `${value.key} = ${value.label.en}`,
		);
		parts.push(`Values: ${values.join('; ')}.`);
	}
	return parts.length > 0 ? parts.join(' ') : undefined;
}

/** How large a schema is, in the terms of {@link strictSchemaLimits}. */
export interface StrictSchemaSize {
	properties: number;
	depth: number;
	enumValues: number;
	/** Characters of the largest enum of more than `largeEnum` values (0 when there is none). */
	largeEnumChars: number;
	nameChars: number;
}

/** Measures a strict schema, `$defs` included, each reference followed for the depth. */
export function strictSchemaSize(schema: JsonSchema): StrictSchemaSize {
	const size: StrictSchemaSize = {
		properties: 0,
		depth: 0,
		enumValues: 0,
		largeEnumChars: 0,
		nameChars: 0,
	};
	const defs = (schema['$defs'] as Record<string, JsonSchema> | undefined) ?? {};
	for (const name of Object.keys(defs)) size.nameChars += name.length;
	const count = (node: JsonSchema): void => {
		const properties = node['properties'] as Record<string, JsonSchema> | undefined;
		for (const [name, child] of Object.entries(properties ?? {})) {
			size.properties++;
			size.nameChars += name.length;
			count(child);
		}
		const values = node['enum'];
		if (Array.isArray(values)) {
			const chars = values.reduce((total: number, value) => total + String(value).length, 0);
			size.enumValues += values.length;
			size.nameChars += chars;
			if (values.length > strictSchemaLimits.largeEnum) {
				size.largeEnumChars = Math.max(size.largeEnumChars, chars);
			}
		}
		if (node['items']) count(node['items'] as JsonSchema);
		for (const branch of (node['anyOf'] as JsonSchema[] | undefined) ?? []) count(branch);
	};
	count(schema);
	for (const def of Object.values(defs)) count(def);
	const depth = (node: JsonSchema, seen: readonly string[]): number => {
		const ref = node['$ref'];
		if (typeof ref === 'string') {
			const name = ref.replace('#/$defs/', '');
			const target = defs[name];
			return target && !seen.includes(name) ? depth(target, [...seen, name]) : 0;
		}
		const children = [
			...Object.values((node['properties'] as Record<string, JsonSchema> | undefined) ?? {}),
			...(node['items'] ? [node['items'] as JsonSchema] : []),
			...((node['anyOf'] as JsonSchema[] | undefined) ?? []),
		];
		const deepest = Math.max(0, ...children.map((child) => depth(child, seen)));
		return deepest + (node['type'] === 'object' ? 1 : 0);
	};
	size.depth = depth(schema, []);
	return size;
}

/** The limits a schema goes beyond, in English, for a test or an error message. */
export function strictSchemaProblems(schema: JsonSchema): string[] {
	const size = strictSchemaSize(schema);
	const limits = strictSchemaLimits;
	const problems: string[] = [];
	const over = (what: string, value: number, limit: number) => {
		if (value > limit) problems.push(`${value} ${what} (at most ${limit})`);
	};
	over('object properties', size.properties, limits.properties);
	over('levels of nesting', size.depth, limits.depth);
	over('enum values', size.enumValues, limits.enumValues);
	over(
		`characters in an enum of over ${limits.largeEnum} values`,
		size.largeEnumChars,
		limits.largeEnumChars,
	);
	over('characters of names and enum values', size.nameChars, limits.nameChars);
	return problems;
}

/**
 * Turns the model's strict answer back into entry data of a kind: `null` stands for "absent"
 * in strict mode, so every null property is dropped, at any depth; fields the model is never
 * asked for are dropped too, should a lenient provider return them anyway.
 */
export function fromStructuredOutput(kind: EntryKind, value: unknown): Record<string, unknown> {
	const data = withoutNulls(value);
	if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
	const omitted = kindOf(kind).generatedFields;
	return Object.fromEntries(Object.entries(data).filter(([key]) => !omitted.includes(key)));
}

function withoutNulls(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutNulls);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value)
			.filter(([, child]) => child !== null)
			.map(([key, child]) => [key, withoutNulls(child)]),
	);
}
