import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { draft, reportFileName } from '../../src/drafting/draft.ts';
import { loadRegistry, type Registry } from '../../src/registry/load.ts';
import { structuredOutputSchema } from '../../src/registry/structured-output.ts';
import { apiError, completion } from './openai-stub.ts';
import {
	aiSystem,
	formBody,
	option,
	strictAnswer,
	systemAnswers,
	tempDir,
	tempRegistry,
	type FormAnswer,
} from './helpers.ts';
import {
	at,
	checkWithDraft,
	outputFiles,
	readEntry,
	requestBody,
	runScenario,
	type Scenario,
} from './run-draft.ts';

/** Scenarios load a registry and wait on the stub: allow more than 5 s on a busy runner. */
const slow = { timeout: 30_000 };

let registry: Registry;
beforeAll(async () => {
	registry = await loadRegistry(tempRegistry());
});

/** A valid model answer for the system issue, in strict form. */
function validSystemAnswer(overrides: Record<string, unknown> = {}): unknown {
	return strictAnswer(structuredOutputSchema('systems', registry), { ...aiSystem(), ...overrides });
}

/** An answer that breaks the registry's rules: an unknown vocabulary key, a missing translation. */
function invalidSystemAnswer(): unknown {
	return validSystemAnswer({
		principles: ['not-a-principle'],
		dataSources: [{ name: { fr: 'Courriels' }, personalData: 'personal' }],
	});
}

describe('draft with a model', slow, () => {
	it('writes an entry the registry check accepts, from a valid answer (exit 0)', async () => {
		const run = await runScenario({ replies: [completion(validSystemAnswer())] });
		expect(run.exitCode).toBe(0);
		expect(run.report).toMatchObject({
			status: 'drafted',
			mode: 'ai',
			kind: 'systems',
			id: 'assistant-de-reponse-aux-usagers',
			file: 'systems/assistant-de-reponse-aux-usagers.mdx',
			provider: 'openai',
			model: 'gpt-4.1-mini',
			calls: 1,
		});
		const { data, body } = readEntry(run);
		expect(body.trim()).toBe('');
		expect(data.language).toEqual({ original: 'fr', translation: 'machine' });
		expect(data.provenance.issue).toBe(42);
		expect(data.provenance.drafted).toMatchObject({ provider: 'openai', model: 'gpt-4.1-mini' });
		expect(data.provenance.fields['status']).toBe('form');
		expect(data.provenance.fields['dataSources']).toBe('ai');
		expect(run.report.fields).toEqual(data.provenance.fields);
		// The form's wording is kept; the other language comes from the model.
		expect(data['name']).toEqual({
			fr: 'Assistant de réponse aux usagers',
			en: 'Citizen reply assistant',
		});
		expect(await checkWithDraft(run)).toEqual([]);
	});

	it('sends the redacted issue, the example and a strict schema offering only existing ids', async () => {
		const run = await runScenario({ replies: [completion(validSystemAnswer())] });
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0]?.path).toBe('/v1/chat/completions');
		expect(run.requests[0]?.headers.authorization).toBe('Bearer test-key');
		const body = requestBody(run);
		expect(body.model).toBe('gpt-4.1-mini');
		expect(body.temperature).toBe(0.2);
		expect(body.max_completion_tokens).toBe(4096);
		expect(body.max_tokens).toBeUndefined();
		expect(body.response_format.type).toBe('json_schema');
		expect(body.response_format.json_schema?.strict).toBe(true);
		const schema = body.response_format.json_schema?.schema;
		expect(at(schema, 'properties.models.items.properties.model.enum')).toEqual([
			'mistral-small-3.2',
		]);
		expect(at(schema, 'properties.principles.items.enum')).toContain('human-review');
		// What the form answered with a choice is not asked again.
		expect(at(schema, 'properties.status')).toBeUndefined();
		// Personal data never leaves the machine; the placeholders do.
		const sent = JSON.stringify(body);
		expect(sent).not.toContain('jeanne.dupont');
		expect(sent).not.toContain('06 12 34 56 78');
		expect(sent).toContain('[EMAIL]');
		expect(sent).toContain('[PHONE]');
		expect(run.report.redactions).toEqual({ email: 1, phone: 1 });
		// The example entry of the same kind travels with the rules.
		expect(body.messages[0]?.content).toContain('Tri du courrier entrant');
	});

	it('reports exactly what left the machine, within 16,000 characters', async () => {
		const run = await runScenario({ replies: [completion(validSystemAnswer())] });
		const body = requestBody(run);
		for (const message of body.messages) expect(run.report.sentText).toContain(message.content);
		expect(run.report.sentText).toContain(JSON.stringify(body.response_format.json_schema?.schema));
		const chars =
			body.messages.reduce((total, message) => total + message.content.length, 0) +
			JSON.stringify(body.response_format.json_schema?.schema).length;
		expect(run.report.sentChars).toBe(chars);
		expect(run.report.sentChars).toBeLessThanOrEqual(16_000);
		expect(run.report.usage).toEqual({
			promptTokens: 1200,
			completionTokens: 400,
			totalTokens: 1600,
		});
		expect(run.report.cost).toMatchObject({ currency: 'USD', source: 'price-table' });
		expect(run.report.energy).toMatchObject({ source: 'estimate' });
		expect(run.report.prompt?.file).toBe('draft-entry.v2.md');
	});
});

