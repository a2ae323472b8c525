import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PublishError } from '../../src/github/errors.ts';
import { preflight } from '../../src/github/preflight.ts';
import { publishDraft, type PublishOptions } from '../../src/github/publish.ts';
import type { RegistryCheck } from '../../src/github/revalidate.ts';
import { stickyCommentMarker } from '../../src/github/sticky-comment.ts';
import { FakeGitHub } from './fake-github/server.ts';
import { actionsBot, type FakeUser } from './fake-github/state.ts';
import {
	clientFor,
	contributor,
	createWorkspace,
	dispatchEvent,
	entryText,
	issuesEvent,
	repositoryOf,
	systemFormLabel,
	writeDraft,
	type Workspace,
} from './helpers.ts';

const entryPath = 'registry/systems/assistant-courrier.mdx';
const acceptAll: RegistryCheck = async () => [];

let fake: FakeGitHub;
let workspace: Workspace;
let now: Date;

beforeEach(async () => {
	now = new Date('2025-06-02T10:00:00Z');
	fake = await FakeGitHub.start({ now: () => now });
	workspace = await createWorkspace();
	fake.state.addIssue({
		number: 1,
		title: 'Assistant courrier',
		body: '### Nom',
		user: contributor,
		labels: [systemFormLabel],
	});
	await workspace.writeEvent(issuesEvent('opened', { number: 1 }));
});

afterEach(async () => {
	// Every request the real Octokit sent must be one GitHub documents.
	expect(fake.violations).toEqual([]);
	await fake.close();
	await workspace.remove();
});

function publish(overrides: Partial<PublishOptions> = {}) {
	return publishDraft({
		client: clientFor(fake),
		repository: repositoryOf(fake),
		eventPath: workspace.eventPath,
		draftDir: workspace.draftDir,
		registryDir: workspace.registryDir,
		runKey: '1001.1',
		now: () => now,
		settleDelaysMs: [1, 1, 1],
		check: acceptAll,
		...overrides,
	});
}

function writes(from = 0) {
	return fake.requests
		.slice(from)
		.filter((request) => request.method !== 'GET' && request.status < 400)
		.map((request) => request.operationId);
}

function issueComments(issue: number) {
	return fake.state.comments.filter((comment) => comment.issue === issue);
}

describe('a first draft', () => {
	test('leaves one branch, one verified commit, one pull request and one comment', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		const result = await publish();

		expect(result.outcome).toBe('draft-ready');
		expect(fake.branches()).toEqual(['main', 'registry/issue-1']);
		// Blob → tree → commit → ref through the Git Data API, then the pull request and the rest.
		expect(writes()).toEqual([
			'git/create-blob',
			'git/create-tree',
			'git/create-commit',
			'git/create-ref',
			'pulls/create',
			'issues/add-labels',
			'checks/create',
			'issues/create-comment',
		]);

		const head = fake.state.resolveCommit('registry/issue-1');
		expect(head?.verified).toBe(true);
		expect(head?.parents).toEqual([fake.state.resolveCommit('main')?.sha]);
		expect(head?.message).toMatch(/^registry: draft systems\/assistant-courrier from #1\n/);
		expect(fake.state.filesAt('registry/issue-1')[entryPath]).toBe(
			entryText('assistant-courrier', 'Assistant courrier'),
		);
		expect(fake.state.filesAt('registry/issue-1')['README.md']).toBe('# Registre IA\n');

		const pulls = [...fake.state.pulls.values()];
		expect(pulls).toHaveLength(1);
		expect(pulls[0]?.head).toBe('registry/issue-1');
		expect(pulls[0]?.base).toBe('main');
		expect(pulls[0]?.user).toEqual(actionsBot);
		expect(fake.state.issues.get(pulls[0]?.number ?? 0)?.labels).toEqual([
			'ai-draft',
			'needs-review',
			'ai-system',
		]);

		const comments = issueComments(1);
		expect(comments).toHaveLength(1);
		expect(comments[0]?.body.startsWith(stickyCommentMarker)).toBe(true);
		expect(comments[0]?.body).toContain(`#${pulls[0]?.number}`);
		expect(comments[0]?.body).toContain('**Français.**');
		expect(comments[0]?.body).toContain('**English.**');
	});

	test('has a review checklist as its body', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		await publish();
		const body = [...fake.state.pulls.values()][0]?.body ?? '';

		expect(body.startsWith('<!-- registre-ia:pull-request issue=1 -->')).toBe(true);
		// The fields the AI filled come first, as boxes to tick.
		const aiSection = body.indexOf('Check first: fields the AI filled');
		const formSection = body.indexOf('Fields taken from the form');
		expect(aiSection).toBeGreaterThan(0);
		expect(formSection).toBeGreaterThan(aiSection);
		for (const field of ['language', 'purpose', 'risks']) {
			expect(body.slice(aiSection, formSection)).toContain(`- [ ] \`${field}\``);
		}
		expect(body.slice(formSection)).toMatch(/`name` · `summary`/);
		expect(body).toContain('machine-translated, to review');
		expect(body).toContain('✅ aucun problème · no problem');
		expect(body).toContain('🤖 IA · AI — albert / albert-large');
		// French groups digits with a narrow no-break space.
		expect(body).toContain(
			'2\u202f450 (entrée 1\u202f800, sortie 650) · 2,450 (prompt 1,800, completion 650)',
		);
		expect(body).toContain('4,2 s dont 3,9 s d’attente du modèle (1 appel(s))');
		expect(body).toContain('≈ 0,0021 EUR · 0.0021 EUR (price-table : albert-large list price)');
		expect(body).toContain('0,0004 à 0,0012 kWh');
		expect(body).toContain('email × 1');
		expect(body).toContain('Closes #1');
		// Bot commits start no CI: the checklist points at the check the publish step reports.
		expect(body).toContain('- [ ] La vérification « Registre IA · validation » est verte');
		expect(body).toContain('The "Registre IA · validation" check is green');
		// The exact text sent, folded, in a fence its own backticks cannot close.
		expect(body).toMatch(
			/<details>\n<summary>Texte exact envoyé au modèle[^\n]*<\/summary>\n\n````text\nRédige une fiche\.\n\n### Nom\n\nAssistant courrier\n\n```\n@someone\n```\n````\n\n<\/details>/,
		);
		expect(body).toMatch(
			/<!-- registre-ia:drafts \[\{"issue":1,"author":"camille-dupont","run":"1001\.1","at":"2025-06-02T10:00:00\.000Z","mode":"ai"\}\] -->\n$/,
		);
	});

	test('reuses a branch left by an earlier run that stopped before the pull request', async () => {
		const mainSha = fake.state.resolveCommit('main')?.sha ?? '';
		fake.state.refs.set('heads/registry/issue-1', mainSha);
		await writeDraft(workspace.draftDir, { issue: 1 });
		const result = await publish();

		expect(result.pull?.created).toBe(true);
		expect(writes()).toContain('git/update-ref');
		expect(writes()).not.toContain('git/create-ref');
		expect(fake.state.resolveCommit('registry/issue-1')?.parents).toEqual([mainSha]);
		expect(fake.state.pulls.size).toBe(1);
	});

	test('retries the transient 422s GitHub gives right after creating a branch and a pull request', async () => {
		fake.switches.transientAfterCreate = true;
		await writeDraft(workspace.draftDir, { issue: 1 });
		const result = await publish();

		expect(fake.transientServed).toBe(2);
		expect(result.outcome).toBe('draft-ready');
		expect(fake.state.pulls.size).toBe(1);
		const pull = [...fake.state.pulls.values()][0];
		expect(fake.state.issues.get(pull?.number ?? 0)?.labels).toContain('needs-review');
	});
});

