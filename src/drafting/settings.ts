import type { SiteConfig } from '../config/schema.ts';
import type { Bilingual } from '../registry/schemas/index.ts';
import type { ModelSettings } from './model-client.ts';
import { isProviderName, providerNames, providerPreset } from './providers.ts';

/** The environment variables the drafting reads (see the command's usage). */
export interface DraftingEnv {
	AI_PROVIDER?: string | undefined;
	AI_BASE_URL?: string | undefined;
	AI_API_KEY?: string | undefined;
	AI_MODEL?: string | undefined;
	AI_DRAFTS?: string | undefined;
	AI_TIMEOUT_MS?: string | undefined;
	AI_MAX_RETRIES?: string | undefined;
	AI_MAX_TOKENS?: string | undefined;
}

/** How this run drafts: with a model, or from the form alone and why. */
export type DraftingMode = { ai: ModelSettings } | { formOnly: Bilingual };

/** Defaults: a minute per request, two SDK retries, room for a full bilingual entry. */
const defaults = { timeoutMs: 60_000, maxRetries: 2, maxTokens: 4_096 };

/**
 * Resolves the provider from the environment, falling back on `registre.config.yml`. A missing
 * key (the organisation's set-up, not the contributor's doing, and said so) or an explicit
 * switch-off gives a form-only draft; a half-configured provider is an
 * error for the maintainer, not a silent form-only draft. `provider: none` in the configuration
 * wins over `AI_PROVIDER`: the site, the forms and the terms of use then say that no AI drafts,
 * and a repository variable must not make them untrue.
 */
export function resolveDrafting(env: DraftingEnv, config: SiteConfig): DraftingMode {
	if (env.AI_DRAFTS?.trim().toLowerCase() === 'off') {
		return {
			formOnly: {
				fr: 'la rédaction par IA est désactivée pour ce dépôt (AI_DRAFTS=off)',
				en: 'AI drafting is switched off for this repository (AI_DRAFTS=off)',
			},
		};
	}
	if (config.drafting.provider === 'none') {
		return {
			formOnly: {
				fr: 'ce registre n’utilise pas d’IA (drafting.provider: none dans registre.config.yml)',
				en: 'this registry uses no AI (drafting.provider: none in registre.config.yml)',
			},
		};
	}
	const name = env.AI_PROVIDER?.trim() || config.drafting.provider;
	if (name === 'none') {
		return {
			formOnly: {
				fr: 'la variable de dépôt AI_PROVIDER vaut none',
				en: 'the AI_PROVIDER repository variable is none',
			},
		};
	}
	if (!isProviderName(name)) {
		throw new Error(`AI_PROVIDER "${name}" is not one of ${providerNames.join(', ')}, or none`);
	}
	const preset = providerPreset(name);
	const model =
		env.AI_MODEL?.trim() ||
		(name === config.drafting.provider ? config.drafting.model : preset.defaultModel);
	if (!model) throw new Error(`AI_MODEL must name the model (or deployment) to use with ${name}`);
	const baseURL = env.AI_BASE_URL?.trim() || preset.baseURL;
	if (!baseURL) {
		throw new Error(
			name === 'azure'
				? 'AI_BASE_URL must be the Azure v1 endpoint, https://<resource>.openai.azure.com/openai/v1/'
				: `AI_BASE_URL must give the endpoint of the ${name} provider`,
		);
	}
	const apiKey = env.AI_API_KEY?.trim();
	if (!apiKey && preset.needsKey) {
		return {
			formOnly: {
				fr: `l’organisation n’a pas encore mis en place la rédaction par IA : il manque la clé d’API de ${name} (secret AI_API_KEY du dépôt)`,
				en: `the organisation has not set up AI drafting yet: the ${name} API key is missing (the repository’s AI_API_KEY secret)`,
			},
		};
	}
	return {
		ai: {
			preset,
			model,
			baseURL,
			// Local servers need no key, but the SDK insists on one.
			apiKey: apiKey || 'none',
			timeoutMs: positiveInt(env.AI_TIMEOUT_MS, 'AI_TIMEOUT_MS') ?? defaults.timeoutMs,
			maxRetries: Math.min(
				positiveInt(env.AI_MAX_RETRIES, 'AI_MAX_RETRIES', true) ?? defaults.maxRetries,
				5,
			),
			maxTokens: positiveInt(env.AI_MAX_TOKENS, 'AI_MAX_TOKENS') ?? defaults.maxTokens,
		},
	};
}

function positiveInt(
	value: string | undefined,
	name: string,
	zeroAllowed = false,
): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const number = Number(value);
	if (!Number.isInteger(number) || number < (zeroAllowed ? 0 : 1)) {
		throw new Error(
			`${name} must be a ${zeroAllowed ? 'non-negative' : 'positive'} whole number (got "${value}")`,
		);
	}
	return number;
}
