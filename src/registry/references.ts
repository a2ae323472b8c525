import { entryKinds, entrySchemas, type EntryKind } from './kinds/index.ts';
import { anyItem, schemaFields, valuesAt } from './schema-fields.ts';

/** A reference from one entry to another, as written in the referring entry. */
export interface Reference {
	/** Kind and id of the entry that holds the reference. */
	from: { kind: EntryKind; id: string };
	/** Kind and id of the entry referred to. */
	to: { kind: EntryKind; id: string };
	/** Top-level field of the referring entry that holds it: `models`, `dataSources`. */
	field: string;
	/**
	 * For a reference inside a list of objects, the rest of the item (how the model is used, what
	 * the data source is for), shown beside the link on the page of the entry referred to.
	 */
	item?: Record<string, unknown>;
	/** Key of the item that holds the id (`model`), so the item's other fields can be shown. */
	key?: string;
}

/** A key for an entry across kinds: `models/mistral-small-3-2`. */
export const entryKey = (kind: EntryKind, id: string): string => `${kind}/${id}`;

/** Every reference field of every kind, found once by walking the schemas. */
const referenceFields = entryKinds.flatMap((kind) =>
	schemaFields(entrySchemas[kind])
		.filter((field) => field.doc?.references)
		.map((field) => ({ kind, field, to: field.doc?.references as EntryKind })),
);

/**
 * For each entry, the entries that refer to it, in the order of their kinds and ids: a link is
 * stored once, on the referring side (a system names its models), and read both ways.
 */
export function referencesTo(
	entries: Partial<Record<EntryKind, readonly { id: string; data: unknown }[]>>,
): Map<string, Reference[]> {
	const inbound = new Map<string, Reference[]>();
	for (const { kind, field, to } of referenceFields) {
		const sorted = [...(entries[kind] ?? [])].sort((a, b) =>
			a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
		);
		const path = field.list ? [...field.path, anyItem] : field.path;
		const inItem = field.path.includes(anyItem);
		const [top = ''] = field.path;
		for (const entry of sorted) {
			for (const { value, path: at } of valuesAt(entry.data, path)) {
				if (typeof value !== 'string') continue;
				const reference: Reference = {
					from: { kind, id: entry.id },
					to: { kind: to, id: value },
					field: top,
				};
				if (inItem) {
					// The item is the object holding the reference: the found path minus its last key.
					reference.item = at
						.slice(0, -1)
						.reduce<unknown>(
							(value, key) => (value as Record<string, unknown>)[key],
							entry.data,
						) as Record<string, unknown>;
					reference.key = String(at.at(-1));
				}
				const key = entryKey(to, value);
				const list = inbound.get(key) ?? [];
				list.push(reference);
				inbound.set(key, list);
			}
		}
	}
	return inbound;
}
