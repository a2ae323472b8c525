/**
 * Reflow (WCAG 2.1 success criterion 1.4.10), which axe does not test: at 320 and 390 CSS pixels
 * wide, no page of the built site scrolls sideways, and nothing sticks out of the screen, except
 * inside a deliberate scroll container (a code block, a wide table in its own scroll box). Every
 * HTML page of `dist/` is visited (not one per page type: the overflow comes from an entry's
 * content, a long address or id), in the light and the dark theme, plus the phone menu open.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { distDir } from './harness.ts';
import { useBrowserSession } from './session.ts';

/** The narrowest width SC 1.4.10 asks for, and a common phone's. */
const widths = [320, 390] as const;
const themes = ['light', 'dark'] as const;

/** Every HTML page of the built site, as a path under the base (`''` for the home page). */
function everyPage(root: string): string[] {
	const paths: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = join(dir, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== '_astro' && entry.name !== 'pagefind') walk(full);
			} else if (entry.name.endsWith('.html')) {
				const path = relative(root, full).split(sep).join('/');
				paths.push(path.replace(/(^|\/)index\.html$/, '$1'));
			}
		}
	};
	walk(root);
	return paths.sort();
}

/** One element that sticks out of the screen, described for a failure message. */
interface Overflow {
	/** `tag.class1.class2`. */
	element: string;
	/** The start of its text. */
	text: string;
	/** Its horizontal extent, in CSS pixels. */
	left: number;
	right: number;
}

/** What a page measures at one width. */
interface Reflow {
	/** The document's scroll width and the viewport's width (scrollbar excluded). */
	scrollWidth: number;
	viewportWidth: number;
	/** Elements outside an allowed scroll container that stick out, innermost first. */
	overflows: Overflow[];
	/**
	 * Boxes that scroll sideways without being a code block or a table (a vertical scroller such
	 * as the phone menu computes `overflow-x: auto` too, so this is checked apart).
	 */
	scrollers: Overflow[];
	/** Boxes that cut their own text off (`overflow: hidden | clip` on wider content). */
	clipped: Overflow[];
	/** The theme the page is shown in (`data-theme` on `<html>`). */
	theme: string | undefined;
}

/**
 * Measures the page as it is laid out now. Runs in the browser: no closure over test variables.
 * An element is allowed past the edge only inside a scroll container (`pre`, Expressive Code, or
 * any box with `overflow-x: auto | scroll`), where the reader scrolls that box alone; only code
 * blocks, tables and focusable boxes may actually scroll sideways; and no box may cut its text
 * off (Starlight clips a long site title). Visually hidden text (`clip`, 1 px boxes) and
 * elements not rendered are ignored.
 */
function measureReflow(): Reflow {
	const viewportWidth = document.documentElement.clientWidth;
	const tolerance = 0.5;
	// Both answers hold for a whole subtree: worked out once per element, parents first.
	const scrollBox = new Map<Element, boolean>();
	const hidden = new Map<Element, boolean>();
	const insideScrollBox = (element: Element | null): boolean => {
		if (!element || element === document.body) return false;
		let answer = scrollBox.get(element);
		if (answer === undefined) {
			const { overflowX } = getComputedStyle(element);
			answer =
				element.matches('pre, .expressive-code') ||
				overflowX === 'auto' ||
				overflowX === 'scroll' ||
				insideScrollBox(element.parentElement);
			scrollBox.set(element, answer);
		}
		return answer;
	};
	const visuallyHidden = (element: Element | null): boolean => {
		if (!element) return false;
		let answer = hidden.get(element);
		if (answer === undefined) {
			const style = getComputedStyle(element);
			answer =
				style.visibility === 'hidden' ||
				style.display === 'none' ||
				(style.clip !== 'auto' && style.position === 'absolute') ||
				/inset\(50%\)|rect\(0/.test(style.clipPath) ||
				visuallyHidden(element.parentElement);
			hidden.set(element, answer);
		}
		return answer;
	};
	const sticksOut = (rect: DOMRect) =>
		rect.width > 0 && (rect.right > viewportWidth + tolerance || rect.left < -tolerance);
	const describe = (element: Element): Overflow => {
		const rect = element.getBoundingClientRect();
		const classes = [...element.classList].map((name) => `.${name}`).join('');
		return {
			element: `${element.localName}${classes}`,
			text: (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60),
			left: Math.round(rect.left),
			right: Math.round(rect.right),
		};
	};

	const offenders = new Set<Element>();
	const scrollers: Element[] = [];
	const clipped: Element[] = [];
	const deliberate = 'pre, .expressive-code, table, [tabindex="0"], [role="region"]';
	for (const element of document.body.querySelectorAll('*')) {
		if (element.getClientRects().length === 0 || visuallyHidden(element)) continue;
		if (element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0) {
			const { overflowX } = getComputedStyle(element);
			if (/auto|scroll/.test(overflowX) && !element.matches(deliberate)) scrollers.push(element);
			if (/hidden|clip/.test(overflowX) && element.textContent?.trim()) clipped.push(element);
		}
		if (insideScrollBox(element.parentElement)) continue;
		const rect = element.getBoundingClientRect();
		if (rect.width <= 1 && rect.height <= 1) continue;
		if (sticksOut(rect)) offenders.add(element);
	}
	// Text wider than its own box (a long word in a fixed-width cell) is named by that box.
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	const range = document.createRange();
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const parent = node.parentElement;
		if (!parent || !node.textContent?.trim() || offenders.has(parent)) continue;
		if (insideScrollBox(parent) || visuallyHidden(parent)) continue;
		range.selectNodeContents(node);
		if (sticksOut(range.getBoundingClientRect())) offenders.add(parent);
	}
	// The innermost offenders name the cause: a parent only widens because of what it holds.
	const innermost = [...offenders].filter(
		(element) => ![...offenders].some((other) => other !== element && element.contains(other)),
	);
	return {
		scrollWidth: document.documentElement.scrollWidth,
		viewportWidth,
		overflows: innermost.map(describe),
		scrollers: scrollers.map(describe),
		clipped: clipped.map(describe),
		theme: document.documentElement.dataset['theme'],
	};
}

