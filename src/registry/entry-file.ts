import { LineCounter, parseDocument, stringify, isMap, isSeq, isScalar, isPair } from 'yaml';
import type { Node } from 'yaml';
import type { Problem } from './problems.ts';

/** An entry file split into its YAML front matter and its body, with line lookup for errors. */
export interface EntryFile {
	path: string;
	/** The front matter as plain data (not yet validated). */
	data: unknown;
	/** The text after the closing `---`. */
	body: string;
	/** Line (1-based) of the body's first line in the file. */
	bodyLine: number;
	/** Line of the value at a field path in the front matter, or of its nearest existing parent. */
	lineOf(path: readonly PropertyKey[]): number;
}

/** A YAML text read into plain data, with the line of any value. */
export interface YamlData {
	data: unknown;
	/** Line (1-based, in the YAML text) of the value at a path, or of its nearest existing parent. */
	lineOf(path: readonly PropertyKey[]): number;
}

/** Where a YAML text could not be read, and why. */
export interface YamlError {
	line: number;
	reason: string;
}

/**
 * How registry YAML is read: keys unique, since a repeated key hides a value; only the core
 * schema's tags, so `!!binary` or `!!set` are unknown tags rather than objects of their own.
 * @see https://eemeli.org/yaml/#parse-options
 */
const yamlOptions = { prettyErrors: false, uniqueKeys: true, resolveKnownTags: false } as const;

/** Most alias expansions a registry file may ask for; a person never needs this many. */
const maxAliases = 100;

/**
 * Parses YAML without throwing; keys must be unique, since a repeated key hides a value.
 * Lines are looked up only when a problem needs one: the text is parsed again then, rather than
 * keeping every file's syntax tree in memory while a large registry is checked.
 */
export function parseYaml(text: string): YamlData | YamlError {
	const document = parseDocument(text, yamlOptions);
	// A warning is an unknown tag (`!evil`, `!!binary`…): registry files hold plain data only.
	if (document.errors.length > 0 || document.warnings.length > 0) {
		const located = locate(text);
		const error = located.document.errors[0] ?? located.document.warnings[0];
		return {
			line: error ? located.lineCounter.linePos(error.pos[0]).line : 1,
			reason: error?.message.split('\n')[0] ?? 'invalid YAML',
		};
	}
	let data: unknown;
	try {
		// Aliases are expanded here: the library refuses a file whose aliases multiply its size
		// (a "billion laughs"), by throwing. https://eemeli.org/yaml/#tojs-options
		data = document.toJS({ maxAliasCount: maxAliases });
	} catch (error) {
		return { line: 1, reason: (error as Error).message };
	}
	let located: ReturnType<typeof locate> | undefined;
	return {
		data,
		lineOf(path) {
			located ??= locate(text);
			let node: unknown = located.document.contents;
			let offset = (node as Node | null)?.range?.[0] ?? 0;
			for (const key of path) {
				const child = childNode(node, key);
				if (!child) break;
				node = child.node;
				offset = child.offset;
			}
			return located.lineCounter.linePos(offset).line;
		},
	};
}

/** Parses YAML again, this time counting lines. */
function locate(text: string) {
	const lineCounter = new LineCounter();
	const document = parseDocument(text, { ...yamlOptions, lineCounter });
	return { document, lineCounter };
}

// The closing fence must start a line: a value ending in `---` must not end the front matter.
const frontMatterPattern = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Splits and parses an entry file; returns a problem rather than throwing on bad YAML. */
export function parseEntryFile(path: string, text: string): EntryFile | Problem {
	const match = frontMatterPattern.exec(text);
	if (!match) {
		return {
			path,
			line: 1,
			field: 'file',
			message: {
				fr: 'le fichier doit commencer par un en-tête YAML encadré de deux lignes « --- »',
				en: 'the file must start with YAML front matter between two "---" lines',
			},
		};
	}
	const yaml = parseYaml(match[1] ?? '');
	// The front matter starts on the file's second line, after the opening `---`.
	if (!('data' in yaml)) {
		return {
			path,
			line: yaml.line + 1,
			field: 'front matter',
			message: { fr: `YAML invalide : ${yaml.reason}`, en: `invalid YAML: ${yaml.reason}` },
		};
	}
	const bodyStart = match[0].length;
	return {
		path,
		data: yaml.data,
		body: text.slice(bodyStart),
		bodyLine: text.slice(0, bodyStart).split('\n').length,
		lineOf: (fieldPath) => yaml.lineOf(fieldPath) + 1,
	};
}

/** Finds a map value or sequence item, with the offset of its key or item. */
function childNode(node: unknown, key: PropertyKey): { node: unknown; offset: number } | undefined {
	if (isMap(node)) {
		for (const pair of node.items) {
			if (isPair(pair) && isScalar(pair.key) && pair.key.value === key) {
				return { node: pair.value, offset: pair.key.range?.[0] ?? 0 };
			}
		}
	}
	if (isSeq(node) && typeof key === 'number') {
		const item = node.items[key] as Node | undefined;
		if (item) return { node: item, offset: item.range?.[0] ?? 0 };
	}
	return undefined;
}

/** Tells a parse failure from a parsed file. */
export function isProblem(value: EntryFile | Problem): value is Problem {
	return 'message' in value;
}

/**
 * Writes an entry file: YAML front matter serialised by the YAML library (never by string
 * concatenation, so no value can break out of its field), then the body.
 */
export function serialiseEntry(data: object, body = ''): string {
	// No anchors: a value repeated in the data is written out again, as a person would.
	const yamlText = stringify(data, {
		lineWidth: 0,
		singleQuote: false,
		aliasDuplicateObjects: false,
	});
	const trimmedBody = body.trim();
	return `---\n${yamlText}---\n${trimmedBody ? `\n${trimmedBody}\n` : ''}`;
}
