import { z } from 'zod';
import { fieldDoc, type FieldDoc } from './schemas/index.ts';
import { referencedKind, type EntryKind } from './kinds/index.ts';

/** Stands for "every item of the list" in a field path, as in `models[].usage`. */
export const anyItem = '[]';

/** What kind of value a field holds; for a list, the kind of its items. */
export type FieldType =
	| 'text'
	| 'string'
	| 'date'
	| 'url'
	| 'email'
	| 'integer'
	| 'number'
	| 'boolean'
	| 'choice'
	| 'object'
	| 'record';

/** One field of an entry schema, found by walking it: what the generic rules and generators read. */
export interface SchemaField {
	/** Keys from the entry's root; {@link anyItem} marks a list's items. */
	path: readonly string[];
	/** The bilingual documentation attached with `field()`, if any. */
	doc: FieldDoc | undefined;
	/** Whether a file must give the field (neither optional nor defaulted). */
	required: boolean;
	/** Whether the value is a list; `type` then describes its items. */
	list: boolean;
	type: FieldType;
	/** For a `choice`, the values allowed. */
	choices?: readonly string[];
	/** For a `text` or `string`, the longest value allowed. */
	maxLength?: number;
	/** The field's own schema, optional and default wrappers removed (the list, for a list). */
	schema: z.ZodType;
}

type AnySchema = z.core.$ZodType;

/** Peels optional, nullable and default wrappers, noting whether one made the field optional. */
export function unwrapField(schema: AnySchema): {
	inner: AnySchema;
	optional: boolean;
	doc: FieldDoc | undefined;
} {
	let inner = schema;
	let optional = false;
	let doc = fieldDoc(inner as z.ZodType);
	for (;;) {
		const def = inner._zod.def as { type: string; innerType?: AnySchema };
		if (!def.innerType || !['optional', 'nullable', 'default', 'prefault'].includes(def.type)) {
			break;
		}
		if (def.type !== 'nullable') optional = true;
		inner = def.innerType;
		doc ??= fieldDoc(inner as z.ZodType);
	}
	return { inner, optional, doc };
}

/** The schema inside optional, nullable and default wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
	return unwrapField(schema).inner as z.ZodType;
}

/** The shape of an object schema (wrappers peeled), or undefined for any other schema. */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
	const def = unwrap(schema)._zod.def as { type: string; shape?: Record<string, z.ZodType> };
	return def.type === 'object' ? def.shape : undefined;
}

/**
 * For a list of objects, the item's field that names an entry of another kind, and that kind:
 * a system's `models` list, whose items name a model (`model`) and say how it is used.
 */
export function listItemReference(schema: z.ZodType): { key: string; kind: EntryKind } | undefined {
	const def = unwrap(schema)._zod.def as { type: string; element?: z.ZodType };
	if (def.type !== 'array' || !def.element) return undefined;
	for (const [key, field] of Object.entries(objectShape(def.element) ?? {})) {
		const kind = referencedKind(fieldDoc(field));
		if (kind) return { key, kind };
	}
	return undefined;
}

/** Finds the schema of the field at a dotted path, as declared (wrappers kept); throws if absent. */
export function schemaAt(schema: z.ZodType, path: string): z.ZodType {
	let current = schema;
	for (const key of path.split('.')) {
		const next = objectShape(current)?.[key];
		if (!next) throw new Error(`no field ${path}`);
		current = next;
	}
	return current;
}

/** Tells a plain object (a record of fields) from other values, lists and `null` included. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Reads the value at a path of plain data: dotted (`aiAct.riskClass`) or as keys and indexes
 * (`['models', 0, 'model']`, as zod's issues give it). The one lookup of the code base.
 */
