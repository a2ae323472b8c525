import { z } from 'zod';
import { field } from './field.ts';
import {
	contactSchema,
	EntryIdSchema,
	LanguageStateSchema,
	ownerSchema,
	ProvenanceSchema,
	SlugSchema,
	TextSchema,
	UrlSchema,
	shortTextSchema,
} from './shared.ts';

/**
 * A dataset the organisation's systems read: one file `registry/datasets/<id>.mdx`.
 * Which systems use it, and how, is stated on each system's data sources and read both ways.
 */
export const DatasetSchema = z
	.object({
		id: EntryIdSchema,
		name: field(shortTextSchema(120), {
			label: { fr: 'Nom', en: 'Name' },
			help: {
				fr: 'Nom du jeu de données, tel que ses producteurs ou ses utilisateurs le désignent.',
				en: 'Name of the dataset, as its producers or users call it.',
			},
		}),
		description: field(TextSchema, {
			label: { fr: 'Description', en: 'Description' },
			help: {
				fr: 'Ce que contiennent les données, sur quelle période et quel territoire, en langage clair.',
				en: 'What the data holds, over which period and area, in plain language.',
			},
		}),
		origin: field(SlugSchema, {
			label: { fr: 'Origine', en: 'Origin' },
			help: {
				fr: 'D’où viennent les données : nos services, les personnes elles-mêmes, un portail de données ouvertes, une autre administration, un partenaire ou un prestataire.',
				en: 'Where the data comes from: our departments, the people themselves, an open-data portal, another public body, a partner or a supplier.',
			},
			vocabulary: 'dataset-origins',
		}),
		producer: field(z.string().trim().min(1).max(160).optional(), {
			label: { fr: 'Producteur', en: 'Producer' },
			help: {
				fr: 'Organisme qui produit et publie les données, quand ce n’est pas nous (Insee, Météo-France…).',
				en: 'Body that produces and publishes the data, when it is not us (Insee, Météo-France…).',
			},
		}),
		personalData: field(SlugSchema, {
			label: { fr: 'Données personnelles', en: 'Personal data' },
			help: {
				fr: 'Niveau de données personnelles du jeu de données dans son ensemble ; chaque système précise ce qu’il en lit.',
				en: 'Level of personal data in the dataset as a whole; each system says what it reads of it.',
			},
			vocabulary: 'personal-data',
		}),
		categories: field(z.array(TextSchema).min(1), {
			label: { fr: 'Catégories de données', en: 'Categories of data' },
			help: {
				fr: 'Les grandes familles d’informations que contient le jeu de données (texte des messages, relevés horaires, images…), une par ligne.',
				en: 'The main kinds of information the dataset holds (text of messages, hourly readings, images…), one per line.',
			},
		}),
		volume: field(TextSchema.optional(), {
			label: { fr: 'Volume', en: 'Volume' },
			help: {
				fr: 'Ordre de grandeur du nombre d’enregistrements, de documents ou d’heures, avec la période couverte.',
				en: 'Rough number of records, documents or hours, with the period covered.',
			},
		}),
		licence: field(z.string().trim().min(1).max(120).optional(), {
			label: { fr: 'Licence', en: 'Licence' },
			help: {
				fr: 'Identifiant SPDX ou nom de la licence de réutilisation (etalab-2.0, ODbL-1.0…) ; à laisser vide pour des données qui ne sont pas publiées.',
				en: 'SPDX identifier or name of the reuse licence (etalab-2.0, ODbL-1.0…); leave it empty for data that is not published.',
			},
		}),
		updateFrequency: field(SlugSchema, {
			label: { fr: 'Fréquence de mise à jour', en: 'Update frequency' },
			help: {
				fr: 'À quel rythme les données changent ou sont renouvelées.',
				en: 'How often the data changes or is renewed.',
			},
			vocabulary: 'update-frequencies',
		}),
		url: field(UrlSchema.optional(), {
			label: { fr: 'Page du jeu de données', en: 'Dataset page' },
			help: {
				fr: 'Page publique qui décrit les données ou permet de les télécharger, par exemple sur un portail de données ouvertes.',
				en: 'Public page that describes the data or lets people download it, for instance on an open-data portal.',
			},
		}),
		owner: ownerSchema({
			help: {
				fr: 'Le service qui gère les données et, s’il y a lieu, la fonction qui en répond.',
				en: 'The team that manages the data and, where relevant, the role accountable for it.',
			},
			unitHelp: {
				fr: 'Direction ou service qui gère ces données chez nous, ou qui en suit la réutilisation.',
				en: 'Department or team that manages this data here, or oversees its reuse.',
			},
			roleOptional: true,
		}),
		contact: contactSchema({
			fr: 'Comment poser une question sur ces données ou signaler une erreur.',
			en: 'How to ask a question about this data or report an error in it.',
		}),
		language: LanguageStateSchema,
		provenance: ProvenanceSchema.optional(),
	})
	.strict();

/** A validated dataset entry. */
export type Dataset = z.infer<typeof DatasetSchema>;
