import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { workflowLog, writeUntrusted } from '../../scripts/workflow-log.ts';
import { logLines, readStepOutputs, workflowCommands } from './workflow-commands.ts';

describe('writeUntrusted', () => {
	const hostile = ['::error file=x::pwned', '  ::add-mask::secret', 'plain text'];

	it('fences untrusted lines in GitHub Actions so none runs as a workflow command', () => {
		let log = '';
		writeUntrusted(hostile, { env: { GITHUB_ACTIONS: 'true' }, write: (text) => (log += text) });
		expect(log).toContain('::error file=x::pwned');
		expect(workflowCommands(log)).toEqual([]);
	});

	it('uses a new token each time, never one found in the text', () => {
		const tokens = new Set<string>();
		for (let i = 0; i < 5; i++) {
			writeUntrusted(['x'], {
				env: { GITHUB_ACTIONS: 'true' },
				write: (text) => tokens.add(/::stop-commands::(.+)/.exec(text)?.[1] ?? ''),
			});
		}
		expect(tokens.size).toBe(5);
	});

	it('writes the lines as they are outside GitHub Actions', () => {
		let log = '';
		writeUntrusted(hostile, { env: {}, write: (text) => (log += text) });
		expect(log).toBe(`${hostile.join('\n')}\n`);
		expect(workflowCommands(log)).toHaveLength(2);
	});
});

describe('workflowLog (@actions/core)', () => {
	let dir: string;
	let raw: string;

	beforeEach(async () => {
		dir = await mkdtemp(join(tmpdir(), 'registre-ia-log-'));
		raw = '';
		vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
			raw += String(chunk);
			return true;
		});
	});

	afterEach(async () => {
		vi.restoreAllMocks();
		vi.unstubAllEnvs();
		await rm(dir, { recursive: true, force: true });
	});

	function inActions() {
		vi.stubEnv('GITHUB_ACTIONS', 'true');
		vi.stubEnv('GITHUB_OUTPUT', join(dir, 'output'));
		return writeFile(join(dir, 'output'), '');
	}

	it('writes outputs of any lines, read back as they were', async () => {
		await inActions();
		const value = 'first line\nname=forged\nsecond<<EOF\nEOF';
		workflowLog().outputs({ single: 'yes', multi: value });
		expect(readStepOutputs(await readFile(join(dir, 'output'), 'utf8'))).toEqual({
			single: 'yes',
			multi: value,
		});
	});

	it('annotates a file’s line, every value escaped onto one line', async () => {
		await inActions();
		workflowLog().annotate('error', 'bad: 100%\n::add-mask::x', {
			file: 'registry/systems/a,b.mdx',
			line: 12,
			title: 'models.0: model',
		});
		expect(raw).toBe(
			'::error title=models.0%3A model,file=registry/systems/a%2Cb.mdx,line=12::bad: 100%25%0A::add-mask::x\n',
		);
		expect(workflowCommands(raw)).toHaveLength(1);
	});

	it('folds lines under an escaped title, the fenced lines inside', async () => {
		await inActions();
		const log = workflowLog();
		await log.group('Title\n::add-mask::x', async () => log.untrusted(['::add-mask::y']));
		expect(workflowCommands(raw)).toEqual(['::group::Title%0A::add-mask::x', '::endgroup::']);
		expect(logLines(raw)).toContain('::add-mask::y');
	});

	it('appends to the job summary', async () => {
		await inActions();
		vi.stubEnv('GITHUB_STEP_SUMMARY', join(dir, 'summary.md'));
		await writeFile(join(dir, 'summary.md'), 'before\n');
		await workflowLog().summary('### Heading\n');
		expect(await readFile(join(dir, 'summary.md'), 'utf8')).toBe('before\n### Heading\n');
	});

	it('prints plain text outside Actions, and neither outputs nor summary', async () => {
		vi.stubEnv('GITHUB_ACTIONS', '');
		vi.stubEnv('GITHUB_OUTPUT', '');
		vi.stubEnv('GITHUB_STEP_SUMMARY', '');
		const log = workflowLog();
		log.annotate('warning', 'stale', { file: 'registry/models/a.mdx', line: 3 });
		await log.group('Entries', async () => log.untrusted(['a']));
		log.outputs({ x: 'y' });
		await log.summary('text');
		expect(raw).toBe('warning: registry/models/a.mdx:3: stale\nEntries\na\n');
	});
});
