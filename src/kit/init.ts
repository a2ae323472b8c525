import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { parseSiteConfig, sampleSiteConfigPath } from '../config/load.ts';
import { findPlaceholders } from '../config/placeholders.ts';
import type { SiteConfig } from '../config/schema.ts';
import { repositoryUrl, sampleDir, siteAddress } from '../config/site.ts';
import { isProblem, parseEntryFile, serialiseEntry } from '../registry/entry-file.ts';
import { formatProblem, type Problem } from '../registry/problems.ts';
import type { Bilingual } from '../registry/schemas/index.ts';

/**
 * `npm run kit -- init`: makes a fork the organisation's in one step. It writes
 * `registre.config.yml` (the sample's, with the organisation's identity, demonstration off),
 * creates `registry/` (so the site stops showing the sample, which stays in `examples/`), and,
 * when AI drafts entries, scaffolds the first entry the organisation owes its readers: the
 * drafting assistant itself. The generated files follow (`generate`).
 */

/** What `init` asks for. */
export interface InitAnswers {
	/** The organisation's name in both languages. */
	name: Bilingual;
	/** The article the name takes in a sentence (`la`, `the`); none if left out. */
	article?: { fr: 'le' | 'la' | 'les' | 'l’' | ''; en: 'the' | '' };
	/** Its website. */
	website: string;
	/** Public contact for the registry (a team mailbox). */
	contactEmail: string;
	/** Where the site is published (origin only) and its sub-folder, if any. */
	siteUrl: string;
	base?: string;
	/**
	 * The site's languages, the root one first (`site.languages`, checked by the configuration's
	 * schema); French then English if left out.
	 */
	languages?: readonly string[];
	/** The GitHub repository: owner and name, and who reviews (`@org/team`). */
	owner: string;
	repository: string;
	maintainers?: string;
	/** Whether AI drafts entries (`false`: `drafting.provider: none`). */
	ai: boolean;
	/** What the legal notice needs; left out, the sample's stay and the build names each one. */
	legal?: {
		dpoEmail: string;
		/** Head office on one line, and switchboard number. */
		address: string;
		phone: string;
		/** Official identifier, e.g. `{ scheme: 'SIREN', value: '216901231' }`. */
		identifier: { scheme: string; value: string };
		/** Who is legally responsible for the publication (a role may do for the name). */
		director: { name: string; role: Bilingual };
	};
}

/** What `init` did, and the settings the organisation still has to give. */
export interface InitResult {
	written: string[];
	/** Example values left in the configuration, at their line: to replace before publishing. */
	toComplete: Problem[];
}

/** Why `init` refuses to run: it never overwrites an organisation's files. */
export class InitError extends Error {}

/** Writes the organisation's configuration and registry in `dir` (the project root). */
export async function initKit(dir: string, answers: InitAnswers): Promise<InitResult> {
	const configPath = join(dir, 'registre.config.yml');
	const registryPath = join(dir, 'registry');
	for (const path of [configPath, registryPath]) {
		if (existsSync(path)) {
			throw new InitError(
				`${path} already exists: init makes a fresh fork the organisation's and never overwrites its files.`,
			);
		}
	}
	const text = organisationConfig(await readFile(sampleSiteConfigPath, 'utf8'), answers);
	const parsed = parseSiteConfig(text, 'registre.config.yml');
	if ('problems' in parsed) {
		throw new InitError(parsed.problems.map((problem) => formatProblem(problem)).join('\n'));
	}
	await mkdir(dir, { recursive: true });
	await writeFile(configPath, text);
	const written = [configPath];
	await mkdir(join(registryPath, 'systems'), { recursive: true });
	if (answers.ai) {
		const path = join(registryPath, 'systems', 'assistant-redaction-registre.mdx');
		await writeFile(path, await assistantEntry(parsed.config));
		written.push(path);
	} else {
		// Git keeps no empty folder: this one says where entries go.
		const path = join(registryPath, 'systems', '.gitkeep');
		await writeFile(path, '');
		written.push(path);
	}
	return { written, toComplete: findPlaceholders(text, 'registre.config.yml') };
}

