import type { SiteConfig } from '../config/schema.ts';
import { type Language } from '../registry/schemas/index.ts';
import { repositoryUrl } from '../config/site.ts';
import { useTranslations } from '../i18n/ui.ts';
import { sitePath } from '../utils/registry-paths.ts';
import { conformity } from './accessibility.ts';
import { siteLicence } from './site-values.ts';

/** A link of the site footer. */
export interface FooterLink {
	/** Stable name of the link, for tests and styling. */
	name: string;
	/** Its text in the page's language. */
	text: string;
	/** A page of this site in the same language, or an address outside the site. */
	href: string;
}

/**
 * The links every page's footer carries, in the order French public sites put them: the
 * accessibility state first (the RGAA wants it on every page), then the legal pages, contact,
 * open data, glossary, site map, source code and licence.
 */
export function footerLinks(config: SiteConfig, lang: Language): FooterLink[] {
	const t = useTranslations(lang);
	const licence = siteLicence(config, 'content');
	const page = (path: string) => sitePath(lang, path);
	return [
		{
			name: 'accessibility',
			text: t('footer.accessibility', { state: t(`conformity.${conformity(config)}`) }),
			href: page('accessibilite/'),
		},
		{ name: 'legal', text: t('footer.legal'), href: page('mentions-legales/') },
		{ name: 'privacy', text: t('footer.privacy'), href: page('donnees-personnelles/') },
		{
			name: 'contact',
			text: t('footer.contact'),
			href: `mailto:${config.organisation.contactEmail}`,
		},
		{ name: 'open-data', text: t('footer.openData'), href: page('donnees-ouvertes/') },
		{ name: 'glossary', text: t('footer.glossary'), href: page('glossaire/') },
		{ name: 'site-map', text: t('footer.siteMap'), href: page('plan-du-site/') },
		{
			name: 'source-code',
			text: t('footer.sourceCode'),
			href: repositoryUrl(config.repository),
		},
		{
			name: 'licence',
			text: t('footer.licence', { name: licence.name[lang] }),
			href: licence.url,
		},
	];
}
