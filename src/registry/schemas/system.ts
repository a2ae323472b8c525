import { z } from 'zod';
import { field } from './field.ts';
import {
	contactSchema,
	ownerSchema,
	DateSchema,
	HostingSchema,
	LanguageStateSchema,
	ProvenanceSchema,
	EntryIdSchema,
	SlugSchema,
	TextSchema,
	UrlSchema,
	shortTextSchema,
} from './shared.ts';

/** How one model is used inside a system: the link that makes "uses" and "used by". */
export const ModelUseSchema = z
	.object({
		model: field(SlugSchema, {
			label: { fr: 'Modèle', en: 'Model' },
			help: { fr: 'Identifiant de la fiche du modèle.', en: 'Id of the model’s entry.' },
			references: 'models',
		}),
		usage: field(TextSchema, {
			label: { fr: 'Utilisation dans ce système', en: 'Use in this system' },
			help: {
				fr: 'Ce que fait le modèle dans ce système, sur quelles données, pour quel résultat.',
				en: 'What the model does in this system, on which data, to produce what.',
			},
		}),
	})
	.strict();

/** One data source a system reads, with how personal its data is. */
export const DataSourceSchema = z
	.object({
		name: field(TextSchema, {
			label: { fr: 'Source', en: 'Source' },
			help: { fr: 'Nom de la source de données.', en: 'Name of the data source.' },
		}),
		personalData: field(SlugSchema, {
			label: { fr: 'Données personnelles', en: 'Personal data' },
			help: {
				fr: 'Niveau de données personnelles de cette source.',
				en: 'Level of personal data in this source.',
			},
			vocabulary: 'personal-data',
		}),
		description: field(TextSchema.optional(), {
			label: { fr: 'Description', en: 'Description' },
			help: {
				fr: 'Ce que contient la source et ce qui en est utilisé.',
				en: 'What the source holds and what of it is used.',
			},
		}),
		dataset: field(SlugSchema.optional(), {
			label: { fr: 'Jeu de données', en: 'Dataset' },
			help: {
				fr: 'Identifiant de la fiche du jeu de données, quand la source est décrite au registre.',
				en: 'Id of the dataset’s entry, when the source is described in the registry.',
			},
			references: 'datasets',
		}),
		uses: field(z.array(SlugSchema).min(1).optional(), {
			label: { fr: 'Usages', en: 'Uses' },
			help: {
				fr: 'Ce que le système fait de ces données : entraîner un modèle, l’évaluer, les traiter en fonctionnement, y chercher ses réponses.',
				en: 'What the system does with this data: train a model, evaluate it, process the data as it runs, search it for answers.',
			},
			vocabulary: 'dataset-uses',
		}),
	})
	.strict();

/** An impact assessment carried out on a system (DPIA, FRIA…). */
export const AssessmentSchema = z
	.object({
		type: field(SlugSchema, {
			label: { fr: 'Type d’analyse', en: 'Assessment type' },
			help: { fr: 'Nature de l’analyse d’impact.', en: 'Kind of impact assessment.' },
			vocabulary: 'assessment-types',
		}),
		date: field(DateSchema, {
			label: { fr: 'Date', en: 'Date' },
			help: { fr: 'Date de conclusion de l’analyse.', en: 'Date the assessment was concluded.' },
		}),
		url: field(UrlSchema.optional(), {
			label: { fr: 'Lien', en: 'Link' },
			help: {
				fr: 'Adresse de l’analyse ou de sa synthèse publiée.',
				en: 'Address of the assessment or its published summary.',
			},
		}),
		summary: field(TextSchema, {
			label: { fr: 'Synthèse', en: 'Summary' },
			help: {
				fr: 'Conclusions principales, en langage clair.',
				en: 'Main conclusions, in plain language.',
			},
		}),
	})
	.strict();

/** A risk identified for a system and how it is mitigated. */
export const RiskSchema = z
	.object({
		risk: field(TextSchema, {
			label: { fr: 'Risque', en: 'Risk' },
			help: { fr: 'Le risque identifié.', en: 'The risk identified.' },
		}),
		mitigation: field(TextSchema, {
			label: { fr: 'Mesure', en: 'Mitigation' },
			help: { fr: 'Ce qui est fait pour le réduire.', en: 'What is done to reduce it.' },
		}),
	})
	.strict();

