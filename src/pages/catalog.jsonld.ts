import type { APIRoute } from 'astro';
import { loadSiteConfig } from '../config/load.ts';
import { allCsvTables } from '../registry/exports/csv.ts';
import { catalogFiles, dcatCatalog } from '../registry/exports/dcat.ts';
import { licenceOf, publisherOf } from '../registry/exports/publisher.ts';
import { getSiteRegistry } from '../utils/registry-site.ts';
import { registryPath, sitePath } from '../utils/registry-paths.ts';
import type { SiteRegistry } from '../utils/site-registry.ts';

/** `catalog.jsonld`: the DCAT-AP 3 catalogue of the open data, for data portals to harvest. */
export const GET: APIRoute = async ({ site }) => {
	const config = loadSiteConfig();
	const registry = await getSiteRegistry();
	const absolute = (path: string) => new URL(path, site).href;
	const { first, last } = changeDates(registry);
	const catalog = dcatCatalog({
		publisher: publisherOf(config.organisation),
		licence: licenceOf(config.openData.licence),
		siteUrl: absolute(sitePath('fr', '')),
		catalogUrl: absolute(sitePath('fr', 'catalog.jsonld')),
		title: config.site.title,
		landingPage: {
			fr: absolute(registryPath('fr', 'systems')),
			en: absolute(registryPath('en', 'systems')),
		},
		documentationPage: {
			fr: absolute(sitePath('fr', 'donnees-ouvertes/')),
			en: absolute(sitePath('en', 'donnees-ouvertes/')),
		},
		issued: first,
		modified: last,
		files: catalogFiles(allCsvTables()),
	});
	return new Response(JSON.stringify(catalog, null, '\t'), {
		headers: { 'Content-Type': 'application/ld+json; charset=utf-8' },
	});
};

/**
 * The registry's first and latest changes, from git; without history, from the entries' review
 * dates. One pass over the changes, whatever the registry's size.
 */
function changeDates(registry: SiteRegistry): { first: Date; last: Date } {
	let first = '';
	let last = '';
	const see = (date: string) => {
		if (!first || date < first) first = date;
		if (!last || date > last) last = date;
	};
	for (const changes of registry.history.changes.values()) {
		for (const change of changes) see(new Date(change.date).toISOString());
	}
	if (!last) {
		for (const kind of ['systems', 'models'] as const) {
			for (const entry of registry[kind]) {
				const review = (entry.data as { review?: { last: string } }).review;
				if (review) see(`${review.last}T00:00:00.000Z`);
			}
		}
	}
	const now = new Date().toISOString();
	return { first: new Date(first || now), last: new Date(last || now) };
}
