import { ModelSchema } from '../schemas/model.ts';
import { defineKind, fields, notesSection, recordSection } from './descriptor.ts';

/** Learning types by which a model learns to produce content: from raw data, or by rewards. */
const generativeLearning = new Set(['self-supervised', 'reinforcement-learning']);

/** Modalities of content a model may write, as opposed to tables of figures or embeddings. */
const contentModalities = new Set(['text', 'code', 'image', 'audio', 'video']);

/**
 * A generative model, told from its learning type and modalities (the schema has no such
 * field, and a system's approach label may say "hybrid"): it learnt from raw data or by
 * reinforcement and handles content, not embeddings. A language model qualifies; an embedding
 * model, an OCR engine, a classifier or a heating-control agent working on figures does not.
 */
function isGenerative(data: Record<string, unknown>): boolean {
	const modalities = Array.isArray(data['modalities']) ? (data['modalities'] as string[]) : [];
	return (
		generativeLearning.has(String(data['learningType'])) &&
		modalities.some((modality) => contentModalities.has(modality)) &&
		!modalities.includes('embeddings')
	);
}

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
	columns: [
		{ facet: 'provider' },
		{ facet: 'learning' },
		{ facet: 'hosting' },
		{ usedBy: 'systems' },
	],
	traits: [
		{
			name: 'generative',
			rule: {
				fr: 'Un modèle compte comme génératif quand il a appris sur des données brutes ou par renforcement (apprentissage auto-supervisé ou par renforcement) et qu’il traite du texte, du code, des images, du son ou de la vidéo, non des représentations vectorielles.',
				en: 'A model counts as generative when it learnt from raw data or by reinforcement (self-supervised or reinforcement learning) and handles text, code, images, sound or video, not embeddings.',
			},
			test: isGenerative,
		},
	],
	home: { charts: ['learning', 'weights'], mostUsedBy: 'systems' },
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
			notesSection,
			recordSection(),
		],
	},
	lead: {
		fr: 'Les modèles d’IA sur lesquels reposent nos systèmes : leur fournisseur, leur type d’apprentissage, leur licence, leur hébergement et leurs limites connues.',
		en: 'The AI models our systems rely on: their provider, learning type, licence, hosting and known limitations.',
	},
	form: {
		file: 'ai-model.yml',
		detailedFile: 'ai-model-detailed.yml',
		label: 'registry: model',
		title: { fr: 'Modèle d’IA', en: 'AI model' },
		details: {
			fr: 'À quoi le modèle sert chez nous, où il tourne, ce que l’on sait de son entraînement et de ses limites, avec des liens vers sa documentation.',
			en: 'What we use the model for, where it runs, what is known of its training and limits, with links to its documentation.',
		},
		detailsField: 'description',
		questions: [
			{ id: 'name', path: 'name', alwaysRequired: true },
			{ id: 'version', path: 'version', alwaysRequired: true },
			{ id: 'provider', path: 'provider', alwaysRequired: true },
			{ id: 'hosting', path: 'hosting.type' },
			{ id: 'licence', path: 'licence.name' },
			{ id: 'description', path: 'description', multiline: true, detailed: true },
			{ id: 'learning-type', path: 'learningType', detailed: true },
			{ id: 'tasks', path: 'tasks', multiline: true, detailed: true },
			{ id: 'modalities', path: 'modalities', detailed: true },
			{ id: 'open-weights', path: 'licence.openWeights', detailed: true },
			{ id: 'residency', path: 'hosting.residency', detailed: true },
			{ id: 'languages', path: 'languages', detailed: true },
			{ id: 'context-window', path: 'contextWindow', detailed: true },
			{ id: 'parameters', path: 'parameters', detailed: true },
			{ id: 'training-data', path: 'trainingData', multiline: true, detailed: true },
			{ id: 'limitations', path: 'limitations', multiline: true, detailed: true },
		],
	},
	draftDescription: 'A draft entry of an AI model for a public AI registry, in French and English.',
});
