/**
 * Real-browser test harness: a static server for a built site, a headless Chromium (the system's,
 * else the one npm installs) driven by playwright-core, axe-core, screenshots and page-weight
 * figures. Used by the browser tests and by `tests/browser/perf.ts`. Only 127.0.0.1 is ever
 * contacted.
 */
import {
	createReadStream,
	createWriteStream,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import {
	brotliCompressSync,
	brotliDecompressSync,
	createBrotliDecompress,
	gzipSync,
} from 'node:zlib';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type Locator,
	type Page,
} from 'playwright-core';
import { loadSiteConfig } from '../../src/config/load.ts';

/** The project root, where `dist/`, `node_modules/` and `test-results/` are. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The built site the tests run against: `DIST_DIR` when set, else `dist/`. */
export const distDir = resolve(process.env.DIST_DIR ?? join(projectRoot, 'dist'));

/** Flags that keep Chromium headless, sandbox-free for containers and off the network. */
const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** The window size the tests use: wide enough for Starlight's desktop header and sidebar. */
export const desktopViewport = { width: 1280, height: 800 };

/** A phone-sized window, where Starlight folds the sidebar and header controls into a menu. */
export const phoneViewport = { width: 375, height: 812 };

// ---------------------------------------------------------------------------------------------
// Browser

/** System browsers tried, in this order, after `CHROMIUM_PATH`: Debian's, Ubuntu's, Google's. */
const systemBrowsers = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The npm package that ships a headless Chromium for Linux x64 (a dev dependency). */
const bundledPackage = join(projectRoot, 'node_modules/@sparticuz/chromium');

/** The archives of that package (brotli-compressed tar files) unpacked beside its Chromium. */
const bundledArchives = ['al2023.tar.br', 'fonts.tar.br', 'swiftshader.tar.br'];

/** A Chromium to launch: its executable and what its environment needs. */
export interface ChromiumBuild {
	/** Path of the executable. */
	executablePath: string;
	/** Where it comes from: `CHROMIUM_PATH`, a system path, or the npm package. */
	source: 'CHROMIUM_PATH' | 'system' | 'bundled';
	/** Variables added to the browser's environment (the npm build's libraries and fonts). */
	env: Record<string, string>;
}

/**
 * The Chromium the tests drive. `REGISTRE_BROWSER` chooses: unset or `auto`, the system's
 * (`CHROMIUM_PATH`, then `systemBrowsers`) when there is one, else the one npm installed;
 * `system`, only the system's; `bundled`, only npm's, even when the system has one (how the
 * fresh-machine path is tested).
 */
