import { inFuture, reviewConditions, reviewIssues } from './review-rules.ts';
import { valueAt, isRecord } from '../schema-fields.ts';
import { facetsFor, type EntryLookup } from '../facets.ts';
import type { EntryIssue } from '../problems.ts';
import type { KindCondition } from './descriptor.ts';

/** A string at a path of the data, if there is one. */
function stringAt(data: Record<string, unknown>, ...path: (string | number)[]): string | undefined {
	const value = valueAt(data, path);
	return typeof value === 'string' ? value : undefined;
}

/**
 * Rules that compare a system's fields with each other, with today, and (given `lookup`) with
 * the generative models it names.
 */
export function systemIssues(
	system: Record<string, unknown>,
	today: string,
	lookup?: EntryLookup,
): EntryIssue[] {
	const issues: EntryIssue[] = lookup ? generativeHostingIssues(system, lookup) : [];
	const startDate = stringAt(system, 'startDate');
	const endDate = stringAt(system, 'endDate');
	const status = stringAt(system, 'status');
	if (startDate && endDate && endDate < startDate) {
		issues.push({
			at: ['endDate'],
			message: {
				fr: `la date de retrait (${endDate}) précède la date de mise en service (${startDate})`,
				en: `the end date (${endDate}) is before the start date (${startDate})`,
			},
		});
	}
	if (status === 'retired' && system['endDate'] === undefined) {
		issues.push({
			at: ['status'],
			message: {
				fr: 'un système retiré doit avoir une date de retrait (endDate)',
				en: 'a retired system needs an end date (endDate)',
			},
		});
	}
	if (stringAt(system, 'aiAct', 'riskClass') === 'prohibited' && status !== 'retired') {
		issues.push({
			at: ['aiAct', 'riskClass'],
			message: {
				fr: 'une pratique interdite par l’article 5 du règlement ne peut figurer au registre que pour un système retiré',
				en: 'a practice prohibited by Article 5 of the Act may only be recorded for a retired system',
			},
		});
	}
	issues.push(...reviewIssues(system, today));
	const assessments = Array.isArray(system['assessments']) ? system['assessments'] : [];
	assessments.forEach((_, index) => {
		const date = stringAt(system, 'assessments', index, 'date');
		if (date && date > today) {
			issues.push({ at: ['assessments', index, 'date'], message: inFuture(date) });
		}
	});
	const approach = stringAt(system, 'approach');
	// Only a generative system must say how its prompts are hosted and kept; a hybrid of rules
	// and classic machine learning has none, and one that includes a generative model may say so.
	if (approach === 'generative' && system['generativeAi'] === undefined) {
		issues.push({
			at: ['approach'],
			message: {
				fr: `l’approche ${approach} demande de remplir generativeAi (hébergement, conservation, réutilisation pour l’entraînement, information des usagers)`,
				en: `the ${approach} approach requires generativeAi (hosting, retention, use for training, user disclosure)`,
			},
		});
	}
	const sourceCode = system['sourceCode'];
	if (isRecord(sourceCode) && !sourceCode['url'] && !sourceCode['notPublishedReason']) {
		issues.push({
			at: ['sourceCode'],
			message: {
				fr: 'donnez l’adresse du code source (url) ou la raison pour laquelle il n’est pas publié (notPublishedReason)',
				en: 'give the source code’s address (url) or why it is not published (notPublishedReason)',
			},
		});
	}
	const contact = system['contact'];
	if (isRecord(contact) && !contact['email'] && !contact['url']) {
		issues.push({
			at: ['contact'],
			message: {
				fr: 'donnez au moins un moyen de contact : une adresse électronique (email) ou une page (url)',
				en: 'give at least one way to get in touch: an email address (email) or a page (url)',
			},
		});
	}
	return issues;
}

/** A generative model a system names: its id and data. */
interface NamedModel {
	/** Folder of its kind: `models`. */
	kind: string;
	id: string;
	data: Record<string, unknown>;
}

/**
 * The models a system names that count as generative, read as the "Generative AI" facet reads
 * them (its field, its key, the models' trait), so the rule and the facet never disagree.
 */
