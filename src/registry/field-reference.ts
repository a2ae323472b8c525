import type { z } from 'zod';
import {
	anyItem,
	formatFieldPath,
	objectShape,
	schemaFields,
	unwrap,
	type FieldType,
	type SchemaField,
} from './schema-fields.ts';
import {
	LanguageCodeSchema,
	SlugSchema,
	schemaMessages,
	type Bilingual,
	type Language,
} from './schemas/index.ts';
import { entrySchemas, kindOf, referencedKind, type EntryKind } from './kinds/index.ts';

/** One row of the field reference: what a reader or contributor needs to know about a field. */
export interface FieldReferenceItem {
	/** Dotted path, `[]` marking a list's items: `models[].usage`. */
	path: string;
	/** Nesting depth, 0 for a top-level field, for indentation. */
	depth: number;
	label: Bilingual;
	help: Bilingual;
	/** Kind of value; for a list, of its items. */
	type: FieldType;
	list: boolean;
	/** Whether the field must be given (within its parent, for a nested field). */
	required: boolean;
	/**
	 * For a required field inside an optional group or a list, that group or list: the field is
	 * required only when the group is given, or in each item of the list.
	 */
	requiredWithin?: { path: string; list: boolean };
	/** Controlled vocabulary the values come from. */
	vocabulary?: string;
	/** Kind of entry the value refers to by id. */
	references?: EntryKind;
	/** Values allowed, for a fixed choice. */
	choices?: readonly string[];
	/** Longest value allowed, in characters (per language for a text). */
	maxLength?: number;
	/** Shortest value allowed, in characters, when the schema asks for more than one. */
	minLength?: number;
	/** For a list, the fewest and the most items it may hold. */
	minItems?: number;
	maxItems?: number;
	/** For a number, the smallest and the largest values allowed. */
	minimum?: number;
	maximum?: number;
	/** What a string must look like, when its schema has a pattern people are told about. */
	format?: Bilingual;
	/** The value a file that leaves the field out gets (an empty list). */
	defaultValue?: unknown;
	/** The kind's conditions between fields that concern this one. */
	conditions: Bilingual[];
}

/**
 * The field reference of a kind of entry, walked from its schema: every field, nested ones
 * included, in declaration order, with its label and help in both languages, its constraints
 * and the kind's conditions that concern it. A field without documentation is a bug in the
 * schema, reported here rather than published blank.
 */
export function fieldReference(kind: EntryKind): FieldReferenceItem[] {
	const schema = entrySchemas[kind] as z.ZodObject;
	const fields = schemaFields(schema);
	const conditions = kindOf(kind).conditions ?? [];
	const byPath = new Map(fields.map((field) => [formatFieldPath(field.path), field]));
	return fields.map((field) => {
		const path = formatFieldPath(field.path);
		if (!field.doc) throw new Error(`Field "${path}" of ${kind} has no field() documentation`);
		const item: FieldReferenceItem = {
			path,
			depth: field.path.filter((key) => key !== anyItem).length - 1,
			label: field.doc.label,
			help: field.doc.help,
			type: field.type,
			list: field.list,
			required: field.required,
			conditions: conditions
				.filter((condition) => condition.fields.includes(path))
				.map((condition) => condition.text),
		};
		if (field.required) {
			const within = enclosingGroup(field, byPath);
			if (within) item.requiredWithin = within;
		}
		if (field.doc.vocabulary) item.vocabulary = field.doc.vocabulary;
		const references = referencedKind(field.doc);
		if (references) item.references = references;
		if (field.choices) item.choices = field.choices;
		if (field.maxLength !== undefined) item.maxLength = field.maxLength;
		Object.assign(item, constraintsOf(field, declaredSchema(schema, field.path)));
		return item;
	});
}

/** The nearest optional group or list around a field, which its requirement depends on. */
function enclosingGroup(
	field: SchemaField,
	byPath: Map<string, SchemaField>,
): FieldReferenceItem['requiredWithin'] {
	for (let end = field.path.length - 1; end > 0; end--) {
		const around = field.path.slice(0, end);
		if (around[end - 1] === anyItem)
			return { path: formatFieldPath(around.slice(0, -1)), list: true };
		if (byPath.get(formatFieldPath(around))?.required === false) {
			return { path: formatFieldPath(around), list: false };
		}
	}
	return undefined;
}

