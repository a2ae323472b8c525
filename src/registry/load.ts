import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { entryKinds, entrySchemas, type EntryData, type EntryKind } from './schemas/index.ts';
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

/** A registry read from disk: valid entries by kind, vocabularies, and every problem found. */
export interface Registry {
	dir: string;
	vocabularies: Vocabularies;
	systems: Entry<'systems'>[];
	models: Entry<'models'>[];
	problems: Problem[];
}

/**
 * Reads every entry file of a registry folder and validates each against its schema.
 * One bad file never hides the others: it is reported and left out of the entries.
 * Cross-entry rules (references, vocabularies, uniqueness) are in `check.ts`.
 */
export async function loadRegistry(dir: string): Promise<Registry> {
	const { vocabularies, problems } = await loadVocabularies(dir);
	const registry: Registry = { dir, vocabularies, systems: [], models: [], problems };
	for (const kind of entryKinds) {
		const kindDir = join(dir, kind);
		const names = (await readdir(kindDir).catch(() => [] as string[])).sort();
		const texts = await Promise.all(
			names.map(async (name) => ({ name, text: await readFile(join(kindDir, name), 'utf8') })),
		);
		for (const { name, text } of texts) {
			const entry = parseEntry(kind, join(kindDir, name), text, problems);
			if (entry) (registry[kind] as Entry[]).push(entry);
		}
	}
	return registry;
}

/** Parses one entry file of a kind; pushes its problems and returns the entry when valid. */
export function parseEntry<K extends EntryKind>(
	kind: K,
	path: string,
	text: string,
	problems: Problem[],
): Entry<K> | undefined {
	const file = parseEntryFile(path, text);
	if (isProblem(file)) {
		problems.push(file);
		return undefined;
	}
	const schema: z.ZodType = entrySchemas[kind];
	const result = schema.safeParse(file.data);
	if (!result.success) {
		for (const issue of result.error.issues) problems.push(schemaIssueProblem(file, issue));
		return undefined;
	}
	const data = result.data as EntryData<K>;
	return { kind, id: data.id, data, file };
}
