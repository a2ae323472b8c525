import { describe, expect, it } from 'vitest';
import { entryKinds, entrySchemas } from '../../src/registry/schemas/index.ts';
import { entryLayout, fieldsAboveSections } from '../../src/utils/entry-layout.ts';

/** The fields that special parts of the page render. */
const renderedBy: Record<string, string> = { uses: 'models', provenance: 'provenance' };

describe('entryLayout', () => {
	it.each(entryKinds)('places every top-level field of %s exactly once', (kind) => {
		const layout = entryLayout[kind];
		const placed = [
			...fieldsAboveSections,
			...layout.keyFacts,
			...layout.sections.flatMap((section) =>
				section.items.flatMap((item) =>
					'field' in item
						? [item.field]
						: item.special in renderedBy
							? [renderedBy[item.special]]
							: [],
				),
			),
		].filter((field) => !(kind === 'models' && field === 'summary'));
		const fields = Object.keys(entrySchemas[kind].shape);
		expect([...placed].sort()).toEqual([...fields].sort());
	});

	it('gives every section an anchor that is unique on its page', () => {
		for (const kind of entryKinds) {
			const slugs = entryLayout[kind].sections.map((section) => section.slug);
			expect(new Set(slugs).size).toBe(slugs.length);
		}
	});
});
