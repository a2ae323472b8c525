/**
 * Issue #14, item 3, end to end in process: a system's short form names a model the registry
 * lacks → `draft()` → `publishDraft()` against the fake GitHub. The pull request adds a model
 * entry to complete beside the system, which refers to it; with AI too, where the model's answer
 * only refers to the registry's own models.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DraftingEnv } from '../../src/drafting/settings.ts';
import {
	aiSystem,
	formBody,
	option,
	strictAnswer,
	tempDir,
	tempRegistry,
	type FormAnswer,
} from '../drafting/helpers.ts';
import { completion, startStub, type OpenAiStub, type StubReply } from '../drafting/openai-stub.ts';
import { FakeGitHub } from './fake-github/server.ts';
import { contributor, draftThenPublish, issuesEvent, systemFormLabel } from './helpers.ts';

const slow = { timeout: 60_000 };

let fake: FakeGitHub;
let registryDir: string;
let work: string;
let stub: OpenAiStub | undefined;
let runs = 0;

beforeEach(async () => {
	fake = await FakeGitHub.start({ now: () => new Date('2026-03-02T10:00:00Z') });
	registryDir = tempRegistry();
	work = tempDir('new-models-');
});

afterEach(async () => {
	expect(fake.violations).toEqual([]);
	await fake.close();
	await stub?.close();
	stub = undefined;
});

/** The short form, in French, naming one registered model and one the registry lacks. */
const answers = (): Record<string, FormAnswer> => ({
	details: 'Un assistant qui propose aux agents une réponse aux courriels des usagers.',
	language: 'Français',
	name: 'Assistant de réponse aux usagers',
	status: option('statuses', 'pilot'),
	models: 'mistral-small-3.2 : classe les courriels\nMistral Medium 3 : rédige la réponse proposée',
});

async function draftAndPublish(
	env: DraftingEnv,
	action: 'opened' | 'edited' = 'opened',
	given: Record<string, FormAnswer> = answers(),
) {
	const body = formBody('systems', given);
	const labels = [systemFormLabel];
	if (!fake.state.issues.get(9)) {
		fake.state.addIssue({ number: 9, title: 'Assistant', body, user: contributor, labels });
	}
	const eventPath = join(work, 'event.json');
	writeFileSync(eventPath, JSON.stringify(issuesEvent(action, { number: 9, body, labels })));
	const outDir = join(work, `draft-${++runs}`);
	return draftThenPublish(fake, { eventPath, registryDir, outDir, env, runKey: `${runs}.1` });
}

const pull = () => [...fake.state.pulls.values()][0];
const files = () => fake.state.filesAt('registry/issue-9');
const frontMatter = (text: string | undefined) =>
	parse(/^---\n([\s\S]*?)\n---/.exec(text ?? '')?.[1] ?? '') as Record<string, unknown>;
const systemPath = 'registry/systems/assistant-de-reponse-aux-usagers.mdx';
const modelPath = 'registry/models/mistral-medium-3.mdx';

