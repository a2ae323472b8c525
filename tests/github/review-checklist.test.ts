import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { readDraftLog, type DraftRecord } from '../../src/github/draft-log.ts';
import { changedFields } from '../../src/github/human-work.ts';
import { ReceivedDraftReportSchema } from '../../src/contract/draft-report.ts';
import type { DraftEntry } from '../../src/github/draft-report.ts';
import { codeName, fencedBlock, inlineText } from '../../src/github/markdown.ts';
import { revalidateDraft } from '../../src/github/revalidate.ts';
import {
	readTranslationState,
	renderReviewChecklist,
	type ChecklistInput,
} from '../../src/github/review-checklist.ts';
import { renderStatusComment, type DraftOutcome } from '../../src/github/status-comment.ts';
import { createWorkspace, entryText } from './helpers.ts';

const entry: DraftEntry = {
	kind: 'systems',
	id: 'assistant-courrier',
	path: 'registry/systems/assistant-courrier.mdx',
	content: entryText('assistant-courrier', 'Assistant courrier'),
	change: 'add',
};

const record: DraftRecord = {
	issue: 1,
	author: 'camille-dupont',
	run: '1.1',
	at: '2025-06-02T10:00:00.000Z',
	mode: 'ai',
};

function input(
	report: Record<string, unknown>,
	overrides: Partial<ChecklistInput> = {},
): ChecklistInput {
	return {
		issue: {
			number: 1,
			title: 't',
			url: 'u',
			author: 'camille-dupont',
			authorAssociation: 'NONE',
			labels: [],
		},
		entry,
		report: ReceivedDraftReportSchema.parse({ status: 'drafted', mode: 'ai', ...report }),
		validation: { draftProblems: [], otherProblems: [] },
		replacesExisting: false,
		records: [record],
		...overrides,
	};
}