function generativeModels(system: Record<string, unknown>, lookup: EntryLookup): NamedModel[] {
	const facet = facetsFor('systems').find((candidate) => candidate.name === 'generative');
	const through = facet?.through;
	if (!facet || !through?.trait) return [];
	const items = valueAt(system, [facet.path]);
	const found: NamedModel[] = [];
	for (const item of Array.isArray(items) ? items : []) {
		const id = through.key && isRecord(item) ? item[through.key] : item;
		if (typeof id !== 'string' || found.some((model) => model.id === id)) continue;
		const data = lookup(through.kind, id);
		// An unknown id is the reference rule's to report.
		if (isRecord(data) && through.trait.test(data)) found.push({ kind: through.kind, id, data });
	}
	return found;
}

/** Residencies that keep the data inside the European Union. */
const insideEu = new Set(['france', 'eu']);

/** `« a » (models/a.mdx)`, `"a" (models/a.mdx)`: a model named with its file. */
const modelNamed = ({ kind, id }: NamedModel) => ({
	fr: `« ${id} » (${kind}/${id}.mdx)`,
	en: `"${id}" (${kind}/${id}.mdx)`,
});

/** The named models and a value of each, for a message: `« a » (models/a.mdx) : x`. */
function listed(models: readonly NamedModel[], path: readonly string[]) {
	const value = (model: NamedModel) => stringAt(model.data, ...path) ?? '?';
	return {
		fr: models.map((model) => `${modelNamed(model).fr}\u202f: ${value(model)}`).join('\u202f; '),
		en: models.map((model) => `${modelNamed(model).en}: ${value(model)}`).join('; '),
	};
}

/**
 * A system's generative AI is hosted where its generative models are: `generativeAi.hosting`
 * says who runs them and where the data sent goes, which their own entries also say. The
 * validator knows no warnings (every problem fails the check), so only statements that cannot
 * both be true are reported: a system that keeps its data in France or the EU while a model of
 * it processes data outside; a system sending data outside the EU while all of its generative
 * models say they keep it inside; a hosting mode none of them has. A system saying `france`
 * with a model saying `eu`, or a guarantee the model's entry leaves `unknown`, may both hold
 * and pass.
 */
function generativeHostingIssues(
	system: Record<string, unknown>,
	lookup: EntryLookup,
): EntryIssue[] {
	const type = stringAt(system, 'generativeAi', 'hosting', 'type');
	const residency = stringAt(system, 'generativeAi', 'hosting', 'residency');
	if (type === undefined && residency === undefined) return [];
	const models = generativeModels(system, lookup);
	if (models.length === 0) return [];
	const issues: EntryIssue[] = [];
	const residencyOf = (model: NamedModel) => stringAt(model.data, 'hosting', 'residency');
	const outside = models.filter((model) => residencyOf(model) === 'outside-eu');
	if (residency && insideEu.has(residency) && outside.length > 0) {
		const named = listed(outside, ['hosting', 'residency']);
		const many = outside.length > 1;
		issues.push({
			at: ['generativeAi', 'hosting', 'residency'],
			message: {
				fr: `le système garde les données de son IA générative dans l’Union européenne (generativeAi.hosting.residency: ${residency}), mais ${many ? 'les modèles génératifs qu’il utilise les traitent' : 'le modèle génératif qu’il utilise les traite'} hors de l’Union (hosting.residency)\u202f: ${named.fr}\u202f; corrigez l’une des fiches`,
				en: `the system keeps its generative AI’s data inside the European Union (generativeAi.hosting.residency: ${residency}), but the generative model${many ? 's it uses process' : ' it uses processes'} it outside the Union (hosting.residency): ${named.en}; correct one of the entries`,
			},
		});
	}
	if (
		residency === 'outside-eu' &&
		models.every((model) => insideEu.has(residencyOf(model) ?? 'unknown'))
	) {
		const named = listed(models, ['hosting', 'residency']);
		issues.push({
			at: ['generativeAi', 'hosting', 'residency'],
			message: {
				fr: `le système envoie les données de son IA générative hors de l’Union européenne (generativeAi.hosting.residency: outside-eu), mais ses modèles génératifs les gardent dans l’Union (hosting.residency)\u202f: ${named.fr}\u202f; corrigez l’une des fiches`,
				en: `the system sends its generative AI’s data outside the European Union (generativeAi.hosting.residency: outside-eu), but its generative models keep it inside the Union (hosting.residency): ${named.en}; correct one of the entries`,
			},
		});
	}
	const typeOf = (model: NamedModel) => stringAt(model.data, 'hosting', 'type');
	if (type && !models.some((model) => typeOf(model) === type)) {
		const named = listed(models, ['hosting', 'type']);
		issues.push({
			at: ['generativeAi', 'hosting', 'type'],
			message: {
				fr: `le système donne à son IA générative le mode d’hébergement ${type} (generativeAi.hosting.type), mais aucun de ses modèles génératifs n’a ce mode (hosting.type)\u202f: ${named.fr}\u202f; corrigez l’une des fiches`,
				en: `the system gives its generative AI the hosting ${type} (generativeAi.hosting.type), but none of its generative models has it (hosting.type): ${named.en}; correct one of the entries`,
			},
		});
	}
	return issues;
}