export async function findChromium(): Promise<ChromiumBuild> {
	const choice = process.env.REGISTRE_BROWSER || 'auto';
	if (choice !== 'auto' && choice !== 'system' && choice !== 'bundled') {
		throw new Error(`REGISTRE_BROWSER=${choice}: expected auto, system or bundled.`);
	}
	if (choice !== 'bundled') {
		const fromEnv = process.env.CHROMIUM_PATH;
		if (fromEnv) {
			if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv}: no such file.`);
			return { executablePath: fromEnv, source: 'CHROMIUM_PATH', env: {} };
		}
		const found = systemBrowsers.find((path) => existsSync(path));
		if (found) return { executablePath: found, source: 'system', env: {} };
		const none = `none of ${systemBrowsers.join(', ')} exists`;
		if (choice === 'system') throw new Error(`REGISTRE_BROWSER=system: ${none}.`);
		return bundledChromium(`No Chromium: CHROMIUM_PATH is not set, ${none}, and`);
	}
	return bundledChromium('REGISTRE_BROWSER=bundled:');
}

/**
 * Unpacks the npm package's Chromium once into `node_modules/.cache/` and says how to start it;
 * `why` begins the error thrown when there is none.
 */
async function bundledChromium(why: string): Promise<ChromiumBuild> {
	const manifest = join(bundledPackage, 'package.json');
	const where = `${process.platform} ${process.arch}`;
	if (where !== 'linux x64' || !existsSync(manifest)) {
		throw new Error(
			`${why} ` +
				(where === 'linux x64'
					? '@sparticuz/chromium is not installed (run npm install). '
					: `@sparticuz/chromium ships Linux x64 only (this is ${where}). `) +
				'Install Chromium or Google Chrome, or set CHROMIUM_PATH to one.',
		);
	}
	const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
	const dir = join(projectRoot, 'node_modules/.cache/registre-chromium', version);
	if (!existsSync(join(dir, 'chromium'))) await unpackChromium(join(bundledPackage, 'bin'), dir);
	return {
		executablePath: join(dir, 'chromium'),
		source: 'bundled',
		env: {
			// Its own NSS, NSPR and expat (built for Amazon Linux 2023): the binary then needs only
			// glibc and libgcc_s from the system (and libsqlite3 for NSS's soft token, used by TLS).
			// The system's fonts are used when there are any, else the package's Open Sans.
			LD_LIBRARY_PATH: [join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
			FONTCONFIG_FILE: join(dir, 'fonts.conf'),
		},
	};
}

/**
 * Unpacks the Chromium executable, its libraries, fonts and SwiftShader into `dir`, through a
 * folder of this process's renamed at the end, so a concurrent run never sees half a browser.
 */
async function unpackChromium(bin: string, dir: string): Promise<void> {
	const staging = `${dir}.${process.pid}.partial`;
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	try {
		await pipeline(
			createReadStream(join(bin, 'chromium.br')),
			createBrotliDecompress(),
			createWriteStream(join(staging, 'chromium'), { mode: 0o755 }),
		);
		for (const archive of bundledArchives) {
			untar(brotliDecompressSync(readFileSync(join(bin, archive))), staging);
		}
		// The package's fonts.conf names AWS Lambda's folders: list the unpacked and system fonts.
		const xml = (path: string) =>
			path.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
		writeFileSync(
			join(staging, 'fonts.conf'),
			'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n' +
				[join(dir, 'fonts'), '/usr/share/fonts', '/usr/local/share/fonts']
					.map((path) => `\t<dir>${xml(path)}</dir>\n`)
					.join('') +
				`\t<cachedir>${xml(join(dir, 'fonts-cache'))}</cachedir>\n</fontconfig>\n`,
		);
		renameSync(staging, dir);
	} catch (error) {
		rmSync(staging, { recursive: true, force: true });
		// Another run may have renamed its own copy into place first: then use that one.
		if (!existsSync(join(dir, 'chromium'))) throw error;
	}
}

/** Writes the folders and regular files of a tar archive under `dir` (all the package's hold). */
function untar(archive: Buffer, dir: string): void {
	const text = (header: Buffer, start: number, length: number) =>
		header.toString('utf8', start, start + length).replace(/\0[\s\S]*$/, '');
	let offset = 0;
	while (offset + 512 <= archive.length) {
		const header = archive.subarray(offset, offset + 512);
		if (header.every((byte) => byte === 0)) break;
		const posix = header.toString('latin1', 257, 263) === 'ustar\0';
		const name = [posix ? text(header, 345, 155) : '', text(header, 0, 100)]
			.filter(Boolean)
			.join('/');
		const size = Number.parseInt(text(header, 124, 12).trim() || '0', 8);
		const mode = Number.parseInt(text(header, 100, 8).trim() || '644', 8);
		const type = text(header, 156, 1) || '0';
		const target = resolve(dir, name);
		if (!target.startsWith(dir + sep) && target !== dir) {
			throw new Error(`tar entry outside the target folder: ${name}`);
		}
		if (type === '5') {
			mkdirSync(target, { recursive: true });
		} else if (type === '0') {
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, archive.subarray(offset + 512, offset + 512 + size), { mode });
		} else {
			throw new Error(`tar entry ${name}: type ${type} is not unpacked`);
		}
		offset += 512 + Math.ceil(size / 512) * 512;
	}
}

/** Launches Chromium headless (the one `findChromium` picks); never downloads a browser. */
export async function launchBrowser(): Promise<Browser> {
	const { executablePath, env } = await findChromium();
	return chromium.launch({
		executablePath,
		args: chromiumArgs,
		...(Object.keys(env).length > 0 ? { env: { ...inheritedEnv(), ...env } } : {}),
	});
}

/** This process's environment without its unset variables, as playwright-core's `env` wants. */
function inheritedEnv(): Record<string, string> {
	return Object.fromEntries(
		Object.entries(process.env).filter(
			(entry): entry is [string, string] => entry[1] !== undefined,
		),
	);
}

/** A fresh browser context (own cache, cookies and storage) at the desktop size. */
export async function newContext(
	browser: Browser,
	options: BrowserContextOptions = {},
): Promise<BrowserContext> {
	const context = await browser.newContext({
		viewport: desktopViewport,
		acceptDownloads: true,
		...options,
	});
	context.setDefaultTimeout(10_000);
	return context;
}

/** The site's base path from `registre.config.yml`, always ending with `/`. */
export function siteBase(): string {
	const base = loadSiteConfig().site.base ?? '/';
	return base.endsWith('/') ? base : `${base}/`;
}

// ---------------------------------------------------------------------------------------------
// Static server

/** Content encodings the static server can answer with. */
export type Encoding = 'br' | 'gzip';

/** A running static server. */
export interface StaticServer {
	/** Absolute URL of the site root, base path included, ending with `/`. */
	url: string;
	/** Absolute URL of a site path given relative to the base (`'charte/'`) or absolute. */
	resolve: (path: string) => string;
	/** Stops the server. */
	close: () => Promise<void>;
}

const contentTypes: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.rss': 'application/rss+xml; charset=utf-8',
	'.atom': 'application/atom+xml; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm',
};

/** Types worth compressing; fonts, images and Pagefind's pre-gzipped files are left as they are. */
function isCompressible(type: string): boolean {
	return /^(text\/|application\/(json|xml|rss|atom|manifest)|image\/svg)/.test(type);
}

/** Picks the first of the server's encodings that the request's Accept-Encoding allows. */
function negotiate(header: string | undefined, offered: readonly Encoding[]): Encoding | undefined {
	const accepted = new Set(
		(header ?? '')
			.split(',')
			.map((part) => part.trim().split(';'))
			.filter(([, q]) => q?.trim() !== 'q=0')
			.map(([name]) => name?.trim().toLowerCase()),
	);
	return offered.find((encoding) => accepted.has(encoding));
}

/**
 * Serves a built site on 127.0.0.1 at a random port like a static host does: `index.html` for
 * directories (with a redirect to the trailing slash), `404.html` with status 404 otherwise,
 * compressed with the first of `encodings` the browser accepts (gzip by default, as GitHub Pages).
 */
export async function serveDist(
	root: string,
	options: { base?: string; encodings?: readonly Encoding[] } = {},
): Promise<StaticServer> {
	const dir = resolve(root);
	if (!existsSync(join(dir, 'index.html'))) {
		throw new Error(`${dir}/index.html not found: build the site first (npx astro build).`);
	}
	const base = options.base ?? '/';
	const encodings = options.encodings ?? ['gzip'];
	const cache = new Map<string, Buffer>();

	const body = (file: string, encoding: Encoding | undefined): Buffer => {
		const key = `${encoding ?? 'identity'}:${file}`;
		let data = cache.get(key);
		if (!data) {
			const raw = readFileSync(file);
			data = encoding === 'br' ? brotliCompressSync(raw) : encoding ? gzipSync(raw) : raw;
			cache.set(key, data);
		}
		return data;
	};

	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		let pathname: string;
		try {
			pathname = decodeURIComponent(url.pathname);
		} catch {
			pathname = '/';
		}
		let file: string | undefined;
		let status = 200;
		if (pathname.startsWith(base) || `${pathname}/` === base) {
			const candidate = resolve(dir, `.${sep}${pathname.slice(base.length)}`);
			const inside = candidate === dir || candidate.startsWith(dir + sep);
			const stat = inside && existsSync(candidate) ? statSync(candidate) : undefined;
			if (stat?.isDirectory()) {
				if (!url.pathname.endsWith('/')) {
					response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
					return;
				}
				if (existsSync(join(candidate, 'index.html'))) file = join(candidate, 'index.html');
			} else if (stat?.isFile()) {
				file = candidate;
			}
		}
		if (!file) {
			status = 404;
			file = join(dir, '404.html');
			if (!existsSync(file)) {
				response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
				return;
			}
		}
		const type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
		const encoding = isCompressible(type)
			? negotiate(request.headers['accept-encoding'], encodings)
			: undefined;
		const data = body(file, encoding);
		response.writeHead(status, {
			'content-type': type,
			'content-length': data.length,
			'cache-control': 'no-cache',
			vary: 'Accept-Encoding',
			...(encoding ? { 'content-encoding': encoding } : {}),
		});
		response.end(request.method === 'HEAD' ? undefined : data);
	});

	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	const url = `http://127.0.0.1:${port}${base}`;
	return {
		url,
		resolve: (path) => new URL(path.startsWith('/') ? path : `${base}${path}`, url).href,
		close: () =>
			new Promise<void>((done, fail) => {
				server.closeAllConnections();
				server.close((error) => (error ? fail(error) : done()));
			}),
	};
}

// ---------------------------------------------------------------------------------------------
// Page discovery

/** A page of the built site: its path under the base, e.g. `en/charte/`, and its page type. */
export interface SitePage {
	/** Path relative to the base: `''` for the home page, else ending with `/`. */
	path: string;
	/** `fr` or `en`, from the path (English lives under `en/`). */
	lang: 'fr' | 'en';
	/** The page type: the path without its language prefix, entry ids replaced with `:id`. */
	type: string;
}

/** Numbered pages of a registry index: one is enough to cover that page type. */
const indexPage = /^(registre\/(?:systemes|modeles)\/page\/)\d+\/$/;
/** Registry entry pages: one of each kind is enough to cover that page type. */
const entryPage = /^(registre\/(?:systemes|modeles)\/)(?!page\/)[^/]+\/(.*)$/;

/**
 * Lists the HTML pages of a built site from its files (new doc pages are picked up on their
 * own), keeping the first entry page and numbered index page of each registry kind, per language.
 * Leaves out 404.html, which is tested by requesting a missing page.
 */
export function discoverPages(root: string): SitePage[] {
	const dir = resolve(root);
	const pages: SitePage[] = [];
	const seen = new Set<string>();
	const walk = (current: string) => {
		for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) =>
			a.name.localeCompare(b.name),
		)) {
			const full = join(current, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== '_astro' && entry.name !== 'pagefind') walk(full);
			} else if (entry.name === 'index.html') {
				const path = relative(dir, current).split(sep).join('/');
				const withSlash = path ? `${path}/` : '';
				const lang = withSlash.startsWith('en/') ? 'en' : 'fr';
				const unprefixed = lang === 'en' ? withSlash.slice(3) : withSlash;
				const type = unprefixed.replace(indexPage, '$1:n/').replace(entryPage, '$1:id/$2');
				const key = `${lang}:${type}`;
				if (!seen.has(key)) {
					seen.add(key);
					pages.push({ path: withSlash, lang, type: type || '(home)' });
				}
			}
		}
	};
	walk(dir);
	return pages;
}

