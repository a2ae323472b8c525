import type { APIRoute } from 'astro';
import { kinds, type EntryKind } from '../../../registry/kinds/index.ts';
import { getSiteRegistry } from '../../../loaders/site-registry.ts';
import { siteEntries } from '../../../utils/site-registry.ts';

/**
 * One entry's data as JSON, at `/registre/<segment>/<id>.json`: the validated data, both
 * languages in it, as `registry.json` holds it. Linked from the entry's pages in both languages.
 */
export async function getStaticPaths() {
	const registry = await getSiteRegistry();
	return kinds.flatMap((kind) =>
		siteEntries(registry, kind.name as EntryKind).map((entry) => ({
			params: { kind: kind.segment, id: entry.id },
			props: { data: entry.data },
		})),
	);
}

export const GET: APIRoute = ({ props }) =>
	new Response(JSON.stringify((props as { data: unknown }).data, null, '\t'), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
