import { z } from 'zod';

/** A short text in both languages. */
const BilingualLabelSchema = z.object({ fr: z.string().min(1), en: z.string().min(1) });

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
const LicenceSchema = z.object({
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

/** The adopting organisation's identity and settings, read from `registre.config.yml`. */
export const SiteConfigSchema = z.object({
	organisation: z.object({
		/** The organisation's name, as readers know it. */
		name: BilingualLabelSchema,
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
				ctx.addIssue({
					code: 'custom',
					path: ['value'],
					message: `« ${id.value} » n’est pas un ${id.scheme} valide (${length} chiffres, clé de contrôle de Luhn comprise) : recopiez-le depuis l’annuaire des entreprises / "${id.value}" is not a valid ${id.scheme} (${length} digits, Luhn check digit included): copy it from the French business register`,
				});
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
	legal: z.object({
		/** The director of publication the law requires (loi du 21 juin 2004, article 6). */
		director: z.object({
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
			message:
				'un audit sous 100 % a relevé des non-conformités : listez-les dans `accessibility.nonCompliant` (une entrée { fr, en } chacune) / an audit below 100 % found non-conformities: list them under `accessibility.nonCompliant` (one { fr, en } entry each)',
		})
		.default({ nonCompliant: [], derogations: [] }),
	site: z.object({
		/** Canonical URL of the published site, used for canonical links, hreflang and the sitemap. */
		url: z.url(),
		/** Base path when the site is served from a sub-folder, e.g. `/registre-ia` on GitHub Pages. */
		base: z.string().startsWith('/').optional(),
		/** Site title in both languages. */
		title: BilingualLabelSchema,
		/**
		 * A demonstration site with fictional identity (the kit's sample): every page says so in a
		 * banner, and example values (`.example` addresses, placeholder names) are allowed.
		 */
		demo: z.boolean().default(false),
	}),
	repository: z.object({
		/** GitHub owner (user or organisation) of the repository holding this site. */
		owner: z.string().regex(/^[A-Za-z0-9-]+$/),
		/** GitHub repository name. */
		name: z.string().regex(/^[A-Za-z0-9._-]+$/),
		/** Branch the site is published from. */
		branch: z.string().min(1).default('main'),
	}),
	drafting: z.object({
		/** Default AI provider preset for drafting (see the drafting docs), or `none`. */
		provider: z.enum(['openai', 'azure', 'albert', 'mistral', 'ollama', 'compatible', 'none']),
		/** Default model name shown in the docs and used when `AI_MODEL` is not set. */
		model: z.string().min(1),
		/** How the provider is named to readers. */
		providerName: BilingualLabelSchema,
		/** Where the provider runs the model, as told to readers. */
		hosting: BilingualLabelSchema,
		/** How many drafts one issue author may request per hour. */
		perAuthorPerHour: z.int().positive(),
		/** How many AI drafts the repository may produce per day. */
		perRepositoryPerDay: z.int().positive(),
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
	}),
});

/** The validated site configuration. */
export type SiteConfig = z.infer<typeof SiteConfigSchema>;
