/**
 * Build-and-inspect tests of what issue 12 added for readers: the registry home with its charts
 * and tables, each entry's data as JSON, the alternates in every page's head, robots.txt, and
 * the entry pages' key-facts card, menu and marks of AI-filled fields.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registryDir } from '../../src/config/site.ts';
import { useRegistryTranslations } from '../../src/i18n/registry.ts';
import { entryKinds, kindOf, kinds, type EntryKind } from '../../src/registry/kinds/index.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import {
	allPages,
	attr,
	basePath,
	config,
	distDir,
	internalUrl,
	must,
	pageAt,
	select,
	selectAll,
	siteRoot,
	textContent,
	type Page,
} from './dist.ts';

const registry = await loadRegistry(registryDir);
const languages = [
	{ lang: 'fr', prefix: '' },
	{ lang: 'en', prefix: '/en' },
] as const;
const distFile = (name: string) => readFileSync(join(distDir, name), 'utf8');
const page = (path: string) => must(pageAt(new URL(`${siteRoot}${path}`)), path);
const entryPage = (kind: EntryKind, id: string, prefix: string) =>
	page(`${prefix}/registre/${kindOf(kind).segment}/${id}/`);

describe('the registry home', () => {
	it.each(languages)(
		'exists in $lang, counts every kind and links to its index',
		({ lang, prefix }) => {
			const home = page(`${prefix}/registre/`);
			const t = useRegistryTranslations(lang);
			expect(textContent(must(select(home.document, 'h1'), 'h1'))).toBe(t('home.title'));
			const tiles = selectAll(home.document, '.registry-home-kinds a');
			expect(tiles.map((a) => attr(a, 'href'))).toEqual(
				kinds.map((kind) => `${basePath}${prefix}/registre/${kind.segment}/`),
			);
			for (const [i, kind] of kinds.entries()) {
				expect(textContent(must(tiles[i], 'tile'))).toContain(String(registry[kind.name].length));
			}
		},
	);

	it.each(languages)(
		'draws each chart as a named SVG image followed by its table ($lang)',
		({ prefix }) => {
			const home = page(`${prefix}/registre/`);
			const charts = selectAll(home.document, 'figure[data-chart]');
			const expected = kinds.flatMap((kind) => [
				...(kind.home?.charts ?? []).map((name) => `${kind.name}-${name}`),
				...(kind.home?.mostUsedBy ? [`${kind.name}-most-used`] : []),
			]);
			expect(charts.map((chart) => attr(chart, 'data-chart'))).toEqual(expected);
			for (const chart of charts) {
				const svg = must(select(chart, 'svg[role="img"]'), 'svg');
				const title = must(select(svg, 'title'), 'title');
				expect(attr(svg, 'aria-labelledby')).toBe(attr(title, 'id'));
				expect(textContent(title).length).toBeGreaterThan(0);
				const desc = must(select(svg, 'desc'), 'desc');
				expect(attr(svg, 'aria-describedby')).toBe(attr(desc, 'id'));
				const table = must(select(chart, 'table'), 'table');
				expect(textContent(must(select(table, 'caption'), 'caption'))).toBe(textContent(title));
				const rows = selectAll(table, 'tbody tr');
				expect(rows.length).toBe(selectAll(svg, 'g').length);
				// Colours come from the stylesheet (both themes), never from attributes.
				expect(selectAll(svg, '[fill], [style]')).toEqual([]);
			}
		},
	);

	it('counts the systems by risk class as the entries say, linking to the filtered index', () => {
		const home = page('/registre/');
		const risk = must(select(home.document, 'figure[data-chart="systems-risk"]'), 'risk chart');
		const highRisk = registry.systems.filter((s) => s.data.aiAct.riskClass === 'high-risk');
		const label = registry.vocabularies
			.get('risk-classes')
			?.values.find((value) => value.key === 'high-risk')?.label.fr;
		const row = must(
			selectAll(risk, 'tbody tr').find((tr) => textContent(tr).includes(label ?? '?')),
			'high-risk row',
		);
		expect(textContent(must(select(row, 'td'), 'count'))).toBe(String(highRisk.length));
		if (highRisk.length > 0) {
			expect(attr(must(select(row, 'a'), 'link'), 'href')).toBe(
				`${basePath}/registre/systemes/?risk=high-risk`,
			);
		}
	});

	it('is linked from the home page and from the sidebar, in both languages', () => {
		for (const { prefix } of languages) {
			const target = `${basePath}${prefix}/registre/`;
			const leadsHome = (html: Page, selector: string) =>
				selectAll(html.document, selector).some(
					(a) => internalUrl(html, attr(a, 'href') ?? '')?.pathname === target,
				);
			expect(leadsHome(page(`${prefix}/`), 'main a')).toBe(true);
			expect(leadsHome(page(`${prefix}/charte/`), 'nav a')).toBe(true);
		}
	});
});

describe('each entry as JSON', () => {
	it.each(entryKinds)('gives every %s entry one file, the data registry.json holds', (kind) => {
		const document = JSON.parse(distFile('registry.json')) as Record<string, { id: string }[]>;
		for (const entry of registry[kind]) {
			const file = `registre/${kindOf(kind).segment}/${entry.id}.json`;
			const data = JSON.parse(distFile(file)) as unknown;
			expect(data).toEqual(document[kind]?.find((item) => item.id === entry.id));
			for (const { prefix } of languages) {
				const html = entryPage(kind, entry.id, prefix);
				const href = `${basePath}/${file}`;
				const alternate = selectAll(
					html.document,
					'head link[rel="alternate"][type="application/json"]',
				);
				expect(alternate.map((link) => attr(link, 'href'))).toEqual([href]);
				const download = must(select(html.document, 'main a[data-entry-json]'), 'download');
				expect(attr(download, 'href')).toBe(href);
				expect(attr(download, 'download')).toBe(`${entry.id}.json`);
			}
		}
	});
});

describe('the head of every page', () => {
	it('announces the Atom feed of the page’s language, and JSON only on entry pages', () => {
		const pages = allPages();
		expect(pages.length).toBeGreaterThan(20);
		for (const html of pages) {
			const feeds = selectAll(
				html.document,
				'head link[rel="alternate"][type="application/atom+xml"]',
			);
			const feed = `${basePath}${html.urlLang === 'en' ? '/en' : ''}/registry.atom`;
			expect(
				feeds.map((link) => attr(link, 'href')),
				html.path,
			).toEqual([feed]);
			expect(attr(must(feeds[0], 'feed link'), 'title')).toBe(
				useRegistryTranslations(html.urlLang)('feed.title', {
					site: config.site.title[html.urlLang],
				}),
			);
			const json = selectAll(html.document, 'head link[type="application/json"]');
			const isEntry =
				/\/registre\/[a-z-]+\/[a-z0-9-]+\/$/.test(html.path) && !/\/page\/\d+\/$/.test(html.path);
			expect(json.length, html.path).toBe(isEntry ? 1 : 0);
		}
		for (const feed of ['registry.atom', 'en/registry.atom'])
			expect(distFile(feed)).toContain('<feed');
	});
});

describe('robots.txt', () => {
	it('lets every page be crawled and names the sitemap at the site’s address', () => {
		const text = distFile('robots.txt');
		expect(text).toMatch(/^User-agent: \*$/m);
		expect(text).toMatch(/^Allow: \/$/m);
		const sitemap = /^Sitemap: (.+)$/m.exec(text)?.[1] ?? '';
		expect(sitemap).toBe(`${siteRoot}/sitemap-index.xml`);
		expect(distFile('sitemap-index.xml')).toContain('<sitemapindex');
	});
});

describe('entry pages that read top-down', () => {
	const system = (id: string, prefix: string): Page => entryPage('systems', id, prefix);

	it('open on the key-facts card, then a menu of the sections shown', () => {
		for (const entry of registry.systems) {
			for (const { lang, prefix } of languages) {
				const html = system(entry.id, prefix);
				const content = must(select(html.document, '.sl-markdown-content'), 'content');
				const card = must(select(content, '.entry-card'), 'card');
				const labels = selectAll(card, '.entry-facts > dt').map(textContent);
				const t = useRegistryTranslations(lang);
				// Status, risk class, automation, approach, review and language in every system's card.
				for (const expected of [t('entry.language')]) expect(labels).toContain(expected);
				expect(labels.length).toBeGreaterThanOrEqual(6);
				const menu = must(select(content, 'nav.entry-menu'), 'menu');
				const targets = selectAll(menu, 'a').map((a) => attr(a, 'href'));
				const sections = selectAll(content, 'section > h2[id]').map((h2) => `#${attr(h2, 'id')}`);
				expect(targets).toEqual(sections);
				const order = (node: object) => content.children.indexOf(node as never);
				expect(order(card)).toBeLessThan(order(menu));
			}
		}
	});

	it('mark each field the AI filled in where it stands, as the review guide words it', () => {
		const drafted = registry.systems.filter((entry) =>
			Object.values(entry.data.provenance?.fields ?? {}).includes('ai'),
		);
		expect(drafted.length).toBeGreaterThan(0);
		for (const entry of registry.systems) {
			for (const { lang, prefix } of languages) {
				const t = useRegistryTranslations(lang);
				const marks = selectAll(system(entry.id, prefix).document, '.entry-ai');
				const ai = Object.values(entry.data.provenance?.fields ?? {}).filter((o) => o === 'ai');
				if (ai.length === 0) expect(marks).toEqual([]);
				else expect(marks.length).toBeGreaterThanOrEqual(ai.length);
				for (const mark of marks) expect(textContent(mark)).toBe(t('entry.ai'));
			}
		}
		const guide = readFileSync(join('content/docs/guide-relecture.mdx'), 'utf8');
		expect(guide).toContain('remplis par l’IA');
		expect(readFileSync('content/docs/en/guide-relecture.mdx', 'utf8')).toContain(
			'filled in by the AI',
		);
	});
});
