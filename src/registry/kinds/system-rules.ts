import { inFuture, reviewConditions, reviewIssues } from './review-rules.ts';
import { valueAt, isRecord } from '../schema-fields.ts';
import type { EntryIssue } from '../problems.ts';
import type { KindCondition } from './descriptor.ts';

/** A string at a path of the data, if there is one. */
function stringAt(data: Record<string, unknown>, ...path: (string | number)[]): string | undefined {
	const value = valueAt(data, path);
	return typeof value === 'string' ? value : undefined;
}

/** Rules that compare a system's fields with each other or with today. */
export function systemIssues(system: Record<string, unknown>, today: string): EntryIssue[] {
	const issues: EntryIssue[] = [];
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
