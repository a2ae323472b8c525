import type { z } from 'zod';
import { anyItem, schemaFields, valueAt, type SchemaField } from '../schema-fields.ts';
import { type Bilingual, type Language } from '../schemas/index.ts';
import {
	entryKinds,
	entrySchemas,
	kindOf,
	referencedKind,
	type EntryData,
	type EntryKind,
} from '../kinds/index.ts';
import type { Vocabularies } from '../vocabularies.ts';

/*
 * The CSV export, walked from each kind's zod schema so that it never drifts from it.
 *
 * One main table per kind (`systems.csv`), one row per entry, starting with its id and the
 * address of its page in each language. Nested objects become dotted columns (`aiAct.riskClass`),
 * a text one column per language (`name.fr`, `name.en`), a list of plain values one cell joined
 * with ` | `. A coded value (from a controlled vocabulary) is followed by its labels in both
 * languages (`status.label.fr`, `status.label.en`), so each file reads on its own in a
 * spreadsheet. Lists of structured items (the models a system uses, its data sources…) and maps
 * become tables of their own (`systems-models.csv`), keyed by the entry's id and the item's
 * position: no cell holds JSON.
 */

/** The column naming the entry a row of a child table belongs to: `system`, `model`. */
const parentColumn = (kind: EntryKind): string => kindOf(kind).key;

/** The column giving an item's place in its list, from 1. */
const positionColumn = 'position';

/** Separator of list values in a cell (vocabulary keys, ids and language codes never contain it). */
export const listSeparator = ' | ';

/** The Table Schema type of a column's values. */
export type CsvType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

/** What a column holds: a field's value, a coded value's label, the entry's page or a key. */
export type CsvColumnRole =
	| { role: 'value' }
	| { role: 'label'; lang: Language; vocabulary: string }
	| { role: 'page'; lang: Language }
	| { role: 'parent' }
	| { role: 'position' }
	| { role: 'key' };

/** One column of a CSV table. */
export type CsvColumn = CsvColumnRole & {
	/** Header of the column. */
	name: string;
	/** For a value or label, the keys of the field from the row's object (the entry or the item). */
	path: readonly string[];
	type: CsvType;
	/** `uri` or `email` for a string that is one. */
	format?: 'uri' | 'email';
	/** Whether the cell holds a list joined with {@link listSeparator}. */
	list: boolean;
	/** Whether every row has a value. */
	required: boolean;
	/** What the column holds, in both languages. */
	title: Bilingual;
	description: Bilingual;
	/** The values allowed, for a choice or a coded value. */
	vocabulary?: string;
	choices?: readonly string[];
	/** The kind of entry the value is the id of. */
	references?: EntryKind;
};

/** One CSV file of the export: the main table of a kind, or the table of one of its lists. */
export interface CsvTable {
	/** File name without `.csv`, also the Data Package resource name. */
	name: string;
	kind: EntryKind;
	/** For a child table, the keys of the list (or map) in the entry. */
	listPath?: readonly string[];
	/** `record` for a map written as key and value rows. */
	shape: 'entry' | 'list' | 'record';
	/** The field documentation of the list, for a child table. */
	title: Bilingual;
	description: Bilingual;
	columns: CsvColumn[];
	primaryKey: string[];
}

const typeOfField: Partial<Record<SchemaField['type'], CsvType>> = {
	integer: 'integer',
	number: 'number',
	boolean: 'boolean',
	date: 'date',
};

/** `Modèles utilisés` → `modèles utilisés`, after a colon; `AIPD` stays as it is. */
const lowerFirst = (text: string) =>
	/^\p{Lu}\p{Ll}/u.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
const upperFirst = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const both = (make: (lang: Language) => string): Bilingual => ({ fr: make('fr'), en: make('en') });
const noDoc: Bilingual = { fr: '', en: '' };
const languageNames: Record<Language, Bilingual> = {
	fr: { fr: 'en français', en: 'in French' },
	en: { fr: 'en anglais', en: 'in English' },
};

const tableCache = new Map<EntryKind, CsvTable[]>();

/** Every CSV table of a kind, its main table first, derived once from its schema. */
export function csvTables(kind: EntryKind): CsvTable[] {
	let tables = tableCache.get(kind);
	if (!tables) {
		tables = deriveTables(kind);
		tableCache.set(kind, tables);
	}
	return tables;
}

/** Every CSV table of every kind. */
export function allCsvTables(): CsvTable[] {
	return entryKinds.flatMap(csvTables);
}

