import type { Bilingual } from '../registry/schemas/index.ts';
import { isPlainObject } from './entry-data.ts';

/**
 * Reading a model's structured answer, the same for a new entry, a correction and a new model:
 * the answer as an object, or why it is not one; and the messages of the two ways it fails.
 */

/** The model's answer as an object, or the reason it is not one (invalid JSON, not an object). */
export function parseAnswerObject(content: string): Record<string, unknown> | string {
	let value: unknown;
	try {
		value = JSON.parse(content);
	} catch (error) {
		return (error as Error).message;
	}
	return isPlainObject(value) ? value : 'not an object';
}

/** An answer that is not a JSON object, with the reason. */
export function notJson(reason: string): Bilingual {
	return {
		fr: `la réponse n’est pas un objet JSON valide (${reason})`,
		en: `the answer is not a valid JSON object (${reason})`,
	};
}

/** An answer that fails the registry's check even after its one repair. */
export const repairFailed: Bilingual = {
	fr: 'la réponse du modèle ne passe pas la validation du registre, même après une correction',
	en: 'the model’s answer fails the registry’s validation, even after one repair',
};
