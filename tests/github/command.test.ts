import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { writeUntrusted } from '../../scripts/workflow-log.ts';
import {
	readRunEnvironment,
	runPublishDraftCommand,
	type WorkflowLog,
} from '../../src/github/command.ts';
import { PublishError } from '../../src/github/errors.ts';
import type { RegistryCheck } from '../../src/github/revalidate.ts';
import { FakeGitHub } from './fake-github/server.ts';
import {
	contributor,
	createWorkspace,
	issuesEvent,
	systemFormLabel,
	writeDraft,
	type Workspace,
} from './helpers.ts';
import { workflowCommands } from '../scripts/workflow-commands.ts';

let fake: FakeGitHub;
let workspace: Workspace;
let lines: string[];
/** Everything the command wrote, as the runner reads it. */
let raw: string;

/** The log as the real script writes it: untrusted lines fenced, commands as they are. */
function logFor(environment: NodeJS.ProcessEnv): WorkflowLog {
	return {
		untrusted: (untrusted) => {
			lines.push(...untrusted);
			writeUntrusted(untrusted, { env: environment, write: (text) => (raw += text) });
		},
		command: (line) => {
			lines.push(line);
			raw += `${line}\n`;
		},
	};
}

beforeEach(async () => {
	fake = await FakeGitHub.start();
	workspace = await createWorkspace();
	fake.state.addIssue({
		number: 1,
		title: 't',
		body: 'b',
		user: contributor,
		labels: [systemFormLabel],
	});
	await workspace.writeEvent(issuesEvent('opened', { number: 1 }));
	await writeFile(join(workspace.dir, 'output'), '');
	lines = [];
	raw = '';
});

afterEach(async () => {
	expect(fake.violations).toEqual([]);
	await fake.close();
	await workspace.remove();
});

function env(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return {
		GITHUB_ACTIONS: 'true',
		GITHUB_TOKEN: 'write-token',
		GITHUB_REPOSITORY: 'clairval/registre-ia',
		GITHUB_API_URL: fake.url,
		GITHUB_RUN_ID: '77',
		GITHUB_RUN_ATTEMPT: '2',
		GITHUB_OUTPUT: join(workspace.dir, 'output'),
		GITHUB_STEP_SUMMARY: join(workspace.dir, 'summary'),
		...overrides,
	};
}

function publish(environment = env(), check: RegistryCheck = async () => []) {
	return runPublishDraftCommand(
		{
			mode: 'publish',
			eventPath: workspace.eventPath,
			draftDir: workspace.draftDir,
			registryDir: workspace.registryDir,
		},
		environment,
		// The registry validator has its own tests; these fixtures are not complete entries.
		{ log: logFor(environment), check },
	);
}

describe('readRunEnvironment', () => {
	test('reads the Actions environment once', () => {
		expect(readRunEnvironment(env({ AI_DRAFTS: ' OFF ' }))).toMatchObject({
			token: 'write-token',
			repository: { owner: 'clairval', repo: 'registre-ia' },
			apiUrl: fake.url,
			runKey: '77.2',
			aiSwitch: 'off',
			inActions: true,
		});
	});

	test('names what is missing', () => {
		expect(() => readRunEnvironment(env({ GITHUB_TOKEN: '' }))).toThrow(
			'add "GITHUB_TOKEN: ${{ github.token }}" to the step\'s env',
		);
		expect(() => readRunEnvironment(env({ GITHUB_REPOSITORY: 'nope' }))).toThrow(PublishError);
	});

	test('defaults to GitHub’s API', async () => {
		expect(readRunEnvironment(env({ GITHUB_API_URL: '' })).apiUrl).toBeUndefined();
	});
});

