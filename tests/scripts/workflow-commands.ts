/** The lines of a log the Actions runner would run as workflow commands: outside stop-commands fences. */
export function workflowCommands(log: string): string[] {
	const run: string[] = [];
	let stopToken: string | undefined;
	for (const line of log.split('\n')) {
		if (stopToken) {
			if (line === `::${stopToken}::`) stopToken = undefined;
			continue;
		}
		const stop = /^::stop-commands::(.+)$/.exec(line);
		if (stop) stopToken = stop[1];
		else if (line.trimStart().startsWith('::')) run.push(line);
	}
	return run;
}

/** The lines of a log as a person reads them: the fences' own lines left out, and the last newline. */
export function logLines(log: string): string[] {
	const lines: string[] = [];
	let stopToken: string | undefined;
	for (const line of log.replace(/\n$/, '').split('\n')) {
		const stop = /^::stop-commands::(.+)$/.exec(line);
		if (!stopToken && stop) stopToken = stop[1];
		else if (stopToken && line === `::${stopToken}::`) stopToken = undefined;
		else lines.push(line);
	}
	return lines;
}

/**
 * The outputs of a `GITHUB_OUTPUT` file as the runner reads them: `name=value` lines and
 * `name<<DELIMITER` blocks (what `@actions/core`'s `setOutput` writes, a value of any lines).
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#multiline-strings
 */
export function readStepOutputs(text: string): Record<string, string> {
	const outputs: Record<string, string> = {};
	const lines = text.split(/\r?\n/);
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index] ?? '';
		if (line === '') continue;
		const block = /^([^=<]+)<<(.+)$/.exec(line);
		if (block?.[1] && block[2]) {
			const end = lines.indexOf(block[2], index + 1);
			if (end < 0) throw new Error(`GITHUB_OUTPUT: no closing ${block[2]} for ${block[1]}`);
			outputs[block[1]] = lines.slice(index + 1, end).join('\n');
			index = end;
			continue;
		}
		const pair = /^([^=]+)=(.*)$/.exec(line);
		if (!pair?.[1]) throw new Error(`GITHUB_OUTPUT: unreadable line ${JSON.stringify(line)}`);
		outputs[pair[1]] = pair[2] ?? '';
	}
	return outputs;
}