describe('model failures', slow, () => {
	it('repairs an invalid answer once, telling the model what to fix (exit 0)', async () => {
		const run = await runScenario({
			replies: [completion(invalidSystemAnswer()), completion(validSystemAnswer())],
		});
		expect(run.exitCode).toBe(0);
		expect(run.report.calls).toBe(2);
		expect(run.requests).toHaveLength(2);
		const repair = requestBody(run, 1).messages;
		expect(repair.at(-2)?.role).toBe('assistant');
		expect(repair.at(-1)?.content).toContain('not-a-principle');
		expect(run.report.usage?.totalTokens).toBe(3200);
		expect(run.report.sentText).toContain('----- call 2 · assistant -----');
	});

	it('falls back on the form after an invalid repair: the problems and tokens in the report (exit 0)', async () => {
		const run = await runScenario({
			replies: [completion(invalidSystemAnswer()), completion(invalidSystemAnswer())],
		});
		expect(run.exitCode).toBe(0);
		expect(run.report).toMatchObject({ status: 'drafted', mode: 'form-only', calls: 2 });
		expect(run.report.formOnlyReason?.en).toContain('fails the registry’s validation');
		expect(run.report.errors.map((error) => error.field)).toContain('principles.0');
		expect(run.report.errors.every((error) => error.message.fr && error.message.en)).toBe(true);
		// What was spent is still told; the entry is the form's, untranslated, not the model's.
		expect(run.report.usage?.totalTokens).toBe(3200);
		const { data } = readEntry(run);
		expect(data.language).toEqual({ original: 'fr', translation: 'missing' });
		expect(data.provenance.drafted).toBeUndefined();
		expect(data['principles']).toBeUndefined();
		expect(await checkWithDraft(run)).toEqual([]);
	});

	it('repairs malformed JSON (exit 0), and falls back on the form when it stays malformed', async () => {
		const repaired = await runScenario({
			replies: [completion('{"name": {"fr": "Assis'), completion(validSystemAnswer())],
		});
		expect(repaired.exitCode).toBe(0);
		expect(repaired.report.mode).toBe('ai');
		const failed = await runScenario({ replies: [completion('not json'), completion('{]')] });
		expect(failed.exitCode).toBe(0);
		expect(failed.report.mode).toBe('form-only');
		expect(failed.report.errors.some((error) => error.field === 'answer')).toBe(true);
		expect(outputFiles(failed)).toEqual([reportFileName, failed.report.file]);
	});

	it.each([
		['a refusal', completion(null, { refusal: 'I cannot help with that.' }), 'refused'],
		[
			'an answer cut at the token limit',
			completion('{"name":', { finishReason: 'length' }),
			'AI_MAX_TOKENS',
		],
		['a content filter', completion('', { finishReason: 'content_filter' }), 'content filter'],
	])('falls back on the form at %s, without a repair call (exit 0)', async (_, reply, wording) => {
		const run = await runScenario({ replies: [reply] });
		expect(run.exitCode).toBe(0);
		expect(run.report).toMatchObject({ status: 'drafted', mode: 'form-only' });
		expect(run.requests).toHaveLength(1);
		expect(run.report.formOnlyReason?.en).toContain(wording);
		expect(await checkWithDraft(run)).toEqual([]);
	});

	it('retries a 429 and drafts when the next try succeeds (exit 0)', async () => {
		const run = await runScenario({ replies: [apiError(429), completion(validSystemAnswer())] });
		expect(run.exitCode).toBe(0);
		expect(run.requests).toHaveLength(2);
		expect(run.report.calls).toBe(1);
	});

	it('falls back on the form after repeated 500s and the bounded retries (exit 0)', async () => {
		const run = await runScenario({ replies: [apiError(500), apiError(502), apiError(503)] });
		expect(run.exitCode).toBe(0);
		expect(run.requests).toHaveLength(3);
		expect(run.report.mode).toBe('form-only');
		expect(run.report.formOnlyReason?.en).toContain('HTTP 503');
	});

	it('falls back on the form after a timeout (exit 0)', async () => {
		const run = await runScenario({
			replies: [{ hang: true }],
			env: { AI_TIMEOUT_MS: '300', AI_MAX_RETRIES: '0' },
		});
		expect(run.exitCode).toBe(0);
		expect(run.report.formOnlyReason?.en).toContain('did not answer within 300 ms');
	});

	it('says a rejected key is a configuration problem, and drafts from the form (exit 0)', async () => {
		const run = await runScenario({ replies: [apiError(401, 'bad key')] });
		expect(run.exitCode).toBe(0);
		expect(run.report.formOnlyReason?.en).toContain('AI_API_KEY');
	});

	it('keeps an answer that only lacks fields, without a repair that would push the model to invent them', async () => {
		// What the full form would have given (approach, automation) the model gives here.
		const short = validSystemAnswer({
			contest: null,
			humanOversight: null,
			approach: 'rules',
			automation: 'decision-support',
		});
		const { language, name, status, details, contact } = systemAnswers();
		const run = await runScenario({
			form: 'systems',
			answers: { language, name, status, details, contact } as Record<string, FormAnswer>,
			replies: [completion(short)],
		});
		expect(run.exitCode).toBe(0);
		expect(run.report).toMatchObject({ status: 'drafted', mode: 'ai', calls: 1 });
		expect(run.report.toComplete.map((item) => item.label.en)).toEqual([
			'Contesting a decision',
			'Human oversight',
		]);
		const problems = await checkWithDraft(run);
		expect(problems.map((problem) => problem.field).sort()).toEqual(['contest', 'humanOversight']);
	});
});

