import { isRecord } from '../schema-fields.ts';
import { ProcessingRecordSchema } from '../schemas/processing-record.ts';
import { reviewConditions, reviewIssues } from './review-rules.ts';
import type { EntryIssue } from '../problems.ts';
import {
	defineKind,
	fields,
	notesSection,
	recordSection,
	type KindCondition,
} from './descriptor.ts';

/** The object at a key of the data, if it is one. */
function objectAt(data: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
	const value = data[key];
	return isRecord(value) ? value : undefined;
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
	issues.push(...reviewIssues(data, today));
	return issues;
}

/** What {@link processingRecordIssues} checks, as the field reference says it. */
const processingRecordConditions: readonly KindCondition[] = [
	{
		fields: ['transfers.outsideEu', 'transfers.safeguards'],
		text: {
			fr: 'Un transfert hors de l’Union européenne (transfers.outsideEu: true) dit vers quels pays et avec quelles garanties (transfers.safeguards).',
			en: 'A transfer outside the European Union (transfers.outsideEu: true) says to which countries and with which safeguards (transfers.safeguards).',
		},
		breakWith: { transfers: { outsideEu: true, safeguards: null } },
	},
	{
		fields: ['dpo'],
		text: {
			fr: 'Le délégué à la protection des données se joint au moins par une adresse électronique (dpo.email) ou une page (dpo.url).',
			en: 'The data protection officer can be reached at least by an email address (dpo.email) or a page (dpo.url).',
		},
		breakWith: { dpo: { email: null, url: null } },
	},
	...reviewConditions,
];

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
	columns: [{ facet: 'basis' }, { facet: 'transfers' }, { facet: 'unit' }, { usedBy: 'systems' }],
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
			notesSection,
			recordSection('review'),
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
			fr: 'À quoi sert le traitement, quelles personnes et quelles données il concerne, qui les reçoit, combien de temps elles sont gardées. Aucun détail technique de sécurité (produits, réglages, architecture) : seules les catégories de mesures sont publiées.',
			en: 'What the processing is for, which people and data it concerns, who receives the data, how long it is kept. No technical security details (products, settings, architecture): only the categories of measures are published.',
		},
		detailsField: 'description',
		questions: [
			{ id: 'name', path: 'name', alwaysRequired: true },
			{ id: 'controller-name', path: 'controller.name' },
			{ id: 'controller-unit', path: 'controller.unit' },
			{ id: 'legal-basis', path: 'legalBasis' },
			{ id: 'personal-data-categories', path: 'personalDataCategories' },
			{ id: 'transfers-outside-eu', path: 'transfers.outsideEu' },
			{ id: 'dpo-email', path: 'dpo.email' },
		],
		updates: [
			{ id: 'review-last', path: 'review.last' },
			{ id: 'review-next', path: 'review.next' },
		],
	},
	draftDescription:
		'A draft entry of the public part of a GDPR Article 30 record of processing activities, for a public AI registry, in French and English. Security measures are categories only, never technical details.',
	rules: processingRecordIssues,
	conditions: processingRecordConditions,
});
