import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
	formatFieldPath,
	isTextSchema,
	schemaFields,
	valuesAt,
} from '../../src/registry/schema-fields.ts';
import {
	SystemSchema,
	TextSchema,
	field,
	shortTextSchema,
} from '../../src/registry/schemas/index.ts';

describe('schemaFields', () => {
	it('finds every text of a schema, wherever it is nested', () => {
		const texts = schemaFields(SystemSchema)
			.filter((f) => f.type === 'text')
			.map((f) => formatFieldPath(f.path));
		expect(texts).toContain('models[].usage');
		expect(texts).toContain('generativeAi.retention');
		expect(texts).toContain('sourceCode.notPublishedReason');
		expect(texts).not.toContain('language');
	});

	it('reads documentation through optional and default wrappers', () => {
		const schema = z.object({
			a: field(z.array(z.string()).default([]), {
				label: { fr: 'A', en: 'A' },
				help: { fr: 'a', en: 'a' },
				vocabulary: 'v',
			}),
			b: field(TextSchema, { label: { fr: 'B', en: 'B' }, help: { fr: 'b', en: 'b' } }).optional(),
		});
		const [a, b] = schemaFields(schema);
		expect(a).toMatchObject({ path: ['a'], list: true, required: false, type: 'string' });
		expect(a?.doc?.vocabulary).toBe('v');
		expect(b).toMatchObject({ path: ['b'], required: false, type: 'text' });
		expect(b?.doc?.label.en).toBe('B');
	});

	it('tells bilingual texts from other objects', () => {
		expect(isTextSchema(TextSchema)).toBe(true);
		expect(isTextSchema(shortTextSchema(10))).toBe(true);
		expect(isTextSchema(z.object({ fr: z.string() }))).toBe(false);
	});

	it('refuses a schema type it cannot describe', () => {
		expect(() => schemaFields(z.object({ when: z.date() }))).toThrow(
			'schema-fields: no field type for a zod "date" schema',
		);
	});
});

describe('valuesAt', () => {
	it('expands lists and skips absent values', () => {
		const data = { models: [{ usage: { fr: 'a' } }, {}, { usage: { fr: 'b' } }] };
		expect(valuesAt(data, ['models', '[]', 'usage'])).toEqual([
			{ path: ['models', 0, 'usage'], value: { fr: 'a' } },
			{ path: ['models', 2, 'usage'], value: { fr: 'b' } },
		]);
		expect(valuesAt(data, ['absent', 'x'])).toEqual([]);
		expect(valuesAt('not an object', ['a'])).toEqual([]);
	});
});
