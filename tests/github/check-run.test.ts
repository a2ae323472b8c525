import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
	checkRunName,
	reportValidationCheck,
	type CheckFlags,
} from '../../src/github/check-run.ts';
import type { RegistryProblem, ValidationResult } from '../../src/github/revalidate.ts';
import { FakeGitHub } from './fake-github/server.ts';
import { clientFor, repositoryOf } from './helpers.ts';

const path = 'registry/systems/assistant.mdx';

const problem = (field: string, line: number, fr: string, en: string): RegistryProblem => ({
	path,
	line,
	field,
	message: { fr, en },
});

let fake: FakeGitHub;
let sha: string;

beforeEach(async () => {
	fake = await FakeGitHub.start();
	sha = fake.state.resolveCommit('main')?.sha ?? '';
});

afterEach(async () => {
	expect(fake.violations).toEqual([]);
	await fake.close();
});

const report = (validation: ValidationResult, flags?: CheckFlags) =>
	reportValidationCheck(clientFor(fake), repositoryOf(fake), sha, validation, flags);

describe('the validation check', () => {
	test('fails on personal data alone, annotated at its line, and says how to clear it', async () => {
		const personal = problem(
			'summary',
			4,
			'« Résumé » : données personnelles',
			'"Summary": personal data',
		);
		const result = await report(
			{ draftProblems: [], otherProblems: [] },
			{ personalData: [personal] },
		);

		expect(result.conclusion).toBe('failure');
		const [run] = fake.state.checkRuns;
		expect(run?.name).toBe(checkRunName);
		expect(run?.output.title).toBe('données personnelles à retirer · personal data to remove');
		expect(run?.annotations).toEqual([
			expect.objectContaining({
				path,
				start_line: 4,
				annotation_level: 'failure',
				title: 'summary',
			}),
		]);
		expect(run?.output.summary).toContain('remove it from the issue (the edit drafts again)');
		expect(run?.output.summary).toContain('`personal-data-ok`');
	});

	test('tells what a person let through without failing on it', async () => {
		const kept = problem('summary', 4, 'gardé', 'kept');
		const result = await report(
			{ draftProblems: [], otherProblems: [] },
			{ personalDataCleared: [kept] },
		);
		expect(result.conclusion).toBe('success');
		const [run] = fake.state.checkRuns;
		expect(run?.output.title).toBe('Registre valide · Registry valid');
		expect(run?.annotations[0]).toMatchObject({ annotation_level: 'notice' });
		expect(run?.output.summary).toContain('Personal data kept as typed by a person’s decision');
	});

	test('counts the fields to complete apart from the other problems', async () => {
		const missing = problem(
			'purpose',
			2,
			'champ obligatoire manquant',
			'required field is missing',
		);
		const wrong = {
			...problem('licence', 3, 'licence inconnue', 'unknown licence'),
			path: 'registry/models/m.mdx',
		};
		await report({ draftProblems: [missing], otherProblems: [wrong] }, { toComplete: [missing] });
		const [run] = fake.state.checkRuns;
		expect(run?.output.title).toBe(
			'1 problème(s) dans le registre · problem(s) in the registry ; 1 champ(s) à compléter · field(s) to complete',
		);
		expect(run?.output.summary).toContain('2 problème(s), dont 1 champ(s) à compléter');
		expect(run?.annotations.map((a) => a.annotation_level)).toEqual(['failure', 'warning']);
	});

	test('escapes what the report says in its Markdown summary', async () => {
		const hostile = problem(
			'summary',
			1,
			'<img src=x onerror=alert(1)> [a](https://evil)',
			'@team',
		);
		await report({ draftProblems: [], otherProblems: [] }, { personalData: [hostile] });
		const summary = fake.state.checkRuns[0]?.output.summary ?? '';
		expect(summary).not.toContain('<img');
		expect(summary).not.toContain('](https://evil)');
		expect(summary).not.toContain('@team');
	});

	test('writes the same verdict once', async () => {
		const personal = problem('summary', 4, 'x', 'x');
		await report({ draftProblems: [], otherProblems: [] }, { personalData: [personal] });
		const again = await report(
			{ draftProblems: [], otherProblems: [] },
			{ personalData: [personal] },
		);
		expect(again.created).toBe(false);
		expect(fake.state.checkRuns).toHaveLength(1);
	});
});
