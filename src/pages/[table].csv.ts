import type { APIRoute } from 'astro';
import { allCsvTables, tableToCsv, type CsvTable } from '../registry/exports/csv.ts';
import { getSiteRegistry } from '../loaders/site-registry.ts';
import { siteEntries } from '../utils/site-registry.ts';
import { registryPath } from '../utils/registry-paths.ts';

/** One file per kind (`systems.csv`…) and per list of structured items (`systems-models.csv`…). */
export function getStaticPaths() {
	return allCsvTables().map((table) => ({ params: { table: table.name }, props: { table } }));
}

/** One CSV table: UTF-8 with a byte order mark, a header row, entries sorted by id. */
export const GET: APIRoute = async ({ props, site }) => {
	const { table } = props as { table: CsvTable };
	const registry = await getSiteRegistry();
	const entries = siteEntries(registry, table.kind)
		.map((entry) => entry.data)
		.sort((a, b) => (a.id < b.id ? -1 : 1));
	const csv = tableToCsv(table, entries, {
		vocabularies: registry.vocabularies,
		pageUrl: (kind, id, lang) => new URL(registryPath(lang, kind, id), site).href,
	});
	return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
