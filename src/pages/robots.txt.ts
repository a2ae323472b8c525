import type { APIRoute } from 'astro';

/**
 * `robots.txt`: every page may be crawled, and the sitemap Starlight writes is named with the
 * site's address and base, so a site in a sub-folder names its own.
 */
export const GET: APIRoute = ({ site }) => {
	const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
	const sitemap = new URL(`${base}sitemap-index.xml`, site ?? 'http://localhost/');
	return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
};
