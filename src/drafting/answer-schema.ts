import type { JsonSchema } from '../registry/json-schema.ts';
import type { Registry } from '../registry/load.ts';
import { kindOf, type EntryKind } from '../registry/kinds/index.ts';
import {
	answerReferences,
	fitsOneEnum,
	strictSchemaProblems,
	structuredOutputSchema,
	type SchemaSource,
} from '../registry/structured-output.ts';
import { referenceCandidates, type Candidate } from './candidates.ts';
import type { PromptVariant } from './prompt.ts';

/**
 * The schema the model answers with: the registry's structured-output schema (strict, only
 * offered ids and vocabulary keys), minus what the form already answered. Its lighter variants
 * exist for the character budget: the schema travels with every call, and a system's schema
 * with every definition and every id of a large registry is larger than the whole budget.
 */

/** How far to lighten the schema. */
export interface SchemaOptions {
	/** Entry paths the form answered with a value the model need not repeat (not texts). */
	answered: readonly string[];
	/** Keep the vocabulary definitions folded into descriptions. */
	definitions: boolean;
	/** Share the bilingual text object through `$defs`, for providers that resolve `$ref`. */
	refs: boolean;
	/** Ids offered for each kind referred to; every id of the registry for a kind left out. */
	offered?: Partial<Record<EntryKind, readonly string[]>>;
}

/** The model's answer schema for a kind, lightened as asked. */
export function answerSchema(
	kind: EntryKind,
	source: SchemaSource,
	options: SchemaOptions,
): JsonSchema {
	const schema = structuredOutputSchema(kind, source, {
		definitions: options.definitions,
		...(options.offered && { offered: options.offered }),
	});
	for (const path of options.answered) removePath(schema, path.split('.'));
	return options.refs ? withSharedText(schema) : schema;
}

/** What the prompt variants are built from. */
export interface VariantInput {
	kind: EntryKind;
	registry: Registry;
	/** Entry paths the form answered with a value the model need not repeat. */
	answered: readonly string[];
	/** Whether the provider resolves `$ref`. */
	refs: boolean;
	/** The issue as the model reads it, where the candidates are looked for. */
	issueText: string;
}

/**
 * The prompt's variants, richest first; the prompt takes the first that leaves the whole issue
 * room. The ids of entries the issue neither names nor resembles give way first, then the
 * vocabulary definitions (`definitions`), then the example (`example`): at each of these three
 * levels every id is offered first, then the kinds are narrowed to their candidates one by one,
 * the kind with the most characters of ids first (`references:<kind>`; a kind whose candidates
 * take no less room, a short list, stays whole). Last, the candidates the issue only resembles
 * go (`resembling`): only the entries it names stay. A kind whose every id cannot be one enum
 * of the provider's limits offers only its candidates throughout.
 * Ids that are not offered can still be written by a provider that does not enforce the schema;
 * the registry's check rejects any that does not exist, as for every entry.
 * Variants beyond the provider's documented limits are never produced.
 */
export function* answerVariants(input: VariantInput): Generator<PromptVariant> {
	const { kind, registry } = input;
	const kinds = answerReferences(kind).filter((name) => registry[name].length > 0);
	const candidates = referenceCandidates(input.issueText, registry, kinds);
	const example = pickExample(registry, kind, input.answered);
	const byChars = kinds
		.map((name) => ({ name, chars: idChars(registry, name) }))
		.sort((a, b) => b.chars - a.chars);
	const tooMany = byChars
		.filter(({ name, chars }) => !fitsOneEnum(registry[name].length, chars))
		.map(({ name }) => name);
	const variant = (
		level: Level,
		narrowed: ReadonlySet<EntryKind>,
		namedOnly = false,
	): PromptVariant | undefined => {
		const offered: Partial<Record<EntryKind, readonly string[]>> = {};
		for (const name of kinds) {
			offered[name] = narrowed.has(name)
				? ids(candidates[name], namedOnly)
				: registry[name].map((entry) => entry.id);
		}
		const schema = answerSchema(kind, registry, {
			answered: input.answered,
			definitions: level.definitions,
			refs: input.refs,
			offered,
		});
		// A variant beyond the provider's limits is skipped, never sent.
		if (strictSchemaProblems(schema).length > 0) return undefined;
		const references = [...narrowed].sort().map((name) => `references:${name}`);
		return {
			schema,
			example: level.example ? example : null,
			omits: [...level.omits, ...references, ...(namedOnly ? ['resembling'] : [])],
		};
	};
	let narrowed = new Set<EntryKind>();
	for (const level of levels) {
		narrowed = new Set(tooMany);
		let previous = variant(level, narrowed);
		yield* defined(previous);
		for (const { name } of byChars) {
			if (narrowed.has(name)) continue;
			narrowed.add(name);
			const lighter = variant(level, narrowed);
			if (previous && lighter && size(lighter) >= size(previous)) {
				narrowed.delete(name);
				continue;
			}
			previous = lighter;
			yield* defined(lighter);
		}
	}
	if ([...narrowed].some((name) => candidates[name].some((c) => !c.named))) {
		yield* defined(variant(levels[levels.length - 1] as Level, narrowed, true));
	}
}

