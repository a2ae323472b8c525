import type { SiteConfig } from '../config/schema.ts';
import type { Lang, UiKey } from '../i18n/ui.ts';
import { conformity } from './accessibility.ts';

/** A link of the site footer: its label key (and parameters) and where it leads. */
export interface FooterLink {
	/** Stable name of the link, for tests and styling. */
	name: string;
	label: UiKey;
	params?: Record<string, string>;
	/** A page of the site, by its path from the language root (`accessibilite/`)… */
	page?: string;
	/** …or an address outside the site. */
	href?: string;
}

/**
 * The links every page's footer carries, in the order French public sites put them: the
 * accessibility state first (the RGAA wants it visible on every page), then the legal pages.
 */
export function footerLinks(config: SiteConfig, lang: Lang): FooterLink[] {
	const { owner, name } = config.repository;
	const licence = config.legal.contentLicence ?? config.openData.licence;
	return [
		{
			name: 'accessibility',
			label: 'footer.accessibility',
			params: { state: `conformity.${conformity(config)}` },
			page: 'accessibilite/',
		},
		{ name: 'legal', label: 'footer.legal', page: 'mentions-legales/' },
		{ name: 'privacy', label: 'footer.privacy', page: 'donnees-personnelles/' },
		{
			name: 'contact',
			label: 'footer.contact',
			href: `mailto:${config.organisation.contactEmail}`,
		},
		{ name: 'open-data', label: 'footer.openData', page: 'donnees-ouvertes/' },
		{ name: 'glossary', label: 'footer.glossary', page: 'glossaire/' },
		{ name: 'site-map', label: 'footer.siteMap', page: 'plan-du-site/' },
		{
			name: 'source-code',
			label: 'footer.sourceCode',
			href: `https://github.com/${owner}/${name}`,
		},
		{
			name: 'licence',
			label: 'footer.licence',
			params: { name: licence.name[lang] },
			href: licence.url,
		},
	];
}
