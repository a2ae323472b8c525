import type { Bilingual, EntryKind } from './schemas/index.ts';

/** What one entry of a kind and the whole kind are called, and the name of a column naming one. */
export interface KindName {
	/** The whole kind, as a heading: `Systèmes d’IA`, `AI systems`. */
	all: Bilingual;
	/** One entry, inside a sentence: `système d’IA`, `AI system`. */
	one: Bilingual;
	/** A column or key holding the id of one entry (English, lowercase): `system`. */
	key: string;
}

/** The names of each kind of entry: the pages' strings and the open-data exports read them here. */
export const kindNames: Record<EntryKind, KindName> = {
	systems: {
		all: { fr: 'Systèmes d’IA', en: 'AI systems' },
		one: { fr: 'système d’IA', en: 'AI system' },
		key: 'system',
	},
	models: {
		all: { fr: 'Modèles d’IA', en: 'AI models' },
		one: { fr: 'modèle d’IA', en: 'AI model' },
		key: 'model',
	},
};
