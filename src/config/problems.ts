import type { z } from 'zod';
import type { YamlData } from '../registry/entry-file.ts';
import type { Problem } from '../registry/problems.ts';
import { issueMessage } from '../registry/schema-issues.ts';
import { schemaMessages, type Bilingual } from '../registry/schemas/index.ts';

/**
 * Turns a zod issue of the configuration into problems located at their line in the file, one
 * per unknown key (each at its own line), worded in both languages: the schema's own message when
 * it gave one (`params`), else the registry's wording of the same kind of issue.
 */
export function configIssueProblems(
	path: string,
	yaml: YamlData,
	issue: z.core.$ZodIssue,
): Problem[] {
	if (issue.code === 'unrecognized_keys') {
		return issue.keys.map((key) => {
			const at = [...issue.path, key];
			return { path, line: yaml.lineOf(at), field: fieldName(at), message: unknownKey(key) };
		});
	}
	return [
		{
			path,
			line: yaml.lineOf(issue.path),
			field: fieldName(issue.path),
			message: ownMessage(issue) ?? issueMessage(issue, yaml.data),
		},
	];
}

/** The dotted path of a setting, `(file)` for the whole file. */
function fieldName(path: readonly PropertyKey[]): string {
	return path.map(String).join('.') || '(file)';
}

/** The message a configuration check gave in both languages, or a clearer one for a format. */
function ownMessage(issue: z.core.$ZodIssue): Bilingual | undefined {
	if (issue.code === 'custom' && isBilingual(issue.params)) return issue.params;
	if (issue.code === 'invalid_format' && issue.format === 'url') return schemaMessages.url;
	if (issue.code === 'invalid_format' && issue.format === 'email') return schemaMessages.email;
	return undefined;
}

function isBilingual(value: unknown): value is Bilingual {
	const record = value as Partial<Record<string, unknown>> | undefined;
	return typeof record?.fr === 'string' && typeof record.en === 'string';
}

/** An unknown key: a misspelt setting, or one at the wrong level. */
function unknownKey(key: string): Bilingual {
	return {
		fr: `réglage inconnu « ${key} » : vérifiez son orthographe et son niveau d’indentation (chaque réglage est décrit dans src/config/schema.ts et la page « Adopter le kit »), ou supprimez-le`,
		en: `unknown setting "${key}": check its spelling and its indentation (every setting is described in src/config/schema.ts and the "Adopt the kit" page), or remove it`,
	};
}
