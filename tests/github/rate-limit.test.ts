import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { formatDraftLog, readDraftLog, type DraftRecord } from '../../src/github/draft-log.ts';
import {
	aiApprovalLabel,
	describeGateReason,
	preflight,
	readGate,
	type AiPolicy,
} from '../../src/github/preflight.ts';
import {
	evaluateRateLimits,
	listAttemptsBefore,
	listRecentDraftRecords,
	maxRunPages,
	type DraftAttempt,
	type RateLimits,
} from '../../src/github/rate-limit.ts';
import { FakeGitHub } from './fake-github/server.ts';
import { actionsBot, type FakeRun, type FakeUser } from './fake-github/state.ts';
import {
	clientFor,
	contributor,
	createWorkspace,
	dispatchEvent,
	issuesEvent,
	repositoryOf,
	systemFormLabel,
	type Workspace,
} from './helpers.ts';

const limits: RateLimits = { perAuthorPerHour: 3, perIssuePerDay: 4, perRepositoryPerDay: 30 };
const now = new Date('2025-06-02T10:00:00Z');
const someoneElse: FakeUser = { login: 'dominique-martin', id: 5002, type: 'User' };

function minutesAgo(minutes: number): string {
	return new Date(now.getTime() - minutes * 60_000).toISOString();
}

let order = 0;
function attempt(minutes: number, overrides: Partial<DraftAttempt> = {}): DraftAttempt {
	order++;
	return {
		run: `${1000 + order}.1`,
		order,
		issue: order,
		// The author's own run unless a test says otherwise.
		author: overrides.actor ?? 'camille-dupont',
		actor: 'camille-dupont',
		at: minutesAgo(minutes),
		formOnly: false,
		...overrides,
	};
}

function record(minutes: number, overrides: Partial<DraftRecord> = {}): DraftRecord {
	return {
		issue: 1,
		author: 'camille-dupont',
		run: `run-${minutes}-${overrides.issue ?? 1}`,
		at: minutesAgo(minutes),
		mode: 'ai',
		...overrides,
	};
}

const camille = { author: 'camille-dupont', actor: 'camille-dupont', issue: 99 };

