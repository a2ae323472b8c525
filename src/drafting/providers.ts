/**
 * What differs between the OpenAI-compatible APIs we draft with. Everything provider-specific
 * lives here, so the client code stays one path: the token-limit parameter's name, whether the
 * API enforces a JSON schema, the temperature it expects, where it lives, and what a token costs.
 */

/** Provider presets an adopter can choose with `AI_PROVIDER`. */
export const providerNames = [
	'openai',
	'azure',
	'albert',
	'mistral',
	'ollama',
	'compatible',
] as const;

/** A provider preset name. */
export type ProviderName = (typeof providerNames)[number];

/**
 * How the answer's shape is obtained: `json_schema` when the API enforces the schema
 * (`response_format.json_schema`, strict), `json_object` when it only promises JSON, in which
 * case the schema travels in the prompt and our own validation does the enforcing.
 */
export type StructuredOutputMode = 'json_schema' | 'json_object';

/** List prices of a model, per million tokens. */
export interface ModelPrice {
	input: number;
	output: number;
	currency: 'EUR' | 'USD';
}

/** A provider's quirks. */
export interface ProviderPreset {
	name: ProviderName;
	/** Default endpoint; `null` when it depends on the adopter's account (Azure, compatible). */
	baseURL: string | null;
	/** Model used when `AI_MODEL` is unset; `null` when the adopter must name one. */
	defaultModel: string | null;
	/** Whether the API refuses calls without a key (Ollama and local servers need none). */
	needsKey: boolean;
	tokenLimitParam: 'max_tokens' | 'max_completion_tokens';
	structuredOutput: StructuredOutputMode;
	/** Sampling temperature sent; `null` to omit it for models that only accept their default. */
	temperature: number | null;
	/** Whether the API resolves `$ref` to `$defs` in a response schema (shorter schemas). */
	schemaRefs: boolean;
	/** Sends the key as Azure's `api-key` header too. */
	azureKeyHeader: boolean;
	/** Where the provider's data centres are, and their PUE, for the energy estimate. */
	footprint: { electricityZone: ElectricityZone; pue: { min: number; max: number } } | null;
	/** List prices for the models we know, matched by name prefix. */
	prices: Record<string, ModelPrice>;
}

/** Electricity mixes the energy estimate knows (ISO 3166 alpha-3, or WOR for the world). */
export type ElectricityZone = 'FRA' | 'SWE' | 'USA' | 'WOR';

// Prices as published on openai.com/api/pricing and mistral.ai/pricing (standard tier, 2025);
// they change: the report calls the result an estimate and says where it comes from.
const openAiPrices: Record<string, ModelPrice> = {
	'gpt-4o-mini': { input: 0.15, output: 0.6, currency: 'USD' },
	'gpt-4.1-mini': { input: 0.4, output: 1.6, currency: 'USD' },
	'gpt-4.1-nano': { input: 0.1, output: 0.4, currency: 'USD' },
	'gpt-5-mini': { input: 0.25, output: 2, currency: 'USD' },
};

