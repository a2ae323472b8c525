import { z } from 'zod';
import { field, type Bilingual } from './field.ts';

/** The two languages every registry text is published in. */
export const languages = ['fr', 'en'] as const;

/** One of the site's languages. */
export type Language = (typeof languages)[number];

/** Pattern of an entry id: a slug that is also the file name. */
export const slugPattern = /^[a-z0-9][a-z0-9.-]{0,63}$/;

/**
 * Messages the schemas attach to their own checks. Zod carries one string per issue, so the
 * schemas give the English one and `schema-issues.ts` finds the French one in this table.
 */
export const schemaMessages = {
	slug: {
		fr: 'doit être fait de lettres minuscules sans accent, de chiffres, de points et de tirets (64 caractères au plus, en commençant par une lettre ou un chiffre)',
		en: 'must be lowercase letters without accents, digits, dots and hyphens (at most 64 characters, starting with a letter or a digit)',
	},
	url: {
		fr: 'doit être une adresse web complète en http(s), par exemple https://www.exemple.fr/page',
		en: 'must be a full http(s) web address, for example https://www.example.org/page',
	},
	urlSpaces: {
		fr: 'une adresse web ne peut pas contenir d’espace (remplacez-les par %20)',
		en: 'a web address cannot contain spaces (replace them with %20)',
	},
	date: {
		fr: 'doit être une date réelle écrite AAAA-MM-JJ, par exemple 2025-03-31',
		en: 'must be a real date written YYYY-MM-DD, for example 2025-03-31',
	},
	email: {
		fr: 'doit être une adresse électronique, par exemple ia@exemple.fr',
		en: 'must be an email address, for example ai@example.org',
	},
	languageCode: {
		fr: 'doit être un code de langue BCP 47 en minuscules, par exemple fr, en ou pt-BR',
		en: 'must be a BCP 47 language code, for example fr, en or pt-BR',
	},
	bounds: {
		fr: 'la borne haute (max) ne peut pas être inférieure à la borne basse (min)',
		en: 'the upper bound (max) cannot be below the lower bound (min)',
	},
	currency: {
		fr: 'doit être un code de devise ISO 4217 en majuscules, par exemple EUR ou USD',
		en: 'must be an uppercase ISO 4217 currency code, for example EUR or USD',
	},
} satisfies Record<string, Bilingual>;

/** An entry id or a reference to one. */
export const SlugSchema = z.string().regex(slugPattern, { error: schemaMessages.slug.en });

/** A calendar date written `YYYY-MM-DD`, kept as a string so files round-trip unchanged. */
export const DateSchema = z.iso.date({ error: schemaMessages.date.en });

/**
 * An absolute http(s) URL with a real domain name. `new URL()` alone accepts spaces and
 * single-label hosts such as `https://intranet`, neither of which works for a public reader.
 */
export const UrlSchema = z
	.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: schemaMessages.url.en })
	.refine((url) => !/\s/.test(url), { error: schemaMessages.urlSpaces.en });

/** A functional email address. */
export const EmailSchema = z.email({ error: schemaMessages.email.en });

/** A language code such as `fr` or `pt-BR`. */
export const LanguageCodeSchema = z
	.string()
	.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: schemaMessages.languageCode.en });

/**
 * A free text in French and English; which ones are required depends on the entry's `language`
 * (see `texts.ts`). Every object with exactly the keys `fr` and `en` is treated as such a text
 * by the validator and the generators, wherever it sits in an entry.
 */
export const TextSchema = z
	.object({
		fr: z.string().trim().min(1).optional(),
		en: z.string().trim().min(1).optional(),
	})
	.strict();

/** A free text in French and English, each at most `max` characters. */
export function shortTextSchema(max: number) {
	return z
		.object({
			fr: z.string().trim().min(1).max(max).optional(),
			en: z.string().trim().min(1).max(max).optional(),
		})
		.strict();
}

/** A free text in both languages. */
export type Text = z.infer<typeof TextSchema>;

/** States of an entry's second language. */
export const translationStates = ['human', 'machine', 'missing'] as const;

/** State of an entry's second language. */
export type TranslationState = (typeof translationStates)[number];

