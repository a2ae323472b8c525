import type { APIRoute } from 'astro';
import type { CompactIndex } from '../../../../components/registry/registry-filter.ts';
import { indexData } from '../../../../utils/registry-index.ts';
import { getSiteRegistry } from '../../../../loaders/site-registry.ts';
import { kindLocaleParams } from '../../../../utils/registry-routes.ts';

export const getStaticPaths = kindLocaleParams;

/** The compact index the filter script loads on first use. */
export const GET: APIRoute = async ({ props }) => {
	const { kind, lang } = props as ReturnType<typeof kindLocaleParams>[number]['props'];
	const data = indexData(await getSiteRegistry(), kind, lang);
	const compact: CompactIndex = {
		facets: data.facets.map((facet) => ({
			name: facet.name,
			values: facet.values.map((v) => v.key),
		})),
		columns: data.columns.map((column) => ({
			name: column.name,
			...(column.numeric && { numeric: true as const }),
		})),
		rows: data.rows.map((row) => [
			row.id,
			row.name,
			row.summary,
			row.cells,
			row.keys,
			row.facets,
			...(row.lang ? [row.lang] : []),
		]) as CompactIndex['rows'],
	};
	return new Response(JSON.stringify(compact), { headers: { 'Content-Type': 'application/json' } });
};
