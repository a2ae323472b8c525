import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { VocabularySchema, type Vocabulary, type VocabularyValue } from './schemas/index.ts';
import type { Problem } from './problems.ts';
import { characterIssues } from './characters.ts';
import { parseYaml } from './entry-file.ts';
import { issueMessage } from './schema-issues.ts';

/** Every controlled list of a registry, by name (the file name without `.yml`). */
export type Vocabularies = Map<string, Vocabulary>;

/**
 * The kit's controlled lists, `vocabularies/` at the project root: they belong to the kit (the
 * schemas name them), so a kit update brings new ones. Read from the working folder, where every
 * command and build runs.
 */
export const kitVocabulariesDir = resolve('vocabularies');

/**
 * Reads and validates the kit's vocabularies, then the registry's own (`<registry>/vocabularies/`):
 * a file of the same name extends the kit's list (a value with a new key is added, one with a
 * known key replaces the kit's wording), any other file is a list of the organisation's own.
 * Problems are collected, never thrown.
 */
export async function loadVocabularies(
	registryDir: string,
	kitDir: string = kitVocabulariesDir,
): Promise<{ vocabularies: Vocabularies; problems: Problem[] }> {
	const kit = await readVocabularyFolder(kitDir);
	const own = resolve(registryDir, 'vocabularies');
	if (own === resolve(kitDir)) return kit;
	const local = await readVocabularyFolder(own);
	const vocabularies: Vocabularies = new Map(kit.vocabularies);
	for (const [name, vocabulary] of local.vocabularies) {
		const base = vocabularies.get(name);
		if (!base) {
			vocabularies.set(name, vocabulary);
			continue;
		}
		const values = new Map(base.values.map((value) => [value.key, value]));
		for (const value of vocabulary.values) values.set(value.key, value);
		vocabularies.set(name, { ...base, ...vocabulary, values: [...values.values()] });
	}
	return { vocabularies, problems: [...kit.problems, ...local.problems] };
}

/** Reads and validates the `*.yml` files of one folder; an absent folder holds no list. */
async function readVocabularyFolder(
	dir: string,
): Promise<{ vocabularies: Vocabularies; problems: Problem[] }> {
	const vocabularies: Vocabularies = new Map();
	const problems: Problem[] = [];
	const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.yml'));
	for (const file of files.sort()) {
		const path = join(dir, file);
		const yaml = parseYaml(await readFile(path, 'utf8'));
		if (!('data' in yaml)) {
			problems.push({
				path,
				line: yaml.line,
				field: 'file',
				message: { fr: `YAML invalide : ${yaml.reason}`, en: `invalid YAML: ${yaml.reason}` },
			});
			continue;
		}
		const result = VocabularySchema.safeParse(yaml.data);
		if (!result.success) {
			for (const issue of result.error.issues) {
				problems.push({
					path,
					line: yaml.lineOf(issue.path),
					field: issue.path.join('.') || 'file',
					message: issueMessage(issue, yaml.data),
				});
			}
			continue;
		}
		for (const issue of characterIssues(yaml.data)) {
			problems.push({
				path,
				line: yaml.lineOf(issue.at),
				field: issue.at.join('.'),
				message: issue.message,
			});
		}
		const keys = new Set<string>();
		result.data.values.forEach((value, index) => {
			if (keys.has(value.key)) {
				problems.push({
					path,
					line: yaml.lineOf(['values', index, 'key']),
					field: `values.${index}.key`,
					message: {
						fr: `la clé « ${value.key} » apparaît deux fois`,
						en: `key "${value.key}" appears twice`,
					},
				});
			}
			keys.add(value.key);
		});
		vocabularies.set(file.slice(0, -'.yml'.length), result.data);
	}
	return { vocabularies, problems };
}

/** Finds a value of a controlled list by key. */
export function vocabularyValue(
	vocabularies: Vocabularies,
	name: string,
	key: string,
): VocabularyValue | undefined {
	return vocabularies.get(name)?.values.find((value) => value.key === key);
}
