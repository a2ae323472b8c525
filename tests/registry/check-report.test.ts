import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../src/registry/problems.ts';
import { checkSummary, githubAnnotation } from '../../src/registry/check-report.ts';

const problem: Problem = {
	path: 'registry/systems/a,b.mdx',
	line: 12,
	field: 'models.0.model',
	message: { fr: 'aucun modèle : 100 %\nvoir', en: 'no model: 100%\nsee' },
};

describe('reports', () => {
	it('formats a problem as path:line: field: message, in either language', () => {
		expect(formatProblem(problem)).toBe(
			'registry/systems/a,b.mdx:12: models.0.model: no model: 100%\nsee',
		);
		expect(formatProblem(problem, 'fr')).toMatch(/: models\.0\.model: aucun modèle : 100 %/);
	});

	it('escapes GitHub annotations so no value breaks the command', () => {
		expect(githubAnnotation(problem)).toBe(
			'::error file=registry/systems/a%2Cb.mdx,line=12,title=models.0.model::no model: 100%25%0Asee',
		);
	});

	it('sums up a check in both languages', () => {
		expect(checkSummary([])).toBe('Registry checked: no problems found.');
		expect(checkSummary([], 'fr')).toBe('Registre vérifié : aucun problème.');
		expect(checkSummary([problem, problem])).toBe('2 problems in 1 file.');
		expect(checkSummary([problem], 'fr')).toBe('1 problème dans 1 fichier.');
	});
});
