import { parse } from 'csv-parse/sync';
import {
	csvTables,
	csvTablesToEntries,
	tableToCsv,
	type CsvOptions,
	type CsvRecords,
} from '../../../src/registry/exports/csv.ts';
import {
	entrySchemas,
	kindOf,
	type EntryData,
	type EntryKind,
} from '../../../src/registry/kinds/index.ts';

/** Parses one CSV file as a reader would, byte order mark skipped, one object per row. */
export function parseCsvFile(text: string): CsvRecords {
	return parse(text, { columns: true, bom: true }) as Record<string, string>[];
}

/** Reads every CSV file of a kind (by `read(name)`, name without `.csv`) back to raw data. */
export function readCsvData(
	kind: EntryKind,
	read: (name: string) => string,
): Record<string, unknown>[] {
	const tables = Object.fromEntries(
		csvTables(kind).map((table) => [table.name, parseCsvFile(read(table.name))]),
	);
	return csvTablesToEntries(kind, tables);
}

/** Reads every CSV file of a kind back to entries, parsed by the kind's schema. */
export function readCsvExport(kind: EntryKind, read: (name: string) => string): EntryData[] {
	return readCsvData(kind, read).map((data) => entrySchemas[kind].parse(data) as EntryData);
}

/** Writes every CSV file of a kind, by table name. */
export function writeCsvExport(
	kind: EntryKind,
	entries: readonly EntryData[],
	options: CsvOptions,
): Map<string, string> {
	return new Map(csvTables(kind).map((table) => [table.name, tableToCsv(table, entries, options)]));
}

/** Page addresses as the site writes them, for tests that do not build it. */
export const testPageUrl: CsvOptions['pageUrl'] = (kind, id, lang) =>
	`https://ia.example.org${lang === 'en' ? '/en' : ''}/registre/${kindOf(kind).segment}/${id}/`;
