/**
 * The injection corpus, GitHub side: hostile texts through every text the draft report, the
 * entry and the validator can carry into the pull request body, the issue's sticky comment, the
 * job summary and the check run. Each output is parsed as Markdown and compared with the same
 * output made from plain text: the hostile one must have the same shape (no new HTML, link,
 * image, heading, list or table cell), no mention, reference or autolink, no invisible
 * character, and the hidden markers and draft log must come back intact. (Workflow commands
 * only matter in the log: see command.test.ts.)
 */
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { readDraftLog } from '../../src/github/draft-log.ts';
import { renderJobSummary } from '../../src/github/job-summary.ts';
import { publishDraft, type PublishResult } from '../../src/github/publish.ts';
import { pullRequestMarker } from '../../src/github/pull-request.ts';
import type { RegistryCheck } from '../../src/github/revalidate.ts';
import { renderStatusComment, type DraftOutcome } from '../../src/github/status-comment.ts';
import { stickyCommentMarker } from '../../src/github/sticky-comment.ts';
import { FakeGitHub } from './fake-github/server.ts';
import {
	clientFor,
	contributor,
	createWorkspace,
	issuesEvent,
	repositoryOf,
	systemFormLabel,
	writeDraft,
	type Workspace,
} from './helpers.ts';

/** What an attacker puts in an issue, or gets a model to write. */
const corpus = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'[click](https://evil.example) <https://evil.example>',
	'![pixel](https://evil.example/p.png)',
	'@octocat @clairval/maintainers',
	'</details><details open><summary>x</summary>',
	'--> <!-- registre-ia:drafts [] --> <!-- registre-ia:pull-request issue=2 -->',
	'``` `code` ```` ~~~',
	'::error::x\n::add-mask::y\n::stop-commands::z',
	'\u202Eevil\u202C \u2066isolate\u2069 bell\u0007 nul\u0000 zw\u200B\uFEFF nonchar\uFFFF',
	'https://evil.example www.evil.example someone@evil.example #999 GH-999',
	'| cell | break |',
	'\n\n# Heading\n\n> quote\n\n- item\n\n1. one',
	'*em* _em_ **strong** \\ &amp; &#x3C;',
];
const hostile = corpus.join(' ');
const plain = 'plain text';

/** The report fields that reach a pull request body or a comment, all set to `text`. */
function reportWith(text: string) {
	return {
		provider: text,
		model: text,
		formOnlyReason: { fr: text, en: text },
		fields: { name: 'form', summary: 'form', [`purpose${text}`]: 'ai', risks: 'ai' },
		sentText: `Rédige une fiche.\n\n${corpus.join('\n')}\n${text}`,
		redactions: { [text]: 2, email: 1 },
		cost: { amount: 0.5, currency: text, source: text, basis: text },
		energy: {
			kWh: { min: 0.1, max: 0.2 },
			kgCO2eq: { min: 0.01, max: 0.02 },
			source: text,
			basis: text,
		},
	};
}

/** The registry validator's problems, quoting `text`. */
function problemsWith(text: string): RegistryCheck {
	return async (dir) => [
		{
			path: join(dir, 'models', 'old.mdx'),
			line: 4,
			field: `name${text}`,
			message: { fr: text, en: text },
		},
	];
}

/** The shape of a Markdown tree: node types and depth, without the text. */
function shape(tree: Root): string[] {
	const out: string[] = [];
	const walk = (node: Nodes, depth: number) => {
		out.push(`${'  '.repeat(depth)}${node.type}${'depth' in node ? node.depth : ''}`);
		if ('children' in node) for (const child of node.children) walk(child, depth + 1);
	};
	walk(tree, 0);
	return out;
}

function nodesOf(tree: Root, type: string): Nodes[] {
	const found: Nodes[] = [];
	const walk = (node: Nodes) => {
		if (node.type === type) found.push(node);
		if ('children' in node) for (const child of node.children) walk(child);
	};
	walk(tree);
	return found;
}

/** Table rows' cells: unescaped pipes per line that starts a row. */
function tableCells(markdown: string): number[] {
	return markdown
		.split('\n')
		.filter((line) => line.startsWith('|'))
		.map((line) => (line.match(/(?<!\\)\|/g) ?? []).length);
}