describe('form-only drafts', slow, () => {
	it.each([
		['AI_DRAFTS=off', { env: { AI_DRAFTS: 'off' } }, 'AI_DRAFTS=off'],
		['the no-AI checkbox', { answers: { ...systemAnswers(), 'no-ai': true } }, 'ticked'],
		['the no-ai-draft label', { labels: ['no-ai-draft'] }, 'no-ai-draft'],
		['no API key', { env: { AI_API_KEY: '' } }, 'AI_API_KEY'],
	] as [string, Scenario, string][])(
		'are made from the form alone with %s (exit 0)',
		async (_, scenario, reason) => {
			const run = await runScenario(scenario);
			expect(run.exitCode).toBe(0);
			expect(run.report.mode).toBe('form-only');
			expect(run.report.formOnlyReason?.en).toContain(reason);
			expect(run.requests).toHaveLength(0);
			expect(run.report.sentText).toBeNull();
			const { data } = readEntry(run);
			expect(data.language).toEqual({ original: 'fr', translation: 'missing' });
			expect(data.provenance.drafted).toBeUndefined();
			expect(Object.values(data.provenance.fields).every((origin) => origin === 'form')).toBe(true);
			expect(await checkWithDraft(run)).toEqual([]);
		},
	);

	it('drafts an incomplete form without AI, listing in words what to complete (exit 0)', async () => {
		const run = await runScenario({
			answers: {
				language: 'English',
				name: 'Chat',
				status: systemAnswers()['status'] ?? '',
				details: 'A chatbot that answers residents’ questions on the website.',
			},
			env: { AI_DRAFTS: 'off' },
		});
		expect(run.exitCode).toBe(0);
		expect(run.report).toMatchObject({ status: 'drafted', mode: 'form-only' });
		const labels = run.report.toComplete.map((item) => item.label.en);
		expect(labels).toEqual(
			expect.arrayContaining(['Purpose', 'People affected', 'EU AI Act', 'Contact']),
		);
		expect(run.report.toComplete.find((item) => item.field === 'aiAct')?.note.en).toBe(
			'To give: Role under the Act, Risk class, Rationale.',
		);
		// Words only: no field path in what people read.
		for (const item of run.report.toComplete) {
			expect(`${item.label.fr} ${item.label.en} ${item.note.fr} ${item.note.en}`).not.toMatch(
				/\b[a-z]+[A-Z]\w*\b|\w\.\w/,
			);
		}
		// The description is the summary, and the entry gives what the form gave.
		const { data } = readEntry(run);
		expect(data['summary']).toEqual({
			en: 'A chatbot that answers residents’ questions on the website.',
		});
		expect(data['review']).toEqual({ next: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
		// CI names each missing field at its line of the file.
		const problems = await checkWithDraft(run);
		expect(problems.length).toBeGreaterThan(0);
		for (const problem of problems) {
			expect(problem.path).toMatch(/systems\/chat\.mdx$/);
			expect(problem.line).toBeGreaterThan(0);
		}
		expect(new Set(problems.map((problem) => problem.field.split('.')[0]))).toEqual(
			new Set(run.report.toComplete.map((item) => item.field.split('.')[0])),
		);
	});

	it('says a missing key is the organisation’s set-up, and drafts from the form', async () => {
		const run = await runScenario({ env: { AI_API_KEY: '' } });
		expect(run.report.formOnlyReason).toEqual({
			fr: 'l’organisation n’a pas encore mis en place la rédaction par IA : il manque la clé d’API de openai (secret AI_API_KEY du dépôt)',
			en: 'the organisation has not set up AI drafting yet: the openai API key is missing (the repository’s AI_API_KEY secret)',
		});
		expect(run.report.status).toBe('drafted');
	});

	it('adds a model the registry does not have as an entry to complete, instead of refusing it', async () => {
		const run = await runScenario({
			answers: { ...systemAnswers(), models: 'Llama 3.3 70B : résume les courriers' },
			env: { AI_DRAFTS: 'off' },
		});
		expect(run.report.status).toBe('drafted');
		const [, added] = run.report.files;
		expect(added).toMatchObject({ kind: 'models', change: 'add', file: `models/${added?.id}.mdx` });
		const model = readFileSync(join(run.outDir, added?.file ?? ''), 'utf8');
		expect(model).toContain('name:\n  fr: Llama 3.3 70B\n');
		const system = readFileSync(join(run.outDir, run.report.file ?? ''), 'utf8');
		expect(system).toContain(`- model: ${added?.id}\n    usage:\n      fr: résume les courriers`);
		// What the new entry lacks is listed in words, with the model's name.
		const labels = run.report.toComplete.map((item) => item.label.fr);
		expect(labels).toContain('Nouveau modèle « Llama 3.3 70B » — Fournisseur');
		expect(labels.every((label) => label.startsWith('Nouveau modèle « Llama 3.3 70B » — '))).toBe(
			true,
		);
	});

	it('still sends back answers that contradict each other, naming the questions in each language', async () => {
		const run = await runScenario({
			answers: {
				...systemAnswers(),
				status: option('statuses', 'planned'),
				'risk-class': option('risk-classes', 'prohibited'),
			},
			env: { AI_DRAFTS: 'off' },
		});
		expect(run.exitCode).toBe(2);
		expect(run.report.status).toBe('invalid-form');
		expect(run.report.errors[0]?.message.fr).toMatch(/^« Classe de risque » : /);
		expect(run.report.errors[0]?.message.en).toMatch(/^"Risk class": /);
		expect(outputFiles(run)).toEqual([reportFileName]);
	});
});

describe('issues that are not drafted', slow, () => {
	it('refuses wrong answers before any token is spent (exit 2)', async () => {
		const run = await runScenario({
			answers: {
				...systemAnswers(),
				'start-date': 'demain',
				contact: 'pas une adresse',
				automation: 'Robot total / Full robot',
			},
			replies: [completion(validSystemAnswer())],
		});
		expect(run.exitCode).toBe(2);
		expect(run.report.status).toBe('invalid-form');
		expect(run.report.errors.map((error) => error.field).sort()).toEqual([
			'automation',
			'contact',
			'start-date',
		]);
		expect(run.requests).toHaveLength(0);
	});

	it('refuses answers that contradict each other before any token is spent (exit 2)', async () => {
		const answers = {
			...systemAnswers(),
			status: option('statuses', 'planned'),
			'risk-class': option('risk-classes', 'prohibited'),
		};
		const run = await runScenario({
			answers,
			replies: [completion(validSystemAnswer()), completion(validSystemAnswer())],
		});
		expect(run.requests).toHaveLength(0);
		expect(run.exitCode).toBe(2);
		expect(run.report).toMatchObject({ status: 'invalid-form', mode: 'ai', calls: 0 });
		expect(run.report.sentText).toBeNull();
		expect(run.report.errors.map((error) => error.field)).toEqual(['risk-class']);
		const [error] = run.report.errors;
		expect(error?.message.en).toContain('Article 5');
		expect(error?.message.en).toContain('the AI keeps the form’s answers');
		expect(error?.message.fr).toContain('l’IA garde les réponses du formulaire');
		// The same form without AI is refused on the same question.
		const withoutAi = await runScenario({ answers, env: { AI_DRAFTS: 'off' } });
		expect(withoutAi.report.errors.map((e) => e.field)).toEqual(['risk-class']);
	});

	it('refuses a character no published text may hold before any token is spent (exit 2)', async () => {
		const run = await runScenario({
			answers: { ...systemAnswers(), purpose: 'Répondre\u202E plus vite aux usagers.' },
			replies: [completion(validSystemAnswer()), completion(validSystemAnswer())],
		});
		expect(run.requests).toHaveLength(0);
		expect(run.report.status).toBe('invalid-form');
		expect(run.report.errors.map((error) => error.field)).toEqual(['purpose']);
		expect(run.report.errors[0]?.message.en).toContain('U+202E');
	});

	it('still sends a form whose problem the model can fix with a field the form does not ask', async () => {
		// A retired system needs an end date, which the form does not ask: the model gives it.
		const run = await runScenario({
			answers: { ...systemAnswers(), status: option('statuses', 'retired') },
			replies: [completion(validSystemAnswer({ status: 'retired', endDate: '2025-06-30' }))],
		});
		expect(run.requests).toHaveLength(1);
		expect(run.exitCode).toBe(0);
		expect(readEntry(run).data['endDate']).toBe('2025-06-30');
		expect(await checkWithDraft(run)).toEqual([]);
	});

	it('asks for the questions a hand-edited body lost (exit 2)', async () => {
		const body = formBody('systems-detailed', systemAnswers()).replace(
			/### Finalité \/ Purpose\n\n[^\n]*\n\n/,
			'',
		);
		const run = await runScenario({ body });
		expect(run.exitCode).toBe(2);
		expect(run.report.status).toBe('invalid-form');
		expect(run.report.errors[0]?.message.en).toContain('Finalité / Purpose');
	});

	it('says once that a labelled issue was not written with the form (exit 2)', async () => {
		const run = await runScenario({ body: 'Free text.', labels: ['registry: system'] });
		expect(run.exitCode).toBe(2);
		expect(run.report.status).toBe('invalid-form');
		expect(run.report.errors).toHaveLength(1);
		expect(run.report.errors[0]?.message.en).toContain('not written with the form');
	});

	it.each([
		['a real GitHub issue', "It looks like you accidently spelled 'commit' with two 't's."],
		['an issue without a body', null],
		['an empty body', ''],
	])('leaves %s alone (exit 2)', async (_, body) => {
		const run = await runScenario({ body });
		expect(run.exitCode).toBe(2);
		expect(run.report.status).toBe('not-a-registry-issue');
		expect(run.report.errors[0]?.message.fr).toBeTruthy();
		expect(run.requests).toHaveLength(0);
	});

	it('makes an error report a correction of the entry it names, and refuses an unknown one (exit 2)', async () => {
		const run = await runScenario({
			form: 'entry-error',
			answers: { entry: 'systems/tri-courrier', problem: 'Le service a changé de nom.' },
			env: { AI_DRAFTS: 'off' },
		});
		expect(run.exitCode).toBe(0);
		expect(run.report).toMatchObject({
			status: 'drafted',
			kind: 'systems',
			id: 'tri-courrier',
			files: [{ file: 'systems/tri-courrier.mdx', change: 'edit' }],
			correction: { form: 'entry-error', changes: [] },
		});
		expect(run.report.errors).toEqual([]);
		const unknown = await runScenario({
			form: 'entry-error',
			answers: { entry: 'systems/../../etc/passwd', problem: '?' },
			env: { AI_DRAFTS: 'off' },
		});
		expect(unknown.exitCode).toBe(2);
		expect(unknown.report).toMatchObject({ status: 'invalid-form', kind: null, id: null });
		expect(unknown.report.errors[0]?.field).toBe('entry');
		expect(unknown.report.errors[0]?.message.fr).toContain('« Fiche concernée » :');
	});

	it('reports an unreadable event as an error (exit 1)', async () => {
		const work = tempDir();
		writeFileSync(join(work, 'event.json'), '{ not json');
		const outcome = await draft({
			eventPath: join(work, 'event.json'),
			registryDir: tempRegistry(),
			outDir: join(work, 'out'),
			env: {},
		});
		expect(outcome.exitCode).toBe(1);
		expect(outcome.report.status).toBe('error');
		expect(existsSync(join(work, 'out', reportFileName))).toBe(true);
	});
});
