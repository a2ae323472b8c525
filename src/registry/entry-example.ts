import { Document, Scalar, isCollection, isScalar, visit } from 'yaml';
import type { z } from 'zod';
import { entrySchemas, kindOf, referencedKind, type EntryKind } from './kinds/index.ts';
import {
	anyItem,
	formatFieldPath,
	isRecord,
	isTextSchema,
	objectShape,
	schemaFields,
	unwrap,
	unwrapField,
	valueAt,
	valuesAt,
} from './schema-fields.ts';
import { LanguageCodeSchema, languages, type FieldDoc } from './schemas/index.ts';
import type { Vocabularies } from './vocabularies.ts';

/** What an example of a kind is made from: the registry's entries, vocabularies and ids. */
export interface ExampleSources {
	/** The kind's valid entries; the most complete one becomes the example. */
	entries: readonly { id: string; data: unknown }[];
	vocabularies: Vocabularies;
	/** Ids of the entries of each kind, which an example made from the schema may refer to. */
	ids: Partial<Record<EntryKind, readonly string[]>>;
}

/** A complete entry file of a kind, to copy and adapt by hand. */
export interface EntryExample {
	kind: EntryKind;
	/** Id of the registry entry it is taken from; absent when made from the schema alone. */
	from?: string;
	/** The front matter's data. */
	data: Record<string, unknown>;
	/** The entry file: YAML front matter between two `---` lines, in block style. */
	file: string;
	/** Top-level fields the example leaves out, in schema order. */
	leftOut: string[];
}

/** Longest text an example keeps: a sentence or two, enough to show the style. */
const exampleTextLength = 150;

/** Most items an example keeps of a list: two show that it is one. */
const exampleListLength = 2;

/** The date an example made from the schema gives every date field: past, and equal to itself. */
export const exampleDate = '2025-01-15';

/**
 * The example of a kind: its registry's most complete entry (the most fields given, nested ones
 * included), texts shortened to a sentence or two, lists to two items, provenance left to the
 * workflow; or, when the registry has no entry of the kind yet, an entry made from the schema,
 * with every field it can fill.
 */
export function entryExample(kind: EntryKind, sources: ExampleSources): EntryExample {
	const entry = mostComplete(kind, sources.entries);
	const data = entry ? trimmedEntry(entry.data) : schemaEntry(kind, sources);
	const example: EntryExample = {
		kind,
		data,
		file: exampleFile(data),
		leftOut: Object.keys(entrySchemas[kind].shape).filter((key) => !(key in data)),
	};
	if (entry) example.from = entry.id;
	return example;
}

/** How many of the schema's fields an entry gives, nested ones counted once each. */
function completeness(kind: EntryKind, data: unknown): number {
	return schemaFields(entrySchemas[kind] as z.ZodObject).filter((field) =>
		valuesAt(data, field.path).some(({ value }) => !(Array.isArray(value) && value.length === 0)),
	).length;
}

/**
 * The entry that gives the most fields, among those translated by a person if any (an example
 * shows both languages); the first by id among equals, so the choice is stable.
 */
function mostComplete(
	kind: EntryKind,
	entries: ExampleSources['entries'],
): ExampleSources['entries'][number] | undefined {
	const translated = entries.filter(
		(entry) => valueAt(entry.data, 'language.translation') === 'human',
	);
	const candidates = [...(translated.length > 0 ? translated : entries)].sort((a, b) =>
		a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
	);
	let best: (typeof candidates)[number] | undefined;
	let bestScore = -1;
	for (const entry of candidates) {
		const score = completeness(kind, entry.data);
		if (score > bestScore) [best, bestScore] = [entry, score];
	}
	return best;
}

/** Tells a text in both languages (`{ fr, en }`) from other objects. */
function isText(value: unknown): value is Partial<Record<string, string>> {
	if (!isRecord(value)) return false;
	const keys = Object.keys(value);
	return (
		keys.length > 0 &&
		keys.every(
			(key) => (languages as readonly string[]).includes(key) && typeof value[key] === 'string',
		)
	);
}

