import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroUserConfig } from 'astro';

/** Astro's `security.csp` settings. */
type CspSettings = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/**
 * Starlight components that write a script inline (`is:inline`: the theme, the search shortcut,
 * the sidebar's scroll position). Astro's CSP hashes the scripts it bundles, not these, so their
 * hashes are computed here from Starlight's own sources, which Astro copies into the page as
 * they are; a browser test fails on any script the policy blocks.
 * @see https://docs.astro.build/en/reference/configuration-reference/#securitycsp
 */
const inlineScriptComponents = ['ThemeProvider', 'ThemeSelect', 'Search', 'SidebarPersister'];

/** SHA-256 sources (`sha256-…`) of the scripts Starlight writes inline. */
function starlightInlineScriptHashes(): `sha256-${string}`[] {
	return inlineScriptComponents.flatMap((name) => {
		const url = import.meta.resolve(`@astrojs/starlight/components/${name}.astro`);
		const source = readFileSync(fileURLToPath(url), 'utf8');
		return [...source.matchAll(/<script\b[^>]*\bis:inline\b[^>]*>([\s\S]*?)<\/script>/g)].map(
			(match) =>
				`sha256-${createHash('sha256')
					.update(match[1] ?? '')
					.digest('base64')}` as const,
		);
	});
}

/**
 * The site's Content-Security-Policy, written by Astro into every page's head: scripts and styles
 * only from the site itself (and the hashed inline ones), no plug-ins, no other origin. Inline
 * `style` attributes stay allowed (Starlight and Pagefind's interface use them; CSS cannot run
 * code), and WebAssembly may compile for Pagefind's search.
 */
export function contentSecurityPolicy(): CspSettings {
	return {
		directives: [
			"default-src 'self'",
			// Starlight and Pagefind draw some icons as SVG data URLs.
			"img-src 'self' data:",
			"object-src 'none'",
			"base-uri 'self'",
			"form-action 'self'",
		],
		scriptDirective: {
			resources: ["'self'", "'wasm-unsafe-eval'"],
			hashes: starlightInlineScriptHashes(),
		},
		styleDirective: {
			resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }],
		},
	};
}
