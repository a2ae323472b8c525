import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { workflowLog } from '../../scripts/workflow-log.ts';
import { readRunEnvironment, runPublishDraftCommand } from '../../src/github/command.ts';
import { PublishError } from '../../src/github/errors.ts';
import type { RegistryCheck } from '../../src/github/revalidate.ts';
import { FakeGitHub } from './fake-github/server.ts';
import {
	contributor,
	createWorkspace,
	issuesEvent,
	systemFormLabel,
	testPacing,
	writeDraft,
	type Workspace,
} from './helpers.ts';
import { logLines, readStepOutputs, workflowCommands } from '../scripts/workflow-commands.ts';

let fake: FakeGitHub;
let workspace: Workspace;
/**
 * The job summary's file: one for the whole file, as a process has one step's (`@actions/core`
 * finds the file once).
 */
let summaryDir: string;
let summaryFile: string;
/** Everything the command wrote, as the runner reads it. */
let raw: string;
/** The log's lines, without the fences. */
let lines: string[];

/**
 * The log as the real script writes it (`@actions/core` and the fences, on the process's
 * standard output and environment), captured.
 */
function logFor(environment: NodeJS.ProcessEnv) {
	for (const name of ['GITHUB_ACTIONS', 'GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY']) {
		vi.stubEnv(name, environment[name] ?? '');
	}
	vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
		raw += String(chunk);
		lines = logLines(raw);
		return true;
	});
	return workflowLog();
}

beforeAll(async () => {
	summaryDir = await mkdtemp(join(tmpdir(), 'registre-ia-summary-'));
	summaryFile = join(summaryDir, 'summary.md');
});

afterAll(() => rm(summaryDir, { recursive: true, force: true }));

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
	// The runner creates both files before the step starts.
	await writeFile(join(workspace.dir, 'output'), '');
	await writeFile(summaryFile, '');
	lines = [];
	raw = '';
});

afterEach(async () => {
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
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
		GITHUB_STEP_SUMMARY: summaryFile,
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
		{ log: logFor(environment), check, pacing: testPacing },
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

		const outputs = readStepOutputs(await readFile(join(workspace.dir, 'output'), 'utf8'));
		const pull = [...fake.state.pulls.values()][0];
		expect(outputs).toEqual({ outcome: 'draft-ready', 'pull-request-number': `${pull?.number}` });
		const summary = await readFile(summaryFile, 'utf8');
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
			{ log: logFor(env()), pacing: testPacing },
		);
		expect(code).toBe(0);
		expect(readStepOutputs(await readFile(join(workspace.dir, 'output'), 'utf8'))).toEqual({
			issue: '1',
			proceed: 'true',
			ai: 'on',
			'event-file': workspace.eventPath,
		});
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
			{ log: logFor(env()), pacing: testPacing },
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

	/** Our own log groups, around the fenced lines: a title of ours, then its end. */
	function isOwnGroup(line: string): boolean {
		return /^::group::Problems in the draft \(\d+\)$/.test(line) || line === '::endgroup::';
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
		expect(workflowCommands(raw).filter((line) => !isOwnGroup(line))).toEqual([]);
		expect(workflowCommands(raw)).toHaveLength(2);
		const summary = await readFile(summaryFile, 'utf8');
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
