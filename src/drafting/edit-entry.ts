import { isDeepStrictEqual } from 'node:util';
import { isMap, isPair, isScalar, parseDocument, stringify, type Node, type Pair } from 'yaml';
import { parseEntryFile, serialiseEntry, isProblem } from '../registry/entry-file.ts';

/**
 * Edits an entry file field by field, for corrections: each changed top-level field is written
 * again by the YAML library, in place of its old text, and every other line of the file stays
 * byte for byte as it was (a person's formatting and comments included), the body too. A field
 * the file lacks goes before the first field the schema puts after it.
 */

// The closing fence must start a line, as src/registry/entry-file.ts reads it.
const frontMatterPattern = /^---\r?\n((?:[\s\S]*?\r?\n)?)---[ \t]*(?:\r?\n|$)/;

/** How the YAML library writes a field: as serialiseEntry does, no folding and no anchors. */
const writeOptions = { lineWidth: 0, singleQuote: false, aliasDuplicateObjects: false } as const;

/**
 * The file with the given top-level fields set (`undefined` removes one), `order` being the
 * schema's order of fields. Falls back to writing the whole front matter again, should the edit
 * in place not read back as the data expected (an unusual layout the edit cannot keep).
 */
export function editEntryText(
	text: string,
	changes: Readonly<Record<string, unknown>>,
	order: readonly string[],
): string {
	const file = parseEntryFile('entry.mdx', text);
	if (isProblem(file)) throw new Error(`cannot edit an unreadable entry: ${file.message.en}`);
	const expected = applyChanges(file.data as Record<string, unknown>, changes);
	const edited = editInPlace(text, changes, order);
	if (edited !== undefined) {
		const read = parseEntryFile('entry.mdx', edited);
		if (!isProblem(read) && isDeepStrictEqual(read.data, expected) && read.body === file.body) {
			return edited;
		}
	}
	return serialiseEntry(expected, file.body);
}

/** The data with the changes applied, keys in their former order and new ones last. */
function applyChanges(
	data: Record<string, unknown>,
	changes: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
	const result: Record<string, unknown> = { ...data };
	for (const [key, value] of Object.entries(changes)) {
		if (value === undefined) Reflect.deleteProperty(result, key);
		else result[key] = structuredClone(value);
	}
	return result;
}

function editInPlace(
	text: string,
	changes: Readonly<Record<string, unknown>>,
	order: readonly string[],
): string | undefined {
	const match = frontMatterPattern.exec(text);
	if (!match) return undefined;
	const opening = text.indexOf('\n') + 1;
	const yamlText = match[1] ?? '';
	const document = parseDocument(yamlText);
	if (!isMap(document.contents) || document.errors.length > 0) return undefined;
	const pairs = document.contents.items.filter(isPair) as Pair<Node, Node | null>[];
	const present = new Map<string, { start: number; end: number }>();
	for (const pair of pairs) {
		if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || !pair.key.range) continue;
		const end = pair.value?.range?.[2] ?? endOfLine(yamlText, pair.key.range[2]);
		present.set(pair.key.value, { start: pair.key.range[0], end });
	}
	const edits: { start: number; end: number; text: string }[] = [];
	for (const [key, value] of Object.entries(changes)) {
		const written = value === undefined ? '' : stringify({ [key]: value }, writeOptions);
		const at = present.get(key);
		if (at) {
			edits.push({ ...at, text: written });
			continue;
		}
		if (value === undefined) continue;
		// Before the first present field the schema puts after this one, or at the end.
		const after = order.slice(order.indexOf(key) + 1).find((name) => present.has(name));
		const position = after ? (present.get(after)?.start ?? yamlText.length) : yamlText.length;
		edits.push({ start: position, end: position, text: written });
	}
	let yaml = yamlText;
	// From the end, so that each edit's offsets still hold; insertions at one point keep order.
	for (const edit of edits
		.map((e, index) => ({ ...e, index }))
		.sort((a, b) => b.start - a.start || b.index - a.index)) {
		yaml = yaml.slice(0, edit.start) + edit.text + yaml.slice(edit.end);
	}
	if (yaml && !yaml.endsWith('\n')) yaml += '\n';
	return text.slice(0, opening) + yaml + text.slice(opening + yamlText.length);
}

function endOfLine(text: string, from: number): number {
	const newline = text.indexOf('\n', from);
	return newline === -1 ? text.length : newline + 1;
}
