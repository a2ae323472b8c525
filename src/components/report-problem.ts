import type { SiteConfig } from '../config/schema.ts';
import { repositoryUrl } from '../config/site.ts';
import { type Language } from '../registry/schemas/index.ts';

/** File name of the issue form that collects page problems, in `.github/ISSUE_TEMPLATE/`. */
export const pageProblemTemplate = 'page-problem.yml';

/**
 * Address of a new GitHub issue from the page-problem form, with the title, the page address
 * (the form's `page` field) and the labels filled in. GitHub applies the `labels` parameter only
 * for people allowed to label issues; the form itself adds `page-problem` for everyone else.
 */
export function pageProblemUrl(
	config: SiteConfig,
	options: { lang: Language; title: string; pageUrl: string },
): string {
	const url = new URL(repositoryUrl(config.repository, '/issues/new'));
	url.searchParams.set('template', pageProblemTemplate);
	url.searchParams.set('labels', `page-problem,lang:${options.lang}`);
	url.searchParams.set('title', options.title);
	url.searchParams.set('page', options.pageUrl);
	return url.href;
}

/** Absolute public address of a page from its path (which already includes any base path). */
export function publicPageUrl(config: SiteConfig, pathname: string): string {
	return new URL(pathname, config.site.url).href;
}
