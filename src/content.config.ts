import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';
import { registryLoader } from './loaders/registry.ts';
import { withEntryPages } from './loaders/entry-pages.ts';
import { entryKinds, kinds } from './registry/kinds/index.ts';
import { loadSiteConfig } from './config/load.ts';
import { pageFilePatterns, pageIdOfFile } from './config/languages.ts';

const { languages } = loadSiteConfig().site;

export const collections = {
	docs: defineCollection({
		// The site's pages in the published languages, each under its language's prefix (French
		// pages at the top of content/docs/, English ones in en/), plus one page per registry entry
		// and language.
		loader: withEntryPages(
			glob({
				pattern: pageFilePatterns(languages),
				base: './content/docs',
				generateId: ({ entry }) => pageIdOfFile(languages, entry),
			}),
		),
		schema: docsSchema({
			extend: z.object({
				/** Set on registry entry pages: which entry the page shows, for "report an error". */
				registryEntry: z.object({ kind: z.enum(entryKinds), id: z.string() }).optional(),
			}),
		}),
	}),
	// One collection per kind of entry, named after it.
	...Object.fromEntries(
		kinds.map((kind) => [
			kind.name,
			defineCollection({ loader: registryLoader(kind.name), schema: kind.schema }),
		]),
	),
};