describe('running again', () => {
	test('with the same draft changes nothing', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		await publish();
		const before = fake.requests.length;
		const result = await publish();

		expect(writes(before)).toEqual([]);
		expect(result.committed).toBe(false);
		expect(result.pull).toMatchObject({ created: false, updated: false });
		expect(result.comment?.action).toBe('unchanged');
	});

	test('in a new run with the same content only records the run', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		await publish();
		const before = fake.requests.length;
		now = new Date('2025-06-02T10:20:00Z');
		await publish({ runKey: '1002.1' });

		expect(writes(before)).toEqual(['pulls/update']);
		const body = [...fake.state.pulls.values()][0]?.body ?? '';
		expect(body).toContain('"run":"1001.1"');
		expect(body).toContain('"run":"1002.1"');
	});

	test('after the issue is edited updates the same branch, pull request and comment', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		const first = await publish();
		const firstHead = fake.state.resolveCommit('registry/issue-1')?.sha;
		const comment = issueComments(1)[0];

		await workspace.writeEvent(issuesEvent('edited', { number: 1 }));
		await writeDraft(workspace.draftDir, {
			issue: 1,
			content: entryText('assistant-courrier', 'Assistant courrier v2'),
		});
		const before = fake.requests.length;
		now = new Date('2025-06-02T10:30:00Z');
		const second = await publish({ runKey: '1003.1' });

		expect(writes(before)).toEqual([
			'git/create-blob',
			'git/create-tree',
			'git/create-commit',
			'git/update-ref',
			'pulls/update',
			'checks/create',
		]);
		expect(second.pull?.number).toBe(first.pull?.number);
		expect(fake.state.pulls.size).toBe(1);
		expect(fake.branches()).toEqual(['main', 'registry/issue-1']);
		// Fast-forward on top of the previous draft: nothing anyone pushed is lost.
		expect(fake.state.resolveCommit('registry/issue-1')?.parents).toEqual([firstHead]);
		expect(fake.state.filesAt('registry/issue-1')[entryPath]).toContain('Assistant courrier v2');
		expect(issueComments(1)).toHaveLength(1);
		expect(issueComments(1)[0]?.id).toBe(comment?.id);
	});

	test('moves from an AI draft to a form-only one by swapping the mode label', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		await publish();
		await writeDraft(workspace.draftDir, {
			issue: 1,
			mode: 'form-only',
			content: entryText('assistant-courrier', 'Assistant courrier', 'missing'),
			extra: {
				formOnlyReason: {
					fr: 'le formulaire demande de ne pas utiliser l’IA',
					en: 'the form asks not to use AI',
				},
			},
		});
		await publish({ runKey: '1005.1' });

		const pull = [...fake.state.pulls.values()][0];
		expect(fake.state.issues.get(pull?.number ?? 0)?.labels.sort()).toEqual([
			'ai-system',
			'form-draft',
			'needs-review',
		]);
		expect(pull?.body).toContain('📝 formulaire seul, sans IA · form only, no AI');
		expect(pull?.body).toContain('the form asks not to use AI');
		expect(pull?.body).not.toContain('<details>');
		expect(issueComments(1)[0]?.body).toContain(
			'The draft only copies the form, without AI: the form asks not to use AI.',
		);
	});
});

describe('several issues', () => {
	test('a second issue opens a second pull request on its own branch', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		const first = await publish();

		fake.state.addIssue({
			number: 3,
			title: 'Modèle',
			body: '',
			user: contributor,
			labels: ['registry: model'],
		});
		await workspace.writeEvent(issuesEvent('opened', { number: 3, labels: ['registry: model'] }));
		await writeDraft(workspace.draftDir, { issue: 3, kind: 'models', id: 'albert-large' });
		const second = await publish({ runKey: '1010.1' });

		expect(second.pull?.number).not.toBe(first.pull?.number);
		expect(fake.state.pulls.size).toBe(2);
		expect(fake.branches()).toEqual(['main', 'registry/issue-1', 'registry/issue-3']);
		expect(fake.state.filesAt('registry/issue-3')).toHaveProperty(
			'registry/models/albert-large.mdx',
		);
		expect(fake.state.filesAt('registry/issue-3')).not.toHaveProperty(entryPath);
		expect(fake.state.issues.get(second.pull?.number ?? 0)?.labels).toContain('ai-model');
		expect(issueComments(1)).toHaveLength(1);
		expect(issueComments(3)).toHaveLength(1);
	});

	test('a manual run fetches the issue named in its input', async () => {
		await workspace.writeEvent(dispatchEvent(1));
		await writeDraft(workspace.draftDir, { issue: 1 });
		const result = await publish();

		expect(fake.requests[0]?.operationId).toBe('issues/get');
		expect(result.issue).toMatchObject({ number: 1, author: 'camille-dupont' });
		expect(result.outcome).toBe('draft-ready');
	});
});

