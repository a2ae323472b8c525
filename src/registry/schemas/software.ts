import { z } from 'zod';
import { field } from './field.ts';
import {
	EntryIdSchema,
	LanguageStateSchema,
	ProvenanceSchema,
	SlugSchema,
	TextSchema,
	UrlSchema,
} from './shared.ts';

/**
 * Software or an online service the organisation's systems and models rely on, with its editor:
 * one file `registry/software/<id>.mdx`. Systems name it from their suppliers, models from the
 * software that serves them.
 */
export const SoftwareSchema = z
	.object({
		id: EntryIdSchema,
		name: field(z.string().trim().min(1).max(120), {
			label: { fr: 'Nom', en: 'Name' },
			help: {
				fr: 'Nom du logiciel ou du service, tel que son éditeur le commercialise.',
				en: 'Name of the software or service, as its editor markets it.',
			},
		}),
		editor: field(
			z
				.object({
					name: field(z.string().trim().min(1).max(160), {
						label: { fr: 'Éditeur', en: 'Editor' },
						help: {
							fr: 'Raison sociale de l’organisation qui édite le logiciel ou opère le service.',
							en: 'Legal name of the organisation that publishes the software or runs the service.',
						},
					}),
					url: field(UrlSchema.optional(), {
						label: { fr: 'Site de l’éditeur', en: 'Editor’s website' },
						help: { fr: 'Site de l’éditeur.', en: 'The editor’s website.' },
					}),
				})
				.strict(),
			{
				label: { fr: 'Éditeur', en: 'Editor' },
				help: {
					fr: 'Qui édite le logiciel ou opère le service, et son site.',
					en: 'Who publishes the software or runs the service, and its website.',
				},
			},
		),
		version: field(z.string().trim().min(1).max(60).optional(), {
			label: { fr: 'Version', en: 'Version' },
			help: {
				fr: 'Version en service chez nous ; à laisser vide pour un service en ligne que l’éditeur met à jour en continu.',
				en: 'Version in use here; leave it empty for an online service the editor updates continuously.',
			},
		}),
		description: field(TextSchema, {
			label: { fr: 'Description', en: 'Description' },
			help: {
				fr: 'Ce que fait le logiciel, ce que nous en utilisons et quelles données il traite pour nous.',
				en: 'What the software does, what we use of it and which data it processes for us.',
			},
		}),
		licence: field(
			z
				.object({
					name: field(z.string().trim().min(1).max(120), {
						label: { fr: 'Licence', en: 'Licence' },
						help: {
							fr: 'Identifiant SPDX d’une licence libre (EUPL-1.2, MIT…) ou « propriétaire ».',
							en: 'SPDX identifier of an open-source licence (EUPL-1.2, MIT…) or “proprietary”.',
						},
					}),
					openSource: field(z.boolean(), {
						label: { fr: 'Logiciel libre', en: 'Open source' },
						help: {
							fr: 'Si le code source est publié sous une licence libre.',
							en: 'Whether the source code is published under an open-source licence.',
						},
					}),
				})
				.strict(),
			{
				label: { fr: 'Licence', en: 'Licence' },
				help: {
					fr: 'Sous quelle licence le logiciel est distribué, et s’il est libre.',
					en: 'The licence the software is distributed under, and whether it is open source.',
				},
			},
		),
		hosting: field(
			z
				.object({
					type: field(SlugSchema, {
						label: { fr: 'Mode d’hébergement', en: 'Hosting' },
						help: {
							fr: 'Qui fait tourner le logiciel : nos serveurs, un cloud de l’État, l’éditeur ou un autre prestataire…',
							en: 'Who runs the software: our own servers, a State cloud, the editor or another supplier…',
						},
						vocabulary: 'hosting',
					}),
					residency: field(SlugSchema, {
						label: { fr: 'Localisation des données', en: 'Data residency' },
						help: {
							fr: 'Où les données que traite le logiciel sont stockées et traitées.',
							en: 'Where the data the software processes is stored and processed.',
						},
						vocabulary: 'data-residency',
					}),
				})
				.strict(),
			{
				label: { fr: 'Hébergement', en: 'Hosting' },
				help: {
					fr: 'Où tourne le logiciel et où vont les données qu’il traite pour nous.',
					en: 'Where the software runs and where the data it processes for us goes.',
				},
			},
		),
		certifications: field(z.array(SlugSchema).min(1), {
			label: { fr: 'Certifications', en: 'Certifications' },
			help: {
				fr: 'Les certifications en cours de validité du service ou de son hébergement, ou « none » s’il n’en a aucune.',
				en: 'The valid certifications of the service or its hosting, or “none” if it holds none.',
			},
			vocabulary: 'certifications',
		}),
		website: field(UrlSchema.optional(), {
			label: { fr: 'Page du logiciel', en: 'Software page' },
			help: {
				fr: 'Page de présentation du logiciel ou du service.',
				en: 'Page that presents the software or service.',
			},
		}),
		privacyPolicy: field(UrlSchema.optional(), {
			label: { fr: 'Politique de confidentialité', en: 'Privacy policy' },
			help: {
				fr: 'Page où l’éditeur explique ce qu’il fait des données personnelles.',
				en: 'Page where the editor explains what it does with personal data.',
			},
		}),
		terms: field(UrlSchema.optional(), {
			label: { fr: 'Conditions d’utilisation', en: 'Terms of use' },
			help: {
				fr: 'Conditions générales d’utilisation ou de service publiées par l’éditeur.',
				en: 'General terms of use or of service published by the editor.',
			},
		}),
		language: LanguageStateSchema,
		provenance: ProvenanceSchema.optional(),
	})
	.strict();

/** A validated software entry. */
export type Software = z.infer<typeof SoftwareSchema>;
