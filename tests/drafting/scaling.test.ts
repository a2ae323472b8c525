import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerVariants } from '../../src/drafting/answer-schema.ts';
import { draft } from '../../src/drafting/draft.ts';
import {
	buildPrompt,
	loadPrompt,
	minIssueChars,
	type BuiltPrompt,
	type PromptVariant,
} from '../../src/drafting/prompt.ts';
import type { JsonSchema } from '../../src/registry/json-schema.ts';
import { loadRegistry, type Registry } from '../../src/registry/load.ts';
import type { EntryKind } from '../../src/registry/kinds/index.ts';
import { strictSchemaProblems } from '../../src/registry/structured-output.ts';
import { completion, startStub, type RecordedRequest } from './openai-stub.ts';
import {
	aiSystem,
	formBody,
	issueEvent,
	option,
	strictAnswer,
	tempDir,
	writeEvent,
} from './helpers.ts';
import { idLength, largeRegistry, writeSyntheticModels } from './large-registry.ts';
import type { ChatBody } from './run-draft.ts';

/**
 * Drafting against registries far larger than the sample: the issue is never dropped, the
 * schema stays within the providers' limits, and what the issue names is still offered.
 */

const budget = 16_000;
const sample = await loadRegistry('examples/clairval/registry');
const template = await loadPrompt();

/** Every value of `enum`s at a path through properties, list items and nullable branches. */
function enumAt(schema: JsonSchema, path: string): unknown[] {
	let node: JsonSchema | undefined = schema;
	for (const key of path.split('.')) {
		const branch: JsonSchema = (node?.['anyOf'] as JsonSchema[] | undefined)?.[0] ?? node ?? {};
		node =
			key === '[]'
				? (branch['items'] as JsonSchema | undefined)
				: (branch['properties'] as Record<string, JsonSchema> | undefined)?.[key];
	}
	const leaf = (node?.['anyOf'] as JsonSchema[] | undefined)?.[0] ?? node ?? {};
	return (leaf['enum'] as unknown[] | undefined) ?? [];
}

/** The issue as `draft` gives it to the model, naming one model and one dataset of a registry. */
function issueNaming(registry: Registry): { text: string; model: string; dataset: string } {
	const model = registry.models[130];
	const dataset = registry.datasets[7];
	if (!model || !dataset) throw new Error('the registry is too small');
	const text = [
		'Title: [Système d’IA / AI system] Lecture des courriers',
		'Language: French',
		'Name: Lecture des courriers entrants',
		`Models used: ${model.data.name.fr}: lit les courriers numérisés`,
		'Description:',
		`Le système lit les courriers numérisés et en tire le texte. Il s’appuie sur le jeu ${dataset.id}. Un agent relit chaque résultat.`,
	].join('\n');
	return { text, model: model.id, dataset: dataset.id };
}

/** Builds a system prompt as `draft` does, with the variants it would read. */
function systemPrompt(
	registry: Registry,
	issueText: string,
	options: { refs?: boolean; maxChars?: number; kind?: EntryKind } = {},
): { prompt: BuiltPrompt; read: PromptVariant[] } {
	const read: PromptVariant[] = [];
	const variants = answerVariants({
		kind: options.kind ?? 'systems',
		registry,
		answered: ['status'],
		refs: options.refs ?? true,
		issueText,
	});
	const counted = (function* () {
		for (const variant of variants) {
			read.push(variant);
			yield variant;
		}
	})();
	const prompt = buildPrompt(template, {
		kind: options.kind ?? 'systems',
		organisation: 'Métropole de Clairval',
		original: 'fr',
		variants: counted,
		mode: 'json_schema',
		issueNumber: 7,
		issueText,
		maxChars: options.maxChars ?? budget,
	});
	return { prompt, read };
}

describe.each([10, 300, 1_000, 10_000])(
	'with %i entries of every kind',
	{ timeout: 60_000 },
	(count) => {
		const registry = largeRegistry(sample, count);
		const issue = issueNaming(largeRegistry(sample, Math.max(count, 200)));

		it.each([true, false])(
			'sends the whole issue within the budget and the limits, offering what it names ($refs: %s)',
			(refs) => {
				const named = count >= 200 ? issue : issueNaming(largeRegistry(sample, 200));
				const { prompt, read } = systemPrompt(registry, named.text, { refs });
				expect(prompt.refusal).toBeNull();
				expect(prompt.chars).toBeLessThanOrEqual(budget);
				expect(prompt.omitted).not.toContain('issue-end');
				expect(String(prompt.messages[1]?.content)).toContain(named.text);
				for (const variant of read) expect(strictSchemaProblems(variant.schema)).toEqual([]);
				if (count >= 200) {
					expect(enumAt(prompt.schema, 'models.[].model')).toContain(named.model);
					expect(enumAt(prompt.schema, 'dataSources.[].dataset')).toContain(named.dataset);
				}
			},
		);

		it('keeps a model entry’s schema within the limits too', () => {
			const { prompt, read } = systemPrompt(registry, 'Title: Modèle\nDescription:\nUn modèle.', {
				kind: 'models',
			});
			expect(prompt.refusal).toBeNull();
			expect(prompt.chars).toBeLessThanOrEqual(budget);
			for (const variant of read) expect(strictSchemaProblems(variant.schema)).toEqual([]);
		});
	},
);

