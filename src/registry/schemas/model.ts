import { z } from 'zod';
import { field } from './field.ts';
import {
	HostingSchema,
	LanguageCodeSchema,
	LanguageStateSchema,
	LinkSchema,
	ProvenanceSchema,
	EntryIdSchema,
	SlugSchema,
	TextSchema,
	shortTextSchema,
} from './shared.ts';

/** An AI model used by the organisation's systems: one file `registry/models/<id>.mdx`. */
export const ModelSchema = z
	.object({
		id: EntryIdSchema,
		name: field(shortTextSchema(120), {
			label: { fr: 'Nom', en: 'Name' },
			help: {
				fr: 'Nom du modèle, tel que son fournisseur le publie (le même dans les deux langues pour un nom de produit).',
				en: 'Name of the model, as its provider publishes it (the same in both languages for a product name).',
			},
		}),
		version: field(z.string().trim().min(1).max(60), {
			label: { fr: 'Version', en: 'Version' },
			help: {
				fr: 'Version ou date de publication du modèle utilisé.',
				en: 'Version or release date of the model in use.',
			},
		}),
		provider: field(shortTextSchema(120), {
			label: { fr: 'Fournisseur', en: 'Provider' },
			help: {
				fr: 'Organisation qui a développé le modèle, nommée dans chaque langue (le même nom pour Mistral AI ou OpenAI).',
				en: 'Organisation that developed the model, named in each language (the same name for Mistral AI or OpenAI).',
			},
		}),
		description: field(TextSchema, {
			label: { fr: 'Description', en: 'Description' },
			help: {
				fr: 'Ce que fait le modèle et ses fonctions principales.',
				en: 'What the model does and its main functions.',
			},
		}),
		learningType: field(SlugSchema, {
			label: { fr: 'Type d’apprentissage', en: 'Learning type' },
			help: {
				fr: 'Méthode par laquelle le modèle a été entraîné.',
				en: 'How the model was trained.',
			},
			vocabulary: 'learning-types',
		}),
		architecture: field(TextSchema.optional(), {
			label: { fr: 'Architecture', en: 'Architecture' },
			help: {
				fr: 'Famille et structure du modèle (transformeur décodeur, arbres de décision boostés…).',
				en: 'Family and structure of the model (decoder-only transformer, gradient-boosted trees…).',
			},
		}),
		tasks: field(TextSchema, {
			label: { fr: 'Tâches', en: 'Tasks' },
			help: {
				fr: 'Les tâches que le modèle accomplit (classer, résumer, transcrire…).',
				en: 'The tasks the model performs (classify, summarise, transcribe…).',
			},
		}),
		modalities: field(z.array(SlugSchema).min(1), {
			label: { fr: 'Modalités', en: 'Modalities' },
			help: {
				fr: 'Les types de données que le modèle lit ou produit.',
				en: 'The kinds of data the model reads or produces.',
			},
			vocabulary: 'modalities',
		}),
		licence: field(
			z
				.object({
					name: field(z.string().trim().min(1).max(120), {
						label: { fr: 'Licence', en: 'Licence' },
						help: {
							fr: 'Identifiant SPDX ou nom de la licence.',
							en: 'SPDX identifier or name of the licence.',
						},
					}),
					openWeights: field(z.boolean(), {
						label: { fr: 'Poids ouverts', en: 'Open weights' },
						help: {
							fr: 'Si les poids du modèle sont publiés et téléchargeables.',
							en: 'Whether the model’s weights are published for download.',
						},
					}),
				})
				.strict(),
			{
				label: { fr: 'Licence', en: 'Licence' },
				help: {
					fr: 'Conditions d’utilisation du modèle et ouverture de ses poids.',
					en: 'Terms the model is used under, and whether its weights are open.',
				},
			},
		),
		hosting: field(HostingSchema, {
			label: { fr: 'Hébergement', en: 'Hosting' },
			help: {
				fr: 'Qui fait tourner le modèle pour nous, et où vont les données.',
				en: 'Who runs the model for us, and where the data goes.',
			},
		}),
		software: field(z.array(SlugSchema).default([]), {
			label: { fr: 'Servi par', en: 'Served by' },
			help: {
				fr: 'Les logiciels ou services du registre qui font tourner le modèle pour nous (une API, une plateforme, un hébergement).',
				en: 'The software or services of the registry that run the model for us (an API, a platform, a hosting service).',
			},
			references: 'software',
		}),
		languages: field(z.array(LanguageCodeSchema).default([]), {
			label: { fr: 'Langues', en: 'Languages' },
			help: {
				fr: 'Langues prises en charge, en codes BCP 47 (fr, en…).',
				en: 'Languages supported, as BCP 47 codes (fr, en…).',
			},
		}),
		contextWindow: field(z.int().positive().optional(), {
			label: { fr: 'Fenêtre de contexte', en: 'Context window' },
			help: {
				fr: 'Nombre maximal de jetons que le modèle lit en une fois.',
				en: 'Maximum number of tokens the model reads at once.',
			},
		}),
		parameters: field(z.int().positive().optional(), {
			label: { fr: 'Paramètres', en: 'Parameters' },
			help: {
				fr: 'Nombre de paramètres du modèle, quand il est connu.',
				en: 'Number of parameters of the model, where known.',
			},
		}),
		trainingData: field(TextSchema, {
			label: { fr: 'Données d’entraînement', en: 'Training data' },
			help: {
				fr: 'Ce que l’on sait des données qui ont servi à l’entraîner.',
				en: 'What is known of the data it was trained on.',
			},
		}),
		limitations: field(TextSchema, {
			label: { fr: 'Limites connues', en: 'Known limitations' },
			help: {
				fr: 'Erreurs, biais et cas où le modèle ne doit pas être utilisé.',
				en: 'Errors, biases and cases where the model must not be used.',
			},
		}),
		evaluation: field(TextSchema.optional(), {
			label: { fr: 'Évaluation', en: 'Evaluation' },
			help: {
				fr: 'Comment le modèle a été évalué pour nos usages, et avec quels résultats.',
				en: 'How the model was evaluated for our uses, and the results.',
			},
		}),
		energy: field(TextSchema.optional(), {
			label: { fr: 'Énergie', en: 'Energy' },
			help: {
				fr: 'Consommation d’énergie ou empreinte carbone connue (entraînement, usage).',
				en: 'Known energy use or carbon footprint (training, use).',
			},
		}),
		documentation: field(z.array(LinkSchema).default([]), {
			label: { fr: 'Documentation', en: 'Documentation' },
			help: {
				fr: 'Fiche du modèle, article, documentation du fournisseur.',
				en: 'Model card, paper, provider documentation.',
			},
		}),
		language: LanguageStateSchema,
		provenance: ProvenanceSchema.optional(),
	})
	.strict();

/** A validated AI model entry. */
export type AiModel = z.infer<typeof ModelSchema>;
