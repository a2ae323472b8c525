import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSiteConfig } from '../config/load.ts';
import { loadVocabularies } from '../registry/vocabularies.ts';
import { templatesDir } from './form-templates.ts';
import { issueTemplates, templateText, type FormContext } from './issue-forms.ts';

/** What the forms are generated from: the registry's vocabularies and the site configuration. */
export async function formContext(registryDir: string, configPath?: string): Promise<FormContext> {
	const { vocabularies, problems } = await loadVocabularies(registryDir);
	if (problems.length > 0) {
		throw new Error(
			`fix the vocabularies first: ${problems.map((p) => `${p.path}: ${p.message.en}`).join('; ')}`,
		);
	}
	const config = loadSiteConfig(configPath);
	return {
		vocabularies,
		aiAvailable: config.drafting.provider !== 'none',
		siteUrl: config.site.url,
		providerName: config.drafting.providerName,
		hosting: config.drafting.hosting,
	};
}

/** Rewrites the forms and the chooser's configuration; returns the files written. */
export async function writeIssueTemplates(
	registryDir: string,
	dir: string = templatesDir,
): Promise<string[]> {
	const templates = issueTemplates(await formContext(registryDir));
	await mkdir(dir, { recursive: true });
	const written: string[] = [];
	for (const [file, template] of Object.entries(templates)) {
		const path = join(dir, file);
		await writeFile(path, templateText(template));
		written.push(path);
	}
	return written;
}
