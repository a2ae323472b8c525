import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { registryDocument } from '../../src/registry/exports/open-data.ts';
import { testLicence, testPublisher } from './exports/frictionless.ts';
import { entryJsonSchema, registryJsonSchema } from '../../src/registry/json-schema.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import { entryKinds } from '../../src/registry/kinds/index.ts';
import { sampleDir, schemaAt } from './helpers.ts';

const registry = await loadRegistry(sampleDir);

/** A strict validator that knows our documentation keywords. */
function validator() {
	const ajv = new Ajv2020({ strict: true, allErrors: true });
	addFormats.default(ajv);
	ajv.addVocabulary(['x-label', 'x-help', 'x-vocabulary', 'x-references', 'x-empty']);
	return ajv;
}

describe('registryJsonSchema', () => {
	const schema = registryJsonSchema(registry.vocabularies);
	const validate = validator().compile(schema);
	const document = JSON.parse(
		JSON.stringify(
			registryDocument(
				Object.fromEntries(entryKinds.map((kind) => [kind, registry[kind].map((e) => e.data)])),
				{
					publisher: testPublisher,
					licence: testLicence,
					generatedAt: new Date('2026-11-21T12:00:00Z'),
				},
			),
		),
	);

	it('validates the registry.json of the sample registry', () => {
		expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
	});

	it('names the publisher with its official identifier, and requires it', () => {
		expect(document.publisher.identifier).toEqual(testPublisher.identifier);
		const bad = structuredClone(document);
		delete bad.publisher.identifier;
		expect(validate(bad)).toBe(false);
	});

	it('rejects a value outside a vocabulary, and an unknown field', () => {
		const bad = structuredClone(document);
		bad.systems[0].status = 'deployed';
		bad.models[0].colour = 'blue';
		expect(validate(bad)).toBe(false);
		expect(validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual([
			'/models/0 additionalProperties',
			'/systems/0/status enum',
		]);
	});

	it('is a draft 2020-12 schema without $id, carrying the bilingual field docs', () => {
		expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
		expect(schema).not.toHaveProperty('$id');
		const purpose = schemaAt(schema, 'systems', '[]', 'purpose');
		expect(purpose['x-label']).toEqual({ fr: 'Finalité', en: 'Purpose' });
		expect(purpose['description']).toBe('What the system is for, and why.');
	});

	it('turns every vocabulary field into an enum of the vocabulary’s keys, lists included', () => {
		const keys = (name: string) => registry.vocabularies.get(name)?.values.map((v) => v.key);
		const enumAt = (...path: string[]) => schemaAt(schema, ...path)['enum'];
		expect(enumAt('systems', '[]', 'status')).toEqual(keys('statuses'));
		expect(enumAt('systems', '[]', 'principles', '[]')).toEqual(keys('principles'));
		expect(enumAt('systems', '[]', 'aiAct', 'riskClass')).toEqual(keys('risk-classes'));
		expect(enumAt('models', '[]', 'modalities', '[]')).toEqual(keys('modalities'));
		expect(enumAt('models', '[]', 'learningType')).toEqual(keys('learning-types'));
	});
});

describe('entryJsonSchema', () => {
	it.each(entryKinds)('validates the front matter of every sample %s file', (kind) => {
		const validate = validator().compile(entryJsonSchema(kind, registry.vocabularies));
		for (const entry of registry[kind]) {
			const ok = validate(entry.file.data);
			expect(ok, `${entry.file.path}: ${JSON.stringify(validate.errors)}`).toBe(true);
		}
	});

	it('says what an entry file may leave out: defaulted lists are optional on input', () => {
		const required = entryJsonSchema('systems', registry.vocabularies)['required'];
		expect(required).not.toContain('models');
		expect(required).toContain('purpose');
	});
});