/** An entry's id: a slug equal to its file name, shared by both kinds. */
export const EntryIdSchema = field(SlugSchema, {
	label: { fr: 'Identifiant', en: 'Id' },
	help: {
		fr: 'Identifiant stable, égal au nom du fichier sans extension.',
		en: 'Stable id, equal to the file name without its extension.',
	},
});

/** Which language an entry was written in, and the state of the other one. */
export const LanguageStateSchema = field(
	z
		.object({
			original: field(z.enum(languages), {
				label: { fr: 'Langue d’origine', en: 'Original language' },
				help: {
					fr: 'Langue dans laquelle la fiche a été rédigée : fr ou en.',
					en: 'Language the entry was written in: fr or en.',
				},
			}),
			translation: field(z.enum(translationStates), {
				label: { fr: 'Traduction', en: 'Translation' },
				help: {
					fr: 'État de l’autre langue : human (traduite par une personne), machine (traduite automatiquement, pas encore relue) ou missing (pas encore traduite ; les textes de l’autre langue sont alors absents).',
					en: 'State of the other language: human (translated by a person), machine (machine-translated, not yet reviewed) or missing (not translated yet; the other language’s texts are then absent).',
				},
			}),
		})
		.strict(),
	{
		label: { fr: 'Langue et traduction', en: 'Language and translation' },
		help: {
			fr: 'Langue dans laquelle la fiche a été rédigée et état de l’autre langue : traduite par une personne, traduite automatiquement et pas encore relue, ou manquante.',
			en: 'Language the entry was written in, and the state of the other one: translated by a person, machine-translated and not yet reviewed, or missing.',
		},
	},
);

/** An entry's language and the state of its translation. */
export type LanguageState = z.infer<typeof LanguageStateSchema>;

/** Where a field's value came from. */
export const FieldOriginSchema = z.enum(['form', 'ai', 'person']);

/** Where a field's value came from: the issue form, the AI draft or a person. */
export type FieldOrigin = z.infer<typeof FieldOriginSchema>;

/** A figure known within bounds: the estimates of energy are ranges (see `src/drafting/footprint.ts`). */
const BoundsSchema = z
	.object({
		min: field(z.number().nonnegative(), {
			label: { fr: 'Au moins', en: 'At least' },
			help: { fr: 'Borne basse de l’estimation.', en: 'Lower bound of the estimate.' },
		}),
		max: field(z.number().nonnegative(), {
			label: { fr: 'Au plus', en: 'At most' },
			help: { fr: 'Borne haute de l’estimation.', en: 'Upper bound of the estimate.' },
		}),
	})
	.strict()
	.refine((bounds) => bounds.min <= bounds.max, {
		path: ['max'],
		error: schemaMessages.bounds.en,
	});

/**
 * One AI draft of an entry and its footprint: who ran which model when, and, as far as they are
 * known, the tokens, the estimated cost and the energy of its calls (the drafting report's
 * figures, kept at merge so the AI assistant page can total them). A local model has no price,
 * a provider may return no token counts: each figure is optional.
 */
