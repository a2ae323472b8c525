import type { Loader } from 'astro/loaders';
import { loadSiteConfig } from '../config/load.ts';
import { readRegistryHistory } from '../registry/history.ts';
import type { Entry } from '../registry/load.ts';
import { entryKinds, type EntryKind } from '../registry/schemas/index.ts';
import { languages } from '../i18n/ui.ts';
import { entryPage } from '../utils/entry-page.ts';
import { createSiteRegistry, type SiteEntry } from '../utils/site-registry.ts';
import { loadCheckedRegistry, registryDir } from './registry.ts';

/**
 * Wraps Starlight's docs loader so that every registry entry also becomes a page of the `docs`
 * collection, in each language, rendered once here. Starlight then builds them like its Markdown
 * pages: no per-page route code, and the same layout, search indexing and language switch.
 * @see https://docs.astro.build/en/reference/content-loader-reference/#rendered
 */
export function withEntryPages(docs: Loader): Loader {
	return {
		name: 'registre-ia:entry-pages',
		async load(context) {
			await docs.load(context);
			const [registry, history] = await Promise.all([
				loadCheckedRegistry(),
				readRegistryHistory(registryDir),
			]);
			const site = createSiteRegistry({
				systems: registry.systems.map(toSiteEntry),
				models: registry.models.map(toSiteEntry),
				vocabularies: registry.vocabularies,
				history,
			});
			const config = loadSiteConfig();
			// Starlight's frontmatter defaults, parsed once: the docs schema is rebuilt on every
			// `parseData` call, which would cost more than rendering the page.
			const defaults = await context.parseData({
				id: 'registre',
				data: {
					title: 'registre',
					// Corrections go through "report an error in this entry", not the file editor.
					editUrl: false,
					// An entry is short and opens on its key facts; without the table of contents its
					// page stays close to a plain Starlight page in weight.
					tableOfContents: false,
				},
			});
			for (const kind of entryKinds) {
				for (const entry of site[kind] as SiteEntry<Entry['data']>[]) {
					for (const lang of languages) {
						const page = entryPage(entry, { kind, lang, registry: site, config });
						context.store.set({
							id: page.id,
							data: {
								...defaults,
								title: page.title,
								description: page.description,
								registryEntry: { kind, id: entry.id },
							},
							rendered: { html: page.html, metadata: { headings: page.headings } },
							digest: context.generateDigest(page.html + page.title + page.description),
						});
					}
				}
			}
		},
	};
}

function toSiteEntry<K extends EntryKind>(entry: Entry<K>): SiteEntry<Entry<K>['data']> {
	return { id: entry.id, data: entry.data, body: entry.file.body, filePath: entry.file.path };
}