/** What {@link systemIssues} checks, as the field reference says it: one condition per rule. */
export const systemConditions: readonly KindCondition[] = [
	{
		fields: ['startDate', 'endDate'],
		text: {
			fr: 'La date de retrait (endDate) ne peut pas précéder la date de mise en service (startDate).',
			en: 'The end date (endDate) cannot be before the start date (startDate).',
		},
		breakWith: { startDate: '2025-06-01', endDate: '2025-01-01' },
	},
	{
		fields: ['status', 'endDate'],
		text: {
			fr: 'Un système retiré (status: retired) a une date de retrait (endDate).',
			en: 'A retired system (status: retired) has an end date (endDate).',
		},
		breakWith: { status: 'retired', endDate: null },
	},
	{
		fields: ['aiAct.riskClass', 'status'],
		text: {
			fr: 'Une pratique interdite par l’article 5 du règlement (aiAct.riskClass: prohibited) ne figure au registre que pour un système retiré (status: retired).',
			en: 'A practice prohibited by Article 5 of the Act (aiAct.riskClass: prohibited) is only recorded for a retired system (status: retired).',
		},
		breakWith: { aiAct: { riskClass: 'prohibited' }, status: 'in-use' },
	},
	...reviewConditions,
	{
		fields: ['assessments[].date'],
		text: {
			fr: 'Une analyse d’impact est datée du jour où elle a été conclue : pas de date dans le futur.',
			en: 'An impact assessment is dated the day it was concluded: no date in the future.',
		},
		breakWith: {
			assessments: [
				{
					type: 'dpia',
					date: '2999-01-01',
					summary: { fr: 'Analyse à venir.', en: 'Assessment to come.' },
				},
			],
		},
	},
	{
		fields: ['approach', 'generativeAi'],
		text: {
			fr: 'Un système génératif (approach: generative) remplit generativeAi : hébergement, conservation, réutilisation pour l’entraînement, information des usagers. Pour une autre approche, generativeAi est facultatif.',
			en: 'A generative system (approach: generative) fills in generativeAi: hosting, retention, use for training, user disclosure. For any other approach, generativeAi is optional.',
		},
		breakWith: { approach: 'generative', generativeAi: null },
	},
	{
		fields: ['generativeAi.hosting.residency', 'models'],
		text: {
			fr: 'L’IA générative d’un système garde ses données (generativeAi.hosting.residency) là où ses modèles génératifs (models) les traitent\u202f: pas dans l’Union européenne si l’un d’eux les traite hors de l’Union, pas hors de l’Union si tous les y gardent.',
			en: 'A system’s generative AI keeps its data (generativeAi.hosting.residency) where its generative models (models) process it: not inside the European Union if one of them processes it outside, not outside if all of them keep it inside.',
		},
		breakWith: { generativeAi: { hosting: { residency: 'outside-eu' } } },
	},
	{
		fields: ['generativeAi.hosting.type', 'models'],
		text: {
			fr: 'Le mode d’hébergement de l’IA générative d’un système (generativeAi.hosting.type) est celui de l’un au moins de ses modèles génératifs (models).',
			en: 'The hosting of a system’s generative AI (generativeAi.hosting.type) is that of at least one of its generative models (models).',
		},
		breakWith: { generativeAi: { hosting: { type: 'on-device' } } },
	},
	{
		fields: ['sourceCode'],
		text: {
			fr: 'Le code source a une adresse (sourceCode.url) ou la raison pour laquelle il n’est pas publié (sourceCode.notPublishedReason), ou les deux.',
			en: 'The source code has an address (sourceCode.url) or the reason it is not published (sourceCode.notPublishedReason), or both.',
		},
		breakWith: { sourceCode: { url: null, notPublishedReason: null } },
	},
	{
		fields: ['contact'],
		text: {
			fr: 'Le contact donne au moins une adresse électronique (contact.email) ou une page (contact.url).',
			en: 'The contact gives at least an email address (contact.email) or a page (contact.url).',
		},
		breakWith: { contact: { email: null, url: null } },
	},
];