/** A supplier involved in a system. */
export const SupplierSchema = z
	.object({
		name: field(z.string().trim().min(1), {
			label: { fr: 'Nom', en: 'Name' },
			help: { fr: 'Raison sociale du fournisseur.', en: 'The supplier’s name.' },
		}),
		role: field(TextSchema, {
			label: { fr: 'Rôle', en: 'Role' },
			help: { fr: 'Ce que fournit ce prestataire.', en: 'What this supplier provides.' },
		}),
		url: field(UrlSchema.optional(), {
			label: { fr: 'Site', en: 'Website' },
			help: { fr: 'Site du fournisseur.', en: 'The supplier’s website.' },
		}),
		software: field(SlugSchema.optional(), {
			label: { fr: 'Logiciel', en: 'Software' },
			help: {
				fr: 'Identifiant de la fiche du logiciel ou du service fourni, quand il est décrit au registre.',
				en: 'Id of the entry of the software or service supplied, when it is described in the registry.',
			},
			references: 'software',
		}),
	})
	.strict();

/** An AI system the organisation runs: one file `registry/systems/<id>.mdx`. */
export const SystemSchema = z
	.object({
		id: EntryIdSchema,
		name: field(shortTextSchema(120), {
			label: { fr: 'Nom', en: 'Name' },
			help: {
				fr: 'Nom du système, tel que ses usagers le connaissent.',
				en: 'Name of the system, as its users know it.',
			},
		}),
		summary: field(shortTextSchema(400), {
			label: { fr: 'Résumé', en: 'Summary' },
			help: {
				fr: 'Ce que fait le système, en langage clair et en 400 caractères au plus.',
				en: 'What the system does, in plain language and at most 400 characters.',
			},
		}),
		domain: field(SlugSchema.optional(), {
			label: { fr: 'Domaine d’action', en: 'Policy area' },
			help: {
				fr: 'Le domaine de l’action publique où le système est utilisé.',
				en: 'The area of public action the system is used in.',
			},
			vocabulary: 'domains',
		}),
		status: field(SlugSchema, {
			label: { fr: 'Statut', en: 'Status' },
			help: { fr: 'Où en est le système.', en: 'Where the system stands.' },
			vocabulary: 'statuses',
		}),
		startDate: field(DateSchema.optional(), {
			label: { fr: 'Date de mise en service', en: 'Start date' },
			help: {
				fr: 'Début du pilote ou de la mise en service.',
				en: 'When the pilot or the service started.',
			},
		}),
		endDate: field(DateSchema.optional(), {
			label: { fr: 'Date de retrait', en: 'End date' },
			help: {
				fr: 'Date d’arrêt, pour un système retiré.',
				en: 'When a retired system was stopped.',
			},
		}),
		website: field(UrlSchema.optional(), {
			label: { fr: 'Page du service', en: 'Service page' },
			help: {
				fr: 'Page publique du service qui utilise le système, s’il en a une.',
				en: 'Public page of the service that uses the system, if there is one.',
			},
		}),
		owner: ownerSchema({
			help: {
				fr: 'Le service qui porte le système et la fonction qui en répond.',
				en: 'The team that owns the system and the role accountable for it.',
			},
			unitHelp: {
				fr: 'Direction ou service responsable du système.',
				en: 'Department or team that owns the system.',
			},
		}),
		contact: contactSchema({
			fr: 'Comment joindre l’équipe qui opère le système.',
			en: 'How to reach the team that runs the system.',
		}),
		contest: field(TextSchema, {
			label: { fr: 'Contester une décision', en: 'Contesting a decision' },
			help: {
				fr: 'Comment une personne concernée peut demander un réexamen humain ou contester une décision.',
				en: 'How a person affected can ask for human review or contest a decision.',
			},
		}),
		purpose: field(TextSchema, {
			label: { fr: 'Finalité', en: 'Purpose' },
			help: { fr: 'À quoi sert le système et pourquoi.', en: 'What the system is for, and why.' },
		}),
		benefits: field(TextSchema.optional(), {
			label: { fr: 'Bénéfices attendus', en: 'Expected benefits' },
			help: {
				fr: 'Ce que le système apporte, et à qui.',
				en: 'What the system brings, and to whom.',
			},
		}),
		alternatives: field(TextSchema.optional(), {
			label: { fr: 'Alternatives envisagées', en: 'Alternatives considered' },
			help: {
				fr: 'Les autres solutions étudiées, avec ou sans IA, et pourquoi elles n’ont pas été retenues.',
				en: 'Other options considered, with or without AI, and why they were not chosen.',
			},
		}),
		affectedPeople: field(TextSchema, {
			label: { fr: 'Personnes concernées', en: 'People affected' },
			help: {
				fr: 'Qui est touché par les résultats du système.',
				en: 'Who is affected by the system’s outputs.',
			},
		}),
		automation: field(SlugSchema, {
			label: { fr: 'Niveau d’automatisation', en: 'Automation level' },
			help: {
				fr: 'Part de la décision laissée à la machine.',
				en: 'How much of the decision is left to the machine.',
			},
			vocabulary: 'automation-levels',
		}),
		humanOversight: field(TextSchema, {
			label: { fr: 'Contrôle humain', en: 'Human oversight' },
			help: {
				fr: 'Qui vérifie les résultats, quand, et ce qu’il peut changer.',
				en: 'Who checks the outputs, when, and what they can change.',
			},
		}),
		approach: field(SlugSchema, {
			label: { fr: 'Approche technique', en: 'Technical approach' },
			help: { fr: 'Type de technique employée.', en: 'Kind of technique used.' },
			vocabulary: 'approaches',
		}),
		models: field(z.array(ModelUseSchema).default([]), {
			label: { fr: 'Modèles utilisés', en: 'Models used' },
			help: {
				fr: 'Chaque modèle d’IA du registre que le système utilise, avec la description de son usage.',
				en: 'Each AI model of the registry the system uses, with how it is used.',
			},
		}),
		dataSources: field(z.array(DataSourceSchema).default([]), {
			label: { fr: 'Sources de données', en: 'Data sources' },
			help: {
				fr: 'Les données que le système lit, et leur niveau de données personnelles.',
				en: 'The data the system reads, and how personal it is.',
			},
		}),
		legalBasis: field(TextSchema.optional(), {
			label: { fr: 'Base légale', en: 'Legal basis' },
			help: {
				fr: 'Texte ou fondement juridique qui autorise le traitement.',
				en: 'The law or legal ground that allows the processing.',
			},
		}),
		processingRecords: field(z.array(SlugSchema).default([]), {
			label: { fr: 'Traitements de données personnelles', en: 'Personal data processing' },
			help: {
				fr: 'Les fiches du registre des traitements (article 30 du RGPD) dont relève le système.',
				en: 'The entries of the record of processing activities (GDPR Article 30) the system falls under.',
			},
			references: 'processing-records',
		}),
		aiAct: field(
			z
				.object({
					role: field(SlugSchema, {
						label: { fr: 'Rôle au sens du règlement', en: 'Role under the Act' },
						help: {
							fr: 'Fournisseur, déployeur, ou les deux.',
							en: 'Provider, deployer, or both.',
						},
						vocabulary: 'ai-act-roles',
					}),
					riskClass: field(SlugSchema, {
						label: { fr: 'Classe de risque', en: 'Risk class' },
						help: {
							fr: 'Classement du système selon le règlement européen sur l’IA.',
							en: 'Classification of the system under the EU AI Act.',
						},
						vocabulary: 'risk-classes',
					}),
					rationale: field(TextSchema, {
						label: { fr: 'Justification', en: 'Rationale' },
						help: {
							fr: 'Pourquoi cette classe : usages, annexes ou articles pris en compte.',
							en: 'Why this class: the uses, annexes or articles considered.',
						},
					}),
				})
				.strict(),
			{
				label: { fr: 'Règlement européen sur l’IA', en: 'EU AI Act' },
				help: {
					fr: 'Rôle de l’organisation et classe de risque du système au sens du règlement (UE) 2024/1689.',
					en: 'The organisation’s role and the system’s risk class under Regulation (EU) 2024/1689.',
				},
			},
		),
		assessments: field(z.array(AssessmentSchema).default([]), {
			label: { fr: 'Analyses d’impact', en: 'Impact assessments' },
			help: {
				fr: 'AIPD, analyse d’impact sur les droits fondamentaux et autres évaluations.',
				en: 'DPIA, fundamental rights impact assessment and other assessments.',
			},
		}),
		risks: field(z.array(RiskSchema).default([]), {
			label: { fr: 'Risques et mesures', en: 'Risks and mitigations' },
			help: {
				fr: 'Les risques identifiés et les mesures prises.',
				en: 'Risks identified and the measures taken.',
			},
		}),
		suppliers: field(z.array(SupplierSchema).default([]), {
			label: { fr: 'Fournisseurs', en: 'Suppliers' },
			help: { fr: 'Prestataires impliqués.', en: 'Suppliers involved.' },
		}),
		sourceCode: field(
			z
				.object({
					url: field(UrlSchema.optional(), {
						label: { fr: 'Dépôt', en: 'Repository' },
						help: {
							fr: 'Adresse du code source publié.',
							en: 'Address of the published source code.',
						},
					}),
					notPublishedReason: field(TextSchema.optional(), {
						label: { fr: 'Raison de non-publication', en: 'Why not published' },
						help: {
							fr: 'Pourquoi le code n’est pas publié.',
							en: 'Why the code is not published.',
						},
					}),
				})
				.strict(),
			{
				label: { fr: 'Code source', en: 'Source code' },
				help: {
					fr: 'Lien vers le code source, ou la raison pour laquelle il n’est pas publié.',
					en: 'Link to the source code, or why it is not published.',
				},
			},
		),
		generativeAi: field(
			z
				.object({
					hosting: field(HostingSchema, {
						label: { fr: 'Hébergement', en: 'Hosting' },
						help: {
							fr: 'Qui fait tourner le modèle génératif, et où vont les données envoyées.',
							en: 'Who runs the generative model, and where the data sent goes.',
						},
					}),
					retention: field(TextSchema, {
						label: { fr: 'Conservation', en: 'Retention' },
						help: {
							fr: 'Combien de temps les requêtes et réponses sont conservées, et par qui.',
							en: 'How long prompts and answers are kept, and by whom.',
						},
					}),
					inputsUsedForTraining: field(z.boolean(), {
						label: {
							fr: 'Données réutilisées pour l’entraînement',
							en: 'Inputs used for training',
						},
						help: {
							fr: 'Si les données envoyées servent à entraîner un modèle.',
							en: 'Whether the data sent is used to train a model.',
						},
					}),
					userDisclosure: field(TextSchema, {
						label: { fr: 'Information des usagers', en: 'User disclosure' },
						help: {
							fr: 'Comment les personnes savent qu’elles ont affaire à une IA.',
							en: 'How people are told they are dealing with AI.',
						},
					}),
				})
				.strict()
				.optional(),
			{
				label: { fr: 'IA générative', en: 'Generative AI' },
				help: {
					fr: 'Pour les systèmes génératifs : hébergement, conservation, réutilisation et information des usagers.',
					en: 'For generative systems: hosting, retention, reuse for training and user disclosure.',
				},
			},
		),
		principles: field(z.array(SlugSchema).default([]), {
			label: { fr: 'Principes de la charte appliqués', en: 'Charter principles applied' },
			help: {
				fr: 'Les principes de la charte que ce système met en œuvre.',
				en: 'The charter principles this system puts into practice.',
			},
			vocabulary: 'principles',
		}),
		review: field(
			z
				.object({
					// Set by the person who reviews the entry, never by drafting: a new entry has not
					// been reviewed yet, and the site says so.
					last: field(DateSchema.optional(), {
						label: { fr: 'Dernière revue', en: 'Last review' },
						empty: { fr: 'Pas encore revue', en: 'Not yet reviewed' },
						help: {
							fr: 'Date de la dernière revue de la fiche par l’équipe qui en répond ; vide tant qu’elle n’a pas été revue.',
							en: 'When the team accountable for the entry last reviewed it; empty until it has been reviewed.',
						},
					}),
					next: field(DateSchema, {
						label: { fr: 'Prochaine revue', en: 'Next review' },
						help: { fr: 'Date prévue de la prochaine revue.', en: 'When the next review is due.' },
					}),
					by: field(TextSchema.optional(), {
						label: { fr: 'Revue par', en: 'Reviewed by' },
						help: {
							fr: 'L’équipe ou la fonction qui a fait la dernière revue (jamais le nom ni l’adresse d’une personne).',
							en: 'The team or role that did the last review (never a person’s name or address).',
						},
					}),
				})
				.strict(),
			{
				label: { fr: 'Revue', en: 'Review' },
				help: {
					fr: 'Date de la prochaine revue de la fiche et, une fois revue, de la dernière.',
					en: 'When the entry is next due for review and, once reviewed, when it last was.',
				},
			},
		),
		language: LanguageStateSchema,
		provenance: ProvenanceSchema.optional(),
	})
	.strict();

/** A validated AI system entry. */
export type AiSystem = z.infer<typeof SystemSchema>;
