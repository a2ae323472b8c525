/**
 * The preflight with `drafting.provider: none`: every draft is made from the form, whatever the
 * AI switch, the labels or `drafting.aiFor` say, and no repository variable can turn the model
 * back on (the AI drafting step only runs when the preflight allows it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import {
	aiApprovalLabel,
	describeGateReason,
	preflight,
	readGate,
	type AiPolicy,
} from '../../src/github/preflight.ts';
import { aiDraftStepName, formDraftStepName } from '../../src/github/rate-limit.ts';
import { FakeGitHub } from './fake-github/server.ts';
import type { FakeRun } from './fake-github/state.ts';
import {
	clientFor,
	contributor,
	createWorkspace,
	issuesEvent,
	repositoryOf,
	systemFormLabel,
	type Workspace,
} from './helpers.ts';

const now = new Date('2025-06-02T10:00:00Z');
const limits = { perAuthorPerHour: 3, perIssuePerDay: 4, perRepositoryPerDay: 30 };

describe('provider: none', () => {
	let fake: FakeGitHub;
	let workspace: Workspace;

	beforeEach(async () => {
		fake = await FakeGitHub.start({ now: () => now });
		workspace = await createWorkspace();
		fake.state.addIssue({
			number: 1,
			title: 't',
			body: 'b',
			user: contributor,
			labels: [systemFormLabel],
		});
	});

	afterEach(async () => {
		expect(fake.violations).toEqual([]);
		await fake.close();
		await workspace.remove();
	});

	/** Runs the preflight of `run` as the draft job does, with the configuration's provider. */
	async function gateOf(
		run: FakeRun,
		options: { provider?: string; aiFor?: AiPolicy; aiSwitch?: 'on' | 'off'; event?: object } = {},
	) {
		await workspace.writeEvent(options.event ?? issuesEvent('opened', { number: 1 }));
		const result = await preflight({
			client: clientFor(fake, 'read-token'),
			repository: repositoryOf(fake),
			eventPath: workspace.eventPath,
			outDir: workspace.draftDir,
			eventOut: join(workspace.dir, 'issue-event.json'),
			limits,
			...(options.provider && { provider: options.provider }),
			...(options.aiFor && { aiFor: options.aiFor }),
			aiSwitch: options.aiSwitch ?? 'on',
			run: { id: run.id, attempt: run.runAttempt },
			now,
		});
		return result.gate;
	}

	test('drafts from the form, and says why on the issue', async () => {
		const run = fake.state.addRun({ issue: 1, actor: contributor });
		const gate = await gateOf(run, { provider: 'none' });
		expect(gate).toMatchObject({ proceed: true, ai: false, formOnlyReason: 'no-provider' });
		// The publish job reads the same decision back from the draft folder.
		expect(await readGate(workspace.draftDir)).toEqual(gate);
		expect(describeGateReason(gate)).toEqual({
			fr: 'ce registre n’utilise pas d’IA : les brouillons sont faits à partir du formulaire (drafting.provider: none)',
			en: 'this registry uses no AI: drafts are made from the form (drafting.provider: none)',
		});
		// Nothing asks which earlier runs used the model: with no AI, the daily cap is moot.
		const jobLookups = fake.requests.filter((request) =>
			request.operationId?.startsWith('actions/list-jobs'),
		);
		expect(jobLookups).toEqual([]);
	});

	test('whatever the switch, the labels and drafting.aiFor say', async () => {
		const run = fake.state.addRun({ issue: 1, actor: contributor });
		const approved = issuesEvent('labeled', {
			number: 1,
			labels: [systemFormLabel, aiApprovalLabel],
			addedLabel: aiApprovalLabel,
			association: 'MEMBER',
		});
		for (const options of [
			{ aiSwitch: 'on' as const },
			{ aiSwitch: 'off' as const },
			{ aiFor: 'members' as const, event: approved },
			{ aiFor: 'label' as const, event: approved },
		]) {
			expect(await gateOf(run, { provider: 'none', ...options })).toMatchObject({
				ai: false,
				formOnlyReason: 'no-provider',
			});
		}
	});

	test('still applies the limits that count every draft, with or without AI', async () => {
		for (let index = 0; index < 3; index++) {
			fake.state.addRun({
				issue: 1,
				actor: contributor,
				conclusion: 'success',
				createdAt: new Date(now.getTime() - (10 + index) * 60_000).toISOString(),
				modelUsed: false,
			});
		}
		const run = fake.state.addRun({ issue: 1, actor: contributor });
		expect(await gateOf(run, { provider: 'none' })).toMatchObject({
			proceed: false,
			limitReason: 'author-hourly',
		});
	});

	test('a configured provider lets the same issue get an AI draft', async () => {
		const run = fake.state.addRun({ issue: 1, actor: contributor });
		expect(await gateOf(run, { provider: 'albert' })).toMatchObject({ proceed: true, ai: true });
		expect(await gateOf(run)).toMatchObject({ proceed: true, ai: true });
	});
});

describe('the AI_PROVIDER repository variable', () => {
	interface Step {
		name?: string;
		id?: string;
		if?: string;
		env?: Record<string, string>;
	}
	const workflow = parse(
		readFileSync(join(import.meta.dirname, '../../.github/workflows/ai-draft.yml'), 'utf8'),
	) as { jobs: { draft: { steps: Step[] } } };
	const steps = workflow.jobs.draft.steps;

	test('never reaches the preflight, which decides from the configuration alone', () => {
		const preflightStep = steps.find((step) => step.id === 'preflight');
		expect(preflightStep?.env ?? {}).not.toHaveProperty('AI_PROVIDER');
	});

	test('only reaches the AI step, which runs when the preflight allowed the AI', () => {
		const withProvider = steps.filter((step) => step.env && 'AI_PROVIDER' in step.env);
		expect(withProvider.map((step) => step.name)).toEqual([aiDraftStepName]);
		expect(withProvider[0]?.if).toMatch(/steps\.preflight\.outputs\.ai == 'on'/);
		const formStep = steps.find((step) => step.name === formDraftStepName);
		expect(formStep?.if).toMatch(/steps\.preflight\.outputs\.ai != 'on'/);
		expect(formStep?.env).toMatchObject({ AI_DRAFTS: 'off' });
	});
});
