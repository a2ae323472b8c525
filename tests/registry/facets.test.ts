import { describe, expect, it } from 'vitest';
import { facetValues, facetsFor } from '../../src/registry/facets.ts';
import { schemaAt, valueAt } from '../../src/registry/schema-fields.ts';
import { SystemSchema, fieldDoc } from '../../src/registry/schemas/index.ts';

describe('facetsFor', () => {
	it('labels each facet from the schema’s own field documentation', () => {
		const risk = facetsFor('systems').find((facet) => facet.name === 'risk');
		expect(risk).toMatchObject({
			path: 'aiAct.riskClass',
			vocabulary: 'risk-classes',
			label: fieldDoc(schemaAt(SystemSchema, 'aiAct.riskClass'))?.label,
		});
		expect(facetsFor('models').map((facet) => facet.name)).toContain('learning');
	});

	it('marks the facets whose values are ids of other entries', () => {
		const references = facetsFor('systems').flatMap((facet) =>
			facet.references ? [[facet.name, facet.references]] : [],
		);
		expect(references).toEqual([['model', 'models']]);
		expect(facetsFor('models').some((facet) => facet.references)).toBe(false);
	});
});

describe('facetValues', () => {
	const data = {
		status: 'pilot',
		owner: { unit: { fr: 'Direction du numérique', en: 'Digital department' } },
		models: [{ model: 'whisper' }, { model: 'bge-m3' }],
	};
	const facet = (name: string) => {
		const found = facetsFor('systems').find((f) => f.name === name);
		if (!found) throw new Error(name);
		return found;
	};

	it('reads vocabulary keys, reference ids and texts in the reader’s language', () => {
		expect(facetValues(data as never, facet('status'), 'fr')).toEqual(['pilot']);
		expect(facetValues(data as never, facet('model'), 'fr')).toEqual(['whisper', 'bge-m3']);
		expect(facetValues(data as never, facet('unit'), 'en')).toEqual(['Digital department']);
	});

	it('reads booleans as yes/no and tolerates missing values', () => {
		const weights = facetsFor('models').find((f) => f.name === 'weights');
		if (!weights) throw new Error('weights');
		expect(facetValues({ licence: { openWeights: false } } as never, weights, 'fr')).toEqual([
			'no',
		]);
		expect(valueAt({}, 'a.b.c')).toBeUndefined();
	});
});
