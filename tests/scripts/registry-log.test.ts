/**
 * `npm run registry -- check` in GitHub Actions, on a registry whose values quote workflow
 * commands (a pull request can hold anything): its log carries none, as text for the problem
 * matcher or as annotations through `@actions/core`.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { registryWith, systemData } from '../registry/helpers.ts';
import { workflowCommands } from './workflow-commands.ts';

const hostile = '\n::add-mask::y\n::error::x\n';

function checkInActions(...args: string[]) {
	const dir = registryWith({ ...systemData(), [hostile]: 1 });
	const result = spawnSync(
		process.execPath,
		['scripts/registry.ts', 'check', '--registry', dir, ...args],
		{
			encoding: 'utf8',
			env: { ...process.env, GITHUB_ACTIONS: 'true' },
		},
	);
	return { status: result.status, stdout: result.stdout };
}

describe('npm run registry -- check in GitHub Actions', { timeout: 60_000 }, () => {
	it('keeps each problem on its line for the problem matcher', () => {
		const { status, stdout } = checkInActions();
		expect(status).toBe(1);
		expect(stdout).toContain('::add-mask::y');
		expect(workflowCommands(stdout)).toEqual([]);
		expect(stdout.trim().split('\n')).toEqual([
			expect.stringMatching(/^.*systems\/systeme-test\.mdx:\d+: .* ⏎ ::add-mask::y ⏎ /),
		]);
	});

	it('writes annotations whose values stay data', () => {
		const { status, stdout } = checkInActions('--format', 'github');
		expect(status).toBe(1);
		const commands = workflowCommands(stdout);
		expect(commands).toHaveLength(1);
		// The field names the hostile key: escaped as a property, `:` and all.
		expect(commands[0]).toMatch(
			/^::error title=%0A%3A%3Aadd-mask%3A%3Ay%0A[^:,]*,file=[^:,]*,line=\d+::/,
		);
	});
});