describe('a pull request that already exists', () => {
	test('is updated, not duplicated, even when GitHub lists it late', async () => {
		// An earlier run opened the pull request; GitHub's lists do not show it yet.
		const mainSha = fake.state.resolveCommit('main')?.sha ?? '';
		fake.state.refs.set('heads/registry/issue-1', mainSha);
		await writeDraft(workspace.draftDir, { issue: 1 });
		await publish();
		expect(fake.state.pulls.size).toBe(1);
		const existing = [...fake.state.pulls.values()][0];

		fake.switches.hidePullsFromLists = 2;
		await writeDraft(workspace.draftDir, {
			issue: 1,
			content: entryText('assistant-courrier', 'Assistant courrier v2'),
		});
		const before = fake.requests.length;
		const result = await publish({ runKey: '1020.1' });

		const refused = fake.requests.slice(before).find((r) => r.operationId === 'pulls/create');
		expect(refused?.status).toBe(422);
		expect(result.pull).toMatchObject({ number: existing?.number, created: false, updated: true });
		expect(fake.state.pulls.size).toBe(1);
		expect(existing?.body).toContain('"run":"1020.1"');
	});

	test('is found by its marker when a maintainer renamed its branch', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		await publish();
		const pull = [...fake.state.pulls.values()][0];
		const sha = fake.state.refs.get('heads/registry/issue-1') ?? '';
		fake.state.refs.delete('heads/registry/issue-1');
		fake.state.refs.set('heads/draft/assistant-courrier', sha);
		if (pull) pull.head = 'draft/assistant-courrier';

		await writeDraft(workspace.draftDir, {
			issue: 1,
			content: entryText('assistant-courrier', 'Assistant courrier v2'),
		});
		await publish({ runKey: '1021.1' });

		expect(fake.branches()).toEqual(['draft/assistant-courrier', 'main']);
		expect(fake.state.filesAt('draft/assistant-courrier')[entryPath]).toContain('v2');
		expect(fake.state.pulls.size).toBe(1);
	});
});

describe('the sticky comment', () => {
	test('is not mistaken for a person’s comment that quotes its marker', async () => {
		fake.state.addComment(1, `${stickyCommentMarker}\nI copied this`, contributor);
		await writeDraft(workspace.draftDir, { issue: 1 });
		await publish();

		const comments = issueComments(1);
		expect(comments).toHaveLength(2);
		expect(comments[0]?.body).toBe(`${stickyCommentMarker}\nI copied this`);
		expect(comments[1]?.user).toEqual(actionsBot);
	});

	test('follows the issue through every outcome, in place', async () => {
		await writeDraft(workspace.draftDir, {
			status: 'invalid-form',
			issue: 1,
			extra: {
				errors: [
					{
						field: 'purpose',
						message: { fr: 'réponse obligatoire', en: 'an answer is required' },
					},
					{
						field: 'status',
						message: { fr: '« bientôt » n’est pas un statut', en: '"soon" is not a status' },
					},
				],
			},
		});
		const invalid = await publish();
		expect(invalid.outcome).toBe('invalid-form');
		const first = issueComments(1)[0];
		// The messages name the questions; field ids are not shown.
		expect(first?.body).toContain('- réponse obligatoire');
		expect(first?.body).toContain('- "soon" is not a status');
		expect(first?.body).not.toContain('`purpose`');
		expect(first?.body).toContain('« bientôt » n’est pas un statut');

		await writeDraft(workspace.draftDir, { issue: 1 });
		await publish({ runKey: '1030.1' });
		expect(issueComments(1)).toHaveLength(1);
		expect(issueComments(1)[0]?.id).toBe(first?.id);
		expect(issueComments(1)[0]?.body).toContain('Draft ready for review');
	});
});

describe('outcomes without a draft', () => {
	test('an invalid form gets a comment naming the fields, and nothing else', async () => {
		await writeDraft(workspace.draftDir, {
			status: 'invalid-form',
			issue: 1,
			extra: {
				errors: [{ field: 'name', message: { fr: 'nom manquant', en: 'name is missing' } }],
			},
		});
		const result = await publish();

		expect(result.outcome).toBe('invalid-form');
		expect(writes()).toEqual(['issues/create-comment']);
		expect(issueComments(1)[0]?.body).toContain('Form to complete');
		expect(issueComments(1)[0]?.body).toContain('- name is missing');
	});

	test('a model failure says what to do', async () => {
		await writeDraft(workspace.draftDir, {
			status: 'model-failed',
			issue: 1,
			extra: {
				errors: [{ field: 'model', message: { fr: 'délai dépassé', en: 'timed out' } }],
			},
		});
		const result = await publish();

		expect(result.outcome).toBe('model-failed');
		expect(writes()).toEqual(['issues/create-comment']);
		const body = issueComments(1)[0]?.body ?? '';
		expect(body).toContain('Edit the issue to try again later');
		expect(body).toContain('`no-ai-draft`');
		expect(body).toContain('timed out');
	});

	test('an author’s edit after the approval label: the label is removed, and the comment says so', async () => {
		const issue = fake.state.issues.get(1);
		issue?.labels.push('ai-approved');
		const edited = issuesEvent('edited', {
			number: 1,
			labels: [systemFormLabel, 'ai-approved'],
			bodyFrom: '### Nom\n\nAssistant',
		});
		await workspace.writeEvent(edited);
		const gate = {
			issue: 1,
			proceed: true,
			ai: false,
			formOnlyReason: 'approval-withdrawn',
			checkedAt: now.toISOString(),
		};
		await writeDraft(workspace.draftDir, {
			status: 'invalid-form',
			issue: 1,
			extra: { errors: [{ field: 'model', message: { fr: 'manque', en: 'missing' } }] },
		});
		await writeFile(join(workspace.draftDir, 'gate.json'), JSON.stringify(gate));
		await publish();

		expect(issue?.labels).toEqual([systemFormLabel]);
		const body = issueComments(1)[0]?.body ?? '';
		expect(body).toContain('missing');
		expect(body).toContain(
			'The issue’s text changed after the team added the "ai-approved" label: it is removed.',
		);
		expect(body).toContain('elle est retirée');

		// A draft made from the form says it as the reason for no AI; the label is gone already.
		await writeDraft(workspace.draftDir, { issue: 1, mode: 'form-only' });
		await writeFile(join(workspace.draftDir, 'gate.json'), JSON.stringify(gate));
		await publish({ runKey: '1002.1' });
		expect(issueComments(1)[0]?.body).toContain(
			'the label is removed, and the AI waits for a team member to add it again',
		);

		// The gate file alone, without the event to back it, removes nothing.
		issue?.labels.push('ai-approved');
		await workspace.writeEvent(
			issuesEvent('edited', { number: 1, labels: [systemFormLabel, 'ai-approved'] }),
		);
		await publish({ runKey: '1003.1' });
		expect(issue?.labels).toContain('ai-approved');
	});

	test('a rate-limited request says when to retry', async () => {
		// The draft job stopped at its preflight: only its decision was uploaded.
		await mkdir(workspace.draftDir, { recursive: true });
		await writeFile(
			join(workspace.draftDir, 'gate.json'),
			'{"issue":1,"proceed":false,"ai":false,"retryAt":"2025-06-02T10:42:00.000Z","limit":3,"checkedAt":"2025-06-02T10:00:00.000Z"}',
		);
		const result = await publish();

		expect(result.outcome).toBe('rate-limited');
		expect(writes()).toEqual(['issues/create-comment']);
		const body = issueComments(1)[0]?.body ?? '';
		expect(body).toContain('Réessayez après le 2 juin 2025 à 10:42 UTC');
		expect(body).toContain('Try again after 2 June 2025 at 10:42 UTC');
	});

	test('an issue that is not a registry form is left alone', async () => {
		await writeDraft(workspace.draftDir, { status: 'not-a-registry-issue', issue: 1 });
		const result = await publish();

		expect(result.outcome).toBe('skipped');
		expect(writes()).toEqual([]);
	});

	test('an unknown status is an error naming it, and nothing is written but the comment', async () => {
		await writeDraft(workspace.draftDir, { status: 'half-drafted', issue: 1 });
		const error = await publish().catch((caught: unknown) => caught);

		expect(error).toBeInstanceOf(PublishError);
		expect((error as PublishError).message).toContain('unknown status "half-drafted"');
		expect(writes()).toEqual(['issues/create-comment']);
		expect(fake.branches()).toEqual(['main']);
	});

	test('a missing report is an error pointing at the draft job', async () => {
		await expect(publish()).rejects.toThrow(/No draft-report\.json in .*: the draft job/);
	});
});

