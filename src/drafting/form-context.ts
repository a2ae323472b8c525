import type { SiteConfig } from '../config/schema.ts';
import { siteAddress } from '../config/site.ts';
import { loadVocabularies } from '../registry/vocabularies.ts';
import type { FormContext } from './issue-forms.ts';

/** What the forms are generated from: the registry's vocabularies and the site configuration. */
export async function formContext(registryDir: string, config: SiteConfig): Promise<FormContext> {
	const { vocabularies, problems } = await loadVocabularies(registryDir);
	if (problems.length > 0) {
		throw new Error(
			`fix the vocabularies first: ${problems.map((p) => `${p.path}: ${p.message.en}`).join('; ')}`,
		);
	}
	return {
		vocabularies,
		aiAvailable: config.drafting.provider !== 'none',
		// The published site's address, with its base path when it lives in a sub-folder.
		siteUrl: siteAddress(config.site),
		providerName: config.drafting.providerName,
		hosting: config.drafting.hosting,
		languages: config.site.languages,
	};
}
