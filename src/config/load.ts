import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { SiteConfigSchema, type SiteConfig } from './schema.ts';

/** Path of the organisation's configuration file at the project root. */
export const siteConfigPath = fileURLToPath(new URL('../../registre.config.yml', import.meta.url));

/** Reads and validates `registre.config.yml`; throws an error naming each invalid setting. */
export function loadSiteConfig(path: string = siteConfigPath): SiteConfig {
	const result = SiteConfigSchema.safeParse(parse(readFileSync(path, 'utf8')));
	if (!result.success) {
		throw new Error(`${path}: invalid configuration\n${z.prettifyError(result.error)}`);
	}
	return result.data;
}