describe('an untrusted draft', () => {
	const tampered: [string, Parameters<typeof writeDraft>[1]][] = [
		['an id that climbs out of the registry', { issue: 1, id: '../../.github/workflows/x' }],
		['an id with capitals', { issue: 1, id: 'Assistant' }],
		['a kind that is not a registry folder', { issue: 1, kind: 'workflows' }],
		['a draft made for another issue', { issue: 2 }],
		['a draft without its entry file', { issue: 1, id: 'missing' }],
	];

	test.each(tampered)('is refused: %s', async (_, fixture) => {
		await writeDraft(workspace.draftDir, fixture);
		if (fixture.id === 'missing') await rm(join(workspace.draftDir, 'systems', 'missing.mdx'));
		await expect(publish()).rejects.toThrow(/draft handed over by the draft job is refused/);
		expect(fake.branches()).toEqual(['main']);
		expect(fake.state.pulls.size).toBe(0);
	});

	test('is refused when its entry is a symbolic link', async () => {
		await writeDraft(workspace.draftDir, { issue: 1, id: 'linked', content: 'x' });
		const entry = join(workspace.draftDir, 'systems', 'linked.mdx');
		await rm(entry);
		await symlink('/etc/passwd', entry);
		await expect(publish()).rejects.toThrow(/not a regular file/);
		expect(fake.branches()).toEqual(['main']);
	});

	test('that the validator rejects is not written; the issue gets the problems', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		const check: RegistryCheck = async (dir) => [
			{
				path: join(dir, 'systems', 'assistant-courrier.mdx'),
				line: 4,
				field: 'body',
				message: { fr: 'pas de HTML brut', en: 'no raw HTML' },
			},
			{
				path: join(dir, 'models', 'old.mdx'),
				line: 1,
				field: 'id',
				message: { fr: 'ancien problème', en: 'old problem' },
			},
		];
		const result = await publish({ check });

		expect(result.outcome).toBe('draft-rejected');
		expect(result.validation?.otherProblems[0]?.path).toBe('registry/models/old.mdx');
		expect(fake.branches()).toEqual(['main']);
		expect(writes()).toEqual(['issues/create-comment']);
		const body = issueComments(1)[0]?.body ?? '';
		expect(body).toContain('- `body` (ligne · line 4) : pas de HTML brut');
		expect(body).toContain('- `body` (ligne · line 4) : no raw HTML');
		expect(body).not.toContain('old problem');
	});

	test('identical to the published entry proposes nothing', async () => {
		const content = entryText('assistant-courrier', 'Assistant courrier');
		await fake.close();
		fake = await FakeGitHub.start({ files: { [entryPath]: content }, now: () => now });
		fake.state.addIssue({ number: 1, title: 't', body: '', user: contributor, labels: [] });
		await writeDraft(workspace.draftDir, { issue: 1, content });
		const result = await publish();

		expect(result.outcome).toBe('already-published');
		expect(fake.branches()).toEqual(['main']);
		expect(issueComments(1)[0]?.body).toContain('already matches this draft');
	});
});

describe('GitHub refusals', () => {
	test('"Actions is not permitted to create pull requests" names the setting, on the issue too', async () => {
		fake.switches.actionsCannotCreatePullRequests = true;
		await writeDraft(workspace.draftDir, { issue: 1 });
		const error = (await publish().catch((caught: unknown) => caught)) as PublishError;

		expect(error).toBeInstanceOf(PublishError);
		expect(error.bilingual.en).toContain(
			'Settings › Actions › General › Workflow permissions › "Allow GitHub Actions to create and approve pull requests"',
		);
		expect(error.bilingual.fr).toContain(
			'Allow GitHub Actions to create and approve pull requests',
		);
		const body = issueComments(1)[0]?.body ?? '';
		expect(body).toContain('Could not publish the draft');
		expect(body).toContain('Allow GitHub Actions to create and approve pull requests');
	});

	test('a missing permission names the permissions: entry to add', async () => {
		fake.switches.forbidden.add('git/create-blob');
		await writeDraft(workspace.draftDir, { issue: 1 });
		const error = (await publish().catch((caught: unknown) => caught)) as PublishError;

		expect(error.bilingual.en).toMatch(
			/lacks the permission to write the draft branch\. Add "contents: write"/,
		);
		expect(error.bilingual.fr).toContain('« contents: write »');
		expect(fake.state.pulls.size).toBe(0);
	});

	test('a read-only token fails on its first write, with the permission to add', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		const error = (await publish({ client: clientFor(fake, 'read-token') }).catch(
			(caught: unknown) => caught,
		)) as PublishError;

		expect(error.bilingual.en).toContain('"contents: write"');
		// The comment could not be written either; the error is still the first one.
		expect(issueComments(1)).toHaveLength(0);
	});

	test('a token without access to the repository says so', async () => {
		await workspace.writeEvent(dispatchEvent(1));
		await writeDraft(workspace.draftDir, { issue: 1 });
		const error = (await publish({ client: clientFor(fake, 'no-access-token') }).catch(
			(caught: unknown) => caught,
		)) as PublishError;

		expect(error.bilingual.en).toMatch(/the token has no access to the repository/);
		expect(error.bilingual.en).toContain('"issues: read"');
	});

	test('a rejected token names GITHUB_TOKEN', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		const error = (await publish({ client: clientFor(fake, 'expired-token') }).catch(
			(caught: unknown) => caught,
		)) as PublishError;

		expect(error.bilingual.en).toContain('GitHub rejects the token');
		expect(error.bilingual.en).toContain('GITHUB_TOKEN: ${{ github.token }}');
	});
});

