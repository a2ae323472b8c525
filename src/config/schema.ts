import { z } from 'zod';
import { languages, type Bilingual } from '../registry/schemas/index.ts';
import { defaultSiteLanguages } from './languages.ts';

/*
 * Every object is strict: a misspelt or misplaced key (`sit:`, `drafting.modle`) is an error
 * naming the key, not a setting silently ignored. The schema's own checks carry their message in
 * both languages as the issue's `params` (zod holds one string per issue: the English one);
 * src/config/problems.ts words the other issues and locates each at its line in the file.
 */

/** A check's message in both languages, as zod's `error` (English) and `params` (both). */
function bilingual(message: Bilingual) {
	return { error: message.en, params: message };
}

/** An issue worded in both languages, for `ctx.addIssue`. */
function bilingualIssue(message: Bilingual, path: PropertyKey[] = []) {
	return { code: 'custom' as const, path, message: message.en, params: message };
}

/** A short text in both languages. */
const BilingualLabelSchema = z.strictObject({ fr: z.string().min(1), en: z.string().min(1) });

/** Etalab's Licence Ouverte 2.0, the French State's open licence, compatible with CC BY 4.0. */
const openLicence = {
	name: { fr: 'Licence Ouverte 2.0', en: 'Open Licence 2.0' },
	url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
	spdx: 'etalab-2.0',
};

/** The European Union Public Licence 1.2, under which the kit's source code is published. */
const codeLicence = {
	name: {
		fr: 'Licence publique de l’Union européenne 1.2',
		en: 'European Union Public Licence 1.2',
	},
	url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12',
	spdx: 'EUPL-1.2',
};

/** A licence: its name in both languages, the page of its text and its SPDX identifier. */
const LicenceSchema = z.strictObject({
	/** Its name, as readers know it. */
	name: BilingualLabelSchema,
	/** The page of its text. */
	url: z.url(),
	/** Its SPDX identifier, when it has one (`etalab-2.0`). */
	spdx: z.string().min(1).optional(),
});

/** GitHub Pages' operator, the default host of the site (legal notice). */
const githubPages = {
	name: 'GitHub, Inc.',
	address: '88 Colin P. Kelly Jr. Street, San Francisco, CA 94107, USA',
	url: 'https://pages.github.com/',
	phone: '+1 877 448 4820',
};

/** Whether a string of digits ends with a valid Luhn check digit, as SIREN and SIRET numbers do. */
function passesLuhn(digits: string): boolean {
	let sum = 0;
	for (const [index, char] of [...digits].reverse().entries()) {
		const digit = Number(char) * (index % 2 === 1 ? 2 : 1);
		sum += digit > 9 ? digit - 9 : digit;
	}
	return sum % 10 === 0;
}

/** Digits of a SIREN (9) and a SIRET (14), the French registers whose numbers are checked. */
const frenchIdentifierLength: Record<string, number> = { SIREN: 9, SIRET: 14 };

/**
 * Publisher types of the ADMS vocabulary, the `dct:type` of a DCAT publisher.
 * @see http://purl.org/adms/publishertype/
 */
const publisherTypes = [
	'Academia-ScientificOrganisation',
	'Company',
	'IndustryConsortium',
	'LocalAuthority',
	'NationalAuthority',
	'NonGovernmentalOrganisation',
	'NonProfitOrganisation',
	'PrivateIndividual(s)',
	'RegionalAuthority',
	'StandardisationBody',
	'SupraNationalAuthority',
] as const;

/** The AI providers the drafting has a preset for (src/drafting/providers.ts). */
const aiProviders = ['openai', 'azure', 'albert', 'mistral', 'ollama', 'compatible'] as const;

/** The drafting settings an AI provider needs, and what each is, to say so when one is missing. */
const providerKeys = ['model', 'providerName', 'hosting'] as const;
const providerKeyHelp: Record<(typeof providerKeys)[number], Bilingual> = {
	model: {
		fr: 'le nom du modèle, par exemple albert-large',
		en: 'the model name, e.g. albert-large',
	},
	providerName: {
		fr: 'le fournisseur tel que les lecteurs le connaissent, une ligne fr: et une ligne en:',
		en: 'the provider as readers know it, an fr: line and an en: line',
	},
	hosting: {
		fr: 'où le fournisseur fait tourner le modèle, une ligne fr: et une ligne en:',
		en: 'where the provider runs the model, an fr: line and an en: line',
	},
};

