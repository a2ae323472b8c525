/**
 * Review reminders against the fake GitHub, on a copy of the kit's sample registry: a first run
 * opens one issue per entry whose review is due (and the label), a second run changes nothing,
 * a later one updates what changed, and a review date that moves on closes its issue with a
 * comment. Every request is one GitHub documents.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { sampleEnv } from '../../vitest.config.ts';
import { loadSiteConfig } from '../../src/config/load.ts';
import { kinds } from '../../src/registry/kinds/index.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import { PublishError } from '../../src/github/errors.ts';
import {
	entryReviews,
	hasReviewDate,
	readReminderMarker,
	reminderMarker,
	reviewDueLabel,
	syncReviewReminders,
	type SyncOptions,
} from '../../src/github/review-reminders.ts';
import { actionsBot } from './fake-github/state.ts';
import { FakeGitHub } from './fake-github/server.ts';
import { clientFor, contributor, repositoryOf } from './helpers.ts';
import { logLines, readStepOutputs, workflowCommands } from '../scripts/workflow-commands.ts';

const repositoryRoot = join(import.meta.dirname, '..', '..');
const sampleRegistry = join(repositoryRoot, 'examples', 'clairval', 'registry');
const config = loadSiteConfig();

let fake: FakeGitHub;
/** A repository's working copy: `registry/` holds a copy of the sample's. */
let root: string;

beforeEach(async () => {
	fake = await FakeGitHub.start();
	root = await mkdtemp(join(tmpdir(), 'registre-ia-reminders-'));
	await cp(sampleRegistry, join(root, 'registry'), { recursive: true });
});

afterEach(async () => {
	expect(fake.violations).toEqual([]);
	await fake.close();
	await rm(root, { recursive: true, force: true });
});

/** One run of the workflow on `today`. */
async function run(today: string, options: Partial<SyncOptions> = {}) {
	return syncReviewReminders({
		client: clientFor(fake),
		repository: repositoryOf(fake),
		registry: await loadRegistry(join(root, 'registry')),
		config,
		today,
		root,
		...options,
	});
}

/** Rewrites a line of an entry file, as a person's commit would. */
async function edit(path: string, from: string, to: string) {
	const file = join(root, 'registry', path);
	const text = await readFile(file, 'utf8');
	expect(text).toContain(from);
	await writeFile(file, text.replace(from, to));
}

/** The reminders on the fake, by entry. */
function reminders() {
	return [...fake.state.issues.values()]
		.filter((issue) => issue.labels.includes(reviewDueLabel))
		.map((issue) => ({ ...issue, marker: readReminderMarker(issue.body) }));
}

const reminderOf = (id: string) => reminders().find((issue) => issue.marker?.id === id);

/*
 * The sample's review dates around 10 January 2027 (30 days ahead: 9 February): overdue,
 * controle-aides-entreprises (1 December) and pilotage-reseau-chaleur (31 December); upcoming,
 * clairval-repond and the processing record aides-entreprises (15 January) and
 * synthese-concertations (31 January); the next one, analyse-emotions-centre-contact, on
 * 10 February.
 */
const due = [
	'controle-aides-entreprises',
	'pilotage-reseau-chaleur',
	'clairval-repond',
	'aides-entreprises',
	'synthese-concertations',
];

