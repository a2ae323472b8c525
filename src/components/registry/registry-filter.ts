/**
 * Client side of a registry index: loads the compact index once, on first use, then filters and
 * sorts the whole registry in memory on every change. Only text nodes are written, never HTML.
 */

/** The compact index served as `index.json` beside each registry index page. */
export interface CompactIndex {
	facets: { name: string; values: string[] }[];
	/** The table's columns after the name, by stable name; counts sort from the highest first. */
	columns: { name: string; numeric?: true }[];
	/**
	 * `[id, name, summary, cells, sort keys, facet value indexes, lang?]` per entry, sorted by
	 * name; an entry's address is the index's own followed by `<id>/`. A sort key orders the rows
	 * as its column sorts (-1 for an empty cell).
	 */
	rows: [string, string, string, string[], number[], number[][], string?][];
}

/** A row with the normalised text the text filter searches. */
export interface PreparedRow {
	row: CompactIndex['rows'][number];
	haystack: string;
}

/** The column a table is sorted by (`-1` for the name, by which rows come) and its direction. */
export interface SortState {
	column: number;
	descending: boolean;
}

/** The table's default order: by name, A to Z. */
export const byName: SortState = { column: -1, descending: false };

/** Lower-cases and strips accents so that « securite » finds « Sécurité ». */
export function normalise(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase();
}

/** Prepares the rows of an index for filtering: id, name, summary and cells, normalised. */
export function prepareRows(index: CompactIndex): PreparedRow[] {
	return index.rows.map((row) => ({
		row,
		haystack: normalise(`${row[0]} ${row[1]} ${row[2]} ${row[3].join(' ')}`),
	}));
}

/** Selected facet values by facet name, and the words typed. */
export interface FilterState {
	words: string[];
	facets: Map<string, Set<string>>;
}

/** Keeps rows that contain every word and, for each facet with a selection, one selected value. */
export function filterRows(index: CompactIndex, prepared: PreparedRow[], state: FilterState) {
	// Only the facets with a selection, each as the set of its selected value indexes.
	const wanted: [number, Set<number>][] = [];
	index.facets.forEach((facet, f) => {
		const selected = state.facets.get(facet.name);
		if (!selected || selected.size === 0) return;
		const set = new Set<number>();
		facet.values.forEach((value, i) => {
			if (selected.has(value)) set.add(i);
		});
		wanted.push([f, set]);
	});
	// Plain loops: this runs over every row of the registry on each change (10,000 at scale).
	return prepared.filter(({ row, haystack }) => {
		for (const word of state.words) if (!haystack.includes(word)) return false;
		for (const [f, set] of wanted) {
			const values = row[5][f];
			if (!values?.some((value) => set.has(value))) return false;
		}
		return true;
	});
}

/**
 * Orders rows (given in name order) by a column's sort keys: numbers compared, so that 10,000
 * rows sort in a few milliseconds; empty cells last either way; ties stay in name order.
 */
export function sortRows(rows: readonly PreparedRow[], sort: SortState): PreparedRow[] {
	if (sort.column < 0) return sort.descending ? [...rows].reverse() : [...rows];
	const { column } = sort;
	const sign = sort.descending ? -1 : 1;
	return [...rows].sort((a, b) => {
		const x = a.row[4][column] ?? -1;
		const y = b.row[4][column] ?? -1;
		if (x === y) return 0;
		if (x < 0) return 1;
		if (y < 0) return -1;
		return (x - y) * sign;
	});
}

/** The sort an address asks for: `?sort=risk`, or `?sort=-used-by` for the reverse order. */
export function sortFromParam(param: string | null, columns: readonly string[]): SortState {
	if (!param) return byName;
	const descending = param.startsWith('-');
	const name = descending ? param.slice(1) : param;
	if (name === 'name') return { column: -1, descending };
	const column = columns.indexOf(name);
	return column < 0 ? byName : { column, descending };
}

/** The address parameter of a sort, `undefined` for the default order. */
export function sortParam(sort: SortState, columns: readonly string[]): string | undefined {
	if (sort.column < 0 && !sort.descending) return undefined;
	const name = sort.column < 0 ? 'name' : (columns[sort.column] ?? 'name');
	return `${sort.descending ? '-' : ''}${name}`;
}

/** Plural rules by language, made once: each costs ~1 ms to make on a slow phone. */
const pluralRules = new Map<string, Intl.PluralRules>();

/** A message from the root's data attributes in the plural form that agrees with `count`. */
function counted(root: HTMLElement, name: string, count: number): string {
	const lang = document.documentElement.lang;
	let rules = pluralRules.get(lang);
	if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang || undefined)));
	const category = rules.select(count);
	const form = `${name}${category.charAt(0).toUpperCase()}${category.slice(1)}`;
	return (root.dataset[form] ?? root.dataset[`${name}Other`] ?? '').replace(
		'{count}',
		String(count),
	);
}