describe('a model not yet registered', slow, () => {
	test('without AI, is added as a model entry to complete, and the system refers to it', async () => {
		const { drafted, published } = await draftAndPublish({ AI_DRAFTS: 'off' });
		expect(drafted.report.files).toEqual([
			expect.objectContaining({ file: 'systems/assistant-de-reponse-aux-usagers.mdx' }),
			{
				file: 'models/mistral-medium-3.mdx',
				kind: 'models',
				id: 'mistral-medium-3',
				change: 'add',
				fields: expect.objectContaining({ name: 'form' }),
			},
		]);
		expect(published.outcome).toBe('draft-incomplete');

		// One commit, both files; the system names both models.
		const system = frontMatter(files()[systemPath]);
		expect(system['models']).toEqual([
			{ model: 'mistral-small-3.2', usage: { fr: 'classe les courriels' } },
			{ model: 'mistral-medium-3', usage: { fr: 'rédige la réponse proposée' } },
		]);
		const model = frontMatter(files()[modelPath]);
		expect(model).toMatchObject({
			id: 'mistral-medium-3',
			// The contributor's language only: the entry's translation is missing.
			name: { fr: 'Mistral Medium 3' },
			provenance: { issue: 9 },
		});

		// The pull request lists the new entry and what it lacks, in words; the check points at it.
		const body = pull()?.body ?? '';
		expect(body).toContain(
			'| **Fiche ajoutée · Entry added** | `registry/models/mistral-medium-3.mdx`',
		);
		expect(body).toMatch(/- \[ \] \*\*Nouveau modèle « Mistral Medium 3 » — Fournisseur\*\*/);
		expect(body).toMatch(/\*\*New model "Mistral Medium 3" — Provider\*\*/);
		expect(body).not.toContain('pas encore au registre');
		const annotations = fake.state.checkRuns.at(-1)?.annotations ?? [];
		expect(annotations.some((annotation) => annotation.path === modelPath)).toBe(true);

		// Run again: the same pull request, nothing committed, the model file kept.
		const again = await draftAndPublish({ AI_DRAFTS: 'off' }, 'edited');
		expect(again.published.committed).toBe(false);
		expect(fake.state.pulls.size).toBe(1);
		expect(files()[modelPath]).toBeDefined();
	});

	test('masks personal data in a new model’s name, file name included, and flags it there', async () => {
		const models = 'Modèle de jean.dupont@exemple.fr : rédige la réponse proposée';
		const { drafted, published } = await draftAndPublish({ AI_DRAFTS: 'off' }, 'opened', {
			...answers(),
			models,
		});
		const added = drafted.report.files.find((file) => file.kind === 'models');
		expect(added?.id).not.toMatch(/dupont|exemple/);
		expect(JSON.stringify(Object.entries(files()))).not.toContain('jean.dupont');
		expect(drafted.report.personalData.found).toEqual([
			expect.objectContaining({ field: 'name', file: `models/${added?.id}.mdx` }),
		]);
		expect(published.outcome).toBe('draft-incomplete');
		const labels = fake.state.issues.get(pull()?.number ?? 0)?.labels ?? [];
		expect(labels).toContain('personal-data');
		const annotations = fake.state.checkRuns.at(-1)?.annotations ?? [];
		expect(
			annotations.some(
				(annotation) =>
					annotation.path === `registry/models/${added?.id}.mdx` &&
					/personal data/.test(String(annotation.message)),
			),
		).toBe(true);
	});

	test('with AI, the system drafted refers to it too', async () => {
		const reply: StubReply = (request) => {
			const format = request.body['response_format'] as {
				json_schema?: { name?: string; schema?: object };
			};
			if (format.json_schema?.name === 'registry_models') {
				// The new model, drafted from its name: what the model knows of it, said cautiously.
				return completion(
					strictAnswer((format.json_schema.schema ?? {}) as never, {
						// The name in the other language too: the form gives the contributor's.
						name: { fr: 'Mistral Medium 3 (IA)', en: 'Mistral Medium 3' },
						provider: { fr: 'Mistral AI', en: 'Mistral AI' },
						description: {
							fr: 'Grand modèle de langage de Mistral AI (à confirmer).',
							en: 'Large language model by Mistral AI (to be confirmed).',
						},
					}),
				);
			}
			return completion(
				strictAnswer((format.json_schema?.schema ?? {}) as never, {
					...aiSystem(),
					status: 'pilot',
					models: [
						{ model: 'mistral-small-3.2', usage: { fr: 'Classe.', en: 'Sorts.' } },
						// Offered by the schema: the new model is one of the ids the answer may name.
						...(JSON.stringify(format).includes('"mistral-medium-3"')
							? [{ model: 'mistral-medium-3', usage: { fr: 'Rédige.', en: 'Drafts.' } }]
							: []),
					],
				}),
			);
		};
		stub = await startStub([reply, reply, reply]);
		const { drafted } = await draftAndPublish({
			AI_PROVIDER: 'openai',
			AI_BASE_URL: stub.url,
			AI_API_KEY: 'test-key',
			AI_MODEL: 'gpt-4.1-mini',
			AI_MAX_RETRIES: '0',
		});
		expect(drafted.report).toMatchObject({ status: 'drafted', mode: 'ai' });
		const system = frontMatter(files()[systemPath]);
		expect(system['models']).toEqual([
			{ model: 'mistral-small-3.2', usage: { fr: 'Classe.', en: 'Sorts.' } },
			{ model: 'mistral-medium-3', usage: { fr: 'Rédige.', en: 'Drafts.' } },
		]);
		const model = frontMatter(files()[modelPath]);
		expect(model).toMatchObject({
			name: { fr: 'Mistral Medium 3', en: 'Mistral Medium 3' },
			provider: { fr: 'Mistral AI', en: 'Mistral AI' },
			description: { en: 'Large language model by Mistral AI (to be confirmed).' },
			language: { original: 'fr', translation: 'machine' },
			provenance: {
				issue: 9,
				drafted: { provider: 'openai', model: 'gpt-4.1-mini' },
				fields: { name: 'form', provider: 'ai', description: 'ai' },
			},
		});
		// Both calls left the machine, each with its own schema, and the report counts both.
		expect(drafted.report.calls).toBe(2);
		expect(drafted.report.sentText).toContain('----- call 2 · response schema -----');
		expect(drafted.report.sentText).toContain('Model name: Mistral Medium 3');
	});
});
