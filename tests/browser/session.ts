/**
 * What every browser test file needs: the built site served on 127.0.0.1 and a Chromium, started
 * before the file's tests and closed after them, and fresh pages in their own contexts.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import {
	distDir,
	launchBrowser,
	newContext,
	serveDist,
	siteBase,
	type StaticServer,
} from './harness.ts';

/** The served site and the browser of one test file. */
export interface BrowserSession {
	/** The static server of `dist/` (its `resolve(path)` gives a page's address). */
	readonly server: StaticServer;
	/** Runs `body` with a fresh page in a new context, closing the context afterwards. */
	withPage(body: (page: Page) => Promise<void>, options?: BrowserContextOptions): Promise<void>;
}

/**
 * Registers the set-up and tear-down hooks of a browser test file; call it at its top level.
 * `dist` serves another build than `dist/` (read when the hooks run, so a file may build it first).
 */
export function useBrowserSession(options: { dist?: () => string } = {}): BrowserSession {
	let browser: Browser | undefined;
	let server: StaticServer | undefined;
	beforeAll(async () => {
		server = await serveDist(options.dist?.() ?? distDir, { base: siteBase() });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});
	const started = <T>(value: T | undefined): T => {
		if (!value) throw new Error('the browser session is used before its beforeAll hook ran');
		return value;
	};
	return {
		get server() {
			return started(server);
		},
		async withPage(body, options = {}) {
			const context = await newContext(started(browser), options);
			try {
				const page = await context.newPage();
				const blocked = recordPolicyViolations(page);
				await body(page);
				// Whatever a test does, the site's Content-Security-Policy must never get in its way.
				expect(blocked, 'Content-Security-Policy violations').toEqual([]);
			} finally {
				await context.close();
			}
		},
	};
}

/** Collects what the page's Content-Security-Policy blocks, as the browser reports it. */
function recordPolicyViolations(page: Page): string[] {
	const blocked: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
	});
	return blocked;
}
