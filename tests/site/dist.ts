import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ELEMENT_NODE, TEXT_NODE, parse, walkSync, type ElementNode } from 'ultrahtml';
import { querySelector, querySelectorAll } from 'ultrahtml/selector';
import { loadSiteConfig } from '../../src/config/load.ts';

/**
 * Helpers for build-and-inspect tests: list the HTML pages of `dist/`, parse them, and resolve
 * the links they contain to files, the way a static host would serve them.
 */

/** The built site, as produced by `astro build` (see `build.setup.ts`). */
export const distDir = resolve('dist');

/** The site configuration the build used. */
export const config = loadSiteConfig();

/** Base path of the site without a trailing slash: `''` at the domain root, else e.g. `/registre-ia`. */
export const basePath = (config.site.base ?? '').replace(/\/$/, '');

/** Public origin plus base path, without a trailing slash, e.g. `https://ia.example.org`. */
export const siteRoot = new URL(basePath || '/', config.site.url).href.replace(/\/$/, '');

/** A parsed page of the built site. */
export interface Page {
	/** Path of the HTML file relative to `dist/`, with forward slashes. */
	file: string;
	/** URL path the page is served at, base path included: `/charte/`, `/404.html`. */
	path: string;
	/** The page's language from its URL: `en` under `/en/`, `fr` elsewhere. */
	urlLang: 'fr' | 'en';
	/** The parsed document. */
	document: ElementNode;
}

/** Every HTML file under `dist/`, relative and with forward slashes, sorted. */
export function listHtmlFiles(dir: string = distDir): string[] {
	const files: string[] = [];
	const visit = (current: string) => {
		for (const name of readdirSync(current)) {
			const path = join(current, name);
			if (statSync(path).isDirectory()) visit(path);
			else if (name.endsWith('.html')) files.push(relative(dir, path).split(sep).join('/'));
		}
	};
	visit(dir);
	return files.sort();
}

/** The URL path a file of `dist/` is served at: `charte/index.html` → `/charte/`. */
export function fileToPath(file: string): string {
	const path = file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file;
	return `${basePath}/${path}`;
}

/** The language a URL path belongs to. */
export function pathLang(path: string): 'fr' | 'en' {
	const local = path.slice(basePath.length);
	return local === '/en' || local.startsWith('/en/') ? 'en' : 'fr';
}

const parsed = new Map<string, Page>();

/** Parses a page of `dist/` (cached, since several tests walk every page). */
export function readPage(file: string): Page {
	let page = parsed.get(file);
	if (!page) {
		const path = fileToPath(file);
		const document = parse(readFileSync(join(distDir, file), 'utf8')) as ElementNode;
		page = { file, path, urlLang: pathLang(path), document };
		parsed.set(file, page);
	}
	return page;
}

/** Every HTML page of the built site, parsed. */
export function allPages(): Page[] {
	return listHtmlFiles().map(readPage);
}

/** Returns a value that a test cannot go on without, or fails with a message saying what is missing. */
export function must<T>(value: T | null | undefined, what: string): T {
	if (value === null || value === undefined) throw new Error(`missing: ${what}`);
	return value;
}

/** The first element matching a CSS selector, if any. */
export function select(node: ElementNode, selector: string): ElementNode | undefined {
	return (querySelector(node, selector) as ElementNode | null) ?? undefined;
}

/** Every element matching a CSS selector. */
export function selectAll(node: ElementNode, selector: string): ElementNode[] {
	return querySelectorAll(node, selector) as ElementNode[];
}

const namedEntities: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
};

/** Decodes HTML character references, which the parser leaves as written. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, ref: string) => {
		if (ref[0] === '#') {
			const code =
				ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
			return String.fromCodePoint(code);
		}
		return namedEntities[ref.toLowerCase()] ?? match;
	});
}

/** An attribute's decoded value, if present. */
export function attr(node: ElementNode, name: string): string | undefined {
	const value = node.attributes[name];
	return value === undefined ? undefined : decodeEntities(value);
}

