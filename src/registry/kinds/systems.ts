import { SystemSchema } from '../schemas/system.ts';
import { defineKind, fields, notesSection, recordSection } from './descriptor.ts';
import { systemConditions, systemIssues } from './system-rules.ts';

/** AI systems: what the organisation runs or prepares, with the models, data and people involved. */
export const systems = defineKind({
	name: 'systems',
	schema: SystemSchema,
	segment: 'systemes',
	key: 'system',
	nouns: {
		all: { fr: 'Systèmes d’IA', en: 'AI systems' },
		one: { fr: 'système d’IA', en: 'AI system' },
		a: { fr: 'un système d’IA', en: 'an AI system' },
		none: { fr: 'aucun système', en: 'no system' },
	},
	titleField: 'name',
	summaryField: 'summary',
	// Review dates are commitments only a person can make.
	generatedFields: ['id', 'language', 'provenance', 'review'],
	facets: [
		{ name: 'status', path: 'status' },
		{ name: 'domain', path: 'domain' },
		{ name: 'risk', path: 'aiAct.riskClass' },
		{ name: 'automation', path: 'automation' },
		{ name: 'approach', path: 'approach' },
		// What the models a system uses say of it, whatever its approach label.
		{
			name: 'generative',
			path: 'models',
			through: 'generative',
			label: { fr: 'IA générative', en: 'Generative AI' },
			yesNo: {
				yes: { fr: 'Utilise un modèle génératif', en: 'Uses a generative model' },
				no: { fr: 'Aucun modèle génératif', en: 'No generative model' },
			},
		},
		{
			name: 'genai-residency',
			path: 'models',
			through: 'hosting.residency',
			where: 'generative',
			help: {
				fr: 'Seuls comptent les modèles que le filtre « IA générative » dit génératifs.',
				en: 'Only the models the “Generative AI” filter counts as generative.',
			},
			label: {
				fr: 'Localisation des données des modèles génératifs',
				en: 'Data residency of generative models',
			},
		},
		{
			name: 'hosting',
			path: 'models',
			through: 'hosting.type',
			label: { fr: 'Hébergement des modèles', en: 'Model hosting' },
		},
		{
			name: 'residency',
			path: 'models',
			through: 'hosting.residency',
			label: { fr: 'Localisation des données des modèles', en: 'Model data residency' },
		},
		{
			name: 'provider',
			path: 'models',
			through: 'provider',
			label: { fr: 'Fournisseur des modèles', en: 'Model provider' },
		},
		{
			name: 'weights',
			path: 'models',
			through: 'licence.openWeights',
			label: { fr: 'Poids des modèles', en: 'Model weights' },
			yesNo: {
				yes: { fr: 'Un modèle à poids ouverts', en: 'A model with open weights' },
				no: { fr: 'Un modèle à poids fermés', en: 'A model with closed weights' },
			},
		},
		{ name: 'unit', path: 'owner.unit' },
		{ name: 'model', path: 'models' },
	],
	badges: ['status', 'aiAct.riskClass'],
	columns: [
		{ facet: 'status' },
		{ facet: 'risk' },
		{ facet: 'automation' },
		{ facet: 'model' },
		{ facet: 'unit' },
	],
	home: {
		charts: [
			'status',
			'risk',
			'approach',
			'generative',
			'automation',
			'hosting',
			'residency',
			'domain',
		],
	},
	layout: {
		keyFacts: [
			'status',
			{ facet: 'risk' },
			'automation',
			'approach',
			{ facet: 'model' },
			{ facet: 'hosting' },
			{ facet: 'residency' },
			'review',
			{ special: 'translation' },
		],
		sections: [
			{
				slug: 'finalite',
				title: { fr: 'Finalité et personnes concernées', en: 'Purpose and people affected' },
				items: fields('purpose', 'benefits', 'affectedPeople', 'alternatives'),
			},
			{
				slug: 'responsable',
				title: { fr: 'Responsable, contact et dates', en: 'Owner, contact and dates' },
				items: fields('owner', 'contact', 'website', 'domain', 'startDate', 'endDate', 'id'),
			},
			{
				slug: 'controle-humain',
				title: { fr: 'Contrôle humain et recours', en: 'Human oversight and redress' },
				items: fields('humanOversight', 'contest'),
			},
			{
				slug: 'modeles',
				title: { fr: 'Modèles utilisés', en: 'Models used' },
				items: [
					{
						uses: 'models',
						none: {
							fr: 'Ce système n’utilise aucun modèle d’IA du registre.',
							en: 'This system uses no AI model from the registry.',
						},
					},
				],
			},
			{
				slug: 'donnees',
				title: { fr: 'Données et base légale', en: 'Data and legal basis' },
				items: fields('dataSources', 'legalBasis', 'processingRecords'),
			},
			{
				slug: 'risques',
				title: {
					fr: 'Règlement sur l’IA, analyses et risques',
					en: 'AI Act, assessments and risks',
				},
				items: fields('aiAct', 'assessments', 'risks'),
			},
			{ slug: 'ia-generative', title: { field: 'generativeAi' }, items: fields('generativeAi') },
			{
				slug: 'technique',
				title: { fr: 'Fournisseurs et code source', en: 'Suppliers and source code' },
				items: fields('suppliers', 'sourceCode'),
			},
			{ slug: 'principes', title: { field: 'principles' }, items: fields('principles') },
			notesSection,
			recordSection(),
		],
	},
	lead: {
		fr: 'Les systèmes d’intelligence artificielle que nous utilisons ou préparons : à quoi ils servent, qui en répond, quels modèles ils emploient et quel contrôle humain s’exerce sur eux.',
		en: 'The artificial intelligence systems we use or are preparing: what they are for, who is accountable, which models they use and how people oversee them.',
	},
	form: {
		file: 'ai-system.yml',
		detailedFile: 'ai-system-detailed.yml',
		label: 'registry: system',
		title: { fr: 'Système d’IA', en: 'AI system' },
		details: {
			fr: 'Ce que fait le système, pour qui, avec quelles données, et qui vérifie ses résultats.',
			en: 'What the system does, for whom, with which data, and who checks its outputs.',
		},
		detailsField: 'summary',
		questions: [
			{ id: 'name', path: 'name', alwaysRequired: true },
			{ id: 'status', path: 'status', alwaysRequired: true },
			{ id: 'owner-unit', path: 'owner.unit' },
			{ id: 'models', path: 'models', multiline: true },
			{ id: 'contact', path: 'contact' },
			{ id: 'summary', path: 'summary', multiline: true, detailed: true },
			{ id: 'purpose', path: 'purpose', multiline: true, detailed: true },
			{ id: 'domain', path: 'domain', detailed: true },
			{ id: 'affected-people', path: 'affectedPeople', multiline: true, detailed: true },
			{ id: 'owner-role', path: 'owner.role', detailed: true },
			{ id: 'website', path: 'website', detailed: true },
			{ id: 'approach', path: 'approach', detailed: true },
			{ id: 'automation', path: 'automation', detailed: true },
			{ id: 'human-oversight', path: 'humanOversight', multiline: true, detailed: true },
			{ id: 'contest', path: 'contest', multiline: true, detailed: true },
			{ id: 'ai-act-role', path: 'aiAct.role', detailed: true },
			{ id: 'risk-class', path: 'aiAct.riskClass', detailed: true },
			{ id: 'risk-rationale', path: 'aiAct.rationale', multiline: true, detailed: true },
			{ id: 'start-date', path: 'startDate', detailed: true },
			{ id: 'source-code', path: 'sourceCode.url', detailed: true },
			{
				id: 'source-code-reason',
				path: 'sourceCode.notPublishedReason',
				multiline: true,
				detailed: true,
			},
			{ id: 'genai-hosting', path: 'generativeAi.hosting.type', detailed: true },
			{ id: 'genai-residency', path: 'generativeAi.hosting.residency', detailed: true },
			{ id: 'genai-retention', path: 'generativeAi.retention', multiline: true, detailed: true },
			{ id: 'genai-training', path: 'generativeAi.inputsUsedForTraining', detailed: true },
			{
				id: 'genai-disclosure',
				path: 'generativeAi.userDisclosure',
				multiline: true,
				detailed: true,
			},
		],
		updates: [
			{ id: 'status', path: 'status' },
			{ id: 'end-date', path: 'endDate' },
			{ id: 'models', path: 'models', multiline: true },
			{ id: 'review-last', path: 'review.last' },
			{ id: 'review-by', path: 'review.by' },
			{ id: 'review-next', path: 'review.next' },
		],
	},
	draftDescription:
		'A draft entry of an AI system for a public AI registry, in French and English.',
	rules: systemIssues,
	conditions: systemConditions,
});
