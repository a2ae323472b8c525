/**
 * The rule that a system's generative AI is hosted where its generative models are: checked on
 * the sample's entries, changed one field at a time, through the validator (so lines, fields
 * and both languages are those a maintainer reads), and on a whole registry folder.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEntry, checkRegistry } from '../../src/registry/check.ts';
import { loadRegistry, type Registry } from '../../src/registry/load.ts';
import { formatProblem } from '../../src/registry/problems.ts';
import { systemIssues } from '../../src/registry/kinds/system-rules.ts';
import type { EntryData } from '../../src/registry/kinds/index.ts';
import type { EntryLookup } from '../../src/registry/facets.ts';
import { emptyRegistry, sampleDir, today, writeEntry } from './helpers.ts';
import { serialiseEntry } from '../../src/registry/entry-file.ts';

let sample: Registry;

beforeAll(async () => {
	sample = await loadRegistry(sampleDir);
});

/** A sample entry's data, copied so a test may change it. */
function sampleData(
	kind: 'systems' | 'models',
	id: string,
): { id: string } & Record<string, unknown> {
	const entry = sample[kind].find((candidate) => candidate.id === id);
	if (!entry) throw new Error(`no ${kind}/${id} in the sample`);
	return structuredClone(entry.data) as { id: string } & Record<string, unknown>;
}

/** Reads models from a map, as the check's lookup reads the registry. */
const lookupIn =
	(models: ReadonlyMap<string, Record<string, unknown>>): EntryLookup =>
	(kind, id) =>
		(kind === 'models' ? models.get(id) : undefined) as EntryData | undefined;

/** The problems of the hosting rule for a system, as `field: message` in a language. */
function hostingProblems(data: Record<string, unknown>, language: 'fr' | 'en' = 'en'): string[] {
	return checkEntry('systems', data, sample, { today })
		.filter((problem) => problem.field.startsWith('generativeAi.hosting'))
		.map((problem) => `${problem.field}: ${problem.message[language]}`);
}

/** A system with its generative AI's hosting changed. */
function withHosting(id: string, hosting: Record<string, string>): Record<string, unknown> {
	const data = sampleData('systems', id);
	const generativeAi = data['generativeAi'] as Record<string, unknown>;
	generativeAi['hosting'] = { ...(generativeAi['hosting'] as object), ...hosting };
	return data;
}