describe('evaluateRateLimits', () => {
	test('allows an AI draft below every limit', () => {
		const attempts = [attempt(10), attempt(50)];
		expect(evaluateRateLimits({ subject: camille, attempts, limits, now })).toEqual({
			allowed: true,
			ai: true,
		});
	});

	test('stops a person at the hourly limit, counting this refused attempt too', () => {
		const attempts = [attempt(50), attempt(30), attempt(10), attempt(70)];
		expect(
			evaluateRateLimits({
				subject: { ...camille, actor: 'Camille-Dupont' },
				attempts,
				limits,
				now,
			}),
		).toEqual({
			allowed: false,
			reason: 'author-hourly',
			// 50, 30 and 10 minutes ago, and now: two must leave the hour for a fourth to pass.
			retryAt: '2025-06-02T10:30:00.000Z',
			limit: 3,
		});
	});

	test('the promised retry time holds even though refused attempts count', () => {
		const attempts = [attempt(50), attempt(30), attempt(10)];
		const first = evaluateRateLimits({ subject: camille, attempts, limits, now });
		expect(first.allowed).toBe(false);
		if (first.allowed) return;
		const later = new Date(first.retryAt);
		const refused = attempt(0);
		expect(
			evaluateRateLimits({ subject: camille, attempts: [...attempts, refused], limits, now: later })
				.allowed,
		).toBe(true);
		// One second earlier it is still refused.
		expect(
			evaluateRateLimits({
				subject: camille,
				attempts: [...attempts, refused],
				limits,
				now: new Date(later.getTime() - 1000),
			}).allowed,
		).toBe(false);
	});

	test('counts form-only attempts per person too, and nobody else’s', () => {
		const attempts = [
			attempt(5, { formOnly: true }),
			attempt(6, { formOnly: true }),
			attempt(7, { actor: 'someone-else' }),
		];
		expect(evaluateRateLimits({ subject: camille, attempts, limits, now }).allowed).toBe(true);
		attempts.push(attempt(8, { formOnly: true }));
		expect(evaluateRateLimits({ subject: camille, attempts, limits, now }).allowed).toBe(false);
	});

	test('charges the issue’s author, never a team member who started a run on it', () => {
		// A maintainer labelled or edited three of Camille's issues: Camille's hour is untouched.
		const attempts = [50, 30, 10].map((minutes) =>
			attempt(minutes, { author: 'camille-dupont', actor: 'alex-leroy' }),
		);
		expect(evaluateRateLimits({ subject: camille, attempts, limits, now }).allowed).toBe(true);
		// Nor is the maintainer's, on a fourth issue of someone else's.
		const labelled = { author: 'dominique-martin', actor: 'alex-leroy', issue: 98 };
		expect(evaluateRateLimits({ subject: labelled, attempts, limits, now }).allowed).toBe(true);
		// Camille's own three runs still stop a fourth, even one a maintainer starts for her.
		const own = [50, 30, 10].map((minutes) => attempt(minutes));
		const approved = { ...camille, actor: 'alex-leroy' };
		expect(evaluateRateLimits({ subject: camille, attempts: own, limits, now }).allowed).toBe(
			false,
		);
		expect(evaluateRateLimits({ subject: approved, attempts: own, limits, now }).allowed).toBe(
			true,
		);
	});

	test('caps the attempts of one issue per day, whoever edits it', () => {
		const attempts = [
			attempt(600, { issue: 1, actor: 'a' }),
			attempt(400, { issue: 1, actor: 'b' }),
			attempt(200, { issue: 1, actor: 'c' }),
			attempt(100, { issue: 1, actor: 'd' }),
		];
		expect(
			evaluateRateLimits({ subject: { author: 'e', actor: 'e', issue: 1 }, attempts, limits, now }),
		).toEqual({
			allowed: false,
			reason: 'issue-daily',
			retryAt: new Date(now.getTime() - 400 * 60_000 + 86_400_000).toISOString(),
			limit: 4,
		});
		expect(
			evaluateRateLimits({ subject: { author: 'e', actor: 'e', issue: 2 }, attempts, limits, now })
				.allowed,
		).toBe(true);
	});

	test('counts an attempt once even if it is listed twice', () => {
		const once = attempt(5);
		const attempts = [once, once, once];
		expect(evaluateRateLimits({ subject: camille, attempts, limits, now }).allowed).toBe(true);
	});

	test('turns the AI off for everyone past the daily cap, until a slot frees up', () => {
		const attempts = Array.from({ length: 30 }, (_, index) =>
			attempt(60 + index * 40, { actor: `author-${index}` }),
		);
		attempts.push(attempt(2, { actor: 'x', formOnly: true }));
		expect(evaluateRateLimits({ subject: camille, attempts, limits, now })).toEqual({
			allowed: true,
			ai: false,
			reason: 'daily-cap',
			// The oldest AI attempt, 60 + 29 × 40 minutes ago, leaves the 24-hour window first.
			aiAvailableAt: new Date(now.getTime() - (60 + 29 * 40) * 60_000 + 86_400_000).toISOString(),
			limit: 30,
		});
		attempts.pop();
		attempts.shift();
		expect(evaluateRateLimits({ subject: camille, attempts, limits, now })).toMatchObject({
			ai: true,
		});
	});

	test('attempts a limit refused never reached the model: they leave the daily cap alone', () => {
		const cap = { ...limits, perRepositoryPerDay: 5 };
		// Three allowed attempts, then twenty refused ones by the same person within the hour.
		const attempts = Array.from({ length: 23 }, (_, index) =>
			attempt(50 - index * 2, { actor: 'spammer' }),
		);
		expect(evaluateRateLimits({ subject: camille, attempts, limits: cap, now })).toEqual({
			allowed: true,
			ai: true,
		});
	});
});