describe('runPublishDraftCommand', () => {
	test('writes the step outputs and the job summary', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		expect(await publish()).toBe(0);

		const outputs = await readFile(join(workspace.dir, 'output'), 'utf8');
		const pull = [...fake.state.pulls.values()][0];
		expect(outputs).toBe(`outcome=draft-ready\npull-request-number=${pull?.number}\n`);
		const summary = await readFile(join(workspace.dir, 'summary'), 'utf8');
		expect(summary).toContain(`Pull request #${pull?.number} (opened)`);
		expect(summary).toContain('Check: `success`');
		expect(lines).toContain('Issue #1: draft-ready.');
		// The run key ties the pull request's draft log to this run and attempt.
		expect(pull?.body).toContain('"run":"77.2"');
	});

	test('fails with a workflow annotation that names the fix, in both languages', async () => {
		fake.switches.forbidden.add('pulls/create');
		await writeDraft(workspace.draftDir, { issue: 1 });
		expect(await publish()).toBe(1);

		const error = lines.find((line) => line.startsWith('::error::'));
		expect(error).toMatch(
			/^::error::The token lacks the permission to open or update the pull request\. Add "pull-requests: write"/,
		);
		// One line: newlines are escaped as GitHub's workflow commands require.
		expect(error).toContain('%0ALe jeton n’a pas la permission');
		expect(error).not.toContain('\n');
	});

	test('prints plain text outside Actions', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		expect(await publish(env({ GITHUB_ACTIONS: '', GITHUB_TOKEN: 'expired-token' }))).toBe(1);
		expect(lines[0]).toMatch(/^error: GitHub rejects the token/);
	});

	test('fails the run when the drafting itself failed, after telling the issue', async () => {
		await writeDraft(workspace.draftDir, {
			status: 'error',
			issue: 1,
			extra: {
				errors: [{ field: 'run', message: { fr: 'erreur inattendue', en: 'unexpected error' } }],
			},
		});
		expect(await publish()).toBe(1);
		const comment = fake.state.comments.find((c) => c.issue === 1);
		expect(comment?.body).toContain('Drafting stopped');
		expect(comment?.body).toContain('unexpected error');
	});

	test('the preflight writes its outputs and decision', async () => {
		fake.state.addRun({ id: 77, issue: 1, actor: contributor });
		const code = await runPublishDraftCommand(
			{
				mode: 'preflight',
				eventPath: workspace.eventPath,
				outDir: workspace.draftDir,
				eventOut: join(workspace.dir, 'issue-event.json'),
			},
			env({ GITHUB_TOKEN: 'read-token' }),
			{ log: logFor(env()) },
		);
		expect(code).toBe(0);
		expect(await readFile(join(workspace.dir, 'output'), 'utf8')).toBe(
			`issue=1\nproceed=true\nai=on\nevent-file=${workspace.eventPath}\n`,
		);
		expect(lines).toEqual(['Issue #1: draft with AI.']);
	});

	test('the preflight needs the run it counts from', async () => {
		const code = await runPublishDraftCommand(
			{
				mode: 'preflight',
				eventPath: workspace.eventPath,
				outDir: workspace.draftDir,
				eventOut: join(workspace.dir, 'issue-event.json'),
			},
			env({ GITHUB_TOKEN: 'read-token', GITHUB_RUN_ID: '' }),
			{ log: logFor(env()) },
		);
		expect(code).toBe(1);
		expect(lines[0]).toMatch(/^::error::GITHUB_RUN_ID is missing/);
	});
});

describe('untrusted text in the log', () => {
	const hostile = '::error::x\n::add-mask::y\n::stop-commands::z\n  ::warning::w';

	/** Our own annotations: `::error::` or `::warning file=…` whose data is all on one line. */
	function isOwnAnnotation(line: string): boolean {
		return /^::(error|warning)( file=[^:\n]*,line=\d+)?::[^\n]*$/.test(line);
	}

	test('problems quoting a hostile draft never become workflow commands', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		const check: RegistryCheck = async (dir) => [
			{
				path: join(dir, 'systems', 'assistant-courrier.mdx'),
				line: 3,
				field: `name\n${hostile}`,
				message: { fr: hostile, en: hostile },
			},
		];
		expect(await publish(env(), check)).toBe(0);

		expect(raw).toContain('::add-mask::y');
		expect(workflowCommands(raw)).toEqual([]);
		const summary = await readFile(join(workspace.dir, 'summary'), 'utf8');
		expect(summary).not.toMatch(/^::/m);
	});

	test('problems elsewhere become annotations of ours, their hostile data escaped', async () => {
		await writeDraft(workspace.draftDir, { issue: 1 });
		const check: RegistryCheck = async (dir) => [
			{
				path: join(dir, 'models', 'old.mdx'),
				line: 2,
				field: 'name',
				message: { fr: hostile, en: hostile },
			},
		];
		expect(await publish(env(), check)).toBe(0);

		const run = workflowCommands(raw);
		expect(run).toHaveLength(1);
		expect(run.every(isOwnAnnotation)).toBe(true);
		expect(run[0]).toBe(
			'::warning file=registry/models/old.mdx,line=2::::error::x%0A::add-mask::y%0A::stop-commands::z%0A  ::warning::w',
		);
	});

	test('an error quoting a hostile report stays one escaped annotation', async () => {
		await writeDraft(workspace.draftDir, { status: hostile, issue: 1 });
		expect(await publish()).toBe(1);

		const run = workflowCommands(raw);
		expect(run).toHaveLength(1);
		expect(run.every(isOwnAnnotation)).toBe(true);
		expect(run[0]).toContain('unknown status "::error::x%0A::add-mask::y');
	});
});
