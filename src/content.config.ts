import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';
import { registryLoader } from './loaders/registry.ts';
import { withEntryPages } from './loaders/entry-pages.ts';
import { entryKinds, kinds } from './registry/kinds/index.ts';

export const collections = {
	docs: defineCollection({
		// The site's pages, plus one page per registry entry and language.
		loader: withEntryPages(glob({ pattern: '**/[^_]*.{md,mdx}', base: './content/docs' })),
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
