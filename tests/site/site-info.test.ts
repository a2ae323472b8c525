/**
 * The pages a French public body's site must have, and what every page carries because of them:
 * the footer's links, the demonstration banner, the glossary's anchors, the site map. Then two
 * variant builds from a copy of the configuration (`REGISTRE_CONFIG`): one that forgot to replace
 * the example values, which must fail, and one with an audit, whose statement must follow it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'ultrahtml';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleSiteConfigPath } from '../../src/config/load.ts';
import { ui } from '../../src/i18n/ui.ts';
import {
	allPages,
	attr,
	basePath,
	config,
	idsOf,
	internalUrl,
	linksOf,
	must,
	pageAt,
	resolveToFile,
	select,
	selectAll,
	siteRoot,
	textContent,
	wordCount,
	type Page,
} from './dist.ts';

/** The pages this suite is about, by slug; the same slug in both languages. */
const infoSlugs = [
	'accessibilite',
	'mentions-legales',
	'donnees-personnelles',
	'glossaire',
	'plan-du-site',
];
const languages = ['fr', 'en'] as const;
const pages = allPages();

const pathOf = (slug: string, lang: 'fr' | 'en') =>
	`${basePath}${lang === 'en' ? '/en' : ''}/${slug ? `${slug}/` : ''}`;
const pageOf = (slug: string, lang: 'fr' | 'en') =>
	must(pageAt(new URL(pathOf(slug, lang), siteRoot)), pathOf(slug, lang));
const contentOf = (page: Page) => must(select(page.document, '.sl-markdown-content'), page.path);

function problems(check: (page: Page) => string[]): string[] {
	return pages.flatMap((page) => check(page).map((problem) => `${page.path}: ${problem}`));
}

describe('information pages', () => {
	it.each(infoSlugs.flatMap((slug) => languages.map((lang) => [slug, lang] as const)))(
		'%s exists in %s with real content',
		(slug, lang) => {
			const page = pageOf(slug, lang);
			expect(attr(must(select(page.document, 'html'), 'html'), 'lang')).toBe(lang);
			expect(wordCount(textContent(contentOf(page)))).toBeGreaterThan(150);
		},
	);

	it.each(languages)('the accessibility statement has the RGAA’s parts (%s)', (lang) => {
		const text = textContent(contentOf(pageOf('accessibilite', lang)));
		const parts =
			lang === 'fr'
				? [
						'État de conformité',
						'non conforme',
						'Résultats des tests',
						'automatiques',
						'Contenus non accessibles',
						'Dérogations pour charge disproportionnée',
						'Environnement de test',
						'Technologies utilisées',
						'Retour d’information et contact',
						'Voies de recours',
						'Défenseur des droits',
						'Libre réponse 71120',
						'09 69 39 00 00',
					]
				: [
						'Compliance status',
						'not compliant',
						'Test results',
						'automated',
						'Content that is not accessible',
						'Derogations for disproportionate burden',
						'Test environment',
						'Technologies used',
						'Feedback and contact',
						'Remedies',
						'Défenseur des droits',
						'Libre réponse 71120',
						'9 69 39 00 00',
					];
		for (const part of parts) expect(text, part).toContain(part);
		// The forms are the organisation's own templates: a known limit with an e-mail alternative,
		// not a content it "does not control"; data files are no exemption of décret 2019-768.
		expect(text).toContain(lang === 'fr' ? 'Limite connue' : 'Known limit');
		expect(text).not.toMatch(
			/ne contrôle pas|neither develops nor controls|pas des pages web|not web pages/,
		);
		expect(text).toContain(
			lang === 'fr' ? 'Vérifications automatiques du kit' : 'Automated checks by the kit',
		);
		const state = must(
			select(contentOf(pageOf('accessibilite', lang)), '[data-conformity]'),
			'state',
		);
		expect(attr(state, 'data-conformity')).toBe('none');
	});

	it.each(languages)(
		'the legal notice names publisher, director, host and licences (%s)',
		(lang) => {
			const text = textContent(contentOf(pageOf('mentions-legales', lang)));
			for (const part of [
				config.organisation.name[lang],
				config.organisation.address,
				config.organisation.identifier.value,
				config.organisation.phone,
				config.legal.host.phone,
				config.legal.director.name,
				config.legal.director.role[lang],
				config.legal.host.name,
				config.legal.host.address,
				config.openData.licence.name[lang],
				config.legal.codeLicence.name[lang],
			]) {
				expect(text).toContain(part);
			}
			// The sample's licence is the Licence Ouverte, whose terms the notice states.
			expect(text).toContain(
				lang === 'fr' ? 'y compris à des fins commerciales' : 'commercially too',
			);
		},
	);

	it.each(languages)(
		'the personal-data page gives the DPO, GitHub’s role and the CNIL (%s)',
		(lang) => {
			const page = pageOf('donnees-personnelles', lang);
			const text = textContent(contentOf(page));
			expect(text).toContain(config.organisation.dpoEmail);
			expect(text).toContain('CNIL');
			expect(text).toContain(lang === 'fr' ? 'aucun cookie' : 'no cookie');
			expect(text).toContain('GitHub, Inc.');
			expect(text).toContain(lang === 'fr' ? 'hébergé sur GitHub Pages' : 'hosted on GitHub Pages');
			expect(text).toContain('EU–US Data Privacy Framework');
			const hrefs = linksOf(page).map(({ value }) => value);
			expect(hrefs).toContain('https://www.cnil.fr/fr/plaintes');
			expect(hrefs).toContain(`mailto:${config.organisation.dpoEmail}`);
		},
	);
});

