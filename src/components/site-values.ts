import { parse } from 'yaml';
import { SiteConfigSchema, type SiteConfig } from '../config/schema.ts';
import { repositoryUrl } from '../config/site.ts';
import { type Language } from '../registry/schemas/index.ts';
import { accessibilityContact } from './accessibility.ts';
// Imported through Vite rather than read from disk: once bundled into dist/, paths relative to
// this module no longer point at the project. astro.config.mjs has already validated the file.
import rawConfig from '../../registre.config.yml?raw';

/** A setting shown on a page: its text and, for addresses, where a link should point. */
export interface SiteValue {
	text: string;
	href?: string;
}

type Resolver = (config: SiteConfig, lang: Language) => SiteValue;

const text = (value: string | number, lang: Language): SiteValue => ({
	text: typeof value === 'number' ? new Intl.NumberFormat(lang).format(value) : value,
});
const email = (address: string): SiteValue => ({ text: address, href: `mailto:${address}` });
const url = (address: string): SiteValue => ({ text: address, href: address });
const phone = (number: string): SiteValue => ({
	text: number,
	href: `tel:${number.replace(/[^\d+]/g, '')}`,
});

/**
 * One of the site's licences: `content` (the pages and entries; the data licence unless
 * `legal.contentLicence` is set), `data` or `code`.
 */
export function siteLicence(config: SiteConfig, of: 'content' | 'data' | 'code') {
	if (of === 'code') return config.legal.codeLicence;
	return of === 'content'
		? (config.legal.contentLicence ?? config.openData.licence)
		: config.openData.licence;
}

/** Every setting a page may show, and how to read it from the configuration. */
const resolvers = {
	'organisation.name': (c, lang) => text(c.organisation.name[lang], lang),
	'organisation.url': (c) => url(c.organisation.url),
	'organisation.contactEmail': (c) => email(c.organisation.contactEmail),
	'organisation.dpoEmail': (c) => email(c.organisation.dpoEmail),
	'organisation.address': (c, lang) => text(c.organisation.address, lang),
	'organisation.phone': (c) => phone(c.organisation.phone),
	'organisation.identifier': (c, lang) =>
		text(`${c.organisation.identifier.scheme} ${c.organisation.identifier.value}`, lang),
	'legal.director': (c, lang) =>
		text(`${c.legal.director.name}, ${c.legal.director.role[lang]}`, lang),
	'legal.host.name': (c, lang) => text(c.legal.host.name, lang),
	'legal.host.address': (c, lang) => text(c.legal.host.address, lang),
	'legal.host.url': (c) => url(c.legal.host.url),
	'legal.host.phone': (c) => phone(c.legal.host.phone),
	'accessibility.contactEmail': (c) => email(accessibilityContact(c)),
	'openData.licence': (c, lang) => ({
		text: c.openData.licence.name[lang],
		href: c.openData.licence.url,
	}),
	'site.title': (c, lang) => text(c.site.title[lang], lang),
	'site.url': (c) => url(c.site.url),
	'repository.url': (c) => url(repositoryUrl(c.repository)),
	'repository.issuesUrl': (c) => url(`${repositoryUrl(c.repository)}/issues`),
	'repository.fullName': (c) => ({
		text: `${c.repository.owner}/${c.repository.name}`,
		href: repositoryUrl(c.repository),
	}),
	'repository.branch': (c, lang) => text(c.repository.branch, lang),
	'drafting.provider': (c, lang) => text(c.drafting.provider, lang),
	'drafting.model': (c, lang) => text(c.drafting.model, lang),
	'drafting.providerName': (c, lang) => text(c.drafting.providerName[lang], lang),
	'drafting.hosting': (c, lang) => text(c.drafting.hosting[lang], lang),
	'drafting.perAuthorPerHour': (c, lang) => text(c.drafting.perAuthorPerHour, lang),
	'drafting.perRepositoryPerDay': (c, lang) => text(c.drafting.perRepositoryPerDay, lang),
} satisfies Record<string, Resolver>;

/** Name of a setting that pages may show, e.g. `'organisation.dpoEmail'`. */
export type SiteValueName = keyof typeof resolvers;

/** All the setting names pages may show. */
export const siteValueNames = Object.keys(resolvers) as SiteValueName[];

let cachedConfig: SiteConfig | undefined;

/** The site configuration, read once per build. */
export function siteConfig(): SiteConfig {
	cachedConfig ??= SiteConfigSchema.parse(parse(rawConfig));
	return cachedConfig;
}

/** A preposition before the organisation's name: French contracts it with the article. */
export type Preposition = 'de' | 'à';

const contracted: Record<Preposition, Record<string, string>> = {
	de: { le: 'du', les: 'des', la: 'de la', 'l’': 'de l’' },
	à: { le: 'au', les: 'aux', la: 'à la', 'l’': 'à l’' },
};

/**
 * The organisation's name as a sentence reads it: with its article (`la Métropole de Clairval`,
 * `the Clairval Metropolitan Authority`), after a French preposition contracted (`de la`, `du`,
 * `aux`; `d’` before a vowel without an article), capitalised to open a sentence.
 */
export function organisationInSentence(
	config: SiteConfig,
	lang: Language,
	options: { preposition?: Preposition; start?: boolean } = {},
): string {
	const name = config.organisation.name[lang];
	const article = config.organisation.article[lang];
	let words: string;
	if (lang === 'fr' && options.preposition) {
		const elided = /^[aeiouyàâéèêëîïôûüh]/i.test(name);
		const bare = options.preposition === 'de' && elided ? 'd’' : `${options.preposition} `;
		const joined = article ? contracted[options.preposition][article] : undefined;
		words = joined ? `${joined}${article === 'l’' ? '' : ' '}${name}` : `${bare}${name}`;
	} else {
		words = article ? `${article}${article === 'l’' ? '' : ' '}${name}` : name;
	}
	return options.start ? words.charAt(0).toUpperCase() + words.slice(1) : words;
}

/** Reads one setting in the given language. */
export function resolveSiteValue(
	name: SiteValueName,
	lang: Language,
	config: SiteConfig = siteConfig(),
): SiteValue {
	return resolvers[name](config, lang);
}
