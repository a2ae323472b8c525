import type { AstroIntegration } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { streamSearchRecords, takeSearchRecords, type SearchRecord } from './record-store.ts';

/** Starlight's integration, whose Pagefind run this one takes over. */
const starlightName = '@astrojs/starlight';

/** The Starlight integrations whose Pagefind run is taken over already. */
const takenOver = new WeakSet<AstroIntegration>();

/**
 * Writes the site's search index (Starlight's `pagefind/` bundle, so its search dialog works as
 * it is) once the site is built, in one Pagefind index: the docs pages from their HTML, as
 * Starlight indexes them (`data-pagefind-body`), and the registry's entry pages from the records
 * their pages hand over while rendering (`src/search/records.ts`), without Pagefind reading their
 * HTML again.
 * Starlight's own run would read and parse every page, entry pages included, so this takes its
 * place (Starlight's `astro:build:done` hook does nothing else).
 * @see https://pagefind.app/docs/node-api/
 * @see https://github.com/withastro/starlight/blob/main/packages/starlight/integrations/pagefind.ts
 */
export function registrySearch(): AstroIntegration {
	return {
		name: 'registre-ia:search',
		hooks: {
			'astro:config:setup': ({ config }) => {
				const starlight = config.integrations.find(
					(integration) => integration.name === starlightName,
				);
				// Set up again (by `astro sync`, a dev server's restart) once its run is taken over.
				if (starlight && takenOver.has(starlight)) return;
				if (!starlight?.hooks['astro:build:done']) {
					throw new Error(
						`registre-ia:search takes over ${starlightName}'s Pagefind run, which it no longer finds`,
					);
				}
				delete starlight.hooks['astro:build:done'];
				takenOver.add(starlight);
			},
			// Pagefind indexes each entry's record as soon as its page is rendered, in its own
			// process, on the other processor while Astro renders the next pages.
			'astro:build:start': async () => {
				session = await openSearchIndex();
				const open = session;
				streamSearchRecords((record) => open.add(record));
			},
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const index = session ?? (await openSearchIndex());
				session = undefined;
				for (const record of takeSearchRecords()) index.add(record);
				const root = fileURLToPath(dir);
				const pages = await docsPages(root, index.urls);
				await index.write(pages, join(root, 'pagefind'));
				const seconds = ((performance.now() - started) / 1000).toFixed(2);
				logger.info(
					`Indexed ${index.urls.size} entry pages and ${pages.length} other pages for search in ${seconds}s.`,
				);
			},
		},
	};
}

/** A page indexed from its HTML: its address from the site's root and its file. */
export interface HtmlPage {
	url: string;
	path: string;
}

/**
 * The built pages that Starlight marks for search (`data-pagefind-body`), except those in
 * `skipped` (the entry pages, indexed from their records), by address.
 */
async function docsPages(root: string, skipped: ReadonlySet<string>): Promise<HtmlPage[]> {
	const files = await readdir(root, { recursive: true, withFileTypes: true });
	const pages: HtmlPage[] = [];
	for (const file of files) {
		if (!file.isFile() || !file.name.endsWith('.html')) continue;
		const path = join(file.parentPath, file.name);
		const url = `/${relative(root, path).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');
		if (!skipped.has(url)) pages.push({ url, path });
	}
	return pages;
}

/** A Pagefind index being filled: records as they come, then the HTML pages and the files. */
interface SearchIndex {
	/** The addresses of the records added so far. */
	urls: Set<string>;
	add(record: SearchRecord): void;
	/** Adds the pages, waits for every record, writes the bundle into `outputPath` and closes. */
	write(pages: readonly HtmlPage[], outputPath: string): Promise<void>;
}

/** The index of the build that is running, if any. */
let session: SearchIndex | undefined;

/** Starts a Pagefind index (in Pagefind's own process). */
async function openSearchIndex(): Promise<SearchIndex> {
	const { index, errors } = await pagefind.createIndex();
	check(errors);
	if (!index) throw new Error('Pagefind gave no index');
	const urls = new Set<string>();
	const pending: Promise<{ errors: string[] }>[] = [];
	return {
		urls,
		add(record) {
			if (urls.has(record.url)) return;
			urls.add(record.url);
			pending.push(index.addCustomRecord(record));
		},
		async write(pages, outputPath) {
			try {
				for (const response of await Promise.all(pending)) check(response.errors);
				for (const page of pages) {
					const content = await readFile(page.path, 'utf8');
					// Pages left out of search (`pagefind: false`) have no body to index.
					if (content.includes('data-pagefind-body')) {
						check((await index.addHTMLFile({ url: page.url, content })).errors);
					}
				}
				check((await index.writeFiles({ outputPath })).errors);
			} finally {
				await pagefind.close();
			}
		},
	};
}

/** Writes a Pagefind bundle of search records and HTML pages into `outputPath`. */
export async function writeSearchIndex(options: {
	records: readonly SearchRecord[];
	pages?: readonly HtmlPage[];
	outputPath: string;
}): Promise<void> {
	const index = await openSearchIndex();
	for (const record of options.records) index.add(record);
	await index.write(options.pages ?? [], options.outputPath);
}

/** Fails the build on any error Pagefind reports. */
function check(errors: readonly string[]): void {
	if (errors.length > 0) throw new Error(`Pagefind: ${errors.join('; ')}`);
}
