import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { formatDraftLog, readDraftLog, type DraftRecord } from '../../src/github/draft-log.ts';
import { preflight, readGate } from '../../src/github/preflight.ts';
import { publishDraft } from '../../src/github/publish.ts';
import { evaluateRateLimits, listRecentDraftRecords } from '../../src/github/rate-limit.ts';
import { FakeGitHub } from './fake-github/server.ts';
import { actionsBot } from './fake-github/state.ts';
import {
	clientFor,
	contributor,
	createWorkspace,
	dispatchEvent,
	issuesEvent,
	repositoryOf,
	systemFormLabel,
	writeDraft,
	type Workspace,
} from './helpers.ts';

const limits = { perAuthorPerHour: 3, perRepositoryPerDay: 30 };
const now = new Date('2025-06-02T10:00:00Z');

function record(minutesAgo: number, overrides: Partial<DraftRecord> = {}): DraftRecord {
	return {
		issue: 1,
		author: 'camille-dupont',
		run: `run-${minutesAgo}-${overrides.issue ?? 1}`,
		at: new Date(now.getTime() - minutesAgo * 60_000).toISOString(),
		mode: 'ai',
		...overrides,
	};
}

describe('evaluateRateLimits', () => {
	test('allows an AI draft below both limits', () => {
		const records = [record(10), record(50)];
		expect(evaluateRateLimits({ author: 'camille-dupont', records, limits, now })).toEqual({
			allowed: true,
			ai: true,
		});
	});

	test('stops an author at the hourly limit and says when the oldest draft leaves the window', () => {
		const records = [record(50), record(30), record(10), record(70)];
		expect(evaluateRateLimits({ author: 'Camille-Dupont', records, limits, now })).toEqual({
			allowed: false,
			reason: 'author-hourly',
			retryAt: '2025-06-02T10:10:00.000Z',
			limit: 3,
		});
	});

	test('counts form-only drafts per author too, and nobody else’s', () => {
		const records = [
			record(5, { mode: 'form-only' }),
			record(6, { mode: 'form-only' }),
			record(7, { author: 'someone-else' }),
		];
		expect(evaluateRateLimits({ author: 'camille-dupont', records, limits, now }).allowed).toBe(
			true,
		);
		records.push(record(8, { mode: 'form-only' }));
		expect(evaluateRateLimits({ author: 'camille-dupont', records, limits, now }).allowed).toBe(
			false,
		);
	});

	test('counts a run once even if two pull requests list it', () => {
		const records = [record(5), record(5), record(5)];
		expect(evaluateRateLimits({ author: 'camille-dupont', records, limits, now }).allowed).toBe(
			true,
		);
	});

	test('turns the AI off for everyone past the daily cap, until a slot frees up', () => {
		const records = Array.from({ length: 30 }, (_, index) =>
			record(60 + index * 40, { author: `author-${index}`, issue: index + 1 }),
		);
		records.push(record(2, { author: 'x', mode: 'form-only', issue: 99 }));
		expect(evaluateRateLimits({ author: 'camille-dupont', records, limits, now })).toEqual({
			allowed: true,
			ai: false,
			reason: 'daily-cap',
			// The oldest AI draft, 60 + 29 × 40 minutes ago, leaves the 24-hour window first.
			aiAvailableAt: new Date(now.getTime() - (60 + 29 * 40) * 60_000 + 86_400_000).toISOString(),
			limit: 30,
		});
		records.shift();
		expect(evaluateRateLimits({ author: 'camille-dupont', records, limits, now })).toMatchObject({
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
	let clock: Date;
	let workspace: Workspace;

	beforeEach(async () => {
		clock = new Date(now);
		fake = await FakeGitHub.start({ now: () => clock });
		workspace = await createWorkspace();
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
		pull.updatedAt = new Date(now.getTime() - updatedMinutesAgo * 60_000).toISOString();
		return pull;
	}

	test('reads the records of recently updated bot pull requests, page after page', async () => {
		openPull(formatDraftLog([record(5)]), 5);
		// Opened by a person: its records are not trusted.
		openPull(formatDraftLog([record(6, { issue: 7 })]), 6, contributor);
		for (let index = 0; index < 120; index++) openPull('no draft here', 30 + index);
		openPull(formatDraftLog([record(20, { issue: 2 })]), 200);
		// Updated more than a day ago: the listing stops before its page.
		openPull(formatDraftLog([record(2000, { issue: 3 })]), 2000);
		for (let index = 0; index < 100; index++) openPull('old', 2100 + index);

		const records = await listRecentDraftRecords(
			clientFor(fake, 'read-token'),
			repositoryOf(fake),
			now,
		);

		expect(records.map((r) => r.issue).sort()).toEqual([1, 2]);
		const pages = fake.requests.filter((request) => request.operationId === 'pulls/list');
		expect(pages).toHaveLength(2);
		expect(pages[0]?.path).toContain('sort=updated');
		expect(pages[0]?.path).toContain('state=all');
	});

	test('the preflight stops a fourth draft within the hour, with a read-only token', async () => {
		fake.state.addIssue({
			number: 1,
			title: 't',
			body: 'b',
			user: contributor,
			labels: [systemFormLabel],
		});
		await workspace.writeEvent(issuesEvent('edited', { number: 1 }));
		// Three drafts published for this author in three runs.
		for (const [minutes, run] of [
			[50, '1.1'],
			[30, '2.1'],
			[15, '3.1'],
		] as const) {
			clock = new Date(now.getTime() - minutes * 60_000);
			await writeDraft(workspace.draftDir, {
				issue: 1,
				content: `---\nid: assistant-courrier\nname: v${run}\n---\n`,
			});
			await publishDraft({
				client: clientFor(fake),
				repository: repositoryOf(fake),
				eventPath: workspace.eventPath,
				draftDir: workspace.draftDir,
				registryDir: workspace.registryDir,
				runKey: run,
				now: () => clock,
				settleDelaysMs: [1],
				check: async () => [],
			});
		}
		clock = new Date(now);
		const before = fake.requests.length;
		const outDir = join(workspace.dir, 'gate');
		const result = await preflight({
			client: clientFor(fake, 'read-token'),
			repository: repositoryOf(fake),
			eventPath: workspace.eventPath,
			outDir,
			eventOut: join(workspace.dir, 'issue-event.json'),
			limits,
			aiSwitch: 'on',
			now,
		});

		expect(result.gate).toMatchObject({
			issue: 1,
			proceed: false,
			ai: false,
			retryAt: '2025-06-02T10:10:00.000Z',
			limit: 3,
		});
		expect(await readGate(outDir)).toEqual(result.gate);
		expect(fake.requests.slice(before).every((request) => request.method === 'GET')).toBe(true);
		expect(result.eventFile).toBe(workspace.eventPath);
	});

	test('the preflight keeps the model off with the switch, the label or past the cap', async () => {
		fake.state.addIssue({ number: 1, title: 't', body: 'b', user: contributor, labels: [] });
		const run = async (event: object, aiSwitch: 'on' | 'off') => {
			await workspace.writeEvent(event);
			return (
				await preflight({
					client: clientFor(fake, 'read-token'),
					repository: repositoryOf(fake),
					eventPath: workspace.eventPath,
					outDir: workspace.draftDir,
					eventOut: join(workspace.dir, 'issue-event.json'),
					limits: { perAuthorPerHour: 3, perRepositoryPerDay: 1 },
					aiSwitch,
					now,
				})
			).gate;
		};
		const plain = issuesEvent('opened', { number: 1 });
		expect(await run(plain, 'on')).toMatchObject({ proceed: true, ai: true });
		expect(await run(plain, 'off')).toMatchObject({ ai: false, formOnlyReason: 'switched-off' });
		const labelled = issuesEvent('labeled', {
			number: 1,
			labels: [systemFormLabel, 'no-ai-draft'],
		});
		expect(await run(labelled, 'on')).toMatchObject({ ai: false, formOnlyReason: 'no-ai-label' });

		openPull(formatDraftLog([record(100, { author: 'someone-else', issue: 5 })]), 100);
		expect(await run(plain, 'on')).toMatchObject({
			proceed: true,
			ai: false,
			formOnlyReason: 'daily-cap',
			aiAvailableAt: '2025-06-03T08:20:00.000Z',
		});
	});

	test('a manual run fetches the issue and writes it as an issue event for the drafting', async () => {
		fake.state.addIssue({
			number: 4,
			title: 'Assistant',
			body: '### Nom\n\nAssistant',
			user: contributor,
			labels: [systemFormLabel],
		});
		await workspace.writeEvent(dispatchEvent(4));
		const eventOut = join(workspace.dir, 'issue-event.json');
		const result = await preflight({
			client: clientFor(fake, 'read-token'),
			repository: repositoryOf(fake),
			eventPath: workspace.eventPath,
			outDir: workspace.draftDir,
			eventOut,
			limits,
			aiSwitch: 'on',
			now,
		});

		expect(result.eventFile).toBe(eventOut);
		const written = JSON.parse(await readFile(eventOut, 'utf8')) as {
			inputs: object;
			issue: { number: number; body: string; labels: { name: string }[] };
		};
		expect(written.inputs).toEqual({ issue: '4' });
		expect(written.issue).toMatchObject({ number: 4, body: '### Nom\n\nAssistant' });
		expect(written.issue.labels.map((label) => label.name)).toEqual([systemFormLabel]);
	});
});
