/**
 * Issue #14 end to end, in process: an issue opened from the short form (a real `issues`
 * payload) → `draft()` (without AI, without a key, or with a failing model) → `publishDraft()`
 * against the fake GitHub, with the registry's own validator, in French and in English. A draft
 * that lacks fields still becomes a pull request listing them in words; personal data typed in
 * the answers is masked, flagged and fails the check until a person clears it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DraftingEnv } from '../../src/drafting/settings.ts';
import { formBody, option, tempDir, tempRegistry, type FormAnswer } from '../drafting/helpers.ts';
import { apiError } from '../drafting/openai-stub.ts';
import { startStub, type OpenAiStub } from '../drafting/openai-stub.ts';
import { FakeGitHub } from './fake-github/server.ts';
import { contributor, draftThenPublish, issuesEvent, systemFormLabel } from './helpers.ts';

const slow = { timeout: 60_000 };

let fake: FakeGitHub;
let registryDir: string;
let work: string;
let runs = 0;

beforeEach(async () => {
	fake = await FakeGitHub.start({ now: () => new Date('2026-03-02T10:00:00Z') });
	registryDir = tempRegistry();
	work = tempDir('short-form-');
});

afterEach(async () => {
	// Every request the real Octokit sent must be one GitHub documents.
	expect(fake.violations).toEqual([]);
	await fake.close();
});

/** The short "declare an AI system" form, answered in French. */
const french = (details: string): Record<string, FormAnswer> => ({
	details,
	language: 'Français',
	name: 'Agent conversationnel du site',
	status: option('statuses', 'pilot'),
	'owner-unit': 'Direction de la relation usagers',
	contact: 'https://www.clairval.example/contact',
});

/** The same form, answered in English. */
const english = (details: string): Record<string, FormAnswer> => ({
	details,
	language: 'English',
	name: 'Website chatbot',
	status: option('statuses', 'pilot'),
	contact: 'ai@clairval.example',
});

/**
 * Opens (or edits) issue 7 with the short form's body, drafts it, publishes it; returns what
 * the publish step did and the report the draft step wrote.
 */
async function draftAndPublish(
	answers: Record<string, FormAnswer>,
	options: { env?: DraftingEnv; labels?: string[]; action?: 'opened' | 'edited' } = {},
) {
	const body = formBody('systems', answers);
	const labels = [systemFormLabel, ...(options.labels ?? [])];
	const existing = fake.state.issues.get(7);
	if (existing) Object.assign(existing, { body, labels });
	else fake.state.addIssue({ number: 7, title: 'Agent', body, user: contributor, labels });
	const eventPath = join(work, 'event.json');
	const event = issuesEvent(options.action ?? 'opened', { number: 7, body, labels });
	await import('node:fs/promises').then((fs) => fs.writeFile(eventPath, JSON.stringify(event)));
	const outDir = join(work, `draft-${++runs}`);
	const env = { AI_DRAFTS: 'off', ...options.env };
	return draftThenPublish(fake, { eventPath, registryDir, outDir, env, runKey: `${runs}.1` });
}

const pull = () => [...fake.state.pulls.values()][0];
const labelsOfPull = () => fake.state.issues.get(pull()?.number ?? 0)?.labels ?? [];
const comment = () => fake.state.comments.filter((c) => c.issue === 7).at(-1)?.body ?? '';
const entryOnBranch = () =>
	fake.state.filesAt('registry/issue-7')['registry/systems/agent-conversationnel-du-site.mdx'] ??
	'';

