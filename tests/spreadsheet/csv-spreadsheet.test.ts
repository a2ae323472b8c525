/**
 * The CSV files opened as a spreadsheet opens them: LibreOffice Calc (Debian's
 * `libreoffice-calc`, installed by `.ci/run`) converts each one to .xlsx in headless mode, then
 * back to tab-separated text, which must hold the same columns, rows and accented text. A project
 * of its own (`npm run test:spreadsheet`), since it needs a system program that `npm install`
 * cannot bring: `npm test` runs everywhere with npm alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { csvTables } from '../../src/registry/exports/csv.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import { entryKinds, type EntryData } from '../../src/registry/kinds/index.ts';
import { loadVocabularies } from '../../src/registry/vocabularies.ts';
import { parseCsvFile, testPageUrl, writeCsvExport } from '../registry/exports/csv-files.ts';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const work = mkdtempSync(join(tmpdir(), 'csv-spreadsheet-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Runs LibreOffice on its own profile, so that a desktop session cannot lock it.
 * `CSV:44,34,76,1,,0,true` is what its import dialog offers for these files, with "quoted field
 * as text" ticked as the open-data page advises: comma, double quote, UTF-8, from line 1.
 * @see https://help.libreoffice.org/latest/en-US/text/shared/guide/csv_params.html
 */
function convert(files: string[], to: string, outDir: string, infilter?: string): void {
	const args = [
		'--headless',
		`-env:UserInstallation=file://${join(work, 'profile')}`,
		...(infilter ? [`--infilter=${infilter}`] : []),
		'--convert-to',
		to,
		'--outdir',
		outDir,
		...files,
	];
	const run = spawnSync('soffice', args, { encoding: 'utf8', timeout: 120_000 });
	if (run.status !== 0) throw new Error(`soffice ${args.join(' ')} failed:\n${run.stderr}`);
}

describe('the CSV files in LibreOffice Calc', () => {
	it('split into the same columns, keep every accent and run no formula, in every file', async () => {
		if (!soffice) {
			throw new Error(
				'LibreOffice is missing: apt-get install --no-install-recommends libreoffice-calc (.ci/run does it)',
			);
		}
		const registry = await loadRegistry('examples/clairval/registry');
		const { vocabularies } = await loadVocabularies('examples/clairval/registry');
		const written = new Map<string, string>();
		// A model whose texts a spreadsheet would run as formulas: they must come back as text.
		const [model] = registry.models.map((entry) => entry.data);
		if (!model) throw new Error('no model in the sample');
		const hostile = {
			...model,
			id: 'formules',
			name: { fr: '=1+1', en: '=1+1' },
			provider: { fr: '+33 1 23 45 67 89', en: '+33 1 23 45 67 89' },
			version: '1.0',
			documentation: [{ label: { fr: '@SUM(1;2)', en: '-2+3' }, url: 'https://docs.example.org/' }],
		};
		for (const kind of entryKinds) {
			const entries: EntryData[] = registry[kind].map((entry) => entry.data);
			if (kind === 'models') entries.push(hostile);
			for (const [name, csv] of writeCsvExport(kind, entries, {
				vocabularies,
				pageUrl: testPageUrl,
			})) {
				writeFileSync(join(work, `${name}.csv`), csv);
				written.set(name, csv);
			}
		}
		const names = [...written.keys()];
		expect(names).toHaveLength(entryKinds.flatMap(csvTables).length);
		convert(
			names.map((name) => join(work, `${name}.csv`)),
			'xlsx',
			join(work, 'xlsx'),
			'CSV:44,34,76,1,,0,true',
		);
		// Back to text: tab-separated, every text cell quoted, UTF-8 (76).
		convert(
			names.map((name) => join(work, 'xlsx', `${name}.xlsx`)),
			'csv:Text - txt - csv (StarCalc):9,34,76,1',
			join(work, 'back'),
		);
		for (const name of names) {
			const original = parseCsvFile(must(written.get(name)));
			const back = parse(readFileSync(join(work, 'back', `${name}.csv`), 'utf8'), {
				columns: true,
				delimiter: '\t',
				bom: true,
			}) as Record<string, string>[];
			expect(Object.keys(back[0] ?? {}), `${name}: the header row`).toEqual(
				Object.keys(original[0] ?? {}),
			);
			expect(back, `${name}: every cell as written`).toEqual(original.map(spreadsheetView));
		}
		const systems = readFileSync(join(work, 'back', 'systems.csv'), 'utf8');
		expect(systems).toMatch(/[éèàçôù’«»]/);
		expect(systems).not.toMatch(/Ã|â€/);
		const models = readFileSync(join(work, 'back', 'models.csv'), 'utf8');
		expect(models).toContain('"\'=1+1"');
		expect(models).toContain('"1.0"');
	});
});

/** What a spreadsheet shows of a row: `true` and `false` become its own TRUE and FALSE. */
function spreadsheetView(row: Record<string, string>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(row).map(([column, cell]) => [
			column,
			cell === 'true' || cell === 'false' ? cell.toUpperCase() : cell,
		]),
	);
}

function must<T>(value: T | undefined): T {
	if (value === undefined) throw new Error('missing file');
	return value;
}
