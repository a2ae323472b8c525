import { z } from 'zod';
import { field } from './field.ts';

/** The two languages every registry text is published in. */
export const languages = ['fr', 'en'] as const;

/** One of the site's languages. */
export type Language = (typeof languages)[number];

/** Pattern of an entry id: a slug that is also the file name. */
export const slugPattern = /^[a-z0-9][a-z0-9.-]{0,63}$/;

/** An entry id or a reference to one. */
export const SlugSchema = z
	.string()
	.regex(slugPattern, 'must be lowercase letters, digits, dots and hyphens, at most 64');

/** A calendar date written `YYYY-MM-DD`, kept as a string so files round-trip unchanged. */
export const DateSchema = z.iso.date();

/** An absolute http(s) URL. */
export const UrlSchema = z.url({ protocol: /^https?$/ });

/** A free text in French and English; which ones are required depends on the entry's `language`. */
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

/** Which language an entry was written in, and the state of the other one. */
export const LanguageStateSchema = field(
	z
		.object({
			original: z.enum(languages),
			translation: z.enum(['human', 'machine', 'missing']),
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

/** Where a field's value came from. */
export const FieldOriginSchema = z.enum(['form', 'ai', 'person']);

/** Where an entry came from: its issue and pull request, the AI that drafted it, each field's origin. */
export const ProvenanceSchema = field(
	z
		.object({
			issue: z.int().positive().optional(),
			pullRequest: z.int().positive().optional(),
			drafted: z
				.object({
					provider: z.string().min(1),
					model: z.string().min(1),
					date: DateSchema,
				})
				.strict()
				.optional(),
			fields: z.record(z.string(), FieldOriginSchema).optional(),
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
		label: TextSchema,
		url: UrlSchema,
	})
	.strict();
