/**
 * Three adopting organisations, set up as the adopt guide says (`npm run kit -- init`), each
 * built as its fork would be: its own registry at the domain root, an empty registry without AI,
 * and a site under a sub-path. The site builds, carries the organisation's identity and none of
 * the sample's, every internal link resolves, and what it says about AI is true.
 */
import { productionBuildEnv } from './build-env.ts';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initKit, type InitAnswers } from '../../src/kit/init.ts';
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
const forks: Record<'own' | 'empty' | 'subPath', InitAnswers> = {
	own: atRoot,
	empty: { ...atRoot, ai: false },
	subPath: saintAubin,
};
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
		expect(home).toContain('Ville de Saint-Aubin');
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
		if (forks[name].ai) {
			expect(contribute).toContain('Ne pas rédiger avec l’IA');
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