describe('a system’s generative AI and its generative models', () => {
	it('agree in every system of the sample', async () => {
		const problems = await checkRegistry(sampleDir, { today });
		expect(problems.map((problem) => formatProblem(problem))).toEqual([]);
	});

	it('disagree when the system keeps in the EU the data a model of it sends outside', () => {
		const models = new Map([['mistral-small-3-2', sampleData('models', 'mistral-small-3-2')]]);
		const model = models.get('mistral-small-3-2') as Record<string, unknown>;
		model['hosting'] = { type: 'public-sector-cloud', residency: 'outside-eu' };
		const system = sampleData('systems', 'assistant-redaction-registre');
		const issues = systemIssues(system, today, lookupIn(models));
		expect(issues.map((issue) => issue.at.join('.'))).toEqual(['generativeAi.hosting.residency']);
		const [issue] = issues;
		expect(issue?.message.en).toBe(
			'the system keeps its generative AI’s data inside the European Union (generativeAi.hosting.residency: france), but the generative model it uses processes it outside the Union (hosting.residency): "mistral-small-3-2" (models/mistral-small-3-2.mdx): outside-eu; correct one of the entries',
		);
		expect(issue?.message.fr).toBe(
			'le système garde les données de son IA générative dans l’Union européenne (generativeAi.hosting.residency: france), mais le modèle génératif qu’il utilise les traite hors de l’Union (hosting.residency)\u202f: « mistral-small-3-2 » (models/mistral-small-3-2.mdx)\u202f: outside-eu\u202f; corrigez l’une des fiches',
		);
	});

	it('disagree when the system sends outside the EU what all its models keep inside', () => {
		const problems = hostingProblems(
			withHosting('clairval-repond', { residency: 'outside-eu' }),
			'fr',
		);
		// Sorted by line: the hosting's type comes before its residency in the file.
		expect(problems).toEqual([
			'generativeAi.hosting.residency: le système envoie les données de son IA générative hors de l’Union européenne (generativeAi.hosting.residency: outside-eu), mais ses modèles génératifs les gardent dans l’Union (hosting.residency)\u202f: « mistral-small-3-2 » (models/mistral-small-3-2.mdx)\u202f: france\u202f; corrigez l’une des fiches',
		]);
	});

	it('disagree on a hosting mode none of the generative models has, in both languages', () => {
		const data = withHosting('tri-demandes-usagers', { type: 'supplier-cloud' });
		expect(hostingProblems(data, 'en')).toEqual([
			'generativeAi.hosting.type: the system gives its generative AI the hosting supplier-cloud (generativeAi.hosting.type), but none of its generative models has it (hosting.type): "llama-3-1-8b-instruct" (models/llama-3-1-8b-instruct.mdx): public-sector-cloud; correct one of the entries',
		]);
		expect(hostingProblems(data, 'fr')).toEqual([
			'generativeAi.hosting.type: le système donne à son IA générative le mode d’hébergement supplier-cloud (generativeAi.hosting.type), mais aucun de ses modèles génératifs n’a ce mode (hosting.type)\u202f: « llama-3-1-8b-instruct » (models/llama-3-1-8b-instruct.mdx)\u202f: public-sector-cloud\u202f; corrigez l’une des fiches',
		]);
	});

	it('may both hold: France for the system, the EU or no guarantee for the model', () => {
		const models = new Map([['mistral-small-3-2', sampleData('models', 'mistral-small-3-2')]]);
		const lookup = lookupIn(models);
		const model = models.get('mistral-small-3-2') as Record<string, unknown>;
		const system = sampleData('systems', 'assistant-redaction-registre');
		for (const residency of ['eu', 'unknown']) {
			model['hosting'] = { type: 'public-sector-cloud', residency };
			expect(systemIssues(system, today, lookup), residency).toEqual([]);
		}
		// Sending data outside is true of a model whose entry gives no guarantee.
		const outside = withHosting('assistant-redaction-registre', { residency: 'outside-eu' });
		expect(systemIssues(outside, today, lookup)).toEqual([]);
	});

	it('are compared on generative models only: an embedding model’s hosting does not count', () => {
		// Clairval Répond uses BGE-M3 (embeddings) and Mistral Small; on-premises is neither’s.
		const data = withHosting('clairval-repond', { type: 'on-premises' });
		expect(hostingProblems(data)).toHaveLength(1);
		expect(hostingProblems(data)[0]).toContain('"mistral-small-3-2"');
		expect(hostingProblems(data)[0]).not.toContain('bge-m3');
	});

	it('are not compared without the registry, nor for a system that names no generative model', () => {
		const system = withHosting('assistant-redaction-registre', { residency: 'outside-eu' });
		expect(systemIssues(system, today).filter((i) => i.at[0] === 'generativeAi')).toEqual([]);
		const hybrid = sampleData('systems', 'synthese-concertations');
		hybrid['models'] = [{ model: 'regroupement-contributions', usage: { fr: 'Regroupe.' } }];
		(hybrid['generativeAi'] as Record<string, unknown>)['hosting'] = {
			type: 'on-device',
			residency: 'outside-eu',
		};
		expect(hostingProblems(hybrid)).toEqual([]);
	});

	it('are reported on the system’s line by `registry check`, naming the model’s file', async () => {
		const dir = emptyRegistry();
		const model = sampleData('models', 'mistral-small-3-2');
		model['hosting'] = { type: 'supplier-cloud', residency: 'outside-eu' };
		delete model['software'];
		writeEntry(dir, 'models', model);
		const system = sampleData('systems', 'assistant-redaction-registre');
		system['models'] = (system['models'] as unknown[]).slice(0, 1);
		writeEntry(dir, 'systems', system);
		const problems = (await checkRegistry(dir, { today }))
			.filter((problem) => problem.field.startsWith('generativeAi.hosting'))
			.map((problem) => formatProblem(problem, 'en'));
		const file = serialiseEntry(system).split('\n');
		const line = (text: string) => file.findIndex((candidate) => candidate.includes(text)) + 1;
		// Sorted by line: the hosting's type comes before its residency in the file.
		expect(problems).toEqual([
			expect.stringMatching(
				new RegExp(
					`systems/assistant-redaction-registre\\.mdx:${line('type: public-sector-cloud')}: generativeAi\\.hosting\\.type: .*models/mistral-small-3-2\\.mdx.*`,
				),
			),
			expect.stringMatching(
				new RegExp(
					`systems/assistant-redaction-registre\\.mdx:${line('residency: france')}: generativeAi\\.hosting\\.residency: .*models/mistral-small-3-2\\.mdx.*`,
				),
			),
		]);
	});
});
