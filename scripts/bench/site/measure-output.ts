/**
 * Measures what a build produced: page counts, entry page sizes against the bare pages of the
 * same records, and the first load of a page (its HTML plus the CSS and JavaScript it references,
 * following static imports), compressed per file as a server would send it.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Sizes of some content in bytes: raw, gzip level 9 and brotli quality 11. */
export interface Sizes {
	raw: number;
	gzip: number;
	/** Absent for entry page samples: brotli 11 costs about 0.1 s per page. */
	brotli?: number;
}

/** Compressed sizes of a buffer; brotli only when asked, as it is slow at quality 11. */
export function sizesOf(data: Buffer, brotli = false): Sizes {
	const quality = {
		[constants.BROTLI_PARAM_QUALITY]: 11,
		[constants.BROTLI_PARAM_SIZE_HINT]: data.length,
	};
	return {
		raw: data.length,
		gzip: gzipSync(data, { level: 9 }).length,
		...(brotli && { brotli: brotliCompressSync(data, { params: quality }).length }),
	};
}

function add(a: Sizes, b: Sizes): Sizes {
	return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: (a.brotli ?? 0) + (b.brotli ?? 0) };
}

/** Counts the HTML pages of a build, leaving out pagefind's folder. */
export async function countPages(outDir: string): Promise<number> {
	const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
	return entries.filter(
		(entry) =>
			entry.isFile() &&
			entry.name.endsWith('.html') &&
			!join(entry.parentPath, entry.name).includes(`${outDir}/pagefind/`),
	).length;
}

/** Total size of a folder's files, in bytes. */
export async function folderBytes(dir: string): Promise<number> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	let total = 0;
	for (const entry of entries) {
		if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
	}
	return total;
}

/** One file of a first load. */
export interface LoadedFile {
	path: string;
	sizes: Sizes;
}

/** The first load of a page: the page, then each stylesheet and script it pulls in. */
export interface FirstLoad {
	files: LoadedFile[];
	total: Sizes;
}

const staticImport =
	/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g;

/**
 * The first load of the page at `pagePath` (site path, e.g. `/registre/systemes/`): its HTML and
 * every local stylesheet, script and module preload it references, plus the modules those scripts
 * import statically. Dynamic `import()` (loaded on interaction) is not part of the first load.
 */
export async function firstLoad(outDir: string, pagePath: string): Promise<FirstLoad> {
	const htmlFile = join(outDir, pagePath, pagePath.endsWith('.html') ? '' : 'index.html');
	const html = await readFile(htmlFile);
	const files: LoadedFile[] = [{ path: pagePath, sizes: sizesOf(html, true) }];
	const seen = new Set<string>();
	const queue: string[] = [];
	const text = html.toString('utf8');
	const refs = [
		...text.matchAll(/<link\b[^>]*\brel="?(?:stylesheet|modulepreload)"?[^>]*>/g),
		...text.matchAll(/<script\b[^>]*\bsrc=[^>]*>/g),
	];
	for (const [tag] of refs) {
		const href = /\b(?:href|src)="?([^"\s>]+)"?/.exec(tag)?.[1];
		if (href?.startsWith('/')) queue.push(href.replace(/[?#].*/, ''));
	}
	for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
		if (seen.has(path)) continue;
		seen.add(path);
		const data = await readFile(join(outDir, path)).catch(() => undefined);
		if (!data) continue;
		files.push({ path, sizes: sizesOf(data, true) });
		if (!path.endsWith('.js')) continue;
		for (const match of data.toString('utf8').matchAll(staticImport)) {
			const spec = match[1] ?? '';
			if (spec.startsWith('/')) queue.push(spec);
			else if (spec.startsWith('.')) queue.push(posix.join(posix.dirname(path), spec));
		}
	}
	return {
		files,
		total: files.reduce<Sizes>((sum, file) => add(sum, file.sizes), { raw: 0, gzip: 0, brotli: 0 }),
	};
}

/** One entry page compared with the bare page of the same record. */
export interface PagePair {
	path: string;
	/** URL segment of the entry's kind: `systemes`. */
	segment: string;
	ours: Sizes;
	bare: Sizes;
}

/**
 * Compares entry pages of both builds, for up to `perKind` entries of each kind (named by its URL
 * segment) spread evenly over the sorted ids, in both languages.
 */
export async function comparePages(
	oursDir: string,
	bareDir: string,
	segments: readonly string[],
	perKind: number,
): Promise<PagePair[]> {
	const pairs: PagePair[] = [];
	for (const prefix of ['', 'en/']) {
		for (const segment of segments) {
			const base = join(oursDir, prefix, 'registre', segment);
			const ids = (await readdir(base, { withFileTypes: true }))
				.filter((entry) => entry.isDirectory() && entry.name !== 'page')
				.map((entry) => entry.name)
				.sort();
			const step = Math.max(1, ids.length / perKind);
			for (let i = 0; i < ids.length; i += step) {
				const path = `/${prefix}registre/${segment}/${ids[Math.floor(i)]}/`;
				const ours = await readFile(join(oursDir, path, 'index.html'));
				const bare = await readFile(join(bareDir, path, 'index.html')).catch(() => undefined);
				if (!bare) throw new Error(`the bare build has no page ${path}`);
				pairs.push({ path, segment, ours: sizesOf(ours), bare: sizesOf(bare) });
			}
		}
	}
	return pairs;
}
