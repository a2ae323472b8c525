import { SoftwareSchema } from '../schemas/software.ts';
import type { EntryIssue } from '../problems.ts';
import {
	defineKind,
	fields,
	notesSection,
	recordSection,
	type KindCondition,
} from './descriptor.ts';

/** `none` says there is no certification at all, so it stands alone. */
function softwareIssues(data: Record<string, unknown>): EntryIssue[] {
	const certifications = data['certifications'];
	if (!Array.isArray(certifications) || certifications.length < 2) return [];
	const at = certifications.indexOf('none');
	if (at === -1) return [];
	return [
		{
			at: ['certifications', at],
			message: {
				fr: '« none » signifie qu’il n’y a aucune certification : retirez-le, ou retirez les autres valeurs',
				en: '"none" means there is no certification at all: remove it, or remove the other values',
			},
		},
	];
}

/** What {@link softwareIssues} checks, as the field reference says it. */
const softwareConditions: readonly KindCondition[] = [
	{
		fields: ['certifications'],
		text: {
			fr: 'La valeur none (aucune certification) est seule dans la liste : elle ne se combine avec aucune autre.',
			en: 'The value none (no certification) stands alone in the list: it is never combined with another.',
		},
		breakWith: { certifications: ['secnumcloud', 'none'] },
	},
];

/** Software and online services: what systems and models run on, who edits it, where it is hosted. */
export const software = defineKind({
	name: 'software',
	schema: SoftwareSchema,
	segment: 'logiciels',
	key: 'software',
	nouns: {
		all: { fr: 'Logiciels et services', en: 'Software and services' },
		one: { fr: 'logiciel', en: 'software product' },
		a: { fr: 'un logiciel', en: 'a software product' },
		none: { fr: 'aucun logiciel', en: 'no software' },
	},
	titleField: 'name',
	summaryField: 'description',
	generatedFields: ['id', 'language', 'provenance'],
	facets: [
		{ name: 'editor', path: 'editor.name' },
		{ name: 'hosting', path: 'hosting.type' },
		{ name: 'residency', path: 'hosting.residency' },
		{ name: 'certification', path: 'certifications' },
		{
			name: 'open-source',
			path: 'licence.openSource',
			yesNo: {
				yes: { fr: 'Logiciel libre', en: 'Open source' },
				no: { fr: 'Logiciel propriétaire', en: 'Proprietary' },
			},
		},
	],
	badges: ['editor.name', 'hosting.type'],
	columns: [
		{ facet: 'editor' },
		{ facet: 'hosting' },
		{ facet: 'residency' },
		{ usedBy: 'systems' },
	],
	layout: {
		keyFacts: ['id', 'editor', 'version', 'licence', 'hosting', 'certifications', 'website'],
		sections: [
			{ slug: 'description', title: { field: 'description' }, items: fields('description') },
			{
				slug: 'conditions',
				title: { fr: 'Confidentialité et conditions', en: 'Privacy and terms' },
				items: fields('privacyPolicy', 'terms'),
			},
			{
				slug: 'systemes',
				title: { fr: 'Systèmes qui l’utilisent', en: 'Systems using it' },
				items: [
					{
						referencedBy: 'systems',
						none: {
							fr: 'Aucun système du registre ne compte ce logiciel parmi ses fournisseurs pour le moment.',
							en: 'No system in the registry lists this software among its suppliers at the moment.',
						},
					},
				],
			},
			{
				slug: 'modeles',
				title: { fr: 'Modèles qu’il fait tourner', en: 'Models it runs' },
				items: [
					{
						referencedBy: 'models',
						none: {
							fr: 'Aucun modèle du registre ne tourne sur ce logiciel.',
							en: 'No model in the registry runs on this software.',
						},
					},
				],
			},
			notesSection,
			recordSection(),
		],
	},
	lead: {
		fr: 'Les logiciels et services en ligne sur lesquels reposent nos systèmes et nos modèles : qui les édite, où ils sont hébergés, quelles certifications ils détiennent, avec leurs conditions et leur politique de confidentialité.',
		en: 'The software and online services our systems and models rely on: who makes them, where they are hosted, which certifications they hold, with their terms and privacy policy.',
	},
	form: {
		file: 'software.yml',
		label: 'registry: software',
		title: { fr: 'Logiciel', en: 'Software' },
		details: {
			fr: 'Ce que le logiciel fait pour nous, qui l’édite, où il est hébergé, quelles données il traite, avec des liens vers la politique de confidentialité et les conditions de l’éditeur.',
			en: 'What the software does for us, who makes it, where it is hosted, which data it processes, with links to the editor’s privacy policy and terms.',
		},
		detailsField: 'description',
		questions: [
			{ id: 'name', path: 'name', alwaysRequired: true },
			{ id: 'editor', path: 'editor.name', alwaysRequired: true },
			{ id: 'hosting', path: 'hosting.type' },
			{ id: 'residency', path: 'hosting.residency' },
			{ id: 'licence', path: 'licence.name' },
			{ id: 'certifications', path: 'certifications' },
			{ id: 'privacy-policy', path: 'privacyPolicy' },
		],
	},
	draftDescription:
		'A draft entry of a software product or online service and its editor, for a public AI registry, in French and English.',
	rules: softwareIssues,
	conditions: softwareConditions,
});