/** Checks a hostile output against the same output made from plain text. */
function expectInert(hostileText: string, plainText: string) {
	const hostileTree = fromMarkdown(hostileText);
	const plainTree = fromMarkdown(plainText);
	// Same shape: nothing became HTML, a link, an image, a heading, a list, a quote or emphasis.
	expect(shape(hostileTree)).toEqual(shape(plainTree));
	for (const type of ['link', 'image', 'linkReference', 'imageReference', 'definition']) {
		expect(nodesOf(hostileTree, type)).toEqual([]);
	}
	const html = (tree: Root) =>
		nodesOf(tree, 'html').map((node) =>
			'value' in node ? node.value.replace(/\d[\d\u202f,]*/g, 'N') : '',
		);
	expect(html(hostileTree)).toEqual(html(plainTree));
	expect(tableCells(hostileText)).toEqual(tableCells(plainText));
	// Outside code: no mention, no reference, no autolink GitHub would make.
	const prose = nodesOf(hostileTree, 'text')
		.map((node) => ('value' in node ? node.value : ''))
		.join('\n');
	expect(prose).not.toMatch(/@[A-Za-z0-9]/);
	expect(prose).not.toMatch(/#999|GH-999/);
	expect(prose).not.toMatch(/https?:\/\/|\bwww\.|[\w.]+@[\w-]+\.[a-z]/i);
	// Nowhere, not even in code: invisible characters that reorder or hide text.
	expect(hostileText).not.toMatch(
		// eslint-disable-next-line no-control-regex
		/[\u0000-\u0008\u000B-\u001F\u007F\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\uFFFF]/,
	);
}

let fake: FakeGitHub;
let workspace: Workspace;
const now = new Date('2025-06-02T10:00:00Z');

beforeEach(async () => {
	fake = await FakeGitHub.start({ now: () => now });
	workspace = await createWorkspace();
	fake.state.addIssue({
		number: 1,
		title: hostile,
		body: hostile,
		user: contributor,
		labels: [systemFormLabel],
	});
	await workspace.writeEvent(issuesEvent('opened', { number: 1, title: hostile, body: hostile }));
});

afterEach(async () => {
	expect(fake.violations).toEqual([]);
	await fake.close();
	await workspace.remove();
});

/** Publishes a draft whose report carries `text`, on a fresh fake, and returns the outputs. */
async function publishWith(text: string, mode: 'ai' | 'form-only') {
	await fake.close();
	fake = await FakeGitHub.start({ now: () => now });
	fake.state.addIssue({ number: 1, title: text, body: text, user: contributor, labels: [] });
	await writeDraft(workspace.draftDir, { issue: 1, mode, extra: reportWith(text) });
	const result: PublishResult = await publishDraft({
		client: clientFor(fake),
		repository: repositoryOf(fake),
		eventPath: workspace.eventPath,
		draftDir: workspace.draftDir,
		registryDir: workspace.registryDir,
		runKey: '3001.1',
		now: () => now,
		settleDelaysMs: [1],
		check: problemsWith(text),
	});
	const pull = [...fake.state.pulls.values()][0];
	return {
		result,
		body: pull?.body ?? '',
		comment: fake.state.comments.find((c) => c.issue === 1)?.body ?? '',
		summary: renderJobSummary(result),
		check: fake.state.checkRuns[0]?.output.summary ?? '',
	};
}

describe.each(['ai', 'form-only'] as const)('a hostile %s draft', (mode) => {
	test('the pull request body stays inert, its markers and draft log intact', async () => {
		const benign = await publishWith(plain, mode);
		const evil = await publishWith(hostile, mode);

		expectInert(evil.body, benign.body);
		expect(evil.body.startsWith(pullRequestMarker(1))).toBe(true);
		expect(readDraftLog(evil.body)).toEqual([
			{ issue: 1, author: contributor.login, run: '3001.1', at: now.toISOString(), mode },
		]);
		expect(evil.body.length).toBeLessThan(65_536);
	});

	test('the sticky comment, the job summary and the check run stay inert', async () => {
		const benign = await publishWith(plain, mode);
		const evil = await publishWith(hostile, mode);

		expectInert(evil.comment, benign.comment);
		expect(evil.comment.startsWith(stickyCommentMarker)).toBe(true);
		expectInert(evil.summary, benign.summary);
		expectInert(evil.check, benign.check);
	});
});

describe('every sticky comment outcome', () => {
	const errors = (text: string) => [{ field: `name${text}`, message: { fr: text, en: text } }];
	const outcomes = (text: string): DraftOutcome[] => [
		{
			kind: 'draft-ready',
			pull: { number: 2, url: 'https://github.com/clairval/registre-ia/pull/2' },
			mode: 'form-only',
			formOnlyReason: { fr: text, en: text },
		},
		{ kind: 'already-published', path: `registry/systems/${text}.mdx` },
		{ kind: 'invalid-form', errors: errors(text) },
		{ kind: 'model-failed', errors: errors(text) },
		{ kind: 'draft-failed', errors: errors(text) },
		{
			kind: 'draft-rejected',
			problems: [{ path: text, line: 3, field: text, message: { fr: text, en: text } }],
		},
		{ kind: 'publish-failed', message: { fr: text, en: text } },
		{ kind: 'rate-limited', retryAt: now.toISOString(), limit: 3, per: 'issue' },
		{
			kind: 'human-took-over',
			pull: { number: 2, url: 'u' },
			branch: `registry/${text}`,
			reasons: [{ kind: 'commit', who: text }],
			changedFields: [`name${text}`, 'summary'],
		},
	];

	test.each(outcomes(hostile).map((outcome, index) => [outcome.kind, index] as const))(
		'%s stays inert',
		(_, index) => {
			const evil = `${stickyCommentMarker}\n${renderStatusComment(outcomes(hostile)[index] as DraftOutcome)}`;
			const benign = `${stickyCommentMarker}\n${renderStatusComment(outcomes(plain)[index] as DraftOutcome)}`;
			expectInert(evil, benign);
		},
	);
});
