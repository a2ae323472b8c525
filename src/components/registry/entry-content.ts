import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import EntryContent from './EntryContent.astro';

/**
 * Starlight route middleware: a registry entry's page (a `docs` entry with `registryEntry` in its
 * frontmatter and no body) shows the entry, rendered by `EntryContent.astro`.
 * @see https://starlight.astro.build/guides/route-data/
 */
export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	if (route.entry.data.registryEntry) route.Content = EntryContent;
});
