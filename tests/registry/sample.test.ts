import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { bodySections } from '../../src/registry/body.ts';
import { loadRegistry, type Entry } from '../../src/registry/load.ts';
import { anyItem, schemaFields, valuesAt } from '../../src/registry/schema-fields.ts';
import { entryKinds, entrySchemas } from '../../src/registry/kinds/index.ts';
import { present, sampleDir } from './helpers.ts';

/** The sample registry exercises the whole data model, so the site and tests can rely on it. */
const registry = await loadRegistry(sampleDir);
const entries: Entry[] = entryKinds.flatMap((kind) => registry[kind] as Entry[]);

describe('the sample registry', () => {
	it('holds at least 8 valid systems and 8 valid models', () => {
		expect(registry.problems).toEqual([]);
		expect(registry.systems.length).toBeGreaterThanOrEqual(8);
		expect(registry.models.length).toBeGreaterThanOrEqual(8);
	});

	it('registers the drafting assistant itself, with the model it uses', () => {
		const assistant = registry.systems.find((s) => s.id === 'assistant-redaction-registre');
		expect(assistant?.data.approach).toBe('generative');
		expect(assistant?.data.models.map((use) => use.model)).toEqual(['mistral-small-3-2']);
	});

	it.each(entryKinds)('gives every field of %s a value in at least one entry', (kind) => {
		const files = (registry[kind] as Entry[]).map((entry) => entry.file.data);
		const unused = schemaFields(entrySchemas[kind] as z.ZodObject)
			.map((field) => (field.list ? [...field.path, anyItem] : field.path))
			.filter((path) => files.every((data) => valuesAt(data, path).length === 0))
			.map((path) => path.join('.'));
		expect(unused).toEqual([]);
	});

	it('uses every value of every vocabulary the schemas name', () => {
		// Legal lists (GDPR bases and data categories, certifications), not the registry’s own: no honest sample uses them all.
		const legalLists = new Set(['legal-bases', 'personal-data-categories', 'certifications']);
		const used = new Map<string, Set<unknown>>();
		for (const entry of entries) {
			for (const field of schemaFields(entrySchemas[entry.kind] as z.ZodObject)) {
				const name = field.doc?.vocabulary;
				if (!name || legalLists.has(name)) continue;
				const path = field.list ? [...field.path, anyItem] : field.path;
				const values = used.get(name) ?? new Set();
				for (const { value } of valuesAt(entry.data, path)) values.add(value);
				used.set(name, values);
			}
		}
		const unused = [...used].flatMap(([name, values]) =>
			(registry.vocabularies.get(name)?.values ?? [])
				.filter((value) => !values.has(value.key))
				.map((value) => `${name}: ${value.key}`),
		);
		expect(unused).toEqual([]);
	});

	it('shows every translation state, both original languages and an AI-drafted entry', () => {
		const states = new Set(entries.map((e) => `${e.data.language.translation}`));
		expect([...states].sort()).toEqual(['human', 'machine', 'missing']);
		expect(new Set(entries.map((e) => e.data.language.original))).toEqual(new Set(['fr', 'en']));
		const drafted = entries.filter((e) => e.data.provenance?.drafted);
		expect(drafted.length).toBeGreaterThan(0);
		expect(drafted.every((e) => e.data.language.translation === 'machine')).toBe(true);
	});

	it('has an entry whose body holds both language blocks', () => {
		const withBody = entries.filter((e) => e.file.body.trim() !== '');
		expect(withBody.length).toBeGreaterThan(0);
		expect(Object.keys(bodySections(present(withBody[0]).file)).sort()).toEqual(['en', 'fr']);
	});

	it('defines every learning type in both languages, as readers need to see', () => {
		const values = registry.vocabularies.get('learning-types')?.values ?? [];
		expect(values.length).toBeGreaterThanOrEqual(4);
		for (const value of values) {
			expect(value.definition?.fr, value.key).toBeTruthy();
			expect(value.definition?.en, value.key).toBeTruthy();
		}
	});

	it('uses every model in at least one system', () => {
		const used = new Set(registry.systems.flatMap((s) => s.data.models.map((use) => use.model)));
		expect(registry.models.filter((m) => !used.has(m.id)).map((m) => m.id)).toEqual([]);
	});
});
