import { describe, expect, it } from 'vitest';
import { entryKinds, kinds, referencedKind } from '../../src/registry/kinds/index.ts';
import { schemaAt, schemaFields } from '../../src/registry/schema-fields.ts';
import { fieldDoc } from '../../src/registry/schemas/index.ts';

/** Fields every page shows outside its sections: the title, the lead and the translation notice. */
const aboveSections = (kind: (typeof kinds)[number]) => [
	kind.titleField,
	kind.summaryField,
	'language',
];

describe('the kinds’ descriptors', () => {
	it.each(kinds.map((kind) => [kind.name, kind] as const))(
		'place every top-level field of %s on its page exactly once',
		(_, kind) => {
			const placed = [
				// A facet or the translation state in the card repeats or derives: not a placement.
				...kind.layout.keyFacts.filter((fact) => typeof fact === 'string'),
				...kind.layout.sections.flatMap((section) =>
					section.items.flatMap((item) =>
						'field' in item
							? [item.field]
							: 'uses' in item
								? [item.uses]
								: 'special' in item && item.special === 'provenance'
									? ['provenance']
									: [],
					),
				),
			];
			const above = aboveSections(kind).filter((field) => !placed.includes(field));
			expect([...placed, ...above].sort()).toEqual(Object.keys(kind.schema.shape).sort());
			expect(new Set(placed).size).toBe(placed.length);
		},
	);

	it('give every section an anchor that is unique on its page', () => {
		for (const kind of kinds) {
			const slugs = kind.layout.sections.map((section) => section.slug);
			expect(new Set(slugs).size).toBe(slugs.length);
		}
	});

	it('name documented fields for their facets, badges, title, summary and questions', () => {
		for (const kind of kinds) {
			const paths = [
				kind.titleField,
				kind.summaryField,
				...kind.facets.map((facet) => facet.path),
				...kind.badges,
				...kind.form.questions.map((question) => question.path),
			];
			for (const path of paths) {
				expect(fieldDoc(schemaAt(kind.schema, path)), `${kind.name}: ${path}`).toBeDefined();
			}
			for (const field of kind.generatedFields) expect(kind.schema.shape).toHaveProperty(field);
		}
	});

	it('keep folders, URL segments, keys, form files and labels apart', () => {
		for (const pick of [
			(kind: (typeof kinds)[number]) => kind.name,
			(kind: (typeof kinds)[number]) => kind.segment,
			(kind: (typeof kinds)[number]) => kind.key,
			(kind: (typeof kinds)[number]) => kind.form.file,
			(kind: (typeof kinds)[number]) => kind.form.label,
		]) {
			const values = kinds.map(pick);
			expect(new Set(values).size).toBe(values.length);
		}
	});

	it('label their forms’ issues `registry: …`, which the drafting workflow filters on', () => {
		for (const kind of kinds) expect(kind.form.label).toMatch(/^registry: (?!error report$)/);
	});

	it('refer only to kinds that exist', () => {
		for (const kind of kinds) {
			for (const field of schemaFields(kind.schema)) {
				if (field.doc?.references) expect(entryKinds).toContain(referencedKind(field.doc));
			}
		}
		expect(() => referencedKind({ references: 'unicorns' })).toThrow(
			/"unicorns", which is not a kind/,
		);
	});
});
