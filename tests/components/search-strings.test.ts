import { describe, expect, it } from 'vitest';
import { pagefindStrings } from '../../src/components/search/search-strings.ts';
import { languages } from '../../src/registry/schemas/index.ts';

describe('the search dialog’s strings', () => {
	it('exist in every language, with the same keys, none empty', () => {
		const keys = Object.keys(pagefindStrings.fr).sort();
		for (const lang of languages) {
			expect(Object.keys(pagefindStrings[lang]).sort()).toEqual(keys);
			expect(Object.values(pagefindStrings[lang]).filter((text) => !text.trim())).toEqual([]);
		}
	});

	it('keep Pagefind’s placeholders and never write a plural as "result(s)"', () => {
		for (const lang of languages) {
			const strings = pagefindStrings[lang];
			expect(strings.language).toBe(lang);
			for (const key of ['searching', 'zero_results', 'one_result', 'many_results'] as const) {
				expect(strings[key]).toContain('[SEARCH_TERM]');
			}
			expect(strings.one_result).toContain('[COUNT]');
			expect(strings.many_results).toContain('[COUNT]');
			expect(strings.alt_search).toContain('[DIFFERENT_TERM]');
			for (const text of Object.values(strings)) expect(text).not.toMatch(/\((s|es|ies|e)\)/);
		}
	});
});
