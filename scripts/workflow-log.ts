import { randomUUID } from 'node:crypto';

/**
 * Writes lines that carry untrusted text (issue answers, model output, file contents) to the
 * log. In GitHub Actions a log line starting with `::` is a workflow command (`::error`,
 * `::add-mask::`…); the lines are therefore fenced by `::stop-commands::` with a token nobody can
 * guess, so the runner reads none of them as a command.
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#stopping-and-starting-workflow-commands
 */
export function writeUntrusted(
	lines: readonly string[],
	options: { env?: NodeJS.ProcessEnv; write?: (text: string) => void } = {},
): void {
	const write = options.write ?? ((text: string) => process.stdout.write(text));
	const text = lines.map((line) => `${line}\n`).join('');
	if ((options.env ?? process.env)['GITHUB_ACTIONS'] !== 'true') {
		write(text);
		return;
	}
	let token = randomUUID();
	while (text.includes(token)) token = randomUUID();
	write(`::stop-commands::${token}\n${text}::${token}::\n`);
}
