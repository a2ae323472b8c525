import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One result of a Pagefind search, as its search API gives it. */
export interface SearchResult {
	url: string;
	meta: { title?: string };
	filters: Record<string, string[]>;
	excerpt: string;
}

/** A Pagefind bundle opened in Node for one language, searched with Pagefind's own search API. */
export interface BundleSearch {
	/** Addresses of the results for `term`, best first, at most `limit` of them. */
	urls(term: string, limit: number): Promise<string[]>;
	/** The first `limit` results for `term` (or every page, with `null`), with their data. */
	results(term: string | null, limit: number): Promise<SearchResult[]>;
	/** Every filter with its values and their counts. */
	filters(): Promise<Record<string, Record<string, number>>>;
}

interface PagefindModule {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	search(
		term: string | null,
		options?: Record<string, unknown>,
	): Promise<{ results: { data(): Promise<SearchResult> }[] }>;
	filters(): Promise<Record<string, Record<string, number>>>;
}

let opened = 0;

/**
 * Opens the Pagefind bundle in `bundleDir` (its `pagefind.js`, run by Node) for `lang`: Pagefind
 * reads the page's `<html lang>` and fetches its files from the bundle's address, both given here
 * (a `document` that only answers its language, a `fetch` that reads the bundle's files).
 * @see https://pagefind.app/docs/api/
 */
export async function openBundle(bundleDir: string, lang: string): Promise<BundleSearch> {
	const bundlePath = '/bundle/';
	const realFetch = globalThis.fetch;
	globalThis.fetch = async (input: string | URL | Request) => {
		const path = new URL(String(input instanceof Request ? input.url : input), 'http://x/')
			.pathname;
		if (!path.startsWith(bundlePath)) return realFetch(input);
		return new Response(await readFile(join(bundleDir, path.slice(bundlePath.length))));
	};
	const global = globalThis as { document?: unknown };
	global.document = { currentScript: null, querySelector: () => ({ getAttribute: () => lang }) };
	// A query string gives each language its own copy of the module (Pagefind keeps one index).
	const url = `${pathToFileURL(join(bundleDir, 'pagefind.js')).href}?open=${++opened}`;
	const pagefind = (await import(url)) as PagefindModule;
	await pagefind.options({ basePath: bundlePath, baseUrl: '/' });
	await pagefind.init();
	const results = async (term: string | null, limit: number) => {
		const found = await pagefind.search(term);
		return Promise.all(found.results.slice(0, limit).map((result) => result.data()));
	};
	return {
		results,
		urls: async (term, limit) => (await results(term, limit)).map((result) => result.url),
		filters: () => pagefind.filters(),
	};
}
