import { createRequire } from 'node:module';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	DraftReportSchema,
	ReceivedDraftReportSchema,
	draftStatuses,
	emptyReport,
	type DraftReport,
} from '../../src/contract/draft-report.ts';
import { IssueEventError, readIssueEvent } from '../../src/contract/issue-event.ts';

/** A report as an AI draft writes it: every field given. */
const full: DraftReport = {
	...emptyReport('drafted'),
	issue: 7,
	kind: 'systems',
	id: 'assistant-courrier',
	file: 'systems/assistant-courrier.mdx',
	mode: 'ai',
	fields: { name: 'form', purpose: 'ai' },
	toComplete: [
		{
			field: 'legalBasis',
			label: { fr: 'Base légale', en: 'Legal basis' },
			note: { fr: 'x', en: 'x' },
		},
	],
	prompt: { file: 'prompts/v2.md', omitted: ['example'] },
	sentText: 'text',
	sentChars: 4,
	redactions: { email: 1 },
	usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 },
	cost: { amount: 0.01, currency: 'EUR', source: 'price-table', basis: 'list price' },
	energy: { kWh: { min: 0, max: 1 }, kgCO2eq: null, source: 'estimate', basis: 'EcoLogits' },
	model: 'albert-large',
	provider: 'albert',
	calls: 1,
	durationMs: 10,
	modelDurationMs: 8,
};

describe('the draft report contract', () => {
	it('reads back, on the publishing side, every report the drafting side writes', () => {
		for (const report of [full, ...draftStatuses.map(emptyReport)]) {
			expect(DraftReportSchema.parse(report)).toEqual(report);
			expect(ReceivedDraftReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
		}
	});

	it('has one set of fields: the received view is the written one, field for field', () => {
		expect(Object.keys(ReceivedDraftReportSchema.shape).sort()).toEqual(
			Object.keys(DraftReportSchema.shape).sort(),
		);
	});

	it('reads a report with fields left out as the empty report, and keeps what it does not know', () => {
		const read = ReceivedDraftReportSchema.parse({ status: 'drafted', mode: 'ai', later: 1 });
		expect(read).toEqual({ ...emptyReport('drafted'), mode: 'ai', later: 1 });
		// The defaults are copies: one report's lists are never another's.
		read.errors.push({ field: 'x', message: { fr: 'x', en: 'x' } });
		expect(ReceivedDraftReportSchema.parse({ status: 'error' }).errors).toEqual([]);
	});

	it('leaves the values the publishing side checks itself as strings, and refuses the rest', () => {
		expect(
			ReceivedDraftReportSchema.parse({ status: 'half-drafted', kind: 'robots' }),
		).toMatchObject({
			status: 'half-drafted',
			kind: 'robots',
		});
		expect(DraftReportSchema.safeParse({ ...full, status: 'half-drafted' }).success).toBe(false);
		expect(ReceivedDraftReportSchema.safeParse({ status: 'drafted', calls: -1 }).success).toBe(
			false,
		);
	});
});

describe('the issue-event reader', () => {
	const require = createRequire(import.meta.url);
	const examples = require('@octokit/webhooks-examples') as {
		name: string;
		examples: Record<string, unknown>[];
	}[];
	const opened = examples
		.find((group) => group.name === 'issues')
		?.examples.find((example) => example.action === 'opened');

	async function read(event: unknown) {
		const dir = await mkdtemp(join(tmpdir(), 'registre-ia-event-'));
		try {
			const path = join(dir, 'event.json');
			await writeFile(path, typeof event === 'string' ? event : JSON.stringify(event));
			return await readIssueEvent(path);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	}

	it('reads GitHub’s own issues event, for both jobs', async () => {
		const event = await read(opened);
		expect(event.type).toBe('issues');
		if (event.type !== 'issues') return;
		const issue = opened?.issue as { number: number; title: string; body: string | null };
		expect(event.issue).toMatchObject({
			number: issue.number,
			title: issue.title,
			body: issue.body ?? '',
		});
		expect(event.bodyEdited).toBe(false);
	});

	it('reads a manual run’s issue number', async () => {
		expect(await read({ inputs: { issue: '12' } })).toMatchObject({
			type: 'dispatch',
			issueNumber: 12,
		});
	});

	it('says in both languages what is wrong with any other file', async () => {
		for (const event of ['{ not json', { inputs: {} }, { issue: { number: 1 } }]) {
			const error = await read(event).catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(IssueEventError);
			expect((error as IssueEventError).bilingual.fr).toBeTruthy();
		}
	});
});