describe('the draft log in a pull request body', () => {
	test('round-trips and keeps the last marker, not one quoted earlier in the body', () => {
		const forged = formatDraftLog([]);
		const real = formatDraftLog([record(1)]);
		expect(readDraftLog(`${real}\n${forged}`)).toEqual([]);
		expect(readDraftLog(`${forged}\ntext\n${real}\n`)).toEqual([record(1)]);
	});

	test('ignores malformed records', () => {
		const body = `<!-- registre-ia:drafts [{"issue":1,"author":"a b","run":"1","at":"x","mode":"ai"},${JSON.stringify(record(3))}] -->`;
		expect(readDraftLog(body)).toEqual([record(3)]);
		expect(readDraftLog('<!-- registre-ia:drafts [oops] -->')).toEqual([]);
	});
});

describe('counting from GitHub', () => {
	let fake: FakeGitHub;
	let workspace: Workspace;

	beforeEach(async () => {
		fake = await FakeGitHub.start({ now: () => now });
		workspace = await createWorkspace();
		for (const number of [1, 2, 3, 4, 5, 6, 7]) {
			fake.state.addIssue({
				number,
				title: 't',
				body: 'b',
				user: contributor,
				labels: [systemFormLabel],
			});
		}
	});

	afterEach(async () => {
		expect(fake.violations).toEqual([]);
		await fake.close();
		await workspace.remove();
	});

	function openPull(body: string, updatedMinutesAgo: number, user = actionsBot) {
		const pull = fake.state.addPull({
			title: 't',
			body,
			head: `h${fake.state.pulls.size}`,
			base: 'main',
			user,
		});
		pull.updatedAt = minutesAgo(updatedMinutesAgo);
		return pull;
	}

	/** Runs the preflight of `run`, as the draft job does, with a read-only token. */
	async function gateOf(
		run: FakeRun,
		issue: number,
		options: { limits?: RateLimits; aiFor?: AiPolicy; event?: object } = {},
	) {
		await workspace.writeEvent(options.event ?? issuesEvent('edited', { number: issue }));
		const result = await preflight({
			client: clientFor(fake, 'read-token'),
			repository: repositoryOf(fake),
			eventPath: workspace.eventPath,
			outDir: workspace.draftDir,
			eventOut: join(workspace.dir, 'issue-event.json'),
			limits: options.limits ?? limits,
			...(options.aiFor && { aiFor: options.aiFor }),
			aiSwitch: 'on',
			run: { id: run.id, attempt: run.runAttempt },
			now,
		});
		return result.gate;
	}

	test('reads the records of recently updated bot pull requests, page after page', async () => {
		openPull(formatDraftLog([record(5)]), 5);
		// Opened by a person: its records are not trusted.
		openPull(formatDraftLog([record(6, { issue: 7 })]), 6, contributor);
		for (let index = 0; index < 120; index++) openPull('no draft here', 30 + index);
		openPull(formatDraftLog([record(20, { issue: 2 })]), 200);
		// Updated more than two days ago: the listing stops before its page.
		openPull(formatDraftLog([record(2000, { issue: 3 })]), 3000);
		for (let index = 0; index < 100; index++) openPull('old', 3100 + index);

		const records = await listRecentDraftRecords(
			clientFor(fake, 'read-token'),
			repositoryOf(fake),
			now,
		);

		expect(records.map((r) => r.issue).sort()).toEqual([1, 2]);
		const pages = fake.requests.filter((request) => request.operationId === 'pulls/list');
		expect(pages).toHaveLength(2);
		expect(pages[0]?.path).toContain('sort=updated');
	});

	test('N quick runs by one person on N issues: the fourth is refused, failed runs included', async () => {
		// Three runs that failed before publishing anything: no pull request, no draft log.
		for (const issue of [1, 2, 3]) {
			fake.state.addRun({
				issue,
				actor: contributor,
				status: 'completed',
				conclusion: 'failure',
				createdAt: minutesAgo(40 - issue),
			});
		}
		const fourth = fake.state.addRun({ issue: 4, actor: contributor });

		const gate = await gateOf(fourth, 4);

		expect(gate).toMatchObject({
			issue: 4,
			proceed: false,
			ai: false,
			limitReason: 'author-hourly',
			retryAt: new Date(now.getTime() - 38 * 60_000 + 3_600_000).toISOString(),
			limit: 3,
		});
		expect(await readGate(workspace.draftDir)).toEqual(gate);
		// Read-only: the draft job's token writes nothing.
		expect(fake.requests.every((request) => request.method === 'GET')).toBe(true);
	});

	test('lists runs newest first and stops at the first one older than two days', async () => {
		for (let index = 0; index < 150; index++) {
			fake.state.addRun({
				issue: 1,
				actor: someoneElse,
				status: 'completed',
				conclusion: 'success',
				createdAt: minutesAgo(3 * 24 * 60 + index),
			});
		}
		for (let index = 0; index < 120; index++) {
			fake.state.addRun({
				issue: 2,
				actor: someoneElse,
				status: 'completed',
				conclusion: 'skipped',
				createdAt: minutesAgo(30),
			});
		}
		const run = fake.state.addRun({ issue: 3, actor: contributor });
		expect(await gateOf(run, 3)).toMatchObject({ proceed: true, ai: true });
		const pages = fake.requests.filter((r) => r.operationId === 'actions/list-workflow-runs');
		expect(pages).toHaveLength(2);
	});

	test('a flood of skipped runs is read up to a bound, then the AI cap counts as reached', async () => {
		// Title-only edits: every one is a run, skipped by the drafting job's `if:`.
		for (let index = 0; index < 1050; index++) {
			fake.state.addRun({
				issue: 2,
				actor: someoneElse,
				status: 'completed',
				conclusion: 'skipped',
				createdAt: minutesAgo(600 - index / 2),
			});
		}
		const run = fake.state.addRun({ issue: 3, actor: contributor });
		const gate = await gateOf(run, 3);

		expect(gate).toMatchObject({ proceed: true, ai: false, formOnlyReason: 'runs-uncounted' });
		const pages = fake.requests.filter((r) => r.operationId === 'actions/list-workflow-runs');
		expect(pages).toHaveLength(maxRunPages);
		expect(describeGateReason(gate)?.en).toContain('too often in the last two days');
	});

	test('edits of one issue by different people are capped per issue', async () => {
		const people = [contributor, someoneElse, contributor, someoneElse];
		for (const [index, actor] of people.entries()) {
			fake.state.addRun({
				issue: 1,
				actor,
				status: 'completed',
				conclusion: 'success',
				createdAt: minutesAgo(300 - index * 60),
			});
		}
		const fifth = fake.state.addRun({ issue: 1, actor: { ...someoneElse, login: 'third' } });
		expect(await gateOf(fifth, 1)).toMatchObject({
			proceed: false,
			limitReason: 'issue-daily',
			limit: 4,
		});
	});

	test('two runs created in the same second are ordered by their run number', async () => {
		const second = minutesAgo(1);
		fake.state.addRun({ issue: 1, actor: contributor, createdAt: minutesAgo(20) });
		fake.state.addRun({ issue: 2, actor: contributor, createdAt: minutesAgo(10) });
		const third = fake.state.addRun({ issue: 3, actor: contributor, createdAt: second });
		const fourth = fake.state.addRun({ issue: 4, actor: contributor, createdAt: second });

		// Both are in progress; whichever preflight runs first, only the third passes.
		expect(await gateOf(fourth, 4)).toMatchObject({ proceed: false, limitReason: 'author-hourly' });
		expect(await gateOf(third, 3)).toMatchObject({ proceed: true, ai: true });
	});

	test('runs GitHub skipped count for nothing; re-runs count once per attempt', async () => {
		for (const issue of [1, 2]) {
			fake.state.addRun({
				issue,
				actor: contributor,
				status: 'completed',
				conclusion: 'skipped',
				createdAt: minutesAgo(30),
			});
		}
		const rerun = fake.state.addRun({
			issue: 3,
			actor: contributor,
			status: 'completed',
			conclusion: 'failure',
			runAttempt: 2,
			createdAt: minutesAgo(20),
		});
		const next = fake.state.addRun({ issue: 4, actor: contributor });
		expect(await gateOf(next, 4)).toMatchObject({ proceed: true, ai: true });

		// A third attempt of the failed run: its two earlier attempts and the run before count.
		rerun.runAttempt = 3;
		const { attempts } = await listAttemptsBefore(
			clientFor(fake, 'read-token'),
			repositoryOf(fake),
			{ id: rerun.id, attempt: 3 },
			now,
		);
		expect(attempts.map((a) => a.run).sort()).toEqual([`${rerun.id}.1`, `${rerun.id}.2`]);
		expect(await gateOf(fake.state.addRun({ issue: 5, actor: contributor }), 5)).toMatchObject({
			proceed: false,
		});
	});

	test('a foreign run name counts for no author and no issue', async () => {
		const foreign = fake.state.addRun({ issue: 1, actor: contributor, createdAt: minutesAgo(5) });
		foreign.displayTitle = 'AI draft · issue #1 and more';
		const { attempts } = await listAttemptsBefore(
			clientFor(fake, 'read-token'),
			repositoryOf(fake),
			{ id: fake.state.addRun({ issue: 2, actor: contributor }).id, attempt: 1 },
			now,
		);
		expect(attempts).toEqual([
			expect.objectContaining({ issue: undefined, author: undefined, actor: contributor.login }),
		]);
	});

	test('a maintainer who approves issues by several people is not stopped by the hourly limit', async () => {
		const maintainer: FakeUser = { login: 'alex-leroy', id: 6001, type: 'User' };
		for (const issue of [1, 2, 3]) {
			fake.state.addRun({
				issue,
				actor: maintainer,
				status: 'completed',
				conclusion: 'success',
				createdAt: minutesAgo(40 - issue),
			});
		}
		const fourth = fake.state.addRun({ issue: 4, actor: maintainer });
		const event = issuesEvent('labeled', { number: 4, addedLabel: aiApprovalLabel });
		expect(await gateOf(fourth, 4, { event })).toMatchObject({ proceed: true, ai: true });
		// The run names carry the issue's author, which the limit counts by.
		expect(fourth.displayTitle).toBe(`AI draft · issue #4 by @${contributor.login}`);
		const { attempts } = await listAttemptsBefore(
			clientFor(fake, 'read-token'),
			repositoryOf(fake),
			{ id: fourth.id, attempt: 1 },
			now,
		);
		expect(attempts.map((listed) => [listed.author, listed.actor])).toEqual(
			[1, 2, 3].map(() => [contributor.login, maintainer.login]),
		);
	});

	test('the daily cap counts AI attempts: the draft log marks form-only ones', async () => {
		const cap = { ...limits, perRepositoryPerDay: 2 };
		const first = fake.state.addRun({
			issue: 1,
			actor: someoneElse,
			status: 'completed',
			conclusion: 'success',
			createdAt: minutesAgo(100),
		});
		fake.state.addRun({
			issue: 2,
			actor: someoneElse,
			status: 'completed',
			conclusion: 'failure',
			createdAt: minutesAgo(90),
		});
		const third = fake.state.addRun({ issue: 3, actor: contributor });
		expect(await gateOf(third, 3, { limits: cap })).toMatchObject({
			proceed: true,
			ai: false,
			formOnlyReason: 'daily-cap',
			aiAvailableAt: new Date(now.getTime() - 100 * 60_000 + 86_400_000).toISOString(),
		});

		// The first run's pull request says it drafted from the form alone: one slot is free.
		openPull(
			formatDraftLog([
				record(99, { run: `${first.id}.1`, mode: 'form-only', author: someoneElse.login }),
			]),
			99,
		);
		expect(await gateOf(third, 3, { limits: cap })).toMatchObject({ proceed: true, ai: true });
	});

	test('form-only failures leave the AI cap alone: GitHub shows their AI step skipped', async () => {
		const cap = { ...limits, perRepositoryPerDay: 2 };
		// An outsider's invalid forms with `aiFor: members`: no pull request, so no draft log.
		for (const issue of [1, 2, 5, 6]) {
			fake.state.addRun({
				issue,
				actor: contributor,
				status: 'completed',
				conclusion: 'success',
				createdAt: minutesAgo(300 - issue * 10),
				modelUsed: false,
			});
		}
		// One AI attempt, and one still in the preflight: its decision is unknown, so it counts.
		fake.state.addRun({ issue: 3, actor: someoneElse, modelUsed: true, createdAt: minutesAgo(9) });
		const member = issuesEvent('opened', { number: 4, association: 'MEMBER' });
		const pending = fake.state.addRun({ issue: 7, actor: someoneElse, createdAt: minutesAgo(2) });
		const run = fake.state.addRun({ issue: 4, actor: someoneElse });
		expect(await gateOf(run, 4, { limits: cap, aiFor: 'members', event: member })).toMatchObject({
			proceed: true,
			ai: false,
			formOnlyReason: 'daily-cap',
		});
		// Read newest first, and only until the answer is known: two AI attempts reach the cap.
		const read = () =>
			fake.requests
				.filter((r) => r.operationId === 'actions/list-jobs-for-workflow-run-attempt')
				.map((r) => Number(/runs\/(\d+)\//.exec(r.path)?.[1]));
		expect(read()).toEqual([pending.id, pending.id - 1]);

		// Once that run turns out form-only, a slot is free.
		pending.modelUsed = false;
		fake.requests.length = 0;
		expect(await gateOf(run, 4, { limits: cap, aiFor: 'members', event: member })).toMatchObject({
			proceed: true,
			ai: true,
		});
		expect(read()).toHaveLength(6);
	});

	test('the jobs are not read when the AI is off for this issue anyway, or far from the cap', async () => {
		fake.state.addRun({ issue: 1, actor: contributor, createdAt: minutesAgo(30) });
		const run = fake.state.addRun({ issue: 2, actor: contributor });
		const outsider = issuesEvent('opened', { number: 2, association: 'NONE' });
		await gateOf(run, 2, { aiFor: 'members', event: outsider });
		await gateOf(run, 2);
		expect(
			fake.requests.filter((r) => r.operationId === 'actions/list-jobs-for-workflow-run-attempt'),
		).toEqual([]);
	});

	test('members only: an outsider’s issue is drafted from the form, a member’s with AI', async () => {
		const run = fake.state.addRun({ issue: 1, actor: contributor });
		const outsider = issuesEvent('opened', { number: 1, association: 'NONE' });
		expect(await gateOf(run, 1, { aiFor: 'members', event: outsider })).toMatchObject({
			proceed: true,
			ai: false,
			formOnlyReason: 'members-only',
		});
		for (const association of ['OWNER', 'MEMBER', 'COLLABORATOR']) {
			const member = issuesEvent('opened', { number: 1, association });
			expect(await gateOf(run, 1, { aiFor: 'members', event: member })).toMatchObject({
				ai: true,
			});
		}
		const contributorEvent = issuesEvent('opened', { number: 1, association: 'CONTRIBUTOR' });
		expect(await gateOf(run, 1, { aiFor: 'members', event: contributorEvent })).toMatchObject({
			ai: false,
		});
	});

	test('label mode: form-only until a maintainer adds the approval label', async () => {
		const run = fake.state.addRun({ issue: 1, actor: contributor });
		const opened = issuesEvent('opened', { number: 1, association: 'MEMBER' });
		expect(await gateOf(run, 1, { aiFor: 'label', event: opened })).toMatchObject({
			ai: false,
			formOnlyReason: 'awaiting-label',
		});
		const labelled = issuesEvent('labeled', {
			number: 1,
			labels: [systemFormLabel, aiApprovalLabel],
			addedLabel: aiApprovalLabel,
		});
		expect(await gateOf(run, 1, { aiFor: 'label', event: labelled })).toMatchObject({
			ai: true,
		});
	});

	test('label mode: the author’s edit of the text takes the approval back, a maintainer’s does not', async () => {
		const run = fake.state.addRun({ issue: 1, actor: contributor });
		const labels = [systemFormLabel, aiApprovalLabel];
		const edited = (sender?: FakeUser) =>
			issuesEvent('edited', {
				number: 1,
				labels,
				bodyFrom: '### Nom\n\nAssistant',
				...(sender && { sender }),
			});
		expect(await gateOf(run, 1, { aiFor: 'label', event: edited() })).toMatchObject({
			proceed: true,
			ai: false,
			formOnlyReason: 'approval-withdrawn',
		});
		const maintainer: FakeUser = { login: 'alex-leroy', id: 6001, type: 'User' };
		expect(await gateOf(run, 1, { aiFor: 'label', event: edited(maintainer) })).toMatchObject({
			ai: true,
		});
		// A title-only edit, or a member's own edit, keeps it too.
		const titleOnly = issuesEvent('edited', { number: 1, labels });
		expect(await gateOf(run, 1, { aiFor: 'label', event: titleOnly })).toMatchObject({ ai: true });
		const member = issuesEvent('edited', {
			number: 1,
			labels,
			bodyFrom: 'x',
			association: 'MEMBER',
		});
		expect(await gateOf(run, 1, { aiFor: 'label', event: member })).toMatchObject({ ai: true });
		// Outside label mode the label means nothing, and nothing is taken back.
		expect(await gateOf(run, 1, { event: edited() })).toMatchObject({ ai: true });
	});

	test('the preflight keeps the model off with the switch or the label', async () => {
		const run = fake.state.addRun({ issue: 1, actor: contributor });
		await workspace.writeEvent(issuesEvent('opened', { number: 1 }));
		const gate = async (event: object, aiSwitch: 'on' | 'off') => {
			await workspace.writeEvent(event);
			return (
				await preflight({
					client: clientFor(fake, 'read-token'),
					repository: repositoryOf(fake),
					eventPath: workspace.eventPath,
					outDir: workspace.draftDir,
					eventOut: join(workspace.dir, 'issue-event.json'),
					limits,
					aiSwitch,
					run: { id: run.id, attempt: 1 },
					now,
				})
			).gate;
		};
		const plain = issuesEvent('opened', { number: 1 });
		expect(await gate(plain, 'on')).toMatchObject({ proceed: true, ai: true });
		expect(await gate(plain, 'off')).toMatchObject({ ai: false, formOnlyReason: 'switched-off' });
		const labelled = issuesEvent('labeled', {
			number: 1,
			labels: [systemFormLabel, 'no-ai-draft'],
		});
		expect(await gate(labelled, 'on')).toMatchObject({ ai: false, formOnlyReason: 'no-ai-label' });
	});

	test('a manual run fetches the issue and writes it as an issue event for the drafting', async () => {
		fake.state.addIssue({
			number: 8,
			title: 'Assistant',
			body: '### Nom\n\nAssistant',
			user: contributor,
			labels: [systemFormLabel],
		});
		const run = fake.state.addRun({ issue: 8, actor: contributor, event: 'workflow_dispatch' });
		await workspace.writeEvent(dispatchEvent(8));
		const eventOut = join(workspace.dir, 'issue-event.json');
		const result = await preflight({
			client: clientFor(fake, 'read-token'),
			repository: repositoryOf(fake),
			eventPath: workspace.eventPath,
			outDir: workspace.draftDir,
			eventOut,
			limits,
			aiSwitch: 'on',
			run: { id: run.id, attempt: 1 },
			now,
		});

		expect(result.eventFile).toBe(eventOut);
		const written = JSON.parse(await readFile(eventOut, 'utf8')) as {
			inputs: object;
			issue: { number: number; body: string; labels: { name: string }[] };
		};
		expect(written.inputs).toEqual({ issue: '8' });
		expect(written.issue).toMatchObject({ number: 8, body: '### Nom\n\nAssistant' });
		expect(written.issue.labels.map((label) => label.name)).toEqual([systemFormLabel]);
	});
});
