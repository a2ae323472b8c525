import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import type { AnnotationPlace, WorkflowLog } from '../src/github/command.ts';

/**
 * Writes lines that carry untrusted text (issue answers, model output, file contents) to the
 * log. In GitHub Actions a log line starting with `::` is a workflow command (`::error`,
 * `::add-mask::`…); the lines are therefore fenced by `::stop-commands::` with a token nobody can
 * guess, so the runner reads none of them as a command. (`@actions/core`'s `info` writes a line
 * as it is: it is no fence.)
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

/**
 * The log, step outputs and job summary of a command run by GitHub Actions, through
 * `@actions/core`: annotations and group titles escaped as workflow commands require, outputs
 * written with a random delimiter (a value may hold any line), the summary appended to
 * `GITHUB_STEP_SUMMARY`. Untrusted lines go through {@link writeUntrusted}. Outside Actions, plain
 * text, and no outputs or summary. Reads the process's environment, as `@actions/core` does.
 * @see https://github.com/actions/toolkit/tree/main/packages/core
 */
export function workflowLog(): WorkflowLog {
	const inActions = process.env['GITHUB_ACTIONS'] === 'true';
	return {
		untrusted: (lines) => writeUntrusted(lines),
		annotate: (level, message, where = {}) => {
			if (!inActions) {
				writeUntrusted([`${level}: ${placeText(where)}${message}`]);
				return;
			}
			const properties = {
				...(where.file !== undefined && { file: where.file }),
				...(where.line !== undefined && { startLine: where.line }),
				...(where.title !== undefined && { title: where.title }),
			};
			core[level](message, properties);
		},
		group: async (title, body) => {
			if (!inActions) {
				writeUntrusted([title]);
				return body();
			}
			return core.group(title, body);
		},
		outputs: (values) => {
			if (!process.env['GITHUB_OUTPUT']) return;
			for (const [name, value] of Object.entries(values)) core.setOutput(name, value);
		},
		summary: async (markdown) => {
			if (!process.env['GITHUB_STEP_SUMMARY']) return;
			await core.summary.addRaw(markdown).write();
		},
	};
}

function placeText(where: AnnotationPlace): string {
	if (where.file === undefined) return '';
	return `${where.file}${where.line === undefined ? '' : `:${where.line}`}: `;
}
