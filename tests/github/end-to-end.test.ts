/**
 * The whole flow as the workflow runs it, through the real commands: from an issue event file,
 * `npm run draft` (no AI: switched off) then `npm run publish-draft` against the fake GitHub,
 * with the registry's own validator. Then again, to see that only what changed changes.
 */
import { sampleEnv } from '../../vitest.config.ts';
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { stickyCommentMarker } from '../../src/github/sticky-comment.ts';
import { FakeGitHub } from './fake-github/server.ts';
import { contributor, createWorkspace, issuesEvent, type Workspace } from './helpers.ts';
import { readStepOutputs, workflowCommands } from '../scripts/workflow-commands.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

/** Answers to the committed "declare an AI model, in detail" form: every field the entry needs. */
const answers: Record<string, string> = {
	language: 'Français',
	name: 'Mistral Small 3.2',
	version: '3.2',
	provider: 'Mistral AI',
	description: 'Modèle de langage généraliste, utilisé pour résumer.',
	'learning-type': 'Apprentissage auto-supervisé / Self-supervised learning',
	tasks: 'Résumer et classer des courriers.',
	modalities: 'Texte / Text',
	licence: 'Apache-2.0',
	'open-weights': 'Oui / Yes',
	hosting: 'Nos serveurs / Our own servers',
	residency: 'France',
	'training-data': 'Textes publics multilingues.',
	limitations: 'Peut inventer des faits.',
	details: 'Nous faisons tourner Mistral Small 3.2 sur nos serveurs pour résumer le courrier.',
};

/** The body GitHub writes for an issue opened from a committed form: `### label`, answer. */
async function formBody(form: string): Promise<{ body: string; labels: string[] }> {
	const template = parse(await readFile(join(root, '.github', 'ISSUE_TEMPLATE', form), 'utf8')) as {
		labels: string[];
		body: {
			type: string;
			id?: string;
			attributes: { label: string; options?: { label: string }[] };
		}[];
	};
	const sections = template.body
		.filter((item) => item.type !== 'markdown')
		.map((item) => {
			const value =
				item.type === 'checkboxes'
					? (item.attributes.options ?? []).map((option) => `- [ ] ${option.label}`).join('\n')
					: (answers[item.id ?? ''] ?? '_No response_');
			return `### ${item.attributes.label}\n\n${value}`;
		});
	return { body: `${sections.join('\n\n')}\n`, labels: template.labels };
}

let fake: FakeGitHub;
let workspace: Workspace;
let outputFile: string;

beforeAll(async () => {
	fake = await FakeGitHub.start();
	workspace = await createWorkspace();
	outputFile = join(workspace.dir, 'github-output');
	const { body, labels } = await formBody('ai-model-detailed.yml');
	fake.state.addIssue({ number: 7, title: 'Mistral Small', body, user: contributor, labels });
	const event = issuesEvent('opened', { number: 7, body, labels });
	(event.issue as Record<string, unknown>).created_at = '2025-06-01T09:00:00Z';
	await workspace.writeEvent(event);
	// The run the commands belong to, as the Actions API lists it.
	fake.state.addRun({ id: 9001, issue: 7, actor: contributor });
});

afterAll(async () => {
	await fake.close();
	await workspace.remove();
});

/** Runs an npm script's entry point as the workflow does, with the Actions environment. */
async function npmRun(script: 'draft' | 'publish-draft', args: string[], runAttempt = '1') {
	// The runner creates both files before each step.
	await writeFile(outputFile, '');
	await writeFile(join(workspace.dir, 'summary.md'), '');
	const env: NodeJS.ProcessEnv = {
		PATH: process.env.PATH,
		HOME: process.env.HOME,
		GITHUB_ACTIONS: 'true',
		GITHUB_TOKEN: 'write-token',
		GITHUB_REPOSITORY: 'clairval/registre-ia',
		GITHUB_API_URL: fake.url,
		GITHUB_RUN_ID: '9001',
		GITHUB_RUN_ATTEMPT: runAttempt,
		GITHUB_OUTPUT: outputFile,
		GITHUB_STEP_SUMMARY: join(workspace.dir, 'summary.md'),
		// No model is ever called here: the drafting is form-only.
		AI_DRAFTS: 'off',
	};
	const result = await run(process.execPath, [join('scripts', `${script}.ts`), ...args], {
		cwd: root,
		env,
	}).then(
		(done) => ({ code: 0, stdout: done.stdout }),
		(error: { code: number; stdout: string; stderr: string }) => ({
			code: error.code,
			stdout: `${error.stdout}${error.stderr}`,
		}),
	);
	return { ...result, outputs: readStepOutputs(await readFile(outputFile, 'utf8')) };
}

