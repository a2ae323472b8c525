import { beforeAll, describe, expect, it } from 'vitest';
import { providerPreset } from '../../src/drafting/providers.ts';
import { resolveDrafting } from '../../src/drafting/settings.ts';
import { loadSiteConfig } from '../../src/config/load.ts';
import { loadRegistry, type Registry } from '../../src/registry/load.ts';
import { structuredOutputSchema } from '../../src/registry/structured-output.ts';
import { completion } from './openai-stub.ts';
import { aiModel, aiSystem, modelAnswers, strictAnswer, tempRegistry } from './helpers.ts';
import { at, checkWithDraft, readEntry, requestBody, runScenario } from './run-draft.ts';

/** Scenarios load a registry and wait on the stub: allow more than 5 s on a busy runner. */
const slow = { timeout: 30_000 };

let registry: Registry;
beforeAll(async () => {
	registry = await loadRegistry(tempRegistry());
});

const modelReply = () =>
	completion(strictAnswer(structuredOutputSchema('models', registry), aiModel()));
const systemReply = (usage?: Record<string, unknown>) =>
	completion(
		strictAnswer(structuredOutputSchema('systems', registry), aiSystem()),
		usage ? { usage } : {},
	);

describe('provider presets', slow, () => {
	it('mistral: max_tokens, its temperature, an enforced schema without $ref', async () => {
		const run = await runScenario({
			form: 'models-detailed',
			answers: modelAnswers(),
			replies: [modelReply()],
			env: { AI_PROVIDER: 'mistral', AI_MODEL: 'mistral-small-latest' },
		});
		expect(run.exitCode).toBe(0);
		const body = requestBody(run);
		expect(body.max_tokens).toBe(4096);
		expect(body.max_completion_tokens).toBeUndefined();
		expect(body.temperature).toBe(0.3);
		expect(body.response_format.type).toBe('json_schema');
		expect(JSON.stringify(body.response_format)).not.toContain('$ref');
		const { data } = readEntry(run);
		expect(data.id).toBe('whisper-large-v3-turbo');
		expect(data.language).toEqual({ original: 'en', translation: 'machine' });
		expect(data['modalities']).toEqual(['audio', 'text']);
		expect(data.provenance.fields['modalities']).toBe('form');
		expect(data.provenance.fields['description']).toBe('ai');
		expect(await checkWithDraft(run)).toEqual([]);
		expect(run.report.cost).toMatchObject({ source: 'price-table', currency: 'USD' });
	});

	it('openai: shares the text object through $defs to keep the schema short', async () => {
		const run = await runScenario({ replies: [systemReply()] });
		const schema = requestBody(run).response_format.json_schema?.schema;
		expect(at(schema, '$defs.text.required')).toEqual(['fr', 'en']);
		expect(at(schema, 'properties.purpose.$ref')).toBe('#/$defs/text');
	});

	it('compatible: JSON mode, with the schema in the prompt instead', async () => {
		const run = await runScenario({
			replies: [systemReply()],
			env: { AI_PROVIDER: 'compatible', AI_MODEL: 'local-model' },
		});
		expect(run.exitCode).toBe(0);
		const body = requestBody(run);
		expect(body.response_format).toEqual({ type: 'json_object' });
		expect(body.max_tokens).toBe(4096);
		expect(body.messages[0]?.content).toContain('The JSON Schema the answer must follow');
		expect(run.report.sentChars).toBeLessThanOrEqual(16_000);
		expect(run.report.cost).toBeNull();
		expect(run.report.energy).toBeNull();
	});

	it('azure: the v1 endpoint with the plain client, the key also as api-key', async () => {
		const run = await runScenario({
			replies: [systemReply()],
			env: { AI_PROVIDER: 'azure', AI_MODEL: 'my-gpt-4-1-mini' },
		});
		expect(run.exitCode).toBe(0);
		expect(run.requests[0]?.headers['api-key']).toBe('test-key');
		expect(run.requests[0]?.headers.authorization).toBe('Bearer test-key');
		expect(run.requests[0]?.path).toBe('/v1/chat/completions');
	});

	it('albert: takes the cost and carbon figures the API returns', async () => {
		const usage = {
			prompt_tokens: 3000,
			completion_tokens: 900,
			total_tokens: 3900,
			cost: 0.0021,
			carbon: { kWh: { min: 0.0004, max: 0.0009 }, kgCO2eq: { min: 0.00002, max: 0.00005 } },
		};
		const run = await runScenario({
			replies: [systemReply(usage)],
			env: { AI_PROVIDER: 'albert', AI_MODEL: 'albert-large' },
		});
		expect(run.exitCode).toBe(0);
		expect(run.report.usage).toEqual({
			promptTokens: 3000,
			completionTokens: 900,
			totalTokens: 3900,
		});
		expect(run.report.cost).toMatchObject({ amount: 0.0021, source: 'provider' });
		expect(run.report.energy).toMatchObject({
			source: 'provider',
			kWh: { min: 0.0004, max: 0.0009 },
			kgCO2eq: { min: 0.00002, max: 0.00005 },
		});
	});

	it('ollama: needs no key', async () => {
		const run = await runScenario({
			replies: [systemReply()],
			env: { AI_PROVIDER: 'ollama', AI_API_KEY: '', AI_MODEL: 'mistral-small3.2' },
		});
		expect(run.exitCode).toBe(0);
		expect(run.report.mode).toBe('ai');
		expect(requestBody(run).max_tokens).toBe(4096);
		expect(run.report.energy).toMatchObject({ source: 'estimate' });
	});
});

describe('resolveDrafting', () => {
	const config = loadSiteConfig();

	it('falls back on registre.config.yml for the provider and model', () => {
		const mode = resolveDrafting({ AI_API_KEY: 'k' }, config);
		expect('ai' in mode && mode.ai.preset.name).toBe(config.drafting.provider);
		expect('ai' in mode && mode.ai.model).toBe(config.drafting.model);
	});

	it('uses the preset’s endpoint and model when the environment names another provider', () => {
		const mode = resolveDrafting({ AI_PROVIDER: 'mistral', AI_API_KEY: 'k' }, config);
		expect('ai' in mode && mode.ai.baseURL).toBe(providerPreset('mistral').baseURL);
		expect('ai' in mode && mode.ai.model).toBe('mistral-small-latest');
	});

	it('drafts from the form alone when switched off, set to none, or without a key', () => {
		expect('formOnly' in resolveDrafting({ AI_DRAFTS: 'off', AI_API_KEY: 'k' }, config)).toBe(true);
		expect('formOnly' in resolveDrafting({ AI_PROVIDER: 'none' }, config)).toBe(true);
		expect('formOnly' in resolveDrafting({ AI_PROVIDER: 'openai' }, config)).toBe(true);
	});

	it('refuses a half-configured provider with a message naming the setting', () => {
		expect(() =>
			resolveDrafting({ AI_PROVIDER: 'azure', AI_API_KEY: 'k', AI_MODEL: 'd' }, config),
		).toThrow(/AI_BASE_URL/);
		expect(() =>
			resolveDrafting({ AI_PROVIDER: 'compatible', AI_BASE_URL: 'http://x' }, config),
		).toThrow(/AI_MODEL/);
		expect(() => resolveDrafting({ AI_PROVIDER: 'gpt' }, config)).toThrow(/AI_PROVIDER/);
		expect(() => resolveDrafting({ AI_API_KEY: 'k', AI_TIMEOUT_MS: 'soon' }, config)).toThrow(
			/AI_TIMEOUT_MS/,
		);
	});
});