export function valueAt(data: unknown, path: string | readonly PropertyKey[]): unknown {
	let value = data;
	for (const key of typeof path === 'string' ? path.split('.') : path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value;
}

/** Tells a bilingual text (an object with exactly the keys `fr` and `en`) from other objects. */
export function isTextSchema(schema: AnySchema): boolean {
	if (schema._zod.def.type !== 'object') return false;
	const keys = Object.keys((schema as z.ZodObject).shape);
	return keys.length === 2 && keys.includes('fr') && keys.includes('en');
}

/** Classifies a leaf schema. */
function typeOf(schema: AnySchema): FieldType {
	const def = schema._zod.def as { type: string; format?: string };
	switch (def.type) {
		case 'object':
			return isTextSchema(schema) ? 'text' : 'object';
		case 'record':
			return 'record';
		case 'boolean':
			return 'boolean';
		case 'enum':
			return 'choice';
		case 'number':
			return def.format === 'safeint' || def.format === 'int32' ? 'integer' : 'number';
		case 'string':
			if (def.format === 'date') return 'date';
			if (def.format === 'url') return 'url';
			if (def.format === 'email') return 'email';
			return 'string';
		default:
			throw new Error(`schema-fields: no field type for a zod "${def.type}" schema`);
	}
}

/** The longest value a text or string allows, if the schema says. */
function maxLengthOf(schema: AnySchema, type: FieldType): number | undefined {
	const string =
		type === 'text' ? unwrapField((schema as z.ZodObject).shape['fr'] as AnySchema).inner : schema;
	return string instanceof z.ZodString ? (string.maxLength ?? undefined) : undefined;
}

const cache = new WeakMap<AnySchema, SchemaField[]>();

/**
 * Every field of an object schema, parents before their children, in declaration order.
 * Computed once per schema: the validator calls it for every entry.
 */
export function schemaFields(schema: z.ZodObject): SchemaField[] {
	let fields = cache.get(schema);
	if (!fields) {
		fields = [];
		walkObject(schema, [], fields);
		cache.set(schema, fields);
	}
	return fields;
}

function walkObject(schema: z.ZodObject, path: readonly string[], out: SchemaField[]): void {
	for (const [key, declared] of Object.entries(schema.shape)) {
		const fieldPath = [...path, key];
		const { inner, optional, doc } = unwrapField(declared as AnySchema);
		let item = inner;
		let itemDoc = doc;
		const list = inner._zod.def.type === 'array';
		if (list) {
			const element = unwrapField((inner as z.ZodArray).element as AnySchema);
			item = element.inner;
			itemDoc ??= element.doc;
		}
		const type = typeOf(item);
		const field: SchemaField = {
			path: fieldPath,
			doc: itemDoc,
			required: !optional,
			list,
			type,
			schema: inner as z.ZodType,
		};
		if (type === 'choice') field.choices = (item as z.ZodEnum).options as string[];
		const maxLength = maxLengthOf(item, type);
		if (maxLength !== undefined) field.maxLength = maxLength;
		out.push(field);
		if (type === 'object') {
			walkObject(item as z.ZodObject, list ? [...fieldPath, anyItem] : fieldPath, out);
		}
	}
}

/** A concrete place in an entry's data and the value found there. */
export interface FoundValue {
	path: (string | number)[];
	value: unknown;
}

/** Every value present at a field path in an entry's data, expanding lists. */
export function valuesAt(data: unknown, path: readonly string[]): FoundValue[] {
	let found: FoundValue[] = [{ path: [], value: data }];
	for (const key of path) {
		const next: FoundValue[] = [];
		for (const { path: at, value } of found) {
			if (key === anyItem) {
				if (Array.isArray(value))
					value.forEach((item, i) => next.push({ path: [...at, i], value: item }));
			} else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
				const child = (value as Record<string, unknown>)[key];
				if (child !== undefined) next.push({ path: [...at, key], value: child });
			}
		}
		found = next;
	}
	return found;
}

/** Writes a field path for people: `models[].usage` or, with indexes, `models.0.usage`. */
export function formatFieldPath(path: readonly (string | number)[]): string {
	return path.map(String).join('.').replaceAll(`.${anyItem}`, anyItem);
}