/** The parts of a zod schema's definition the reference reads. */
interface AnyDef {
	type: string;
	innerType?: z.ZodType;
	defaultValue?: unknown;
	element?: z.ZodType;
	checks?: { _zod: { def: CheckDef } }[];
}

/** The parts of a zod check's definition the reference reads. */
interface CheckDef {
	check: string;
	minimum?: number;
	maximum?: number;
	value?: number;
	inclusive?: boolean;
	format?: string;
	pattern?: RegExp;
}

/** The schema of a field as declared, its optional and default wrappers kept. */
function declaredSchema(root: z.ZodObject, path: readonly string[]): z.ZodType {
	let current: z.ZodType = root;
	for (const key of path) {
		if (key === anyItem) {
			current = (unwrap(current)._zod.def as AnyDef).element as z.ZodType;
		} else {
			const next = objectShape(current)?.[key];
			if (!next) throw new Error(`no field ${path.join('.')}`);
			current = next;
		}
	}
	return current;
}

/** The checks a schema carries, wrappers peeled. */
function checksOf(schema: z.ZodType): CheckDef[] {
	return ((unwrap(schema)._zod.def as AnyDef).checks ?? []).map((check) => check._zod.def);
}

/** Patterns people are told about, by the schema that carries them. */
const formats: { pattern: RegExp | undefined; message: Bilingual }[] = [
	{ pattern: patternOf(SlugSchema), message: schemaMessages.slug },
	{ pattern: patternOf(LanguageCodeSchema), message: schemaMessages.languageCode },
];

function patternOf(schema: z.ZodType): RegExp | undefined {
	return checksOf(schema).find((check) => check.format === 'regex')?.pattern;
}

/** The limits a field's schema declares: default, list sizes, lengths, bounds, format. */
function constraintsOf(field: SchemaField, declared: z.ZodType): Partial<FieldReferenceItem> {
	const out: Partial<FieldReferenceItem> = {};
	let wrapper = declared;
	for (;;) {
		const def = wrapper._zod.def as AnyDef;
		if (def.type === 'default' || def.type === 'prefault') {
			out.defaultValue = structuredClone(def.defaultValue);
			break;
		}
		if (!def.innerType || !['optional', 'nullable'].includes(def.type)) break;
		wrapper = def.innerType;
	}
	if (field.list) {
		for (const check of checksOf(field.schema)) {
			if (check.check === 'min_length' && check.minimum) out.minItems = check.minimum;
			if (check.check === 'max_length' && check.maximum !== undefined) out.maxItems = check.maximum;
		}
	}
	const item = field.list
		? ((unwrap(field.schema)._zod.def as AnyDef).element as z.ZodType)
		: field.schema;
	const leaf = field.type === 'text' ? (objectShape(item)?.['fr'] as z.ZodType | undefined) : item;
	if (!leaf) return out;
	for (const check of checksOf(leaf)) {
		if (check.check === 'min_length' && check.minimum !== undefined && check.minimum > 1) {
			out.minLength = check.minimum;
		}
		if (check.check === 'greater_than' && check.value !== undefined) {
			out.minimum =
				check.inclusive || field.type !== 'integer' ? check.value : Math.floor(check.value) + 1;
		}
		if (check.check === 'less_than' && check.value !== undefined) {
			out.maximum =
				check.inclusive || field.type !== 'integer' ? check.value : Math.ceil(check.value) - 1;
		}
	}
	if (field.type === 'string' && !field.doc?.vocabulary && !field.doc?.references) {
		const pattern = patternOf(leaf);
		const format = formats.find((known) => known.pattern?.source === pattern?.source);
		if (pattern && format) out.format = format.message;
	}
	return out;
}

