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