/** What a prompt keeps besides the ids, from richest to lightest. */
interface Level {
	definitions: boolean;
	example: boolean;
	omits: readonly string[];
}

const levels: readonly Level[] = [
	{ definitions: true, example: true, omits: [] },
	{ definitions: false, example: true, omits: ['definitions'] },
	{ definitions: false, example: false, omits: ['definitions', 'example'] },
];

/** Characters of a variant's schema. */
function size(variant: PromptVariant): number {
	return JSON.stringify(variant.schema).length;
}

function* defined<T>(value: T | undefined): Generator<T> {
	if (value !== undefined) yield value;
}

/** The ids of the candidates, all of them or the named ones only. */
function ids(candidates: readonly Candidate[], namedOnly: boolean): string[] {
	return candidates.filter((candidate) => !namedOnly || candidate.named).map((c) => c.id);
}

/** Characters of every id of a kind. */
function idChars(registry: Registry, kind: EntryKind): number {
	return registry[kind].reduce((total, entry) => total + entry.id.length, 0);
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

/** A bilingual text object: exactly the properties `fr` and `en`. */
function isText(node: JsonSchema): boolean {
	const properties = node['properties'] as Record<string, JsonSchema> | undefined;
	return node['type'] === 'object' && !!properties && Object.keys(properties).join() === 'fr,en';
}

const textRef = '#/$defs/text';

/**
 * Replaces the bilingual text objects by a reference to one shared definition: every text has
 * the same shape (its length limit is in its own description), so all of them share it.
 */
function withSharedText(schema: JsonSchema): JsonSchema {
	let shape: JsonSchema | undefined;
	let count = 0;
	const visit = (node: unknown, act: (text: JsonSchema) => unknown): unknown => {
		if (Array.isArray(node)) return node.map((item) => visit(item, act));
		if (typeof node !== 'object' || node === null) return node;
		const object = node as JsonSchema;
		if (isText(object)) return act(object);
		return Object.fromEntries(
			Object.entries(object).map(([key, value]) => [key, visit(value, act)]),
		);
	};
	visit(schema, (text) => {
		shape ??= Object.fromEntries(Object.entries(text).filter(([key]) => key !== 'description'));
		count++;
	});
	if (!shape || count < 2) return schema;
	const swapped = visit(schema, (text) =>
		text['description'] === undefined
			? { $ref: textRef }
			: { $ref: textRef, description: text['description'] },
	) as JsonSchema;
	return { ...swapped, $defs: { text: shape } };
}

/** Entries the example is chosen among: enough for a short one, the same cost at any size. */
const exampleChoice = 100;

/**
 * The example shown to the model, as the seeds' assistant does: one entry of the same kind with
 * both languages written, in the answer's shape (without what the form answered), the shortest
 * of the first {@link exampleChoice} such so the budget goes to the issue.
 */
export function pickExample(
	registry: Registry,
	kind: EntryKind,
	answered: readonly string[] = [],
): Record<string, unknown> | null {
	const omitted: readonly string[] = kindOf(kind).generatedFields;
	const shortest = registry[kind]
		.filter((entry) => entry.data.language.translation !== 'missing')
		.slice(0, exampleChoice)
		.map((entry) => ({ entry, size: JSON.stringify(entry.data).length }))
		.sort((a, b) => a.size - b.size)[0]?.entry;
	if (!shortest) return null;
	const data = structuredClone(shortest.data) as Record<string, unknown>;
	for (const path of answered) removeValue(data, path.split('.'));
	return Object.fromEntries(
		Object.entries(data).filter(
			([key, value]) => !omitted.includes(key) && !(Array.isArray(value) && value.length === 0),
		),
	);
}

/** Deletes a value at a dotted path (and an object left empty by it). */
function removeValue(data: Record<string, unknown>, keys: readonly string[]): void {
	const [key, ...rest] = keys;
	if (key === undefined || !(key in data)) return;
	const child = data[key];
	if (rest.length > 0 && typeof child === 'object' && child !== null && !Array.isArray(child)) {
		removeValue(child as Record<string, unknown>, rest);
		if (Object.keys(child).length > 0) return;
	}
	Reflect.deleteProperty(data, key);
}
