import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { fieldReference } from '../../src/registry/field-reference.ts';
import type { JsonSchema } from '../../src/registry/json-schema.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import {
	fromStructuredOutput,
	strictSchemaLimits,
	strictSchemaProblems,
	strictSchemaSize,
	structuredOutputSchema,
	type SchemaSource,
} from '../../src/registry/structured-output.ts';
import { entryKinds, kindOf, type EntryKind } from '../../src/registry/kinds/index.ts';
import { sampleDir, schemaAt } from './helpers.ts';

const registry = await loadRegistry(sampleDir);

/** Keywords OpenAI documents for strict structured outputs. */
const allowed = new Set([
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

/** Every schema node, with its path. */
function nodes(schema: JsonSchema, path = '#'): [string, JsonSchema][] {
	const children: [string, JsonSchema][] = [];
	for (const [key, child] of Object.entries(
		(schema['properties'] as Record<string, JsonSchema>) ?? {},
	)) {
		children.push(...nodes(child, `${path}/${key}`));
	}
	if (schema['items']) children.push(...nodes(schema['items'] as JsonSchema, `${path}[]`));
	for (const [index, branch] of ((schema['anyOf'] as JsonSchema[]) ?? []).entries()) {
		children.push(...nodes(branch, `${path}|${index}`));
	}
	return [[path, schema], ...children];
}

/** The field paths a strict schema asks for, as the field reference writes them. */
function fieldPaths(schema: JsonSchema, prefix = ''): string[] {
	const object = (schema['anyOf'] as JsonSchema[] | undefined)?.[0] ?? schema;
	if (object['type'] === 'array') return fieldPaths(object['items'] as JsonSchema, `${prefix}[]`);
	const properties = object['properties'] as Record<string, JsonSchema> | undefined;
	if (!properties || Object.keys(properties).join() === 'fr,en') return [];
	return Object.entries(properties).flatMap(([key, child]) => {
		const path = prefix ? `${prefix}${prefix.endsWith('[]') ? '.' : '.'}${key}` : key;
		return [path, ...fieldPaths(child, path)];
	});
}

/** A value as a strict-mode model would return it: every absent property given as null. */
function asStructured(schema: JsonSchema, value: unknown): unknown {
	const object = (schema['anyOf'] as JsonSchema[] | undefined)?.[0] ?? schema;
	if (Array.isArray(value))
		return value.map((item) => asStructured(object['items'] as JsonSchema, item));
	const properties = object['properties'] as Record<string, JsonSchema> | undefined;
	if (!properties || value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(properties).map(([key, child]) => {
			const field = (value as Record<string, unknown>)[key];
			return [key, field === undefined ? null : asStructured(child, field)];
		}),
	);
}

function without(data: object, keys: readonly string[]) {
	return Object.fromEntries(Object.entries(data).filter(([key]) => !keys.includes(key)));
}

describe.each(entryKinds)('structuredOutputSchema(%s)', (kind: EntryKind) => {
	const schema = structuredOutputSchema(kind, registry);

	it('follows the rules of strict mode on every node', () => {
		expect(schema['type']).toBe('object');
		expect(schema).not.toHaveProperty('anyOf');
		for (const [path, node] of nodes(schema)) {
			const extra = Object.keys(node).filter((key) => !allowed.has(key));
			expect(extra, path).toEqual([]);
			if (node['type'] === 'object') {
				expect(node['additionalProperties'], path).toBe(false);
				expect(node['required'], path).toEqual(Object.keys(node['properties'] as object));
			}
		}
	});

	it('asks for every field of the entry except the omitted ones', () => {
		const expected = fieldReference(kind)
			.map((field) => field.path)
			.filter(
				(path) =>
					!kindOf(kind).generatedFields.some((key) => path === key || path.startsWith(`${key}.`)),
			);
		expect(fieldPaths(schema)).toEqual(expected);
	});

	it('accepts every sample entry as a model would return it, and turns it back into the entry', () => {
		const validate = new Ajv2020({ strict: true, allErrors: true });
		addFormats.default(validate);
		const check = validate.compile(schema);
		// The model is always asked for both languages, so entries kept in one language are left out.
		for (const entry of registry[kind].filter((e) => e.data.language.translation !== 'missing')) {
			const data = without(entry.data, kindOf(kind).generatedFields);
			const answer = asStructured(schema, data);
			expect(check(answer), `${entry.id}: ${JSON.stringify(check.errors)}`).toBe(true);
			expect(fromStructuredOutput(kind, answer)).toEqual(data);
		}
	});
});

describe('structuredOutputSchema for systems', () => {
	const schema = structuredOutputSchema('systems', registry);
	const at = (...path: string[]) => schemaAt(schema, ...path);

	it('asks for both languages of every text, and null for what is unknown', () => {
		expect(at('purpose')['required']).toEqual(['fr', 'en']);
		expect((at('benefits')['anyOf'] as unknown[])[1]).toEqual({ type: 'null' });
		expect(at('startDate')['type']).toEqual(['string', 'null']);
		// Every text has the same bare halves; a length limit is said once, on the field.
		expect(at('summary', 'fr')).toEqual({ type: 'string' });
		expect(at('name', 'en')).toEqual({ type: 'string' });
		expect(at('name')['description']).toBe(
			'Name. Name of the system, as its users know it. At most 120 characters in each language.',
		);
		expect(at('summary')['description']).toBe(
			'Summary. What the system does, in plain language and at most 400 characters.',
		);
		// The prompt says once that null means unknown, not every optional field.
		expect(JSON.stringify(schema)).not.toContain('Null when');
	});

	it('folds labels, help and vocabulary definitions into the descriptions', () => {
		expect(at('automation')['description']).toMatch(
			/^Automation level\. How much of the decision is left to the machine\. Values: information \(The system provides information/,
		);
		const bare = structuredOutputSchema('systems', registry, { definitions: false });
		expect(schemaAt(bare, 'automation')['description']).toBe(
			'Automation level. How much of the decision is left to the machine.',
		);
		expect(schemaAt(bare, 'automation')['enum']).toEqual(at('automation')['enum']);
	});

	it('offers the ids of every kind referred to, and none when the kind has no entry', () => {
		const ids = (kind: EntryKind) => registry[kind].map((entry) => entry.id).sort();
		expect(at('models', '[]', 'model')['enum']).toEqual(ids('models'));
		expect(orNull(at('dataSources', '[]', 'dataset'))['enum']).toEqual(ids('datasets'));
		expect(orNull(at('suppliers', '[]', 'software'))['enum']).toEqual(ids('software'));
		expect(at('processingRecords', '[]')['enum']).toEqual(ids('processing-records'));
		const served = structuredOutputSchema('models', registry);
		expect(schemaAt(served, 'software', '[]')['enum']).toEqual(ids('software'));

		const empty = structuredOutputSchema('systems', {
			...registry,
			models: [],
			datasets: [],
			'processing-records': [],
		});
		expect(schemaAt(empty, 'models')['maxItems']).toBe(0);
		expect(schemaAt(empty, 'processingRecords')['maxItems']).toBe(0);
		// An optional reference to a kind without entries can only be null.
		expect(schemaAt(empty, 'dataSources', '[]', 'dataset')['type']).toBe('null');
		expect(orNull(schemaAt(empty, 'suppliers', '[]', 'software'))['enum']).toEqual(ids('software'));
	});

	it('offers the ids it is given, and none for an empty list', () => {
		const offered = structuredOutputSchema('systems', registry, {
			offered: { models: ['whisper-large-v3', 'bge-m3'], datasets: [] },
		});
		expect(schemaAt(offered, 'models', '[]', 'model')['enum']).toEqual([
			'bge-m3',
			'whisper-large-v3',
		]);
		expect(schemaAt(offered, 'dataSources', '[]', 'dataset')['type']).toBe('null');
		expect(schemaAt(offered, 'dataSources')).not.toHaveProperty('maxItems');
	});

	it('falls back on the id pattern for a kind whose ids one enum cannot hold', () => {
		const source = (models: number, length = idLength) => ({
			vocabularies: registry.vocabularies,
			models: synthetic('models', models, length),
		});
		const model = (schema: JsonSchema) => schemaAt(schema, 'models', '[]', 'model');
		// 300 ids of 47 characters: 14,100 characters, under the 15,000 of one large enum.
		expect(model(structuredOutputSchema('systems', source(300)))['enum']).toHaveLength(300);
		// 330 of them: 15,510 characters.
		const many = model(structuredOutputSchema('systems', source(330)));
		expect(many).not.toHaveProperty('enum');
		expect(many['pattern']).toBe('^[a-z0-9][a-z0-9.-]{0,63}$');
		// Short ids, but more than 1,000 values in one enum.
		expect(model(structuredOutputSchema('systems', source(1_001, 10)))).not.toHaveProperty('enum');
	});

	it('leaves the largest kinds to the check when all the ids together are too many values', () => {
		const source: SchemaSource = {
			vocabularies: registry.vocabularies,
			models: synthetic('models', 250, 20),
			datasets: synthetic('datasets', 245, 20),
			'processing-records': synthetic('processing-records', 240, 20),
			software: synthetic('software', 235, 20),
		};
		// 970 ids and the vocabularies' values: over 1,000 values, until the models are left out.
		const many = structuredOutputSchema('systems', source);
		expect(strictSchemaProblems(many)).toEqual([]);
		expect(schemaAt(many, 'models', '[]', 'model')).not.toHaveProperty('enum');
		expect(orNull(schemaAt(many, 'dataSources', '[]', 'dataset'))['enum']).toHaveLength(245);
		expect(orNull(schemaAt(many, 'suppliers', '[]', 'software'))['enum']).toHaveLength(235);
	});

	it('omits the id, language, provenance and review', () => {
		for (const key of ['id', 'language', 'provenance', 'review']) {
			expect(schema['properties']).not.toHaveProperty(key);
		}
	});
});

/** The value branch of a nullable field (`anyOf: [value, null]`). */
function orNull(node: JsonSchema): JsonSchema {
	return (node['anyOf'] as JsonSchema[] | undefined)?.[0] ?? node;
}

/** Characters of the ids of the synthetic registries, as an organisation's descriptive ids. */
const idLength = 47;

/** `count` entries of a kind with distinct ids of `length` characters. */
function synthetic(kind: EntryKind, count: number, length = idLength): { id: string }[] {
	return Array.from({ length: count }, (_, index) => {
		const number = String(index).padStart(5, '0');
		const stem = `${kindOf(kind).key}-deploiement-de-la-metropole-de-clairval-et-environs`;
		return { id: `${stem.slice(0, length - number.length - 1)}-${number}` };
	});
}

describe.each([10, 300, 1_000, 10_000])('with %i entries of every kind', (count) => {
	const source: SchemaSource = {
		vocabularies: registry.vocabularies,
		...Object.fromEntries(entryKinds.map((kind) => [kind, synthetic(kind, count)])),
	};

	it.each(entryKinds)('keeps the %s schema within the limits strict mode documents', (kind) => {
		const schema = structuredOutputSchema(kind, source);
		expect(strictSchemaProblems(schema)).toEqual([]);
		const size = strictSchemaSize(schema);
		expect(size.enumValues).toBeLessThanOrEqual(strictSchemaLimits.enumValues);
		expect(size.largeEnumChars).toBeLessThanOrEqual(strictSchemaLimits.largeEnumChars);
		expect(size.depth).toBeLessThanOrEqual(strictSchemaLimits.depth);
		expect(size.properties).toBeLessThanOrEqual(strictSchemaLimits.properties);
		const validate = new Ajv2020({ strict: true });
		addFormats.default(validate);
		validate.compile(schema);
	});
});

describe('strictSchemaSize', () => {
	it('counts properties, nesting, enum values and names, through $defs', () => {
		const schema: JsonSchema = {
			type: 'object',
			properties: {
				a: { $ref: '#/$defs/text' },
				b: {
					type: 'array',
					items: { type: 'object', properties: { c: { type: 'string', enum: ['x', 'yy'] } } },
				},
			},
			$defs: { text: { type: 'object', properties: { fr: { type: 'string' } } } },
		};
		expect(strictSchemaSize(schema)).toEqual({
			properties: 4,
			depth: 2,
			enumValues: 2,
			largeEnumChars: 0,
			nameChars: 'text'.length + 'abcfr'.length + 'xyy'.length,
		});
		const large = { type: 'string', enum: synthetic('models', 400).map((entry) => entry.id) };
		expect(strictSchemaSize(large).largeEnumChars).toBe(400 * idLength);
		expect(strictSchemaProblems(large)).toEqual([
			'18800 characters in an enum of over 250 values (at most 15000)',
		]);
	});
});

describe('fromStructuredOutput', () => {
	it('drops nulls at any depth and the fields the model is never asked for', () => {
		expect(
			fromStructuredOutput('systems', {
				id: 'injected',
				benefits: null,
				contact: { email: null, url: 'https://a.fr' },
				models: [{ model: 'm', usage: { fr: 'a', en: 'b' } }],
			}),
		).toEqual({
			contact: { url: 'https://a.fr' },
			models: [{ model: 'm', usage: { fr: 'a', en: 'b' } }],
		});
		expect(fromStructuredOutput('models', 'not an object')).toEqual({});
	});
});
