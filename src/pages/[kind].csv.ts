import type { APIRoute } from 'astro';
import { entriesToCsv } from '../registry/exports/csv.ts';
import { entryKinds, type EntryKind } from '../registry/schemas/index.ts';
import { getSiteRegistry } from '../utils/registry-site.ts';

/** `systems.csv` and `models.csv`. */
export function getStaticPaths() {
	return entryKinds.map((kind) => ({ params: { kind }, props: { kind } }));
}

/** One CSV per kind: UTF-8, a header row, one row per entry sorted by id. */
export const GET: APIRoute = async ({ props }) => {
	const kind = (props as { kind: EntryKind }).kind;
	const registry = await getSiteRegistry();
	const entries = registry[kind].map((entry) => entry.data).sort((a, b) => (a.id < b.id ? -1 : 1));
	return new Response(entriesToCsv(kind, entries), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	});
};
