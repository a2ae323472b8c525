import {
	APIConnectionError,
	APIConnectionTimeoutError,
	APIError,
	AuthenticationError,
	InternalServerError,
	OpenAI,
	PermissionDeniedError,
	RateLimitError,
} from 'openai';
import type {
	ChatCompletion,
	ChatCompletionCreateParamsNonStreaming,
	ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { CallUsage } from './footprint.ts';
import type { ProviderPreset } from './providers.ts';
import type { Bilingual } from '../registry/schemas/index.ts';

/** Everything needed to reach one model, resolved once from the environment. */
export interface ModelSettings {
	preset: ProviderPreset;
	model: string;
	baseURL: string;
	apiKey: string;
	/** Per-request timeout; the SDK's retries each get their own. */
	timeoutMs: number;
	/** HTTP retries on 408, 409, 429, 5xx and connection errors, done by the SDK with backoff. */
	maxRetries: number;
	/** Cap on the answer's length, sent under the preset's parameter name. */
	maxTokens: number;
}

/** One request: the conversation and the schema the answer must follow. */
export interface ModelRequest {
	messages: ChatCompletionMessageParam[];
	schema: { name: string; schema: Record<string, unknown> };
}

/** Why a call gave no usable answer. */
export type ModelFailureReason =
	| 'rate-limit'
	| 'timeout'
	| 'server'
	| 'connection'
	| 'auth'
	| 'bad-request'
	| 'refusal'
	| 'length'
	| 'content-filter'
	| 'empty';

/** A failed call, with a message a contributor and a maintainer can act on. */
export interface ModelFailure {
	reason: ModelFailureReason;
	message: Bilingual;
}

/** The answer text of a call, or why there is none; `call` carries what it used either way. */
export type ModelResult =
	| { ok: true; content: string; call: CallUsage }
	| { ok: false; failure: ModelFailure; call: CallUsage };

/** Makes an OpenAI SDK client for a provider, with explicit timeout and bounded retries. */
export function createClient(settings: ModelSettings): OpenAI {
	return new OpenAI({
		apiKey: settings.apiKey,
		baseURL: settings.baseURL,
		timeout: settings.timeoutMs,
		maxRetries: settings.maxRetries,
		// Never pick up an organisation or project from the runner's environment.
		organization: null,
		project: null,
		...(settings.preset.azureKeyHeader && { defaultHeaders: { 'api-key': settings.apiKey } }),
	});
}

/** The request body for a provider: its token-limit name, temperature and output mode. */
export function requestBody(
	settings: ModelSettings,
	request: ModelRequest,
): ChatCompletionCreateParamsNonStreaming {
	const { preset } = settings;
	return {
		model: settings.model,
		messages: request.messages,
		...(preset.temperature !== null && { temperature: preset.temperature }),
		[preset.tokenLimitParam]: settings.maxTokens,
		response_format:
			preset.structuredOutput === 'json_schema'
				? {
						type: 'json_schema',
						json_schema: { name: request.schema.name, strict: true, schema: request.schema.schema },
					}
				: { type: 'json_object' },
	};
}

/** Calls the model once (the SDK retrying transient HTTP failures) and classifies the outcome. */
export async function callModel(
	client: OpenAI,
	settings: ModelSettings,
	request: ModelRequest,
): Promise<ModelResult> {
	const started = performance.now();
	let completion: ChatCompletion;
	try {
		completion = await client.chat.completions.create(requestBody(settings, request));
	} catch (error) {
		const call = {
			usage: null,
			providerCost: null,
			providerCarbon: null,
			durationMs: since(started),
		};
		return { ok: false, failure: classifyError(error, settings), call };
	}
	const call: CallUsage = { ...readUsage(completion), durationMs: since(started) };
	const choice = completion.choices[0];
	const refusal = choice?.message.refusal;
	if (refusal) return { ok: false, failure: failures.refusal(refusal), call };
	if (choice?.finish_reason === 'length') {
		return { ok: false, failure: failures.length(settings.maxTokens), call };
	}
	if (choice?.finish_reason === 'content_filter') {
		return { ok: false, failure: failures.contentFilter(), call };
	}
	const content = choice?.message.content;
	if (!content) return { ok: false, failure: failures.empty(), call };
	return { ok: true, content, call };
}

/** Albert's additions to the usage object: cost and an energy/carbon range. */
const ProviderUsageSchema = z.object({
	prompt_tokens: z.number().int().nonnegative(),
	completion_tokens: z.number().int().nonnegative(),
	total_tokens: z.number().int().nonnegative(),
	cost: z.number().nonnegative().optional(),
	carbon: z
		.object({
			kWh: z.object({ min: z.number().nullable(), max: z.number().nullable() }),
			kgCO2eq: z.object({ min: z.number().nullable(), max: z.number().nullable() }),
		})
		.optional(),
});

/** Reads token counts and, where the provider adds them, its own cost and carbon figures. */
function readUsage(completion: ChatCompletion): Omit<CallUsage, 'durationMs'> {
	const parsed = ProviderUsageSchema.safeParse(completion.usage);
	if (!parsed.success) return { usage: null, providerCost: null, providerCarbon: null };
	const { prompt_tokens, completion_tokens, total_tokens, cost, carbon } = parsed.data;
	const kWh = carbon && range(carbon.kWh);
	return {
		usage: {
			promptTokens: prompt_tokens,
			completionTokens: completion_tokens,
			totalTokens: total_tokens,
		},
		providerCost: cost ?? null,
		providerCarbon: kWh ? { kWh, kgCO2eq: (carbon && range(carbon.kgCO2eq)) ?? null } : null,
	};
}

/** A range when both bounds are known. */
function range(value: { min: number | null; max: number | null }) {
	return value.min !== null && value.max !== null ? { min: value.min, max: value.max } : null;
}

/** Turns an SDK error, thrown after its retries, into a reason and a message. */
function classifyError(error: unknown, settings: ModelSettings): ModelFailure {
	// Timeout before connection errors: the SDK's timeout error is a kind of connection error.
	if (error instanceof APIConnectionTimeoutError) return failures.timeout(settings);
	if (error instanceof APIConnectionError) return failures.connection(settings.baseURL);
	if (error instanceof RateLimitError) return failures.rateLimit(settings);
	if (error instanceof InternalServerError) return failures.server(error.status);
	if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
		return failures.auth(error.status);
	}
	if (error instanceof APIError) return failures.badRequest(error.status, error.message);
	throw error;
}