describe('which entries are due', () => {
	test('the kinds with a review date, every one of their entries', async () => {
		const withDates = kinds.filter(hasReviewDate).map((kind) => kind.name);
		expect(withDates.length).toBeGreaterThan(1);
		const { reviews } = entryReviews(await loadRegistry(join(root, 'registry')), {
			today: '2027-01-10',
			root,
		});
		expect(new Set([...reviews.values()].map((review) => review.kind))).toEqual(new Set(withDates));
		const dueNow = [...reviews.values()].filter((review) => review.status !== 'later');
		expect(dueNow.map((review) => review.id).sort()).toEqual([...due].sort());
		expect(reviews.get('systems/controle-aides-entreprises')).toMatchObject({
			status: 'overdue',
			next: '2026-12-01',
			path: 'registry/systems/controle-aides-entreprises.mdx',
		});
		expect(reviews.get('systems/clairval-repond')?.status).toBe('upcoming');
		// The team: the unit and role the schema labels, in both languages.
		expect(reviews.get('systems/clairval-repond')?.team.map((part) => part.label)).toEqual([
			{ fr: 'Service', en: 'Unit' },
			{ fr: 'Fonction responsable', en: 'Accountable role' },
		]);
		expect(reviews.get('processing-records/aides-entreprises')?.team).toHaveLength(1);
	});
});

