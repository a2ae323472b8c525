import type { Drafted } from '../registry/schemas/index.ts';
import type { DraftReport, Usage } from './report.ts';
import {
	modelParameterCount,
	modelPrice,
	type ElectricityZone,
	type ProviderPreset,
} from './providers.ts';

/**
 * The cost and energy of the model calls, shown to reviewers so the drafting's own footprint is
 * published. Figures the provider returns win; otherwise we estimate and say how.
 */

/** What one model call used, as far as the provider told us. */
export interface CallUsage {
	usage: Usage | null;
	/** Cost as returned by the provider (Albert's `usage.cost`). */
	providerCost: number | null;
	/** Energy and carbon as returned by the provider (Albert's `usage.carbon`). */
	providerCarbon: { kWh: Range; kgCO2eq: Range | null } | null;
	durationMs: number;
}

/** A figure known within bounds. */
export interface Range {
	min: number;
	max: number;
}

/** Sums the token counts of several calls; null when no call reported any. */
export function totalUsage(calls: readonly CallUsage[]): Usage | null {
	const reported = calls.flatMap((call) => (call.usage ? [call.usage] : []));
	if (reported.length === 0) return null;
	return {
		promptTokens: sum(reported.map((u) => u.promptTokens)),
		completionTokens: sum(reported.map((u) => u.completionTokens)),
		totalTokens: sum(reported.map((u) => u.totalTokens)),
	};
}

/** Cost of the calls: the provider's own figure, else tokens × list price, else null. */
export function estimateCost(
	calls: readonly CallUsage[],
	preset: ProviderPreset,
	model: string,
): DraftReport['cost'] {
	if (calls.length > 0 && calls.every((call) => call.providerCost !== null)) {
		return {
			amount: round(sum(calls.map((call) => call.providerCost ?? 0))),
			currency: 'EUR',
			source: 'provider',
			basis: `usage.cost returned by ${preset.name}`,
		};
	}
	const usage = totalUsage(calls);
	const price = modelPrice(preset, model);
	if (!usage || !price) return null;
	return {
		amount: round((usage.promptTokens * price.input + usage.completionTokens * price.output) / 1e6),
		currency: price.currency,
		source: 'price-table',
		basis: `${price.input} ${price.currency}/M input tokens, ${price.output} ${price.currency}/M output tokens (${preset.name} list price for ${model}, src/drafting/providers.ts)`,
	};
}

/** Energy of the calls: the provider's figures, else an EcoLogits-style estimate, else null. */
export function estimateEnergy(
	calls: readonly CallUsage[],
	preset: ProviderPreset,
	model: string,
): DraftReport['energy'] {
	if (calls.length > 0 && calls.every((call) => call.providerCarbon !== null)) {
		const carbon = calls.map((call) => call.providerCarbon);
		const co2 = carbon.map((c) => c?.kgCO2eq ?? null);
		return {
			kWh: sumRanges(carbon.map((c) => c?.kWh ?? { min: 0, max: 0 })),
			kgCO2eq: co2.every((c) => c !== null) ? sumRanges(co2 as Range[]) : null,
			source: 'provider',
			basis: `usage.carbon returned by ${preset.name}`,
		};
	}
	const parameters = modelParameterCount(model);
	if (!parameters || !preset.footprint || calls.some((call) => !call.usage)) return null;
	const { electricityZone, pue } = preset.footprint;
	const kWh = sumRanges(
		calls.map((call) => {
			const tokens = call.usage?.completionTokens ?? 0;
			const latency = call.durationMs / 1000;
			return {
				min: requestEnergy(parameters.min, tokens, latency, pue.min),
				max: requestEnergy(parameters.max, tokens, latency, pue.max),
			};
		}),
	);
	const gwp = electricityGwp[electricityZone];
	return {
		kWh,
		kgCO2eq: { min: round(kWh.min * gwp), max: round(kWh.max * gwp) },
		source: 'estimate',
		basis: `EcoLogits usage-phase method (genai-impact/ecologits, impacts/llm.py): ${parameters.min}–${parameters.max} B parameters, output tokens only, PUE ${pue.min}–${pue.max}, ${electricityZone} electricity mix ${gwp} kgCO2eq/kWh; manufacturing excluded`,
	};
}

/**
 * The report's figures as the entry's provenance keeps them (`provenance.drafted`): tokens in and
 * out, cost and its currency, energy in watt-hours. A figure the run did not give is left out.
 */
export function draftFootprint(
	report: Pick<DraftReport, 'usage' | 'cost' | 'energy'>,
): Pick<Drafted, 'tokens' | 'cost' | 'energyWh'> {
	const { usage, cost, energy } = report;
	return {
		...(usage && { tokens: { input: usage.promptTokens, output: usage.completionTokens } }),
		...(cost && { cost: { amount: cost.amount, currency: cost.currency } }),
		...(energy && {
			energyWh: { min: round(energy.kWh.min * 1000), max: round(energy.kWh.max * 1000) },
		}),
	};
}

// EcoLogits' regression and hardware constants (genai-impact/ecologits, impacts/llm.py).
const gpuEnergy = {
	alpha: 1.1665273170451914e-6,
	beta: -0.011205921025579175,
	gamma: 4.052928146734005e-5,
};
const latency = {
	alpha: 6.785088094353663e-4,
	beta: 3.119310311688259e-4,
	gamma: 0.019473717579473387,
};
const batchSize = 64;
const gpuMemoryGB = 80;
const serverGpus = 8;
const serverPowerKW = 1.2;
const quantisationBits = 16;

// kgCO2eq per kWh, EcoLogits' data/electricity_mixes.csv.
const electricityGwp: Record<ElectricityZone, number> = {
	FRA: 0.04418,
	SWE: 0.03582,
	USA: 0.38355,
	WOR: 0.47301,
};

/** Energy in kWh of one generation request, following EcoLogits' usage-phase model. */
function requestEnergy(
	parametersB: number,
	outputTokens: number,
	requestLatencyS: number,
	pue: number,
): number {
	const gpuKWhPerToken =
		(gpuEnergy.alpha * Math.exp(gpuEnergy.beta * batchSize) * parametersB + gpuEnergy.gamma) / 1000;
	const gpuKWh = outputTokens * gpuKWhPerToken;
	const latencyPerToken = latency.alpha * parametersB + latency.beta * batchSize + latency.gamma;
	const generationLatency = Math.min(requestLatencyS, outputTokens * latencyPerToken);
	const memoryGB = (1.2 * parametersB * quantisationBits) / 8;
	const gpus = 2 ** Math.ceil(Math.log2(Math.ceil(memoryGB / gpuMemoryGB)));
	const serverKWh =
		(generationLatency / 3600) * serverPowerKW * (gpus / serverGpus) * (1 / batchSize);
	return pue * (serverKWh + gpus * gpuKWh);
}

function sum(values: readonly number[]): number {
	return values.reduce((total, value) => total + value, 0);
}

function sumRanges(ranges: readonly Range[]): Range {
	return { min: round(sum(ranges.map((r) => r.min))), max: round(sum(ranges.map((r) => r.max))) };
}

/** Keeps six significant digits: enough for a reviewer, stable in snapshots. */
function round(value: number): number {
	return Number(value.toPrecision(6));
}
