import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { principleKeys } from '../../src/components/principles.ts';
import { contentSecurityPolicy } from '../../src/config/csp.ts';
import { ui } from '../../src/i18n/ui.ts';
import {
	allPages,
	attr,
	basePath,
	config,
	counterpartPath,
	distDir,
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

/** The bilingual content pages, by slug (`''` is the home page); same slug in both languages. */
const contentSlugs = [
	'',
	'charte',
	'assistant-ia',
	'conditions-utilisation',
	'contribuer',
	'guide-relecture',
	'adopter',
	'donnees-ouvertes',
];

const pages = allPages();
const languages = ['fr', 'en'] as const;

/** URL path of a content page in a language. */
const contentPath = (slug: string, lang: 'fr' | 'en') =>
	`${basePath}${lang === 'en' ? '/en' : ''}/${slug ? `${slug}/` : ''}`;

/** Pages someone else builds (registry indexes, entries, field reference, open data). */
const isRegistryOutput = (pathname: string) =>
	/^\/(en\/)?(registre\/|registry\.|systems\.csv|models\.csv)/.test(
		pathname.slice(basePath.length),
	);

/** Runs a check over every page and returns one line per problem, so a failure lists them all. */
function problems(check: (page: Page) => string[]): string[] {
	return pages.flatMap((page) => check(page).map((problem) => `${page.path}: ${problem}`));
}

function htmlLang(page: Page): string | undefined {
	const html = select(page.document, 'html');
	return html && attr(html, 'lang');
}

function alternates(page: Page): Map<string, string> {
	const links = selectAll(page.document, 'link[rel="alternate"][hreflang]');
	return new Map(links.map((link) => [attr(link, 'hreflang') ?? '', attr(link, 'href') ?? '']));
}

describe('every page in dist/', () => {
	it('there are pages to check, the home page in both languages among them', () => {
		expect(resolveToFile(`${basePath}/`)).toBe('index.html');
		expect(resolveToFile(`${basePath}/en/`)).toBe('en/index.html');
		expect(pages.length).toBeGreaterThanOrEqual(contentSlugs.length * 2);
	});

	it('declares the language of its URL: fr at the root, en under /en/', () => {
		expect(
			problems((page) =>
				htmlLang(page) === page.urlLang ? [] : [`<html lang="${htmlLang(page)}">`],
			),
		).toEqual([]);
	});

	it('labels Starlight’s own controls in French as French writes them', () => {
		const labels = (page: Page) =>
			['starlight-theme-select', 'starlight-lang-select'].flatMap((control) =>
				selectAll(page.document, control).map((element) =>
					textContent(must(select(element, '.sr-only'), `${control}'s label`)),
				),
			);
		expect(
			problems((page) =>
				page.urlLang === 'fr' &&
				labels(page).some((label) => !/^Choisir (le thème|la langue)$/.test(label))
					? [labels(page).join(' | ')]
					: [],
			),
		).toEqual([]);
	});

	it('has an absolute canonical link to a page that exists', () => {
		expect(
			problems((page) => {
				const canonical = selectAll(page.document, 'link[rel="canonical"]');
				const [link] = canonical;
				if (!link || canonical.length !== 1) return [`${canonical.length} canonical links`];
				const href = attr(link, 'href') ?? '';
				if (!href.startsWith(`${siteRoot}/`)) return [`canonical "${href}" is not absolute`];
				return resolveToFile(new URL(href).pathname) ? [] : [`canonical ${href} not in dist`];
			}),
		).toEqual([]);
	});

	it('has hreflang alternates (fr, en, x-default) that all lead to existing pages', () => {
		expect(
			problems((page) => {
				const found = alternates(page);
				const missing = ['fr', 'en', 'x-default'].filter((lang) => !found.has(lang));
				const broken = [...found].filter(([, href]) => {
					const url = internalUrl(page, href);
					return !href.startsWith(`${siteRoot}/`) || !url || !resolveToFile(url.pathname);
				});
				return [
					...missing.map((lang) => `no hreflang="${lang}"`),
					...broken.map(([lang, href]) => `hreflang="${lang}" → ${href} does not exist`),
				];
			}),
		).toEqual([]);
	});

	it('is written in its own language, not a fallback to the other one', () => {
		expect(
			problems((page) => {
				const main = select(page.document, 'main');
				const lang = main && attr(main, 'lang');
				const notice =
					page.urlLang === 'en' &&
					textContent(page.document).includes('This content is not available in your language yet');
				return lang === page.urlLang && !notice ? [] : [`fallback content (<main lang="${lang}">)`];
			}),
		).toEqual([]);
	});

	it('exists in the other language, as a real translation', () => {
		expect(
			problems((page) => {
				const other = page.urlLang === 'fr' ? 'en' : 'fr';
				const href = alternates(page).get(other);
				const url = href ? internalUrl(page, href) : new URL(counterpartPath(page.path), siteRoot);
				const counterpart = url && pageAt(url);
				if (!counterpart) return [`no ${other} version (${url?.pathname ?? href})`];
				const main = select(counterpart.document, 'main');
				return htmlLang(counterpart) === other && main && attr(main, 'lang') === other
					? []
					: [`${other} version ${counterpart.path} is a fallback`];
			}),
		).toEqual([]);
	});

	it('carries a Content-Security-Policy, before any script, that allows each of its inline scripts, and no more', () => {
		const needed = new Set<string>();
		const policies = new Set<string>();
		const sitePolicy = contentSecurityPolicy();
		const blocked = problems((page) => {
			const metas = selectAll(page.document, 'meta[http-equiv="content-security-policy"]');
			const meta = metas[0];
			const policy = meta ? (attr(meta, 'content') ?? '') : '';
			policies.add(policy);
			// The site's own policy, once: a page's frontmatter `head` could otherwise replace it.
			if (metas.length !== 1 || policy !== sitePolicy) return ['not the site’s policy, once'];
			const scriptSources = policy
				.split(';')
				.find((directive) => /^\s*script-src /.test(directive));
			if (!scriptSources?.includes("'self'")) return ['no script-src policy'];
			if (/'unsafe-inline'|'unsafe-eval'/.test(scriptSources)) {
				return ['script-src allows unsafe-inline or unsafe-eval'];
			}
			const head = selectAll(page.document, 'head > *');
			const firstScript = head.findIndex((element) => element.tagName === 'script');
			if (meta && firstScript !== -1 && head.indexOf(meta) > firstScript) {
				return ['the policy comes after a script'];
			}
			return selectAll(page.document, 'script:not([src])').flatMap((script) => {
				const code = script.children.map((child) => String(child.value ?? '')).join('');
				const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
				needed.add(hash);
				return policy.includes(hash) ? [] : [`inline script not allowed: ${code.slice(0, 60)}`];
			});
		});
		expect([...new Set(blocked)]).toEqual([]);
		// No more: every hash the policy lists is that of a script some page has.
		const listed = [...policies].flatMap((policy) => policy.match(/'sha256-[^']+'/g) ?? []);
		expect(listed.filter((hash) => !needed.has(hash))).toEqual([]);
	});

	it('has no broken internal link', () => {
		const broken = problems((page) =>
			linksOf(page).flatMap(({ element, attribute, value }) => {
				const url = internalUrl(page, value);
				if (!url || resolveToFile(url.pathname)) return [];
				const note = isRegistryOutput(url.pathname) ? ' (registry output, built separately)' : '';
				return [`<${element} ${attribute}="${value}"> → ${url.pathname} missing${note}`];
			}),
		);
		expect([...new Set(broken)]).toEqual([]);
	});

	it('links to charter principles only through anchors that exist', () => {
		const charters = languages.map((lang) =>
			pageAt(new URL(contentPath('charte', lang), siteRoot)),
		);
		const idsByPath = new Map(charters.flatMap((page) => (page ? [[page.path, idsOf(page)]] : [])));
		expect(idsByPath.size).toBe(2);
		expect(
			problems((page) =>
				linksOf(page).flatMap(({ value }) => {
					const url = internalUrl(page, value);
					const ids = url && idsByPath.get(url.pathname);
					if (!url?.hash || !ids) return [];
					const id = decodeURIComponent(url.hash.slice(1));
					return ids.has(id) ? [] : [`${value}: no id "${id}" on the charter`];
				}),
			),
		).toEqual([]);
	});

	it('offers "report a problem" in its language, prefilled with the page', () => {
		const { owner, name } = config.repository;
		expect(
			problems((page) => {
				// Registry entries offer "report an error in this entry" instead (tests/site/registry.test.ts).
				if (select(page.document, 'a[data-report-error]')) {
					return select(page.document, 'a[data-report-problem-link]')
						? ['both report links on an entry page']
						: [];
				}
				const link = select(page.document, 'a[data-report-problem-link]');
				if (!link) return ['no report-a-problem link'];
				const url = new URL(attr(link, 'href') ?? '');
				const params = url.searchParams;
				const pageParam = params.get('page') ?? '';
				const found = [
					url.origin === 'https://github.com' && url.pathname === `/${owner}/${name}/issues/new`,
					params.get('template') === 'page-problem.yml',
					params.get('labels') === `page-problem,lang:${page.urlLang}`,
					(params.get('title') ?? '').length > 0,
					pageParam.startsWith(`${siteRoot}/`) &&
						resolveToFile(new URL(pageParam).pathname) === page.file,
					textContent(link).startsWith(ui[page.urlLang]['report.link']),
				];
				return found.every(Boolean) ? [] : [`wrong report link ${url.href} (${found})`];
			}),
		).toEqual([]);
	});
});

describe('sitemap', () => {
	it('exists and lists only pages that exist, the content pages among them', () => {
		const index = join(distDir, 'sitemap-index.xml');
		expect(existsSync(index)).toBe(true);
		const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
		const sitemaps = locs(readFileSync(index, 'utf8'));
		expect(sitemaps.length).toBeGreaterThan(0);
		const urls = sitemaps.flatMap((sitemap) => {
			const file = resolveToFile(new URL(sitemap).pathname);
			expect(file, sitemap).toBeDefined();
			return locs(readFileSync(join(distDir, file ?? ''), 'utf8'));
		});
		expect(urls.filter((url) => !resolveToFile(new URL(url).pathname))).toEqual([]);
		for (const slug of contentSlugs) {
			for (const lang of languages)
				expect(urls).toContain(new URL(contentPath(slug, lang), siteRoot).href);
		}
	});
});

describe('content pages', () => {
	it('have the same sections in both languages: no section written in one language only', () => {
		const headings = (page: Page) =>
			selectAll(page.document, '.sl-markdown-content :is(h2, h3)').length;
		const french = pages.filter(
			(page) => page.urlLang === 'fr' && !isRegistryOutput(page.path.slice(basePath.length)),
		);
		const pairs = french.flatMap((page) => {
			const english = pageAt(new URL(counterpartPath(page.path), siteRoot));
			return english ? [[page, english] as const] : [];
		});
		expect(pairs.length, 'French pages with an English counterpart').toBeGreaterThanOrEqual(
			contentSlugs.length,
		);
		const differing = pairs.flatMap(([fr, en]) =>
			headings(fr) === headings(en)
				? []
				: [`${fr.path}: ${headings(fr)} headings, ${en.path}: ${headings(en)}`],
		);
		expect(differing).toEqual([]);
	});

	it.each(
		contentSlugs.flatMap((slug) => languages.map((lang) => [slug || 'index', lang] as const)),
	)('%s exists in %s with real content', (slug, lang) => {
		const path = contentPath(slug === 'index' ? '' : slug, lang);
		const page = must(pageAt(new URL(path, siteRoot)), path);
		const content = must(select(page.document, '.sl-markdown-content'), `${path} content`);
		expect(wordCount(textContent(content))).toBeGreaterThan(150);
	});

	it.each(languages)('the not-found page exists in %s and helps the reader on', (lang) => {
		const path = `${basePath}${lang === 'en' ? '/en/404/' : '/404.html'}`;
		const page = must(pageAt(new URL(path, siteRoot)), path);
		expect(page.urlLang).toBe(lang);
		const content = must(select(page.document, '.sl-markdown-content'), `${path} content`);
		expect(wordCount(textContent(content))).toBeGreaterThan(40);
		const robots = must(select(page.document, 'meta[name="robots"]'), 'robots meta');
		expect(attr(robots, 'content')).toBe('noindex');
		// Served at any missing address, so its links must not be relative.
		const relative = linksOf(page).filter(
			({ element, value }) => element === 'a' && !/^(\/|#|[a-z]+:)/i.test(value),
		);
		expect(relative).toEqual([]);
	});
});

describe('charter', () => {
	const vocabulary = parseYaml(readFileSync('vocabularies/principles.yml', 'utf8')) as {
		values: { key: string; label: Record<'fr' | 'en', string> }[];
	};

	it('defines every principle key in the vocabulary', () => {
		expect(vocabulary.values.map(({ key }) => key)).toEqual([...principleKeys]);
	});

	it.each(languages)(
		'gives each principle a stable anchor, listed in the table of contents (%s)',
		(lang) => {
			const page = must(pageAt(new URL(contentPath('charte', lang), siteRoot)), 'charter');
			const toc = must(select(page.document, 'starlight-toc'), 'table of contents');
			const tocTargets = selectAll(toc, 'a').map((a) => attr(a, 'href'));
			for (const { key, label } of vocabulary.values) {
				const heading = must(select(page.document, `h2[id="${key}"]`), `heading #${key}`);
				expect(textContent(heading)).toBe(label[lang]);
				expect(tocTargets).toContain(`#${key}`);
			}
		},
	);
});

describe('page-problem issue form', () => {
	it('exists with the `page` field the report links fill in', () => {
		const form = parseYaml(readFileSync('.github/ISSUE_TEMPLATE/page-problem.yml', 'utf8')) as {
			labels: string[];
			body: { id?: string; type: string }[];
		};
		expect(form.labels).toContain('page-problem');
		expect(form.body.find((field) => field.id === 'page')?.type).toBe('input');
	});
});