/** A maintainer of the repository. */
const maintainer: FakeUser = { login: 'alex-leroy', id: 6001, type: 'User' };

describe('a draft a person has taken over', () => {
	async function publishFirstDraft() {
		await writeDraft(workspace.draftDir, { issue: 1 });
		await publish();
		return [...fake.state.pulls.values()][0];
	}

	async function editIssue(runKey: string) {
		await workspace.writeEvent(issuesEvent('edited', { number: 1 }));
		await writeDraft(workspace.draftDir, {
			issue: 1,
			content: entryText('assistant-courrier', 'Assistant courrier v2'),
		});
		const before = fake.requests.length;
		const result = await publish({ runKey });
		return { result, writes: writes(before) };
	}

	test('after a maintainer pushed a fix, the next edit commits nothing and says what changed', async () => {
		const pull = await publishFirstDraft();
		const fixed = entryText('assistant-courrier', 'Assistant courrier').replace('machine', 'human');
		// "Edit file" in the pull request: GitHub signs it, but its author is the maintainer.
		const fix = fake.state.pushAs(maintainer, 'registry/issue-1', { [entryPath]: fixed }, true);
		const body = pull?.body;

		const { result, writes: written } = await editIssue('1040.1');

		expect(result.outcome).toBe('human-took-over');
		expect(fake.state.resolveCommit('registry/issue-1')?.sha).toBe(fix.sha);
		expect(fake.state.filesAt('registry/issue-1')[entryPath]).toBe(fixed);
		// Not even the pull request's body or labels: only the issue's comment.
		expect(written).toEqual(['issues/update-comment']);
		expect(pull?.body).toBe(body);
		const comment = issueComments(1)[0]?.body ?? '';
		expect(comment).toContain('Brouillon repris par l’équipe · Draft taken over by the team');
		expect(comment).toContain(`A team member has changed the draft (#${pull?.number})`);
		expect(comment).toContain('le robot n’y écrit plus');
		// The edit renamed the entry: compared with the bot's last draft, not with the maintainer's
		// fix (the translation review is theirs, not a change the author made).
		expect(comment).toContain('it changes: `name`, `summary`.');
		expect(comment).toContain('elle change : `name`, `summary`.');
	});

	test('the preflight then spends no token: the next draft is made from the form alone', async () => {
		await publishFirstDraft();
		const run = fake.state.addRun({ issue: 1, actor: contributor });
		const gate = () =>
			preflight({
				client: clientFor(fake, 'read-token'),
				repository: repositoryOf(fake),
				eventPath: workspace.eventPath,
				outDir: workspace.draftDir,
				eventOut: join(workspace.dir, 'issue-event.json'),
				limits: { perAuthorPerHour: 9, perIssuePerDay: 9, perRepositoryPerDay: 9 },
				aiSwitch: 'on',
				run: { id: run.id, attempt: 1 },
				now,
			});
		expect((await gate()).gate).toMatchObject({ proceed: true, ai: true });

		fake.state.pushAs(maintainer, 'registry/issue-1', { [entryPath]: 'fixed' }, true);
		expect((await gate()).gate).toMatchObject({
			proceed: true,
			ai: false,
			formOnlyReason: 'human-took-over',
		});
		// The takeover is the reason given even where the AI was off for this issue anyway, so
		// that the publish job tells the author of the takeover.
		const awaiting = await preflight({
			client: clientFor(fake, 'read-token'),
			repository: repositoryOf(fake),
			eventPath: workspace.eventPath,
			outDir: workspace.draftDir,
			eventOut: join(workspace.dir, 'issue-event.json'),
			limits: { perAuthorPerHour: 9, perIssuePerDay: 9, perRepositoryPerDay: 9 },
			aiFor: 'label',
			aiSwitch: 'on',
			run: { id: run.id, attempt: 1 },
			now,
		});
		expect(awaiting.gate.formOnlyReason).toBe('human-took-over');
	});

	test('a form-only run that fails after the takeover tells the author of the takeover', async () => {
		const pull = await publishFirstDraft();
		fake.state.pushAs(maintainer, 'registry/issue-1', { [entryPath]: 'fixed' }, true);
		// The takeover made the run form-only, and this form needs the AI (an unknown model name).
		await workspace.writeEvent(issuesEvent('edited', { number: 1 }));
		await writeDraft(workspace.draftDir, {
			status: 'invalid-form',
			issue: 1,
			extra: {
				errors: [
					{
						field: 'model',
						message: {
							fr: 'sans IA, cette question doit avoir une réponse',
							en: 'without AI, this question must be answered',
						},
					},
				],
			},
		});
		await writeFile(
			join(workspace.draftDir, 'gate.json'),
			JSON.stringify({
				issue: 1,
				proceed: true,
				ai: false,
				formOnlyReason: 'human-took-over',
				checkedAt: now.toISOString(),
			}),
		);
		const before = fake.requests.length;
		const result = await publish({ runKey: '1046.1' });

		expect(result.outcome).toBe('human-took-over');
		expect(writes(before)).toEqual(['issues/update-comment']);
		const comment = issueComments(1)[0]?.body ?? '';
		expect(comment).toContain(`A team member has changed the draft (#${pull?.number})`);
		expect(comment).toContain('Your latest edit of the issue was not carried over to the draft.');
		expect(comment).not.toContain('without AI, this question must be answered');

		// Without a person's work on the branch, the form's problems are what the author hears.
		fake.state.refs.delete('heads/registry/issue-1');
		await publish({ runKey: '1047.1' });
		expect(issueComments(1)[0]?.body).toContain('without AI, this question must be answered');
	});

	test('a commit that only claims to be the bot’s is a person’s', async () => {
		await publishFirstDraft();
		const head = fake.state.resolveCommit('registry/issue-1')?.sha;
		// Pushed with the bot's e-mail address as author: GitHub does not sign it.
		fake.state.pushAs(actionsBot, 'registry/issue-1', { 'registry/systems/x.txt': 'x' }, false);
		const { result } = await editIssue('1041.1');

		expect(result.outcome).toBe('human-took-over');
		expect(fake.state.resolveCommit('registry/issue-1')?.parents).toEqual([head]);
	});

	test('after a maintainer’s review, the bot stops too; a passer-by’s comment does not stop it', async () => {
		const pull = await publishFirstDraft();
		const number = pull?.number ?? 0;
		fake.state.reviews.push({
			id: 1,
			pull: number,
			user: { login: 'passer-by', id: 7001, type: 'User' },
			association: 'NONE',
			state: 'COMMENTED',
		});
		const passing = await editIssue('1042.1');
		expect(passing.result.outcome).toBe('draft-ready');
		expect(passing.writes).toContain('git/create-commit');

		fake.state.reviews.push({
			id: 2,
			pull: number,
			user: maintainer,
			association: 'MEMBER',
			state: 'APPROVED',
		});
		await writeDraft(workspace.draftDir, {
			issue: 1,
			content: entryText('assistant-courrier', 'Assistant courrier v3'),
		});
		const head = fake.state.resolveCommit('registry/issue-1')?.sha;
		const result = await publish({ runKey: '1043.1' });

		expect(result.outcome).toBe('human-took-over');
		expect(fake.state.resolveCommit('registry/issue-1')?.sha).toBe(head);
		expect(issueComments(1)[0]?.body).toContain('A team member has reviewed the draft');
		expect(issueComments(1)[0]?.body).toContain('it changes: `name`, `summary`.');
	});

	test('a push made between the inspection and the commit is not written over', async () => {
		await publishFirstDraft();
		await writeDraft(workspace.draftDir, {
			issue: 1,
			content: entryText('assistant-courrier', 'Assistant courrier v2'),
		});
		// The maintainer pushes right after the bot read the branch's comparison.
		const client = clientFor(fake);
		let pushed = false;
		client.hook.after('request', (_response, options) => {
			if (String(options.url).includes('/compare/') && !pushed) {
				pushed = true;
				fake.state.pushAs(maintainer, 'registry/issue-1', { [entryPath]: 'mine' }, true);
			}
		});
		const result = await publish({ client, runKey: '1044.1' });

		expect(result.outcome).toBe('human-took-over');
		expect(fake.state.filesAt('registry/issue-1')[entryPath]).toBe('mine');
	});
});