/** Messages for each failure, in both languages, each saying what to change. */
const failures = {
	rateLimit: (s: ModelSettings): ModelFailure => ({
		reason: 'rate-limit',
		message: {
			fr: `Le fournisseur d’IA limite le débit (HTTP 429) et a refusé l’appel après ${s.maxRetries} nouvelles tentatives. Relancez plus tard ou augmentez le quota.`,
			en: `The AI provider is rate limiting (HTTP 429) and refused the call after ${s.maxRetries} retries. Run again later or raise the quota.`,
		},
	}),
	timeout: (s: ModelSettings): ModelFailure => ({
		reason: 'timeout',
		message: {
			fr: `Le modèle n’a pas répondu en ${s.timeoutMs} ms (${s.maxRetries} nouvelles tentatives). Relancez, ou augmentez AI_TIMEOUT_MS.`,
			en: `The model did not answer within ${s.timeoutMs} ms (${s.maxRetries} retries). Run again, or raise AI_TIMEOUT_MS.`,
		},
	}),
	server: (status: number | undefined): ModelFailure => ({
		reason: 'server',
		message: {
			fr: `Le fournisseur d’IA est en erreur (HTTP ${status}) malgré les nouvelles tentatives. Relancez plus tard.`,
			en: `The AI provider failed (HTTP ${status}) despite retries. Run again later.`,
		},
	}),
	connection: (baseURL: string): ModelFailure => ({
		reason: 'connection',
		message: {
			fr: `Impossible de joindre ${baseURL}. Vérifiez AI_BASE_URL et le réseau.`,
			en: `Could not reach ${baseURL}. Check AI_BASE_URL and the network.`,
		},
	}),
	auth: (status: number | undefined): ModelFailure => ({
		reason: 'auth',
		message: {
			fr: `Le fournisseur d’IA refuse la clé (HTTP ${status}). Vérifiez le secret AI_API_KEY.`,
			en: `The AI provider rejects the key (HTTP ${status}). Check the AI_API_KEY secret.`,
		},
	}),
	badRequest: (status: number | undefined, detail: string): ModelFailure => ({
		reason: 'bad-request',
		message: {
			fr: `Le fournisseur d’IA refuse la requête (HTTP ${status}) : ${detail}. Vérifiez AI_MODEL et AI_PROVIDER.`,
			en: `The AI provider rejects the request (HTTP ${status}): ${detail}. Check AI_MODEL and AI_PROVIDER.`,
		},
	}),
	refusal: (refusal: string): ModelFailure => ({
		reason: 'refusal',
		message: {
			fr: `Le modèle a refusé de rédiger la fiche : « ${refusal.slice(0, 200)} ». Reformulez la description ou désactivez l’IA pour ce ticket.`,
			en: `The model refused to draft the entry: "${refusal.slice(0, 200)}". Rephrase the description or turn AI off for this issue.`,
		},
	}),
	length: (maxTokens: number): ModelFailure => ({
		reason: 'length',
		message: {
			fr: `La réponse du modèle a été coupée à ${maxTokens} jetons. Raccourcissez la description ou augmentez AI_MAX_TOKENS.`,
			en: `The model’s answer was cut off at ${maxTokens} tokens. Shorten the description or raise AI_MAX_TOKENS.`,
		},
	}),
	contentFilter: (): ModelFailure => ({
		reason: 'content-filter',
		message: {
			fr: 'Le filtre de contenu du fournisseur a bloqué la réponse. Reformulez la description ou désactivez l’IA pour ce ticket.',
			en: 'The provider’s content filter blocked the answer. Rephrase the description or turn AI off for this issue.',
		},
	}),
	empty: (): ModelFailure => ({
		reason: 'empty',
		message: {
			fr: 'Le modèle a renvoyé une réponse vide.',
			en: 'The model returned an empty answer.',
		},
	}),
};

function since(start: number): number {
	return Math.round(performance.now() - start);
}
