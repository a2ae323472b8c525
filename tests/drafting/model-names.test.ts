/**
 * A model's name is a text in both languages (issue #12, item 7): the "models used" answer names
 * a registered model by either of its names.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/drafting/form-answers.ts';
import { loadFormTemplates, type FormTemplate } from '../../src/drafting/form-templates.ts';
import { matchIssue } from '../../src/drafting/parse-issue.ts';
import { loadRegistry, type Registry } from '../../src/registry/load.ts';
import { sampleDir } from '../registry/helpers.ts';
import { formBody, systemAnswers } from './helpers.ts';

let templates: FormTemplate[];
let registry: Registry;
beforeAll(async () => {
	templates = await loadFormTemplates();
	registry = await loadRegistry(sampleDir);
});

/** The "models used" answer read against the sample's models. */
function modelsUsed(models: string) {
	const match = matchIssue(
		formBody('systems-detailed', { ...systemAnswers(), models }),
		[],
		templates,
	);
	if (match.kind !== 'form') throw new Error(`expected a form, got ${match.kind}`);
	const known = registry.models.map((entry) => ({ id: entry.id, name: entry.data.name }));
	const read = readAnswers('systems', match.answers, registry.vocabularies, known);
	expect(read.errors).toEqual([]);
	return {
		uses: read.answers.find((answer) => answer.field.path === 'models')?.value,
		unknown: read.unknownModels,
	};
}

describe('the "models used" answer', () => {
	it('names a model by its English name, its French name or its id', () => {
		expect(
			modelsUsed(
				[
					'District heating network control agent: proposes the temperature',
					'agent de pilotage du réseau de chaleur: propose la température',
					'agent-reseau-chaleur: propose la température',
				].join('\n'),
			),
		).toEqual({
			uses: [
				{ model: 'agent-reseau-chaleur', usage: { fr: 'proposes the temperature' } },
				{ model: 'agent-reseau-chaleur', usage: { fr: 'propose la température' } },
				{ model: 'agent-reseau-chaleur', usage: { fr: 'propose la température' } },
			],
			unknown: [],
		});
	});

	it('still sets aside a name no model has in either language', () => {
		expect(modelsUsed('Heating agent: proposes the temperature').unknown).toEqual([
			'Heating agent',
		]);
	});
});