export const DraftedSchema = z
	.object({
		provider: field(z.string().trim().min(1), {
			label: { fr: 'Fournisseur d’IA', en: 'AI provider' },
			help: {
				fr: 'Service qui a fait tourner le modèle (albert, openai, mistral…).',
				en: 'Service that ran the model (albert, openai, mistral…).',
			},
		}),
		model: field(z.string().trim().min(1), {
			label: { fr: 'Modèle', en: 'Model' },
			help: {
				fr: 'Nom du modèle tel que le fournisseur le désigne.',
				en: 'Name of the model as the provider calls it.',
			},
		}),
		date: field(DateSchema, {
			label: { fr: 'Date', en: 'Date' },
			help: {
				fr: 'Date à laquelle le brouillon a été rédigé.',
				en: 'When the draft was written.',
			},
		}),
		tokens: field(
			z
				.object({
					input: field(z.int().nonnegative(), {
						label: { fr: 'Jetons envoyés', en: 'Input tokens' },
						help: {
							fr: 'Jetons envoyés au modèle (consigne, formulaire, schéma), tous appels compris.',
							en: 'Tokens sent to the model (instructions, form, schema), over all calls.',
						},
					}),
					output: field(z.int().nonnegative(), {
						label: { fr: 'Jetons produits', en: 'Output tokens' },
						help: {
							fr: 'Jetons produits par le modèle, tous appels compris.',
							en: 'Tokens the model produced, over all calls.',
						},
					}),
				})
				.strict()
				.optional(),
			{
				label: { fr: 'Jetons', en: 'Tokens' },
				help: {
					fr: 'Jetons comptés par le fournisseur pour le brouillon et sa réparation éventuelle ; absent s’il ne les a pas indiqués.',
					en: 'Tokens the provider counted for the draft and its repair if any; absent when it did not say.',
				},
			},
		),
		cost: field(
			z
				.object({
					amount: field(z.number().nonnegative(), {
						label: { fr: 'Montant', en: 'Amount' },
						help: {
							fr: 'Montant estimé, dans la devise indiquée.',
							en: 'Estimated amount, in the currency given.',
						},
					}),
					currency: field(z.string().regex(/^[A-Z]{3}$/, { error: schemaMessages.currency.en }), {
						label: { fr: 'Devise', en: 'Currency' },
						help: {
							fr: 'Code ISO 4217 de la devise : EUR, USD…',
							en: 'ISO 4217 code of the currency: EUR, USD…',
						},
					}),
				})
				.strict()
				.optional(),
			{
				label: { fr: 'Coût estimé', en: 'Estimated cost' },
				help: {
					fr: 'Coût des appels au modèle : celui que le fournisseur a renvoyé, sinon jetons × prix public ; absent sans prix connu (un modèle local, par exemple).',
					en: 'Cost of the model calls: the one the provider returned, else tokens × list price; absent without a known price (a local model, for instance).',
				},
			},
		),
		energyWh: field(BoundsSchema.optional(), {
			label: { fr: 'Énergie estimée (Wh)', en: 'Estimated energy (Wh)' },
			help: {
				fr: 'Électricité consommée par les appels, en wattheures, entre deux bornes : celle que le fournisseur a renvoyée, sinon l’estimation de la méthode EcoLogits (phase d’utilisation seule) ; absente sans donnée sur le modèle.',
				en: 'Electricity used by the calls, in watt-hours, within bounds: the figure the provider returned, else the EcoLogits method’s estimate (usage phase only); absent without data on the model.',
			},
		}),
	})
	.strict();

/** One AI draft of an entry and its footprint. */
export type Drafted = z.infer<typeof DraftedSchema>;

/** Where an entry came from: its issue and pull request, the AI that drafted it, each field's origin. */
export const ProvenanceSchema = field(
	z
		.object({
			issue: field(z.int().positive().optional(), {
				label: { fr: 'Ticket', en: 'Issue' },
				help: {
					fr: 'Numéro du ticket GitHub qui a proposé la fiche.',
					en: 'Number of the GitHub issue that proposed the entry.',
				},
			}),
			pullRequest: field(z.int().positive().optional(), {
				label: { fr: 'Demande de fusion', en: 'Pull request' },
				help: {
					fr: 'Numéro de la demande de fusion qui a publié la fiche.',
					en: 'Number of the pull request that published the entry.',
				},
			}),
			drafted: field(DraftedSchema.optional(), {
				label: { fr: 'Brouillon rédigé par une IA', en: 'Drafted by AI' },
				help: {
					fr: 'Présent quand un assistant d’IA a rédigé le premier brouillon de la fiche.',
					en: 'Present when an AI assistant wrote the entry’s first draft.',
				},
			}),
			fields: field(z.record(z.string(), FieldOriginSchema).optional(), {
				label: { fr: 'Origine des champs', en: 'Field origins' },
				help: {
					fr: 'Pour chaque champ de premier niveau : form (formulaire), ai (IA) ou person (une personne l’a écrit ou corrigé).',
					en: 'For each top-level field: form (the issue form), ai (the AI) or person (a person wrote or corrected it).',
				},
			}),
			revisions: field(
				z
					.array(
						z
							.object({
								issue: field(z.int().positive(), {
									label: { fr: 'Ticket', en: 'Issue' },
									help: {
										fr: 'Numéro du ticket qui a demandé la correction ou la mise à jour.',
										en: 'Number of the issue that asked for the correction or update.',
									},
								}),
								date: field(DateSchema, {
									label: { fr: 'Date', en: 'Date' },
									help: {
										fr: 'Date à laquelle la modification a été rédigée.',
										en: 'When the change was drafted.',
									},
								}),
								drafted: field(DraftedSchema.optional(), {
									label: { fr: 'Rédigée par une IA', en: 'Drafted by AI' },
									help: {
										fr: 'Présent quand un assistant d’IA a rédigé la modification.',
										en: 'Present when an AI assistant drafted the change.',
									},
								}),
								fields: field(z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/)), {
									label: { fr: 'Champs modifiés', en: 'Fields changed' },
									help: {
										fr: 'Les champs de premier niveau que la modification a changés.',
										en: 'The top-level fields the change changed.',
									},
								}),
							})
							.strict(),
					)
					.optional(),
				{
					label: { fr: 'Corrections et mises à jour', en: 'Corrections and updates' },
					help: {
						fr: 'Chaque correction ou mise à jour demandée par un ticket après la création de la fiche, dans l’ordre.',
						en: 'Each correction or update an issue asked for after the entry was created, in order.',
					},
				},
			),
		})
		.strict(),
	{
		label: { fr: 'Provenance', en: 'Provenance' },
		help: {
			fr: 'Le ticket et la demande de fusion d’origine, l’IA qui a rédigé le brouillon le cas échéant, et pour chaque champ s’il vient du formulaire, de l’IA ou d’une personne.',
			en: 'The issue and pull request the entry came from, the AI that drafted it if any, and for each field whether it came from the form, the AI or a person.',
		},
	},
);