describe('a branch a person creates while the bot publishes', () => {
	test('is taken over, not committed on: the bot expected no branch at all', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		const mainSha = fake.state.resolveCommit('main')?.sha ?? '';
		// The maintainer creates the branch right before the bot's createRef.
		const client = clientFor(fake);
		let mine = '';
		client.hook.before('request', (options) => {
			if (options.method === 'POST' && String(options.url).endsWith('/git/refs') && !mine) {
				fake.state.refs.set('heads/registry/issue-1', mainSha);
				mine = fake.state.pushAs(maintainer, 'registry/issue-1', { [entryPath]: 'mine' }, true).sha;
			}
		});
		const result = await publish({ client });

		expect(result.outcome).toBe('human-took-over');
		expect(fake.state.resolveCommit('registry/issue-1')?.sha).toBe(mine);
		expect(fake.state.filesAt('registry/issue-1')[entryPath]).toBe('mine');
		expect(fake.state.pulls.size).toBe(0);
	});

	test('a branch left without its pull request is deleted only while it holds the bot’s commit', async () => {
		fake.switches.actionsCannotCreatePullRequests = true;
		await writeDraft(workspace.draftDir, { issue: 1 });
		// A person pushes to the new branch while GitHub refuses the pull request.
		const client = clientFor(fake);
		let mine = '';
		client.hook.before('request', (options) => {
			if (options.method === 'POST' && String(options.url).endsWith('/pulls') && !mine) {
				mine = fake.state.pushAs(maintainer, 'registry/issue-1', { [entryPath]: 'mine' }, true).sha;
			}
		});
		await expect(publish({ client })).rejects.toBeInstanceOf(PublishError);
		expect(fake.state.resolveCommit('registry/issue-1')?.sha).toBe(mine);

		// Without a push, the branch goes with the refusal.
		fake.state.refs.delete('heads/registry/issue-1');
		await expect(publish({ runKey: '1002.1' })).rejects.toBeInstanceOf(PublishError);
		expect(fake.branches()).toEqual(['main']);
	});
});

describe('a branch that keeps moving', () => {
	test('is not written to: the run stops and says to re-run', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		await publish();
		await writeDraft(workspace.draftDir, {
			issue: 1,
			content: entryText('assistant-courrier', 'Assistant courrier v2'),
		});
		// Another bot commit lands right after each inspection.
		const client = clientFor(fake);
		let moves = 0;
		client.hook.after('request', (_response, options) => {
			if (String(options.url).includes('/compare/')) {
				moves++;
				fake.state.pushAs(actionsBot, 'registry/issue-1', { [`x${moves}`]: 'x' }, true);
			}
		});
		const error = (await publish({ client, runKey: '1045.1' }).catch(
			(caught: unknown) => caught,
		)) as PublishError;

		expect(error).toBeInstanceOf(PublishError);
		expect(error.bilingual.en).toContain('changed twice while publishing: nothing was written');
		expect(moves).toBe(2);
		expect(fake.state.filesAt('registry/issue-1')[entryPath]).not.toContain('v2');
	});
});