describe('a registry of 312 models with ids of 47 characters', { timeout: 60_000 }, () => {
	const registry = largeRegistry(sample, 312);
	const issue = issueNaming(registry);

	it('offers the candidates first, then keeps the example and, room permitting, the definitions', () => {
		expect(registry.models[0]?.id).toHaveLength(idLength);
		const { prompt } = systemPrompt(registry, issue.text);
		expect(prompt.omitted).toContain('references:models');
		expect(prompt.omitted).not.toContain('example');
		expect(prompt.omitted).not.toContain('issue-end');
		expect(enumAt(prompt.schema, 'models.[].model')).toContain(issue.model);
		expect(enumAt(prompt.schema, 'models.[].model').length).toBeLessThan(20);
		// The definitions give way only to the budget: with more room, everything is kept.
		const roomy = systemPrompt(registry, issue.text, { maxChars: 30_000 }).prompt;
		expect(roomy.omitted.filter((what) => !what.startsWith('references:'))).toEqual([]);
		// What the 16,000 characters could not hold.
		if (prompt.omitted.includes('definitions')) expect(roomy.chars).toBeGreaterThan(budget);
	});

	it('drafts from the whole issue within 16,000 characters', async () => {
		const registryDir = tempDir('registry-');
		cpSync('examples/clairval/registry', registryDir, { recursive: true });
		const ids = writeSyntheticModels(registryDir, 312);
		const named = ids[130] as string;
		const dataset = sample.datasets[2]?.id as string;
		const details = `Le système lit les courriers numérisés avec l’OCR et en tire le texte, à partir du jeu de données ${dataset}. Un agent relit chaque résultat avant tout envoi.`;
		const body = formBody('systems-detailed', {
			language: 'Français',
			name: 'Lecture des courriers entrants',
			status: option('statuses', 'pilot'),
			domain: option('domains', 'citizen-relations'),
			approach: option('approaches', 'machine-learning'),
			automation: option('automation-levels', 'decision-support'),
			models: `Tesseract OCR 130: lit les courriers numérisés`,
			details,
		});
		const reply = (request: RecordedRequest) => {
			const format = request.body['response_format'] as ChatBody['response_format'];
			const models = [{ model: named, usage: { fr: 'Lit les courriers.', en: 'Reads the mail.' } }];
			return completion(strictAnswer(format.json_schema?.schema ?? {}, { ...aiSystem(), models }));
		};
		const stub = await startStub([reply]);
		try {
			const work = tempDir();
			const { report } = await draft({
				eventPath: writeEvent(work, issueEvent({ body, number: 15 })),
				registryDir,
				outDir: join(work, 'out'),
				env: { AI_PROVIDER: 'openai', AI_BASE_URL: stub.url, AI_API_KEY: 'k' },
			});
			expect(report.errors).toEqual([]);
			expect(report.status).toBe('drafted');
			expect(report.sentChars).toBeLessThanOrEqual(budget);
			const sent = stub.requests[0]?.body as unknown as ChatBody;
			const user = sent.messages[1]?.content ?? '';
			expect(user).toContain(details);
			expect(user).not.toContain('(truncated)');
			expect(report.prompt?.omitted).toContain('references:models');
			expect(report.prompt?.omitted).not.toContain('example');
			const schema = sent.response_format.json_schema?.schema ?? {};
			expect(enumAt(schema, 'models.[].model')).toContain(named);
			expect(enumAt(schema, 'dataSources.[].dataset')).toContain(dataset);
			expect(strictSchemaProblems(schema)).toEqual([]);
		} finally {
			await stub.close();
		}
	});
});

describe('an issue that would have to be cut below the floor', { timeout: 30_000 }, () => {
	it(`is sent cut when at least ${minIssueChars} of its characters fit`, () => {
		const text = `Title: Long\nDescription:\n${'Le système répond aux usagers. '.repeat(600)}`;
		const { prompt } = systemPrompt(sample, text);
		expect(prompt.refusal).toBeNull();
		expect(prompt.omitted).toContain('issue-end');
		expect(prompt.chars).toBeLessThanOrEqual(budget);
	});

	it('is not sent, and the report says why in both languages (exit 2)', async () => {
		const details = 'Le système répond aux usagers qui écrivent à la métropole. '.repeat(40);
		const body = formBody('systems-detailed', {
			language: 'Français',
			name: 'Assistant de réponse aux usagers',
			status: option('statuses', 'pilot'),
			details,
		});
		const stub = await startStub([completion({})]);
		try {
			const work = tempDir();
			const { report, exitCode } = await draft({
				eventPath: writeEvent(work, issueEvent({ body, number: 16 })),
				registryDir: 'examples/clairval/registry',
				outDir: join(work, 'out'),
				env: { AI_PROVIDER: 'openai', AI_BASE_URL: stub.url, AI_API_KEY: 'k' },
				// Room for the rules and the lightest schema, and less than the floor of the issue.
				maxSentChars: 12_000,
			});
			expect(exitCode).toBe(2);
			expect(report.status).toBe('invalid-form');
			expect(stub.requests).toHaveLength(0);
			expect(report.sentChars).toBe(0);
			expect(report.sentText).toBeNull();
			expect(report.calls).toBe(0);
			expect(report.errors).toHaveLength(1);
			expect(report.errors[0]?.field).toBe('details');
			expect(report.errors[0]?.message.en).toMatch(
				/^The issue was not sent to the model: .* room for only [\d,]+ of its [\d,]+ characters, and drafting needs at least 2,000\. Shorten the description/,
			);
			expect(report.errors[0]?.message.fr).toMatch(
				/^Le ticket n’a pas été envoyé au modèle : .* au moins 2\u202f000\. Raccourcissez la description/,
			);
			expect(report.prompt?.omitted).toContain('issue-end');
		} finally {
			await stub.close();
		}
	});
});
