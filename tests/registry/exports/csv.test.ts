import { describe, expect, it } from 'vitest';
import {
	byteOrderMark,
	csvTables,
	listSeparator,
	tableToCsv,
	type CsvOptions,
} from '../../../src/registry/exports/csv.ts';
import { useRegistryTranslations } from '../../../src/i18n/registry.ts';
import { loadRegistry } from '../../../src/registry/load.ts';
import { entryKinds, kindOf } from '../../../src/registry/kinds/index.ts';
import { loadVocabularies } from '../../../src/registry/vocabularies.ts';
import {
	parseCsvFile,
	readCsvData,
	readCsvExport,
	testPageUrl,
	writeCsvExport,
} from './csv-files.ts';

const registry = await loadRegistry('examples/clairval/registry');
const { vocabularies } = await loadVocabularies('examples/clairval/registry');
const options: CsvOptions = { vocabularies, pageUrl: testPageUrl };

describe('the CSV tables', () => {
	it.each(entryKinds)('read back to the exact %s entries, from every file of the kind', (kind) => {
		const entries = registry[kind].map((entry) => entry.data);
		expect(entries.length).toBeGreaterThan(0);
		const files = writeCsvExport(kind, entries, options);
		expect(readCsvExport(kind, (name) => files.get(name) ?? '')).toEqual(entries);
	});

	it('hold no JSON in any cell: lists of structured items are tables of their own', () => {
		const names = entryKinds.flatMap((kind) => csvTables(kind).map((table) => table.name));
		expect(names).toEqual(
			expect.arrayContaining([
				'systems',
				'systems-models',
				'systems-data-sources',
				'systems-assessments',
				'systems-risks',
				'systems-suppliers',
				'models',
				'models-documentation',
			]),
		);
		for (const kind of entryKinds) {
			for (const [name, csv] of writeCsvExport(
				kind,
				registry[kind].map((e) => e.data),
				options,
			)) {
				for (const record of parseCsvFile(csv)) {
					for (const [column, value] of Object.entries(record)) {
						expect(value, `${name}.csv ${column}`).not.toMatch(/^\s*[[{]/);
					}
				}
			}
		}
	});

	it('key each child table by the entry id and the item position, and name the model used', () => {
		const [, models] = csvTables('systems');
		expect(models?.name).toBe('systems-models');
		expect(models?.primaryKey).toEqual(['system', 'position']);
		expect(models?.columns.map((column) => column.name)).toEqual([
			'system',
			'position',
			'model',
			'usage.fr',
			'usage.en',
		]);
		expect(models?.columns.find((column) => column.name === 'model')?.references).toBe('models');
		const system = registry.systems.find((entry) => entry.data.models.length > 1);
		if (!system) throw new Error('the sample should have a system using two models');
		const rows = parseCsvFile(tableToCsv(must(models), [system.data], options));
		expect(rows.map((row) => [row['system'], row['position'], row['model']])).toEqual(
			system.data.models.map((use, i) => [system.id, String(i + 1), use.model]),
		);
	});

	it("start each entry's row with its id and its page in each language", () => {
		const [main] = csvTables('models');
		const model = must(registry.models[0]).data;
		const [row] = parseCsvFile(tableToCsv(must(main), [model], options));
		expect(Object.keys(row ?? {}).slice(0, 3)).toEqual(['id', 'url.fr', 'url.en']);
		expect(row?.['url.fr']).toBe(`https://ia.example.org/registre/modeles/${model.id}/`);
		expect(row?.['url.en']).toBe(`https://ia.example.org/en/registre/modeles/${model.id}/`);
	});

	it('give each coded value its French and English labels in the columns beside it', () => {
		const [main] = csvTables('systems');
		const system = must(registry.systems.find((entry) => entry.data.principles.length > 1)).data;
		const [row] = parseCsvFile(tableToCsv(must(main), [system], options));
		const status = must(vocabularies.get('statuses')?.values.find((v) => v.key === system.status));
		const names = Object.keys(row ?? {});
		expect(names.slice(names.indexOf('status'), names.indexOf('status') + 3)).toEqual([
			'status',
			'status.label.fr',
			'status.label.en',
		]);
		expect(row?.['status.label.fr']).toBe(status.label.fr);
		expect(row?.['status.label.en']).toBe(status.label.en);
		const principles = vocabularies.get('principles')?.values ?? [];
		expect(row?.['principles.label.en']?.split(listSeparator)).toEqual(
			system.principles.map((key) => principles.find((v) => v.key === key)?.label.en),
		);
	});

	it('start with a byte order mark and end lines with CRLF, for spreadsheets', () => {
		const csv = tableToCsv(must(csvTables('models')[0]), [must(registry.models[0]).data], options);
		expect(csv.startsWith(`${byteOrderMark}"id","url.fr","url.en",`)).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
	});

	it('quote cells with commas, quotes and line breaks', () => {
		const tricky = {
			...must(registry.models[0]).data,
			name: { fr: 'A, "quoted"\nname', en: 'A, "quoted"\nname' },
		};
		const [record] = parseCsvFile(tableToCsv(must(csvTables('models')[0]), [tricky], options));
		expect(record?.['name.fr']).toBe('A, "quoted"\nname');
	});
});

describe('formulas in the CSV exports', () => {
	const model = must(registry.models[0]).data;
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
		(text) => {
			const hostile = {
				...model,
				name: { fr: text, en: text },
				provider: { fr: text, en: text },
				documentation: [{ label: { fr: text, en: text }, url: 'https://docs.example.org/' }],
			};
			const files = writeCsvExport('models', [hostile], options);
			for (const csv of files.values()) {
				for (const record of parseCsvFile(csv)) {
					for (const cell of Object.values(record)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
				}
			}
			expect(parseCsvFile(files.get('models') ?? '')[0]?.['name.fr']).toBe(`'${text}`);
			// Raw, before the schema trims the tab and carriage return away.
			const [back] = readCsvData('models', (name) => files.get(name) ?? '');
			expect(back?.['name']).toEqual({ fr: text, en: text });
			expect(back?.['provider']).toEqual({ fr: text, en: text });
			expect(back?.['documentation']).toEqual(hostile.documentation);
		},
	);

	it('leaves numbers and texts that are no formula as they are', () => {
		const csv = tableToCsv(
			must(csvTables('models')[0]),
			[{ ...model, name: { fr: 'Modèle - version 2', en: 'Model - version 2' } }],
			options,
		);
		expect(parseCsvFile(csv)[0]?.['name.fr']).toBe('Modèle - version 2');
		expect(parseCsvFile(csv)[0]?.['name.en']).toBe('Model - version 2');
	});
});

function must<T>(value: T | undefined): T {
	if (value === undefined) throw new Error('missing value in the sample registry');
	return value;
}

describe('the tables’ names of the kinds', () => {
	it('are the ones the registry pages use, and key each child table by the kind’s key', () => {
		for (const lang of ['fr', 'en'] as const) {
			const t = useRegistryTranslations(lang);
			for (const kind of entryKinds) {
				const [main, ...children] = csvTables(kind);
				expect(main?.title[lang]).toBe(t(`kind.${kind}`));
				for (const child of children) {
					expect(child.title[lang].startsWith(t(`kind.${kind}`)), child.name).toBe(true);
					expect(child.primaryKey[0]).toBe(kindOf(kind).key);
					expect(child.columns[0]?.title[lang].toLowerCase()).toBe(
						t(`kind.${kind}.one`).toLowerCase(),
					);
				}
			}
		}
	});
});
