import type { Bilingual } from '../registry/schemas/index.ts';
import { loadSiteConfig } from './load.ts';
import type { SiteConfig } from './schema.ts';

/**
 * Where GitHub Pages serves the site, as `actions/configure-pages` tells it (its `origin` and
 * `base_path` outputs: `https://octocat.github.io` and `/my-repo`, or `''` at the root).
 * @see https://github.com/actions/configure-pages/blob/main/action.yml
 */
export interface PagesLocation {
	origin: string;
	basePath: string;
}

/** A base path without its final slash: `/registre-ia/` → `/registre-ia`, `/` → `''`. */
function trimBase(base: string | undefined): string {
	return (base ?? '').replace(/\/+$/, '');
}

/**
 * What to change in `registre.config.yml` when GitHub Pages serves the site elsewhere than
 * `site.url` and `site.base` say (assets and links would break, canonical links and the open
 * data would point elsewhere); undefined when they agree.
 */
export function pagesMismatch(
	site: Pick<SiteConfig['site'], 'url' | 'base'>,
	pages: PagesLocation,
): Bilingual | undefined {
	const origin = new URL(pages.origin).origin;
	const basePath = trimBase(pages.basePath);
	const configured = { origin: new URL(site.url).origin, basePath: trimBase(site.base) };
	if (configured.origin === origin && configured.basePath === basePath) return undefined;
	const served = `${origin}${basePath}/`;
	const written = `${configured.origin}${configured.basePath}/`;
	const base = {
		fr: basePath ? ` et \`site.base: ${basePath}\`` : ', sans `site.base`',
		en: basePath ? ` and \`site.base: ${basePath}\`` : ', with no `site.base`',
	};
	return {
		fr: `GitHub Pages publie ce site à ${served}, mais registre.config.yml indique ${written}\u00a0: écrivez \`site.url: ${origin}\`${base.fr} (ou donnez un domaine personnalisé au site dans Settings › Pages).`,
		en: `GitHub Pages serves this site at ${served}, but registre.config.yml says ${written}: write \`site.url: ${origin}\`${base.en} (or give the site a custom domain in Settings › Pages).`,
	};
}

/**
 * The deploy workflow's check, before it builds: compares the configuration with where GitHub
 * Pages serves the site (`PAGES_ORIGIN`, `PAGES_BASE_PATH`) and returns the exit code, after an
 * error annotation saying what to write when they differ.
 */
export function checkPagesLocation(
	env: NodeJS.ProcessEnv,
	print: (line: string) => void = console.log,
): number {
	const origin = env.PAGES_ORIGIN ?? '';
	if (!URL.canParse(origin)) {
		print(
			`::error::PAGES_ORIGIN is "${origin}": give it the origin output of actions/configure-pages`,
		);
		return 1;
	}
	const mismatch = pagesMismatch(loadSiteConfig().site, {
		origin,
		basePath: env.PAGES_BASE_PATH ?? '',
	});
	if (!mismatch) return 0;
	// Workflow command data: `%`, CR and LF escaped, so the message stays one annotation.
	const data = (text: string) =>
		text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
	print(`::error file=registre.config.yml,title=site.url and site.base::${data(mismatch.en)}`);
	print(data(mismatch.fr));
	return 1;
}