describe('one issue, one entry', () => {
	test('renaming the entry in an edit removes the old file in the same commit', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		await publish();
		const first = fake.state.resolveCommit('registry/issue-1')?.sha;

		await workspace.writeEvent(issuesEvent('edited', { number: 1 }));
		await writeDraft(workspace.draftDir, { issue: 1, id: 'assistant-courriel' });
		const result = await publish({ runKey: '1050.1' });

		const files = Object.keys(fake.state.filesAt('registry/issue-1')).filter((path) =>
			path.startsWith('registry/'),
		);
		expect(files).toEqual(['registry/systems/assistant-courriel.mdx']);
		expect(fake.state.resolveCommit('registry/issue-1')?.parents).toEqual([first]);
		expect(result.removedFiles).toEqual([entryPath]);
		expect(fake.state.pulls.size).toBe(1);
	});

	test('a published entry the draft branch did not add is never removed', async () => {
		const published = 'registry/systems/autre.mdx';
		await fake.close();
		fake = await FakeGitHub.start({ files: { [published]: 'x' }, now: () => now });
		fake.state.addIssue({ number: 1, title: 't', body: '', user: contributor, labels: [] });
		await writeDraft(workspace.draftDir, { issue: 1 });
		await publish();
		await writeDraft(workspace.draftDir, { issue: 1, id: 'assistant-courriel' });
		await publish({ runKey: '1051.1' });

		expect(Object.keys(fake.state.filesAt('registry/issue-1')).sort()).toEqual([
			'registry/systems/assistant-courriel.mdx',
			published,
		]);
	});

	test('when GitHub refuses the pull request, the branch this run created goes too', async () => {
		fake.switches.actionsCannotCreatePullRequests = true;
		await writeDraft(workspace.draftDir, { issue: 1 });
		await expect(publish()).rejects.toThrow(/not permitted to create pull requests/);

		expect(fake.branches()).toEqual(['main']);
		expect(fake.state.pulls.size).toBe(0);
		expect(writes()).toContain('git/delete-ref');

		// The setting is fixed; the next run ends with exactly one branch and one pull request.
		fake.switches.actionsCannotCreatePullRequests = false;
		const result = await publish({ runKey: '1052.1' });
		expect(result.outcome).toBe('draft-ready');
		expect(fake.branches()).toEqual(['main', 'registry/issue-1']);
		expect(fake.state.pulls.size).toBe(1);
		expect(issueComments(1)).toHaveLength(1);
		expect(issueComments(1)[0]?.body).toContain('Draft ready for review');
	});

	test('any other refusal leaves no branch either', async () => {
		fake.switches.forbidden.add('pulls/create');
		await writeDraft(workspace.draftDir, { issue: 1 });
		await expect(publish()).rejects.toThrow(/pull-requests: write/);
		expect(fake.branches()).toEqual(['main']);
	});

	test('a branch an earlier run left is kept on refusal, and reused by the next run', async () => {
		const mainSha = fake.state.resolveCommit('main')?.sha ?? '';
		fake.state.refs.set('heads/registry/issue-1', mainSha);
		fake.switches.actionsCannotCreatePullRequests = true;
		await writeDraft(workspace.draftDir, { issue: 1 });
		await expect(publish()).rejects.toThrow(PublishError);
		expect(fake.branches()).toEqual(['main', 'registry/issue-1']);

		fake.switches.actionsCannotCreatePullRequests = false;
		await publish({ runKey: '1053.1' });
		expect(fake.state.pulls.size).toBe(1);
		expect(writes().filter((write) => write === 'git/create-commit')).toHaveLength(1);
	});
});

describe('the check run on the draft’s head', () => {
	test('reports success on the head commit, once per verdict', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		const result = await publish();

		const head = fake.state.resolveCommit('registry/issue-1')?.sha;
		expect(fake.state.checkRuns).toHaveLength(1);
		expect(fake.state.checkRuns[0]).toMatchObject({
			name: 'Registre IA · validation',
			headSha: head,
			status: 'completed',
			conclusion: 'success',
		});
		expect(fake.state.checkRuns[0]?.output.summary).toContain('stands in for CI');
		expect(fake.state.checkRuns[0]?.output.summary).toContain('remplace la CI');
		expect(result.check).toMatchObject({ conclusion: 'success', created: true });

		const again = await publish({ runKey: '1060.1' });
		expect(again.check?.created).toBe(false);
		expect(fake.state.checkRuns).toHaveLength(1);
	});

	test('fails with annotations at file:line, 50 per request', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		const check: RegistryCheck = async (dir) =>
			Array.from({ length: 120 }, (_, index) => ({
				path: join(dir, 'models', `m${index}.mdx`),
				line: index + 1,
				field: 'licence',
				message: { fr: 'licence inconnue', en: 'unknown licence' },
			}));
		await publish({ check });

		const [run] = fake.state.checkRuns;
		expect(run?.conclusion).toBe('failure');
		expect(run?.annotations).toHaveLength(120);
		expect(run?.annotations[7]).toMatchObject({
			path: 'registry/models/m7.mdx',
			start_line: 8,
			end_line: 8,
			annotation_level: 'warning',
			message: 'licence inconnue\nunknown licence',
		});
		const calls = fake.requests.filter((r) => r.operationId?.startsWith('checks/'));
		expect(calls.map((call) => call.operationId)).toEqual([
			'checks/list-for-ref',
			'checks/create',
			'checks/update',
			'checks/update',
		]);
	});

	test('a problem outside the repository is in the summary, not an annotation', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		await publish({
			check: async () => [
				{
					path: '/tmp/elsewhere/x.mdx',
					line: 1,
					field: 'id',
					message: { fr: 'ailleurs', en: 'elsewhere' },
				},
			],
		});
		const [run] = fake.state.checkRuns;
		expect(run?.conclusion).toBe('failure');
		expect(run?.annotations).toEqual([]);
		expect(run?.output.summary).toContain('elsewhere');
	});

	test('a missing checks: write names the permission', async () => {
		fake.switches.forbidden.add('checks/create');
		await writeDraft(workspace.draftDir, { issue: 1 });
		const error = (await publish().catch((caught: unknown) => caught)) as PublishError;
		expect(error.bilingual.en).toContain('Add "checks: write" to the publish job');
	});
});

