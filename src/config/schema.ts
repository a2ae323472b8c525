import { z } from 'zod';

/** A short text in both languages. */
const BilingualLabelSchema = z.object({ fr: z.string().min(1), en: z.string().min(1) });

/** Etalab's Licence Ouverte 2.0, the French State's open licence, compatible with CC BY 4.0. */
const openLicence = {
	name: { fr: 'Licence Ouverte 2.0', en: 'Open Licence 2.0' },
	url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
	spdx: 'etalab-2.0',
};

/** The adopting organisation's identity and settings, read from `registre.config.yml`. */
export const SiteConfigSchema = z.object({
	organisation: z.object({
		/** The organisation's name, as readers know it. */
		name: BilingualLabelSchema,
		/** The organisation's main website. */
		url: z.url(),
		/** Public contact for questions about the registry (a team mailbox, not a person's). */
		contactEmail: z.email(),
		/** Contact of the data protection officer, shown in the terms of use. */
		dpoEmail: z.email(),
		/**
		 * The organisation's official identifier, carried by every export and the data catalogue:
		 * in France its SIREN (9 digits) or SIRET (14 digits); elsewhere any scheme, named.
		 */
		identifier: z.object({
			/** The register the identifier comes from: `SIREN`, `SIRET`, or another scheme's name. */
			scheme: z.string().min(1),
			/** The identifier itself, as that register writes it. */
			value: z.string().min(1),
		}),
	}),
	openData: z
		.object({
			/** The licence the registry's data is published under (Licence Ouverte 2.0 by default). */
			licence: z
				.object({
					/** Its name, as readers know it. */
					name: BilingualLabelSchema,
					/** The page of its text. */
					url: z.url(),
					/** Its SPDX identifier, when it has one (`etalab-2.0`). */
					spdx: z.string().min(1).optional(),
				})
				.default(openLicence),
		})
		.default({ licence: openLicence }),
	site: z.object({
		/** Canonical URL of the published site, used for canonical links, hreflang and the sitemap. */
		url: z.url(),
		/** Base path when the site is served from a sub-folder, e.g. `/registre-ia` on GitHub Pages. */
		base: z.string().startsWith('/').optional(),
		/** Site title in both languages. */
		title: BilingualLabelSchema,
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
