import type { Bilingual } from '../registry/schemas/index.ts';
import { entrySchemas, referencedKind, type EntryKind } from '../registry/kinds/index.ts';
import { anyItem, schemaFields, type SchemaField } from '../registry/schema-fields.ts';
import { isPlainObject, isText } from './entry-data.ts';
import { generatedFields } from './form-fields.ts';
import { fieldWords } from './field-words.ts';
import { redact } from './redact.ts';

/**
 * Personal data in a draft entry, whatever wrote it: an answer typed in a form field (the
 * contributor's), the description copied into a form-only draft, or the model's text. The same
 * detectors as the text sent to the model (`redact.ts`) look at every free text and plain string
 * of the entry; addresses and links typed as such (a contact's `email`, a `url`) are what those
 * fields are for and are left to the reviewer, who checks that they are a team's.
 *
 * What is found is masked in the entry written (`[PHONE]`…) and reported, so that the review
 * checklist flags it and the validation check fails: nothing found is published by default. A
 * maintainer who judges the values fit to publish (a switchboard number, a version number taken
 * for an IP address) puts the {@link personalDataOkLabel} label on the issue and drafts again:
 * the values are then written as typed, and still listed.
 */

/** The issue label by which a maintainer lets the values found be written as they were typed. */
export const personalDataOkLabel = 'personal-data-ok';

/** One field holding personal data, in words, with what was found. */
export interface PersonalDataField {
	/** Dotted path of the value (`risks.0.mitigation`), for the line of the entry file. */
	field: string;
	/** The draft's other file it is in (`models/<id>.mdx`, a new model); the entry's if absent. */
	file?: string;
	/** The field as the form and the field reference name it. */
	label: Bilingual;
	/** How many of each kind: `email`, `phone`, `iban`, `nir`, `ip`. */
	kinds: Record<string, number>;
}

/** Field types holding free text, where personal data can hide. */
const scanned = new Set<SchemaField['type']>(['text', 'string']);

const generated = new Set<string>(Object.values(generatedFields));

/**
 * The entry with the personal data of its texts masked (unless `keep`), and the fields where
 * some was found. The data given is not changed.
 */
export function findPersonalData(
	kind: EntryKind,
	data: Record<string, unknown>,
	options: { keep: boolean },
): { data: Record<string, unknown>; found: PersonalDataField[] } {
	const fields = new Map(
		schemaFields(entrySchemas[kind]).map((field) => [field.path.join('.'), field]),
	);
	const found = new Map<string, Record<string, number>>();
	const scan = (text: string, path: string): string => {
		const result = redact(text);
		if (Object.keys(result.counts).length === 0) return text;
		const counts = found.get(path) ?? {};
		for (const [name, count] of Object.entries(result.counts)) {
			counts[name] = (counts[name] ?? 0) + count;
		}
		found.set(path, counts);
		return options.keep ? text : result.text;
	};
	/** A string, or a text's strings, of a field that holds free text. */
	const scanLeaf = (value: unknown, path: string): unknown => {
		if (typeof value === 'string') return scan(value, path);
		if (!isText(value)) return value;
		return Object.fromEntries(
			Object.entries(value).map(([language, text]) => [
				language,
				typeof text === 'string' ? scan(text, path) : text,
			]),
		);
	};
	const walk = (value: unknown, keys: string[]): unknown => {
		const schemaPath = keys.map((key) => (/^\d+$/.test(key) ? anyItem : key)).join('.');
		const field = fields.get(schemaPath);
		const path = keys.join('.');
		// Vocabulary keys and references are slugs, no place for anyone's details.
		const slug = field?.doc?.vocabulary !== undefined || referencedKind(field?.doc) !== undefined;
		if (field && scanned.has(field.type) && !slug) {
			// A list of texts (`categories`) is one field: its items share its path.
			return Array.isArray(value)
				? value.map((item) => scanLeaf(item, path))
				: scanLeaf(value, path);
		}
		if (Array.isArray(value))
			return value.map((item, index) => walk(item, [...keys, String(index)]));
		if (isPlainObject(value)) {
			return Object.fromEntries(
				Object.entries(value).map(([key, child]) => [key, walk(child, [...keys, key])]),
			);
		}
		return value;
	};
	const masked = Object.fromEntries(
		Object.entries(data).map(([key, value]) => [
			key,
			generated.has(key) ? value : walk(value, [key]),
		]),
	);
	return {
		data: masked,
		found: [...found].map(([field, kinds]) => ({ field, label: fieldWords(kind, field), kinds })),
	};
}