/**
 * A text cut to its first sentence, or to whole words, when it is longer than `max`: an
 * example shows the style of a text, not all of it.
 */
export function shortenText(text: string, max = exampleTextLength): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	// A sentence ends before a space and a capital: `L. 312-1` or `6.1.e` do not end one.
	const first = /^.*?[.!?…](?=\s+[\p{Lu}«“(])/u.exec(flat)?.[0];
	if (first && first.length >= 20 && first.length <= max) return first;
	const cut = flat.slice(0, max - 1);
	const words = cut.slice(0, Math.max(cut.lastIndexOf(' '), 1));
	return `${words.replace(/[\s,;:(«“‘–—-]+$/u, '')}…`;
}

/** A registry entry as an example: texts and lists shortened, empty lists and provenance left out. */
function trimmedEntry(data: unknown): Record<string, unknown> {
	const trimmed = trimValue(data);
	if (!isRecord(trimmed)) throw new Error('an entry is an object');
	delete trimmed['provenance'];
	return trimmed;
}

function trimValue(value: unknown): unknown {
	if (Array.isArray(value)) return value.slice(0, exampleListLength).map(trimValue);
	if (isText(value)) {
		return Object.fromEntries(
			Object.entries(value).map(([lang, text]) => [lang, shortenText(text ?? '')]),
		);
	}
	if (isRecord(value)) {
		return Object.fromEntries(
			Object.entries(value)
				.filter(([, child]) => child !== undefined && !(Array.isArray(child) && child.length === 0))
				.map(([key, child]) => [key, trimValue(child)]),
		);
	}
	return value;
}

/** The parts of a zod schema's definition an example reads. */
interface Def {
	type: string;
	element?: z.ZodType;
	format?: string;
	checks?: { _zod: { def: CheckDef } }[];
}

/** The parts of a zod check's definition an example reads. */
interface CheckDef {
	check: string;
	value?: number;
	inclusive?: boolean;
	format?: string;
	pattern?: RegExp;
}

/** The pattern of a language code, to recognise its fields. */
const languageCodePattern = (LanguageCodeSchema._zod.def as Def).checks
	?.map((check) => check._zod.def)
	.find((check) => check.format === 'regex')?.pattern?.source;

/**
 * An entry made from the schema alone: every field it can fill (provenance left to the
 * workflow), texts saying what to write (the field's help), the first value of each
 * vocabulary, the first entry of each kind referred to. Values the kind's rules refuse
 * together (a prohibited practice in a system not retired) move on to the next value of their
 * vocabulary until the rules hold.
 */
function schemaEntry(kind: EntryKind, sources: ExampleSources): Record<string, unknown> {
	const schema = entrySchemas[kind] as z.ZodObject;
	const data = valueFor(schema, undefined, [], sources);
	if (!isRecord(data)) throw new Error(`no example can be made from the schema of ${kind}`);
	const rules = kindOf(kind).rules;
	const vocabularyOf = new Map(
		schemaFields(schema).map((field) => [formatFieldPath(field.path), field.doc?.vocabulary]),
	);
	for (let attempt = 0; rules && attempt < 50; attempt++) {
		const issue = rules(data, exampleDate)
			.map((found) => ({
				at: found.at,
				vocabulary: vocabularyOf.get(
					formatFieldPath(found.at.map((key) => (typeof key === 'number' ? anyItem : key))),
				),
			}))
			.find((found) => found.vocabulary);
		if (!issue?.vocabulary) break;
		const keys = sources.vocabularies.get(issue.vocabulary)?.values.map((value) => value.key) ?? [];
		const next = keys[keys.indexOf(String(valueAt(data, issue.at))) + 1];
		if (next === undefined) break;
		setAt(data, issue.at, next);
	}
	return data;
}

/** Writes a value at a path of plain data whose parents exist. */
function setAt(data: Record<string, unknown>, path: readonly PropertyKey[], value: unknown): void {
	const parent = valueAt(data, path.slice(0, -1)) as Record<PropertyKey, unknown>;
	parent[path[path.length - 1] as PropertyKey] = value;
}

