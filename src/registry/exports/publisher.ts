import { z } from 'zod';
import { SiteConfigSchema, type SiteConfig } from '../../config/schema.ts';

/*
 * Who publishes the open data and under which licence, as every export states it. The values and
 * their constraints are the configuration's (`organisation`, `openData.licence` in
 * src/config/schema.ts): only the bilingual documentation that `registry.schema.json` carries is
 * added here, and the objects are closed, since a published file holds nothing else.
 */

const help = (fr: string, en: string) => ({ description: en, 'x-help': { fr, en } });
const organisation = SiteConfigSchema.shape.organisation.shape;
const licence = SiteConfigSchema.shape.openData.unwrap().shape.licence.unwrap().shape;
const identifier = organisation.identifier.shape;

/** The organisation that publishes the registry, as every export names it. */
export const PublisherSchema = z
	.object({
		name: organisation.name
			.strict()
			.meta(
				help(
					'Nom de l’organisation, en français et en anglais.',
					'The organisation’s name, in French and English.',
				),
			),
		url: organisation.url.meta(help('Site de l’organisation.', 'The organisation’s website.')),
		email: organisation.contactEmail.meta(
			help(
				'Contact public du registre (une boîte d’équipe).',
				'Public contact of the registry (a team mailbox).',
			),
		),
		identifier: z
			.object({
				scheme: identifier.scheme.meta(
					help(
						'Registre d’où vient l’identifiant\u00a0: SIREN, SIRET ou un autre.',
						'The register the identifier comes from: SIREN, SIRET or another.',
					),
				),
				value: identifier.value.meta(
					help(
						'L’identifiant, tel que ce registre l’écrit.',
						'The identifier, as that register writes it.',
					),
				),
			})
			.strict()
			.meta(
				help(
					'Identifiant officiel de l’organisation\u00a0: SIREN ou SIRET en France, tout autre système ailleurs.',
					'The organisation’s official identifier: SIREN or SIRET in France, any other scheme elsewhere.',
				),
			),
		type: organisation.type.meta(
			help(
				'Type d’éditeur, dans le vocabulaire ADMS\u00a0: LocalAuthority pour une collectivité, NationalAuthority pour un service de l’État…',
				'Kind of publisher, in the ADMS vocabulary: LocalAuthority for a local authority, NationalAuthority for a State service…',
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
		name: licence.name.strict().meta(help('Nom de la licence.', 'Name of the licence.')),
		url: licence.url.meta(help('Texte de la licence.', 'Text of the licence.')),
		spdx: licence.spdx.meta(
			help('Identifiant SPDX de la licence.', 'SPDX identifier of the licence.'),
		),
	})
	.strict()
	.meta(help('Licence des données du registre.', 'Licence of the registry’s data.'));

/** The licence the open data is published under. */
export type PublishedLicence = z.infer<typeof PublishedLicenceSchema>;

/** The publisher named in the exports, from the `organisation` part of the site configuration. */
export function publisherOf(organisation: SiteConfig['organisation']): Publisher {
	return {
		name: { fr: organisation.name.fr, en: organisation.name.en },
		url: organisation.url,
		email: organisation.contactEmail,
		identifier: { scheme: organisation.identifier.scheme, value: organisation.identifier.value },
		...(organisation.type && { type: organisation.type }),
	};
}

/** The licence named in the exports, from the `openData.licence` part of the configuration. */
export function licenceOf(licence: SiteConfig['openData']['licence']): PublishedLicence {
	return {
		name: { fr: licence.name.fr, en: licence.name.en },
		url: licence.url,
		...(licence.spdx && { spdx: licence.spdx }),
	};
}