/** What stands for the model and the provider with `provider: none`. */
const noProvider = { model: 'none', name: { fr: 'aucun', en: 'none' } };

/**
 * What to change when the site's address has a path (or a query, a fragment): Astro's `site` is
 * the address alone and `base` the sub-folder, else assets and canonical links break.
 * @see https://docs.astro.build/en/reference/configuration-reference/#base
 */
function pathInSiteUrl(url: string): Bilingual | undefined {
	if (!URL.canParse(url)) return undefined;
	const { origin, pathname, search, hash } = new URL(url);
	if (pathname === '/' && !search && !hash) return undefined;
	const base = pathname.replace(/\/+$/, '');
	if (!base) {
		return {
			fr: `« ${url} » : \`site.url\` est l’adresse du site seule, sans « ? » ni « # » : ${origin}`,
			en: `"${url}": \`site.url\` is the site's address alone, without "?" or "#": ${origin}`,
		};
	}
	return {
		fr: `« ${url} » contient un chemin : mettez le chemin dans \`site.base\` et l’adresse seule dans \`site.url\` (url: ${origin} et base: ${base})`,
		en: `"${url}" has a path: put the path in \`site.base\` and the address alone in \`site.url\` (url: ${origin} and base: ${base})`,
	};
}

/** The adopting organisation's identity and settings, read from `registre.config.yml`. */
export const SiteConfigSchema = z.strictObject({
	organisation: z.strictObject({
		/** The organisation's name, as readers know it. */
		name: BilingualLabelSchema,
		/**
		 * The article its name takes inside a sentence (`la` Métropole de Clairval, `the` Clairval
		 * Metropolitan Authority); none by default, as for a company's name.
		 */
		article: z
			.strictObject({
				fr: z.enum(['le', 'la', 'les', 'l’', '']).default(''),
				en: z.enum(['the', '']).default(''),
			})
			.default({ fr: '', en: '' }),
		/** The organisation's main website. */
		url: z.url(),
		/** Public contact for questions about the registry (a team mailbox, not a person's). */
		contactEmail: z.email(),
		/** Contact of the data protection officer, shown in the terms of use and the personal-data page. */
		dpoEmail: z.email(),
		/** Postal address of the organisation's head office, on one line (legal notice). */
		address: z.string().min(1),
		/** Switchboard telephone number, as readers should dial it (legal notice, required by the LCEN). */
		phone: z.string().min(1),
		/**
		 * The organisation's official identifier, carried by every export and the data catalogue:
		 * in France its SIREN (9 digits) or SIRET (14 digits); elsewhere any scheme, named.
		 */
		identifier: z
			.object({
				/** The register the identifier comes from: `SIREN`, `SIRET`, or another scheme's name. */
				scheme: z.string().min(1),
				/** The identifier itself, as that register writes it (spaces dropped for SIREN and SIRET). */
				value: z.string().min(1),
			})
			.overwrite((id) =>
				Object.hasOwn(frenchIdentifierLength, id.scheme)
					? { ...id, value: id.value.replace(/\s+/g, '') }
					: id,
			)
			.superRefine((id, ctx) => {
				const length = frenchIdentifierLength[id.scheme];
				if (length === undefined) return;
				if (new RegExp(`^\\d{${length}}$`).test(id.value) && passesLuhn(id.value)) return;
				const message = {
					fr: `« ${id.value} » n’est pas un ${id.scheme} valide (${length} chiffres, clé de contrôle de Luhn comprise) : recopiez-le depuis l’annuaire des entreprises`,
					en: `"${id.value}" is not a valid ${id.scheme} (${length} digits, Luhn check digit included): copy it from the French business register`,
				};
				ctx.addIssue(bilingualIssue(message, ['value']));
			}),
		/**
		 * What kind of publisher the organisation is, in the ADMS vocabulary (`LocalAuthority` for a
		 * local authority, `NationalAuthority` for a State service…), given to data catalogues.
		 */
		type: z.enum(publisherTypes).optional(),
	}),
	openData: z
		.object({
			/** The licence the registry's data is published under (Licence Ouverte 2.0 by default). */
			licence: LicenceSchema.default(openLicence),
		})
		.default({ licence: openLicence }),
	legal: z.strictObject({
		/** The director of publication the law requires (loi du 21 juin 2004, article 6). */
		director: z.strictObject({
			/** Full name of the person. */
			name: z.string().min(1),
			/** Their office, e.g. "Président de la Métropole". */
			role: BilingualLabelSchema,
		}),
		/** Who hosts the published site; GitHub Pages (GitHub, Inc.) when not set. */
		host: z
			.object({
				/** The host's company name. */
				name: z.string().min(1),
				/** Its postal address, on one line. */
				address: z.string().min(1),
				/** Its website. */
				url: z.url(),
				/** Its telephone number, as readers should dial it (required by the LCEN). */
				phone: z.string().min(1),
			})
			.default(githubPages),
		/** Licence of the site's texts (the pages and the entries): the data licence when not set. */
		contentLicence: LicenceSchema.optional(),
		/** Licence of the kit's source code (EUPL 1.2 unless the organisation changed it). */
		codeLicence: LicenceSchema.default(codeLicence),
	}),
	accessibility: z
		.object({
			/**
			 * The organisation's own RGAA audit, when one was made. Without it the site declares itself
			 * "non conforme", as the RGAA requires of a site that was never audited.
			 */
			audit: z
				.object({
					/** Date the audit ended, `YYYY-MM-DD`. */
					date: z.iso.date(),
					/** Who carried it out (a company, or the organisation's own team). */
					auditor: z.string().min(1),
					/** Rate of RGAA criteria met, in percent: 100 is full, 50 or more partial conformity. */
					rate: z.number().min(0).max(100),
					/** The pages or sample the audit covered. */
					scope: BilingualLabelSchema,
					/**
					 * The browsers, assistive technologies and tools the auditor used (the statement's
					 * "test environment"), e.g. "NVDA 2024.4 with Firefox 133 on Windows 11".
					 */
					environment: BilingualLabelSchema.optional(),
					/** The RGAA version applied. */
					referential: z.string().min(1).default('RGAA 4.1.2'),
					/** The audit report, when published. */
					reportUrl: z.url().optional(),
				})
				.optional(),
			/** Date the statement was drawn up, `YYYY-MM-DD`; the audit date when not set. */
			statementDate: z.iso.date().optional(),
			/** Where readers report an accessibility problem; the organisation's contact when not set. */
			contactEmail: z.email().optional(),
			/** The organisation's multi-year accessibility plan (schéma pluriannuel), when published. */
			planUrl: z.url().optional(),
			/** Contents known not to be accessible (the audit's non-conformities), one text each. */
			nonCompliant: z.array(BilingualLabelSchema).default([]),
			/** Derogations for disproportionate burden, each with its reason and the alternative offered. */
			derogations: z.array(BilingualLabelSchema).default([]),
		})
		.refine((a) => !a.audit || a.audit.rate === 100 || a.nonCompliant.length > 0, {
			path: ['nonCompliant'],
			...bilingual({
				fr: 'un audit sous 100 % a relevé des non-conformités : listez-les dans `accessibility.nonCompliant` (une entrée avec une ligne fr: et une ligne en: chacune)',
				en: 'an audit below 100 % found non-conformities: list them under `accessibility.nonCompliant` (one entry each, with an fr: line and an en: line)',
			}),
		})
		.default({ nonCompliant: [], derogations: [] }),
	site: z.strictObject({
		/**
		 * Canonical address of the published site, without a path (`https://ia.example.org`), used
		 * for canonical links, hreflang and the sitemap; a sub-folder goes in `base`.
		 */
		url: z.url({ protocol: /^https?$/ }).superRefine((url, ctx) => {
			const message = pathInSiteUrl(url);
			if (message) ctx.addIssue(bilingualIssue(message));
		}),
		/** Base path when the site is served from a sub-folder, e.g. `/registre-ia` on GitHub Pages. */
		base: z
			.string()
			.refine(
				(base) => base.startsWith('/'),
				bilingual({
					fr: 'doit commencer par « / », par exemple /registre-ia',
					en: 'must start with "/", for example /registre-ia',
				}),
			)
			.optional(),
		/**
		 * The languages the site is published in, the first at the root and each other one under
		 * its code: `[fr, en]` (the default) serves French at `/` and English at `/en/`; `[en, fr]`
		 * English at `/` and French at `/fr/`; `[en]` English alone.
		 */
		languages: z
			.tuple([z.enum(languages)], z.enum(languages))
			.refine(
				(list) => new Set(list).size === list.length,
				bilingual({
					fr: 'chaque langue une seule fois, par exemple fr puis en',
					en: 'each language once, for example en then fr',
				}),
			)
			.default([...defaultSiteLanguages]),
		/** Site title in both languages. */
		title: BilingualLabelSchema,
		/**
		 * A demonstration site with fictional identity (the kit's sample): every page says so in a
		 * banner, and example values (`.example` addresses, placeholder names) are allowed.
		 */
		demo: z.boolean().default(false),
	}),
	repository: z.strictObject({
		/** GitHub owner (user or organisation) of the repository holding this site. */
		owner: z.string().regex(/^[A-Za-z0-9-]+$/),
		/** GitHub repository name. */
		name: z.string().regex(/^[A-Za-z0-9._-]+$/),
		/** Branch the site is published from. */
		branch: z.string().min(1).default('main'),
		/**
		 * Who must review the registry and what decides what is published (`.github/CODEOWNERS`): a
		 * team (`@org/team`, with write access) or a user (`@login`); default: the owner.
		 */
		maintainers: z
			.string()
			.regex(
				/^@[A-Za-z0-9-]+(\/[A-Za-z0-9._-]+)?$/,
				bilingual({
					fr: 'une équipe GitHub (@organisation/equipe) ou un compte (@identifiant)',
					en: 'a GitHub team (@org/team) or user (@login)',
				}),
			)
			.optional(),
	}),
	drafting: z
		.strictObject({
			/**
			 * The AI provider preset for drafting (see the drafting docs), or `none`: drafts are then
			 * made from the form alone, and no other drafting setting is needed.
			 */
			provider: z.enum([...aiProviders, 'none']),
			/** Default model name shown in the docs and used when `AI_MODEL` is not set. */
			model: z.string().min(1).optional(),
			/** How the provider is named to readers. */
			providerName: BilingualLabelSchema.optional(),
			/** Where the provider runs the model, as told to readers. */
			hosting: BilingualLabelSchema.optional(),
			/** How many drafts, with or without AI, one issue author may request per hour. */
			perAuthorPerHour: z.int().positive().default(3),
			/** How many AI drafts the repository may produce per 24 hours. */
			perRepositoryPerDay: z.int().positive().default(30),
			/**
			 * How many drafting runs one issue may get per 24 hours, however often it is edited; later
			 * edits wait (the pull request stays as it is).
			 */
			perIssuePerDay: z.int().positive().default(4),
			/**
			 * Who gets an AI draft: `everyone`; `members`, only issues from the repository's owner,
			 * organisation members and collaborators; `label`, only once a maintainer adds the
			 * `ai-approved` label. Other issues get a draft built from the form alone.
			 */
			aiFor: z.enum(['everyone', 'members', 'label']).default('everyone'),
		})
		.superRefine(
			(drafting, ctx) => {
				if (!aiProviders.includes(drafting.provider as never)) return;
				for (const key of providerKeys) {
					if (drafting[key] !== undefined) continue;
					const message = {
						fr: `obligatoire avec \`provider: ${drafting.provider}\` (${providerKeyHelp[key].fr}) ; ou bien \`provider: none\` pour rédiger les brouillons à partir du seul formulaire`,
						en: `required with \`provider: ${drafting.provider}\` (${providerKeyHelp[key].en}); or \`provider: none\` to draft from the form alone`,
					};
					ctx.addIssue(bilingualIssue(message, [key]));
				}
			},
			// Also when another drafting setting is wrong, so that one run names every fix.
			{ when: ({ value }) => typeof value === 'object' && value !== null },
		)
		// Filled for `none`, so that the rest of the kit reads one shape; never shown, since the
		// pages and forms say nothing of a provider when AI is off.
		.transform(({ model, providerName, hosting, ...drafting }) => ({
			...drafting,
			model: model ?? noProvider.model,
			providerName: providerName ?? noProvider.name,
			hosting: hosting ?? noProvider.name,
		})),
});

/** The validated site configuration. */
export type SiteConfig = z.infer<typeof SiteConfigSchema>;
