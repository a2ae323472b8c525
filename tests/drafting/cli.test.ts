import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { DraftReportSchema } from '../../src/drafting/report.ts';
import { apiError, startStub, type OpenAiStub } from './openai-stub.ts';
import { formBody, issueEvent, systemAnswers, tempDir, writeEvent } from './helpers.ts';
import { workflowCommands } from '../scripts/workflow-commands.ts';

/** The command as workflows run it: `node scripts/draft.ts`, its exit code and its report. */

const run = promisify(execFile);
let stub: OpenAiStub | undefined;
afterEach(async () => {
	await stub?.close();
	stub = undefined;
});

async function draftCommand(args: string[], env: Record<string, string> = {}) {
	try {
		const { stdout } = await run(process.execPath, ['scripts/draft.ts', ...args], {
			env: { PATH: process.env['PATH'] ?? '', ...env },
		});
		return { code: 0, stdout };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, stdout: failed.stdout + failed.stderr };
	}
}

function reportIn(out: string) {
	return DraftReportSchema.parse(JSON.parse(readFileSync(join(out, 'draft-report.json'), 'utf8')));
}

// Each run starts a Node process that loads the SDK, zod and the registry: give it time.
describe('npm run draft', { timeout: 60_000 }, () => {
	it('drafts from the form against the project’s own registry (exit 0)', async () => {
		const work = tempDir();
		const event = writeEvent(
			work,
			issueEvent({ body: formBody('systems-detailed', systemAnswers()) }),
		);
		const out = join(work, 'out');
		const result = await draftCommand(['--event', event, '--out', out], { AI_DRAFTS: 'off' });
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('drafted');
		const report = reportIn(out);
		expect(report.mode).toBe('form-only');
		expect(existsSync(join(out, report.file ?? 'missing'))).toBe(true);
	});

	it('exits 2 for an issue that is not a registry form', async () => {
		const work = tempDir();
		const event = writeEvent(work, issueEvent({ body: 'Hello' }));
		const result = await draftCommand(['--event', event, '--out', join(work, 'out')]);
		expect(result.code).toBe(2);
		expect(reportIn(join(work, 'out')).status).toBe('not-a-registry-issue');
	});

	it('drafts from the form when the model fails (exit 0), saying why', async () => {
		stub = await startStub([apiError(500)]);
		const work = tempDir();
		const event = writeEvent(
			work,
			issueEvent({ body: formBody('systems-detailed', systemAnswers()) }),
		);
		const result = await draftCommand(['--event', event, '--out', join(work, 'out')], {
			AI_PROVIDER: 'openai',
			AI_BASE_URL: stub.url,
			AI_API_KEY: 'test-key',
			AI_MAX_RETRIES: '0',
		});
		expect(result.code).toBe(0);
		expect(reportIn(join(work, 'out'))).toMatchObject({ status: 'drafted', mode: 'form-only' });
		expect(result.stdout).toContain('the model gave no usable draft');
	});

	it('prints no workflow command from the issue in GitHub Actions', async () => {
		const hostile = 'pas une date\n::error::x\n::add-mask::y';
		const work = tempDir();
		const answers = { ...systemAnswers(), 'start-date': hostile, contact: hostile };
		const event = writeEvent(work, issueEvent({ body: formBody('systems-detailed', answers) }));
		const result = await draftCommand(['--event', event, '--out', join(work, 'out')], {
			AI_DRAFTS: 'off',
			GITHUB_ACTIONS: 'true',
		});
		expect(result.code).toBe(2);
		// The hostile lines are in the log, as text, and none of them runs as a command.
		expect(result.stdout).toContain('\n::add-mask::y');
		expect(result.stdout).toContain('\n::error::x');
		expect(workflowCommands(result.stdout)).toEqual([]);
	});

	it('prints no workflow command from the model’s API in GitHub Actions', async () => {
		const echo = 'bad request\n::error::x\n::add-mask::y';
		stub = await startStub([
			{ status: 400, body: echo, headers: { 'content-type': 'text/plain' } },
		]);
		const work = tempDir();
		const event = writeEvent(
			work,
			issueEvent({ body: formBody('systems-detailed', systemAnswers()) }),
		);
		const result = await draftCommand(['--event', event, '--out', join(work, 'out')], {
			AI_PROVIDER: 'openai',
			AI_BASE_URL: stub.url,
			AI_API_KEY: 'test-key',
			GITHUB_ACTIONS: 'true',
		});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('\n::add-mask::y');
		expect(workflowCommands(result.stdout)).toEqual([]);
	});

	it('exits 1 on a usage error', async () => {
		const result = await draftCommand(['--out', tempDir()]);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('--event is required');
		expect((await draftCommand(['--bogus'])).code).toBe(1);
	});
});
