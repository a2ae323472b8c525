/**
 * Issue #14, item 6, end to end in process: "report an error in this entry" and "update an
 * entry" issues (real `issues.opened` payloads) → `draft()` (with the model stub, or without
 * AI) → `publishDraft()` against the fake GitHub, in French and in English. The pull request
 * edits the existing entry file: only the changed fields are written again, the diff is in its
 * body, the provenance records the changed fields only; running it again changes nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { FormName } from '../../src/drafting/issue-forms.ts';
import type { DraftingEnv } from '../../src/drafting/settings.ts';
import {
	formBody,
	option,
	strictAnswer,
	tempDir,
	tempRegistry,
	type FormAnswer,
} from '../drafting/helpers.ts';
import { completion, startStub, type OpenAiStub, type StubReply } from '../drafting/openai-stub.ts';
import { FakeGitHub } from './fake-github/server.ts';
import type { FakeUser } from './fake-github/state.ts';
import { contributor, draftThenPublish, issuesEvent } from './helpers.ts';

const maintainer: FakeUser = { login: 'alex-leroy', id: 6001, type: 'User' };

const slow = { timeout: 60_000 };
const entryPath = 'registry/systems/tri-courrier.mdx';

let fake: FakeGitHub;
let registryDir: string;
let original: string;
let work: string;
let stub: OpenAiStub | undefined;
let runs = 0;

beforeEach(async () => {
	registryDir = tempRegistry();
	original = readFileSync(join(registryDir, 'systems', 'tri-courrier.mdx'), 'utf8');
	// The repository holds the entry the issues are about, as the registry folder does.
	fake = await FakeGitHub.start({
		now: () => new Date('2026-03-02T10:00:00Z'),
		files: { [entryPath]: original },
	});
	work = tempDir('correction-');
});

afterEach(async () => {
	expect(fake.violations).toEqual([]);
	await fake.close();
	await stub?.close();
	stub = undefined;
});

/** Opens (or edits) issue 8 with a correction form's body, drafts it and publishes it. */
async function correct(
	form: FormName,
	answers: Record<string, FormAnswer>,
	options: { env?: DraftingEnv; labels?: string[]; action?: 'opened' | 'edited' } = {},
) {
	const body = formBody(form, answers);
	const labels = [
		form === 'entry-error' ? 'registry: error report' : 'registry: update',
		...(options.labels ?? []),
	];
	const existing = fake.state.issues.get(8);
	if (existing) Object.assign(existing, { body, labels });
	else
		fake.state.addIssue({ number: 8, title: 'Tri du courrier', body, user: contributor, labels });
	const eventPath = join(work, 'event.json');
	writeFileSync(
		eventPath,
		JSON.stringify(issuesEvent(options.action ?? 'opened', { number: 8, body, labels })),
	);
	const outDir = join(work, `draft-${++runs}`);
	const env = options.env ?? { AI_DRAFTS: 'off' };
	return draftThenPublish(fake, { eventPath, registryDir, outDir, env, runKey: `${runs}.1` });
}

/** The model stub, answering with the current entry as the prompt showed it, edited. */
async function withModel(edit: (entry: Record<string, unknown>) => void): Promise<DraftingEnv> {
	const reply: StubReply = (request) => {
		const messages = request.body['messages'] as { content: string }[];
		const shown = /The entry as it stands today[^\n]*\n(\{.*\})/.exec(messages[0]?.content ?? '');
		const entry = JSON.parse(shown?.[1] ?? '{}') as Record<string, unknown>;
		edit(entry);
		const format = request.body['response_format'] as { json_schema?: { schema?: object } };
		return completion(strictAnswer((format.json_schema?.schema ?? {}) as never, entry));
	};
	stub = await startStub([reply, reply]);
	return {
		AI_PROVIDER: 'openai',
		AI_BASE_URL: stub.url,
		AI_API_KEY: 'test-key',
		AI_MODEL: 'gpt-4.1-mini',
		AI_TIMEOUT_MS: '2000',
		AI_MAX_RETRIES: '0',
	};
}

const pull = () => [...fake.state.pulls.values()][0];
const labelsOfPull = () => fake.state.issues.get(pull()?.number ?? 0)?.labels ?? [];
const comment = () => fake.state.comments.filter((c) => c.issue === 8).at(-1)?.body ?? '';
const onBranch = () => fake.state.filesAt('registry/issue-8')[entryPath] ?? '';
const frontMatter = (text: string) =>
	parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as Record<string, unknown>;