describe('from an issue event to a pull request', { timeout: 120_000 }, () => {
	let pullNumber: number;

	test('the preflight lets a first draft through, without AI when it is switched off', async () => {
		const result = await npmRun('publish-draft', [
			'--preflight',
			'--event',
			workspace.eventPath,
			'--out',
			workspace.draftDir,
		]);
		expect(result.code, result.stdout).toBe(0);
		expect(result.outputs).toEqual({
			issue: '7',
			proceed: 'true',
			ai: 'off',
			'event-file': workspace.eventPath,
		});
	});

	test('npm run draft then npm run publish-draft leave one branch, commit, pull request and comment', async () => {
		const drafted = await npmRun('draft', [
			'--event',
			workspace.eventPath,
			'--out',
			workspace.draftDir,
		]);
		expect(drafted.code, drafted.stdout).toBe(0);

		const published = await npmRun('publish-draft', [
			'--event',
			workspace.eventPath,
			'--draft',
			workspace.draftDir,
		]);
		expect(published.code, published.stdout).toBe(0);
		expect(published.outputs).toEqual({
			outcome: 'draft-ready',
			'pull-request-number': expect.stringMatching(/^\d+$/),
		});

		expect(fake.branches()).toEqual(['main', 'registry/issue-7']);
		const head = fake.state.resolveCommit('registry/issue-7');
		expect(head?.verified).toBe(true);
		expect(head?.parents).toEqual([fake.state.resolveCommit('main')?.sha]);
		// The drafting picks the id (unique in the registry); the entry lands where it says, in the
		// registry the job reads: the kit's sample here (vitest.config.ts), `registry/` in a fork.
		const report = JSON.parse(
			await readFile(join(workspace.draftDir, 'draft-report.json'), 'utf8'),
		) as { kind: string; id: string };
		const entryPath = `${sampleEnv.REGISTRY_DIR}/${report.kind}/${report.id}.mdx`;
		expect(report.kind).toBe('models');
		const files = fake.state.filesAt('registry/issue-7');
		expect(Object.keys(files).sort()).toEqual(['README.md', entryPath]);
		expect(files[entryPath]).toContain('name:\n  fr: Mistral Small 3.2\n');

		expect(fake.state.pulls.size).toBe(1);
		const pull = [...fake.state.pulls.values()][0];
		pullNumber = pull?.number ?? 0;
		expect(pull?.body).toContain('<!-- registre-ia:pull-request issue=7 -->');
		// Nothing wrong in the entry (the rest of the registry is the registry's own business).
		expect(pull?.body).toContain('| **Validation** | ✅ aucun problème');
		expect(pull?.body).toContain('📝 formulaire seul, sans IA · form only, no AI');
		expect(pull?.body).toContain('original: French, English missing');
		expect(fake.state.issues.get(pullNumber)?.labels).toEqual([
			'form-draft',
			'needs-review',
			'ai-model',
		]);
		const comments = fake.state.comments.filter((comment) => comment.issue === 7);
		expect(comments).toHaveLength(1);
		expect(comments[0]?.body.startsWith(stickyCommentMarker)).toBe(true);
		expect(fake.violations).toEqual([]);
	});

	test('publishing the same run again changes nothing', async () => {
		const before = fake.requests.length;
		const again = await npmRun('publish-draft', [
			'--event',
			workspace.eventPath,
			'--draft',
			workspace.draftDir,
		]);
		expect(again.code, again.stdout).toBe(0);
		expect(fake.requests.slice(before).filter((request) => request.method !== 'GET')).toEqual([]);
		expect(again.stdout).toContain(`Pull request #${pullNumber} unchanged`);
	});

	test('a new run of both commands only records that a draft was made', async () => {
		const drafted = await npmRun('draft', [
			'--event',
			workspace.eventPath,
			'--out',
			workspace.draftDir,
		]);
		expect(drafted.code, drafted.stdout).toBe(0);
		const before = fake.requests.length;
		const published = await npmRun(
			'publish-draft',
			['--event', workspace.eventPath, '--draft', workspace.draftDir],
			'2',
		);
		expect(published.code, published.stdout).toBe(0);
		const writes = fake.requests
			.slice(before)
			.filter((request) => request.method !== 'GET')
			.map((request) => request.operationId);
		// Same entry, same comment: only the pull request's hidden draft log gains the new run.
		expect(writes).toEqual(['pulls/update']);
		expect(fake.state.pulls.get(pullNumber)?.body).toContain('"run":"9001.2"');
		expect(fake.branches()).toEqual(['main', 'registry/issue-7']);
		expect(fake.violations).toEqual([]);
	});
});

describe('a hostile draft in the log', { timeout: 120_000 }, () => {
	test('npm run publish-draft prints its values fenced: no workflow command but its own', async () => {
		const hostile = ['::error::x', '::add-mask::y', '::stop-commands::z'];
		const draftDir = join(workspace.dir, 'hostile');
		await mkdir(join(draftDir, 'systems'), { recursive: true });
		// An entry the validator refuses, whose values are workflow commands on their own lines.
		await writeFile(
			join(draftDir, 'systems', 'hostile.mdx'),
			[
				'---',
				'id: hostile',
				// An unknown field is named in the validator's message: its name is the payload.
				`${JSON.stringify(`\n${hostile.join('\n')}\n`)}: 1`,
				'---',
				'',
			].join('\n'),
		);
		await writeFile(
			join(draftDir, 'draft-report.json'),
			JSON.stringify({
				status: 'drafted',
				issue: 7,
				kind: 'systems',
				id: 'hostile',
				mode: 'form-only',
				fields: { [hostile.join('\n')]: 'form' },
				errors: [],
			}),
		);
		const result = await npmRun('publish-draft', [
			'--event',
			workspace.eventPath,
			'--draft',
			draftDir,
		]);

		// The payload reached the log, on lines of its own, inside a fence.
		expect(result.stdout).toMatch(/^::add-mask::y$/m);
		expect(result.stdout).toContain('::stop-commands::');
		expect(
			workflowCommands(result.stdout).filter(
				(line) =>
					!/^::(warning|error)[ :]|^::group::Problems in the draft|^::endgroup::$/.test(line),
			),
		).toEqual([]);
		// Our own annotations keep every value on their one line.
		for (const line of workflowCommands(result.stdout)) expect(line).not.toMatch(/::add-mask::y$/);
	});
});