// ---------------------------------------------------------------------------------------------
// Accessibility

/** The WCAG 2.1 A and AA rule tags axe runs. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const axeSource = readFileSync(join(projectRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeNode {
	target: unknown[];
	failureSummary?: string;
	html: string;
}
interface AxeViolation {
	id: string;
	impact?: string | null;
	help: string;
	helpUrl: string;
	nodes: AxeNode[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA) on the page as it is now and returns one readable line group
 * per violated rule: rule id, impact, help, then each failing element's selector and reason.
 * An empty array means no violation.
 */
export async function axe(page: Page): Promise<string[]> {
	// Evaluated rather than added as a <script>: the site's Content-Security-Policy would block it.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
	const violations = await page.evaluate(async (tags) => {
		const run = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
			.axe.run;
		const result = (await run(document, {
			runOnly: { type: 'tag', values: tags },
			resultTypes: ['violations'],
		})) as { violations: AxeViolation[] };
		return result.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
			id,
			impact,
			help,
			helpUrl,
			nodes: nodes.map(({ target, failureSummary, html }) => ({ target, failureSummary, html })),
		}));
	}, wcagTags);
	return violations.map(({ id, impact, help, helpUrl, nodes }) =>
		[
			`${id} (${impact ?? 'unknown'}): ${help} — ${helpUrl.replace(/\?.*$/, '')}`,
			...nodes.map(({ target, failureSummary, html }) => {
				const reason = (failureSummary ?? '').split('\n').slice(1).join(' ').trim();
				return `    at ${target.map(String).join(' >>> ')}  ${html.slice(0, 120)}\n      ${reason}`;
			}),
		].join('\n'),
	);
}

