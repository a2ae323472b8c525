import { ProcessingRecordSchema } from '../schemas/processing-record.ts';
import type { EntryIssue } from '../problems.ts';
import { defineKind, fields } from './descriptor.ts';

/** The object at a key of the data, if it is one. */
function objectAt(data: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
	const value = data[key];
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

/** Rules of a processing record beyond its schema: the transfer's safeguards, the DPO's contact, review dates. */
function processingRecordIssues(data: Record<string, unknown>, today: string): EntryIssue[] {
	const issues: EntryIssue[] = [];
	const transfers = objectAt(data, 'transfers');
	if (transfers?.['outsideEu'] === true && transfers['safeguards'] === undefined) {
		issues.push({
			at: ['transfers', 'safeguards'],
			message: {
				fr: 'un transfert hors de l’UE doit dire vers quels pays et avec quelles garanties (safeguards)',
				en: 'a transfer outside the EU must say to which countries and with which safeguards (safeguards)',
			},
		});
	}
	const dpo = objectAt(data, 'dpo');
	if (dpo && !dpo['email'] && !dpo['url']) {
		issues.push({
			at: ['dpo'],
			message: {
				fr: 'donnez au moins un moyen de joindre le délégué : une adresse électronique (email) ou une page (url)',
				en: 'give at least one way to reach the officer: an email address (email) or a page (url)',
			},
		});
	}
	const review = objectAt(data, 'review');
	const last = typeof review?.['last'] === 'string' ? review['last'] : undefined;
	const next = typeof review?.['next'] === 'string' ? review['next'] : undefined;
	if (last && next && next < last) {
		issues.push({
			at: ['review', 'next'],
			message: {
				fr: `la prochaine revue (${next}) précède la dernière (${last})`,
				en: `the next review (${next}) is before the last one (${last})`,
			},
		});
	}
	if (last && last > today) {
		issues.push({
			at: ['review', 'last'],
			message: {
				fr: `la date ${last} est dans le futur : indiquez une date déjà passée`,
				en: `the date ${last} is in the future: give a date that has passed`,
			},
		});
	}
	return issues;
}

/** Processing records: the public part of the GDPR Article 30 records the systems fall under. */
export const processingRecords = defineKind({
	name: 'processing-records',
	schema: ProcessingRecordSchema,
	segment: 'traitements',
	key: 'processing_record',
	nouns: {
		all: { fr: 'Traitements de données personnelles', en: 'Processing records' },
		one: { fr: 'traitement de données personnelles', en: 'processing record' },
		a: { fr: 'un traitement de données personnelles', en: 'a processing record' },
		none: { fr: 'aucun traitement', en: 'no processing record' },
	},
	titleField: 'name',
	summaryField: 'description',
	// Like a system's, review dates are commitments only a person can make.
	generatedFields: ['id', 'language', 'provenance', 'review'],
	facets: [
		{ name: 'basis', path: 'legalBasis' },
		{ name: 'category', path: 'personalDataCategories' },
		{
			name: 'transfers',
			path: 'transfers.outsideEu',
			yesNo: {
				yes: { fr: 'Transfert hors de l’UE', en: 'Transfer outside the EU' },
				no: { fr: 'Aucun transfert hors de l’UE', en: 'No transfer outside the EU' },
			},
		},
		{ name: 'unit', path: 'controller.unit' },
	],
	badges: ['legalBasis', 'controller.unit'],
	layout: {
		keyFacts: ['id', 'controller', 'legalBasis', 'transfers', 'dpo'],
		sections: [
			{
				slug: 'finalites',
				title: { fr: 'Finalités et base légale', en: 'Purposes and lawful basis' },
				items: fields('description', 'purposes', 'legalBasisDetails'),
			},
			{
				slug: 'donnees',
				title: { fr: 'Personnes et données concernées', en: 'People and data concerned' },
				items: fields('dataSubjects', 'personalDataCategories', 'personalDataDetails'),
			},
			{
				slug: 'destinataires',
				title: { fr: 'Destinataires', en: 'Recipients' },
				items: fields('recipients'),
			},
			{
				slug: 'conservation-securite',
				title: { fr: 'Conservation et sécurité', en: 'Retention and security' },
				items: fields('retention', 'securityMeasures'),
			},
			{
				slug: 'systemes',
				title: { fr: 'Systèmes d’IA concernés', en: 'AI systems involved' },
				items: [
					{
						referencedBy: 'systems',
						none: {
							fr: 'Aucun système d’IA du registre ne relève de ce traitement pour le moment.',
							en: 'No AI system in the registry falls under this processing at the moment.',
						},
					},
				],
			},
			{ slug: 'notes', title: { fr: 'Notes', en: 'Notes' }, items: [{ special: 'notes' }] },
			{
				slug: 'suivi',
				title: { fr: 'Suivi de la fiche', en: 'Entry record' },
				items: [...fields('review'), { special: 'provenance' }, { special: 'history' }],
				searchable: false,
			},
		],
	},
	lead: {
		fr: 'La partie publique de notre registre des activités de traitement (article 30 du RGPD), pour les traitements où interviennent nos systèmes d’IA : finalités, base légale, personnes et données concernées, destinataires, durées de conservation et catégories de mesures de sécurité.',
		en: 'The public part of our record of processing activities (GDPR Article 30), for the processing our AI systems take part in: purposes, lawful basis, people and data concerned, recipients, retention periods and the categories of security measures.',
	},
	form: {
		file: 'processing-record.yml',
		label: 'registry: processing record',
		title: { fr: 'Traitement de données personnelles', en: 'Processing record' },
		details: {
			fr: 'Décrivez le traitement avec vos mots : à quoi il sert, quelles personnes et quelles données il concerne, qui les reçoit, combien de temps elles sont gardées. Ne donnez aucun détail technique de sécurité (produits, réglages, architecture) : seules les catégories de mesures sont publiées.',
			en: 'Describe the processing in your own words: what it is for, which people and data it concerns, who receives the data, how long it is kept. Give no technical security details (products, settings, architecture): only the categories of measures are published.',
		},
		questions: [
			{ id: 'name', path: 'name', alwaysRequired: true },
			{ id: 'description', path: 'description', multiline: true },
			{ id: 'controller-name', path: 'controller.name' },
			{ id: 'controller-unit', path: 'controller.unit' },
			{ id: 'legal-basis', path: 'legalBasis' },
			{ id: 'personal-data-categories', path: 'personalDataCategories' },
			{ id: 'transfers-outside-eu', path: 'transfers.outsideEu' },
			{ id: 'security-measures', path: 'securityMeasures' },
			{ id: 'dpo-role', path: 'dpo.role' },
			{ id: 'dpo-email', path: 'dpo.email' },
		],
	},
	draftDescription:
		'A draft entry of the public part of a GDPR Article 30 record of processing activities, for a public AI registry, in French and English. Security measures are categories only, never technical details.',
	rules: processingRecordIssues,
});