describe('footer', () => {
	const expected = ['accessibility', 'legal', 'privacy', 'contact', 'open-data', 'glossary'];
	const more = ['site-map', 'source-code', 'licence'];

	it('is on every page, a labelled navigation landmark in the page’s language', () => {
		expect(
			problems((page) => {
				const nav = select(page.document, 'nav[data-site-footer]');
				if (!nav) return ['no site footer'];
				if (attr(nav, 'aria-label') !== ui[page.urlLang]['footer.label']) return ['footer label'];
				const names = selectAll(nav, 'a[data-footer-link]').map((a) => attr(a, 'data-footer-link'));
				return names.join() === [...expected, ...more].join() ? [] : [`links ${names.join()}`];
			}),
		).toEqual([]);
	});

	it('links resolve: pages of the same language, the contact address, the repository, the licence', () => {
		const { owner, name } = config.repository;
		expect(
			problems((page) =>
				selectAll(page.document, 'nav[data-site-footer] a').flatMap((a) => {
					const href = attr(a, 'href') ?? '';
					const link = attr(a, 'data-footer-link');
					if (link === 'contact')
						return href === `mailto:${config.organisation.contactEmail}` ? [] : [href];
					if (link === 'source-code')
						return href === `https://github.com/${owner}/${name}` ? [] : [href];
					if (link === 'licence') return href === config.openData.licence.url ? [] : [href];
					const url = internalUrl(page, href);
					const target = url && pageAt(url);
					if (!target) return [`${link} → ${href} missing`];
					return target.urlLang === page.urlLang ? [] : [`${link} → ${href} in another language`];
				}),
			),
		).toEqual([]);
	});

	it('states the conformity state, as the RGAA requires on every page', () => {
		expect(
			problems((page) => {
				const a = select(page.document, 'a[data-footer-link="accessibility"]');
				const state = ui[page.urlLang]['conformity.none'];
				return a && textContent(a).endsWith(state) ? [] : ['no conformity state'];
			}),
		).toEqual([]);
	});
});

