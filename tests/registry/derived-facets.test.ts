/**
 * Facets read in the entries an entry names (the models a system uses), computed when the site
 * is built and never stored twice; and the rule that tells a generative model.
 */
import { describe, expect, it } from 'vitest';
import { registryDir } from '../../src/config/site.ts';
import { facetValues, facetsFor, type EntryLookup } from '../../src/registry/facets.ts';
import { kindOf, type EntryData } from '../../src/registry/kinds/index.ts';
import { loadRegistry } from '../../src/registry/load.ts';

const facet = (name: string) => {
	const found = facetsFor('systems').find((candidate) => candidate.name === name);
	if (!found) throw new Error(`no systems facet ${name}`);
	return found;
};

/** Two models: a language model run by a supplier outside the EU, an OCR engine at home. */
const models: Record<string, Record<string, unknown>> = {
	chat: {
		provider: 'Example AI',
		learningType: 'self-supervised',
		modalities: ['text', 'code'],
		licence: { name: 'proprietary', openWeights: false },
		hosting: { type: 'supplier-cloud', residency: 'outside-eu' },
	},
	ocr: {
		provider: 'Tesseract',
		learningType: 'supervised',
		modalities: ['image', 'text'],
		licence: { name: 'Apache-2.0', openWeights: true },
		hosting: { type: 'on-premises', residency: 'france' },
	},
};
const lookup: EntryLookup = (kind, id) =>
	kind === 'models' ? (models[id] as EntryData | undefined) : undefined;
const system = (...ids: string[]) =>
	({ approach: 'hybrid', models: ids.map((model) => ({ model })) }) as unknown as EntryData;

describe('derived facets', () => {
	it('read the values of a field in the entries named, once each', () => {
		const both = system('chat', 'ocr', 'ocr');
		expect(facetValues(both, facet('hosting'), 'fr', lookup)).toEqual([
			'supplier-cloud',
			'on-premises',
		]);
		expect(facetValues(both, facet('residency'), 'en', lookup)).toEqual(['outside-eu', 'france']);
		expect(facetValues(both, facet('provider'), 'en', lookup)).toEqual(['Example AI', 'Tesseract']);
		expect(facetValues(both, facet('weights'), 'en', lookup)).toEqual(['no', 'yes']);
	});

	it('say a system uses generative AI from its models, whatever its approach label', () => {
		expect(facetValues(system('chat'), facet('generative'), 'fr', lookup)).toEqual(['yes']);
		expect(facetValues(system('ocr'), facet('generative'), 'fr', lookup)).toEqual(['no']);
		expect(facetValues(system(), facet('generative'), 'fr', lookup)).toEqual(['no']);
	});

	it('count only the generative models for the residency of generative models', () => {
		const both = system('chat', 'ocr');
		expect(facetValues(both, facet('genai-residency'), 'fr', lookup)).toEqual(['outside-eu']);
		expect(facetValues(system('ocr'), facet('genai-residency'), 'fr', lookup)).toEqual([]);
	});

	it('have no values without a way to read the entries named, and skip unknown ids', () => {
		expect(facetValues(system('chat'), facet('hosting'), 'fr')).toEqual([]);
		expect(facetValues(system('missing'), facet('hosting'), 'fr', lookup)).toEqual([]);
	});

	it('take their vocabulary from the field read, and their rule as help', () => {
		expect(facet('hosting')).toMatchObject({ vocabulary: 'hosting', through: { kind: 'models' } });
		expect(facet('residency').vocabulary).toBe('data-residency');
		expect(facet('hosting').references).toBeUndefined();
		const rule = kindOf('models').traits?.find((trait) => trait.name === 'generative')?.rule;
		expect(facet('generative').help).toEqual(rule);
		expect(facet('genai-residency').help?.en).toContain('Generative AI');
	});
});

describe('the generative rule', () => {
	const generative = kindOf('models').traits?.find((trait) => trait.name === 'generative');
	const test = (data: Record<string, unknown>) => generative?.test(data);

	it('holds for language models and not for embeddings, OCR, classifiers or control agents', () => {
		expect(test(models.chat ?? {})).toBe(true);
		expect(test({ learningType: 'reinforcement-learning', modalities: ['text'] })).toBe(true);
		expect(test({ learningType: 'self-supervised', modalities: ['text', 'embeddings'] })).toBe(
			false,
		);
		expect(test(models.ocr ?? {})).toBe(false);
		expect(test({ learningType: 'reinforcement-learning', modalities: ['tabular'] })).toBe(false);
	});

	it('finds, in the sample, the "hybrid" systems that use a language model', async () => {
		const registry = await loadRegistry(registryDir);
		const byId: EntryLookup = (kind, id) =>
			(registry[kind] as { id: string; data: EntryData }[]).find((entry) => entry.id === id)?.data;
		const generativeSystems = registry.systems
			.filter((entry) => facetValues(entry.data, facet('generative'), 'fr', byId).includes('yes'))
			.map((entry) => entry.id);
		const hybrid = registry.systems.filter(
			(entry) =>
				entry.data.approach === 'hybrid' &&
				entry.data.models.some((use) =>
					['llama-3-1-8b-instruct', 'mistral-small-3-2'].includes(use.model),
				),
		);
		expect(hybrid.length).toBeGreaterThan(0);
		for (const entry of hybrid) expect(generativeSystems).toContain(entry.id);
		for (const entry of registry.systems.filter((s) => s.data.approach === 'generative')) {
			expect(generativeSystems).toContain(entry.id);
		}
	});
});
