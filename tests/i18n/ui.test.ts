import { describe, expect, it } from 'vitest';
import { toLang, ui, useTranslations } from '../../src/i18n/ui.ts';

describe('UI strings', () => {
	it('has every string in both languages', () => {
		expect(Object.keys(ui.en).sort()).toEqual(Object.keys(ui.fr).sort());
		for (const strings of Object.values(ui)) {
			for (const text of Object.values(strings)) expect(text.trim()).not.toBe('');
		}
	});

	it('maps Astro and Starlight locales to a site language', () => {
		expect(toLang('en')).toBe('en');
		expect(toLang('en-GB')).toBe('en');
		expect(toLang('fr')).toBe('fr');
		expect(toLang('root')).toBe('fr');
		expect(toLang(undefined)).toBe('fr');
	});

	it('fills placeholders and leaves unknown ones visible', () => {
		const t = useTranslations('en');
		expect(t('report.title', { title: 'Home' })).toBe('Problem on the page “Home”');
		expect(t('report.title')).toBe('Problem on the page “{title}”');
	});
});
