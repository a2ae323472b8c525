import { beforeAll, describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/drafting/form-answers.ts';
import { formDecidedProblems } from '../../src/drafting/form-problems.ts';
import { loadFormTemplates, type FormTemplate } from '../../src/drafting/form-templates.ts';
import { matchIssue } from '../../src/drafting/parse-issue.ts';
import { loadRegistry, type Registry } from '../../src/registry/load.ts';
import { growth } from './growth.ts';
import { formBody, option, systemAnswers, tempRegistry, type FormAnswer } from './helpers.ts';

let templates: FormTemplate[];
let registry: Registry;
beforeAll(async () => {
	templates = await loadFormTemplates();
	registry = await loadRegistry(tempRegistry());
});

/** The fields of the problems the form alone decides, for the systems form with these answers. */
function decided(answers: Record<string, FormAnswer>, within: Registry = registry): string[] {
	const match = matchIssue(formBody('systems-detailed', answers), [], templates);
	if (match.kind !== 'form') throw new Error(`expected a form, got ${match.kind}`);
	const models = within.models.map((entry) => ({ id: entry.id, name: entry.data.name }));
	const read = readAnswers('systems', match.answers, within.vocabularies, models);
	expect(read.errors).toEqual([]);
	const frame = { id: 'x', issue: 1, today: '2026-12-01', translation: 'machine' } as const;
	return formDecidedProblems(read, frame, within).map((problem) => problem.field);
}

describe('formDecidedProblems', () => {
	it('finds answers that contradict each other', () => {
		const answers = { ...systemAnswers(), status: option('statuses', 'planned') };
		expect(decided({ ...answers, 'risk-class': option('risk-classes', 'prohibited') })).toEqual([
			'aiAct.riskClass',
		]);
	});

	it('finds nothing in a valid form, nor in one the model can complete', () => {
		expect(decided(systemAnswers())).toEqual([]);
		// A prohibited practice is recorded for a retired system; its end date is the model's.
		const retired = { ...systemAnswers(), status: option('statuses', 'retired') };
		expect(decided({ ...retired, 'risk-class': option('risk-classes', 'prohibited') })).toEqual([]);
		// A generative approach needs the generativeAi answers, which the model can give.
		expect(decided({ ...systemAnswers(), approach: option('approaches', 'generative') })).toEqual(
			[],
		);
	});

	it('leaves "models used" to the model, which resolves names against the registry', () => {
		expect(decided({ ...systemAnswers(), models: 'Un modèle inconnu : rédaction' })).toEqual([]);
	});
});

describe('formDecidedProblems in a large registry', () => {
	/** The sample registry with `count` more models, copies of its first one under new ids. */
	function withModels(count: number): Registry {
		const [first] = registry.models;
		if (!first) throw new Error('the sample has no model');
		const extra = Array.from({ length: count }, (_, index) => ({
			...first,
			id: `modele-copie-${index}`,
			data: { ...first.data, id: `modele-copie-${index}` },
		}));
		return { ...registry, models: [...registry.models, ...extra] };
	}

	it('checks the form a fixed number of times, however many models the registry holds', () => {
		const answers = { ...systemAnswers(), status: option('statuses', 'planned') };
		const contradiction = { ...answers, 'risk-class': option('risk-classes', 'prohibited') };
		// 8× the models: a fixed number of checks costs about the same (each check only gathers
		// the ids once); trying every model id as a fill would cost about 7× more.
		const ratio = growth((size) => {
			const large = withModels(size);
			return () => decided(contradiction, large);
		}, 60);
		expect(ratio).toBeLessThan(3);
	});
});
