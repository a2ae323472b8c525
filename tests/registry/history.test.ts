import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGitLog, pullRequestNumber, readRegistryHistory } from '../../src/registry/history.ts';

describe('pullRequestNumber', () => {
	it('reads squash-merge and merge-commit subjects', () => {
		expect(pullRequestNumber('Add the pothole detector (#42)')).toBe(42);
		expect(pullRequestNumber('Merge pull request #7 from clairval/registry/issue-3')).toBe(7);
		expect(pullRequestNumber('Fix #42 in the summary')).toBeUndefined();
	});
});

describe('parseGitLog', () => {
	it('groups changes by absolute path, newest first', () => {
		const log = [
			'\x1eb2\x1f2026-02-01T10:00:00+01:00\x1fUpdate chatbot (#3)',
			'',
			'registry/systems/chatbot.mdx',
			'registry/models/llm.mdx',
			'\x1ea1\x1f2026-01-01T10:00:00+01:00\x1fAdd chatbot',
			'',
			'registry/systems/chatbot.mdx',
		].join('\n');
		const changes = parseGitLog(log, '/repo');
		expect(changes.get('/repo/registry/systems/chatbot.mdx')?.map((c) => c.sha)).toEqual([
			'b2',
			'a1',
		]);
		expect(changes.get('/repo/registry/models/llm.mdx')?.[0]).toEqual({
			sha: 'b2',
			date: '2026-02-01T10:00:00+01:00',
			subject: 'Update chatbot (#3)',
			pullRequest: 3,
		});
	});
});

describe('readRegistryHistory', () => {
	const git = (cwd: string, ...args: string[]) =>
		execFileSync('git', args, {
			cwd,
			env: {
				...process.env,
				GIT_AUTHOR_NAME: 'Test',
				GIT_AUTHOR_EMAIL: 'test@example.org',
				GIT_COMMITTER_NAME: 'Test',
				GIT_COMMITTER_EMAIL: 'test@example.org',
			},
		});

	it('reads every file of the folder in one git log, and marks shallow clones partial', async () => {
		const repo = mkdtempSync(join(tmpdir(), 'history-'));
		git(repo, 'init', '-q');
		mkdirSync(join(repo, 'registry/systems'), { recursive: true });
		writeFileSync(join(repo, 'registry/systems/a.mdx'), 'one');
		git(repo, 'add', '.');
		git(repo, 'commit', '-qm', 'Add a');
		writeFileSync(join(repo, 'registry/systems/a.mdx'), 'two');
		writeFileSync(join(repo, 'registry/systems/b.mdx'), 'one');
		git(repo, 'add', '.');
		git(repo, 'commit', '-qm', 'Change a, add b (#5)');
		const history = await readRegistryHistory(join(repo, 'registry'));
		expect(history.partial).toBe(false);
		const a = history.changes.get(join(repo, 'registry/systems/a.mdx')) ?? [];
		expect(a.map((c) => c.subject)).toEqual(['Change a, add b (#5)', 'Add a']);
		expect(history.changes.get(join(repo, 'registry/systems/b.mdx'))?.[0]?.pullRequest).toBe(5);

		const shallow = mkdtempSync(join(tmpdir(), 'shallow-'));
		git(shallow, 'clone', '-q', '--depth', '1', `file://${repo}`, 'clone');
		const partial = await readRegistryHistory(join(shallow, 'clone/registry'));
		expect(partial.partial).toBe(true);
		expect(partial.changes.get(join(shallow, 'clone/registry/systems/a.mdx'))).toHaveLength(1);
	});

	it('keeps the history of files moved or renamed into the folder', async () => {
		const repo = mkdtempSync(join(tmpdir(), 'history-moved-'));
		git(repo, 'init', '-q');
		mkdirSync(join(repo, 'registry/systems'), { recursive: true });
		writeFileSync(join(repo, 'registry/systems/old-id.mdx'), 'one\ntwo\nthree\n');
		git(repo, 'add', '.');
		git(repo, 'commit', '-qm', 'Add the entry (#1)');
		mkdirSync(join(repo, 'examples/registry/systems'), { recursive: true });
		git(repo, 'mv', 'registry/systems/old-id.mdx', 'examples/registry/systems/old-id.mdx');
		git(repo, 'commit', '-qm', 'Move the sample apart');
		git(repo, 'mv', 'examples/registry/systems/old-id.mdx', 'examples/registry/systems/new-id.mdx');
		git(repo, 'commit', '-qm', 'Give the entry a clearer id');
		const history = await readRegistryHistory(join(repo, 'examples/registry'));
		const entry = history.changes.get(join(repo, 'examples/registry/systems/new-id.mdx')) ?? [];
		expect(entry.map((c) => c.subject)).toEqual([
			'Give the entry a clearer id',
			'Move the sample apart',
			'Add the entry (#1)',
		]);
		expect([...history.changes.keys()]).toEqual([
			join(repo, 'examples/registry/systems/new-id.mdx'),
		]);
	});

	it('degrades to an empty history outside a git checkout', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'no-git-'));
		const history = await readRegistryHistory(dir);
		expect(history.changes.size).toBe(0);
		expect(history.unavailable).toMatch(/git/i);
	});
});
