import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYaml } from '../registry/entry-file.ts';
import { compareProblems, formatProblem, type Problem } from '../registry/problems.ts';
import { configIssueProblems } from './problems.ts';
import { SiteConfigSchema, type SiteConfig } from './schema.ts';

/** The organisation's configuration file at the project root, `registre.config.yml`. */
export const defaultSiteConfigPath = fileURLToPath(
	new URL('../../registre.config.yml', import.meta.url),
);

/** The sample's configuration, read until the organisation has written its own. */
export const sampleSiteConfigPath = fileURLToPath(
	new URL('../../examples/clairval/registre.config.yml', import.meta.url),
);

/**
 * Path of the configuration the build and the scripts read: the file named by the
 * `REGISTRE_CONFIG` environment variable (to build a variant, e.g. in tests), else the
 * organisation's `registre.config.yml`, else the sample's.
 */
export const siteConfigPath = process.env.REGISTRE_CONFIG
	? resolve(process.env.REGISTRE_CONFIG)
	: existsSync(defaultSiteConfigPath)
		? defaultSiteConfigPath
		: sampleSiteConfigPath;

/** A configuration read from its text: valid, or every problem with its line. */
export type SiteConfigResult = { config: SiteConfig } | { problems: Problem[] };

/**
 * Parses and validates a configuration's text, read as registry files are (unique keys, no
 * custom tags); `path` names the file in the problems.
 */
export function parseSiteConfig(text: string, path: string): SiteConfigResult {
	const yaml = parseYaml(text);
	if (!('data' in yaml)) {
		const message = {
			fr: `YAML invalide : ${yaml.reason}`,
			en: `invalid YAML: ${yaml.reason}`,
		};
		return { problems: [{ path, line: yaml.line, field: '(file)', message }] };
	}
	const result = SiteConfigSchema.safeParse(yaml.data);
	if (result.success) return { config: result.data };
	const problems = result.error.issues.flatMap((issue) => configIssueProblems(path, yaml, issue));
	return { problems: problems.sort(compareProblems) };
}

/** An invalid configuration: its message lists each problem, in English then in French. */
export class SiteConfigError extends Error {
	readonly problems: readonly Problem[];

	constructor(problems: readonly Problem[]) {
		const file = problems[0]?.path ?? 'registre.config.yml';
		const lines = problems.flatMap((problem) => [
			formatProblem(problem, 'en'),
			`  ${problem.message.fr}`,
		]);
		super(
			`${file}: ${problems.length === 1 ? 'one setting' : `${problems.length} settings`} to fix / réglages à corriger\n${lines.join('\n')}`,
		);
		this.name = 'SiteConfigError';
		this.problems = problems;
	}
}

/** Reads and validates the configuration; throws a {@link SiteConfigError} naming each problem. */
export function loadSiteConfig(path: string = siteConfigPath): SiteConfig {
	const result = parseSiteConfig(readFileSync(path, 'utf8'), displayPath(path));
	if ('problems' in result) throw new SiteConfigError(result.problems);
	return result.config;
}

/** A path as people read it in a message: relative to the working folder when inside it. */
function displayPath(path: string): string {
	const shown = relative(process.cwd(), path);
	return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path;
}
