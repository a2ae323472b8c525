import { ModelSchema } from '../schemas/model.ts';
import { defineKind, fields } from './descriptor.ts';

/** AI models: what the systems rely on, with their provider, training, licence and hosting. */
export const models = defineKind({
	name: 'models',
	schema: ModelSchema,
	segment: 'modeles',
	key: 'model',
	nouns: {
		all: { fr: 'Modèles d’IA', en: 'AI models' },
		one: { fr: 'modèle d’IA', en: 'AI model' },
		a: { fr: 'un modèle d’IA', en: 'an AI model' },
		none: { fr: 'aucun modèle', en: 'no model' },
	},
	titleField: 'name',
	summaryField: 'description',
	generatedFields: ['id', 'language', 'provenance'],
	facets: [
		{ name: 'learning', path: 'learningType' },
		{ name: 'provider', path: 'provider' },
		{ name: 'hosting', path: 'hosting.type' },
		{ name: 'residency', path: 'hosting.residency' },
		{ name: 'modality', path: 'modalities' },
		{
			name: 'weights',
			path: 'licence.openWeights',
			yesNo: {
				yes: { fr: 'Poids ouverts', en: 'Open weights' },
				no: { fr: 'Poids fermés', en: 'Closed weights' },
			},
		},
	],
	badges: ['provider', 'learningType'],
	layout: {
		keyFacts: [
			'id',
			'provider',
			'version',
			'learningType',
			'modalities',
			'licence',
			'hosting',
			'languages',
			'contextWindow',
			'parameters',
		],
		sections: [
			{
				slug: 'description',
				title: { field: 'description' },
				items: fields('description', 'architecture', 'tasks', 'software'),
			},
			{
				slug: 'utilise-par',
				title: { fr: 'Utilisé par', en: 'Used by' },
				items: [
					{
						referencedBy: 'systems',
						none: {
							fr: 'Aucun système du registre n’utilise ce modèle pour le moment.',
							en: 'No system in the registry uses this model at the moment.',
						},
					},
				],
			},
			{
				slug: 'limites',
				title: {
					fr: 'Données d’entraînement, limites et évaluation',
					en: 'Training data, limitations and evaluation',
				},
				items: fields('trainingData', 'limitations', 'evaluation', 'energy'),
			},
			{ slug: 'documentation', title: { field: 'documentation' }, items: fields('documentation') },
			{ slug: 'notes', title: { fr: 'Notes', en: 'Notes' }, items: [{ special: 'notes' }] },
			{
				slug: 'suivi',
				title: { fr: 'Suivi de la fiche', en: 'Entry record' },
				items: [{ special: 'provenance' }, { special: 'history' }],
				searchable: false,
			},
		],
	},
	lead: {
		fr: 'Les modèles d’IA sur lesquels reposent nos systèmes : leur fournisseur, leur type d’apprentissage, leur licence, leur hébergement et leurs limites connues.',
		en: 'The AI models our systems rely on: their provider, learning type, licence, hosting and known limitations.',
	},
	form: {
		file: 'ai-model.yml',
		label: 'registry: model',
		title: { fr: 'Modèle d’IA', en: 'AI model' },
		details: {
			fr: 'Décrivez le modèle avec vos mots : à quoi il sert chez nous, où il tourne, ce que l’on sait de son entraînement et de ses limites, avec des liens vers sa documentation.',
			en: 'Describe the model in your own words: what we use it for, where it runs, what is known of its training and limits, with links to its documentation.',
		},
		questions: [
			{ id: 'name', path: 'name', alwaysRequired: true },
			{ id: 'version', path: 'version', alwaysRequired: true },
			{ id: 'provider', path: 'provider', alwaysRequired: true },
			{ id: 'description', path: 'description', multiline: true },
			{ id: 'learning-type', path: 'learningType' },
			{ id: 'tasks', path: 'tasks', multiline: true },
			{ id: 'modalities', path: 'modalities' },
			{ id: 'licence', path: 'licence.name' },
			{ id: 'open-weights', path: 'licence.openWeights' },
			{ id: 'hosting', path: 'hosting.type' },
			{ id: 'residency', path: 'hosting.residency' },
			{ id: 'languages', path: 'languages' },
			{ id: 'context-window', path: 'contextWindow' },
			{ id: 'parameters', path: 'parameters' },
			{ id: 'training-data', path: 'trainingData', multiline: true },
			{ id: 'limitations', path: 'limitations', multiline: true },
		],
	},
	draftDescription: 'A draft entry of an AI model for a public AI registry, in French and English.',
});