describe('demonstration banner', () => {
	it('the sample is a demonstration, and every page says so in its language', () => {
		expect(config.site.demo).toBe(true);
		expect(
			problems((page) => {
				const banner = select(page.document, '[data-demo-banner]');
				if (!banner) return ['no demonstration banner'];
				const text = textContent(banner);
				const lead = (ui[page.urlLang]['demo.banner'].split('{')[0] ?? '').replace(/\s+/g, ' ');
				return text.startsWith(lead.trim()) && attr(banner, 'role') === 'note'
					? []
					: [`banner "${text}"`];
			}),
		).toEqual([]);
	});
});

describe('glossary', () => {
	const glossaryIds = new Map(
		languages.map((lang) => [pathOf('glossaire', lang), idsOf(pageOf('glossaire', lang))]),
	);

	it('defines the terms the issue asks for, each with an anchor', () => {
		for (const ids of glossaryIds.values()) {
			for (const id of [
				'assessment-types-dpia',
				'assessment-types-fria',
				'ai-act-roles-provider',
				'ai-act-roles-deployer',
				'risk-classes-high-risk',
				'annex-iii',
				'secnumcloud',
				'learning-types-supervised',
				'open-weights',
			]) {
				expect(ids, id).toContain(id);
			}
		}
	});

	it('every link into the glossary, from entries and the terms of use, reaches an anchor', () => {
		const broken = problems((page) =>
			linksOf(page).flatMap(({ value }) => {
				const url = internalUrl(page, value);
				const ids = url && glossaryIds.get(url.pathname);
				if (!url?.hash || !ids) return [];
				const id = decodeURIComponent(url.hash.slice(1));
				return ids.has(id) ? [] : [`${value}: no id "${id}" in the glossary`];
			}),
		);
		expect(broken).toEqual([]);
	});

	it('entry pages link their vocabulary labels to it, in their language', () => {
		const entries = pages.filter((page) => select(page.document, 'a[data-report-error]'));
		expect(entries.length).toBeGreaterThan(0);
		for (const page of entries) {
			const links = selectAll(page.document, 'a[data-glossary]');
			expect(links.length, page.path).toBeGreaterThan(0);
			for (const link of links) {
				expect(internalUrl(page, attr(link, 'href') ?? '')?.pathname).toBe(
					pathOf('glossaire', page.urlLang),
				);
			}
		}
	});

	it.each(languages)('the terms of use link to it (%s)', (lang) => {
		const page = pageOf('conditions-utilisation', lang);
		const targets = linksOf(page).map(({ value }) => internalUrl(page, value)?.pathname);
		expect(targets).toContain(pathOf('glossaire', lang));
	});
});

describe('site map', () => {
	it.each(languages)(
		'lists every page of its language but entries, and the registry indexes (%s)',
		(lang) => {
			const map = pageOf('plan-du-site', lang);
			const listed = new Set(
				selectAll(must(select(map.document, '[data-site-map]'), 'site map'), 'a').map(
					(a) => internalUrl(map, attr(a, 'href') ?? '')?.pathname,
				),
			);
			const expected = pages.filter(
				(page) =>
					page.urlLang === lang &&
					page.file.endsWith('index.html') &&
					!select(page.document, 'a[data-report-error]') &&
					!/\/(404|page\/\d+)\/$/.test(page.path) &&
					!/\/registre\/(systemes|modeles)\/[^/]+\/.+/.test(page.path),
			);
			expect(expected.length).toBeGreaterThan(15);
			expect(expected.map(({ path }) => path).filter((path) => !listed.has(path))).toEqual([]);
			for (const path of listed) expect(path && resolveToFile(path), path).toBeTruthy();
		},
	);
});