function deriveTables(kind: EntryKind): CsvTable[] {
	const fields = schemaFields(entrySchemas[kind] as unknown as z.ZodObject);
	const byPath = new Map(fields.map((field) => [field.path.join('.'), field]));
	/** A field is always there when it and every object around it are required. */
	const alwaysThere = (path: readonly string[], from: number): boolean => {
		for (let end = path.length; end > from; end--) {
			const field = byPath.get(path.slice(0, end).join('.'));
			if (field && !field.required) return false;
		}
		return true;
	};
	const main: CsvTable = {
		name: kind,
		kind,
		shape: 'entry',
		title: kindOf(kind).nouns.all,
		description: {
			fr: `${kindOf(kind).nouns.all.fr} du registre, une ligne par fiche.`,
			en: `The registry’s ${kindOf(kind).nouns.all.en}, one row per entry.`,
		},
		columns: [],
		primaryKey: ['id'],
	};
	const children: CsvTable[] = [];
	const parent = parentColumn(kind);
	for (const field of fields) {
		const listAt = field.path.indexOf(anyItem);
		if (listAt !== -1) {
			const table = children.find(
				(t) => t.listPath?.join('.') === field.path.slice(0, listAt).join('.'),
			);
			if (!table) continue;
			if (
				field.path.indexOf(anyItem, listAt + 1) !== -1 ||
				(field.list && field.type === 'object')
			) {
				throw new Error(`csv: a list inside a list (${field.path.join('.')}) has no CSV form yet`);
			}
			// An object inside an item is its fields' dotted columns, as in the entry's own table.
			if (field.type === 'object') continue;
			const rel = field.path.slice(listAt + 1);
			table.columns.push(...valueColumns(field, rel, alwaysThere(field.path, listAt + 1)));
			continue;
		}
		const doc = field.doc;
		if (
			(field.list && (field.type === 'object' || field.type === 'text')) ||
			field.type === 'record'
		) {
			const record = field.type === 'record';
			const columns: CsvColumn[] = [
				{
					role: 'parent',
					name: parent,
					path: [],
					type: 'string',
					list: false,
					required: true,
					title: both((lang) => upperFirst(kindOf(kind).nouns.one[lang])),
					description: {
						fr: 'Identifiant de la fiche à laquelle la ligne appartient.',
						en: 'Id of the entry the row belongs to.',
					},
					references: kind,
				},
			];
			if (record) {
				columns.push(keyColumn('key'), keyColumn('value'));
			} else {
				columns.push({
					role: 'position',
					name: positionColumn,
					path: [],
					type: 'integer',
					list: false,
					required: true,
					title: { fr: 'Rang', en: 'Position' },
					description: {
						fr: 'Rang de l’élément dans la liste de la fiche, à partir de 1.',
						en: 'Place of the item in the entry’s list, from 1.',
					},
				});
				// One text of the list per row: its columns hold one text each.
				if (field.type === 'text')
					columns.push(...valueColumns({ ...field, list: false }, [], true));
			}
			children.push({
				name: `${kind}-${field.path.map(kebab).join('-')}`,
				kind,
				listPath: field.path,
				shape: record ? 'record' : 'list',
				title: {
					fr: `${kindOf(kind).nouns.all.fr}\u00a0: ${lowerFirst(doc?.label.fr ?? field.path.join('.'))}`,
					en: `${kindOf(kind).nouns.all.en}: ${lowerFirst(doc?.label.en ?? field.path.join('.'))}`,
				},
				description: doc?.help ?? noDoc,
				columns,
				primaryKey: [parent, record ? 'key' : positionColumn],
			});
			continue;
		}
		if (field.type === 'object') continue;
		const required = alwaysThere(field.path, 0);
		main.columns.push(...valueColumns(field, field.path, required));
		if (field.path.length === 1 && field.path[0] === 'id') {
			main.columns.push(pageColumn('fr'), pageColumn('en'));
		}
	}
	const tables = [main, ...children];
	for (const table of tables) {
		const names = new Set<string>();
		for (const column of table.columns) {
			if (names.has(column.name)) {
				throw new Error(`csv: two columns of ${table.name}.csv are named ${column.name}`);
			}
			names.add(column.name);
		}
	}
	return tables;
}

function keyColumn(name: 'key' | 'value'): CsvColumn {
	return {
		role: 'key',
		name,
		path: [],
		type: 'string',
		list: false,
		required: true,
		title: name === 'key' ? { fr: 'Clé', en: 'Key' } : { fr: 'Valeur', en: 'Value' },
		description:
			name === 'key'
				? { fr: 'Clé de l’élément.', en: 'Key of the item.' }
				: { fr: 'Valeur associée à la clé.', en: 'Value given to the key.' },
	};
}

function pageColumn(lang: Language): CsvColumn {
	return {
		role: 'page',
		lang,
		name: `url.${lang}`,
		path: [],
		type: 'string',
		format: 'uri',
		list: false,
		required: true,
		title: both((l) => `Page ${languageNames[lang][l]}`),
		description: {
			fr: `Adresse de la page de la fiche sur le site, ${languageNames[lang].fr}.`,
			en: `Address of the entry’s page on the site, ${languageNames[lang].en}.`,
		},
	};
}

