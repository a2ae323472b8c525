// Types only: the Astro configuration loads this module (through the integration), before the
// site's configuration can be read.
import type { Language } from '../registry/schemas/index.ts';

/**
 * An entry page as Pagefind indexes it: a custom record, given to Pagefind's Node API instead of
 * the page's HTML, which Pagefind would otherwise read and parse again once the site is written.
 * @see https://pagefind.app/docs/node-api/#indexaddcustomrecord
 */
export interface SearchRecord {
	/** The page's address from the site's root, without the base path (Pagefind adds it). */
	url: string;
	/** The searchable text, escaped as HTML: Pagefind's interface shows excerpts as markup. */
	content: string;
	language: Language;
	/** The title the results show (as text, never as markup). */
	meta: { title: string };
	/** Filter names and values, escaped as HTML: Pagefind's interface shows them as markup. */
	filters: Record<string, string[]>;
}

/** Where the records of the pages rendered so far wait for the build's end (`collectSearchRecord`). */
const storeKey = Symbol.for('registre-ia:search-records');

/**
 * The records of the pages rendered in this process. Astro renders the pages with its own copy of
 * this module (bundled by Vite) in the process that runs the integrations' hooks, hence a global.
 */
function recordStore(): Map<string, SearchRecord> {
	const global = globalThis as { [storeKey]?: Map<string, SearchRecord> };
	return (global[storeKey] ??= new Map());
}

/** Keeps a rendered page's search record until the search index is written (`takeSearchRecords`). */
export function collectSearchRecord(record: SearchRecord): void {
	recordStore().set(record.url, record);
}

/** The search records collected so far, handed over once and forgotten. */
export function takeSearchRecords(): SearchRecord[] {
	const store = recordStore();
	const records = [...store.values()];
	store.clear();
	return records;
}
