/** The index's table: its columns, the keys that sort them, and the sort the script applies. */
import { describe, expect, it } from 'vitest';
import {
	byName,
	prepareRows,
	sortFromParam,
	sortParam,
	sortRows,
	type CompactIndex,
} from '../../src/components/registry/registry-filter.ts';
import { kindOf } from '../../src/registry/kinds/index.ts';
import { indexData } from '../../src/utils/registry-index.ts';
import { referencesOf } from '../../src/utils/site-registry.ts';
import { sampleSite } from './sample-site.ts';

const registry = await sampleSite();

describe('indexData columns', () => {
	it('follow the descriptors: a system’s status, risk, automation, models and unit', () => {
		const systems = indexData(registry, 'systems', 'fr');
		expect(systems.columns.map((column) => column.name)).toEqual([
			'status',
			'risk',
			'automation',
			'model',
			'unit',
		]);
		const models = indexData(registry, 'models', 'en');
		expect(models.columns.map((column) => [column.name, column.numeric])).toEqual([
			['provider', false],
			['learning', false],
			['hosting', false],
			['used-by', true],
		]);
		expect(models.columns.at(-1)?.label).toBe('Used by');
	});

	it('count the systems using each model, and sort a vocabulary column in its own order', () => {
		const models = indexData(registry, 'models', 'fr');
		for (const row of models.rows) {
			const users = new Set(
				referencesOf(registry, 'models', row.id)
					.filter((reference) => reference.from.kind === 'systems')
					.map((reference) => reference.from.id),
			);
			expect(row.cells.at(-1)).toBe(String(users.size));
			expect(row.keys.at(-1)).toBe(users.size);
		}
		const systems = indexData(registry, 'systems', 'fr');
		const order = registry.vocabularies.get('risk-classes')?.values.map((value) => value.key) ?? [];
		const risk = systems.columns.findIndex((column) => column.name === 'risk');
		for (const row of systems.rows) {
			const entry = registry.entries.systems.find((candidate) => candidate.id === row.id);
			expect(row.keys[risk]).toBe(order.indexOf(entry?.data.aiAct.riskClass ?? ''));
		}
	});

	it('give every kind a column per declared facet, or its badges’ facets', () => {
		for (const kind of ['datasets', 'processing-records', 'software'] as const) {
			const data = indexData(registry, kind, 'fr');
			expect(data.columns.length).toBe(kindOf(kind).columns?.length);
			for (const row of data.rows) expect(row.cells).toHaveLength(data.columns.length);
		}
	});

	it('list a short vocabulary’s missing values with a zero count', () => {
		const facet = indexData(registry, 'systems', 'fr').facets.find(
			(f) => f.name === 'genai-residency',
		);
		const keys = registry.vocabularies.get('data-residency')?.values.map((value) => value.key);
		expect(facet?.values.map((value) => value.key).sort()).toEqual([...(keys ?? [])].sort());
		expect(facet?.values.some((value) => value.count === 0)).toBe(true);
	});
});

describe('sortRows', () => {
	const index: CompactIndex = {
		facets: [],
		columns: [{ name: 'risk' }, { name: 'used-by', numeric: true }],
		rows: [
			['a', 'Alpha', '', ['Haut risque', '1'], [1, 1], []],
			['b', 'Bravo', '', ['', '3'], [-1, 3], []],
			['c', 'Charlie', '', ['Interdit', '1'], [0, 1], []],
			['d', 'Delta', '', ['Haut risque', '0'], [1, 0], []],
		],
	};
	const ids = (sort: Parameters<typeof sortRows>[1]) =>
		sortRows(prepareRows(index), sort).map(({ row }) => row[0]);

	it('orders by a column’s keys, ties in name order, empty cells last either way', () => {
		expect(ids({ column: 0, descending: false })).toEqual(['c', 'a', 'd', 'b']);
		expect(ids({ column: 0, descending: true })).toEqual(['a', 'd', 'c', 'b']);
		expect(ids({ column: 1, descending: true })).toEqual(['b', 'a', 'c', 'd']);
		expect(ids(byName)).toEqual(['a', 'b', 'c', 'd']);
		expect(ids({ column: -1, descending: true })).toEqual(['d', 'c', 'b', 'a']);
	});

	it('reads and writes the sort in the address', () => {
		const columns = ['risk', 'used-by'];
		expect(sortFromParam('-used-by', columns)).toEqual({ column: 1, descending: true });
		expect(sortFromParam('risk', columns)).toEqual({ column: 0, descending: false });
		expect(sortFromParam('-name', columns)).toEqual({ column: -1, descending: true });
		expect(sortFromParam('unknown', columns)).toEqual(byName);
		expect(sortFromParam(null, columns)).toEqual(byName);
		expect(sortParam(byName, columns)).toBeUndefined();
		expect(sortParam({ column: 1, descending: true }, columns)).toBe('-used-by');
	});

	it('sorts 10,000 rows in a few milliseconds', () => {
		const rows = Array.from({ length: 10_000 }, (_, i): CompactIndex['rows'][number] => [
			`e${i}`,
			`Entry ${i}`,
			'',
			[],
			[(i * 7919) % 503, (i * 104729) % 97],
			[],
		]);
		const prepared = prepareRows({ ...index, rows });
		const start = performance.now();
		sortRows(prepared, { column: 1, descending: true });
		expect(performance.now() - start).toBeLessThan(50);
	});
});