// ---------------------------------------------------------------------------------------------
// Screenshots

/** Directory of the screenshots kept as test artefacts. */
export const screenshotDir = join(projectRoot, 'test-results/screenshots');

/** Saves a full-page screenshot to `test-results/screenshots/<name>.png`; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
	mkdirSync(screenshotDir, { recursive: true });
	const safe = name.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'page';
	const path = join(screenshotDir, `${safe}.png`);
	await page.screenshot({ path, fullPage: true, animations: 'disabled' });
	return path;
}

// ---------------------------------------------------------------------------------------------
// Performance

/** Network and CPU conditions for a measurement. */
export type Throttle = 'none' | 'mobile';

/** Lighthouse's mobile preset as DevTools applies it: slow 4G and a 4× slower CPU. */
const mobileThrottle = {
	latency: 150 * 3.75,
	downloadThroughput: ((1.6 * 1024 * 1024) / 8) * 0.9,
	uploadThroughput: ((750 * 1024) / 8) * 0.9,
	cpuRate: 4,
};

/** Figures of one first load, cache empty. Byte counts are response bodies. */
export interface LoadFigures {
	/** Number of requests, the document included. */
	requests: number;
	/** Bytes transferred (compressed as served), all requests. */
	transferBytes: number;
	/** Bytes once decompressed, all requests. */
	decodedBytes: number;
	/** JavaScript bytes transferred (compressed). */
	jsTransferBytes: number;
	/** JavaScript bytes once decompressed: what the browser parses. */
	jsDecodedBytes: number;
	/** Largest contentful paint in milliseconds, or null if the browser reported none. */
	lcpMs: number | null;
}

