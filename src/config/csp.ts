import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StarlightPlugin } from '@astrojs/starlight/types';

/**
 * Starlight components that write a script inline (`is:inline`: the theme, the search shortcut,
 * the sidebar's scroll position). Their hashes are computed from Starlight's own sources, which
 * Astro copies into the page as they are; a site test checks every inline script is allowed, and
 * a browser test fails on any script the policy blocks.
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
 * The site's Content-Security-Policy, written into every built page's head before its first script:
 * scripts and styles only from the site itself (and Starlight's hashed inline scripts), no
 * plug-ins, no other origin. Inline `style` attributes stay allowed (Starlight and Pagefind's
 * interface use them; CSS cannot run code), and WebAssembly may compile for Pagefind's search.
 * Written by hand rather than by Astro's `security.csp`, which adds a hash of every script and
 * stylesheet file the site bundles to every page (files that `'self'` already allows): 600 bytes
 * on each of the registry's thousands of pages (BENCHMARKS.md, 2026-12-01).
 * @see https://docs.astro.build/en/reference/configuration-reference/#securitycsp
 */
export function contentSecurityPolicy(): string {
	const hashes = starlightInlineScriptHashes().map((hash) => `'${hash}'`);
	return [
		"default-src 'self'",
		// Starlight and Pagefind draw some icons as SVG data URLs.
		"img-src 'self' data:",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '),
		"style-src 'self'",
		"style-src-attr 'unsafe-inline'",
	].join('; ');
}

/**
 * Starlight plugin writing the policy into every built page's head (Starlight's `head` option,
 * whose entries come before any script). Not in `astro dev`, whose styles Vite injects inline,
 * as Astro's own `security.csp` does not apply there either.
 * @see https://starlight.astro.build/reference/plugins/#configsetup
 */
export function contentSecurityPolicyPlugin(): StarlightPlugin {
	return {
		name: 'registre-content-security-policy',
		hooks: {
			'config:setup'({ command, config, updateConfig }) {
				if (command !== 'build') return;
				const policy = {
					'http-equiv': 'content-security-policy',
					content: contentSecurityPolicy(),
				};
				updateConfig({ head: [...(config.head ?? []), { tag: 'meta', attrs: policy }] });
			},
		},
	};
}