/** The columns of one leaf field: one, or one per language for a text, plus labels if coded. */
function valueColumns(field: SchemaField, path: readonly string[], required: boolean): CsvColumn[] {
	const doc = field.doc;
	const title = doc?.label ?? noDoc;
	const description = doc?.help ?? noDoc;
	const name = path.join('.');
	if (field.type === 'text') {
		return (['fr', 'en'] as const).map((lang) => ({
			role: 'value' as const,
			name: name ? `${name}.${lang}` : lang,
			path: [...path, lang],
			type: 'string' as const,
			list: field.list,
			// Which languages an entry has depends on its `language` state.
			required: false,
			title: both((l) => `${title[l]} (${languageNames[lang][l]})`),
			description: {
				fr: `Texte ${languageNames[lang].fr}\u00a0: ${lowerFirst(description.fr)}`,
				en: `Text ${languageNames[lang].en}: ${lowerFirst(description.en)}`,
			},
		}));
	}
	const column: CsvColumn = {
		role: 'value',
		name,
		path,
		type: (!field.list && typeOfField[field.type]) || 'string',
		list: field.list,
		required,
		title,
		description,
	};
	if (field.type === 'url') column.format = 'uri';
	if (field.type === 'email') column.format = 'email';
	if (field.choices) column.choices = field.choices;
	const references = referencedKind(doc);
	if (references) column.references = references;
	if (!doc?.vocabulary) return [column];
	const vocabulary = doc.vocabulary;
	column.vocabulary = vocabulary;
	const labels = (['fr', 'en'] as const).map((lang): CsvColumn => ({
		role: 'label',
		lang,
		vocabulary,
		name: `${name}.label.${lang}`,
		path,
		type: 'string',
		list: field.list,
		required: column.required,
		title: {
			fr: `${title.fr}\u00a0: libellé ${languageNames[lang].fr}`,
			en: `${title.en}: label ${languageNames[lang].en}`,
		},
		description: both((l) =>
			l === 'fr'
				? `Libellé ${languageNames[lang].fr} de la valeur de la colonne ${name}.`
				: `Label ${languageNames[lang].en} of the value in column ${name}.`,
		),
	}));
	return [column, ...labels];
}

/**
 * A text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+`, `-`, `@`, a tab or a
 * carriage return first) gets a leading apostrophe and quotes, as OWASP advises; so does a text
 * that already starts with an apostrophe, so that reading the file back is exact.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
const formulaStart = /^[=+\-@\t\r']/;

/**
 * Writes a text cell: neutralised if it could be a formula, and always quoted (RFC 4180), so
 * that a spreadsheet told to take quoted fields as text keeps `1.0` or `007` as written.
 */
function textCell(value: string): string {
	const safe = formulaStart.test(value) ? `'${value}` : value;
	return `"${safe.replaceAll('"', '""')}"`;
}

/** The text a cell holds once its formula guard is taken off: the inverse of {@link textCell}. */
function cellText(raw: string): string {
	return raw.startsWith("'") && formulaStart.test(raw.slice(1)) ? raw.slice(1) : raw;
}

/**
 * The byte order mark, which tells Excel the file is UTF-8: without it, Excel on Windows reads
 * it in the system's code page and garbles every accent. CSV parsers and LibreOffice skip it.
 * @see https://www.rfc-editor.org/rfc/rfc3629#section-6
 */
export const byteOrderMark = '\uFEFF';

/** What writing a table needs besides the entries. */
export interface CsvOptions {
	vocabularies: Vocabularies;
	/** The absolute address of an entry's page in a language. */
	pageUrl: (kind: EntryKind, id: string, lang: Language) => string;
}

/**
 * Writes one table of a kind as CSV: UTF-8 with a byte order mark, a header row, CRLF line ends,
 * entries in the order given, items in their list's order.
 */
export function tableToCsv(
	table: CsvTable,
	entries: readonly EntryData[],
	options: CsvOptions,
): string {
	const labels = labelMaps(options.vocabularies);
	const lines = [table.columns.map((column) => textCell(column.name)).join(',')];
	const row = (entry: EntryData, item: unknown, position: number, key?: string) =>
		table.columns
			.map((column) => {
				switch (column.role) {
					case 'parent':
						return textCell(entry.id);
					case 'position':
						return String(position);
					case 'key':
						return textCell(column.name === 'key' ? (key ?? '') : String(item));
					case 'page':
						return textCell(options.pageUrl(table.kind, entry.id, column.lang));
					default:
						return cell(column, valueAt(item, column.path), labels);
				}
			})
			.join(',');
	for (const entry of entries) {
		if (table.shape === 'entry') {
			lines.push(row(entry, entry, 0));
			continue;
		}
		const value = valueAt(entry, table.listPath ?? []);
		if (table.shape === 'record') {
			for (const [key, item] of Object.entries((value ?? {}) as Record<string, unknown>)) {
				lines.push(row(entry, item, 0, key));
			}
		} else {
			((value ?? []) as unknown[]).forEach((item, index) =>
				lines.push(row(entry, item, index + 1)),
			);
		}
	}
	return `${byteOrderMark}${lines.join('\r\n')}\r\n`;
}