/** The lines of `text` from the line starting with `from` up to the next top-level field. */
function block(text: string, from: string): string {
	const lines = text.split('\n');
	const start = lines.findIndex((line) => line.startsWith(from));
	const end = lines.findIndex((line, index) => index > start && /^[a-zA-Z-]/.test(line));
	return lines.slice(start, end).join('\n');
}

describe('an error report', slow, () => {
	test('without AI, becomes a pull request with the reporter’s text beside the entry to edit (French)', async () => {
		const { drafted, published } = await correct(
			'entry-error',
			{
				entry: 'systems/tri-courrier',
				problem: 'Le service s’appelle désormais « Direction de l’accueil ».',
				correction: 'Direction de l’accueil et des relations usagers',
				source: 'https://www.clairval.example/organigramme',
			},
			{ labels: ['lang:fr'] },
		);
		expect(drafted.report).toMatchObject({
			status: 'drafted',
			mode: 'form-only',
			files: [{ file: 'systems/tri-courrier.mdx', kind: 'systems', change: 'edit' }],
		});
		expect(published.outcome).toBe('draft-ready');
		expect(pull()?.title).toBe('Correction · Correction: systems/tri-courrier (#8)');
		expect(labelsOfPull()).toEqual(
			expect.arrayContaining(['form-draft', 'needs-review', 'ai-system', 'correction']),
		);
		const body = pull()?.body ?? '';
		expect(body).toContain('## Correction à relire · Correction to review');
		expect(body).toContain('✏️ modifie une fiche publiée · edits a published entry');
		expect(body).toContain('Aucun champ modifié automatiquement · No field changed automatically');
		expect(body).toContain(
			'- [ ] Vérifier le signalement ci-dessous et corriger la fiche sur cette branche',
		);
		// The reporter's words, in fenced blocks: shown, never rendered; labels in French first.
		expect(body).toContain('**Ce qui est faux (What is wrong)**');
		expect(body).toContain('Le service s’appelle désormais « Direction de l’accueil ».');
		expect(body).toContain('```text\nhttps://www.clairval.example/organigramme\n```');

		// The file is the published one, byte for byte, with the correction recorded after it.
		const edited = onBranch();
		const end = original.lastIndexOf('---');
		expect(edited.startsWith(original.slice(0, end))).toBe(true);
		expect(frontMatter(edited)['provenance']).toEqual({
			revisions: [{ issue: 8, date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), fields: [] }],
		});
	});

	test('without its language label (a reader who may not label issues), reads the language of the page address', async () => {
		const { drafted } = await correct('entry-error', {
			entry: 'https://ia.clairval.example/en/registre/systemes/tri-courrier/',
			problem: 'The unit is now called “Front desk department”.',
		});
		expect(drafted.report.correction?.language).toBe('en');
		const french = await correct('entry-error', {
			entry: 'https://ia.clairval.example/registre/systemes/tri-courrier/',
			problem: 'Le service s’appelle désormais « Direction de l’accueil ».',
		});
		expect(french.drafted.report.correction?.language).toBe('fr');
		expect(pull()?.body ?? '').toContain('**Ce qui est faux (What is wrong)**');
	});

	test('names the question in both languages when the entry does not exist, and opens nothing', async () => {
		const { drafted, published } = await correct('entry-error', {
			entry: 'systems/pas-au-registre',
			problem: 'Faux.',
		});
		expect(drafted.exitCode).toBe(2);
		expect(published.outcome).toBe('invalid-form');
		expect(fake.state.pulls.size).toBe(0);
		expect(comment()).toContain(
			'« Fiche concernée » : « systems/pas-au-registre » ne désigne aucune fiche du registre.',
		);
		expect(comment()).toContain(
			'"Entry concerned": "systems/pas-au-registre" names no entry of the registry.',
		);
	});
});

