/**
 * The baseline of the site benchmark: a bare Starlight project with the same locales, a small
 * fixed sidebar and one plain Markdown page per registry entry and language, holding the same
 * record's text (title and every bilingual text as paragraphs). It lives inside the project so it
 * resolves Astro and Starlight from the project's `node_modules`.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { readKindFiles } from '../../../src/registry/load.ts';
import { kinds } from '../../../src/registry/kinds/index.ts';

type Language = 'fr' | 'en';

/** One sidebar link per kind, named and placed as on the real site. */
const kindLinks = kinds
	.map(
		(kind) =>
			`\t\t\t\t\t\t${JSON.stringify({ label: kind.nouns.all.fr, translations: { en: kind.nouns.all.en }, link: `/registre/${kind.segment}/` })},`,
	)
	.join('\n');

const config = `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
	site: 'https://bare.example',
	trailingSlash: 'always',
	integrations: [
		starlight({
			title: { fr: 'Registre de base', en: 'Bare registry' },
			defaultLocale: 'root',
			locales: {
				root: { label: 'Français', lang: 'fr' },
				en: { label: 'English', lang: 'en' },
			},
			sidebar: [
				{
					label: 'Registre',
					translations: { en: 'Registry' },
					items: [
${kindLinks}
						{ label: 'Référence des champs', translations: { en: 'Field reference' }, link: '/registre/champs/' },
						{ label: 'Données ouvertes', translations: { en: 'Open data' }, link: '/donnees-ouvertes/' },
					],
				},
				{
					label: 'Charte et documentation',
					translations: { en: 'Charter and documentation' },
					items: [
						{ label: 'Charte', translations: { en: 'Charter' }, link: '/charte/' },
						{ label: 'Assistant IA', translations: { en: 'AI assistant' }, link: '/assistant-ia/' },
						{ label: 'Conditions', translations: { en: 'Terms' }, link: '/conditions-utilisation/' },
					],
				},
				{
					label: 'Contribuer',
					translations: { en: 'Contribute' },
					items: [
						{ label: 'Contribuer', translations: { en: 'Contribute' }, link: '/contribuer/' },
						{ label: 'Relecture', translations: { en: 'Review' }, link: '/guide-relecture/' },
						{ label: 'Adopter', translations: { en: 'Adopt' }, link: '/adopter/' },
					],
				},
			],
		}),
	],
});
`;

const contentConfig = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

/** A plain page: its title and paragraphs in one language, and the entry's notes if any. */
export interface PlainPage {
	title: string;
	paragraphs: string[];
	/** Markdown of the entry body's block in this language (or the other), as written. */
	notes?: string;
}

function isText(value: unknown): value is Partial<Record<Language, string>> {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
	const keys = Object.keys(value);
	return (
		keys.length > 0 &&
		keys.every((key) => key === 'fr' || key === 'en') &&
		Object.values(value).every((v) => typeof v === 'string')
	);
}

/** Every bilingual text of an entry's data, in document order, in a language (or the other). */
function texts(value: unknown, lang: Language, out: string[]): string[] {
	if (isText(value)) {
		const text = value[lang] ?? value[lang === 'fr' ? 'en' : 'fr'];
		if (text) out.push(text);
	} else if (Array.isArray(value)) {
		for (const item of value) texts(item, lang, out);
	} else if (value && typeof value === 'object') {
		for (const item of Object.values(value)) texts(item, lang, out);
	}
	return out;
}

type Data = Record<string, unknown>;

/** The Markdown inside an entry body's `<Fr>` or `<En>` block, if there is one. */
function bodyBlock(body: string, lang: Language): string | undefined {
	const tag = lang === 'fr' ? 'Fr' : 'En';
	return new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`).exec(body)?.[1];
}

/**
 * The plain page of an entry in a language: its name, then its texts, then the notes of its body,
 * falling back to the other language as the site does.
 */
export function plainPage(data: Data, body: string, lang: Language): PlainPage {
	const name = data.name;
	const title = isText(name)
		? (name[lang] ?? name.fr ?? name.en ?? String(data.id))
		: String(name ?? data.id);
	const paragraphs = texts({ ...data, name: undefined }, lang, [])
		.flatMap((text) => text.split(/\n\s*\n/))
		.map((text) => text.trim())
		.filter(Boolean);
	const notes = bodyBlock(body, lang) ?? bodyBlock(body, lang === 'fr' ? 'en' : 'fr');
	return { title, paragraphs, ...(notes && { notes }) };
}

/** Escapes Markdown syntax so a text renders as itself (backslash escapes of ASCII punctuation). */
function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_{}[\]<>()#+!|~&]/g, '\\$&').replace(/^(\s*)(\d+)\./, '$1$2\\.');
}

function pageFile(page: PlainPage): string {
	const paragraphs = [...page.paragraphs.map(escapeMarkdown), ...(page.notes ? [page.notes] : [])];
	return `---\n${stringify({ title: page.title })}---\n\n${paragraphs.join('\n\n')}\n`;
}

/**
 * Writes the bare project in `root` from the entries of `registryDir`: one page per entry and
 * language at the same path as the real site (`/registre/systemes/<id>/`, `/en/…`), plus a home
 * page per language. Returns how many pages it wrote.
 */
export async function writeBareSite(root: string, registryDir: string): Promise<number> {
	await rm(root, { recursive: true, force: true });
	const docs = join(root, 'src', 'content', 'docs');
	await mkdir(docs, { recursive: true });
	await writeFile(join(root, 'astro.config.mjs'), config);
	await writeFile(join(root, 'src', 'content.config.ts'), contentConfig);
	// Astro finds the packages that ship `.astro` files (Starlight) through these dependencies.
	const dependencies = { astro: '*', '@astrojs/starlight': '*' };
	await writeFile(
		join(root, 'package.json'),
		`${JSON.stringify({ private: true, type: 'module', dependencies }, null, '\t')}\n`,
	);
	const files: { path: string; text: string }[] = [];
	for (const lang of ['fr', 'en'] as const) {
		const home = { title: lang === 'fr' ? 'Accueil' : 'Home', paragraphs: ['Registre.'] };
		files.push({
			path: join(lang === 'fr' ? docs : join(docs, 'en'), 'index.md'),
			text: pageFile(home),
		});
	}
	// Every kind, at its URL segment as on the real site, so paths match page for page.
	for (const { name: kind, segment } of kinds) {
		for (const file of await readKindFiles(registryDir, kind)) {
			if (!file.name.endsWith('.mdx')) continue;
			const id = file.name.slice(0, -'.mdx'.length);
			const [, yaml = '', body = ''] =
				/^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(file.text) ?? [];
			const frontmatter = parse(yaml) as Data;
			for (const lang of ['fr', 'en'] as const) {
				const dir = join(lang === 'fr' ? docs : join(docs, 'en'), 'registre', segment);
				files.push({
					path: join(dir, `${id}.md`),
					text: pageFile(plainPage(frontmatter, body, lang)),
				});
			}
		}
	}
	for (const dir of new Set(files.map((file) => dirname(file.path)))) {
		await mkdir(dir, { recursive: true });
	}
	// A few writes at a time keep the disk busy without opening thousands of files at once.
	let next = 0;
	const worker = async () => {
		for (let file = files[next++]; file; file = files[next++])
			await writeFile(file.path, file.text);
	};
	await Promise.all(Array.from({ length: 32 }, worker));
	const pages = files.length;
	return pages;
}
