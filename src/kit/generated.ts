import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SiteConfig } from '../config/schema.ts';
import { maintainersOf } from '../config/site.ts';
import { formContext } from '../drafting/form-context.ts';
import { issueTemplates, templateText } from '../drafting/issue-forms.ts';
import { templatesDir } from '../drafting/form-templates.ts';

/**
 * The files the kit generates from the configuration and the schemas: the issue forms, their
 * chooser's `config.yml` and `.github/CODEOWNERS`. Committed (GitHub reads them from the
 * repository), never edited by hand: `npm run kit -- generate` rewrites them and
 * `npm run kit -- generate --check` (in CI) fails with that command when a copy is stale.
 */

/** Command that rewrites the generated files. */
export const generateCommand = 'npm run kit -- generate';

/** Header of every generated file, saying where it comes from. */
const header = `# Generated from registre.config.yml and the schemas by \`${generateCommand}\`: do not edit.\n`;

/** `.github/CODEOWNERS`: the maintainers review the registry and whatever decides what is published. */
export function codeOwners(config: SiteConfig): string {
	const owners = maintainersOf(config.repository);
	const paths = ['/registry/', '/registre.config.yml', '/content/', '/.github/', '/src/github/'];
	return [
		header.trimEnd(),
		'# Require code owner reviews in the branch protection of the published branch.',
		'# https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners',
		'',
		...paths.map((path) => `${path} ${owners}`),
		'',
	].join('\n');
}

/** Every generated file, by path from the project root, with its text. */
export async function generatedFiles(
	registryDir: string,
	config: SiteConfig,
): Promise<Map<string, string>> {
	const files = new Map<string, string>();
	const templates = issueTemplates(await formContext(registryDir, config));
	for (const [file, template] of Object.entries(templates)) {
		files.set(join(templatesDir, file), templateText(template));
	}
	files.set('.github/CODEOWNERS', codeOwners(config));
	return files;
}

/** Rewrites every generated file; returns their paths. */
export async function writeGeneratedFiles(registryDir: string, config: SiteConfig) {
	const files = await generatedFiles(registryDir, config);
	for (const [path, text] of files) {
		await mkdir(dirname(path), { recursive: true });
		await writeFile(path, text);
	}
	return [...files.keys()];
}

/** The generated files whose committed copy differs from what the configuration gives. */
export async function staleGeneratedFiles(
	registryDir: string,
	config: SiteConfig,
): Promise<string[]> {
	const stale: string[] = [];
	for (const [path, text] of await generatedFiles(registryDir, config)) {
		const committed = await readFile(path, 'utf8').catch(() => undefined);
		if (committed !== text) stale.push(path);
	}
	return stale;
}
