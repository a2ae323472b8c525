import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { registryLoader } from './loaders/registry.ts';
import { ModelSchema, SystemSchema } from './registry/schemas/index.ts';

export const collections = {
	docs: defineCollection({
		loader: glob({ pattern: '**/[^_]*.{md,mdx}', base: './content/docs' }),
		schema: docsSchema(),
	}),
	systems: defineCollection({ loader: registryLoader('systems'), schema: SystemSchema }),
	models: defineCollection({ loader: registryLoader('models'), schema: ModelSchema }),
};
