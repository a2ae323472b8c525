import type { Language } from '../../registry/schemas/index.ts';

/** The strings of Pagefind UI's that the site sets. */
export type PagefindKey =
	| 'language'
	| 'search_label'
	| 'clear_search'
	| 'filters_label'
	| 'searching'
	| 'zero_results'
	| 'one_result'
	| 'many_results'
	| 'load_more'
	| 'alt_search'
	| 'search_suggestion';

/**
 * Pagefind UI's strings in each of the site's languages, under its own keys and with its own
 * placeholders (`[SEARCH_TERM]`, `[COUNT]`, `[DIFFERENT_TERM]`), which it fills in the browser.
 * Without them French pages fall back to English: Starlight ships no French `pagefind.*` strings,
 * and Pagefind UI's npm build never reads `<html lang>` (its `onMount`, where it would, is
 * Svelte's server-side no-op). `language` sets the number format.
 * @see https://github.com/Pagefind/pagefind/blob/main/pagefind_ui/translations/fr.json
 */
export const pagefindStrings = {
	fr: {
		language: 'fr',
		search_label: 'Recherche dans le site',
		clear_search: 'Effacer',
		filters_label: 'Filtres',
		searching: 'Recherche de «\u00a0[SEARCH_TERM]\u00a0»…',
		zero_results: 'Aucun résultat pour «\u00a0[SEARCH_TERM]\u00a0»',
		one_result: '[COUNT] résultat pour «\u00a0[SEARCH_TERM]\u00a0»',
		many_results: '[COUNT] résultats pour «\u00a0[SEARCH_TERM]\u00a0»',
		load_more: 'Afficher plus de résultats',
		alt_search:
			'Aucun résultat pour «\u00a0[SEARCH_TERM]\u00a0»\u202f; voici les résultats pour «\u00a0[DIFFERENT_TERM]\u00a0»',
		search_suggestion:
			'Aucun résultat pour «\u00a0[SEARCH_TERM]\u00a0». Essayez l’une de ces recherches\u00a0:',
	},
	en: {
		language: 'en',
		search_label: 'Search this site',
		clear_search: 'Clear',
		filters_label: 'Filters',
		searching: 'Searching for “[SEARCH_TERM]”…',
		zero_results: 'No results for “[SEARCH_TERM]”',
		one_result: '[COUNT] result for “[SEARCH_TERM]”',
		many_results: '[COUNT] results for “[SEARCH_TERM]”',
		load_more: 'Show more results',
		alt_search: 'No results for “[SEARCH_TERM]”; showing results for “[DIFFERENT_TERM]” instead',
		search_suggestion: 'No results for “[SEARCH_TERM]”. Try one of these searches:',
	},
} satisfies Record<Language, Record<PagefindKey, string>>;