/** Wires one index: reveals the form and the sort buttons, filters and sorts, keeps the URL in step. */
export function initRegistryIndex(root: HTMLElement) {
	const form = root.querySelector('form');
	const list = root.querySelector<HTMLElement>('[data-registry-list]');
	const status = root.querySelector<HTMLElement>('[data-registry-status]');
	const more = root.querySelector<HTMLButtonElement>('[data-registry-more]');
	const template = root.querySelector<HTMLTemplateElement>('template[data-registry-row]');
	const pagination = root.querySelector<HTMLElement>('[data-registry-pagination]');
	const sortState = root.querySelector<HTMLElement>('[data-registry-sort-state]');
	if (!form || !list || !status || !more || !template) return;
	const headers = [...root.querySelectorAll<HTMLTableCellElement>('thead th[data-column]')];
	// The name's header first, then the columns in the compact index's order.
	const columnNames = headers.slice(1).map((th) => th.dataset.column ?? '');
	// After a reader's sort or filter, 25 rows are drawn, then 25 more per click: the table's
	// style, layout and paint grow with its rows, and at 10,000 entries with 4× CPU throttling 50
	// rows took 48 to 59 ms to the next paint, 25 rows 33 to 49 (BENCHMARKS.md, "In the browser").
	const batchSize = 25;
	const base = root.dataset.base ?? '';
	const staticItems = [...list.children];
	let loading: Promise<{ index: CompactIndex; prepared: PreparedRow[] }> | undefined;
	let loaded = false;
	let matches: PreparedRow[] = [];
	let shown = 0;
	let sort = sortFromParam(new URLSearchParams(location.search).get('sort'), columnNames);

	const load = () =>
		(loading ??= fetch(root.dataset.source ?? '')
			.then((response) => {
				if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
				return response.json() as Promise<CompactIndex>;
			})
			.then((index) => ({ index, prepared: prepareRows(index) }))
			.catch((error: unknown) => {
				loading = undefined; // The next change tries again.
				throw error;
			}));

	const readState = (): FilterState => {
		const data = new FormData(form);
		const facets = new Map<string, Set<string>>();
		for (const [name, value] of data) {
			if (name === 'q' || typeof value !== 'string' || value === '') continue;
			const set = facets.get(name) ?? new Set<string>();
			set.add(value);
			facets.set(name, set);
		}
		const words = normalise(String(data.get('q') ?? ''))
			.split(/\s+/)
			.filter(Boolean);
		return { words, facets };
	};

	// The rows shown once filtered or sorted, made once and then rewritten in place: a new sort
	// changes their texts, so the browser lays the table out again but restyles nothing (at
	// 10,000 entries and 4× slower CPU, new rows' style recalculation alone cost ~10 ms).
	const pool: HTMLElement[] = [];
	const rowAt = (i: number) =>
		(pool[i] ??= template.content.firstElementChild?.cloneNode(true) as HTMLElement);
	const setText = (element: Element | undefined, text: string) => {
		if (element && element.textContent !== text) element.textContent = text;
	};
	const fill = (item: HTMLElement, row: CompactIndex['rows'][number]) => {
		const [head, ...cells] = item.children as unknown as HTMLElement[];
		const link = head?.firstElementChild as HTMLAnchorElement;
		const href = `${base}${row[0]}/`;
		item.dataset.entryId = row[0];
		if (link.getAttribute('href') !== href) link.setAttribute('href', href);
		setText(link, row[1]);
		if (row[6]) link.lang = row[6];
		else link.removeAttribute('lang');
		cells.forEach((cell, c) => setText(cell, row[3][c] ?? ''));
	};

	/** Shows the first `to` matches, rewriting the rows from `from` on. */
	const renderRows = (from: number, to: number) => {
		const count = Math.min(to, matches.length);
		// The static rows leave once; the pool's rows then sit in order, so only the tail changes.
		if (list.firstElementChild && !pool.includes(list.firstElementChild as HTMLElement)) {
			list.replaceChildren();
		}
		for (let i = from; i < count; i++) fill(rowAt(i), (matches[i] as PreparedRow).row);
		while (list.children.length > count) list.lastElementChild?.remove();
		for (let i = list.children.length; i < count; i++) list.append(rowAt(i));
		shown = count;
		const remaining = matches.length - shown;
		more.hidden = remaining <= 0;
		more.textContent = counted(root, 'more', Math.min(remaining, batchSize));
	};

	// The address follows the list after it is painted, not before: it matters to a reader who
	// shares the list, not to the update (replaceState costs ~5 ms at 4× slower CPU).
	let urlPending = false;
	const scheduleUrl = () => {
		if (urlPending) return;
		urlPending = true;
		requestAnimationFrame(() =>
			setTimeout(() => {
				urlPending = false;
				syncUrl(form, sortParam(sort, columnNames));
			}),
		);
	};

	// Each order of the whole index, sorted once: an update then only filters it, in order.
	const orders = new Map<string, PreparedRow[]>();
	const ordered = (prepared: PreparedRow[]) => {
		const key = `${sort.column}:${sort.descending}`;
		let rows = orders.get(key);
		if (!rows) orders.set(key, (rows = sortRows(prepared, sort)));
		return rows;
	};

	/** Shows the sort on the headers (`aria-sort`, arrows) and in the table's caption. */
	const showSort = () => {
		headers.forEach((th, h) => {
			const active = h - 1 === sort.column;
			if (active) th.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
			else th.removeAttribute('aria-sort');
			const arrow = th.querySelector('[data-sort-arrow]');
			if (arrow) arrow.textContent = active ? (sort.descending ? '▼' : '▲') : '↕';
		});
		if (sortState) sortState.textContent = `, ${sortText()}`;
	};

	const sortText = () =>
		(root.dataset.sortState ?? '')
			.replace('{column}', headers[sort.column + 1]?.querySelector('button')?.dataset.label ?? '')
			.replace(
				'{order}',
				(sort.descending ? root.dataset.descending : root.dataset.ascending) ?? '',
			);

	const apply = async (announceSort = false) => {
		const state = readState();
		const filtered = state.words.length > 0 || state.facets.size > 0;
		const sorted = sort.column >= 0 || sort.descending;
		scheduleUrl();
		showSort();
		if (!filtered && !sorted) {
			list.replaceChildren(...staticItems);
			more.hidden = true;
			if (pagination) pagination.hidden = false;
			status.textContent = announceSort ? capitalised(sortText()) : '';
			return;
		}
		// At 10,000 entries the data takes a moment on a slow connection: say so meanwhile.
		if (!loaded) status.textContent = root.dataset.loading ?? '';
		let data: Awaited<ReturnType<typeof load>>;
		try {
			data = await load();
		} catch {
			status.textContent = root.dataset.loadError ?? '';
			return;
		}
		loaded = true;
		const { index, prepared } = data;
		matches = filterRows(index, ordered(prepared), state);
		if (pagination) pagination.hidden = true;
		renderRows(0, batchSize);
		const parts: string[] = [];
		if (filtered) {
			parts.push(
				matches.length === 0
					? (root.dataset.noResults ?? '')
					: counted(root, 'results', matches.length).replace('{total}', String(prepared.length)),
			);
		}
		if (announceSort) parts.push(capitalised(sortText()));
		status.textContent = parts.join(' ');
	};

	// The headers become sort buttons: the table is in name order without JavaScript.
	headers.forEach((th, h) => {
		const label = th.textContent?.trim() ?? '';
		const button = document.createElement('button');
		button.type = 'button';
		button.dataset.label = label;
		const text = document.createElement('span');
		text.textContent = label;
		const arrow = document.createElement('span');
		arrow.dataset.sortArrow = '';
		arrow.setAttribute('aria-hidden', 'true');
		button.append(text, arrow);
		th.replaceChildren(button);
		button.addEventListener('click', () => {
			const column = h - 1;
			// A second click reverses; a count starts from the highest, any other column from A.
			sort =
				sort.column === column
					? { column, descending: !sort.descending }
					: { column, descending: th.dataset.numeric !== undefined };
			void apply(true);
		});
	});
	showSort();

	restoreFromUrl(form);
	form.hidden = false;
	form.addEventListener('input', () => void apply());
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		void apply();
	});
	form.addEventListener('reset', () => setTimeout(() => void apply()));
	// Fetch the index as soon as the reader heads for the filters or the headers, so the first
	// result is instant.
	for (const target of [form, root.querySelector('thead')]) {
		for (const event of ['focusin', 'pointerenter', 'touchstart']) {
			// A failed prefetch is reported by the change that needs the data, which tries again.
			target?.addEventListener(event, () => void load().catch(() => undefined), {
				once: true,
				passive: true,
			});
		}
	}
	more.addEventListener('click', () => renderRows(shown, shown + batchSize));
	if (new URLSearchParams(location.search).size > 0) void apply();
}

function capitalised(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Mirrors the form and the sort in the address bar, so a list can be shared or bookmarked. */
function syncUrl(form: HTMLFormElement, sort: string | undefined) {
	const params = new URLSearchParams();
	for (const [name, value] of new FormData(form)) {
		if (typeof value === 'string' && value !== '') params.append(name, value);
	}
	if (sort) params.set('sort', sort);
	const query = params.toString();
	history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

/** Fills the form from the address bar, opening the facets if one of them is set. */
function restoreFromUrl(form: HTMLFormElement) {
	const params = new URLSearchParams(location.search);
	const facets = form.querySelector('details');
	if (facets && [...params.keys()].some((name) => name !== 'q' && name !== 'sort')) {
		facets.open = true;
	}
	for (const element of form.elements) {
		if (element instanceof HTMLInputElement && element.type === 'checkbox') {
			element.checked = params.getAll(element.name).includes(element.value);
		} else if (
			(element instanceof HTMLInputElement || element instanceof HTMLSelectElement) &&
			params.has(element.name)
		) {
			element.value = params.get(element.name) ?? '';
		}
	}
}
