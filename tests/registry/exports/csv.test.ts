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

describe('formulas in the CSV exports', () => {
	const [model] = registry.models.map((e) => e.data);
	if (!model) throw new Error('no model');
	const formulas = [
		'=HYPERLINK("https://evil.example","Cliquez")',
		'+33 1 23 45 67 89',
		'-2+3',
		'@SUM(A1:A2)',
		'\t=1+1',
		'\r=1+1',
		"'=already quoted",
		"'plain apostrophe",
	];

	it.each(formulas)(
		'writes %j so that no cell starts a formula, and reads it back exactly',
		(name) => {
			const csv = entriesToCsv('models', [{ ...model, name, provider: name }]);
			const [record] = parse(csv, { columns: true }) as Record<string, string>[];
			for (const cell of Object.values(record ?? {})) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
			expect(record?.name).toBe(`'${name}`);
			const back = csvRecordToEntry('models', record ?? {});
			expect(back['name']).toBe(name);
			expect(back['provider']).toBe(name);
		},
	);

	it('leaves numbers and texts that are no formula as they are', () => {
		const csv = entriesToCsv('models', [{ ...model, name: 'Modèle - version 2' }]);
		const [record] = parse(csv, { columns: true }) as Record<string, string>[];
		expect(record?.name).toBe('Modèle - version 2');
	});
});
