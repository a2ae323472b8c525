import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvColumns, csvRecordToEntry, entriesToCsv } from '../../../src/registry/exports/csv.ts';
import { loadRegistry } from '../../../src/registry/load.ts';
import { entryKinds, entrySchemas } from '../../../src/registry/schemas/index.ts';

const registry = await loadRegistry('registry');

describe('entriesToCsv', () => {
	it.each(entryKinds)('writes %s that a CSV parser reads back to the same entries', (kind) => {
		const entries = registry[kind].map((entry) => entry.data);
		expect(entries.length).toBeGreaterThan(0);
		const csv = entriesToCsv(kind, entries);
		const records = parse(csv, { columns: true, bom: false }) as Record<string, string>[];
		expect(records).toHaveLength(entries.length);
		const back = records.map((record) => entrySchemas[kind].parse(csvRecordToEntry(kind, record)));
		expect(back).toEqual(entries);
	});

	it('flattens texts into one column per language and joins plain lists with " | "', () => {
		const paths = csvColumns('systems').map((column) => column.path);
		expect(paths).toContain('name.fr');
		expect(paths).toContain('aiAct.riskClass');
		const principles = csvColumns('systems').find((column) => column.path === 'principles');
		expect(principles?.shape).toBe('list');
		expect(csvColumns('systems').find((column) => column.path === 'models')?.shape).toBe('json');
	});

	it('quotes cells with commas, quotes and line breaks', () => {
		const [entry] = registry.models.map((e) => e.data);
		if (!entry) throw new Error('no model');
		const tricky = { ...entry, name: 'A, "quoted"\nname' };
		const csv = entriesToCsv('models', [tricky]);
		const [record] = parse(csv, { columns: true }) as Record<string, string>[];
		expect(record?.name).toBe('A, "quoted"\nname');
	});
});
