import { z } from 'zod';
import { schemaVersion } from './schemas/index.ts';
import { entrySchemas, kinds, type EntryKind } from './kinds/index.ts';
import type { Vocabularies } from './vocabularies.ts';
import { PublishedLicenceSchema, PublisherSchema } from './exports/publisher.ts';

/** A JSON Schema document, as plain data. */
export type JsonSchema = Record<string, unknown>;

/** Settings shared by every JSON Schema derived from the entry schemas. */
export interface DeriveOptions {
	/** `input` describes what a file may contain (defaults optional); `output` what a parse returns. */
	io: 'input' | 'output';
	vocabularies: Vocabularies;
	/** Called on each node after the vocabulary enums are set. */
	override?: (zodSchema: z.core.$ZodType, json: JsonSchema) => void;
}

/**
 * Derives a JSON Schema from a zod schema, turning each vocabulary field into an `enum` of the
 * keys its vocabulary file defines today. The field docs travel as `title`, `description` and
 * the `x-label`, `x-help`, `x-vocabulary`, `x-references` and `x-empty` keywords.
 */
export function deriveJsonSchema(schema: z.ZodType, options: DeriveOptions): JsonSchema {
	return z.toJSONSchema(schema, {
		io: options.io,
		target: 'draft-2020-12',
		unrepresentable: 'throw',
		override(ctx) {
			const json = ctx.jsonSchema as JsonSchema;
			const name = z.globalRegistry.get(ctx.zodSchema)?.['x-vocabulary'];
			const keys =
				typeof name === 'string'
					? options.vocabularies.get(name)?.values.map((value) => value.key)
					: undefined;
			if (keys && json['type'] === 'array') {
				// The items schema may be shared with other fields (every list of slugs): copy it.
				const items: JsonSchema = { ...(json['items'] as JsonSchema), enum: keys };
				delete items['pattern'];
				json['items'] = items;
			} else if (keys) {
				delete json['pattern'];
				json['enum'] = keys;
			}
			options.override?.(ctx.zodSchema, json);
		},
	}) as JsonSchema;
}

/** The published JSON Schema of one kind of entry: what an entry file's front matter may hold. */
export function entryJsonSchema(kind: EntryKind, vocabularies: Vocabularies): JsonSchema {
	return deriveJsonSchema(entrySchemas[kind], { io: 'input', vocabularies });
}

/** The shape of `registry.json`, the open-data export of the whole registry. */
export const RegistryDocumentSchema = z
	.object({
		schemaVersion: z.string().meta({
			description: 'Version of the registry data model (semantic versioning).',
			'x-help': {
				fr: 'Version du modèle de données du registre (versionnage sémantique).',
				en: 'Version of the registry data model (semantic versioning).',
			},
			examples: [schemaVersion],
		}),
		generatedAt: z.iso.datetime().meta({
			description: 'When the file was generated (ISO 8601, UTC).',
			'x-help': {
				fr: 'Date et heure de génération du fichier (ISO 8601, UTC).',
				en: 'When the file was generated (ISO 8601, UTC).',
			},
		}),
		publisher: PublisherSchema,
		licence: PublishedLicenceSchema,
		...Object.fromEntries(
			kinds.map((kind) => [
				kind.name,
				z.array(kind.schema).meta({
					description: `${kind.nouns.all.en}: every entry of the registry, sorted by id.`,
					'x-help': {
						fr: `${kind.nouns.all.fr} : toutes les fiches du registre, triées par identifiant.`,
						en: `${kind.nouns.all.en}: every entry of the registry, sorted by id.`,
					},
				}),
			]),
		),
	})
	.strict();

/**
 * The published JSON Schema of `registry.json`. It has no `$id`: adopters publish it at their
 * own address, next to the data.
 */
export function registryJsonSchema(vocabularies: Vocabularies): JsonSchema {
	const schema = deriveJsonSchema(RegistryDocumentSchema, { io: 'input', vocabularies });
	return {
		$schema: schema['$schema'],
		title: 'Registre IA — registry.json',
		description:
			'The AI systems, models and what surrounds them that an organisation publishes in its AI registry, in French and English.',
		'x-help': {
			fr: 'Les systèmes et modèles d’IA, et ce qui les entoure, qu’une organisation publie dans son registre de l’IA, en français et en anglais.',
			en: 'The AI systems, models and what surrounds them that an organisation publishes in its AI registry, in French and English.',
		},
		...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
	};
}
