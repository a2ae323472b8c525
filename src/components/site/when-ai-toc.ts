import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { nestHeadings } from '../charter-toc.ts';
import { siteConfig } from '../site-values.ts';
import { aiState, visibleHeadings } from './when-ai.ts';

/**
 * Starlight route middleware: leaves out of the table of contents the headings of `<WhenAi>`
 * blocks the page does not show (Astro lists every heading of the source, shown or not).
 */
export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	const body = route.entry.body;
	const overview = route.toc?.items[0];
	if (!body?.includes('<WhenAi')) return;
	const headings = visibleHeadings(body, route.headings, aiState(siteConfig()));
	route.headings = headings;
	if (!route.toc || !overview) return;
	route.toc.items = nestHeadings(
		overview,
		headings,
		route.toc.minHeadingLevel,
		route.toc.maxHeadingLevel,
	);
});