/** The visible text of a node: text nodes only, scripts, styles and templates left out. */
export function textContent(node: ElementNode): string {
	let text = '';
	walkSync(node, (child) => {
		if (child.type === TEXT_NODE && !hasAncestor(child, ['script', 'style', 'template'])) {
			text += decodeEntities(child.value as string) + ' ';
		}
	});
	return text.replace(/\s+/g, ' ').trim();
}

function hasAncestor(node: { parent?: unknown }, names: string[]): boolean {
	let current = node.parent as { type?: number; name?: string; parent?: unknown } | undefined;
	while (current) {
		if (current.type === ELEMENT_NODE && names.includes(current.name ?? '')) return true;
		current = current.parent as typeof current;
	}
	return false;
}

/** Number of words in a text (letters or digits runs, apostrophes and hyphens kept inside). */
export function wordCount(text: string): number {
	return text.match(/[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Every `id` in a page. */
export function idsOf(page: Page): Set<string> {
	return new Set(selectAll(page.document, '[id]').map((node) => attr(node, 'id') ?? ''));
}

/** A link found in a page: the attribute it came from and its value. */
export interface Link {
	element: string;
	attribute: string;
	value: string;
}

const linkAttributes = ['href', 'src', 'action', 'poster', 'data'];

/** Every `href`, `src`… in a page, `<link>` and `<script>` included. */
export function linksOf(page: Page): Link[] {
	const links: Link[] = [];
	walkSync(page.document, (node) => {
		if (node.type !== ELEMENT_NODE) return;
		const element = node as ElementNode;
		for (const attribute of linkAttributes) {
			const value = attr(element, attribute);
			if (value !== undefined) links.push({ element: element.name, attribute, value });
		}
	});
	return links;
}

/**
 * The site-internal URL a link points to, resolved against the page, or undefined for links
 * that leave the site (other origins, `mailto:`, `tel:`, `javascript:`, `data:`).
 */
export function internalUrl(page: Page, value: string): URL | undefined {
	if (/^(mailto|tel|javascript|data|blob):/i.test(value)) return undefined;
	const pageUrl = new URL(page.path, `${siteRoot}/`);
	let url: URL;
	try {
		url = new URL(value, pageUrl);
	} catch {
		return undefined;
	}
	return url.origin === pageUrl.origin ? url : undefined;
}

/**
 * The file of `dist/` a static host would serve for a URL path (query and fragment ignored):
 * `/a/` → `a/index.html`, `/a` → `a`, `a.html` or `a/index.html`. The not-found page answers
 * any missing address, so `/404/` (Starlight's canonical address for it) resolves to `404.html`.
 */
export function resolveToFile(pathname: string): string | undefined {
	let local = decodeURIComponent(pathname);
	if (basePath && (local === basePath || local.startsWith(`${basePath}/`))) {
		local = local.slice(basePath.length) || '/';
	} else if (basePath) {
		return undefined;
	}
	const bare = local.replace(/^\/+/, '');
	const candidates = local.endsWith('/')
		? [`${bare}index.html`]
		: [bare, `${bare}.html`, `${bare}/index.html`];
	if (local === '/404/') candidates.push('404.html');
	return candidates.find((candidate) => {
		const path = join(distDir, candidate);
		return existsSync(path) && statSync(path).isFile();
	});
}

/** The page a site-internal URL leads to, parsed, if it is an HTML page of `dist/`. */
export function pageAt(url: URL): Page | undefined {
	const file = resolveToFile(url.pathname);
	return file?.endsWith('.html') ? readPage(file) : undefined;
}

/** The URL path of a page's counterpart in the other language (`/charte/` ↔ `/en/charte/`). */
export function counterpartPath(path: string): string {
	const local = path.slice(basePath.length);
	const other =
		pathLang(path) === 'en'
			? local.replace(/^\/en(\/|$)/, '/')
			: `/en${local === '/' ? '/' : local}`;
	return `${basePath}${other}`;
}