/** Whether the page passes at this width: no sideways scrolling, nothing sticking out or cut. */
function reflows({ scrollWidth, viewportWidth, overflows, scrollers, clipped }: Reflow): boolean {
	return (
		scrollWidth <= viewportWidth &&
		[overflows, scrollers, clipped].every((elements) => elements.length === 0)
	);
}

/** A readable failure: the page, width and theme, the scroll width, and what sticks out. */
function report(where: string, reflow: Reflow) {
	const { scrollWidth, viewportWidth, overflows, scrollers, clipped } = reflow;
	const shown = 8;
	const list = (heading: string, items: Overflow[]) =>
		items.length === 0
			? []
			: [
					`  ${heading}:`,
					...items
						.slice(0, shown)
						.map(
							({ element, text, left, right }) =>
								`    <${element}> from ${left} to ${right} px: “${text}”`,
						),
					...(items.length > shown ? [`    … and ${items.length - shown} more`] : []),
				];
	return [
		`${where}: scroll width ${scrollWidth} px in a ${viewportWidth} px viewport`,
		...list('sticking out of the screen', overflows),
		...list('scrolling sideways, not a table or code block', scrollers),
		...list('cutting its text off', clipped),
	].join('\n');
}

/** Lays the page out at `width` and measures it once the next frame is drawn. */
async function reflowAt(page: Page, width: number): Promise<Reflow> {
	await page.setViewportSize({ width, height: 800 });
	await page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
	);
	return page.evaluate(measureReflow);
}

/**
 * Checks `paths` in one theme (set by the reader's colour-scheme preference, which Starlight
 * follows when no theme was chosen) at each width, `prepare` run after each load, and returns a
 * report for each page and width that fails. A few tabs share the pages: reusing a tab is about
 * three times faster than opening a fresh context for each page.
 */
async function check(
	paths: readonly string[],
	theme: (typeof themes)[number],
	prepare?: (page: Page) => Promise<void>,
): Promise<string[]> {
	const queue = [...paths];
	const problems: string[] = [];
	const tab = () =>
		session.withPage(
			async (page) => {
				for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
					await page.setViewportSize({ width: widths[0], height: 800 });
					await page.goto(session.server.resolve(path), { waitUntil: 'load' });
					await prepare?.(page);
					for (const width of widths) {
						const reflow = await reflowAt(page, width);
						expect(reflow.theme, `/${path} in the ${theme} theme`).toBe(theme);
						if (!reflows(reflow)) {
							problems.push(report(`/${path} at ${width} px, ${theme} theme`, reflow));
						}
					}
				}
			},
			{ colorScheme: theme },
		);
	await Promise.all(Array.from({ length: Math.min(tabsPerTheme, paths.length) }, tab));
	return problems.sort();
}

/** Tabs per theme: two themes at once, two tabs each, keep two processor cores busy. */
const tabsPerTheme = 2;
const pages = everyPage(distDir);
const session = useBrowserSession();

test('the built site has pages in both languages to check', () => {
	expect(pages).toContain('');
	expect(pages).toContain('en/');
	expect(pages.some((path) => /^registre\/systemes\/(?!page\/)[^/]+\/$/.test(path))).toBe(true);
});

describe.concurrent(`no sideways scrolling at ${widths.join(' and ')} px`, () => {
	test.each(themes)(`every page of the site, %s theme (${pages.length} pages)`, async (theme) => {
		const problems = await check(pages, theme);
		expect(problems.join('\n'), 'nothing sticks out of a phone screen').toBe('');
	});

	// The home page is a splash page, without the menu: the charter has it.
	test.each(themes)('the phone menu open, %s theme', async (theme) => {
		const problems = await check(['charte/', 'en/charte/'], theme, async (page) => {
			await page.locator('button[popovertarget="starlight__sidebar"]').click();
			await page.locator('#starlight__sidebar:popover-open').waitFor();
		});
		expect(problems.join('\n'), 'nothing in the open menu sticks out of a phone screen').toBe('');
	});
});
