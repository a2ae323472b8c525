import { describe, expect, it } from 'vitest';
import { checkPagesLocation, pagesMismatch } from '../../src/config/pages.ts';
import { loadSiteConfig } from '../../src/config/load.ts';

describe('pagesMismatch', () => {
	const project = { origin: 'https://clairval.github.io', basePath: '/registre-ia' };

	it('accepts the address GitHub Pages gives, with or without final slashes', () => {
		for (const base of ['/registre-ia', '/registre-ia/']) {
			expect(pagesMismatch({ url: 'https://clairval.github.io', base }, project)).toBeUndefined();
			expect(
				pagesMismatch(
					{ url: 'https://clairval.github.io/', base },
					{ ...project, basePath: `${project.basePath}/` },
				),
			).toBeUndefined();
		}
		const domain = { origin: 'https://ia.clairval.fr', basePath: '' };
		expect(pagesMismatch({ url: 'https://ia.clairval.fr' }, domain)).toBeUndefined();
		expect(pagesMismatch({ url: 'https://IA.clairval.fr/', base: '/' }, domain)).toBeUndefined();
	});

	it('says what to write when site.base is missing', () => {
		expect(pagesMismatch({ url: 'https://clairval.github.io' }, project)).toEqual({
			fr: 'GitHub Pages publie ce site à https://clairval.github.io/registre-ia/, mais registre.config.yml indique https://clairval.github.io/\u00a0: écrivez `site.url: https://clairval.github.io` et `site.base: /registre-ia` (ou donnez un domaine personnalisé au site dans Settings › Pages).',
			en: 'GitHub Pages serves this site at https://clairval.github.io/registre-ia/, but registre.config.yml says https://clairval.github.io/: write `site.url: https://clairval.github.io` and `site.base: /registre-ia` (or give the site a custom domain in Settings › Pages).',
		});
	});

	it('says to drop site.base on a custom domain, and to change the address', () => {
		const domain = { origin: 'https://ia.clairval.fr', basePath: '' };
		expect(
			pagesMismatch({ url: 'https://clairval.github.io', base: '/registre-ia' }, domain)?.en,
		).toBe(
			'GitHub Pages serves this site at https://ia.clairval.fr/, but registre.config.yml says https://clairval.github.io/registre-ia/: write `site.url: https://ia.clairval.fr`, with no `site.base` (or give the site a custom domain in Settings › Pages).',
		);
	});
});

describe('checkPagesLocation', () => {
	const config = loadSiteConfig();

	/** Runs the check as the deploy workflow does, returning its exit code and printed lines. */
	function check(env: NodeJS.ProcessEnv) {
		const lines: string[] = [];
		return { code: checkPagesLocation(env, (line) => lines.push(line)), lines };
	}

	it('passes quietly when GitHub Pages serves the configured address', () => {
		const origin = new URL(config.site.url).origin;
		expect(check({ PAGES_ORIGIN: origin, PAGES_BASE_PATH: config.site.base ?? '' })).toEqual({
			code: 0,
			lines: [],
		});
	});

	it('fails with one annotation on registre.config.yml, then the French text', () => {
		const { code, lines } = check({
			PAGES_ORIGIN: 'https://clairval.github.io',
			PAGES_BASE_PATH: '/registre-ia',
		});
		expect(code).toBe(1);
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(
			/^::error file=registre\.config\.yml,title=site\.url and site\.base::GitHub Pages serves this site at https:\/\/clairval\.github\.io\/registre-ia\/, /,
		);
		expect(lines[1]).toMatch(/^GitHub Pages publie ce site à /);
	});

	it('fails when the workflow gave no address', () => {
		const { code, lines } = check({});
		expect(code).toBe(1);
		expect(lines[0]).toMatch(
			/^::error::PAGES_ORIGIN is "": give it the origin output of actions\/configure-pages/,
		);
	});
});
