import { z } from 'zod';
import { field } from './field.ts';
import {
	DateSchema,
	EmailSchema,
	EntryIdSchema,
	LanguageStateSchema,
	ProvenanceSchema,
	SlugSchema,
	TextSchema,
	UrlSchema,
	shortTextSchema,
} from './shared.ts';

/** How long one category of data is kept. */
export const RetentionSchema = z
	.object({
		data: field(TextSchema, {
			label: { fr: 'Données', en: 'Data' },
			help: {
				fr: 'Les données concernées par cette durée (dossiers, enregistrements, journaux…).',
				en: 'The data this period applies to (files, recordings, logs…).',
			},
		}),
		period: field(TextSchema, {
			label: { fr: 'Durée', en: 'Period' },
			help: {
				fr: 'Combien de temps, à partir de quand, et ce qu’il advient ensuite (suppression, archives publiques).',
				en: 'How long, from when, and what happens next (deletion, public archives).',
			},
		}),
	})
	.strict();

/**
 * The public part of a record of processing activities (GDPR Article 30): one file
 * `registry/processing-records/<id>.mdx`. Systems name the records they belong to.
 */
export const ProcessingRecordSchema = z
	.object({
		id: EntryIdSchema,
		name: field(shortTextSchema(160), {
			label: { fr: 'Nom du traitement', en: 'Name of the processing' },
			help: {
				fr: 'Nom du traitement tel qu’il figure au registre des activités de traitement.',
				en: 'Name of the processing activity as it appears in the record of processing activities.',
			},
		}),
		description: field(TextSchema, {
			label: { fr: 'Description', en: 'Description' },
			help: {
				fr: 'Ce que fait le traitement, pour qui, en langage clair et en quelques phrases.',
				en: 'What the processing does, and for whom, in plain language and a few sentences.',
			},
		}),
		controller: field(
			z
				.object({
					name: field(z.string().trim().min(1).max(160), {
						label: { fr: 'Organisme responsable', en: 'Responsible body' },
						help: {
							fr: 'Organisme qui décide des finalités et des moyens du traitement.',
							en: 'Body that decides the purposes and means of the processing.',
						},
					}),
					unit: field(TextSchema, {
						label: { fr: 'Service', en: 'Unit' },
						help: {
							fr: 'Direction ou service qui met le traitement en œuvre.',
							en: 'Department or team that carries out the processing.',
						},
					}),
					jointControllers: field(z.array(z.string().trim().min(1).max(160)).default([]), {
						label: { fr: 'Responsables conjoints', en: 'Joint controllers' },
						help: {
							fr: 'Autres organismes qui décident avec nous des finalités et des moyens, s’il y en a.',
							en: 'Other bodies that decide the purposes and means with us, if any.',
						},
					}),
				})
				.strict(),
			{
				label: { fr: 'Responsable', en: 'Controller' },
				help: {
					fr: 'L’organisme responsable du traitement, le service qui le met en œuvre et les éventuels responsables conjoints.',
					en: 'The body responsible for the processing, the team that carries it out and any joint controllers.',
				},
			},
		),
		purposes: field(z.array(TextSchema).min(1), {
			label: { fr: 'Finalités', en: 'Purposes' },
			help: {
				fr: 'Les objectifs précis pour lesquels les données sont traitées, un par ligne.',
				en: 'The specific aims the data is processed for, one per line.',
			},
		}),
		legalBasis: field(SlugSchema, {
			label: { fr: 'Base légale', en: 'Lawful basis' },
			help: {
				fr: 'Le fondement du traitement parmi les six de l’article 6 du RGPD.',
				en: 'The ground for the processing, among the six of GDPR Article 6.',
			},
			vocabulary: 'legal-bases',
		}),
		legalBasisDetails: field(TextSchema.optional(), {
			label: { fr: 'Texte de référence', en: 'Legal reference' },
			help: {
				fr: 'La loi, le décret ou la délibération qui fonde la mission ou l’obligation, et pour des données sensibles l’exception de l’article 9 invoquée.',
				en: 'The law, decree or council resolution behind the task or duty and, for special-category data, the Article 9 exception relied on.',
			},
		}),
		dataSubjects: field(z.array(TextSchema).min(1), {
			label: { fr: 'Personnes concernées', en: 'Data subjects' },
			help: {
				fr: 'Les catégories de personnes dont les données sont traitées (demandeurs, agents, passants…), une par ligne.',
				en: 'The categories of people whose data is processed (applicants, staff, passers-by…), one per line.',
			},
		}),
		personalDataCategories: field(z.array(SlugSchema).min(1), {
			label: { fr: 'Catégories de données personnelles', en: 'Categories of personal data' },
			help: {
				fr: 'Les catégories de données traitées ; les catégories particulières des articles 9 et 10 du RGPD sont signalées comme telles.',
				en: 'The categories of data processed; the special categories of GDPR Articles 9 and 10 are marked as such.',
			},
			vocabulary: 'personal-data-categories',
		}),
		personalDataDetails: field(TextSchema.optional(), {
			label: { fr: 'Précisions sur les données', en: 'Details of the data' },
			help: {
				fr: 'Ce que recouvrent ces catégories ici, et les données que le traitement s’interdit de collecter.',
				en: 'What these categories cover here, and the data the processing deliberately does not collect.',
			},
		}),
		recipients: field(z.array(TextSchema).min(1), {
			label: { fr: 'Destinataires', en: 'Recipients' },
			help: {
				fr: 'Les services, organismes et prestataires qui reçoivent les données ou y accèdent, un par ligne.',
				en: 'The departments, bodies and suppliers that receive or can access the data, one per line.',
			},
		}),
		transfers: field(
			z
				.object({
					outsideEu: field(z.boolean(), {
						label: { fr: 'Y a-t-il un transfert ?', en: 'Is there a transfer?' },
						help: {
							fr: 'Si des données sont transférées ou accessibles hors de l’Union européenne, y compris par un prestataire.',
							en: 'Whether any data is transferred to or accessible from outside the European Union, including by a supplier.',
						},
					}),
					safeguards: field(TextSchema.optional(), {
						label: { fr: 'Garanties', en: 'Safeguards' },
						help: {
							fr: 'Pour un transfert : les pays concernés et ce qui l’encadre (décision d’adéquation, clauses contractuelles types…).',
							en: 'For a transfer: the countries involved and what governs it (adequacy decision, standard contractual clauses…).',
						},
					}),
				})
				.strict(),
			{
				label: { fr: 'Transferts hors de l’UE', en: 'Transfers outside the EU' },
				help: {
					fr: 'Si des données quittent l’Union européenne, vers quels pays et avec quelles garanties.',
					en: 'Whether data leaves the European Union, to which countries and with which safeguards.',
				},
			},
		),
		retention: field(z.array(RetentionSchema).min(1), {
			label: { fr: 'Durées de conservation', en: 'Retention periods' },
			help: {
				fr: 'Combien de temps chaque catégorie de données est conservée.',
				en: 'How long each category of data is kept.',
			},
		}),
		securityMeasures: field(z.array(SlugSchema).min(1), {
			label: { fr: 'Mesures de sécurité', en: 'Security measures' },
			help: {
				fr: 'Les catégories de mesures prises, et seulement elles : ne publiez ni produits, ni réglages, ni architecture, qui aideraient une attaque. Le détail reste dans le registre interne.',
				en: 'The categories of measures taken, and only those: publish no products, settings or architecture, which would help an attacker. The details stay in the internal record.',
			},
			vocabulary: 'security-measures',
		}),
		dpo: field(
			z
				.object({
					role: field(TextSchema, {
						label: { fr: 'Fonction', en: 'Role' },
						help: {
							fr: 'Intitulé de la fonction (délégué à la protection des données…), jamais le nom d’une personne.',
							en: 'Title of the role (data protection officer…), never a person’s name.',
						},
					}),
					email: field(EmailSchema.optional(), {
						label: { fr: 'Courriel', en: 'Email' },
						help: {
							fr: 'Adresse fonctionnelle du délégué, pas une adresse personnelle.',
							en: 'The officer’s functional mailbox, not a personal address.',
						},
					}),
					url: field(UrlSchema.optional(), {
						label: { fr: 'Page de contact', en: 'Contact page' },
						help: {
							fr: 'Page pour exercer ses droits ou écrire au délégué.',
							en: 'Page to exercise one’s rights or write to the officer.',
						},
					}),
				})
				.strict(),
			{
				label: { fr: 'Délégué à la protection des données', en: 'Data protection officer' },
				help: {
					fr: 'Comment joindre le délégué à la protection des données pour poser une question ou exercer ses droits.',
					en: 'How to reach the data protection officer to ask a question or exercise one’s rights.',
				},
			},
		),
		review: field(
			z
				.object({
					last: field(DateSchema, {
						label: { fr: 'Dernière revue', en: 'Last review' },
						help: {
							fr: 'Date de la dernière mise à jour de la fiche du registre interne.',
							en: 'When the internal record was last updated.',
						},
					}),
					next: field(DateSchema, {
						label: { fr: 'Prochaine revue', en: 'Next review' },
						help: { fr: 'Date prévue de la prochaine revue.', en: 'When the next review is due.' },
					}),
				})
				.strict()
				.optional(),
			{
				label: { fr: 'Revue', en: 'Review' },
				help: {
					fr: 'Dates de la dernière et de la prochaine revue du traitement par le délégué et le service.',
					en: 'Dates of the last and next review of the processing by the officer and the team.',
				},
			},
		),
		language: LanguageStateSchema,
		provenance: ProvenanceSchema.optional(),
	})
	.strict();

/** A validated processing record entry. */
export type ProcessingRecord = z.infer<typeof ProcessingRecordSchema>;
