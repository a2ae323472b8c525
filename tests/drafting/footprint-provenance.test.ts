import { beforeAll, describe, expect, it } from 'vitest';
import { draftFootprint } from '../../src/drafting/footprint.ts';
import { loadRegistry, type Registry } from '../../src/registry/load.ts';
import { entrySchemas } from '../../src/registry/kinds/index.ts';
import { issueMessage } from '../../src/registry/schema-issues.ts';
import { schemaMessages } from '../../src/registry/schemas/index.ts';
import { structuredOutputSchema } from '../../src/registry/structured-output.ts';
import { aiSystem, strictAnswer, tempRegistry } from './helpers.ts';
import { completion } from './openai-stub.ts';
import { checkWithDraft, readEntry, runScenario } from './run-draft.ts';

/** Scenarios load a registry and wait on the stub: allow more than 5 s on a busy runner. */
const slow = { timeout: 30_000 };

let registry: Registry;
beforeAll(async () => {
	registry = await loadRegistry(tempRegistry());
});

function systemAnswer(overrides: Record<string, unknown> = {}): unknown {
	return strictAnswer(structuredOutputSchema('systems', registry), { ...aiSystem(), ...overrides });
}

describe('the draft’s footprint, kept in the entry’s provenance', slow, () => {
	it('writes the report’s tokens, cost and energy (in Wh) into provenance.drafted', async () => {
		const run = await runScenario({ replies: [completion(systemAnswer())] });
		const drafted = readEntry(run).data.provenance.drafted as unknown as Record<string, unknown>;
		// The stub counts 1,200 tokens in and 400 out; gpt-4.1-mini costs 0.40 and 1.60 USD/M.
		expect(drafted).toMatchObject({
			provider: 'openai',
			model: 'gpt-4.1-mini',
			tokens: { input: 1200, output: 400 },
			cost: { amount: 0.00112, currency: 'USD' },
		});
		const kWh = run.report.energy?.kWh;
		expect(kWh && kWh.min > 0).toBe(true);
		expect(drafted['energyWh']).toEqual({
			min: Number(((kWh?.min ?? 0) * 1000).toPrecision(6)),
			max: Number(((kWh?.max ?? 0) * 1000).toPrecision(6)),
		});
		expect(await checkWithDraft(run)).toEqual([]);
	});

	it('counts the repair too: the entry kept carries every call it took', async () => {
		const invalid = systemAnswer({ principles: ['not-a-principle'] });
		const run = await runScenario({
			replies: [completion(invalid), completion(systemAnswer())],
		});
		expect(run.report).toMatchObject({ mode: 'ai', calls: 2 });
		const drafted = readEntry(run).data.provenance.drafted as unknown as Record<string, unknown>;
		expect(drafted['tokens']).toEqual({ input: 2400, output: 800 });
		expect(drafted['cost']).toEqual({ amount: 0.00224, currency: 'USD' });
	});

	it('leaves out the cost of a local model, which has no price, and keeps its tokens and energy', async () => {
		const run = await runScenario({
			replies: [completion(systemAnswer())],
			env: { AI_PROVIDER: 'ollama', AI_MODEL: 'mistral-small3.2', AI_API_KEY: '' },
		});
		const drafted = readEntry(run).data.provenance.drafted as unknown as Record<string, unknown>;
		expect(drafted).toMatchObject({ provider: 'ollama', tokens: { input: 1200, output: 400 } });
		expect(drafted).not.toHaveProperty('cost');
		expect(drafted['energyWh']).toMatchObject({ min: expect.any(Number) });
	});
});

describe('draftFootprint', () => {
	it('gives only the figures the run has, in the schema’s shape', () => {
		expect(draftFootprint({ usage: null, cost: null, energy: null })).toEqual({});
		const footprint = draftFootprint({
			usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 },
			cost: { amount: 0.5, currency: 'EUR', source: 'provider', basis: 'usage.cost' },
			energy: {
				kWh: { min: 0.000123, max: 0.000456 },
				kgCO2eq: null,
				source: 'provider',
				basis: 'usage.carbon',
			},
		});
		expect(footprint).toEqual({
			tokens: { input: 10, output: 5 },
			cost: { amount: 0.5, currency: 'EUR' },
			energyWh: { min: 0.123, max: 0.456 },
		});
		const provenance = entrySchemas.systems.shape.provenance;
		expect(
			provenance.safeParse({
				fields: {},
				drafted: { provider: 'albert', model: 'albert-large', date: '2026-11-30', ...footprint },
			}).success,
		).toBe(true);
	});
});

describe('the footprint’s checks, in both languages', () => {
	const drafted = (footprint: Record<string, unknown>) => ({
		fields: {},
		drafted: { provider: 'albert', model: 'albert-large', date: '2026-11-30', ...footprint },
	});
	const messages = (footprint: Record<string, unknown>) => {
		const value = drafted(footprint);
		const parsed = entrySchemas.systems.shape.provenance.safeParse(value);
		return parsed.success ? [] : parsed.error.issues.map((issue) => issueMessage(issue, value));
	};

	it('refuses an energy range upside down and a currency that is not a code', () => {
		expect(messages({ energyWh: { min: 2, max: 1 } })).toEqual([schemaMessages.bounds]);
		expect(messages({ cost: { amount: 1, currency: 'euros' } })).toEqual([schemaMessages.currency]);
		expect(
			messages({ energyWh: { min: 1, max: 1 }, cost: { amount: 0, currency: 'EUR' } }),
		).toEqual([]);
	});
});