describe('an update', slow, () => {
	test('with AI, edits the changed fields only, shows them before → after and records them (English)', async () => {
		const env = await withModel((entry) => {
			entry['summary'] = {
				fr: 'Proposait le service destinataire de chaque courrier reçu ; retiré en février 2026.',
				en: 'Suggested which department should handle each letter; retired in February 2026.',
			};
			// A model that also tries to write what only the form or the drafting may.
			entry['status'] = 'pilot';
		});
		const { drafted, published } = await correct(
			'entry-update',
			{
				entry: 'https://registre.clairval.example/en/registre/systemes/tri-courrier/',
				language: 'English',
				details: 'The system was stopped at the end of February; the mail team reviewed the entry.',
				status: option('statuses', 'retired'),
				'end-date': '2026-02-27',
				'review-last': '2026-03-01',
				'review-next': '2027-03-01',
			},
			{ env },
		);
		expect(drafted.report).toMatchObject({ status: 'drafted', mode: 'ai', calls: 1 });
		expect(published.outcome).toBe('draft-ready');
		expect(pull()?.title).toBe('Mise à jour IA · AI update: systems/tri-courrier (#8)');

		const data = frontMatter(onBranch());
		expect(data).toMatchObject({
			status: 'retired',
			endDate: '2026-02-27',
			review: { last: '2026-03-01', next: '2027-03-01' },
		});
		expect(data['summary']).toMatchObject({ en: expect.stringContaining('retired in February') });
		// Provenance: the changed fields and their origin, nothing else.
		const provenance = data['provenance'] as Record<string, unknown>;
		expect(provenance['fields']).toEqual({
			summary: 'ai',
			status: 'form',
			endDate: 'form',
			review: 'form',
		});
		expect(provenance['revisions']).toEqual([
			{
				issue: 8,
				date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
				drafted: expect.objectContaining({ provider: 'openai', model: 'gpt-4.1-mini' }),
				fields: ['summary', 'status', 'endDate', 'review'],
			},
		]);
		// Untouched fields keep their text byte for byte.
		for (const field of ['owner:', 'models:', 'generativeAi:', 'contest:']) {
			expect(block(onBranch(), field)).toBe(block(original, field));
		}
		// The AI wrote the summary in both languages: the person's translation is now a machine's.
		expect(data['language']).toEqual({ original: 'fr', translation: 'machine' });
		expect(pull()?.body ?? '').toContain('Review the translation of the fields the AI changed');

		// The diff, field by field, named in the issue's language first.
		const body = pull()?.body ?? '';
		expect(body).toContain('## Mise à jour à relire · Update to review');
		expect(body).toContain(
			'| **Status (Statut)** `status` | in-use | retired | 📝 formulaire · form |',
		);
		expect(body).toContain('| **End date (Date de retrait)** `endDate` | — | 2026-02-27 |');
		expect(body).toMatch(/\| \*\*Summary \(Résumé\)\*\* `summary` \| .* \| 🤖 IA · AI \|/);
		expect(body).toContain('### 1. À vérifier en premier : champs remplis par l’IA');
		expect(body).toContain('- [ ] `summary`');
		expect(labelsOfPull()).toEqual(expect.arrayContaining(['ai-draft', 'correction']));
	});

	test('without AI, applies the answers that map onto fields and says what the team does (French)', async () => {
		const answers = {
			entry: 'systems/tri-courrier',
			language: 'Français',
			details: 'Le système est en pause le temps de changer de prestataire.',
			status: option('statuses', 'pilot'),
		};
		const first = await correct('entry-update', answers);
		expect(first.drafted.report).toMatchObject({ mode: 'form-only', fields: { status: 'form' } });
		expect(first.drafted.report.correction?.changes).toEqual([
			{
				field: 'status',
				label: { fr: 'Statut', en: 'Status' },
				before: 'in-use',
				after: 'pilot',
				origin: 'form',
			},
		]);
		const body = pull()?.body ?? '';
		expect(body).toContain(
			'| **Statut (Status)** `status` | in-use | pilot | 📝 formulaire · form |',
		);
		expect(body).toContain('reprend les réponses du ticket #8, sans IA');
		expect(body).toContain(
			'- [ ] Vérifier les champs modifiés ci-dessous, puis reporter dans la fiche ce que le texte du ticket demande d’autre.',
		);
		expect(body).toContain('Le système est en pause le temps de changer de prestataire.');
		expect(frontMatter(onBranch())['status']).toBe('pilot');
		expect(block(onBranch(), 'summary:')).toBe(block(original, 'summary:'));

		// Run again on the same issue: the same branch and pull request, no new commit.
		const again = await correct('entry-update', answers, { action: 'edited' });
		expect(fake.state.pulls.size).toBe(1);
		expect(again.published.committed).toBe(false);
		expect(again.published.pull).toMatchObject({ number: pull()?.number, created: false });
		expect(comment()).toContain(
			`La modification proposée de la fiche est dans la demande de fusion #${pull()?.number}.`,
		);
		expect(comment()).toContain(
			`The proposed change to the entry is in pull request #${pull()?.number}.`,
		);
	});

	test('named again for another entry, puts the first one back as published', async () => {
		const otherPath = 'registry/systems/tri-courrier-bis.mdx';
		const other = original.replace(/^id: tri-courrier$/m, 'id: tri-courrier-bis');
		writeFileSync(join(registryDir, 'systems', 'tri-courrier-bis.mdx'), other);
		fake.state.pushAs(contributor, fake.state.defaultBranch, { [otherPath]: other }, true);
		const answers = {
			entry: 'systems/tri-courrier',
			language: 'Français',
			details: 'Le système est en pause le temps de changer de prestataire.',
			status: option('statuses', 'pilot'),
		};
		await correct('entry-update', answers);
		expect(frontMatter(onBranch())['status']).toBe('pilot');
		// The reporter meant the other entry, and edits the issue to say so.
		await correct(
			'entry-update',
			{ ...answers, entry: 'systems/tri-courrier-bis' },
			{ action: 'edited' },
		);
		const files = fake.state.filesAt('registry/issue-8');
		expect(files[entryPath]).toBe(original);
		expect(frontMatter(files[otherPath] ?? '')['status']).toBe('pilot');
		expect(fake.state.pulls.size).toBe(1);
	});

	test('leaves the branch alone once a maintainer has corrected it by hand', async () => {
		const answers = {
			entry: 'systems/tri-courrier',
			language: 'Français',
			status: option('statuses', 'retired'),
			'end-date': '2026-02-27',
		};
		await correct('entry-update', answers);
		const fixed = onBranch().replace('endDate: 2026-02-27', 'endDate: 2026-02-28');
		const fix = fake.state.pushAs(maintainer, 'registry/issue-8', { [entryPath]: fixed }, true);

		const again = await correct(
			'entry-update',
			{ ...answers, details: 'Arrêté fin février.' },
			{ action: 'edited' },
		);
		expect(again.published.outcome).toBe('human-took-over');
		expect(fake.state.resolveCommit('registry/issue-8')?.sha).toBe(fix.sha);
		expect(onBranch()).toBe(fixed);
	});

	test('with AI, masks personal data before sending and in the fields it changes', async () => {
		const env = await withModel((entry) => {
			entry['humanOversight'] = {
				fr: 'Un agent valide chaque proposition ; joindre jeanne.dupont@clairval.example.',
				en: 'An officer confirms each suggestion; write to jeanne.dupont@clairval.example.',
			};
		});
		const { drafted } = await correct(
			'entry-update',
			{
				entry: 'systems/tri-courrier',
				language: 'Français',
				details:
					'Le contrôle change : écrire à jeanne.dupont@clairval.example ou au 06 12 34 56 78.',
			},
			{ env },
		);
		expect(drafted.report.redactions).toEqual({ email: 1, phone: 1 });
		expect(drafted.report.sentText).not.toContain('jeanne.dupont');
		expect(drafted.report.sentText).not.toContain('06 12 34 56 78');
		expect(drafted.report.personalData.found).toEqual([
			expect.objectContaining({ field: 'humanOversight', kinds: { email: 2 } }),
		]);
		expect(onBranch()).not.toContain('jeanne.dupont');
		expect(labelsOfPull()).toContain('personal-data');
		// The reporter's text in the pull request is masked too.
		expect(pull()?.body).not.toContain('jeanne.dupont');
	});

	test('without AI, a review done by another team is applied, its other language left to translate', async () => {
		const { drafted, published } = await correct('entry-update', {
			entry: 'systems/tri-courrier',
			language: 'Français',
			'review-last': '2026-03-01',
			'review-by': 'Service du courrier',
			'review-next': '2027-03-01',
		});
		expect(drafted.report.status).toBe('drafted');
		expect(drafted.report.toComplete).toEqual([
			expect.objectContaining({
				field: 'review.by.en',
				label: { fr: 'Revue › Revue par', en: 'Review › Reviewed by' },
			}),
		]);
		expect(published.outcome).toBe('draft-incomplete');
		expect(frontMatter(onBranch())['review']).toEqual({
			last: '2026-03-01',
			next: '2027-03-01',
			by: { fr: 'Service du courrier' },
		});
	});
});
