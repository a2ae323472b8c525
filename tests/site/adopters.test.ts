/**
 * Adopting organisations, set up as the adopt guide says (`npm run kit -- init`), each built as
 * its fork would be: its own registry at the domain root, an empty registry without AI, a site
 * under a sub-path, and an English-speaking company with English at the root (French under
 * `/fr/`, or no French at all). The site builds, carries the organisation's identity and none of
 * the sample's, every internal link resolves, and what it says about AI is true.
 */
import { productionBuildEnv } from './build-env.ts';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initKit, type InitAnswers } from '../../src/kit/init.ts';
import type { Language } from '../../src/registry/schemas/index.ts';
import { saintAubin } from '../kit/answers.ts';
import { listHtmlFiles } from './dist.ts';

const work = mkdtempSync(join(tmpdir(), 'adopters-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Sets up an organisation with `init` in its own folder and builds its site; returns `dist`. */
async function buildFork(name: string, answers: InitAnswers): Promise<string> {
	const dir = join(work, name);
	await initKit(dir, answers);
	const dist = join(dir, 'dist');
	const build = spawnSync('npx', ['astro', 'build', '--outDir', dist], {
		encoding: 'utf8',
		env: productionBuildEnv({
			REGISTRE_CONFIG: join(dir, 'registre.config.yml'),
			REGISTRY_DIR: join(dir, 'registry'),
		}),
	});
	if (build.status !== 0) {
		throw new Error(`the ${name} site did not build:\n${build.stdout}\n${build.stderr}`);
	}
	return dist;
}

/** The internal links of every page that lead to no file of the build. */
function brokenLinks(dist: string, base: string): string[] {
	const broken = new Set<string>();
	for (const file of listHtmlFiles(dist)) {
		const html = readFileSync(join(dist, file), 'utf8');
		for (const [, href = ''] of html.matchAll(/\shref="(\/[^"#?]*)/g)) {
			if (!href.startsWith(`${base}/`)) {
				broken.add(`${file}: ${href} (outside ${base || '/'})`);
				continue;
			}
			const path = join(dist, href.slice(base.length));
			const target = href.endsWith('/') ? join(path, 'index.html') : path;
			if (!existsSync(target)) broken.add(`${file}: ${href}`);
		}
	}
	return [...broken];
}

const text = (dist: string, path: string) => readFileSync(join(dist, path), 'utf8');

const atRoot: InitAnswers = { ...saintAubin, siteUrl: 'https://ia.saint-aubin.fr' };
delete atRoot.base;
const company: InitAnswers = {
	...atRoot,
	name: { fr: 'Northwind Logistique', en: 'Northwind Logistics' },
	article: { fr: '', en: '' },
	languages: ['en', 'fr'],
};
const forks: Record<'own' | 'empty' | 'subPath' | 'englishFirst' | 'englishOnly', InitAnswers> = {
	own: atRoot,
	empty: { ...atRoot, ai: false },
	subPath: saintAubin,
	englishFirst: company,
	englishOnly: { ...company, languages: ['en'] },
};
/** The language at the fork's root. */
const rootLanguage = (name: keyof typeof forks) => (forks[name].languages?.[0] ?? 'fr') as Language;
const dists: Partial<Record<keyof typeof forks, string>> = {};

beforeAll(async () => {
	for (const [name, answers] of Object.entries(forks)) {
		dists[name as keyof typeof forks] = await buildFork(name, answers);
	}
}, 900_000);

describe.each(Object.keys(forks) as (keyof typeof forks)[])('the %s fork', (name) => {
	const base = forks[name].base ?? '';
	const dist = () => dists[name] ?? '';

	it('carries its own identity and nothing of the sample', () => {
		const home = text(dist(), 'index.html');
		expect(home).toContain(forks[name].name[rootLanguage(name)]);
		// The adopt guide names the sample to explain it; no other page may.
		const pages = listHtmlFiles(dist()).filter((file) => !/(^|\/)adopter\//.test(file));
		for (const file of pages) expect(text(dist(), file), file).not.toMatch(/Clairval/);
		expect(text(dist(), 'registry.json')).not.toMatch(/clairval/i);
	});

	it('has every internal link resolve, under its base path', () => {
		expect(brokenLinks(dist(), base)).toEqual([]);
	});

	it('says what is true of AI drafting', () => {
		const contribute = text(dist(), 'contribuer/index.html');
		const noAiBox =
			rootLanguage(name) === 'fr' ? 'Ne pas rédiger avec l’IA' : 'Do not draft with AI';
		if (forks[name].ai) {
			expect(contribute).toContain(noAiBox);
		} else {
			expect(contribute).not.toMatch(/Ne pas rédiger avec l’IA|assistant d’IA/);
		}
	});
});

describe('the forks’ registries', () => {
	it('list the first entry init wrote, or none', () => {
		expect(text(dists.own ?? '', 'registre/systemes/index.html')).toContain(
			'href="/registre/systemes/assistant-redaction-registre/"',
		);
		expect(existsSync(join(dists.empty ?? '', 'registre/systemes/index.html'))).toBe(true);
		expect(JSON.parse(text(dists.empty ?? '', 'registry.json')).systems).toEqual([]);
	});
});

/** The `lang` of a page's `<html>` element. */
const pageLang = (dist: string, path: string) => /<html lang="([^"]+)"/.exec(text(dist, path))?.[1];

describe('languages by configuration', () => {
	it('serve the first language at the root and the other under its code, everywhere', () => {
		const dist = dists.englishFirst ?? '';
		const entry = 'registre/systemes/assistant-redaction-registre/index.html';
		for (const path of [
			'index.html',
			'charte/index.html',
			'registre/index.html',
			entry,
			'404.html',
		]) {
			expect(pageLang(dist, path), path).toBe('en');
			if (path !== '404.html') expect(pageLang(dist, `fr/${path}`), `fr/${path}`).toBe('fr');
		}
		expect(existsSync(join(dist, 'en'))).toBe(false);
		const home = text(dist, 'index.html');
		expect(home).toContain('hreflang="en" href="https://ia.saint-aubin.fr/"');
		expect(home).toContain('hreflang="fr" href="https://ia.saint-aubin.fr/fr/"');
		expect(home).toContain('<option value="/fr/"');
		// Each language's feed, announced by its pages and listed in the catalogue.
		expect(home).toMatch(
			/<link rel="alternate" type="application\/atom\+xml" href="\/registry\.atom"/,
		);
		expect(text(dist, 'fr/index.html')).toMatch(
			/type="application\/atom\+xml" href="\/fr\/registry\.atom"/,
		);
		expect(text(dist, 'registry.atom')).toMatch(/xml:lang="en"/);
		expect(text(dist, 'fr/registry.atom')).toMatch(/xml:lang="fr"/);
		const catalog = text(dist, 'catalog.jsonld');
		expect(catalog).toContain('https://ia.saint-aubin.fr/fr/registry.atom');
		expect(catalog).not.toContain('/en/registry.atom');
		// The not-found page served at every missing address sends /fr/… on to the French one.
		expect(text(dist, '404.html')).toContain('data-language-prefixes="fr/"');
		expect(text(dist, 'fr/404/index.html')).not.toContain('data-language-prefixes');
	});

	it('publish one language alone when it is the only one', () => {
		const dist = dists.englishOnly ?? '';
		expect(pageLang(dist, 'index.html')).toBe('en');
		expect(existsSync(join(dist, 'fr'))).toBe(false);
		expect(existsSync(join(dist, 'en'))).toBe(false);
		const home = text(dist, 'index.html');
		expect(home).not.toMatch(/hreflang="fr"|<option value="\/fr\/"/);
		// The home page no longer promises a French version.
		expect(home).not.toContain('in French and English');
		expect(text(dists.englishFirst ?? '', 'index.html')).toContain('in French and English');
		expect(text(dist, '404.html')).not.toMatch(/data-language-prefixes|lang="fr"/);
		expect(text(dist, 'catalog.jsonld')).not.toMatch(/\.fr\/fr\/registry\.atom/);
	});
});
