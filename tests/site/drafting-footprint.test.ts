/**
 * The AI assistant page publishes the drafting's footprint from the sample registry: two tables
 * (by month, by provider) in each language, captioned, with header cells scoped, a total row,
 * and numbers written as the page's language writes them.
 */
import { describe, expect, it } from 'vitest';
import { ui } from '../../src/i18n/ui.ts';
import { walkSync, TEXT_NODE, type ElementNode } from 'ultrahtml';
import { attr, decodeEntities, must, readPage, select, selectAll, textContent } from './dist.ts';

const pages = {
	fr: readPage('assistant-ia/index.html'),
	en: readPage('en/assistant-ia/index.html'),
};

/** A cell's text as written, its spaces kept: `textContent` turns every space into a plain one. */
function cellText(node: ElementNode): string {
	let text = '';
	walkSync(node, (child) => {
		if (child.type === TEXT_NODE) text += decodeEntities(child.value as string);
	});
	return text.trim();
}

/** The footprint tables of a page: caption, column headers, rows and total, as text. */
function footprintTables(lang: 'fr' | 'en') {
	return selectAll(pages[lang].document, 'table.drafting-footprint').map((table) => ({
		caption: textContent(must(select(table, 'caption'), 'caption')),
		columns: selectAll(table, 'thead th').map((th) => [attr(th, 'scope'), textContent(th)]),
		rows: selectAll(table, 'tbody tr').map((tr) => ({
			scope: attr(must(select(tr, 'th'), 'row header'), 'scope'),
			cells: selectAll(tr, 'th, td').map(cellText),
			month: attr(select(tr, 'time') ?? tr, 'datetime'),
		})),
		total: selectAll(must(select(table, 'tfoot tr'), 'total row'), 'th, td').map(cellText),
	}));
}

describe('the AI assistant page’s footprint tables', () => {
	it.each(['fr', 'en'] as const)('%s: by month and by provider, captioned and scoped', (lang) => {
		const t = ui[lang];
		const tables = footprintTables(lang);
		expect(tables.map((table) => table.caption)).toEqual([
			t['footprint.byMonth'],
			t['footprint.byProvider'],
		]);
		for (const table of tables) {
			expect(table.columns.every(([scope]) => scope === 'col')).toBe(true);
			expect(table.columns.map(([, text]) => text).slice(1)).toEqual([
				t['footprint.drafts'],
				t['footprint.corrections'],
				t['footprint.inputTokens'],
				t['footprint.outputTokens'],
				t['footprint.cost'],
				t['footprint.energy'],
			]);
			expect(table.rows.every((row) => row.scope === 'row')).toBe(true);
			expect(table.total[0]).toBe(t['footprint.total']);
		}
		const [byMonth, byProvider] = tables;
		// The sample's five AI-drafted entries, each corrected once with AI.
		expect(byProvider?.rows.map((row) => row.cells.slice(0, 3))).toEqual([
			['albert', '4', '4'],
			['mistral', '1', '1'],
		]);
		// The months of the drafts, in the page's language.
		expect(byMonth?.rows.map((row) => row.cells[0])).toEqual(
			lang === 'fr' ? ['octobre 2026', 'novembre 2026'] : ['October 2026', 'November 2026'],
		);
		expect(byMonth?.rows.map((row) => row.month)).toEqual(['2026-10', '2026-11']);
	});

	it('writes the totals as each language does: grouping, decimal mark, currencies, unit', () => {
		const [fr] = footprintTables('fr');
		const [en] = footprintTables('en');
		// 5 new entries and 5 corrections; 89,360 tokens in, 18,880 out; 0.0124 EUR and
		// 0.001262 USD (three significant digits); 1.3058 to 1.427 Wh (two).
		expect(fr?.total.slice(1)).toEqual([
			'5',
			'5',
			'89\u202f360',
			'18\u202f880',
			'0,0124\u00a0€ + 0,00126\u00a0$US',
			'de 1,3 à 1,4\u00a0Wh',
		]);
		expect(en?.total.slice(1)).toEqual([
			'5',
			'5',
			'89,360',
			'18,880',
			'€0.0124 + US$0.00126',
			'1.3 to 1.4 Wh',
		]);
	});
});
