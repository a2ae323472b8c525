/**
 * Shared helpers for the GitHub-side tests: real webhook payloads from
 * `@octokit/webhooks-examples` adapted to an issue, draft folders as the drafting command writes
 * them, and a workspace in a temporary folder.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { draft } from '../../src/drafting/draft.ts';
import type { DraftingEnv } from '../../src/drafting/settings.ts';
import { publishDraft } from '../../src/github/publish.ts';
import { createRestClient, type ClientPacing } from '../../src/github/rest-client.ts';
import type { FakeGitHub } from './fake-github/server.ts';
import type { FakeUser } from './fake-github/state.ts';

const require = createRequire(import.meta.url);

interface WebhookExamples {
	name: string;
	examples: Record<string, unknown>[];
}

const webhookExamples = require('@octokit/webhooks-examples') as WebhookExamples[];

/** A contributor who opens issues. */
export const contributor: FakeUser = { login: 'camille-dupont', id: 5001, type: 'User' };

/** The label of the "declare an AI system" form. */
export const systemFormLabel = 'registry: system';

/** The issue fields a test sets. */
export interface IssueFixture {
	number: number;
	title?: string;
	body?: string;
	user?: FakeUser;
	labels?: string[];
	/** The author's `author_association`; `NONE` (a passer-by) unless set. */
	association?: string;
	/** For a `labeled` event: the label just added. */
	addedLabel?: string;
	/** Who sent the event; the issue's author unless set. */
	sender?: FakeUser;
	/** For an `edited` event: the text before the edit (`changes.body.from`). */
	bodyFrom?: string;
}

/** GitHub's own example of an `issues` event of this action, turned into one about `issue`. */
export function issuesEvent(
	action: 'opened' | 'edited' | 'labeled',
	issue: IssueFixture,
	repository = 'clairval/registre-ia',
): Record<string, unknown> {
	const group = webhookExamples.find((event) => event.name === 'issues');
	const example = group?.examples.find(
		(candidate) =>
			candidate.action === action &&
			typeof (candidate.issue as { body?: unknown } | undefined)?.body === 'string',
	);
	if (!example) throw new Error(`no issues.${action} example in @octokit/webhooks-examples`);
	const event = structuredClone(example) as {
		issue: Record<string, unknown>;
		repository: Record<string, unknown>;
	};
	const user = issue.user ?? contributor;
	const [owner, name] = repository.split('/');
	Object.assign(event.issue, {
		number: issue.number,
		title: issue.title ?? '[Système d’IA / AI system] Assistant courrier',
		body: issue.body ?? '### Nom\n\nAssistant courrier',
		html_url: `https://github.com/${repository}/issues/${issue.number}`,
		user: { ...(event.issue.user as object), login: user.login, id: user.id, type: user.type },
		author_association: issue.association ?? 'NONE',
		labels: (issue.labels ?? [systemFormLabel]).map((label, index) => ({
			id: index + 1,
			node_id: `L_${index}`,
			url: `https://api.github.com/repos/${repository}/labels/${encodeURIComponent(label)}`,
			name: label,
			color: 'ededed',
			default: false,
			description: null,
		})),
	});
	Object.assign(event, {
		sender: {
			...(event as { sender?: object }).sender,
			login: (issue.sender ?? user).login,
			id: (issue.sender ?? user).id,
			type: (issue.sender ?? user).type,
		},
	});
	if (issue.bodyFrom !== undefined) {
		Object.assign(event, { changes: { body: { from: issue.bodyFrom } } });
	}
	if (issue.addedLabel !== undefined) {
		Object.assign(event, {
			label: { ...(event as { label?: object }).label, name: issue.addedLabel },
		});
	}
	Object.assign(event.repository, {
		name,
		full_name: repository,
		owner: { ...(event.repository.owner as object), login: owner },
	});
	return event;
}

/** GitHub's example `workflow_dispatch` event, with the `issue` input of ai-draft.yml. */
export function dispatchEvent(issueNumber: number): Record<string, unknown> {
	const group = webhookExamples.find((event) => event.name === 'workflow_dispatch');
	const example = structuredClone(group?.examples[0]);
	if (!example) throw new Error('no workflow_dispatch example in @octokit/webhooks-examples');
	return { ...example, inputs: { issue: String(issueNumber) } };
}

/** A registry entry file as the drafting command writes it (not checked by these tests). */
export function entryText(id: string, name: string, translation = 'machine'): string {
	return [
		'---',
		`id: ${id}`,
		`name: ${name}`,
		'summary:',
		`  fr: ${name}, un système qui trie le courrier.`,
		`  en: ${name}, a system that sorts mail.`,
		'language:',
		'  original: fr',
		`  translation: ${translation}`,
		'---',
		'',
	].join('\n');
}

/** The report fields a test may set; the rest take the values of a typical AI draft. */
export interface DraftFixture {
	status?: string;
	issue?: number | null;
	kind?: string;
	id?: string;
	content?: string;
	mode?: 'ai' | 'form-only';
	extra?: Record<string, unknown>;
}

