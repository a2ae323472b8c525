import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { fieldReference } from '../../src/registry/field-reference.ts';
import type { JsonSchema } from '../../src/registry/json-schema.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import {
	fromStructuredOutput,
	structuredOutputSchema,
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
		expect(at('summary', 'fr')['description']).toBe(
			'In French. At most 400 characters in each language.',
		);
	});

	it('folds labels, help and vocabulary definitions into the descriptions', () => {
		expect(at('automation')['description']).toMatch(
			/^Automation level\. How much of the decision is left to the machine\. Values: information = Information support \(The system provides information/,
		);
	});

	it('offers the registry’s model ids, and no model at all when there are none', () => {
		expect(at('models', '[]', 'model')['enum']).toEqual(registry.models.map((m) => m.id).sort());
		const empty = structuredOutputSchema('systems', { ...registry, models: [] });
		expect(schemaAt(empty, 'models')['maxItems']).toBe(0);
	});

	it('falls back on the id pattern when the models are too many to enumerate', () => {
		const models = Array.from({ length: 501 }, (_, i) => ({ id: `model-${i}` }));
		const many = structuredOutputSchema('systems', {
			vocabularies: registry.vocabularies,
			models: models as unknown as typeof registry.models,
		});
		const model = schemaAt(many, 'models', '[]', 'model');
		expect(model).not.toHaveProperty('enum');
		expect(model['pattern']).toBe('^[a-z0-9][a-z0-9.-]{0,63}$');
	});

	it('omits the id, language, provenance and review', () => {
		for (const key of ['id', 'language', 'provenance', 'review']) {
			expect(schema['properties']).not.toHaveProperty(key);
		}
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
