import type { APIRoute } from 'astro';
import { registryDocument } from '../registry/exports/open-data.ts';
import { getSiteRegistry } from '../utils/registry-site.ts';

/** `registry.json`: every entry of both kinds, with the schema version and generation date. */
export const GET: APIRoute = async () => {
	const registry = await getSiteRegistry();
	const document = registryDocument(
		registry.systems.map((entry) => entry.data),
		registry.models.map((entry) => entry.data),
	);
	return new Response(JSON.stringify(document, null, '\t'), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
