import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { VocabularySchema, type Vocabulary, type VocabularyValue } from './schemas/index.ts';
import type { Problem } from './problems.ts';

/** Every controlled list of a registry, by name (the file name without `.yml`). */
export type Vocabularies = Map<string, Vocabulary>;

/** Reads and validates `<registry>/vocabularies/*.yml`, collecting problems instead of throwing. */
export async function loadVocabularies(
	registryDir: string,
): Promise<{ vocabularies: Vocabularies; problems: Problem[] }> {
	const dir = join(registryDir, 'vocabularies');
	const vocabularies: Vocabularies = new Map();
	const problems: Problem[] = [];
	const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.yml'));
	for (const file of files.sort()) {
		const path = join(dir, file);
		let data: unknown;
		try {
			data = parse(await readFile(path, 'utf8'));
		} catch (error) {
			const reason = (error as Error).message.split('\n')[0] ?? '';
			problems.push({
				path,
				line: 1,
				field: 'file',
				message: { fr: `YAML invalide : ${reason}`, en: `invalid YAML: ${reason}` },
			});
			continue;
		}
		const result = VocabularySchema.safeParse(data);
		if (!result.success) {
			for (const issue of result.error.issues) {
				problems.push({
					path,
					line: 1,
					field: issue.path.join('.') || 'file',
					message: { fr: issue.message, en: issue.message },
				});
			}
			continue;
		}
		const keys = new Set<string>();
		for (const value of result.data.values) {
			if (keys.has(value.key)) {
				problems.push({
					path,
					line: 1,
					field: 'values',
					message: {
						fr: `la clé « ${value.key} » apparaît deux fois`,
						en: `key "${value.key}" appears twice`,
					},
				});
			}
			keys.add(value.key);
		}
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
