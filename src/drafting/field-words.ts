import type { Bilingual } from '../registry/schemas/index.ts';
import { entrySchemas, kindOf, type EntryKind } from '../registry/kinds/index.ts';
import { anyItem, schemaFields } from '../registry/schema-fields.ts';

/**
 * An entry field in words, as contributors and maintainers read it: never a path such as
 * `language.original`. A field a form question asks is named by that question's label; any
 * other by the labels of the fields around it, outermost first (`Risques et mesures › Mesure`).
 */
export function fieldWords(kind: EntryKind, path: string): Bilingual {
	const keys = path.split('.').filter((key) => !/^\d+$/.test(key) && key !== anyItem);
	const byPath = new Map(
		schemaFields(entrySchemas[kind]).map((field) => [
			field.path.filter((key) => key !== anyItem).join('.'),
			field.doc?.label,
		]),
	);
	const asked = kindOf(kind).form.questions.some((question) => question.path === keys.join('.'));
	const labels = keys
		.map((_, index) => byPath.get(keys.slice(0, index + 1).join('.')))
		.filter((label): label is Bilingual => label !== undefined);
	const shown = asked ? labels.slice(-1) : labels;
	if (shown.length === 0) return { fr: keys.join(' › '), en: keys.join(' › ') };
	return {
		fr: shown.map((label) => label.fr).join(' › '),
		en: shown.map((label) => label.en).join(' › '),
	};
}
