import type { EntryKind } from '../registry/schemas/index.ts';
import type { RegistryKey } from '../i18n/registry.ts';

/** A block of an entry page: plain fields, or a part the page builds itself. */
export type LayoutItem =
	{ field: string } | { special: 'uses' | 'usedBy' | 'notes' | 'provenance' | 'history' };

/** A titled section of an entry page. */
export interface LayoutSection {
	/** Anchor of the section, the same in both languages. */
	slug: string;
	title: RegistryKey | { field: string };
	items: LayoutItem[];
	/** False for a section about the entry rather than the system or model: kept out of search. */
	searchable?: false;
}

const fields = (...paths: string[]): LayoutItem[] => paths.map((field) => ({ field }));

/**
 * Where each field of an entry appears on its page. The title (`name`), the lead (`summary`) and
 * the translation notice (`language`) sit above the sections; a test checks every other
 * top-level field of the schema is placed here.
 */
export const entryLayout: Record<EntryKind, { keyFacts: string[]; sections: LayoutSection[] }> = {
	systems: {
		keyFacts: ['id', 'status', 'domain', 'startDate', 'endDate', 'owner', 'contact', 'website'],
		sections: [
			{
				slug: 'finalite',
				title: 'section.purpose',
				items: fields('purpose', 'benefits', 'affectedPeople', 'alternatives'),
			},
			{
				slug: 'controle-humain',
				title: 'section.oversight',
				items: fields('automation', 'humanOversight', 'contest'),
			},
			{ slug: 'modeles', title: 'entry.uses', items: [{ special: 'uses' }] },
			{ slug: 'donnees', title: 'section.data', items: fields('dataSources', 'legalBasis') },
			{
				slug: 'risques',
				title: 'section.compliance',
				items: fields('aiAct', 'assessments', 'risks'),
			},
			{ slug: 'ia-generative', title: { field: 'generativeAi' }, items: fields('generativeAi') },
			{
				slug: 'technique',
				title: 'section.technical',
				items: fields('approach', 'suppliers', 'sourceCode'),
			},
			{ slug: 'principes', title: { field: 'principles' }, items: fields('principles') },
			{ slug: 'notes', title: 'entry.notes', items: [{ special: 'notes' }] },
			{
				slug: 'suivi',
				title: 'section.record',
				items: [...fields('review'), { special: 'provenance' }, { special: 'history' }],
				searchable: false,
			},
		],
	},
	models: {
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
				items: fields('description', 'architecture', 'tasks'),
			},
			{ slug: 'utilise-par', title: 'entry.usedBy', items: [{ special: 'usedBy' }] },
			{
				slug: 'limites',
				title: 'section.quality',
				items: fields('trainingData', 'limitations', 'evaluation', 'energy'),
			},
			{ slug: 'documentation', title: { field: 'documentation' }, items: fields('documentation') },
			{ slug: 'notes', title: 'entry.notes', items: [{ special: 'notes' }] },
			{
				slug: 'suivi',
				title: 'section.record',
				items: [{ special: 'provenance' }, { special: 'history' }],
				searchable: false,
			},
		],
	},
};

/** Fields shown outside the layout's sections: the title, the lead and the translation notice. */
export const fieldsAboveSections = ['name', 'summary', 'language'];