describe('syncReviewReminders', () => {
	test('opens one issue per entry due, creating the label, in both languages', async () => {
		const result = await run('2027-01-10');
		expect(result.labelCreated).toBe(true);
		expect(fake.state.labels.has(reviewDueLabel)).toBe(true);
		expect(
			reminders()
				.map((issue) => issue.marker?.id)
				.sort(),
		).toEqual([...due].sort());

		const overdue = reminderOf('controle-aides-entreprises');
		expect(overdue?.user).toEqual(actionsBot);
		expect(overdue?.title).toMatch(/^Revue en retard · Review overdue: /);
		expect(
			overdue?.body.startsWith(
				reminderMarker('systems', 'controle-aides-entreprises', '2026-12-01'),
			),
		).toBe(true);
		expect(overdue?.body).toContain('était prévue le 1er décembre 2026 : elle est en retard.');
		expect(overdue?.body).toContain('was due on 1 December 2026: it is overdue.');
		// Addressed to the entry's team, and to the maintainers, who are notified.
		expect(overdue?.body).toMatch(/- Équipe : Service : .+ · Fonction responsable : .+/);
		expect(overdue?.body).toMatch(/- Team: Unit: .+ · Accountable role: .+/);
		expect(overdue?.body).toContain(`- Registry maintainers: ${config.repository.maintainers}`);
		// The entry's page in each language, and its file to update.
		expect(overdue?.body).toContain(
			'(https://ia.clairval.example/registre/systemes/controle-aides-entreprises/)',
		);
		expect(overdue?.body).toContain(
			'(https://ia.clairval.example/en/registre/systemes/controle-aides-entreprises/)',
		);
		expect(overdue?.body).toContain(
			'[Edit the file](https://github.com/clairval/registre-ia/edit/main/registry/systems/controle-aides-entreprises.mdx)',
		);
		// The update form, with the entry filled in, turns the review done into a pull request.
		const formUrl = /\[Record the review as done\]\(([^)]+)\)/.exec(overdue?.body ?? '')?.[1] ?? '';
		const form = new URL(formUrl);
		expect(form.pathname).toBe('/clairval/registre-ia/issues/new');
		expect(Object.fromEntries(form.searchParams)).toEqual({
			template: 'entry-update.yml',
			entry: 'systems/controle-aides-entreprises',
			title: 'Review done: Consistency checks on business grant applications',
			labels: 'registry: update,lang:en',
		});
		expect(overdue?.body).toContain('[Déclarer la revue faite](');
		expect(overdue?.body).toMatch(
			/\[line \d+\]\(https:\/\/github\.com\/clairval\/registre-ia\/blob\/main\/registry\/systems\/controle-aides-entreprises\.mdx#L\d+\)/,
		);

		const upcoming = reminderOf('clairval-repond');
		expect(upcoming?.title).toMatch(/^Revue à faire · Review due: /);
		expect(upcoming?.body).toContain('est prévue le 15 janvier 2027.');
		expect(upcoming?.body).toContain('is due on 15 January 2027.');
		expect(result.actions.map(({ action }) => action.type)).toEqual(due.map(() => 'open'));
	});

	test('does nothing the second time', async () => {
		await run('2027-01-10');
		const writes = fake.writes().length;
		const again = await run('2027-01-10');
		expect(fake.writes().slice(writes)).toEqual([]);
		expect(again.labelCreated).toBe(false);
		expect(again.actions.map(({ action }) => action.type)).toEqual(due.map(() => 'unchanged'));
	});

	test('updates a reminder whose date has passed, opens the newly due one', async () => {
		await run('2027-01-10');
		const before = reminders().length;
		const result = await run('2027-01-16');
		const types = Object.fromEntries(
			result.actions.map(({ action }) => [
				'review' in action ? action.review.id : action.issue.id,
				action.type,
			]),
		);
		expect(types['clairval-repond']).toBe('update');
		expect(types['aides-entreprises']).toBe('update');
		expect(types['synthese-concertations']).toBe('unchanged');
		expect(types['analyse-emotions-centre-contact']).toBe('open');
		expect(reminders()).toHaveLength(before + 1);
		expect(reminderOf('clairval-repond')?.title).toMatch(/^Revue en retard · Review overdue: /);
	});

	test('closes a reminder with a comment once the review date moves on, reopens it later', async () => {
		await run('2027-01-10');
		const issue = reminderOf('controle-aides-entreprises');
		await edit('systems/controle-aides-entreprises.mdx', 'next: 2026-12-01', 'next: 2027-12-01');
		await edit(
			'systems/controle-aides-entreprises.mdx',
			/last: \d{4}-\d{2}-\d{2}/.exec(
				await readFile(join(root, 'registry/systems/controle-aides-entreprises.mdx'), 'utf8'),
			)?.[0] ?? 'last:',
			'last: 2027-01-08',
		);
		const result = await run('2027-01-12');
		expect(result.actions.filter(({ action }) => action.type === 'close')).toHaveLength(1);
		const closed = fake.state.issues.get(issue?.number ?? 0);
		expect(closed).toMatchObject({ state: 'closed', stateReason: 'completed' });
		const comment = fake.state.comments.find((c) => c.issue === issue?.number);
		expect(comment?.body).toContain(
			'Revue faite le 8 janvier 2027 ; la prochaine revue est prévue le 1er décembre 2027',
		);
		expect(comment?.body).toContain(
			'Reviewed on 8 January 2027; the next review is due on 1 December 2027',
		);

		// Nothing more while the date is far; the same issue reopens as it comes near.
		const writes = fake.writes().length;
		await run('2027-06-01');
		expect(
			fake
				.writes()
				.slice(writes)
				.filter((write) => write.path.includes(`/issues/${issue?.number}`)),
		).toEqual([]);
		await run('2027-11-15');
		expect(fake.state.issues.get(issue?.number ?? 0)).toMatchObject({ state: 'open' });
		expect(reminders().filter((r) => r.marker?.id === 'controle-aides-entreprises')).toHaveLength(
			1,
		);
		expect(reminderOf('controle-aides-entreprises')?.marker?.next).toBe('2027-12-01');
	});

	test('closes the reminder of an entry removed; keeps the one of an entry that fails its schema', async () => {
		await run('2027-01-10');
		await rm(join(root, 'registry/systems/pilotage-reseau-chaleur.mdx'));
		await edit('systems/clairval-repond.mdx', 'next: 2027-01-15', 'next: soon');
		const result = await run('2027-01-10');
		const byId = (id: string) =>
			result.actions.find(({ action }) => 'issue' in action && action.issue.id === id)?.action;
		expect(byId('pilotage-reseau-chaleur')).toMatchObject({
			type: 'close',
			because: { reason: 'no-date' },
		});
		expect(reminderOf('pilotage-reseau-chaleur')).toMatchObject({
			state: 'closed',
			stateReason: 'not_planned',
		});
		expect(byId('clairval-repond')?.type).toBe('kept');
		expect(reminderOf('clairval-repond')?.state).toBe('open');
	});

	test('respects a reminder closed by a person until the date changes', async () => {
		await run('2027-01-10');
		const issue = fake.state.issues.get(reminderOf('synthese-concertations')?.number ?? 0);
		if (issue) issue.state = 'closed';
		const result = await run('2027-01-20');
		expect(
			result.actions.find(
				({ action }) => 'review' in action && action.review.id === 'synthese-concertations',
			)?.action.type,
		).toBe('left-closed');
		expect(reminderOf('synthese-concertations')?.state).toBe('closed');
	});

	test('never counts a person’s issue, and closes a duplicate of its own', async () => {
		await run('2027-01-10');
		const marker = reminderOf('synthese-concertations')?.body.split('\n')[0] ?? '';
		// A person copies a reminder: the label and the marker, but not the bot.
		fake.state.addIssue({
			title: 'copy',
			body: `${marker}\nmine`,
			user: contributor,
			labels: [reviewDueLabel],
		});
		// The workflow's own second issue for an entry, as a lost race would leave it.
		const duplicate = fake.state.addIssue({
			title: 'twin',
			body: `${marker}\ntwin`,
			user: actionsBot,
			labels: [reviewDueLabel],
		});
		const result = await run('2027-01-10');
		const closes = result.actions.filter(({ action }) => action.type === 'close');
		expect(closes.map(({ number }) => number)).toEqual([duplicate.number]);
		expect(closes[0]?.action).toMatchObject({
			because: { reason: 'duplicate', of: reminderOf('synthese-concertations')?.number },
		});
		expect([...fake.state.issues.values()].find((i) => i.title === 'copy')?.state).toBe('open');
	});

	test('opens at most so many reminders a run, the others at the next', async () => {
		const first = await run('2027-01-10', { maxOpened: 2 });
		expect(reminders()).toHaveLength(2);
		expect(first.deferred).toHaveLength(due.length - 2);
		const second = await run('2027-01-10', { maxOpened: 2 });
		expect(reminders()).toHaveLength(4);
		expect(second.deferred).toHaveLength(due.length - 4);
	});

	test('keeps registry values as text in the issue: no HTML, link or mention of theirs', async () => {
		const hostile = '<img src=x onerror=alert(1)> @octocat [x](https://evil.example) #1 <!-- x -->';
		const file = 'systems/controle-aides-entreprises.mdx';
		await edit(
			file,
			'fr: Contrôle de cohérence des demandes d’aide aux entreprises',
			`fr: ${JSON.stringify(hostile)}`,
		);
		const unit = /unit:\n {4}fr: (.*)/.exec(await readFile(join(root, 'registry', file), 'utf8'));
		await edit(file, `fr: ${unit?.[1]}`, `fr: ${JSON.stringify(hostile)}`);
		await run('2027-01-10');
		const body = reminderOf('controle-aides-entreprises')?.body ?? '';
		expect(body).toContain('&lt;img src=x onerror=alert(1)&gt; @\u200doctocat');
		/** Every node of the body's Markdown, by type. */
		const types: string[] = [];
		const walk = (node: { type: string; children?: unknown[] }) => {
			types.push(node.type);
			for (const child of node.children ?? []) walk(child as { type: string });
		};
		walk(fromMarkdown(body) as Root);
		// The hidden marker is the one piece of HTML; the links are the reminder's own, four a language
		// (the entry's name only inside the form's encoded address).
		expect(types.filter((type) => type === 'html')).toHaveLength(1);
		expect(types.filter((type) => type === 'link')).toHaveLength(8);
		expect(body).not.toContain('](https://evil.example)');
		expect(body.match(/@\w/g)).toEqual(['@c', '@c']); // @clairval/registre-ia, in each language
	});

	test('names the permission to add when the token cannot write issues', async () => {
		const error = await syncReviewReminders({
			client: clientFor(fake, 'read-token'),
			repository: repositoryOf(fake),
			registry: await loadRegistry(join(root, 'registry')),
			config,
			today: '2027-01-10',
			root,
		}).then(
			() => undefined,
			(caught: unknown) => caught,
		);
		expect(error).toBeInstanceOf(PublishError);
		if (!(error instanceof PublishError)) return;
		expect(error.bilingual.en).toMatch(
			/^The token cannot create the "review-due" label\. The job of \.github\/workflows\/review-reminders\.yml needs "issues: write"/,
		);
		expect(error.bilingual.fr).toContain('« issues: write »');
	});
});