describe('a short form without AI', slow, () => {
	test('becomes a draft pull request listing in French and English what the team completes', async () => {
		const { drafted, published } = await draftAndPublish(
			french('Un agent conversationnel qui répond aux questions des usagers sur le site.'),
		);
		expect(drafted.report).toMatchObject({ status: 'drafted', mode: 'form-only' });
		expect(published.outcome).toBe('draft-incomplete');

		// One pull request, marked as a draft to complete.
		expect(fake.state.pulls.size).toBe(1);
		expect(pull()?.title).toBe(
			'Brouillon à compléter · Draft to complete: systems/agent-conversationnel-du-site (#7)',
		);
		expect(labelsOfPull()).toEqual(['form-draft', 'needs-review', 'ai-system', 'to-complete']);
		const body = pull()?.body ?? '';
		expect(body).toContain('## Brouillon à compléter et relire · Draft to complete and review');
		expect(body).toContain('### 0. À compléter avant de fusionner · To complete before merging');
		expect(body).toContain(
			'- [ ] **Finalité** — À quoi sert le système et pourquoi. · **Purpose** — What the system is for, and why.',
		);
		expect(body).toContain(
			'- [ ] **Règlement européen sur l’IA** — À donner : Rôle au sens du règlement, Classe de risque, Justification. · **EU AI Act** — To give: Role under the Act, Risk class, Rationale.',
		);
		// The list is in words: the section names no field path.
		const list = body.slice(body.indexOf('### 0.'), body.indexOf('### 1.'));
		expect(list).not.toMatch(/`[a-zA-Z.]+`/);
		expect(body).toContain('| **Données personnelles · Personal data** | ✅ aucune repérée');

		// The entry holds what the form gave: the description as its summary, no review date.
		const entry = entryOnBranch();
		expect(entry).toContain('fr: Un agent conversationnel qui répond aux questions');
		expect(entry).toContain('unit:\n    fr: Direction de la relation usagers');
		expect(entry).not.toContain('last:');

		// The check fails, naming each missing field at its line of the file.
		const [run] = fake.state.checkRuns;
		expect(run?.conclusion).toBe('failure');
		expect(run?.output.title).toMatch(/^\d+ champ\(s\) à compléter · field\(s\) to complete$/);
		const fields = run?.annotations.map((annotation) => annotation.title) ?? [];
		expect(fields).toEqual(expect.arrayContaining(['purpose', 'aiAct', 'contest']));
		for (const annotation of run?.annotations ?? []) {
			expect(annotation.path).toBe('registry/systems/agent-conversationnel-du-site.mdx');
			expect(annotation.start_line).toBeGreaterThan(0);
		}

		// The author hears, in each language, that the team completes the draft: not to fix it.
		const said = comment();
		expect(said).toMatch(
			/l’équipe du registre complétera [^.]*« Finalité », « Personnes concernées »/,
		);
		expect(said).toMatch(/the registry team will complete [^.]*“Purpose”, “People affected”/);
		expect(said).not.toContain('purpose');
		expect(said).not.toContain('Form to complete');
	});

	test('masks the personal data of its answers, flags it and fails the check until it is removed', async () => {
		const typed =
			'Un agent conversationnel du site. Écrire à jeanne.dupont@clairval.example ou au 06 12 34 56 78.';
		await draftAndPublish(french(typed));

		const entry = entryOnBranch();
		expect(entry).not.toContain('jeanne.dupont');
		expect(entry).not.toContain('06 12 34 56 78');
		expect(entry).toContain('Écrire à [EMAIL] ou au [PHONE].');
		expect(labelsOfPull()).toContain('personal-data');
		const body = pull()?.body ?? '';
		expect(body).toContain(
			'| **Données personnelles · Personal data** | ❌ repérées dans 1 champ(s)',
		);
		expect(body).toContain('`personal-data-ok`');
		expect(body).toMatch(/« Résumé » : données personnelles \(email × 1, phone × 1\)/);
		const [run] = fake.state.checkRuns;
		expect(run?.output.title).toContain('données personnelles à retirer · personal data to remove');
		expect(run?.annotations).toContainEqual(
			expect.objectContaining({ title: 'summary', annotation_level: 'failure' }),
		);
		expect(comment()).toContain('adresse électronique, numéro de téléphone');
		expect(comment()).toContain('Remove it by editing this issue.');

		// The author removes it: the same pull request, the flag and its failure gone.
		await draftAndPublish(french('Un agent conversationnel du site.'), { action: 'edited' });
		expect(fake.state.pulls.size).toBe(1);
		expect(labelsOfPull()).not.toContain('personal-data');
		expect(labelsOfPull()).toContain('to-complete');
		const latest = fake.state.checkRuns.at(-1);
		expect(latest?.output.title).not.toContain('personal data');
		expect(pull()?.body).toContain('✅ aucune repérée · none found');
		expect(comment()).not.toContain('personal data');
	});

	test('writes personal data as typed once a maintainer labels the issue personal-data-ok', async () => {
		const typed = 'Un agent conversationnel. Standard de la mairie : 01 23 45 67 89.';
		const { drafted } = await draftAndPublish(french(typed), { labels: ['personal-data-ok'] });
		expect(drafted.report.personalData).toEqual({
			found: [{ field: 'summary', label: { fr: 'Résumé', en: 'Summary' }, kinds: { phone: 1 } }],
			clearedBy: 'personal-data-ok',
		});
		expect(entryOnBranch()).toContain('01 23 45 67 89');
		expect(labelsOfPull()).not.toContain('personal-data');
		expect(pull()?.body).toContain('⚠️ gardées telles quelles dans 1 champ(s)');
		const [run] = fake.state.checkRuns;
		expect(run?.output.title).not.toContain('personal data');
		expect(run?.annotations).toContainEqual(
			expect.objectContaining({ title: 'summary', annotation_level: 'notice' }),
		);
	});
});