async function throttle(context: BrowserContext, page: Page, mode: Throttle) {
	if (mode === 'none') return;
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: mobileThrottle.latency,
		downloadThroughput: mobileThrottle.downloadThroughput,
		uploadThroughput: mobileThrottle.uploadThroughput,
	});
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: mobileThrottle.cpuRate });
}

/**
 * Opens a page in a fresh context, with the given throttling, and returns it once the network
 * has been quiet for `quietMs` (Starlight loads its search UI when the page goes idle).
 */
export async function openFresh(
	browser: Browser,
	url: string,
	mode: Throttle = 'none',
	quietMs = 2000,
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await newContext(browser);
	const page = await context.newPage();
	await page.addInitScript(() => performance.setResourceTimingBufferSize(100_000));
	await throttle(context, page, mode);
	let inFlight = 0;
	let lastActivity = Date.now();
	const started = () => {
		inFlight++;
		lastActivity = Date.now();
	};
	const ended = () => {
		inFlight = Math.max(0, inFlight - 1);
		lastActivity = Date.now();
	};
	page.on('request', started);
	page.on('requestfinished', ended);
	page.on('requestfailed', ended);
	await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
	const limit = Date.now() + 120_000;
	while ((inFlight > 0 || Date.now() - lastActivity < quietMs) && Date.now() < limit) {
		await page.waitForTimeout(100);
	}
	page.off('request', started);
	page.off('requestfinished', ended);
	page.off('requestfailed', ended);
	return { context, page };
}