type LabelMaps = Map<string, Map<string, Bilingual>>;

const labelCache = new WeakMap<Vocabularies, LabelMaps>();

/** Each vocabulary's labels by key, built once per set of vocabularies (no search per cell). */
function labelMaps(vocabularies: Vocabularies): LabelMaps {
	let maps = labelCache.get(vocabularies);
	if (!maps) {
		maps = new Map(
			[...vocabularies].map(([name, vocabulary]) => [
				name,
				new Map(vocabulary.values.map((value) => [value.key, value.label])),
			]),
		);
		labelCache.set(vocabularies, maps);
	}
	return maps;
}

function cell(column: CsvColumn, value: unknown, labels: LabelMaps): string {
	if (value === undefined || value === null) return '';
	if (column.role === 'label') {
		const map = labels.get(column.vocabulary);
		const label = (key: unknown) => map?.get(String(key))?.[column.lang] ?? '';
		return textCell(
			column.list ? (value as unknown[]).map(label).join(listSeparator) : label(value),
		);
	}
	if (column.list) return textCell((value as unknown[]).join(listSeparator));
	// A number or a boolean is never a formula: `-3` stays a number for the spreadsheet.
	if (column.type !== 'string' && column.type !== 'date') return String(value);
	return textCell(String(value));
}

/** A parsed CSV file: one object per row, column name → cell, as `csv-parse` with `columns` gives. */
export type CsvRecords = readonly Record<string, string>[];

/** The values a record of a table holds, at their paths (derived columns left out). */
function recordValues(table: CsvTable, record: CsvRecords[number]): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	for (const column of table.columns) {
		if (column.role !== 'value') continue;
		const value = cellValue(column, record[column.name]);
		if (value !== undefined) write(data, column.path, value);
	}
	return data;
}

/**
 * Rebuilds the entries of a kind from its CSV tables (file name without `.csv` → records), the
 * inverse of {@link tableToCsv}: the pages' addresses and the labels, derived, are left out.
 * Parse the result with the kind's schema to restore its defaults (an empty list has no rows).
 */
export function csvTablesToEntries(
	kind: EntryKind,
	tables: Readonly<Record<string, CsvRecords>>,
): Record<string, unknown>[] {
	const [main, ...children] = csvTables(kind);
	if (!main) throw new Error(`csv: no table for ${kind}`);
	const entries = (tables[main.name] ?? []).map((record) => recordValues(main, record));
	const byId = new Map(entries.map((entry) => [entry['id'], entry]));
	const parent = parentColumn(kind);
	for (const table of children) {
		const records = tables[table.name] ?? [];
		const lists = new Map<Record<string, unknown>, { position: number; item: unknown }[]>();
		for (const record of records) {
			const entry = byId.get(cellText(record[parent] ?? ''));
			if (!entry) {
				throw new Error(`${table.name}.csv: no ${kind} entry with id ${record[parent] ?? ''}`);
			}
			if (table.shape === 'record') {
				const map = (valueAt(entry, table.listPath ?? []) ?? {}) as Record<string, unknown>;
				map[cellText(record['key'] ?? '')] = cellText(record['value'] ?? '');
				write(entry, table.listPath ?? [], map);
				continue;
			}
			const item = recordValues(table, record);
			const list = lists.get(entry) ?? [];
			list.push({ position: Number(record[positionColumn]), item });
			lists.set(entry, list);
		}
		for (const [entry, list] of lists) {
			list.sort((a, b) => a.position - b.position);
			write(
				entry,
				table.listPath ?? [],
				list.map(({ item }) => item),
			);
		}
	}
	return entries;
}

function cellValue(column: CsvColumn, cell: string | undefined): unknown {
	if (cell === undefined || cell === '') return undefined;
	const raw = column.type === 'string' || column.type === 'date' ? cellText(cell) : cell;
	if (column.list) return raw.split(listSeparator);
	if (column.type === 'integer' || column.type === 'number') return Number(raw);
	if (column.type === 'boolean') return raw === 'true';
	return raw;
}

/** Writes a value at a path, creating the objects on the way; an empty path merges into the target. */
function write(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
	if (path.length === 0) {
		Object.assign(target, value);
		return;
	}
	let at = target;
	for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
	at[path[path.length - 1] as string] = value;
}
