import { z } from 'zod';
import { SlugSchema } from './shared.ts';

/** A label or definition in both languages. */
const LabelSchema = z
	.object({ fr: z.string().trim().min(1), en: z.string().trim().min(1) })
	.strict();

/** One value of a controlled list: a stable key, its labels and, where useful, its definition. */
export const VocabularyValueSchema = z
	.object({
		key: SlugSchema,
		label: LabelSchema,
		definition: LabelSchema.optional(),
	})
	.strict();

/**
 * A controlled list: one file `vocabularies/<name>.yml` of the kit, which an organisation extends
 * with a file of the same name in its `registry/vocabularies/` (see `loadVocabularies`).
 */
export const VocabularySchema = z
	.object({
		label: LabelSchema,
		values: z.array(VocabularyValueSchema).min(1),
	})
	.strict();

/** A controlled list. */
export type Vocabulary = z.infer<typeof VocabularySchema>;

/** One value of a controlled list. */
export type VocabularyValue = z.infer<typeof VocabularyValueSchema>;
