/**
 * `npm run review-reminders -- [--registry DIR] [--today YYYY-MM-DD] [--days N] [--max-opened N]`:
 * opens, updates and closes one issue per registry entry whose next review has passed or comes
 * within N days (30), as the scheduled workflow .github/workflows/review-reminders.yml does.
 *
 * Reads GITHUB_TOKEN (issues: write), GITHUB_REPOSITORY, GITHUB_API_URL (default
 * https://api.github.com), and in Actions GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. Thin on purpose:
 * see src/github/review-reminders.ts.
 */
import { parseArgs } from 'node:util';
import { registryDir } from '../src/config/site.ts';
import {
	runReviewRemindersCommand,
	type ReviewRemindersArguments,
} from '../src/github/review-reminders.ts';
import { workflowLog } from './workflow-log.ts';

const usage =
	'usage: npm run review-reminders -- [--registry DIR] [--today YYYY-MM-DD] [--days N] [--max-opened N]';

function parse(argv: string[]): ReviewRemindersArguments {
	const { values } = parseArgs({
		args: argv,
		options: {
			registry: { type: 'string', default: registryDir },
			today: { type: 'string' },
			days: { type: 'string' },
			'max-opened': { type: 'string' },
		},
		strict: true,
	});
	if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
		throw new Error(`--today must be a date, YYYY-MM-DD (got "${values.today}")`);
	}
	const count = (name: string, value: string | undefined) => {
		if (value === undefined) return undefined;
		if (!/^\d{1,4}$/.test(value))
			throw new Error(`--${name} must be a whole number (got "${value}")`);
		return Number(value);
	};
	return {
		registryDir: values.registry,
		today: values.today,
		days: count('days', values.days),
		maxOpened: count('max-opened', values['max-opened']),
	};
}

let args: ReviewRemindersArguments;
try {
	args = parse(process.argv.slice(2));
} catch (error) {
	process.stderr.write(`${(error as Error).message}\n${usage}\n`);
	process.exit(2);
}
process.exitCode = await runReviewRemindersCommand(args, process.env, { log: workflowLog() });
