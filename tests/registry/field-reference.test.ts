import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldReference, fieldTypeLabels } from '../../src/registry/field-reference.ts';
import { field } from '../../src/registry/schemas/index.ts';
import { entryKinds } from '../../src/registry/kinds/index.ts';

describe('fieldReference', () => {
	it.each(entryKinds)(
		'documents every field of %s, nested ones included, in both languages',
		(kind) => {
			for (const item of fieldReference(kind)) {
				for (const text of [item.label.fr, item.label.en, item.help.fr, item.help.en]) {
					expect(text.trim(), item.path).not.toBe('');
				}
				expect(fieldTypeLabels[item.type], item.path).toBeDefined();
			}
		},
	);

	it('lists the fields in declaration order, parents before children', () => {
		const paths = fieldReference('systems').map((item) => item.path);
		expect(paths.slice(0, 4)).toEqual(['id', 'name', 'summary', 'domain']);
		expect(paths.indexOf('models')).toBeLessThan(paths.indexOf('models[].model'));
		expect(paths).toContain('generativeAi.hosting.residency');
		expect(paths).toContain('provenance.drafted.date');
	});

	it('describes each field’s type, requirement, vocabulary, reference and limits', () => {
		const byPath = new Map(fieldReference('systems').map((item) => [item.path, item]));
		expect(byPath.get('summary')).toMatchObject({
			type: 'text',
			required: true,
			maxLength: 400,
			depth: 0,
		});
		expect(byPath.get('principles')).toMatchObject({
			type: 'string',
			list: true,
			required: false,
			vocabulary: 'principles',
		});
		expect(byPath.get('models[].model')).toMatchObject({
			references: 'models',
			required: true,
			depth: 1,
		});
		expect(byPath.get('language.translation')?.choices).toEqual(['human', 'machine', 'missing']);
		expect(byPath.get('endDate')).toMatchObject({ type: 'date', required: false });
		expect(byPath.get('purpose')?.label).toEqual({ fr: 'Finalité', en: 'Purpose' });
	});

	it('learns a new field from the schema alone', () => {
		const documented = field(z.string().optional(), {
			label: { fr: 'Nouveau', en: 'New' },
			help: { fr: 'Un champ ajouté.', en: 'An added field.' },
		});
		expect(documented.meta()?.['x-label']).toEqual({ fr: 'Nouveau', en: 'New' });
	});
});
