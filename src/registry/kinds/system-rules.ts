import { valueAt } from '../schema-fields.ts';
import type { Bilingual } from '../schemas/field.ts';
import type { EntryIssue } from '../problems.ts';

/** Tells a plain object from other values. */
function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

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
	const last = stringAt(system, 'review', 'last');
	const next = stringAt(system, 'review', 'next');
	if (last && next && next < last) {
		issues.push({
			at: ['review', 'next'],
			message: {
				fr: `la prochaine revue (${next}) précède la dernière (${last})`,
				en: `the next review (${next}) is before the last one (${last})`,
			},
		});
	}
	if (last && last > today) issues.push({ at: ['review', 'last'], message: inFuture(last) });
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

function inFuture(date: string): Bilingual {
	return {
		fr: `la date ${date} est dans le futur : indiquez une date déjà passée`,
		en: `the date ${date} is in the future: give a date that has passed`,
	};
}
