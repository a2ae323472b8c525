import type { APIRoute } from 'astro';
import { siteConfig } from '../components/site-values.ts';
import { registryDocument } from '../registry/exports/open-data.ts';
import { licenceOf, publisherOf } from '../registry/exports/publisher.ts';
import { getSiteRegistry } from '../utils/registry-site.ts';

/** `registry.json`: every entry of both kinds, with the schema version, generation date and publisher. */
export const GET: APIRoute = async () => {
	const config = siteConfig();
	const registry = await getSiteRegistry();
	const document = registryDocument(
		registry.systems.map((entry) => entry.data),
		registry.models.map((entry) => entry.data),
		{ publisher: publisherOf(config.organisation), licence: licenceOf(config.openData.licence) },
	);
	return new Response(JSON.stringify(document, null, '\t'), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
