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

/** The records kept so far, or where to send them as soon as their page is rendered. */
interface RecordStore {
	records: Map<string, SearchRecord>;
	sink?: ((record: SearchRecord) => void) | undefined;
}

/**
 * The records of the pages rendered in this process. Astro renders the pages with its own copy of
 * this module (bundled by Vite) in the process that runs the integrations' hooks, hence a global.
 */
function recordStore(): RecordStore {
	const global = globalThis as { [storeKey]?: RecordStore };
	return (global[storeKey] ??= { records: new Map() });
}

/** Hands a rendered page's search record to the search index, or keeps it until asked for. */
export function collectSearchRecord(record: SearchRecord): void {
	const store = recordStore();
	if (store.sink) store.sink(record);
	else store.records.set(record.url, record);
}

/**
 * Sends every record collected from now on to `sink` as soon as its page is rendered, until
 * `takeSearchRecords`: Pagefind, a separate process, then indexes them while the pages render.
 */
export function streamSearchRecords(sink: (record: SearchRecord) => void): void {
	recordStore().sink = sink;
}

/** The search records kept so far, handed over once and forgotten; stops any stream. */
export function takeSearchRecords(): SearchRecord[] {
	const store = recordStore();
	store.sink = undefined;
	const records = [...store.records.values()];
	store.records.clear();
	return records;
}