describe('a draft that lacks fields (issue #14: no dead ends)', () => {
	/** The validator's verdict on a form-only draft of the short form: two fields missing. */
	const missingTwo: RegistryCheck = async (dir) => [
		{
			path: join(dir, 'systems', 'assistant-courrier.mdx'),
			line: 2,
			field: 'purpose',
			message: { fr: 'champ obligatoire manquant', en: 'required field is missing' },
		},
		{
			path: join(dir, 'systems', 'assistant-courrier.mdx'),
			line: 2,
			field: 'aiAct',
			message: { fr: 'champ obligatoire manquant', en: 'required field is missing' },
		},
	];
	const toComplete = [
		{
			field: 'purpose',
			label: { fr: 'Finalité', en: 'Purpose' },
			note: { fr: 'À quoi sert le système.', en: 'What the system is for.' },
		},
		{
			field: 'aiAct',
			label: { fr: 'Règlement européen sur l’IA', en: 'EU AI Act' },
			note: { fr: 'À donner : Classe de risque.', en: 'To give: Risk class.' },
		},
	];

	test('is published as a pull request to complete, its list in words, its check failing at file:line', async () => {
		await writeDraft(workspace.draftDir, { issue: 1, mode: 'form-only', extra: { toComplete } });
		const result = await publish({ check: missingTwo });

		expect(result.outcome).toBe('draft-incomplete');
		const pull = [...fake.state.pulls.values()][0];
		expect(pull?.title).toBe(
			'Brouillon à compléter · Draft to complete: systems/assistant-courrier (#1)',
		);
		expect(fake.state.issues.get(pull?.number ?? 0)?.labels).toEqual([
			'form-draft',
			'needs-review',
			'ai-system',
			'to-complete',
		]);
		expect(pull?.body).toContain(
			'- [ ] **Finalité** — À quoi sert le système. · **Purpose** — What the system is for.',
		);
		const [run] = fake.state.checkRuns;
		expect(run?.conclusion).toBe('failure');
		expect(run?.output.title).toBe('2 champ(s) à compléter · field(s) to complete');
		expect(run?.annotations.map((a) => [a.path, a.start_line, a.title])).toEqual([
			[entryPath, 2, 'purpose'],
			[entryPath, 2, 'aiAct'],
		]);
		const said = issueComments(1)[0]?.body ?? '';
		expect(said).toContain(
			'l’équipe du registre complétera « Finalité », « Règlement européen sur l’IA »',
		);
		expect(said).toContain('the registry team will complete “Purpose”, “EU AI Act”');
	});

	test('loses its to-complete label once complete, on the same pull request', async () => {
		await writeDraft(workspace.draftDir, { issue: 1, mode: 'form-only', extra: { toComplete } });
		await publish({ check: missingTwo });
		await writeDraft(workspace.draftDir, {
			issue: 1,
			mode: 'form-only',
			content: entryText('assistant-courrier', 'Assistant courrier du service'),
		});
		const result = await publish({ runKey: '1070.1' });

		expect(result.outcome).toBe('draft-ready');
		const pull = [...fake.state.pulls.values()][0];
		expect(fake.state.pulls.size).toBe(1);
		expect(pull?.title).toBe('Brouillon · Draft: systems/assistant-courrier (#1)');
		expect(fake.state.issues.get(pull?.number ?? 0)?.labels).not.toContain('to-complete');
	});

	test('is still refused for a problem on a field it does give: only what is absent is left to complete', async () => {
		await writeDraft(workspace.draftDir, { issue: 1, mode: 'form-only', extra: { toComplete } });
		const check: RegistryCheck = async (dir) => [
			...(await missingTwo(dir)),
			{
				path: join(dir, 'systems', 'assistant-courrier.mdx'),
				line: 3,
				field: 'name',
				message: { fr: 'champ obligatoire manquant', en: 'required field is missing' },
			},
		];
		const result = await publish({ check });

		// `name` is in the entry: whatever the message says, it is not a field left blank.
		expect(result.outcome).toBe('draft-rejected');
		expect(fake.branches()).toEqual(['main']);
		const said = issueComments(1)[0]?.body ?? '';
		expect(said).toContain('`name` (ligne · line 3)');
		expect(said).not.toContain('`purpose`');
	});
});

describe('personal data in a draft (issue #14)', () => {
	const found = {
		found: [{ field: 'summary', label: { fr: 'Résumé', en: 'Summary' }, kinds: { phone: 1 } }],
		clearedBy: null,
	};

	test('flags the pull request and fails the check at the field’s line, until a person clears it', async () => {
		await writeDraft(workspace.draftDir, { issue: 1, extra: { personalData: found } });
		const result = await publish();

		expect(result.outcome).toBe('draft-ready');
		const pull = [...fake.state.pulls.values()][0];
		expect(fake.state.issues.get(pull?.number ?? 0)?.labels).toContain('personal-data');
		expect(pull?.body).toContain('### ⚠️ Données personnelles · Personal data');
		expect(pull?.body).toContain(
			`- \`${entryPath}\` (ligne · line 4) — « Résumé » : données personnelles (phone × 1)`,
		);
		const [run] = fake.state.checkRuns;
		expect(run?.conclusion).toBe('failure');
		expect(run?.output.title).toBe('données personnelles à retirer · personal data to remove');
		expect(run?.annotations[0]).toMatchObject({
			path: entryPath,
			start_line: 4,
			annotation_level: 'failure',
			title: 'summary',
		});
		expect(run?.output.summary).toContain('`personal-data-ok`');
		expect(issueComments(1)[0]?.body).toContain('numéro de téléphone');
		expect(issueComments(1)[0]?.body).toContain('in “Summary”');

		// The maintainer labels the issue personal-data-ok and drafts again: the check passes.
		await writeDraft(workspace.draftDir, {
			issue: 1,
			extra: { personalData: { ...found, clearedBy: 'personal-data-ok' } },
		});
		await publish({ runKey: '1080.1' });
		expect(fake.state.issues.get(pull?.number ?? 0)?.labels).not.toContain('personal-data');
		const latest = fake.state.checkRuns.at(-1);
		expect(latest?.conclusion).toBe('success');
		expect(latest?.annotations[0]).toMatchObject({ annotation_level: 'notice', title: 'summary' });
		expect([...fake.state.pulls.values()][0]?.body).toContain('⚠️ gardées telles quelles');
	});

	test('a field path the report made up is not looked up: the flag stays, on the first line', async () => {
		await writeDraft(workspace.draftDir, {
			issue: 1,
			extra: {
				personalData: {
					found: [{ field: '../x`](http://evil)', label: { fr: 'x', en: 'x' }, kinds: { ip: 1 } }],
					clearedBy: null,
				},
			},
		});
		await publish();
		const [run] = fake.state.checkRuns;
		expect(run?.conclusion).toBe('failure');
		expect(run?.annotations[0]).toMatchObject({ start_line: 1, title: 'front matter' });
		expect([...fake.state.pulls.values()][0]?.body).not.toContain('evil');
	});
});