/** A value for a field of the schema, or undefined when none can be given. */
function valueFor(
	schema: z.ZodType,
	parentDoc: FieldDoc | undefined,
	path: readonly string[],
	sources: ExampleSources,
): unknown {
	const unwrapped = unwrapField(schema);
	const inner = unwrapped.inner as z.ZodType;
	const doc = unwrapped.doc ?? parentDoc;
	const def = inner._zod.def as Def;
	switch (def.type) {
		case 'array': {
			const item = valueFor(def.element as z.ZodType, doc, [...path, anyItem], sources);
			return item === undefined ? undefined : [item];
		}
		case 'object': {
			if (isTextSchema(inner)) return textFor(inner, doc);
			const object: Record<string, unknown> = {};
			for (const [key, child] of Object.entries(objectShape(inner) ?? {})) {
				if (path.length === 0 && key === 'provenance') continue;
				const value = valueFor(child, undefined, [...path, key], sources);
				if (value !== undefined) object[key] = value;
				else if (!unwrapField(child).optional) return undefined;
			}
			return object;
		}
		case 'enum':
			return (inner as z.ZodEnum).options[0];
		case 'boolean':
			return false;
		case 'number': {
			const above = def.checks
				?.map((check) => check._zod.def)
				.find((check) => check.check === 'greater_than');
			if (!above || above.value === undefined) return 1;
			return above.inclusive ? above.value : Math.floor(above.value) + 1;
		}
		case 'string':
			return stringFor(inner, doc, path, sources);
		default:
			return undefined;
	}
}

/** A text in both languages for a field: its help, which says what to write. */
function textFor(schema: z.ZodType, doc: FieldDoc | undefined): Record<string, string> {
	const max = (unwrap(objectShape(schema)?.['fr'] as z.ZodType) as z.ZodString).maxLength;
	const limit = Math.min(max ?? exampleTextLength, exampleTextLength);
	return Object.fromEntries(
		languages.map((lang) => [lang, shortenText(doc?.help[lang] ?? '…', limit)]),
	);
}

function stringFor(
	schema: z.ZodType,
	doc: FieldDoc | undefined,
	path: readonly string[],
	sources: ExampleSources,
): string | undefined {
	if (doc?.vocabulary) return sources.vocabularies.get(doc.vocabulary)?.values[0]?.key;
	const kind = referencedKind(doc);
	if (kind) return sources.ids[kind]?.[0];
	const def = schema._zod.def as Def;
	if (def.format === 'date') return exampleDate;
	if (def.format === 'url') return 'https://www.example.org/';
	if (def.format === 'email') return 'contact@example.org';
	if (path.length === 1 && path[0] === 'id') return 'exemple';
	const pattern = def.checks
		?.map((check) => check._zod.def)
		.find((check) => check.format === 'regex');
	if (pattern?.pattern?.source === languageCodePattern) return 'fr';
	const max = (schema as z.ZodString).maxLength ?? exampleTextLength;
	return shortenText(doc?.label.fr ?? 'exemple', max);
}

/** Width of the example's lines, as the registry's files are written. */
const lineWidth = 100;

/**
 * Writes an example's data as an entry file: the front matter in YAML block style, every text
 * on its own `fr:` and `en:` lines, those too long for one line folded under `>-`, never a
 * `{ … }` on one line.
 */
export function exampleFile(data: Record<string, unknown>): string {
	const document = new Document(data, { aliasDuplicateObjects: false });
	visit(document, {
		Pair(_, pair, path) {
			// A value without spaces (an address) cannot be folded: it stays on its line.
			if (!isScalar(pair.value) || typeof pair.value.value !== 'string') return;
			if (!pair.value.value.includes(' ')) return;
			// Two spaces for each collection around the pair but the outermost.
			const indent = 2 * (path.filter((node) => isCollection(node)).length - 1);
			const key = isScalar(pair.key) ? String(pair.key.value) : '';
			if (indent + key.length + 2 + pair.value.value.length > lineWidth) {
				pair.value.type = Scalar.BLOCK_FOLDED;
			}
		},
	});
	return `---\n${document.toString({ lineWidth })}---\n`;
}
