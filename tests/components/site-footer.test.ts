import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/config/load.ts';
import { footerLinks } from '../../src/components/site-footer.ts';

const config = loadSiteConfig();

describe('site footer links', () => {
	it('come in the same order in both languages, the accessibility state first', () => {
		const fr = footerLinks(config, 'fr');
		const en = footerLinks(config, 'en');
		expect(fr.map(({ name }) => name)).toEqual(en.map(({ name }) => name));
		expect(fr.map(({ name }) => name)).toEqual([
			'accessibility',
			'legal',
			'privacy',
			'contact',
			'open-data',
			'glossary',
			'site-map',
			'source-code',
			'licence',
		]);
		expect(fr[0]?.text).toBe('Accessibilité\u00a0: non conforme');
		expect(en[0]?.text).toBe('Accessibility: not compliant');
	});

	it('say the state an audit gives, and lead to pages of the reader’s language', () => {
		const audited = {
			...config,
			accessibility: {
				...config.accessibility,
				audit: {
					date: '2027-01-15',
					auditor: 'Audit',
					rate: 100,
					scope: { fr: 'tout le site', en: 'the whole site' },
					referential: 'RGAA 4.1.2',
				},
			},
		};
		const [state] = footerLinks(audited, 'fr');
		expect(state?.text).toBe('Accessibilité\u00a0: totalement conforme');
		const legal = footerLinks(config, 'en').find(({ name }) => name === 'legal');
		expect(legal?.href).toMatch(/\/en\/mentions-legales\/$/);
	});

	it('name the content licence, the data licence unless another is set', () => {
		const licence = footerLinks(config, 'en').find(({ name }) => name === 'licence');
		expect(licence).toEqual({
			name: 'licence',
			text: `Content under the ${config.openData.licence.name.en}`,
			href: config.openData.licence.url,
		});
	});
});
