import type { SiteConfig } from '../config/schema.ts';
import { repositoryUrl } from '../config/site.ts';
import type { EntryKind } from '../registry/kinds/index.ts';
import { type Language } from '../registry/schemas/index.ts';

/** Issue form for errors in an entry, in `.github/ISSUE_TEMPLATE/`. */
export const entryErrorTemplate = 'entry-error.yml';

/**
 * Address of a new issue from the "report an error in an entry" form, with the entry (`kind/id`)
 * filled into the form's `entry` field, a title and the labels.
 */
export function entryErrorUrl(
	config: SiteConfig,
	options: { kind: EntryKind; id: string; lang: Language; title: string },
): string {
	const url = new URL(repositoryUrl(config.repository, '/issues/new'));
	url.searchParams.set('template', entryErrorTemplate);
	url.searchParams.set('entry', `${options.kind}/${options.id}`);
	url.searchParams.set('title', options.title);
	url.searchParams.set('labels', `entry-error,lang:${options.lang}`);
	return url.href;
}
