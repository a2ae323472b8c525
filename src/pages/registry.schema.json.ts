import type { APIRoute } from 'astro';
import { registryJsonSchema } from '../registry/json-schema.ts';
import { getSiteRegistry } from '../loaders/site-registry.ts';

/** The JSON Schema that `registry.json` validates against, derived from the registry's zod schema. */
export const GET: APIRoute = async () => {
	const { vocabularies } = await getSiteRegistry();
	return new Response(JSON.stringify(registryJsonSchema(vocabularies), null, '\t'), {
		headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
	});
};