describe('markdown helpers', () => {
	test('inline text cannot become HTML, a link, a mention or a table cell', () => {
		expect(inlineText('<img src=x onerror=alert(1)> [site](https://evil) @team | *x*')).toBe(
			'&lt;img src=x onerror=alert(1)&gt; \\[site\\](https:\u200d//evil) @\u200dteam \\| \\*x\\*',
		);
		// GitHub's autolinks and references: bare URLs, www., e-mail addresses, #12, GH-12.
		expect(inlineText('see www.evil.example, a@b.fr, #12 and GH-7 ~~gone~~')).toBe(
			'see www\u200d.evil.example, a@\u200db.fr, #\u200d12 and GH-\u200d7 \\~\\~gone\\~\\~',
		);
		// Bidirectional overrides and other invisible characters show as U+FFFD.
		expect(inlineText('a\u202Eb\u200Bc\u0007d\uFFFF')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFD');
		expect(inlineText('one\n\ntwo')).toBe('one two');
		expect(inlineText('x'.repeat(500))).toHaveLength(300);
	});

	test('code names keep only a field name’s alphabet', () => {
		expect(codeName('risks[0].mitigation')).toBe('`risks[0].mitigation`');
		expect(codeName('a`](http://evil) <b>')).toBe('`a]http//evilb`');
		expect(codeName('``')).toBe('`?`');
	});

	test('a fenced block is longer than any backtick run inside', () => {
		expect(fencedBlock('a ````` b')).toBe('``````text\na ````` b\n``````');
		expect(fencedBlock('plain\n')).toBe('```text\nplain\n```');
		expect(fencedBlock('a\u202Eb\tc\u0000')).toBe('```text\na⟦U+202E⟧b\tc⟦U+0000⟧\n```');
	});
});

describe('renderReviewChecklist', () => {
	test('the text sent to the model cannot forge the hidden markers or close its fence', () => {
		const forged = [
			'<!-- registre-ia:pull-request issue=99 -->',
			'````',
			'</details>',
			'<!-- registre-ia:drafts [] -->',
		].join('\n');
		const body = renderReviewChecklist(input({ sentText: forged }));

		expect(body.startsWith('<!-- registre-ia:pull-request issue=1 -->\n')).toBe(true);
		expect(readDraftLog(body)).toEqual([record]);
		expect(body).toContain(`\`\`\`\`\`text\n${forged}\n\`\`\`\`\``);
	});

	test('stays under GitHub’s body limit with a huge sent text', () => {
		const body = renderReviewChecklist(input({ sentText: 'x'.repeat(200_000) }));
		expect(body.length).toBeLessThan(65_536);
		expect(body).toContain('Cut here; the full text is in the workflow’s "draft" artifact.');
	});

	test('field names and reasons from the report are defused', () => {
		const body = renderReviewChecklist(
			input(
				{ mode: 'form-only', fields: { 'name](http://evil)': 'form' } },
				{ formOnlyReason: { fr: 'voir @maintainers', en: 'see @maintainers' } },
			),
		);
		expect(body).toContain('`name]http//evil`');
		expect(body).toContain('see @\u200dmaintainers');
		expect(body).not.toContain('see @maintainers');
	});

	test('flags an entry that replaces a published one, and lists validator problems', () => {
		const body = renderReviewChecklist(
			input(
				{},
				{
					replacesExisting: true,
					validation: {
						draftProblems: [],
						otherProblems: [
							{
								path: 'registry/models/old.mdx',
								line: 3,
								field: 'licence',
								message: { fr: 'licence inconnue', en: 'unknown licence' },
							},
						],
					},
				},
			),
		);
		expect(body).toContain('⚠️ remplace une fiche publiée · replaces a published entry');
		expect(body).toContain('⚠️ 1 ailleurs · elsewhere');
		expect(body).toContain(
			'- `registry/models/old.mdx` (ligne · line 3) `licence` — licence inconnue · unknown licence',
		);
	});

	test('says when nothing was sent to a model', () => {
		const body = renderReviewChecklist(input({ mode: 'form-only', usage: null, sentText: null }));
		expect(body).toContain('— (aucun appel au modèle · no model call)');
		expect(body).not.toContain('<details>');
	});
});

describe('renderReviewChecklist for a draft to complete (issue #14)', () => {
	const toComplete = [
		{
			label: { fr: 'Personnes concernées', en: 'People affected' },
			note: { fr: 'Qui est touché.', en: 'Who is affected.' },
		},
	];

	test('puts what to complete first, as boxes, in words', () => {
		const body = renderReviewChecklist(input({ mode: 'form-only' }, { toComplete }));
		expect(body).toContain('## Brouillon à compléter et relire · Draft to complete and review');
		expect(body).toContain('| **À compléter · To complete** | ⚠️ 1 champ(s), voir plus bas');
		expect(body.indexOf('### 0. À compléter')).toBeLessThan(body.indexOf('### 1. À vérifier'));
		expect(body).toContain(
			'- [ ] **Personnes concernées** — Qui est touché. · **People affected** — Who is affected.',
		);
	});

	test('says there is nothing to complete and no personal data, when so', () => {
		const body = renderReviewChecklist(input({}));
		expect(body).toContain('| **À compléter · To complete** | ✅ rien · nothing |');
		expect(body).toContain(
			'| **Données personnelles · Personal data** | ✅ aucune repérée · none found |',
		);
		expect(body).not.toContain('### 0.');
	});

	test('flags personal data with what to do, and what a person kept', () => {
		const found = {
			path: 'registry/systems/assistant-courrier.mdx',
			line: 4,
			field: 'summary',
			message: {
				fr: '« Résumé » : données personnelles (phone × 1)',
				en: '"Summary": personal data (phone × 1)',
			},
		};
		const flagged = renderReviewChecklist(input({}, { personalData: [found] }));
		expect(flagged).toContain(
			'❌ repérées dans 1 champ(s), masquées · found in 1 field(s), masked',
		);
		expect(flagged).toContain('> [!CAUTION]');
		expect(flagged).toContain('add the `personal-data-ok` label to the issue and draft again');
		const kept = renderReviewChecklist(input({}, { personalDataCleared: [found] }));
		expect(kept).toContain('### Données personnelles gardées · Personal data kept');
		expect(kept).not.toContain('[!CAUTION]');
	});

	test('shows what was sent to a model that failed, though the draft is the form’s', () => {
		const body = renderReviewChecklist(input({ mode: 'form-only', sentText: 'Rédige une fiche.' }));
		expect(body).toContain('Exact text sent to the model');
	});

	test('asks the reviewer to leave review.last to the accountable team, when the entry has review dates', () => {
		const withReview = {
			...entry,
			content: entry.content.replace('language:', 'review:\n  next: 2027-03-02\nlanguage:'),
		};
		expect(renderReviewChecklist(input({}, { entry: withReview }))).toContain(
			'`review.last` stays empty until the team accountable for the entry has reviewed it',
		);
		expect(renderReviewChecklist(input({}))).not.toContain('review.last');
	});
});

describe('readTranslationState', () => {
	test('reads the language block of the front matter', () => {
		expect(readTranslationState(entry.content)).toEqual({ original: 'fr', translation: 'machine' });
		expect(readTranslationState('---\nid: x\n---\n')).toBeUndefined();
		expect(
			readTranslationState('---\nlanguage: {original: de, translation: human}\n---'),
		).toBeUndefined();
		expect(readTranslationState('no front matter')).toBeUndefined();
	});
});

describe('renderStatusComment', () => {
	test('every outcome is told in French and in English', () => {
		const outcomes = [
			{ kind: 'draft-ready', pull: { number: 2, url: 'u' }, mode: 'ai' },
			{
				kind: 'draft-incomplete',
				pull: { number: 2, url: 'u' },
				mode: 'form-only',
				toComplete: [{ fr: 'Finalité', en: 'Purpose' }],
			},
			{ kind: 'already-published', path: 'registry/systems/x.mdx' },
			{ kind: 'invalid-form', errors: [] },
			{ kind: 'rate-limited', retryAt: '2025-06-02T10:00:00.000Z', limit: 3 },
			{ kind: 'model-failed', errors: [] },
			{ kind: 'draft-failed', errors: [] },
			{ kind: 'draft-rejected', problems: [] },
			{ kind: 'publish-failed', message: { fr: 'réglage', en: 'setting' } },
		] satisfies DraftOutcome[];
		for (const outcome of outcomes) {
			const text = renderStatusComment(outcome);
			expect(text, outcome.kind).toMatch(
				/^### .+ · .+\n\n\*\*Français\.\*\* .+\n\n\*\*English\.\*\* .+/s,
			);
		}
	});
});

describe('revalidateDraft with the registry’s own validator', () => {
	test('sorts problems into the draft’s and the others’, at their repository paths', async () => {
		const workspace = await createWorkspace();
		try {
			await cp(
				join(import.meta.dirname, '..', '..', 'vocabularies'),
				join(workspace.registryDir, 'vocabularies'),
				{
					recursive: true,
				},
			);
			await mkdir(join(workspace.registryDir, 'models'), { recursive: true });
			await writeFile(join(workspace.registryDir, 'models', 'old.mdx'), '---\nid: old\n---\n');

			const result = await revalidateDraft(entry, { registryDir: workspace.registryDir });

			expect(result.draftProblems.length).toBeGreaterThan(0);
			for (const problem of result.draftProblems) {
				expect(problem.path).toBe('registry/systems/assistant-courrier.mdx');
				expect(problem.message.fr).not.toBe('');
				expect(problem.message.en).not.toBe('');
			}
			expect(result.otherProblems.length).toBeGreaterThan(0);
			for (const problem of result.otherProblems)
				expect(problem.path).toBe('registry/models/old.mdx');
		} finally {
			await workspace.remove();
		}
	});
});

describe('revalidateDraft on what the draft says it changes', () => {
	test('refuses a new file the registry has, and an edit of an entry it does not have', async () => {
		const workspace = await createWorkspace();
		try {
			await mkdir(join(workspace.registryDir, 'models'), { recursive: true });
			await writeFile(join(workspace.registryDir, 'models', 'old.mdx'), '---\nid: old\n---\n');
			const model = (change: 'add' | 'edit', id: string): DraftEntry => ({
				kind: 'models',
				id,
				path: `registry/models/${id}.mdx`,
				content: `---\nid: ${id}\n---\n`,
				change,
			});
			const added = await revalidateDraft(entry, {
				registryDir: workspace.registryDir,
				extra: [model('add', 'old')],
			});
			expect(added.draftProblems).toEqual([
				expect.objectContaining({
					path: 'registry/models/old.mdx',
					message: expect.objectContaining({ en: expect.stringMatching(/already has/) }),
				}),
			]);
			const edited = await revalidateDraft(model('edit', 'absent'), {
				registryDir: workspace.registryDir,
			});
			expect(edited.draftProblems).toEqual([
				expect.objectContaining({
					path: 'registry/models/absent.mdx',
					message: expect.objectContaining({ fr: expect.stringMatching(/n’a pas/) }),
				}),
			]);
		} finally {
			await workspace.remove();
		}
	});
});

describe('reading a hostile draft’s front matter', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
		vi.restoreAllMocks();
	});

	test('prints nothing: yaml’s warnings would quote its lines unfenced in the log', async () => {
		vi.stubEnv('GITHUB_ACTIONS', 'true');
		const printed: string[] = [];
		const capture = (chunk: unknown) => {
			printed.push(String(chunk));
			return true;
		};
		vi.spyOn(process.stderr, 'write').mockImplementation(capture);
		vi.spyOn(process.stdout, 'write').mockImplementation(capture);
		const emitted = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
		const warnings: Error[] = [];
		const onWarning = (warning: Error) => warnings.push(warning);
		process.on('warning', onWarning);
		const hostile = [
			'---',
			'id: assistant-courrier',
			'risks: [',
			'  ::error title=forged::annotation,',
			'  !evil x]',
			'language: !evil',
			'  original: fr',
			'---',
			'',
		].join('\n');

		readTranslationState(hostile);
		changedFields(hostile, entry.content);
		changedFields(entry.content, hostile);
		renderReviewChecklist(input({}, { entry: { ...entry, content: hostile } }));
		// process.emitWarning prints on the next tick.
		await new Promise((resolve) => setImmediate(resolve));
		process.off('warning', onWarning);

		expect(emitted).not.toHaveBeenCalled();
		expect(warnings).toEqual([]);
		expect(printed.join('')).not.toContain('::error');
	});
});
