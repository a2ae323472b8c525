import type { JsonSchema } from '../registry/json-schema.ts';
import type { Registry } from '../registry/load.ts';
import { kindOf, type EntryKind } from '../registry/kinds/index.ts';
import { structuredOutputSchema } from '../registry/structured-output.ts';

/**
 * The schema the model answers with: the registry's structured-output schema (strict, only
 * existing model ids and vocabulary keys), minus what the form already answered. Its lighter
 * variants exist for the character budget: the schema travels with every call, and a system's
 * full schema alone is larger than the whole budget.
 */

/** How far to lighten the schema. */
export interface SchemaOptions {
	/** Entry paths the form answered with a value the model need not repeat (not texts). */
	answered: readonly string[];
	/** Keep the vocabulary definitions folded into descriptions. */
	definitions: boolean;
	/** Share the bilingual text object through `$defs`, for providers that resolve `$ref`. */
	refs: boolean;
}

/** The model's answer schema for a kind, lightened as asked. */
export function answerSchema(
	kind: EntryKind,
	registry: Pick<Registry, 'vocabularies' | 'models'>,
	options: SchemaOptions,
): JsonSchema {
	let schema = structuredClone(structuredOutputSchema(kind, registry));
	for (const path of options.answered) removePath(schema, path.split('.'));
	if (!options.definitions) schema = withoutDefinitions(schema) as JsonSchema;
	return options.refs ? withSharedText(schema) : schema;
}

/** Drops a property the form answered (and an object left empty by it). */
function removePath(node: JsonSchema, keys: readonly string[]): void {
	const object = objectOf(node);
	const [key, ...rest] = keys;
	const properties = object?.['properties'] as Record<string, JsonSchema> | undefined;
	if (!object || !key || !properties?.[key]) return;
	if (rest.length > 0) {
		removePath(properties[key], rest);
		const child = objectOf(properties[key]);
		if (child && Object.keys(child['properties'] as object).length > 0) return;
	}
	object['properties'] = Object.fromEntries(
		Object.entries(properties).filter(([name]) => name !== key),
	);
	object['required'] = (object['required'] as string[]).filter((name) => name !== key);
}

/** The object schema of a node, also when strict mode wrapped it as `anyOf: [object, null]`. */
function objectOf(node: JsonSchema): JsonSchema | undefined {
	if (node['type'] === 'object') return node;
	const variants = node['anyOf'] as JsonSchema[] | undefined;
	return variants?.find((variant) => variant['type'] === 'object');
}

// The registry words a vocabulary field's description "…. Values: key = Label (definition); ….",
// then, for an optional field, " Null when unknown or not applicable." The enum keeps the keys.
const valuesSentence = / Values: [\s\S]*?(?= Null when unknown or not applicable\.$|$)/;

/**
 * Removes the vocabulary definitions from descriptions (the enums still list the keys) and the
 * "In French." notes on each half of a text, which the rules already say; a note carrying a
 * length limit stays.
 */
function withoutDefinitions(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(withoutDefinitions);
	if (typeof node !== 'object' || node === null) return node;
	const object = node as JsonSchema;
	if (isText(object)) {
		const halves = object['properties'] as Record<string, JsonSchema>;
		const bare = (half: JsonSchema) =>
			/\d/.test(String(half['description'] ?? '')) ? half : { type: half['type'] };
		return {
			...object,
			properties: { fr: bare(halves['fr'] ?? {}), en: bare(halves['en'] ?? {}) },
		};
	}
	return Object.fromEntries(
		Object.entries(object).map(([key, value]) => [
			key,
			key === 'description' && typeof value === 'string'
				? value.replace(valuesSentence, '')
				: withoutDefinitions(value),
		]),
	);
}

/** A bilingual text object: exactly the properties `fr` and `en`. */
function isText(node: JsonSchema): boolean {
	const properties = node['properties'] as Record<string, JsonSchema> | undefined;
	return node['type'] === 'object' && !!properties && Object.keys(properties).join() === 'fr,en';
}

const textRef = '#/$defs/text';

/**
 * Replaces the bilingual text objects by a reference to one shared definition. Only the most
 * common shape is shared: a text with its own length hint (the summary's) stays inline.
 */
function withSharedText(schema: JsonSchema): JsonSchema {
	const shapes = new Map<string, number>();
	const visit = (node: unknown, act: (text: JsonSchema, shape: string) => unknown): unknown => {
		if (Array.isArray(node)) return node.map((item) => visit(item, act));
		if (typeof node !== 'object' || node === null) return node;
		const object = node as JsonSchema;
		if (isText(object)) {
			const shape = Object.entries(object).filter(([key]) => key !== 'description');
			return act(object, JSON.stringify(Object.fromEntries(shape)));
		}
		return Object.fromEntries(
			Object.entries(object).map(([key, value]) => [key, visit(value, act)]),
		);
	};
	visit(schema, (_, shape) => shapes.set(shape, (shapes.get(shape) ?? 0) + 1));
	const common = [...shapes].sort((a, b) => b[1] - a[1])[0];
	if (!common || common[1] < 2) return schema;
	const swapped = visit(schema, (text, shape) => {
		if (shape !== common[0]) return text;
		return text['description'] === undefined
			? { $ref: textRef }
			: { $ref: textRef, description: text['description'] };
	}) as JsonSchema;
	return { ...swapped, $defs: { text: JSON.parse(common[0]) as JsonSchema } };
}

/**
 * The example shown to the model, as the seeds' assistant does: one entry of the same kind with
 * both languages written, in the answer's shape, the shortest such so the budget goes to the issue.
 */
export function pickExample(registry: Registry, kind: EntryKind): Record<string, unknown> | null {
	const omitted: readonly string[] = kindOf(kind).generatedFields;
	const candidates = registry[kind]
		.filter((entry) => entry.data.language.translation !== 'missing')
		.map((entry) =>
			Object.fromEntries(
				Object.entries(entry.data as Record<string, unknown>).filter(
					([key, value]) => !omitted.includes(key) && !(Array.isArray(value) && value.length === 0),
				),
			),
		)
		.map((data) => ({ data, size: JSON.stringify(data).length }))
		.sort((a, b) => a.size - b.size);
	return candidates[0]?.data ?? null;
}
