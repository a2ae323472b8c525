import { type Language } from '../registry/schemas/index.ts';
import { sitePath } from './registry-paths.ts';

/**
 * Controlled lists whose every value is a term of the glossary, in the glossary's order. Entry
 * pages link these values' labels to their definition; an adopter's new value joins on its own.
 */
const glossaryVocabularies = [
	'ai-act-roles',
	'risk-classes',
	'assessment-types',
	'approaches',
	'learning-types',
	'automation-levels',
	'hosting',
	'data-residency',
	'personal-data',
	'legal-bases',
	'certifications',
] as const;

/** A controlled list that the glossary defines. */
export type GlossaryVocabulary = (typeof glossaryVocabularies)[number];

/** Whether the glossary defines the values of a controlled list. */
function isGlossaryVocabulary(name: string): name is GlossaryVocabulary {
	return (glossaryVocabularies as readonly string[]).includes(name);
}

/** Whether a value is a glossary term: one of those lists, and a definition to show there. */
export function isGlossaryTerm(vocabulary: string, value: { definition?: unknown }): boolean {
	return isGlossaryVocabulary(vocabulary) && value.definition !== undefined;
}

/** The anchor of a vocabulary value on the glossary page: `risk-classes-high-risk`. */
export function glossaryId(vocabulary: string, key: string): string {
	return `${vocabulary}-${key}`;
}

/** Path of the glossary page, or of one of its terms, in a language. */
export function glossaryPath(lang: Language, id?: string): string {
	return `${sitePath(lang, 'glossaire/')}${id ? `#${id}` : ''}`;
}
