import { describe, expect, it } from 'vitest';
import { writeUntrusted } from '../../scripts/workflow-log.ts';
import { workflowCommands } from './workflow-commands.ts';

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
