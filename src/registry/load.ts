import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { entryKinds, entrySchemas, type EntryData, type EntryKind } from './kinds/index.ts';
import { isProblem, parseEntryFile, type EntryFile } from './entry-file.ts';
import { loadVocabularies, type Vocabularies } from './vocabularies.ts';
import { schemaIssueProblem } from './schema-issues.ts';
import type { Problem } from './problems.ts';

/** One registry entry that passed its schema, with the file it came from. */
export interface Entry<K extends EntryKind = EntryKind> {
	kind: K;
	id: string;
	data: EntryData<K>;
	file: EntryFile;
}

/** An entry file that did not pass its schema: its problems are reported, its id still exists. */
export interface RejectedEntry {
	kind: EntryKind;
	/** The file name without `.mdx`: what other entries would use to refer to it. */
	id: string;
	path: string;
	/** The parsed file, when its front matter could be read: the other rules still apply to it. */
	file?: EntryFile;
}

/** The valid entries of a registry, one list per kind. */
export type RegistryEntries = { [K in EntryKind]: Entry<K>[] };

/** A registry read from disk: valid entries by kind, vocabularies, and every problem found. */
export type Registry = RegistryEntries & {
	dir: string;
	vocabularies: Vocabularies;
	/** Entry files that failed their schema, so references to them are not reported twice. */
	rejected?: RejectedEntry[];
	problems: Problem[];
};

/** Extension of entry files. */
export const entryExtension = '.mdx';

/** How many files are read at once: enough to keep the disk busy, few enough for any ulimit. */
const readConcurrency = 64;

/** A file of a registry folder and its text. */
export interface RegistryFile {
	name: string;
	path: string;
	text: string;
}

/** Reads every file of one kind's folder, in name order; an absent folder is an empty kind. */
export async function readKindFiles(dir: string, kind: EntryKind): Promise<RegistryFile[]> {
	const kindDir = join(dir, kind);
	const names = (await readdir(kindDir).catch(() => [] as string[]))
		.filter((name) => !name.startsWith('.'))
		.sort();
	const files: RegistryFile[] = new Array(names.length);
	let next = 0;
	const worker = async () => {
		for (let index = next++; index < names.length; index = next++) {
			const name = names[index] ?? '';
			const path = join(kindDir, name);
			files[index] = { name, path, text: await readFile(path, 'utf8') };
		}
	};
	await Promise.all(Array.from({ length: Math.min(readConcurrency, names.length) }, worker));
	return files;
}

/**
 * Reads every entry file of a registry folder and validates each against its schema.
 * One bad file never hides the others: it is reported and left out of the entries.
 * Cross-entry rules (references, vocabularies, uniqueness) are in `check.ts`.
 */
export async function loadRegistry(dir: string, vocabulariesDir?: string): Promise<Registry> {
	const { vocabularies, problems } = await loadVocabularies(dir, vocabulariesDir);
	const rejected: RejectedEntry[] = [];
	const registry: Registry = { ...emptyEntries(), dir, vocabularies, rejected, problems };
	const files = await Promise.all(entryKinds.map((kind) => readKindFiles(dir, kind)));
	entryKinds.forEach((kind, index) => {
		for (const { name, path, text } of files[index] ?? []) {
			if (!name.endsWith(entryExtension)) {
				problems.push(notAnEntryFile(path, kind));
				continue;
			}
			const { entry, file } = readEntry(kind, path, text, problems);
			if (entry) (registry[kind] as Entry[]).push(entry);
			else
				rejected.push({
					kind,
					id: name.slice(0, -entryExtension.length),
					path,
					...(file && { file }),
				});
		}
	});
	return registry;
}

/** One empty list per kind. */
export function emptyEntries(): RegistryEntries {
	return Object.fromEntries(entryKinds.map((kind) => [kind, []])) as unknown as RegistryEntries;
}

function notAnEntryFile(path: string, kind: EntryKind): Problem {
	return {
		path,
		line: 1,
		field: 'file',
		message: {
			fr: `seuls des fichiers .mdx vont dans ${kind}/ : renommez ce fichier en <identifiant>.mdx ou déplacez-le`,
			en: `only .mdx files belong in ${kind}/: rename this file to <id>.mdx or move it`,
		},
	};
}

/** Parses one entry file; returns the parsed file even when its data fails the schema. */
function readEntry<K extends EntryKind>(
	kind: K,
	path: string,
	text: string,
	problems: Problem[],
): { entry?: Entry<K>; file?: EntryFile } {
	const file = parseEntryFile(path, text);
	if (isProblem(file)) {
		problems.push(file);
		return {};
	}
	const schema: z.ZodType = entrySchemas[kind];
	const result = schema.safeParse(file.data);
	if (!result.success) {
		for (const issue of result.error.issues) problems.push(schemaIssueProblem(file, issue));
		return { file };
	}
	const data = result.data as EntryData<K>;
	return { entry: { kind, id: data.id, data, file }, file };
}
