import type { APIRoute } from 'astro';
import { siteConfig } from '../components/site-values.ts';
import { registryChangeDates } from '../registry/exports/change-dates.ts';
import { dataPackage } from '../registry/exports/datapackage.ts';
import { licenceOf, publisherOf } from '../registry/exports/publisher.ts';
import { schemaVersion } from '../registry/schemas/index.ts';
import { entryKinds } from '../registry/kinds/index.ts';
import { getSiteRegistry } from '../loaders/site-registry.ts';
import { siteEntries } from '../utils/site-registry.ts';
import { rootPath, siteLanguages } from '../utils/registry-paths.ts';

/** `datapackage.json`: the Frictionless description of every CSV file, derived from the schema. */
export const GET: APIRoute = async ({ site }) => {
	const config = siteConfig();
	const registry = await getSiteRegistry();
	const { last } = registryChangeDates(
		registry.history,
		entryKinds.flatMap((kind) => siteEntries(registry, kind).map((entry) => entry.data)),
	);
	const absolute = (path: string) => new URL(rootPath(path), site).href;
	const document = dataPackage({
		vocabularies: registry.vocabularies,
		publisher: publisherOf(config.organisation),
		licence: licenceOf(config.openData.licence),
		name: config.repository.name.toLowerCase().replace(/[^a-z0-9._-]/g, '-'),
		id: absolute('datapackage.json'),
		homepage: absolute(''),
		lang: siteLanguages[0],
		title: config.site.title,
		version: schemaVersion,
		// The latest change, as in catalog.jsonld: building the same commit twice gives the same file.
		created: last,
	});
	return new Response(JSON.stringify(document, null, '\t'), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
