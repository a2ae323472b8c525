import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defaultSiteConfigPath } from './load.ts';

/**
 * Points the pages' `registre.config.yml?raw` import (src/components/site-values.ts) at the
 * configuration in use: the sample's until the organisation has its own, or the file
 * `REGISTRE_CONFIG` names. Vite reads it, so bundled pages carry the text, not a path.
 */
export function configFilePlugin(configPath: string): Plugin {
	const target = resolve(configPath);
	return {
		name: 'registre-config',
		enforce: 'pre',
		resolveId(source) {
			if (target === defaultSiteConfigPath) return undefined;
			return source.endsWith('registre.config.yml?raw') ? `${target}?raw` : undefined;
		},
	};
}
