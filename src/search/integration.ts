import type { AstroIntegration } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { takeSearchRecords, type SearchRecord } from './record-store.ts';

/** Starlight's integration, whose Pagefind run this one takes over. */
const starlightName = '@astrojs/starlight';

/**
 * Writes the site's search index (Starlight's `pagefind/` bundle, so its search dialog works as
 * it is) once the site is built, in one Pagefind index: the docs pages from their HTML, as
 * Starlight indexes them (`data-pagefind-body`), and the registry's entry pages from the records
 * they left while rendering (`src/search/records.ts`), without Pagefind reading their HTML again.
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
				if (!starlight?.hooks['astro:build:done']) {
					throw new Error(
						`registre-ia:search takes over ${starlightName}'s Pagefind run, which it no longer finds`,
					);
				}
				delete starlight.hooks['astro:build:done'];
			},
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const records = takeSearchRecords();
				const root = fileURLToPath(dir);
				const pages = await docsPages(root, new Set(records.map((record) => record.url)));
				await writeSearchIndex({ records, pages, outputPath: join(root, 'pagefind') });
				const seconds = ((performance.now() - started) / 1000).toFixed(2);
				logger.info(
					`Indexed ${records.length} entry pages and ${pages.length} other pages for search in ${seconds}s.`,
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

/** Writes a Pagefind bundle of search records and HTML pages into `outputPath`. */
export async function writeSearchIndex(options: {
	records: readonly SearchRecord[];
	pages?: readonly HtmlPage[];
	outputPath: string;
}): Promise<void> {
	const { records, pages = [], outputPath } = options;
	try {
		const { index, errors } = await pagefind.createIndex();
		check(errors);
		if (!index) throw new Error('Pagefind gave no index');
		for (const page of pages) {
			const content = await readFile(page.path, 'utf8');
			// Pages left out of search (`pagefind: false`) have no body to index.
			if (content.includes('data-pagefind-body')) {
				check((await index.addHTMLFile({ url: page.url, content })).errors);
			}
		}
		// Sent in batches, each awaited: the Pagefind process indexes as the records arrive.
		for (let start = 0; start < records.length; start += 64) {
			const responses = await Promise.all(
				records.slice(start, start + 64).map((record) => index.addCustomRecord(record)),
			);
			for (const response of responses) check(response.errors);
		}
		check((await index.writeFiles({ outputPath })).errors);
	} finally {
		await pagefind.close();
	}
}

/** Fails the build on any error Pagefind reports. */
function check(errors: readonly string[]): void {
	if (errors.length > 0) throw new Error(`Pagefind: ${errors.join('; ')}`);
}