/** How each type of value is named to readers: one value, and several (after "list of"). */
export const fieldTypeNames: Record<FieldType, { one: Bilingual; many: Bilingual }> = {
	text: {
		one: { fr: 'texte en français et en anglais', en: 'text in French and English' },
		many: { fr: 'textes en français et en anglais', en: 'texts in French and English' },
	},
	string: {
		one: {
			fr: 'texte simple, le même dans les deux langues',
			en: 'plain text, the same in both languages',
		},
		many: {
			fr: 'textes simples, les mêmes dans les deux langues',
			en: 'plain texts, the same in both languages',
		},
	},
	date: {
		one: { fr: 'date (AAAA-MM-JJ)', en: 'date (YYYY-MM-DD)' },
		many: { fr: 'dates (AAAA-MM-JJ)', en: 'dates (YYYY-MM-DD)' },
	},
	url: {
		one: { fr: 'adresse web complète (https://…)', en: 'full web address (https://…)' },
		many: { fr: 'adresses web complètes (https://…)', en: 'full web addresses (https://…)' },
	},
	email: {
		one: { fr: 'adresse électronique', en: 'email address' },
		many: { fr: 'adresses électroniques', en: 'email addresses' },
	},
	integer: {
		one: { fr: 'nombre entier', en: 'whole number' },
		many: { fr: 'nombres entiers', en: 'whole numbers' },
	},
	number: { one: { fr: 'nombre', en: 'number' }, many: { fr: 'nombres', en: 'numbers' } },
	boolean: {
		one: { fr: 'oui ou non : true ou false', en: 'yes or no: true or false' },
		many: { fr: 'valeurs true ou false', en: 'true or false values' },
	},
	choice: {
		one: { fr: 'une valeur parmi', en: 'one of' },
		many: { fr: 'valeurs parmi', en: 'values among' },
	},
	object: {
		one: { fr: 'groupe de champs, détaillés ci-dessous', en: 'group of fields, detailed below' },
		many: {
			fr: 'groupes de champs, détaillés ci-dessous',
			en: 'groups of fields, detailed below',
		},
	},
	record: {
		one: { fr: 'table champ → valeur', en: 'field → value table' },
		many: { fr: 'tables champ → valeur', en: 'field → value tables' },
	},
};

/**
 * A piece of a field's description: text, a value to set in code, a kind of entry (which the
 * page links to its index) or a vocabulary (which the page names by its label).
 */
export type DescriptionPart =
	string | { code: string } | { kind: EntryKind } | { vocabulary: string };

/** "list of …" in each language, with French elision: `liste d’adresses`. */
function listOf(many: string, lang: Language): string {
	if (lang === 'en') return `list of ${many}`;
	return /^[aeéèêiîoôuh]/i.test(many) ? `liste d’${many}` : `liste de ${many}`;
}

/** Characters, in a sentence: `400 caractères au plus dans chaque langue`. */
function lengthPhrase(item: FieldReferenceItem, lang: Language): string | undefined {
	const max = item.maxLength;
	if (max === undefined) return undefined;
	if (lang === 'fr') {
		if (item.type === 'text') return `${max} caractères au plus dans chaque langue`;
		return item.list ? `${max} caractères au plus chacun` : `${max} caractères au plus`;
	}
	if (item.type === 'text') return `at most ${max} characters in each language`;
	return item.list ? `at most ${max} characters each` : `at most ${max} characters`;
}

/**
 * A field's type as readers are told it: `liste de valeurs du vocabulaire « Principes »`,
 * `text in French and English (at most 400 characters in each language)`, `reference to an
 * entry of kind “AI model” (its id)`.
 */