describe('a short form in English', slow, () => {
	test('without an API key: the organisation has not set up AI drafting, and the draft is made', async () => {
		const { drafted, published } = await draftAndPublish(
			english('A chatbot on the website that answers residents’ questions.'),
			{ env: { AI_DRAFTS: 'on', AI_PROVIDER: 'openai', AI_API_KEY: '', AI_MODEL: 'gpt-4.1' } },
		);
		expect(drafted.report.formOnlyReason?.en).toContain(
			'the organisation has not set up AI drafting yet',
		);
		expect(published.outcome).toBe('draft-incomplete');
		const said = comment();
		expect(said).toContain('the organisation has not set up AI drafting yet');
		expect(said).toMatch(/the registry team will complete [^.]*“Purpose”/);
		expect(said).toMatch(/l’équipe du registre complétera [^.]*« Finalité »/);
		const entry = fake.state.filesAt('registry/issue-7')['registry/systems/website-chatbot.mdx'];
		expect(entry).toContain('original: en');
		expect(entry).toContain('email: ai@clairval.example');
		expect(pull()?.body).toContain('original: English, French missing');
	});

	let stub: OpenAiStub | undefined;
	afterEach(async () => {
		await stub?.close();
		stub = undefined;
	});

	test('with a failing model: a form-only draft that says why, the tokens told', async () => {
		stub = await startStub([apiError(503), apiError(503), apiError(503)]);
		const { drafted, published } = await draftAndPublish(english('A chatbot on the website.'), {
			env: {
				AI_DRAFTS: 'on',
				AI_PROVIDER: 'openai',
				AI_BASE_URL: stub.url,
				AI_API_KEY: 'test-key',
				AI_MODEL: 'gpt-4.1-mini',
				AI_MAX_RETRIES: '2',
			},
		});
		expect(drafted.report).toMatchObject({ status: 'drafted', mode: 'form-only', calls: 1 });
		expect(published.outcome).toBe('draft-incomplete');
		expect(labelsOfPull()).toContain('form-draft');
		const body = pull()?.body ?? '';
		expect(body).toContain('the model gave no usable draft');
		// What left the machine is shown even though the draft is the form's.
		expect(body).toContain('Exact text sent to the model');
		expect(comment()).toContain('the model gave no usable draft');
	});
});

describe('the committed short form', () => {
	test('is what the tests answer', async () => {
		const text = await readFile('.github/ISSUE_TEMPLATE/ai-system.yml', 'utf8');
		for (const id of ['details', 'language', 'name', 'status', 'owner-unit', 'contact']) {
			expect(text).toContain(`id: ${id}\n`);
		}
	});
});
