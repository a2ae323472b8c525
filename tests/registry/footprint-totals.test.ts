import { describe, expect, it } from 'vitest';
import { footprintTotals, type FootprintSource } from '../../src/registry/footprint-totals.ts';
import { loadRegistry, type Entry } from '../../src/registry/load.ts';
import { entryKinds } from '../../src/registry/kinds/index.ts';
import type { Drafted } from '../../src/registry/schemas/index.ts';
import { sampleDir } from './helpers.ts';

const entry = (drafted?: Drafted): FootprintSource => ({
	data: { provenance: drafted ? { drafted } : {} },
});

describe('footprintTotals', () => {
	const entries = [
		entry({
			provider: 'albert',
			model: 'albert-large',
			date: '2026-10-04',
			tokens: { input: 1000, output: 200 },
			cost: { amount: 0.1, currency: 'EUR' },
			energyWh: { min: 0.1, max: 0.2 },
		}),
		// A correction of an entry written by a person: its draft counts, as a correction.
		{
			data: {
				provenance: {
					revisions: [
						{ drafted: undefined },
						{
							drafted: {
								provider: 'albert',
								model: 'albert-large',
								date: '2026-11-30',
								tokens: { input: 3000, output: 600 },
								cost: { amount: 0.2, currency: 'EUR' },
								energyWh: { min: 0.2, max: 0.3 },
							},
						},
					],
				},
			},
		},
		// A local model: no price. A provider that said nothing: no figure at all.
		entry({
			provider: 'ollama',
			model: 'mistral-small3.2',
			date: '2026-11-01',
			tokens: { input: 500, output: 100 },
			energyWh: { min: 0.05, max: 0.05 },
		}),
		entry({ provider: 'compatible', model: 'local', date: '2026-11-02' }),
		entry({
			provider: 'openai',
			model: 'gpt-4.1-mini',
			date: '2026-09-15',
			cost: { amount: 0.0028, currency: 'USD' },
		}),
		// Written by a person: not counted.
		entry(),
		{ data: {} },
	];
	const totals = footprintTotals(entries);

	it('adds up the drafts, saying over how many each figure is known', () => {
		expect(totals.all).toEqual({
			drafts: 5,
			corrections: 1,
			tokens: { input: 4500, output: 900, known: 3 },
			cost: {
				amounts: [
					{ currency: 'EUR', amount: 0.3 },
					{ currency: 'USD', amount: 0.0028 },
				],
				known: 3,
			},
			energyWh: { min: 0.35, max: 0.55, known: 3 },
		});
	});

	it('groups by month, oldest first', () => {
		expect(totals.byMonth.map(({ month, drafts }) => [month, drafts])).toEqual([
			['2026-09', 1],
			['2026-10', 1],
			['2026-11', 3],
		]);
		expect(totals.byMonth[2]?.tokens).toEqual({ input: 3500, output: 700, known: 2 });
		expect(totals.byMonth[2]?.corrections).toBe(1);
		expect(totals.byMonth[2]?.cost.amounts).toEqual([{ currency: 'EUR', amount: 0.2 }]);
	});

	it('groups by provider, most drafts first, then by name', () => {
		expect(totals.byProvider.map(({ provider, drafts }) => [provider, drafts])).toEqual([
			['albert', 2],
			['compatible', 1],
			['ollama', 1],
			['openai', 1],
		]);
		expect(totals.byProvider[2]?.cost).toEqual({ amounts: [], known: 0 });
	});

	it('gives zeros and no rows for a registry without AI drafts', () => {
		expect(footprintTotals([entry(), { data: {} }])).toEqual({
			all: {
				drafts: 0,
				corrections: 0,
				tokens: { input: 0, output: 0, known: 0 },
				cost: { amounts: [], known: 0 },
				energyWh: { min: 0, max: 0, known: 0 },
			},
			byMonth: [],
			byProvider: [],
		});
	});

	it('totals the sample registry’s AI-drafted entries', async () => {
		const registry = await loadRegistry(sampleDir);
		const sample = footprintTotals(entryKinds.flatMap((kind) => registry[kind] as Entry[]));
		// Five entries drafted with AI, each corrected once with AI (provenance.revisions).
		expect(sample.all).toEqual({
			drafts: 10,
			corrections: 5,
			tokens: { input: 89360, output: 18880, known: 10 },
			cost: {
				amounts: [
					{ currency: 'EUR', amount: 0.0124 },
					{ currency: 'USD', amount: 0.001262 },
				],
				known: 10,
			},
			energyWh: { min: 1.3058, max: 1.427, known: 10 },
		});
		expect(sample.byMonth.map((month) => month.month)).toEqual(['2026-10', '2026-11']);
		expect(sample.byProvider.map((provider) => provider.provider)).toEqual(['albert', 'mistral']);
	});
});
