import { z } from 'zod';
import { deriveJsonSchema, type JsonSchema } from './json-schema.ts';
import type { Registry } from './load.ts';
import { isTextSchema } from './schema-fields.ts';
import { type Bilingual } from './schemas/index.ts';
import { entrySchemas, kindOf, type EntryKind } from './kinds/index.ts';
import type { Vocabularies } from './vocabularies.ts';

/** Above this many models, references are checked after the fact rather than enumerated. */
const maxReferenceEnum = 500;

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
 * `enum`s of their keys and model references as an `enum` of the registry's model ids.
 * Every text asks for both languages.
 */
export function structuredOutputSchema(
	kind: EntryKind,
	registry: Pick<Registry, 'vocabularies' | 'models'>,
): JsonSchema {
	const omit = Object.fromEntries(kindOf(kind).generatedFields.map((key) => [key, true]));
	const schema = (entrySchemas[kind] as z.ZodObject).omit(omit as never);
	const modelIds = registry.models.map((entry) => entry.id).sort();
	const json = deriveJsonSchema(schema, {
		io: 'output',
		vocabularies: registry.vocabularies,
		override(zodSchema, node) {
			if (isTextSchema(zodSchema)) node[textMarker] = true;
			if (z.globalRegistry.get(zodSchema)?.['x-references'] === 'models') {
				if (modelIds.length > 0 && modelIds.length <= maxReferenceEnum) {
					delete node['pattern'];
					node['enum'] = modelIds;
				}
			}
		},
	});
	const root = strict(json, registry.vocabularies, modelIds.length === 0) as JsonSchema;
	root['description'] = kindOf(kind).draftDescription;
	return root;
}

/** Rewrites one node (and its children) for strict mode; `noModels` empties model references. */
function strict(node: JsonSchema, vocabularies: Vocabularies, noModels: boolean): JsonSchema {
	const description = describe(node, vocabularies);
	let result: JsonSchema;
	if (node[textMarker]) {
		const max = ((node['properties'] as Record<string, JsonSchema>)['fr'] ?? {})['maxLength'];
		const limit = typeof max === 'number' ? ` At most ${max} characters in each language.` : '';
		result = {
			type: 'object',
			properties: {
				fr: { type: 'string', description: `In French.${limit}` },
				en: { type: 'string', description: `In English.${limit}` },
			},
			required: ['fr', 'en'],
			additionalProperties: false,
		};
	} else if (node['type'] === 'object') {
		const properties = node['properties'] as Record<string, JsonSchema>;
		const required = new Set((node['required'] as string[] | undefined) ?? []);
		result = {
			type: 'object',
			properties: Object.fromEntries(
				Object.entries(properties).map(([key, child]) => {
					const converted = strict(child, vocabularies, noModels);
					return [key, required.has(key) ? converted : nullable(converted)];
				}),
			),
			required: Object.keys(properties),
			additionalProperties: false,
		};
	} else if (node['type'] === 'array') {
		const items = node['items'] as JsonSchema;
		result = { ...keep(node), items: strict(items, vocabularies, noModels) };
		if (noModels && referencesModels(items)) result['maxItems'] = 0;
	} else {
		result = keep(node);
	}
	if (description) result['description'] = description;
	return result;
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

/** Lets a field be `null`, which stands for "absent" in strict mode. */
function nullable(node: JsonSchema): JsonSchema {
	const { description, ...rest } = node;
	const simple =
		typeof rest['type'] === 'string' &&
		!('enum' in rest) &&
		rest['type'] !== 'object' &&
		rest['type'] !== 'array';
	const result: JsonSchema = simple
		? { ...rest, type: [rest['type'], 'null'] }
		: { anyOf: [rest, { type: 'null' }] };
	if (description !== undefined)
		result['description'] = `${description as string} Null when unknown or not applicable.`;
	return result;
}

/** Whether an array's items hold a reference to a model. */
function referencesModels(items: JsonSchema): boolean {
	if (items['x-references'] === 'models') return true;
	const properties = items['properties'] as Record<string, JsonSchema> | undefined;
	return Object.values(properties ?? {}).some((child) => child['x-references'] === 'models');
}

/** Folds a field's docs into one English description, with its vocabulary's values. */
function describe(node: JsonSchema, vocabularies: Vocabularies): string | undefined {
	const help = (node['x-help'] as Bilingual | undefined)?.en ?? node['description'];
	const label = (node['x-label'] as Bilingual | undefined)?.en ?? node['title'];
	const parts: string[] = [];
	if (typeof label === 'string') parts.push(`${label}.`);
	if (typeof help === 'string') parts.push(help);
	const name = node['x-vocabulary'];
	const vocabulary = typeof name === 'string' ? vocabularies.get(name) : undefined;
	if (vocabulary) {
		const values = vocabulary.values.map(
			(value) =>
				`${value.key} = ${value.label.en}${value.definition ? ` (${value.definition.en})` : ''}`,
		);
		parts.push(`Values: ${values.join('; ')}.`);
	}
	if (node['x-references'] === 'models') parts.push('Id of a model entry of the registry.');
	return parts.length > 0 ? parts.join(' ') : undefined;
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
