import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { toLang } from '../i18n/ui.ts';
import { getPrinciple } from './principles.ts';

/** A heading as Starlight's table of contents expects it. */
export interface Heading {
	depth: number;
	slug: string;
	text: string;
}

type TocItem = NonNullable<StarlightRouteData['toc']>['items'][number];

const fence = /^\s*(```|~~~)/;
const markdownHeading = /^#{1,6}\s/;
const principleTag = /<CharterPrinciple\s+principle=["']([a-z0-9-]+)["']/;

/**
 * Merges the Markdown headings Astro collected with the headings `<CharterPrinciple>` renders
 * (which Astro cannot see), in the order they appear in the page's source.
 */
export function mergePrincipleHeadings(
	body: string,
	headings: readonly Heading[],
	principleLabel: (key: string) => string,
): Heading[] {
	const merged: Heading[] = [];
	let next = 0;
	let inFence = false;
	for (const line of body.split('\n')) {
		if (fence.test(line)) inFence = !inFence;
		if (inFence) continue;
		const principle = principleTag.exec(line)?.[1];
		const heading = markdownHeading.test(line) ? headings[next] : undefined;
		if (principle) merged.push({ depth: 2, slug: principle, text: principleLabel(principle) });
		else if (heading) {
			merged.push(heading);
			next++;
		}
	}
	return [...merged, ...headings.slice(next)];
}

/** Nests flat headings under the overview item, as Starlight does for Markdown headings. */
export function nestHeadings(
	overview: TocItem,
	headings: readonly Heading[],
	minLevel: number,
	maxLevel: number,
): TocItem[] {
	const items: TocItem[] = [{ ...overview, children: [] }];
	for (const heading of headings) {
		if (heading.depth < minLevel || heading.depth > maxLevel) continue;
		let siblings = items;
		let last = siblings.at(-1);
		// Go down the last branch while it is shallower than this heading.
		while (last && last.depth < heading.depth) {
			siblings = last.children;
			last = siblings.at(-1);
		}
		siblings.push({ ...heading, children: [] });
	}
	return items;
}

/** Starlight route middleware: lists charter principles in the page's table of contents. */
export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	const body = route.entry.body;
	const overview = route.toc?.items[0];
	if (!route.toc || !overview || !body?.includes('<CharterPrinciple')) return;
	const lang = toLang(route.lang);
	const headings = mergePrincipleHeadings(
		body,
		route.headings,
		(key) => getPrinciple(key).label[lang],
	);
	route.toc.items = nestHeadings(
		overview,
		headings,
		route.toc.minHeadingLevel,
		route.toc.maxHeadingLevel,
	);
});
