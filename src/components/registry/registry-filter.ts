/**
 * Client side of a registry index: loads the compact index once, on first use, then filters the
 * whole registry in memory on every change. Only text nodes are written, never HTML.
 */

/** The compact index served as `index.json` beside each registry index page. */
export interface CompactIndex {
	facets: { name: string; values: string[] }[];
	/**
	 * `[id, name, summary, badges, facet value indexes, lang?]` per entry, sorted by name; an
	 * entry's address is the index's own followed by `<id>/`.
	 */
	rows: [string, string, string, string, number[][], string?][];
}

/** A row with the normalised text the text filter searches. */
export interface PreparedRow {
	row: CompactIndex['rows'][number];
	haystack: string;
}

/** Lower-cases and strips accents so that « securite » finds « Sécurité ». */
export function normalise(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase();
}

/** Prepares the rows of an index for filtering: its id, name and summary, normalised. */
export function prepareRows(index: CompactIndex): PreparedRow[] {
	return index.rows.map((row) => ({ row, haystack: normalise(`${row[0]} ${row[1]} ${row[2]}`) }));
}

/** Selected facet values by facet name, and the words typed. */
export interface FilterState {
	words: string[];
	facets: Map<string, Set<string>>;
}

/** Keeps rows that contain every word and, for each facet with a selection, one selected value. */
export function filterRows(index: CompactIndex, prepared: PreparedRow[], state: FilterState) {
	const wanted = index.facets.map((facet) => {
		const selected = state.facets.get(facet.name);
		if (!selected || selected.size === 0) return undefined;
		return new Set(facet.values.flatMap((value, i) => (selected.has(value) ? [i] : [])));
	});
	return prepared.filter(({ row, haystack }) => {
		for (const word of state.words) if (!haystack.includes(word)) return false;
		return wanted.every((set, f) => !set || (row[4][f] ?? []).some((value) => set.has(value)));
	});
}

/** Wires one index: reveals the form, filters on input, keeps the URL in step. */
export function initRegistryIndex(root: HTMLElement) {
	const form = root.querySelector('form');
	const list = root.querySelector<HTMLOListElement>('[data-registry-list]');
	const status = root.querySelector<HTMLElement>('[data-registry-status]');
	const more = root.querySelector<HTMLButtonElement>('[data-registry-more]');
	const template = root.querySelector<HTMLTemplateElement>('template[data-registry-row]');
	const pagination = root.querySelector<HTMLElement>('[data-registry-pagination]');
	if (!form || !list || !status || !more || !template) return;
	const pageSize = Number(root.dataset.pageSize ?? 50);
	const base = root.dataset.base ?? '';
	const staticItems = [...list.children];
	let loading: Promise<{ index: CompactIndex; prepared: PreparedRow[] }> | undefined;
	let loaded = false;
	let matches: PreparedRow[] = [];
	let shown = 0;

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

	const renderRows = (from: number, to: number) => {
		for (const { row } of matches.slice(from, to)) {
			const item = template.content.firstElementChild?.cloneNode(true) as HTMLLIElement;
			const [link, summary, badges] = item.children as unknown as [
				HTMLAnchorElement,
				HTMLElement,
				HTMLElement,
			];
			item.dataset.entryId = row[0];
			link.href = `${base}${row[0]}/`;
			link.textContent = row[1];
			summary.textContent = row[2];
			badges.textContent = row[3];
			if (row[5]) {
				link.lang = row[5];
				summary.lang = row[5];
			}
			list.append(item);
		}
		shown = Math.min(to, matches.length);
		const remaining = matches.length - shown;
		more.hidden = remaining <= 0;
		more.textContent = (root.dataset.more ?? '').replace(
			'{count}',
			String(Math.min(remaining, pageSize)),
		);
	};

	const apply = async () => {
		const state = readState();
		const active = state.words.length > 0 || state.facets.size > 0;
		syncUrl(form);
		if (!active) {
			list.replaceChildren(...staticItems);
			more.hidden = true;
			if (pagination) pagination.hidden = false;
			status.textContent = '';
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
		matches = filterRows(index, prepared, state);
		list.replaceChildren();
		if (pagination) pagination.hidden = true;
		renderRows(0, pageSize);
		status.textContent =
			matches.length === 0
				? (root.dataset.noResults ?? '')
				: (root.dataset.results ?? '')
						.replace('{count}', String(matches.length))
						.replace('{total}', String(prepared.length));
	};

	restoreFromUrl(form);
	form.hidden = false;
	form.addEventListener('input', () => void apply());
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		void apply();
	});
	form.addEventListener('reset', () => setTimeout(() => void apply()));
	// Fetch the index as soon as the reader heads for the filters, so the first result is instant.
	for (const event of ['focusin', 'pointerenter', 'touchstart']) {
		// A failed prefetch is reported by the change that needs the data, which tries again.
		form.addEventListener(event, () => void load().catch(() => undefined), {
			once: true,
			passive: true,
		});
	}
	more.addEventListener('click', () => renderRows(shown, shown + pageSize));
	if (new URLSearchParams(location.search).size > 0) void apply();
}

/** Mirrors the form in the address bar, so a filtered list can be shared or bookmarked. */
function syncUrl(form: HTMLFormElement) {
	const params = new URLSearchParams();
	for (const [name, value] of new FormData(form)) {
		if (typeof value === 'string' && value !== '') params.append(name, value);
	}
	const query = params.toString();
	history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

/** Fills the form from the address bar, opening the facets if one of them is set. */
function restoreFromUrl(form: HTMLFormElement) {
	const params = new URLSearchParams(location.search);
	const facets = form.querySelector('details');
	if (facets && [...params.keys()].some((name) => name !== 'q')) facets.open = true;
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
