import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/config/load.ts';
import type { SiteConfig } from '../../src/config/schema.ts';
import { resolveDrafting } from '../../src/drafting/settings.ts';

const sample = loadSiteConfig();

/** The sample configuration with `drafting.provider: none`. */
const noAi: SiteConfig = { ...sample, drafting: { ...sample.drafting, provider: 'none' } };

describe('drafting.provider: none', () => {
	it('drafts from the form alone, saying the configuration is why', () => {
		expect(resolveDrafting({ AI_API_KEY: 'k' }, noAi)).toEqual({
			formOnly: {
				fr: 'ce registre n’utilise pas d’IA (drafting.provider: none dans registre.config.yml)',
				en: 'this registry uses no AI (drafting.provider: none in registre.config.yml)',
			},
		});
	});

	it('is not overridden by the AI_PROVIDER, AI_MODEL and AI_BASE_URL repository variables', () => {
		for (const provider of ['openai', 'mistral', 'albert', 'compatible']) {
			const mode = resolveDrafting(
				{
					AI_PROVIDER: provider,
					AI_API_KEY: 'k',
					AI_MODEL: 'some-model',
					AI_BASE_URL: 'https://ai.example.org/v1',
				},
				noAi,
			);
			expect(mode).toHaveProperty('formOnly');
		}
	});

	it('needs no valid provider variable either: a stale one is ignored, not an error', () => {
		expect(resolveDrafting({ AI_PROVIDER: 'gpt' }, noAi)).toHaveProperty('formOnly');
	});

	it('the switch AI_DRAFTS=off still says it is the reason', () => {
		const mode = resolveDrafting({ AI_DRAFTS: 'off' }, noAi);
		expect('formOnly' in mode && mode.formOnly.en).toMatch(/AI_DRAFTS=off/);
	});
});

describe('with a provider configured', () => {
	it('AI_PROVIDER=none still switches the AI off, and names the variable', () => {
		const mode = resolveDrafting({ AI_PROVIDER: 'none', AI_API_KEY: 'k' }, sample);
		expect('formOnly' in mode && mode.formOnly.en).toBe(
			'the AI_PROVIDER repository variable is none',
		);
	});
});