// Data-centre figures are EcoLogits' provider settings (genai-impact/ecologits,
// ecologits/tracers/utils.py): OpenAI in the USA at PUE 1.20, Mistral in Sweden at PUE 1.16.
const presets: Record<ProviderName, ProviderPreset> = {
	openai: {
		name: 'openai',
		baseURL: 'https://api.openai.com/v1',
		defaultModel: 'gpt-4.1-mini',
		needsKey: true,
		tokenLimitParam: 'max_completion_tokens',
		structuredOutput: 'json_schema',
		temperature: 0.2,
		schemaRefs: true,
		azureKeyHeader: false,
		footprint: { electricityZone: 'USA', pue: { min: 1.2, max: 1.2 } },
		prices: openAiPrices,
	},
	azure: {
		// The v1 endpoint (`https://<resource>.openai.azure.com/openai/v1/`) takes the plain
		// OpenAI client with no api-version; `AI_MODEL` is the deployment name.
		name: 'azure',
		baseURL: null,
		defaultModel: null,
		needsKey: true,
		tokenLimitParam: 'max_completion_tokens',
		structuredOutput: 'json_schema',
		temperature: 0.2,
		schemaRefs: true,
		azureKeyHeader: true,
		footprint: { electricityZone: 'WOR', pue: { min: 1.09, max: 1.2 } },
		prices: openAiPrices,
	},
	albert: {
		// Albert (DINUM) returns `usage.cost` and `usage.carbon` itself when it computes them.
		name: 'albert',
		baseURL: 'https://albert.api.etalab.gouv.fr/v1',
		defaultModel: 'albert-large',
		needsKey: true,
		tokenLimitParam: 'max_completion_tokens',
		structuredOutput: 'json_schema',
		temperature: 0.2,
		schemaRefs: false,
		azureKeyHeader: false,
		footprint: { electricityZone: 'FRA', pue: { min: 1.09, max: 1.2 } },
		prices: {},
	},
	mistral: {
		// Mistral documents 0.3 as a sensible default; it still honours lower values.
		name: 'mistral',
		baseURL: 'https://api.mistral.ai/v1',
		defaultModel: 'mistral-small-latest',
		needsKey: true,
		tokenLimitParam: 'max_tokens',
		structuredOutput: 'json_schema',
		temperature: 0.3,
		schemaRefs: false,
		azureKeyHeader: false,
		footprint: { electricityZone: 'SWE', pue: { min: 1.16, max: 1.16 } },
		prices: {
			'mistral-small': { input: 0.1, output: 0.3, currency: 'USD' },
			'mistral-medium': { input: 0.4, output: 2, currency: 'USD' },
		},
	},
	ollama: {
		name: 'ollama',
		baseURL: 'http://127.0.0.1:11434/v1',
		defaultModel: 'mistral-small3.2',
		needsKey: false,
		tokenLimitParam: 'max_tokens',
		structuredOutput: 'json_schema',
		temperature: 0.2,
		schemaRefs: false,
		azureKeyHeader: false,
		footprint: { electricityZone: 'WOR', pue: { min: 1, max: 1 } },
		prices: {},
	},
	compatible: {
		// Any other OpenAI-compatible server: assume the least (JSON mode only, `max_tokens`); the
		// schema is then read by the model in the prompt, where a `$ref` is no harder than a copy.
		name: 'compatible',
		baseURL: null,
		defaultModel: null,
		needsKey: false,
		tokenLimitParam: 'max_tokens',
		structuredOutput: 'json_object',
		temperature: 0.2,
		schemaRefs: true,
		azureKeyHeader: false,
		footprint: null,
		prices: {},
	},
};

/** The preset of a provider. */
export function providerPreset(name: ProviderName): ProviderPreset {
	return presets[name];
}

/** Tells a known preset name from any other string. */
export function isProviderName(name: string): name is ProviderName {
	return (providerNames as readonly string[]).includes(name);
}

/** List price of a model at a provider, by longest matching name prefix. */
export function modelPrice(preset: ProviderPreset, model: string): ModelPrice | null {
	return byLongestPrefix(preset.prices, model);
}

/**
 * Parameter counts in billions (active = total for dense models), from EcoLogits' model
 * repository (genai-impact/ecologits, ecologits/data/models.json). Closed models are ranges
 * because their architecture is not published.
 */
const modelParameters: Record<string, { min: number; max: number }> = {
	'gpt-4o-mini': { min: 8, max: 28 },
	'gpt-4.1-mini': { min: 40, max: 112 },
	'gpt-4.1-nano': { min: 10, max: 37 },
	'gpt-5-mini': { min: 25, max: 70 },
	'mistral-small': { min: 23.6, max: 23.6 },
	'mistral-medium': { min: 70, max: 120 },
	'llama3.1:8b': { min: 8.03, max: 8.03 },
	'mistral-small3': { min: 23.6, max: 23.6 },
};

/** Parameter count of a model in billions, by longest matching name prefix. */
export function modelParameterCount(model: string): { min: number; max: number } | null {
	return byLongestPrefix(modelParameters, model);
}

/** The value whose key is the longest prefix of `name`: `gpt-4.1-mini-2025-04-14` → `gpt-4.1-mini`. */
function byLongestPrefix<T>(table: Record<string, T>, name: string): T | null {
	const match = Object.keys(table)
		.filter((prefix) => name.startsWith(prefix))
		.sort((a, b) => b.length - a.length)[0];
	return match === undefined ? null : (table[match] ?? null);
}
