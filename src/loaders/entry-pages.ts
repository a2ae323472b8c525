import type { Loader } from 'astro/loaders';
import { entryKinds } from '../registry/kinds/index.ts';
import { entryTitle } from '../utils/entry-meta.ts';
import { entryPageId } from '../utils/entry-page.ts';
import { siteLanguages } from '../utils/registry-paths.ts';
import { loadCheckedRegistry, watchRegistry } from './registry.ts';

/**
 * Wraps Starlight's docs loader so that every registry entry also becomes a page of the `docs`
 * collection, in each published language. Only the frontmatter is stored: the content is rendered when the
 * page is built (`src/components/registry/entry-content.ts`), so the content-layer store stays as
 * small as a plain Starlight site's, and Starlight builds the pages like its Markdown pages.
 */
export function withEntryPages(docs: Loader): Loader {
	return {
		name: 'registre-ia:entry-pages',
		async load(context) {
			await docs.load(context);
			// Starlight's frontmatter defaults, parsed once: the docs schema is rebuilt on every
			// `parseData` call, which costs more than building the page.
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
			let pages = new Set<string>();
			const sync = async () => {
				const registry = await loadCheckedRegistry();
				const previous = pages;
				pages = new Set();
				for (const kind of entryKinds) {
					for (const entry of registry[kind]) {
						for (const lang of siteLanguages) {
							const { title, description } = entryTitle(entry, kind, lang);
							const id = entryPageId(kind, entry.id, lang);
							pages.add(id);
							context.store.set({
								id,
								data: { ...defaults, title, description, registryEntry: { kind, id: entry.id } },
								digest: context.generateDigest(`${id}\n${title}\n${description}`),
							});
						}
					}
				}
				for (const id of previous) if (!pages.has(id)) context.store.delete(id);
			};
			await sync();
			watchRegistry(context, 'registre-ia:entry-pages', sync);
		},
	};
}
