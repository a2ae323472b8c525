import type { SiteConfig } from '../config/schema.ts';
import { repositoryUrl } from '../config/site.ts';
import { correctionFormLabels } from '../contract/labels.ts';
import type { EntryKind } from '../registry/kinds/index.ts';
import { type Language } from '../registry/schemas/index.ts';

/** The forms that edit an existing entry: "report an error in this entry" and "update an entry". */
export type EntryForm = keyof typeof correctionFormLabels;

/**
 * Address of a new issue from one of the forms that edit an entry (`entry-error.yml`,
 * `entry-update.yml` in `.github/ISSUE_TEMPLATE/`), with the entry (`kind/id`, or its page's
 * address) filled into the
 * form's `entry` field, a title and the labels. GitHub applies the `labels` parameter only for
 * people allowed to label issues; the form itself adds its label for everyone else, and
 * `lang:` tells the drafting step the reporter's language.
 */
export function entryFormUrl(
	config: Pick<SiteConfig, 'repository'>,
	options: {
		form: EntryForm;
		kind: EntryKind;
		id: string;
		lang: Language;
		title: string;
		/** The entry page's public address, filled in instead of `kind/id`: it also tells its language. */
		pageUrl?: string;
	},
): string {
	const url = new URL(repositoryUrl(config.repository, '/issues/new'));
	url.searchParams.set('template', `${options.form}.yml`);
	url.searchParams.set('entry', options.pageUrl ?? `${options.kind}/${options.id}`);
	url.searchParams.set('title', options.title);
	url.searchParams.set('labels', `${correctionFormLabels[options.form]},lang:${options.lang}`);
	return url.href;
}