describe('a configuration variant (REGISTRE_CONFIG)', () => {
	const sample = readFileSync(sampleSiteConfigPath, 'utf8');
	const dir = mkdtempSync(join(tmpdir(), 'registre-variant-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	const build = (name: string, text: string) => {
		const path = join(dir, name);
		writeFileSync(path, text);
		return spawnSync('npx', ['astro', 'build', '--outDir', join(dir, `${name}.dist`)], {
			encoding: 'utf8',
			env: { ...process.env, NODE_ENV: 'production', REGISTRE_CONFIG: path },
			timeout: 300_000,
		});
	};

	it('with example values and no demonstration flag, fails the build naming each key', () => {
		const text = sample.replace(/^\s+demo: true\n/m, '\n');
		const result = build('no-demo.yml', text);
		const output = `${result.stdout}\n${result.stderr}`;
		expect(result.status, output.slice(-2000)).not.toBe(0);
		const line = text.split('\n').findIndex((row) => row.includes('contactEmail:')) + 1;
		const file = join(dir, 'no-demo.yml');
		expect(output).toContain(`${file}:${line}: organisation.contactEmail: « ia@clairval.example »`);
		expect(output).toContain(`${file}:${line}: organisation.contactEmail: "ia@clairval.example"`);
		expect(existsSync(join(dir, 'no-demo.yml.dist', 'index.html'))).toBe(false);
	});

	it('with an audit below 100 % and no non-conformity listed, fails the build saying so', () => {
		const text = sample.replace(
			/^accessibility:\n/m,
			"accessibility:\n  audit:\n    date: '2027-03-15'\n    auditor: Access42\n    rate: 80\n    scope: { fr: douze pages, en: twelve pages }\n",
		);
		const result = build('no-list.yml', text);
		const output = `${result.stdout}\n${result.stderr}`;
		expect(result.status, output.slice(-2000)).not.toBe(0);
		expect(output).toContain('accessibility.nonCompliant');
	});

	it('with an audit, the footer and the statement follow it; another licence is only named', () => {
		const text = sample
			.replace(
				/^accessibility:\n/m,
				[
					'accessibility:',
					'  audit:',
					"    date: '2027-03-15'",
					'    auditor: Todo & Co',
					'    rate: 87.5',
					'    scope: { fr: un échantillon de douze pages, en: a sample of twelve pages }',
					'    environment: { fr: NVDA 2024.4 avec Firefox 133, en: NVDA 2024.4 with Firefox 133 }',
					'  nonCompliant:',
					'    - fr: Certains graphiques, par exemple la carte, n’ont pas d’alternative.',
					'      en: Some charts, for example the map, have no alternative.',
					'',
				].join('\n'),
			)
			.replace(
				/^legal:\n/m,
				'legal:\n  contentLicence:\n    name: { fr: CC BY 4.0, en: CC BY 4.0 }\n    url: https://creativecommons.org/licenses/by/4.0/\n    spdx: CC-BY-4.0\n',
			);
		const result = build('audited.yml', text);
		expect(result.status, `${result.stdout}\n${result.stderr}`.slice(-2000)).toBe(0);
		const read = (file: string) =>
			parse(readFileSync(join(dir, 'audited.yml.dist', file), 'utf8')) as Page['document'];
		const fr = read('accessibilite/index.html');
		expect(attr(must(select(fr, '[data-conformity]'), 'state'), 'data-conformity')).toBe('partial');
		expect(textContent(fr)).toContain('87,5 % des critères');
		expect(textContent(fr)).toContain('Todo & Co');
		const frText = textContent(fr);
		expect(frText).toContain(
			'L’audit a été mené dans l’environnement suivant : NVDA 2024.4 avec Firefox 133.',
		);
		expect(frText).toContain('L’audit a porté sur un échantillon de douze pages.');
		expect(frText).toContain('Certains graphiques, par exemple la carte');
		expect(frText).not.toContain('aucune non-conformité');
		const legal = textContent(read('mentions-legales/index.html'));
		expect(legal).toContain('CC BY 4.0');
		// Texts under CC BY: only named; data still under the Licence Ouverte, with its terms once.
		expect(legal.split('y compris à des fins commerciales').length).toBe(2);
		const en = read('en/charte/index.html');
		expect(textContent(must(select(en, 'a[data-footer-link="accessibility"]'), 'footer'))).toBe(
			'Accessibility: partially compliant',
		);
	});
});