export function fieldTypeDescription(item: FieldReferenceItem, lang: Language): DescriptionPart[] {
	const fr = lang === 'fr';
	const [open, close] = fr ? ['« ', ' »'] : ['“', '”'];
	if (item.references) {
		const head = item.list
			? fr
				? 'liste de références à des fiches de type '
				: 'list of references to entries of kind '
			: fr
				? 'référence à une fiche de type '
				: 'reference to an entry of kind ';
		const tail = item.list
			? fr
				? ' (leurs identifiants)'
				: ' (their ids)'
			: fr
				? ' (son identifiant)'
				: ' (its id)';
		return [`${head}${open}`, { kind: item.references }, `${close}${tail}`];
	}
	if (item.vocabulary) {
		const head = item.list
			? fr
				? 'liste de valeurs du vocabulaire '
				: 'list of values of vocabulary '
			: fr
				? 'une des valeurs du vocabulaire '
				: 'one of the values of vocabulary ';
		return [`${head}${open}`, { vocabulary: item.vocabulary }, close];
	}
	const names = fieldTypeNames[item.type];
	const name = item.list ? listOf(names.many[lang], lang) : names.one[lang];
	const { choices } = item;
	if (choices) {
		const parts: DescriptionPart[] = [`${name} `];
		choices.forEach((choice, index) => {
			if (index > 0) parts.push(index === choices.length - 1 ? (fr ? ' ou ' : ' or ') : ', ');
			parts.push({ code: choice });
		});
		return parts;
	}
	const length = lengthPhrase(item, lang);
	return [length ? `${name} (${length})` : name];
}

/** Plain text of a description, for tests and for places without links. */
export function descriptionText(
	parts: readonly DescriptionPart[],
	names: { kind: (kind: EntryKind) => string; vocabulary: (name: string) => string },
): string {
	return parts
		.map((part) =>
			typeof part === 'string'
				? part
				: 'code' in part
					? part.code
					: 'kind' in part
						? names.kind(part.kind)
						: names.vocabulary(part.vocabulary),
		)
		.join('');
}

/** "1 élément", "3 items". */
function items(count: number, lang: Language): string {
	if (lang === 'fr') return `${count} élément${count > 1 ? 's' : ''}`;
	return `${count} item${count === 1 ? '' : 's'}`;
}

/** A range in words: `au moins 1`, `from 1 to 10`. */
function range(
	min: number | undefined,
	max: number | undefined,
	lang: Language,
	unit = (n: number) => String(n),
) {
	if (min !== undefined && max !== undefined)
		return lang === 'fr' ? `de ${unit(min)} à ${unit(max)}` : `from ${unit(min)} to ${unit(max)}`;
	if (min !== undefined) return lang === 'fr' ? `au moins ${unit(min)}` : `at least ${unit(min)}`;
	if (max !== undefined) return lang === 'fr' ? `au plus ${unit(max)}` : `at most ${unit(max)}`;
	return undefined;
}

/** Capitalises a sentence's first letter. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The constraints of a field beyond its type, each a short sentence: its default, how many
 * items a list holds, lengths, bounds, the shape of its values and whether a value may repeat.
 */
export function fieldConstraints(item: FieldReferenceItem, lang: Language): string[] {
	const fr = lang === 'fr';
	const out: string[] = [];
	if (Array.isArray(item.defaultValue) && item.defaultValue.length === 0) {
		out.push(
			fr
				? 'Par défaut : une liste vide (champ absent).'
				: 'Default: an empty list (field left out).',
		);
	} else if (item.defaultValue !== undefined) {
		out.push(
			fr
				? `Par défaut : ${JSON.stringify(item.defaultValue)} (champ absent).`
				: `Default: ${JSON.stringify(item.defaultValue)} (field left out).`,
		);
	}
	const size = range(item.minItems, item.maxItems, lang, (n) => items(n, lang));
	if (size) out.push(`${sentence(size)}.`);
	if (item.minLength !== undefined) {
		out.push(
			fr ? `Au moins ${item.minLength} caractères.` : `At least ${item.minLength} characters.`,
		);
	}
	const bounds = range(item.minimum, item.maximum, lang);
	if (bounds) out.push(`${sentence(bounds)}.`);
	if (item.format) {
		out.push(
			item.list
				? `${fr ? 'Chaque élément' : 'Each item'} ${item.format[lang]}.`
				: `${sentence(item.format[lang])}.`,
		);
	}
	if (item.list && item.vocabulary) {
		out.push(fr ? 'Chaque valeur figure une fois au plus.' : 'Each value is listed once at most.');
	}
	if (item.references && (item.list || item.path.includes(anyItem))) {
		out.push(
			fr
				? 'Chaque fiche figure une fois au plus dans la liste.'
				: 'Each entry is named once at most in the list.',
		);
	}
	return out;
}
