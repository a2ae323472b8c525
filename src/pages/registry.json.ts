import type { APIRoute } from 'astro';
import { siteConfig } from '../components/site-values.ts';
import { registryDocument } from '../registry/exports/open-data.ts';
import { licenceOf, publisherOf } from '../registry/exports/publisher.ts';
import { entryKinds } from '../registry/kinds/index.ts';
import { getSiteRegistry } from '../loaders/site-registry.ts';
import { siteEntries } from '../utils/site-registry.ts';

/** `registry.json`: every entry of every kind, with the schema version, generation date and publisher. */
export const GET: APIRoute = async () => {
	const config = siteConfig();
	const registry = await getSiteRegistry();
	const entries = Object.fromEntries(
		entryKinds.map((kind) => [kind, siteEntries(registry, kind).map((entry) => entry.data)]),
	);
	const document = registryDocument(entries, {
		publisher: publisherOf(config.organisation),
		licence: licenceOf(config.openData.licence),
	});
	return new Response(JSON.stringify(document, null, '\t'), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