/** Writes a draft folder (`draft-report.json` and the entry) as `npm run draft` does. */
export async function writeDraft(dir: string, fixture: DraftFixture): Promise<void> {
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true });
	const status = fixture.status ?? 'drafted';
	const kind = fixture.kind ?? 'systems';
	const id = fixture.id ?? 'assistant-courrier';
	const mode = fixture.mode ?? 'ai';
	const report = {
		status,
		issue: fixture.issue === undefined ? null : fixture.issue,
		kind: status === 'drafted' ? kind : null,
		id: status === 'drafted' ? id : null,
		file: status === 'drafted' ? `${kind}/${id}.mdx` : null,
		mode: status === 'drafted' ? mode : null,
		formOnlyReason: null,
		fields:
			mode === 'ai'
				? { name: 'form', summary: 'form', purpose: 'ai', risks: 'ai', language: 'ai' }
				: { name: 'form', summary: 'form' },
		sentText:
			mode === 'ai'
				? 'Rédige une fiche.\n\n### Nom\n\nAssistant courrier\n\n```\n@someone\n```'
				: null,
		sentChars: 80,
		redactions: mode === 'ai' ? { email: 1 } : {},
		usage: mode === 'ai' ? { promptTokens: 1800, completionTokens: 650, totalTokens: 2450 } : null,
		cost:
			mode === 'ai'
				? {
						amount: 0.0021,
						currency: 'EUR',
						source: 'price-table',
						basis: 'albert-large list price',
					}
				: null,
		energy:
			mode === 'ai'
				? {
						kWh: { min: 0.0004, max: 0.0012 },
						kgCO2eq: { min: 0.00002, max: 0.00006 },
						source: 'provider',
						basis: 'EcoLogits',
					}
				: null,
		model: mode === 'ai' ? 'albert-large' : null,
		provider: mode === 'ai' ? 'albert' : null,
		calls: mode === 'ai' ? 1 : 0,
		durationMs: 4200,
		modelDurationMs: mode === 'ai' ? 3900 : 0,
		errors: [],
		...fixture.extra,
	};
	await writeFile(join(dir, 'draft-report.json'), JSON.stringify(report, null, '\t'));
	if (status === 'drafted' && fixture.content !== undefined) {
		await mkdir(join(dir, kind), { recursive: true });
		await writeFile(join(dir, kind, `${id}.mdx`), fixture.content);
	} else if (status === 'drafted' && /^[a-z0-9][a-z0-9.-]{0,63}$/.test(id)) {
		await mkdir(join(dir, kind), { recursive: true });
		await writeFile(join(dir, kind, `${id}.mdx`), entryText(id, 'Assistant courrier'));
	}
}

/** A temporary folder with room for an event file, a draft folder and a registry. */
export interface Workspace {
	dir: string;
	eventPath: string;
	draftDir: string;
	registryDir: string;
	writeEvent(event: object): Promise<void>;
	remove(): Promise<void>;
}

/** Creates a workspace with an empty registry (`systems/`, `models/`). */
export async function createWorkspace(): Promise<Workspace> {
	const dir = await mkdtemp(join(tmpdir(), 'registre-ia-github-'));
	const registryDir = join(dir, 'registry');
	await mkdir(join(registryDir, 'systems'), { recursive: true });
	await mkdir(join(registryDir, 'models'), { recursive: true });
	const eventPath = join(dir, 'event.json');
	return {
		dir,
		eventPath,
		draftDir: join(dir, 'draft'),
		registryDir,
		writeEvent: (event) => writeFile(eventPath, JSON.stringify(event)),
		remove: () => rm(dir, { recursive: true, force: true }),
	};
}

/**
 * The pacing of the tests: the fake has no secondary limits to respect, so no pause between
 * writes, and each second GitHub would have the client wait lasts a millisecond.
 */
export const testPacing: ClientPacing = { writeMs: 0, notificationMs: 0, unitMs: 1 };

/**
 * The real Octokit client, pointed at the fake, sending each request once and at once: the
 * retries and throttling are checked by rest-client.test.ts and the commands' tests, and their
 * scheduler costs about 12 ms a request, which would add up over these tests.
 */
export function clientFor(fake: FakeGitHub, token = 'write-token') {
	return createRestClient({ token, baseUrl: fake.url, pacing: 'none' });
}

/** The fake's repository, as `GITHUB_REPOSITORY` names it. */
export function repositoryOf(fake: FakeGitHub) {
	return { owner: fake.state.owner, repo: fake.state.repo };
}

/**
 * The workflow's two jobs on one issue event against the fake: the drafting command writes its
 * folder, then the publishing job reads it and writes to GitHub.
 */
export async function draftThenPublish(
	fake: FakeGitHub,
	run: { eventPath: string; registryDir: string; outDir: string; env: DraftingEnv; runKey: string },
) {
	const { eventPath, registryDir, outDir, env, runKey } = run;
	const drafted = await draft({ eventPath, registryDir, outDir, env });
	const published = await publishDraft({
		client: clientFor(fake),
		repository: repositoryOf(fake),
		eventPath,
		draftDir: outDir,
		registryDir,
		runKey,
		settleDelaysMs: [1, 1, 1],
	});
	return { drafted, published };
}
