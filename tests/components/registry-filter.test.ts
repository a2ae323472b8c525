import { describe, expect, it } from 'vitest';
import {
	filterRows,
	prepareRows,
	type CompactIndex,
} from '../../src/components/registry/registry-filter.ts';

const index: CompactIndex = {
	facets: [
		{ name: 'status', values: ['in-use', 'pilot'] },
		{ name: 'risk', values: ['minimal', 'high-risk'] },
	],
	columns: [{ name: 'status' }, { name: 'used-by', numeric: true }],
	rows: [
		['chatbot', 'Clairval répond', 'Répond aux questions', ['En service', '2'], [1, 2], [[0], [0]]],
		['tri', 'Tri des demandes', 'Sécurité des usagers', ['Pilote', '0'], [0, 0], [[1], [1]]],
		['ocr', 'Lecture des pièces', 'Sécurité des dossiers', ['', '5'], [-1, 5], [[0], [1]]],
	],
};
const prepared = prepareRows(index);
const ids = (state: Parameters<typeof filterRows>[2]) =>
	filterRows(index, prepared, state).map(({ row }) => row[0]);

describe('filterRows', () => {
	it('matches every word, ignoring case and accents', () => {
		expect(ids({ words: ['securite'], facets: new Map() })).toEqual(['tri', 'ocr']);
		expect(ids({ words: ['securite', 'dossiers'], facets: new Map() })).toEqual(['ocr']);
	});

	it('ORs values within a facet and ANDs facets', () => {
		const anyStatus = new Map([['status', new Set(['in-use', 'pilot'])]]);
		expect(ids({ words: [], facets: anyStatus })).toEqual(['chatbot', 'tri', 'ocr']);
		const twoFacets = new Map([
			['status', new Set(['in-use'])],
			['risk', new Set(['high-risk'])],
		]);
		expect(ids({ words: [], facets: twoFacets })).toEqual(['ocr']);
	});

	it('returns nothing for a value no entry has', () => {
		expect(ids({ words: [], facets: new Map([['risk', new Set(['prohibited'])]]) })).toEqual([]);
	});
});
