/**
 * The deploy workflow publishes the branch `repository.branch` names, at the address GitHub Pages
 * gives: its steps' scripts run here as GitHub would run them (actionlint is run on it with the
 * other workflows, in workflows.test.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

interface Step {
	name?: string;
	id?: string;
	uses?: string;
	if?: string;
	run?: string;
	env?: Record<string, string>;
	with?: Record<string, unknown>;
}

interface Job {
	needs?: string;
	if?: string;
	permissions?: Record<string, string>;
	outputs?: Record<string, string>;
	steps: Step[];
}

const root = join(import.meta.dirname, '..', '..');
const workflow = parse(readFileSync(join(root, '.github/workflows/deploy.yml'), 'utf8')) as {
	on: { push?: Record<string, string[]>; workflow_dispatch?: unknown };
	concurrency: { group: string; 'cancel-in-progress': boolean };
	jobs: { target: Job; build: Job; deploy: Job };
};
const { target, build, deploy } = workflow.jobs;
const step = (job: Job, id: string) => {
	const found = job.steps.find((candidate) => candidate.id === id || candidate.name === id);
	if (!found) throw new Error(`no step ${id}`);
	return found;
};

/**
 * A stand-in for mikefarah/yq, which GitHub's Ubuntu runners carry: it answers the one query
 * the workflow makes, with the kit's own YAML parser.
 */
function fakeYq(dir: string): void {
	const script = join(dir, 'yq-query.mjs');
	writeFileSync(
		script,
		`import { readFileSync } from 'node:fs';
import { parse } from ${JSON.stringify(import.meta.resolve('yaml'))};
const [query, file] = process.argv.slice(2);
if (query !== '.repository.branch // "main"') throw new Error('unexpected query ' + query);
console.log(parse(readFileSync(file, 'utf8'))?.repository?.branch ?? 'main');
`,
	);
	writeFileSync(join(dir, 'yq'), `#!/bin/sh\nexec "${process.execPath}" "${script}" "$@"\n`);
	chmodSync(join(dir, 'yq'), 0o755);
}

/** Runs the branch step in a folder holding `config`, for a run on `branch`. */
function runBranchStep(config: string, branch: string): { outputs: string; stdout: string } {
	const dir = mkdtempSync(join(tmpdir(), 'deploy-'));
	fakeYq(dir);
	writeFileSync(join(dir, 'registre.config.yml'), config);
	const output = join(dir, 'output');
	writeFileSync(output, '');
	const stdout = execFileSync('bash', ['-e', '-c', step(target, 'branch').run ?? ''], {
		cwd: dir,
		env: {
			PATH: `${dir}${delimiter}${process.env.PATH ?? ''}`,
			GITHUB_REF_NAME: branch,
			GITHUB_OUTPUT: output,
		},
		encoding: 'utf8',
	});
	return { outputs: readFileSync(output, 'utf8'), stdout };
}

describe('deploy.yml: the branch', () => {
	test('starts on a push to any branch but the draft and Dependabot ones, or by hand', () => {
		expect(workflow.on.push).toEqual({ 'branches-ignore': ['registry/**', 'dependabot/**'] });
		expect(workflow.on).toHaveProperty('workflow_dispatch');
	});

	test('builds only from the branch repository.branch names, main when it names none', () => {
		const config = (branch?: string) =>
			`site:\n  url: https://ia.example.org\nrepository:\n  owner: x\n  name: y\n${branch ? `  branch: ${branch}\n` : ''}`;
		expect(runBranchStep(config('publication'), 'publication').outputs).toBe('publish=true\n');
		expect(runBranchStep(config(), 'main').outputs).toBe('publish=true\n');
		const other = runBranchStep(config('publication'), 'main');
		expect(other.outputs).toBe('publish=false\n');
		expect(other.stdout).toBe(
			'::notice::Not deployed: registre.config.yml publishes the branch publication (repository.branch).\n',
		);
		expect(build.needs).toBe('target');
		expect(build.if).toBe("needs.target.outputs.publish == 'true'");
		expect(deploy.needs).toBe('build');
	});

	test('reads the branch from the configuration alone, and the run’s branch from the runner', () => {
		const checkout = target.steps[0];
		expect(checkout?.uses).toMatch(/^actions\/checkout@/);
		expect(checkout?.with).toMatchObject({
			'sparse-checkout': 'registre.config.yml\nexamples/clairval/registre.config.yml\n',
			'persist-credentials': false,
		});
		expect(step(target, 'branch').run).toContain('"$GITHUB_REF_NAME"');
	});

	test('serialises deployments of the published branch, and never cancels one', () => {
		expect(workflow.concurrency).toEqual({
			group: 'pages-${{ github.ref }}',
			'cancel-in-progress': false,
		});
	});
});

describe('deploy.yml: the address', () => {
	test('asks GitHub Pages for it with actions/configure-pages v6, with a read-only token', () => {
		const pages = step(target, 'pages');
		expect(pages.uses).toBe('actions/configure-pages@45bfe0192ca1faeb007ade9deae92b16b8254a0d');
		expect(pages.if).toBe("steps.branch.outputs.publish == 'true'");
		expect(target.permissions).toEqual({ contents: 'read', pages: 'read' });
		expect(target.outputs).toMatchObject({
			origin: '${{ steps.pages.outputs.origin }}',
			'base-path': '${{ steps.pages.outputs.base_path }}',
		});
	});

	const check = build.steps.find((candidate) => candidate.env?.PAGES_ORIGIN);

	test('checks it against site.url and site.base before building', () => {
		expect(check?.env).toEqual({
			PAGES_ORIGIN: '${{ needs.target.outputs.origin }}',
			PAGES_BASE_PATH: '${{ needs.target.outputs.base-path }}',
		});
		const index = build.steps.indexOf(check as Step);
		const buildIndex = build.steps.findIndex((candidate) => candidate.run === 'npm run build');
		expect(index).toBeGreaterThan(0);
		expect(index).toBeLessThan(buildIndex);
	});

	test('its script passes when the addresses agree and fails saying what to write', () => {
		const run = (origin: string, basePath: string) =>
			spawnSync('bash', ['-e', '-c', check?.run ?? ''], {
				cwd: root,
				env: {
					PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
					PAGES_ORIGIN: origin,
					PAGES_BASE_PATH: basePath,
				},
				encoding: 'utf8',
			});
		// The sample's address, https://ia.clairval.example, at the root.
		expect(run('https://ia.clairval.example', '').status).toBe(0);
		const wrong = run('https://clairval.github.io', '/registre-ia');
		expect(wrong.status).toBe(1);
		expect(wrong.stdout).toContain(
			'write `site.url: https://clairval.github.io` and `site.base: /registre-ia`',
		);
	});
});
