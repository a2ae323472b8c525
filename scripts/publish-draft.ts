/**
 * `npm run publish-draft -- --event FILE --draft DIR [--registry DIR]`: publishes a draft made by
 * `npm run draft` as the one branch, pull request and sticky comment.
 *
 * `npm run publish-draft -- --preflight --event FILE --out DIR [--event-out FILE]`: run by the
 * draft job before the model is called; applies the AI switch and the rate limits and writes
 * `gate.json` into DIR and the step outputs `proceed`, `ai`, `issue` and `event-file`.
 *
 * Reads GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL (default https://api.github.com), and in
 * Actions GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT (the preflight counts the runs before this one, so it
 * needs them), GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and AI_DRAFTS. Outputs, summary, annotations and
 * log groups go through `@actions/core`; lines quoting untrusted text are fenced from workflow
 * commands (scripts/workflow-log.ts).
 */
import { registryDir } from '../src/config/site.ts';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runPublishDraftCommand, type PublishDraftArguments } from '../src/github/command.ts';
import { workflowLog } from './workflow-log.ts';

const usage =
	'usage: npm run publish-draft -- --event FILE --draft DIR [--registry DIR]\n' +
	'       npm run publish-draft -- --preflight --event FILE --out DIR [--event-out FILE]';

function parse(argv: string[]): PublishDraftArguments {
	const { values } = parseArgs({
		args: argv,
		options: {
			event: { type: 'string' },
			draft: { type: 'string' },
			registry: { type: 'string', default: registryDir },
			preflight: { type: 'boolean', default: false },
			out: { type: 'string' },
			'event-out': { type: 'string' },
		},
		strict: true,
	});
	const eventPath = values.event ?? process.env.GITHUB_EVENT_PATH;
	if (!eventPath) throw new Error('--event FILE is required (or GITHUB_EVENT_PATH)');
	if (values.preflight) {
		if (!values.out) throw new Error('--out DIR is required with --preflight');
		return {
			mode: 'preflight',
			eventPath,
			outDir: values.out,
			eventOut:
				values['event-out'] ?? join(process.env.RUNNER_TEMP ?? values.out, 'issue-event.json'),
		};
	}
	if (!values.draft) throw new Error('--draft DIR is required');
	return { mode: 'publish', eventPath, draftDir: values.draft, registryDir: values.registry };
}

let args: PublishDraftArguments;
try {
	args = parse(process.argv.slice(2));
} catch (error) {
	process.stderr.write(`${(error as Error).message}\n${usage}\n`);
	process.exit(2);
}
process.exitCode = await runPublishDraftCommand(args, process.env, { log: workflowLog() });
