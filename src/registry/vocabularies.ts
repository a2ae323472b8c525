import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VocabularySchema, type Vocabulary, type VocabularyValue } from './schemas/index.ts';
import type { Problem } from './problems.ts';
import { characterIssues } from './characters.ts';
import { parseYaml } from './entry-file.ts';
import { issueMessage } from './schema-issues.ts';

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
