import type { APIRoute } from 'astro';
import { renderAtom } from '../../registry/exports/atom.ts';
import { registryFeed } from '../../utils/registry-feed.ts';
import { getSiteRegistry } from '../../loaders/site-registry.ts';
import { localeParams } from '../../utils/registry-paths.ts';
import { siteConfig } from '../../components/site-values.ts';

/** One feed per language: `/registry.atom` in French, `/en/registry.atom` in English. */
export function getStaticPaths() {
	return localeParams.map(({ locale, lang }) => ({ params: { locale }, props: { lang } }));
}

/** The Atom feed of registry changes, read from git history. */
export const GET: APIRoute = async ({ props, site }) => {
	const { lang } = props as (typeof localeParams)[number];
	const feed = registryFeed(
		await getSiteRegistry(),
		siteConfig(),
		lang,
		site ?? new URL('http://localhost/'),
	);
	return new Response(renderAtom(feed), {
		headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
	});
};
