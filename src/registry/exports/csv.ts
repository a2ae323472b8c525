import type { z } from 'zod';
import { unwrap } from '../schema-fields.ts';
import { entrySchemas, type EntryData, type EntryKind } from '../schemas/index.ts';

/** How a CSV column holds its value. */
type ColumnShape = 'scalar' | 'list' | 'json';

/** One CSV column: the dotted path of a field and how its value is written. */
export interface CsvColumn {
	path: string;
	shape: ColumnShape;
	type: 'string' | 'number' | 'boolean';
}

/** Separator of list values in a cell (vocabulary keys, ids and language codes never contain it). */
export const listSeparator = ' | ';

const columnCache = new Map<EntryKind, CsvColumn[]>();

/**
 * The columns of a kind, walked from its schema so they never drift from it: nested objects are
 * flattened to dotted names (`name.fr`, `aiAct.riskClass`), lists of plain values are joined with
 * ` | `, and lists of objects (or free-form maps) are written as JSON in one cell.
 */
export function csvColumns(kind: EntryKind): CsvColumn[] {
	let columns = columnCache.get(kind);
	if (!columns) {
		columns = walk(entrySchemas[kind], '');
		columnCache.set(kind, columns);
	}
	return columns;
}

function walk(schema: z.ZodType, prefix: string): CsvColumn[] {
	const inner = unwrap(schema);
	const def = inner.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
	if (def.type === 'object' && def.shape) {
		return Object.entries(def.shape).flatMap(([key, child]) =>
			walk(child, prefix ? `${prefix}.${key}` : key),
		);
	}
	if (def.type === 'array' && def.element) {
		const element = unwrap(def.element).def.type;
		const plain = element === 'string' || element === 'number' || element === 'boolean';
		return [{ path: prefix, shape: plain ? 'list' : 'json', type: 'string' }];
	}
	if (def.type === 'record') return [{ path: prefix, shape: 'json', type: 'string' }];
	const type =
		def.type === 'number' || def.type === 'int'
			? 'number'
			: def.type === 'boolean'
				? 'boolean'
				: 'string';
	return [{ path: prefix, shape: 'scalar', type }];
}

/**
 * A text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+`, `-`, `@`, a tab or a
 * carriage return first) gets a leading apostrophe and quotes, as OWASP advises; so does a text
 * that already starts with an apostrophe, so that reading the file back is exact.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
const formulaStart = /^[=+\-@\t\r']/;

/** Writes a text cell: neutralised if it could be a formula, quoted when needed (RFC 4180). */
function textCell(value: string): string {
	const safe = formulaStart.test(value) ? `'${value}` : value;
	return safe !== value || /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The text a cell holds once its formula guard is taken off: the inverse of {@link textCell}. */
export function cellText(raw: string): string {
	return raw.startsWith("'") && formulaStart.test(raw.slice(1)) ? raw.slice(1) : raw;
}

function read(data: unknown, path: string): unknown {
	let value = data;
	for (const key of path.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

/** Writes the entries of a kind as CSV (UTF-8, header row, CRLF line ends, one row per entry). */
export function entriesToCsv(kind: EntryKind, entries: readonly EntryData[]): string {
	const columns = csvColumns(kind);
	const lines = [columns.map((column) => textCell(column.path)).join(',')];
	for (const data of entries) {
		const cells = columns.map((column) => {
			const value = read(data, column.path);
			if (value === undefined || value === null) return '';
			if (column.shape === 'json') return textCell(JSON.stringify(value));
			if (column.shape === 'list') return textCell((value as unknown[]).join(listSeparator));
			// A number or a boolean is never a formula: `-3` stays a number for the spreadsheet.
			if (column.type !== 'string') return String(value);
			return textCell(String(value));
		});
		lines.push(cells.join(','));
	}
	return `${lines.join('\r\n')}\r\n`;
}

/** Rebuilds an entry's data from a CSV record (column name → cell), the inverse of {@link entriesToCsv}. */
export function csvRecordToEntry(
	kind: EntryKind,
	record: Record<string, string>,
): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	for (const column of csvColumns(kind)) {
		const cell = record[column.path];
		if (cell === undefined || cell === '') continue;
		const raw = column.type === 'string' ? cellText(cell) : cell;
		let value: unknown = raw;
		if (column.shape === 'json') value = JSON.parse(raw);
		else if (column.shape === 'list') value = raw.split(listSeparator);
		else if (column.type === 'number') value = Number(raw);
		else if (column.type === 'boolean') value = raw === 'true';
		const keys = column.path.split('.');
		let target = data;
		for (const key of keys.slice(0, -1)) {
			target = (target[key] ??= {}) as Record<string, unknown>;
		}
		target[keys[keys.length - 1] as string] = value;
	}
	return data;
}