/** Reads transfer size, JavaScript shipped and LCP of the first load of an open page. */
export async function loadFigures(page: Page): Promise<LoadFigures> {
	return page.evaluate(async () => {
		const lcp = await new Promise<number | null>((done) => {
			new PerformanceObserver((list) => done(list.getEntries().at(-1)?.startTime ?? null)).observe({
				type: 'largest-contentful-paint',
				buffered: true,
			});
			setTimeout(() => done(null), 1000);
		});
		const entries = [
			...performance.getEntriesByType('navigation'),
			...performance.getEntriesByType('resource'),
		] as PerformanceResourceTiming[];
		const isJs = (entry: PerformanceResourceTiming) =>
			(entry as PerformanceResourceTiming & { contentType?: string }).contentType?.includes(
				'javascript',
			) || /\.m?js(\?|$)/.test(new URL(entry.name).pathname);
		const sum = (list: PerformanceResourceTiming[], key: 'encodedBodySize' | 'decodedBodySize') =>
			list.reduce((total, entry) => total + entry[key], 0);
		const scripts = entries.filter(isJs);
		return {
			requests: entries.length,
			transferBytes: sum(entries, 'encodedBodySize'),
			decodedBytes: sum(entries, 'decodedBodySize'),
			jsTransferBytes: sum(scripts, 'encodedBodySize'),
			jsDecodedBytes: sum(scripts, 'decodedBodySize'),
			lcpMs: lcp === null ? null : Math.round(lcp),
		};
	});
}

/** First-load figures of one URL in a fresh context (empty cache). */
export async function measureLoad(
	browser: Browser,
	url: string,
	mode: Throttle = 'none',
): Promise<LoadFigures> {
	const { context, page } = await openFresh(browser, url, mode);
	try {
		return await loadFigures(page);
	} finally {
		await context.close();
	}
}

/** How long an update took, in milliseconds from the first input, change or click event. */
export interface UpdateTiming {
	/** Until the watched part of the page last changed (the list was updated). */
	updatedMs: number;
	/** Until the next frame after that change: what the reader waits for (like INP). */
	paintedMs: number;
}

/**
 * Times what `act` sets off: from its first input, change or click event to the last change of
 * the DOM under `watch` (waiting for 300 ms of quiet, so debounced and fetched updates count),
 * then to the next frame. Returns null when nothing under `watch` changed within 30 s (a throttled
 * first filter may fetch a large index).
 */
export async function measureUpdate(
	page: Page,
	act: () => Promise<void>,
	watch = 'body',
): Promise<UpdateTiming | null> {
	await page.evaluate((selector) => {
		const state = { start: -1, changed: -1, painted: -1 };
		(window as unknown as { __update: typeof state }).__update = state;
		for (const type of ['input', 'change', 'click']) {
			document.addEventListener(
				type,
				(event) => {
					if (state.start < 0 || event.timeStamp < state.start) state.start = event.timeStamp;
				},
				{ capture: true, once: true },
			);
		}
		const target = document.querySelector(selector) ?? document.body;
		new MutationObserver(() => {
			if (state.start < 0) return;
			const changed = performance.now();
			state.changed = changed;
			requestAnimationFrame(() =>
				setTimeout(() => {
					if (state.changed === changed) state.painted = performance.now();
				}),
			);
		}).observe(target, { subtree: true, childList: true, attributes: true, characterData: true });
	}, watch);
	await act();
	return page.evaluate(async () => {
		const state = (
			window as unknown as { __update: { start: number; changed: number; painted: number } }
		).__update;
		const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
		const limit = performance.now() + 30_000;
		while (state.changed < 0 && performance.now() < limit) await sleep(20);
		if (state.changed < 0 || state.start < 0) return null;
		let last: number;
		do {
			last = state.changed;
			await sleep(300);
		} while (state.changed !== last);
		while (state.painted < state.changed) await sleep(10);
		const round = (ms: number) => Math.round(ms * 10) / 10;
		return {
			updatedMs: round(state.changed - state.start),
			paintedMs: round(state.painted - state.start),
		};
	});
}
// ---------------------------------------------------------------------------------------------
// Page helpers shared by the tests