/** Where a model runs and where its data stays. */
export const HostingSchema = z
	.object({
		type: field(SlugSchema, {
			label: { fr: 'Mode d’hébergement', en: 'Hosting' },
			help: {
				fr: 'Qui fait tourner le modèle : nos serveurs, un cloud de l’État, un prestataire…',
				en: 'Who runs the model: our own servers, a State cloud, a supplier…',
			},
			vocabulary: 'hosting',
		}),
		residency: field(SlugSchema, {
			label: { fr: 'Localisation des données', en: 'Data residency' },
			help: {
				fr: 'Où les données envoyées au modèle sont traitées et stockées.',
				en: 'Where the data sent to the model is processed and stored.',
			},
			vocabulary: 'data-residency',
		}),
	})
	.strict();

/** A link with a bilingual label. */
export const LinkSchema = z
	.object({
		label: field(TextSchema, {
			label: { fr: 'Intitulé', en: 'Label' },
			help: { fr: 'Texte du lien.', en: 'Text of the link.' },
		}),
		url: field(UrlSchema, {
			label: { fr: 'Adresse', en: 'Address' },
			help: { fr: 'Adresse web du document.', en: 'Web address of the document.' },
		}),
	})
	.strict();

/**
 * How to reach the team behind an entry: a team mailbox, a contact page, or both (a kind's rules
 * may ask for one of the two). `help` says, for the kind, what the contact is for.
 */
export function contactSchema(help: Bilingual) {
	return field(
		z
			.object({
				email: field(EmailSchema.optional(), {
					label: { fr: 'Courriel', en: 'Email' },
					help: {
						fr: 'Adresse fonctionnelle (boîte d’équipe, pas une adresse personnelle).',
						en: 'A team mailbox, not a personal address.',
					},
				}),
				url: field(UrlSchema.optional(), {
					label: { fr: 'Page de contact', en: 'Contact page' },
					help: { fr: 'Formulaire ou page de contact.', en: 'Contact form or page.' },
				}),
			})
			.strict(),
		{ label: { fr: 'Contact', en: 'Contact' }, help },
	);
}

/** Who answers for an entry: a team and the role accountable (never a person's name). */
export function ownerSchema(options: {
	help: Bilingual;
	unitHelp: Bilingual;
	roleOptional?: true;
}) {
	const role = field(options.roleOptional ? TextSchema.optional() : TextSchema, {
		label: { fr: 'Fonction responsable', en: 'Accountable role' },
		help: {
			fr: 'Fonction qui en répond (pas le nom d’une personne).',
			en: 'Role accountable for it (not a person’s name).',
		},
	});
	return field(
		z
			.object({
				unit: field(TextSchema, { label: { fr: 'Service', en: 'Unit' }, help: options.unitHelp }),
				role,
			})
			.strict(),
		{ label: { fr: 'Responsable', en: 'Owner' }, help: options.help },
	);
}
