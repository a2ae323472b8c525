import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/config/load.ts';
import { resolveSiteValue, siteConfig, siteValueNames } from '../../src/components/site-values.ts';
import { pageProblemUrl, publicPageUrl } from '../../src/components/report-problem.ts';

const config = loadSiteConfig();

describe('site values', () => {
	it('reads the same configuration as astro.config.mjs', () => {
		expect(siteConfig()).toEqual(config);
	});

	it('resolves every name in both languages', () => {
		for (const name of siteValueNames) {
			for (const lang of ['fr', 'en'] as const) {
				expect(resolveSiteValue(name, lang).text, name).not.toBe('');
			}
		}
	});

	it('picks the label of the language and links addresses', () => {
		expect(resolveSiteValue('organisation.name', 'en').text).toBe(config.organisation.name.en);
		expect(resolveSiteValue('organisation.dpoEmail', 'fr')).toEqual({
			text: config.organisation.dpoEmail,
			href: `mailto:${config.organisation.dpoEmail}`,
		});
		expect(resolveSiteValue('repository.url', 'fr').href).toBe(
			`https://github.com/${config.repository.owner}/${config.repository.name}`,
		);
	});

	it('formats numbers the way each language writes them', () => {
		const big = { ...config, drafting: { ...config.drafting, perRepositoryPerDay: 12000 } };
		expect(resolveSiteValue('drafting.perRepositoryPerDay', 'fr', big).text).toBe('12\u202f000');
		expect(resolveSiteValue('drafting.perRepositoryPerDay', 'en', big).text).toBe('12,000');
	});
});

describe('report-a-problem link', () => {
	it('opens the page-problem form with the page, title and language labels', () => {
		const url = new URL(
			pageProblemUrl(config, {
				lang: 'en',
				title: 'Problem on the page “Open data”',
				pageUrl: publicPageUrl(config, '/en/donnees-ouvertes/'),
			}),
		);
		expect(url.pathname).toBe(`/${config.repository.owner}/${config.repository.name}/issues/new`);
		expect(Object.fromEntries(url.searchParams)).toEqual({
			template: 'page-problem.yml',
			labels: 'page-problem,lang:en',
			title: 'Problem on the page “Open data”',
			page: new URL('/en/donnees-ouvertes/', config.site.url).href,
		});
	});
});
