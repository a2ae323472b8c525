import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { SiteConfigSchema, type SiteConfig } from './schema.ts';

/** The organisation's configuration file at the project root, `registre.config.yml`. */
export const defaultSiteConfigPath = fileURLToPath(
	new URL('../../registre.config.yml', import.meta.url),
);

/**
 * Path of the configuration the build and the scripts read: `registre.config.yml`, or the file
 * named by the `REGISTRE_CONFIG` environment variable (to build a variant, e.g. in tests).
 */
export const siteConfigPath = process.env.REGISTRE_CONFIG
	? resolve(process.env.REGISTRE_CONFIG)
	: defaultSiteConfigPath;

/** Reads and validates `registre.config.yml`; throws an error naming each invalid setting. */
export function loadSiteConfig(path: string = siteConfigPath): SiteConfig {
	const result = SiteConfigSchema.safeParse(parse(readFileSync(path, 'utf8')));
	if (!result.success) {
		throw new Error(`${path}: invalid configuration\n${z.prettifyError(result.error)}`);
	}
	return result.data;
}
