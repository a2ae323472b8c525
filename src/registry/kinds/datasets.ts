import { DatasetSchema } from '../schemas/dataset.ts';
import type { EntryIssue } from '../problems.ts';
import {
	defineKind,
	fields,
	notesSection,
	recordSection,
	type KindCondition,
} from './descriptor.ts';

/** A dataset's contact needs an address or a page, as a system's does. */
function datasetIssues(data: Record<string, unknown>): EntryIssue[] {
	const contact = data['contact'];
	if (contact === null || typeof contact !== 'object' || Array.isArray(contact)) return [];
	const { email, url } = contact as Record<string, unknown>;
	if (email || url) return [];
	return [
		{
			at: ['contact'],
			message: {
				fr: 'donnez au moins un moyen de contact : une adresse électronique (email) ou une page (url)',
				en: 'give at least one way to get in touch: an email address (email) or a page (url)',
			},
		},
	];
}

/** What {@link datasetIssues} checks, as the field reference says it. */
const datasetConditions: readonly KindCondition[] = [
	{
		fields: ['contact'],
		text: {
			fr: 'Le contact donne au moins une adresse électronique (contact.email) ou une page (contact.url).',
			en: 'The contact gives at least an email address (contact.email) or a page (contact.url).',
		},
		breakWith: { contact: { email: null, url: null } },
	},
];

/** Datasets: the data the systems read, where it comes from, how personal it is, its licence. */
export const datasets = defineKind({
	name: 'datasets',
	schema: DatasetSchema,
	segment: 'jeux-de-donnees',
	key: 'dataset',
	nouns: {
		all: { fr: 'Jeux de données', en: 'Datasets' },
		one: { fr: 'jeu de données', en: 'dataset' },
		a: { fr: 'un jeu de données', en: 'a dataset' },
		none: { fr: 'aucun jeu de données', en: 'no dataset' },
	},
	titleField: 'name',
	summaryField: 'description',
	generatedFields: ['id', 'language', 'provenance'],
	facets: [
		{ name: 'origin', path: 'origin' },
		{ name: 'personal', path: 'personalData' },
		{ name: 'frequency', path: 'updateFrequency' },
		{ name: 'licence', path: 'licence' },
		{ name: 'unit', path: 'owner.unit' },
	],
	badges: ['origin', 'personalData'],
	columns: [
		{ facet: 'origin' },
		{ facet: 'personal' },
		{ facet: 'frequency' },
		{ usedBy: 'systems' },
	],
	layout: {
		keyFacts: [
			'id',
			'origin',
			'producer',
			'personalData',
			'licence',
			'updateFrequency',
			'url',
			'owner',
			'contact',
		],
		sections: [
			{
				slug: 'description',
				title: { field: 'description' },
				items: fields('description', 'categories', 'volume'),
			},
			{
				slug: 'utilise-par',
				title: { fr: 'Utilisé par', en: 'Used by' },
				items: [
					{
						referencedBy: 'systems',
						none: {
							fr: 'Aucun système du registre n’utilise ce jeu de données pour le moment.',
							en: 'No system in the registry uses this dataset at the moment.',
						},
					},
				],
			},
			notesSection,
			recordSection(),
		],
	},
	lead: {
		fr: 'Les jeux de données que lisent nos systèmes d’IA : d’où ils viennent, ce qu’ils contiennent, s’ils touchent à des données personnelles, sous quelle licence ils sont publiés et à quel rythme ils changent.',
		en: 'The datasets our AI systems read: where they come from, what they hold, whether they involve personal data, the licence they are published under and how often they change.',
	},
	form: {
		file: 'dataset.yml',
		label: 'registry: dataset',
		title: { fr: 'Jeu de données', en: 'Dataset' },
		details: {
			fr: 'Ce que contiennent les données, d’où elles viennent, si des personnes y sont identifiables, sous quelle licence elles sont publiées et quels systèmes les utilisent.',
			en: 'What the data holds, where it comes from, whether people can be identified in it, the licence it is published under and which systems use it.',
		},
		detailsField: 'description',
		questions: [
			{ id: 'name', path: 'name', alwaysRequired: true },
			{ id: 'origin', path: 'origin' },
			{ id: 'personal-data', path: 'personalData' },
			{ id: 'update-frequency', path: 'updateFrequency' },
			{ id: 'url', path: 'url' },
			{ id: 'owner-unit', path: 'owner.unit' },
			{ id: 'contact', path: 'contact' },
		],
	},
	draftDescription: 'A draft entry of a dataset for a public AI registry, in French and English.',
	rules: datasetIssues,
	conditions: datasetConditions,
});
