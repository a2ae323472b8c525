import { describe, expect, it } from 'vitest';
import {
	estimateCost,
	estimateEnergy,
	totalUsage,
	type CallUsage,
} from '../../src/drafting/footprint.ts';
import { modelPrice, providerPreset } from '../../src/drafting/providers.ts';

const call = (completionTokens: number, durationMs = 10_000): CallUsage => ({
	usage: { promptTokens: 3000, completionTokens, totalTokens: 3000 + completionTokens },
	providerCost: null,
	providerCarbon: null,
	durationMs,
});

describe('cost and energy of a draft', () => {
	it('adds up the calls of a run, repair included', () => {
		expect(totalUsage([call(400), call(600)])).toEqual({
			promptTokens: 6000,
			completionTokens: 1000,
			totalTokens: 7000,
		});
		expect(totalUsage([{ ...call(1), usage: null }])).toBeNull();
	});

	it('prices tokens from the preset’s list prices, matching dated model names', () => {
		const openai = providerPreset('openai');
		expect(modelPrice(openai, 'gpt-4.1-mini-2025-04-14')).toEqual(
			modelPrice(openai, 'gpt-4.1-mini'),
		);
		const cost = estimateCost([call(1000)], openai, 'gpt-4.1-mini');
		// 3,000 × 0.40 + 1,000 × 1.60 per million tokens.
		expect(cost).toMatchObject({ amount: 0.0028, currency: 'USD', source: 'price-table' });
		expect(estimateCost([call(1000)], openai, 'unknown-model')).toBeNull();
	});

	it('estimates energy with EcoLogits’ usage-phase model when the parameters are known', () => {
		// Mistral Small (23.6 B, one 80 GB GPU), 400 output tokens over 10 s, PUE 1.16:
		// 1.16 × (10/3600 × 1.2 kW × 1/8 × 1/64 + 400 × (α·e^(64β)·23.6 + γ)/1000) ≈ 3.2593e-5 kWh.
		const energy = estimateEnergy([call(400)], providerPreset('mistral'), 'mistral-small-latest');
		expect(energy?.source).toBe('estimate');
		expect(energy?.kWh.min).toBeCloseTo(3.2593e-5, 8);
		expect(energy?.kWh.max).toBe(energy?.kWh.min);
		expect(energy?.kgCO2eq?.min).toBeCloseTo(3.2593e-5 * 0.03582, 10);
		expect(energy?.basis).toContain('EcoLogits');
	});

	it('gives a range for closed models and nothing for unknown ones', () => {
		const range = estimateEnergy([call(400)], providerPreset('openai'), 'gpt-4o-mini');
		expect(range && range.kWh.max > range.kWh.min).toBe(true);
		expect(estimateEnergy([call(400)], providerPreset('openai'), 'mystery')).toBeNull();
		expect(estimateEnergy([call(400)], providerPreset('compatible'), 'gpt-4o-mini')).toBeNull();
	});

	it('prefers the provider’s own figures', () => {
		const albert: CallUsage = {
			...call(400),
			providerCost: 0.001,
			providerCarbon: { kWh: { min: 1e-4, max: 2e-4 }, kgCO2eq: null },
		};
		const preset = providerPreset('albert');
		expect(estimateCost([albert, albert], preset, 'albert-large')).toMatchObject({
			amount: 0.002,
			source: 'provider',
		});
		expect(estimateEnergy([albert, albert], preset, 'albert-large')).toMatchObject({
			source: 'provider',
			kWh: { min: 2e-4, max: 4e-4 },
			kgCO2eq: null,
		});
	});
});