/** The sample's configuration with the organisation's identity, comments kept. */
export function organisationConfig(sample: string, answers: InitAnswers): string {
	const document = parseDocument(sample);
	document.setIn(['organisation', 'name', 'fr'], answers.name.fr);
	document.setIn(['organisation', 'name', 'en'], answers.name.en);
	if (answers.article) document.setIn(['organisation', 'article'], answers.article);
	else document.deleteIn(['organisation', 'article']);
	document.setIn(['organisation', 'url'], answers.website);
	document.setIn(['organisation', 'contactEmail'], answers.contactEmail);
	document.setIn(['site', 'url'], answers.siteUrl);
	if (answers.base) document.setIn(['site', 'base'], answers.base);
	if (answers.languages) {
		document.setIn(['site', 'languages'], document.createNode([...answers.languages]));
	}
	document.setIn(['site', 'title', 'fr'], `Registre de l’IA — ${answers.name.fr}`);
	document.setIn(['site', 'title', 'en'], `AI register — ${answers.name.en}`);
	document.deleteIn(['site', 'demo']);
	document.setIn(['repository', 'owner'], answers.owner);
	document.setIn(['repository', 'name'], answers.repository);
	if (answers.maintainers) document.setIn(['repository', 'maintainers'], answers.maintainers);
	else document.deleteIn(['repository', 'maintainers']);
	if (!answers.ai) document.set('drafting', document.createNode({ provider: 'none' }));
	if (answers.legal) {
		const { dpoEmail, address, phone, identifier, director } = answers.legal;
		document.setIn(['organisation', 'dpoEmail'], dpoEmail);
		document.setIn(['organisation', 'address'], address);
		document.setIn(['organisation', 'phone'], phone);
		document.setIn(['organisation', 'identifier', 'scheme'], identifier.scheme);
		document.setIn(['organisation', 'identifier', 'value'], identifier.value);
		document.setIn(['legal', 'director', 'name'], director.name);
		document.setIn(['legal', 'director', 'role', 'fr'], director.role.fr);
		document.setIn(['legal', 'director', 'role', 'en'], director.role.en);
	}
	// The sample's header and its note on its fictional identifier speak of the sample.
	const body = document
		.toString({ lineWidth: 0 })
		.replace(/^(#.*\n)+\n?/, '')
		.replace(/^ *# Clairval is fictional\.\n/m, '');
	const header = [
		`# Identity of ${answers.name.en}, which publishes this register (written by \`npm run kit -- init\`).`,
		'# Checked at build time by src/config/schema.ts; every setting is documented there and on the',
		'# "Adopt the kit" page. After a change, run `npm run kit -- generate` (issue forms, CODEOWNERS).',
	];
	return `${header.join('\n')}\n${body}`;
}

/** Where a provider preset runs the model, as the registry's vocabularies say it, by default. */
const presetHosting: Record<string, { type: string; residency: string }> = {
	albert: { type: 'public-sector-cloud', residency: 'france' },
	mistral: { type: 'supplier-cloud', residency: 'eu' },
	ollama: { type: 'on-premises', residency: 'unknown' },
};

/**
 * The drafting assistant's entry, from the sample's own and the configuration: an organisation
 * that drafts with AI runs this system from its first day. What only the organisation knows (the
 * provider's retention and training terms, the team) is worded generically, for it to review.
 */
async function assistantEntry(config: SiteConfig): Promise<string> {
	const path = join(sampleDir, 'registry', 'systems', 'assistant-redaction-registre.mdx');
	const file = parseEntryFile(path, await readFile(path, 'utf8'));
	if (isProblem(file)) throw new InitError(formatProblem(file));
	// What named the sample's own entries, dates and suppliers is left out.
	const sampleOnly = new Set([
		'models',
		'processingRecords',
		'assessments',
		'provenance',
		'legalBasis',
	]);
	const data = Object.fromEntries(
		Object.entries(structuredClone(file.data) as Record<string, unknown>).filter(
			([key]) => !sampleOnly.has(key),
		),
	);
	const today = new Date().toISOString().slice(0, 10);
	const next = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
	const { drafting, organisation } = config;
	const site = siteAddress(config.site);
	Object.assign(data, {
		startDate: today,
		website: new URL('assistant-ia/', site).href,
		owner: {
			unit: { fr: 'Équipe du registre de l’IA', en: 'AI register team' },
			role: { fr: 'Responsable du registre', en: 'Head of the register' },
		},
		contact: {
			email: organisation.contactEmail,
			url: repositoryUrl(config.repository, '/issues'),
		},
		suppliers: [
			{
				name: drafting.providerName.fr,
				role: {
					fr: `Fait tourner le modèle de langage (${drafting.model}) qui rédige les brouillons.`,
					en: `Runs the language model (${drafting.model}) that writes the drafts.`,
				},
			},
			{
				name: 'GitHub, Inc.',
				role: {
					fr: 'Héberge le dépôt, ses tickets et ses demandes de fusion, et exécute les automatismes qui rédigent et publient.',
					en: 'Hosts the repository, its issues and pull requests, and runs the automated jobs that draft and publish.',
				},
				url: 'https://github.com/',
			},
		],
		sourceCode: { url: repositoryUrl(config.repository) },
		generativeAi: {
			...(data['generativeAi'] as Record<string, unknown>),
			hosting: presetHosting[drafting.provider] ?? { type: 'supplier-cloud', residency: 'unknown' },
			retention: {
				fr: `Le texte envoyé au modèle suit les conditions de conservation de ${drafting.providerName.fr} (${drafting.hosting.fr}). Il reste visible 90 jours dans les journaux de GitHub Actions du dépôt.`,
				en: `The text sent to the model follows ${drafting.providerName.en}’s retention terms (${drafting.hosting.en}). It stays visible for 90 days in the repository’s GitHub Actions logs.`,
			},
		},
		review: { last: today, next },
		// Written first in the site's root language; the other one is the sample's own translation.
		language: { original: config.site.languages[0], translation: 'human' },
	});
	return serialiseEntry(data, file.body);
}