/** Starlight's language `<select>`, found by its accessible name in French or English. */
export function languageSelect(page: Page) {
	return page.getByRole('combobox', { name: /langue|language/i });
}

/** Waits until Starlight's search (Pagefind UI) is ready, opens it with Ctrl+K, returns its input. */
export async function openSearch(page: Page) {
	await page.locator('site-search button[data-open-modal]:not([disabled])').waitFor();
	await page.locator('site-search dialog input').waitFor({ state: 'attached' });
	await page.keyboard.press('Control+k');
	const dialog = page.locator('site-search dialog[open]');
	await dialog.waitFor();
	return dialog.locator('input').first();
}

/** Opens the closed `<details>` around a control, as a reader clicking its summary would. */
export async function reveal(control: Locator) {
	await control.evaluate((element) => {
		const details = element.closest('details');
		if (details && !details.open) details.querySelector<HTMLElement>(':scope > summary')?.click();
	});
}

/**
 * Presses Tab until `target` has focus, at most `maxPresses` times (enough to cycle through the
 * page); returns whether it got there. Proves a control is reachable with the keyboard.
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 150): Promise<boolean> {
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	for (let press = 0; press < maxPresses; press++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((element) => element === document.activeElement)) return true;
	}
	return false;
}

/**
 * Presses Tab from the top of the page up to `maxPresses` times and returns a description of
 * every element matching `selector` that never received focus (an empty array when all did).
 */
export async function unreachableByTab(
	page: Page,
	selector: string,
	maxPresses = 300,
): Promise<string[]> {
	await page.evaluate(() => {
		const seen = new Set<Element>();
		(window as unknown as { __tabbed: Set<Element> }).__tabbed = seen;
		document.addEventListener('focusin', (event) => {
			if (event.target instanceof Element) seen.add(event.target);
		});
		(document.activeElement as HTMLElement | null)?.blur();
		window.scrollTo(0, 0);
	});
	const missing = () =>
		page.evaluate((css) => {
			const seen = (window as unknown as { __tabbed: Set<Element> }).__tabbed;
			return [...document.querySelectorAll(css)]
				.filter((element) => !seen.has(element))
				.filter((element) => {
					// Tab reaches one radio of a group; arrow keys move within it.
					const radio = element as HTMLInputElement;
					if (radio.type !== 'radio' || !radio.name) return true;
					return ![...seen].some(
						(other) =>
							(other as HTMLInputElement).type === 'radio' &&
							(other as HTMLInputElement).name === radio.name &&
							(other as HTMLInputElement).form === radio.form,
					);
				})
				.filter((element) => (element as HTMLElement).offsetParent !== null)
				.map((element) => {
					const label =
						element.getAttribute('aria-label') ??
						(element as HTMLInputElement).labels?.[0]?.textContent ??
						element.textContent;
					const name = element.getAttribute('name');
					return `<${element.localName}${name ? ` name="${name}"` : ''}> ${(label ?? '').trim().slice(0, 60)}`;
				});
		}, selector);
	for (let press = 0; press < maxPresses; press++) {
		await page.keyboard.press('Tab');
		if (press % 10 === 9 && (await missing()).length === 0) return [];
	}
	return missing();
}
