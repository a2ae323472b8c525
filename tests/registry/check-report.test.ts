import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../src/registry/problems.ts';
import {
	checkSummary,
	problemAnnotation,
	problemLogLine,
} from '../../src/registry/check-report.ts';

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

	it('places a GitHub annotation on the file, line and field (@actions/core escapes it)', () => {
		expect(problemAnnotation(problem, 'fr')).toEqual({
			message: 'aucun modèle : 100 %\nvoir',
			properties: { file: 'registry/systems/a,b.mdx', startLine: 12, title: 'models.0.model' },
		});
	});

	it('keeps a problem on one line of the log, whatever its values hold', () => {
		const hostile = {
			...problem,
			field: 'x\n::add-mask::y',
			message: { fr: '', en: 'a\r\n::error::b' },
		};
		expect(problemLogLine(hostile)).toBe(
			'registry/systems/a,b.mdx:12: x ⏎ ::add-mask::y: a ⏎ ::error::b',
		);
	});

	it('sums up a check in both languages', () => {
		expect(checkSummary([])).toBe('Registry checked: no problems found.');
		expect(checkSummary([], 'fr')).toBe('Registre vérifié : aucun problème.');
		expect(checkSummary([problem, problem])).toBe('2 problems in 1 file.');
		expect(checkSummary([problem], 'fr')).toBe('1 problème dans 1 fichier.');
	});
});
