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
 * The character budget against the project's own registry (its examples, its ids of every kind,
 * its vocabularies), for the issue a contributor typically writes: the required questions, the
 * easy choices and a paragraph of description, naming no other entry.
 */
describe('a normal issue against the project’s registry', { timeout: 30_000 }, () => {
	const body = formBody('systems-detailed', {
		language: 'Français',
		name: 'Assistant de réponse aux usagers',
		status: option('statuses', 'pilot'),
		domain: option('domains', 'citizen-relations'),
		approach: option('approaches', 'rules'),
		automation: option('automation-levels', 'decision-support'),
		details:
			'Le système lit les questions que les usagers envoient par le formulaire de contact du site et propose à l’agent d’accueil un brouillon de réponse, à partir des pages du site et des délibérations publiées. L’agent relit, corrige et envoie lui-même la réponse ; rien ne part sans lui. Les questions peuvent contenir des données personnelles ; elles sont effacées au bout de 30 jours.',
	});

	/** Drafts the normal issue against a copy of the registry, within `maxSentChars`. */
	async function run(maxSentChars?: number) {
		const registryDir = tempDir('registry-');
		cpSync('examples/clairval/registry', registryDir, { recursive: true });
		const registry = await loadRegistry(registryDir);
		const reply = strictAnswer(structuredOutputSchema('systems', registry), aiSystem());
		const stub = await startStub([countedCompletion(reply)]);
		try {
			const work = tempDir();
			const { report } = await draft({
				eventPath: writeEvent(work, issueEvent({ body, number: 7 })),
				registryDir,
				outDir: join(work, 'out'),
				env: { AI_PROVIDER: 'openai', AI_BASE_URL: stub.url, AI_API_KEY: 'k' },
				...(maxSentChars !== undefined && { maxSentChars }),
			});
			return report;
		} finally {
			await stub.close();
		}
	}

	it('fits in 16,000 characters whole, with the example, and its tokens are counted', async () => {
		const report = await run();
		expect(report.status).toBe('drafted');
		expect(report.sentChars).toBeLessThanOrEqual(16_000);
		expect(report.prompt?.omitted).not.toContain('issue-end');
		expect(report.prompt?.omitted).not.toContain('example');
		// What gives way: ids of entries the issue does not name, then the definitions.
		for (const omitted of report.prompt?.omitted ?? []) {
			expect(omitted).toMatch(/^(references:[a-z-]+|definitions)$/);
		}
		expect(report.usage?.promptTokens).toBeGreaterThan(0);
		expect(report.usage?.totalTokens).toBe(
			(report.usage?.promptTokens ?? 0) + (report.usage?.completionTokens ?? 0),
		);
	});

	it('leaves out only what 16,000 characters cannot hold', async () => {
		const report = await run(40_000);
		expect(report.prompt?.omitted).toEqual([]);
		// Every id, every definition and the example together are over the budget.
		expect(report.sentChars).toBeGreaterThan(16_000);
	});
});
