import type { StarlightPlugin } from '@astrojs/starlight/types';
import { languages, type Language } from '../../registry/schemas/index.ts';
import { useTranslations } from '../../i18n/ui.ts';

/** Pagefind's own placeholders, which its search interface fills in the browser. */
const placeholders = { term: '[SEARCH_TERM]', count: '[COUNT]', otherTerm: '[DIFFERENT_TERM]' };

/**
 * Pagefind's interface strings in `lang`, as Starlight's `pagefind.*` UI keys. Starlight passes
 * those keys to Pagefind UI; without them French pages fall back to English, since Starlight
 * ships no French `pagefind.*` strings and Pagefind UI 1.5's npm build never reads `<html lang>`
 * (its `onMount`, where it would, is Svelte's server-side no-op). `language` sets the number format.
 * @see https://github.com/withastro/starlight/pull/178
 */
export function pagefindStrings(lang: Language): Record<string, string> {
	const t = useTranslations(lang);
	return {
		'pagefind.language': lang,
		'pagefind.search_label': t('search.formLabel'),
		'pagefind.clear_search': t('search.clear'),
		'pagefind.filters_label': t('search.filters'),
		'pagefind.searching': t('search.searching', placeholders),
		'pagefind.zero_results': t('search.noResults', placeholders),
		'pagefind.one_result': t('search.oneResult', placeholders),
		'pagefind.many_results': t('search.manyResults', placeholders),
		'pagefind.load_more': t('search.loadMore'),
		'pagefind.alt_search': t('search.otherTerm', placeholders),
		'pagefind.search_suggestion': t('search.suggestions', placeholders),
	};
}

/** Starlight plugin giving the search dialog the page's language, from the site's UI strings. */
export function searchTranslations(): StarlightPlugin {
	return {
		name: 'registre-search-translations',
		hooks: {
			// Starlight requires this hook of every plugin; this one has nothing to configure.
			'config:setup'() {
				return undefined;
			},
			async 'i18n:setup'({ injectTranslations }) {
				injectTranslations(
					Object.fromEntries(languages.map((lang) => [lang, pagefindStrings(lang)])),
				);
			},
		},
	};
}
