import { z } from 'zod';
import type { Bilingual } from '../schemas/index.ts';

const help = (fr: string, en: string) => ({ description: en, 'x-help': { fr, en } });
const BilingualNameSchema = z.object({ fr: z.string().min(1), en: z.string().min(1) }).strict();

/** The organisation that publishes the registry, as every export names it. */
export const PublisherSchema = z
	.object({
		name: BilingualNameSchema.meta(
			help(
				'Nom de l’organisation, en français et en anglais.',
				'The organisation’s name, in French and English.',
			),
		),
		url: z.url().meta(help('Site de l’organisation.', 'The organisation’s website.')),
		email: z
			.email()
			.meta(
				help(
					'Contact public du registre (une boîte d’équipe).',
					'Public contact of the registry (a team mailbox).',
				),
			),
		identifier: z
			.object({
				scheme: z
					.string()
					.min(1)
					.meta(
						help(
							'Registre d’où vient l’identifiant : SIREN, SIRET ou un autre.',
							'The register the identifier comes from: SIREN, SIRET or another.',
						),
					),
				value: z
					.string()
					.min(1)
					.meta(
						help(
							'L’identifiant, tel que ce registre l’écrit.',
							'The identifier, as that register writes it.',
						),
					),
			})
			.strict()
			.meta(
				help(
					'Identifiant officiel de l’organisation : SIREN ou SIRET en France, tout autre système ailleurs.',
					'The organisation’s official identifier: SIREN or SIRET in France, any other scheme elsewhere.',
				),
			),
	})
	.strict()
	.meta(
		help('L’organisation qui publie le registre.', 'The organisation that publishes the registry.'),
	);

/** The organisation that publishes the registry. */
export type Publisher = z.infer<typeof PublisherSchema>;

/** The licence the open data is published under. */
export const PublishedLicenceSchema = z
	.object({
		name: BilingualNameSchema.meta(help('Nom de la licence.', 'Name of the licence.')),
		url: z.url().meta(help('Texte de la licence.', 'Text of the licence.')),
		spdx: z
			.string()
			.min(1)
			.optional()
			.meta(help('Identifiant SPDX de la licence.', 'SPDX identifier of the licence.')),
	})
	.strict()
	.meta(help('Licence des données du registre.', 'Licence of the registry’s data.'));

/** The licence the open data is published under. */
export type PublishedLicence = z.infer<typeof PublishedLicenceSchema>;

/** The publisher named in the exports, from the `organisation` part of the site configuration. */
export function publisherOf(organisation: {
	name: Bilingual;
	url: string;
	contactEmail: string;
	identifier: { scheme: string; value: string };
}): Publisher {
	return {
		name: { fr: organisation.name.fr, en: organisation.name.en },
		url: organisation.url,
		email: organisation.contactEmail,
		identifier: { scheme: organisation.identifier.scheme, value: organisation.identifier.value },
	};
}

/** The licence named in the exports, from the `openData.licence` part of the configuration. */
export function licenceOf(licence: {
	name: Bilingual;
	url: string;
	spdx?: string | undefined;
}): PublishedLicence {
	return {
		name: { fr: licence.name.fr, en: licence.name.en },
		url: licence.url,
		...(licence.spdx && { spdx: licence.spdx }),
	};
}