// Each test starts Node and paces its writes as on GitHub: allow for a busy machine.
describe('npm run review-reminders', { timeout: 60_000 }, () => {
	let outputFile: string;
	let summaryFile: string;

	beforeEach(async () => {
		outputFile = join(root, 'github-output');
		summaryFile = join(root, 'summary.md');
		await writeFile(outputFile, '');
		await writeFile(summaryFile, '');
	});

	/** Runs the script as the workflow does, in the repository's working copy. */
	function npmRun(...args: string[]) {
		return new Promise<{ code: number; stdout: string }>((resolve) => {
			execFile(
				process.execPath,
				[join(repositoryRoot, 'scripts', 'review-reminders.ts'), ...args],
				{
					cwd: root,
					env: {
						PATH: process.env.PATH,
						...sampleEnv,
						REGISTRY_DIR: join(root, 'registry'),
						REGISTRE_CONFIG: join(repositoryRoot, sampleEnv.REGISTRE_CONFIG),
						GITHUB_ACTIONS: 'true',
						GITHUB_TOKEN: 'write-token',
						GITHUB_REPOSITORY: 'clairval/registre-ia',
						GITHUB_API_URL: fake.url,
						GITHUB_OUTPUT: outputFile,
						GITHUB_STEP_SUMMARY: summaryFile,
					},
				},
				(error, stdout, stderr) =>
					resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: `${stdout}${stderr}` }),
			);
		});
	}

	// GitHub's pacing, as in the workflow: writes a second apart, so each run here opens one.
	test('opens what is due, says so in its outputs, summary and log, and nothing more the second time', async () => {
		// 15 December 2026, that day only: the one overdue system.
		const first = await npmRun('--today', '2026-12-15', '--days', '0');
		expect(first.code, first.stdout).toBe(0);
		expect(reminders().map((issue) => issue.marker?.id)).toEqual(['controle-aides-entreprises']);
		expect(readStepOutputs(await readFile(outputFile, 'utf8'))).toEqual({
			opened: '1',
			reopened: '0',
			updated: '0',
			closed: '0',
			deferred: '0',
		});
		const summary = await readFile(summaryFile, 'utf8');
		expect(summary).toContain('### Rappels de revue · Review reminders (2026-12-15)');
		expect(summary).toContain(
			'| `systems/controle-aides-entreprises` | `2026-12-01` | ouvert · opened |',
		);
		expect(workflowCommands(first.stdout)).toEqual([
			'::group::Review reminders (1)',
			'::endgroup::',
		]);
		expect(logLines(first.stdout)).toContain('Label "review-due" created.');

		await writeFile(outputFile, '');
		const writes = fake.writes().length;
		const second = await npmRun('--today', '2026-12-15', '--days', '0');
		expect(second.code, second.stdout).toBe(0);
		expect(fake.writes()).toHaveLength(writes);
		expect(readStepOutputs(await readFile(outputFile, 'utf8')).opened).toBe('0');
	});

	test('fails with an annotation naming the permission, and refuses a bad date', async () => {
		fake.tokens.set('write-token', 'read');
		const refused = await npmRun('--today', '2026-12-15');
		expect(refused.code).toBe(1);
		expect(workflowCommands(refused.stdout)).toEqual([
			expect.stringMatching(
				/^::error::The token cannot create the "review-due" label\. .*"issues: write"/,
			),
		]);
		expect((await npmRun('--today', 'tomorrow')).code).toBe(2);
	});
});
