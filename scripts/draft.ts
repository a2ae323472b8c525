/**
 * `npm run draft -- --event FILE [--registry DIR] [--out DIR]`: turns a GitHub `issues` event
 * into a draft registry entry and `<out>/draft-report.json`. Exit 0 drafted, 2 not a registry
 * form or an invalid one, 3 the model failed, 1 anything else. See src/drafting/draft.ts.
 *
 * `npm run draft -- --write-forms` rewrites `.github/ISSUE_TEMPLATE/` from the schema.
 */
import { parseArgs } from 'node:util';
import { writeUntrusted } from './workflow-log.ts';

const usage =
	'usage: npm run draft -- --event FILE [--registry DIR] [--out DIR]\n       npm run draft -- --write-forms [--registry DIR]';

let args;
try {
	args = parseArgs({
		options: {
			event: { type: 'string' },
			registry: { type: 'string', default: 'registry' },
			out: { type: 'string', default: '.draft' },
			'write-forms': { type: 'boolean', default: false },
			help: { type: 'boolean', default: false },
		},
		strict: true,
	}).values;
} catch (error) {
	console.error(`${(error as Error).message}\n${usage}`);
	process.exit(1);
}

if (args.help) {
	console.log(usage);
} else if (args['write-forms']) {
	const { writeIssueTemplates } = await import('../src/drafting/write-forms.ts');
	for (const file of await writeIssueTemplates(args.registry)) console.log(`wrote ${file}`);
} else if (!args.event) {
	console.error(`--event is required\n${usage}`);
	process.exitCode = 1;
} else {
	// Loaded after the arguments are read, so a usage error answers at once.
	const { draft } = await import('../src/drafting/draft.ts');
	const { report, exitCode } = await draft({
		eventPath: args.event,
		registryDir: args.registry,
		outDir: args.out,
		env: process.env,
	});
	const where = report.file ? ` → ${args.out}/${report.file}` : '';
	console.log(`${report.status}${where} (${report.mode ?? 'no draft'}, ${report.durationMs} ms)`);
	// The messages quote the issue's answers (an unknown model, an entry reference…) and what the
	// model's API said, either of which may hold workflow commands: they reach the log fenced.
	if (report.errors.length > 0) {
		writeUntrusted(report.errors.map((error) => `- ${error.field}: ${error.message.en}`));
	}
	process.exitCode = exitCode;
}
