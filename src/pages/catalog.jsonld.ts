import type { APIRoute } from 'astro';
import { siteConfig } from '../components/site-values.ts';
import { allCsvTables } from '../registry/exports/csv.ts';
import { registryChangeDates } from '../registry/exports/change-dates.ts';
import { catalogFiles, dcatCatalog } from '../registry/exports/dcat.ts';
import { licenceOf, publisherOf } from '../registry/exports/publisher.ts';
import { entryKinds, firstKind } from '../registry/kinds/index.ts';
import { getSiteRegistry } from '../loaders/site-registry.ts';
import { siteEntries } from '../utils/site-registry.ts';
import { registryPath, rootPath, sitePath, siteLanguages } from '../utils/registry-paths.ts';
import { localePrefix } from '../config/languages.ts';

/** `catalog.jsonld`: the DCAT-AP 3 catalogue of the open data, for data portals to harvest. */
export const GET: APIRoute = async ({ site }) => {
	const config = siteConfig();
	const registry = await getSiteRegistry();
	const absolute = (path: string) => new URL(path, site).href;
	const { first, last } = registryChangeDates(
		registry.history,
		entryKinds.flatMap((kind) => siteEntries(registry, kind).map((entry) => entry.data)),
	);
	const siteUrl = absolute(rootPath(''));
	const catalog = dcatCatalog({
		publisher: publisherOf(config.organisation),
		licence: licenceOf(config.openData.licence),
		siteUrl,
		catalogUrl: absolute(rootPath('catalog.jsonld')),
		title: config.site.title,
		// The registry's first kind is its landing page (the systems, by default).
		landingPage: {
			fr: absolute(registryPath('fr', firstKind)),
			en: absolute(registryPath('en', firstKind)),
		},
		documentationPage: {
			fr: absolute(sitePath('fr', 'donnees-ouvertes/')),
			en: absolute(sitePath('en', 'donnees-ouvertes/')),
		},
		issued: first,
		modified: last,
		files: catalogFiles(
			allCsvTables(),
			siteUrl,
			siteLanguages.map((lang) => ({
				lang,
				path: `${localePrefix(siteLanguages, lang)}registry.atom`,
			})),
		),
	});
	return new Response(JSON.stringify(catalog, null, '\t'), {
		headers: { 'Content-Type': 'application/ld+json; charset=utf-8' },
	});
};
