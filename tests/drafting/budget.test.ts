import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draft } from '../../src/drafting/draft.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import { structuredOutputSchema } from '../../src/registry/structured-output.ts';
import { countedCompletion, startStub } from './openai-stub.ts';
import {
	aiSystem,
	formBody,
	issueEvent,
	option,
	strictAnswer,
	tempDir,
	writeEvent,
} from './helpers.ts';

/**
 * The character budget against the project's own registry (its examples, its twelve model ids,
 * its vocabularies), for the issue a contributor typically writes: the required questions, the
 * easy choices and a paragraph of description.
 */
describe('a normal issue against the project’s registry', { timeout: 30_000 }, () => {
	it('fits in 16,000 characters whole, and its tokens are counted', async () => {
		const registryDir = tempDir('registry-');
		cpSync('registry', registryDir, { recursive: true });
		const registry = await loadRegistry(registryDir);
		const reply = strictAnswer(structuredOutputSchema('systems', registry), aiSystem());
		const stub = await startStub([countedCompletion(reply)]);
		try {
			const work = tempDir();
			const body = formBody('systems', {
				language: 'Français',
				name: 'Assistant de réponse aux usagers',
				status: option('statuses', 'pilot'),
				domain: option('domains', 'citizen-relations'),
				approach: option('approaches', 'rules'),
				automation: option('automation-levels', 'decision-support'),
				details:
					'Le système lit les questions que les usagers envoient par le formulaire de contact du site et propose à l’agent d’accueil un brouillon de réponse, à partir des pages du site et des délibérations publiées. L’agent relit, corrige et envoie lui-même la réponse ; rien ne part sans lui. Les questions peuvent contenir des données personnelles ; elles sont effacées au bout de 30 jours.',
			});
			const { report } = await draft({
				eventPath: writeEvent(work, issueEvent({ body, number: 7 })),
				registryDir,
				outDir: join(work, 'out'),
				env: { AI_PROVIDER: 'openai', AI_BASE_URL: stub.url, AI_API_KEY: 'k' },
			});
			expect(report.status).toBe('drafted');
			expect(report.sentChars).toBeLessThanOrEqual(16_000);
			expect(report.prompt?.omitted).not.toContain('issue-end');
			expect(report.prompt?.omitted).not.toContain('example');
			expect(report.usage?.promptTokens).toBeGreaterThan(0);
			expect(report.usage?.totalTokens).toBe(
				(report.usage?.promptTokens ?? 0) + (report.usage?.completionTokens ?? 0),
			);
		} finally {
			await stub.close();
		}
	});
});
