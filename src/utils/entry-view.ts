import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import type { z } from 'zod';
import {
	isTextSchema,
	listItemReference,
	objectShape,
	schemaAt,
	unwrap,
	valueAt,
} from '../registry/schema-fields.ts';
import { fieldDoc, type Bilingual, type Text, type Language } from '../registry/schemas/index.ts';
import type { Drafted } from '../registry/schemas/shared.ts';
import { formatLongDate } from '../registry/texts.ts';
import { formatCost, formatEnergy } from './footprint-format.ts';
import {
	entrySchemas,
	kindOf,
	referencedKind,
	type EntryKind,
	type KeyFact,
	type LayoutItem,
	type LayoutSection,
} from '../registry/kinds/index.ts';
import { facetsFor } from '../registry/facets.ts';
import type { Reference } from '../registry/references.ts';
import { vocabularyValue } from '../registry/vocabularies.ts';
import { bodyHast, bodySections } from '../registry/body.ts';
import type { useRegistryTranslations } from '../i18n/registry.ts';
import { glossaryId, glossaryPath, isGlossaryTerm } from './glossary.ts';
import { pickText, registryPath, sitePath } from './registry-paths.ts';
import { referencesOf, siteEntry, type SiteEntry, type SiteRegistry } from './site-registry.ts';
import { entryJsonPath, entryName } from './entry-meta.ts';
import { unsearchedClass } from '../search/records.ts';
import { entryFacetValues, facetValueLabel } from './registry-index.ts';

/** What rendering an entry needs besides the entry. */
export interface ViewContext {
	lang: Language;
	kind: EntryKind;
	registry: SiteRegistry;
	t: ReturnType<typeof useRegistryTranslations>;
	/** Base of links to the repository, e.g. `https://github.com/owner/name`. */
	repositoryUrl: string;
	/** In the key-facts card: terms without their definitions, objects as one line per part. */
	brief?: true;
	/**
	 * Set by `renderEntry` for its page: the terms whose definition the page shows already, each
	 * defined where it first appears.
	 */
	defined?: Set<string>;
}

/** Something a hast element can hold: an element or text. */
type Node = ElementContent | string;

const numberFormats = new Map<Language, Intl.NumberFormat>();

/** Formats a `YYYY-MM-DD` or ISO date as a long date in the reader's language. */
export function formatDate(value: string, lang: Language): string {
	return formatLongDate(new Date(value.length === 10 ? `${value}T00:00:00Z` : value), lang);
}

function formatNumber(value: number, lang: Language): string {
	let format = numberFormats.get(lang);
	if (!format) {
		format = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB');
		numberFormats.set(lang, format);
	}
	return format.format(value);
}

/**
 * Renders the body of an entry page — the key-facts card, an "on this page" menu and the
 * sections — as a syntax tree, so every value from the registry is escaped by construction and
 * nothing in it can become markup.
 */
export function renderEntry(entry: SiteEntry, pageContext: ViewContext): ElementContent[] {
	const context = { ...pageContext, defined: new Set<string>() };
	const { layout } = kindOf(context.kind);
	const sections = layout.sections.flatMap((section) => {
		const items = renderSectionItems(entry, section, context);
		return items.length ? [{ section, title: sectionTitle(section, context), items }] : [];
	});
	return [
		keyFactsCard(entry, layout.keyFacts, context),
		...(sections.length > 1 ? [pageMenu(sections, context)] : []),
		...sections.map(({ section, title, items }) =>
			h('section', { class: section.searchable === false ? unsearchedClass : undefined }, [
				h('h2', { id: section.slug }, title),
				...(titledByField(section) && aiFilled(entry, titledByField(section) ?? '')
					? [h('p', aiMark(context))]
					: []),
				...items,
			]),
		),
	];
}

/**
 * The card that opens the page: the key facts, how many fields the AI filled in (marked where
 * they stand), and the entry's data as JSON.
 */
function keyFactsCard(
	entry: SiteEntry,
	keyFacts: readonly KeyFact[],
	context: ViewContext,
): ElementContent {
	const { t, lang } = context;
	const ai = aiFields(entry).length;
	const json = entryJsonPath(context.kind, entry.id);
	return h('div', { class: 'entry-card' }, [
		h(
			'dl',
			{ class: 'entry-facts' },
			keyFacts.flatMap((fact) => keyFactRow(entry, fact, context)),
		),
		...(ai
			? [
					h('p', { class: 'entry-card-note' }, [
						t('entry.aiNote', { count: ai }),
						' ',
						h('a', { href: sitePath(lang, 'guide-relecture/') }, t('entry.aiGuide')),
					]),
				]
			: []),
		h('p', { class: ['entry-card-note', unsearchedClass] }, [
			h(
				'a',
				{ href: json, download: `${entry.id}.json`, type: 'application/json', dataEntryJson: '' },
				t('entry.json'),
			),
		]),
	]);
}

/** One line of the key-facts card. */
function keyFactRow(entry: SiteEntry, fact: KeyFact, context: ViewContext): Node[] {
	if (typeof fact === 'string') return briefRows(entry, fact, { ...context, brief: true });
	if ('special' in fact) {
		const { t } = context;
		const { original, translation } = entry.data.language;
		const other = original === 'fr' ? 'en' : 'fr';
		const text = t(`entry.language.${translation}`, {
			original: t(`language.${original}`),
			other: t(`language.${other}`),
		});
		return [h('dt', t('entry.language')), '\n', h('dd', text)];
	}
	const facet = facetsFor(context.kind).find((candidate) => candidate.name === fact.facet);
	if (!facet) throw new Error(`${context.kind}: the key fact ${fact.facet} names no facet`);
	const values = entryFacetValues(context.registry, entry, facet, context.lang);
	if (values.length === 0) return [];
	const brief = { ...context, brief: true as const };
	const shown = values.map((value): Node[] => {
		if (facet.vocabulary) return vocabularyTerm(facet.vocabulary, value, brief);
		if (facet.references) return [referenceLink(facet.references, value, context)];
		return [facetValueLabel(context.registry, facet, value, context.lang)];
	});
	const filled = !facet.through && aiFilled(entry, facet.path);
	return [
		termOf(facet.label[context.lang], filled, context),
		'\n',
		h(
			'dd',
			shown.length === 1
				? shown[0]
				: [
						h(
							'ul',
							shown.map((value) => h('li', value)),
						),
					],
		),
	];
}

/**
 * A field of the card: a plain value as one line; an object (the review's dates) as one line
 * per part, so the card stays a single list of facts.
 */
function briefRows(entry: SiteEntry, path: string, context: ViewContext): Node[] {
	const schema = schemaAt(entrySchemas[context.kind], path);
	const shape = objectShape(schema);
	const value = valueAt(entry.data, path);
	if (!shape || isTextSchema(unwrap(schema)) || isEmpty(value))
		return fieldRow(entry, path, context);
	const filled = aiFilled(entry, path);
	return Object.entries(shape).flatMap(([key, child]) => {
		const part = (value as Record<string, unknown>)[key];
		const doc = fieldDoc(child);
		const label = doc?.label[context.lang] ?? key;
		// An empty part says so when its schema has words for it (a review not yet done).
		if (isEmpty(part)) {
			return doc?.empty
				? [termOf(label, filled, context), '\n', h('dd', doc.empty[context.lang])]
				: [];
		}
		return [termOf(label, filled, context), '\n', h('dd', renderValue(child, part, context))];
	});
}

/** "On this page": the sections, in a compact menu (Starlight's table of contents is off). */
function pageMenu(sections: { section: LayoutSection; title: string }[], context: ViewContext) {
	const label = 'entry-menu-label';
	return h('nav', { class: ['entry-menu', unsearchedClass], ariaLabelledby: label }, [
		h('p', { id: label }, context.t('entry.onThisPage')),
		h(
			'ul',
			sections.map(({ section, title }) => h('li', [h('a', { href: `#${section.slug}` }, title)])),
		),
	]);
}

/** The top-level fields the AI filled in and no person has checked since (`provenance.fields`). */
function aiFields(entry: SiteEntry): string[] {
	const origins = (valueAt(entry.data, 'provenance.fields') ?? {}) as Record<string, string>;
	return Object.entries(origins).flatMap(([field, origin]) => (origin === 'ai' ? [field] : []));
}

/** Whether the AI filled in the top-level field a path starts with. */
function aiFilled(entry: SiteEntry, path: string): boolean {
	return aiFields(entry).includes(path.split('.')[0] ?? path);
}

/** The mark of a field the AI filled in, worded as the review guide says. */
function aiMark(context: ViewContext): Element {
	return h('span', { class: 'entry-ai' }, context.t('entry.ai'));
}

/** A field's label in a description list, with the mark when the AI filled the field in. */
function termOf(label: string, filled: boolean, context: ViewContext): Element {
	return h('dt', filled ? [label, ' ', aiMark(context)] : label);
}

/** The field a section is titled by, when it shows that field alone. */
function titledByField(section: LayoutSection): string | undefined {
	return 'field' in section.title ? section.title.field : undefined;
}

function sectionTitle(section: LayoutSection, context: ViewContext): string {
	if ('field' in section.title) return labelOf(context.kind, section.title.field, context.lang);
	return section.title[context.lang];
}

function labelOf(kind: EntryKind, path: string, lang: Language): string {
	return fieldDoc(schemaAt(entrySchemas[kind], path))?.label[lang] ?? path;
}

/**
 * The content of a section: runs of plain fields as one description list, special parts as they
 * come. A section titled by its only field shows the value alone, without repeating the label.
 */
function renderSectionItems(
	entry: SiteEntry,
	section: LayoutSection,
	context: ViewContext,
): Node[] {
	const [only] = section.items;
	if (section.items.length === 1 && only && 'field' in only && 'field' in section.title) {
		const value = valueAt(entry.data, only.field);
		if (isEmpty(value)) return [];
		return renderValue(schemaAt(entrySchemas[context.kind], only.field), value, context);
	}
	const nodes: Node[] = [];
	let rows: Node[] = [];
	const flush = () => {
		if (rows.length) nodes.push(h('dl', rows));
		rows = [];
	};
	for (const item of section.items) {
		if ('field' in item) {
			rows.push(...fieldRow(entry, item.field, context));
			continue;
		}
		flush();
		nodes.push(...renderPart(entry, item, context));
	}
	flush();
	return nodes;
}

function renderPart(
	entry: SiteEntry,
	item: Exclude<LayoutItem, { field: string }>,
	context: ViewContext,
): Node[] {
	if ('uses' in item) return renderUses(entry, item.uses, item.none, context);
	if ('referencedBy' in item) return renderReferencedBy(entry, item, context);
	switch (item.special) {
		case 'notes':
			return renderNotes(entry, context);
		case 'provenance':
			return renderProvenance(entry, context);
		case 'history':
			return renderHistory(entry, context);
	}
}

/** A `<dt>`/`<dd>` pair for a field, or nothing when the field is empty. */
function fieldRow(entry: SiteEntry, path: string, context: ViewContext): Node[] {
	const schema = schemaAt(entrySchemas[context.kind], path);
	const value = valueAt(entry.data, path);
	if (isEmpty(value)) return [];
	const label = labelOf(context.kind, path, context.lang);
	return [
		termOf(label, aiFilled(entry, path), context),
		// A line break between term and value, so search excerpts do not run them together.
		'\n',
		h('dd', renderValue(schema, value, context)),
	];
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

/** Renders any value by following its schema: texts, vocabulary terms, references, lists, objects. */
function renderValue(schema: z.ZodType, value: unknown, context: ViewContext): Node[] {
	const doc = fieldDoc(schema);
	const inner = unwrap(schema);
	if (doc?.vocabulary && (typeof value === 'string' || Array.isArray(value))) {
		const keys = Array.isArray(value) ? (value as string[]) : [value];
		const terms = keys.map((key) => vocabularyTerm(doc.vocabulary ?? '', key, context));
		return keys.length === 1 && !Array.isArray(value)
			? terms.flat()
			: [
					h(
						'ul',
						terms.map((term) => h('li', term)),
					),
				];
	}
	const references = referencedKind(doc);
	if (references && typeof value === 'string') return [referenceLink(references, value, context)];
	// A list of references (a system's processing records): a list of links.
	if (references && Array.isArray(value)) {
		return [
			h(
				'ul',
				value.map((id) => h('li', [referenceLink(references, String(id), context)])),
			),
		];
	}
	if (Array.isArray(value)) {
		const element = (inner as unknown as { element: z.ZodType }).element;
		return [
			h(
				'ul',
				value.map((item) => h('li', renderValue(element, item, context))),
			),
		];
	}
	if (typeof value === 'boolean') return [context.t(value ? 'value.yes' : 'value.no')];
	if (typeof value === 'number') return [formatNumber(value, context.lang)];
	if (typeof value === 'string') return renderString(value, context);
	if (typeof value === 'object' && value) {
		const shape = (inner as unknown as { shape: Record<string, z.ZodType> }).shape;
		if (isTextSchema(inner)) return renderText(value as Text, context);
		const rows = Object.entries(shape).flatMap(([key, child]) => {
			const childValue = (value as Record<string, unknown>)[key];
			if (isEmpty(childValue)) return [];
			const label = fieldDoc(child)?.label[context.lang] ?? key;
			return [h('dt', label), '\n', h('dd', renderValue(child, childValue, context))];
		});
		return [h('dl', rows)];
	}
	return [];
}

function renderString(value: string, context: ViewContext): Node[] {
	if (/^https?:\/\//.test(value)) return [h('a', { href: value }, value)];
	if (/^[^\s@]+@[^\s@]+$/.test(value)) return [h('a', { href: `mailto:${value}` }, value)];
	if (/^\d{4}-\d{2}-\d{2}$/.test(value))
		return [h('time', { datetime: value }, formatDate(value, context.lang))];
	return [value];
}

/** A text in the reader's language, paragraph by paragraph; marked with its language if it fell back. */
function renderText(text: Text, context: ViewContext): Node[] {
	const picked = pickText(text, context.lang);
	if (!picked) return [];
	const langAttribute = picked.lang === context.lang ? {} : { lang: picked.lang };
	const paragraphs = picked.text
		.split(/\n\s*\n/)
		.map((paragraph) => h('p', langAttribute, paragraph.trim()));
	return paragraphs;
}

/** A vocabulary term: its label, then its definition when the vocabulary gives one. */
function vocabularyTerm(name: string, key: string, context: ViewContext): Node[] {
	const value = vocabularyValue(context.registry.vocabularies, name, key);
	const label = value?.label[context.lang] ?? key;
	if (name === 'principles') {
		return [
			h('a', { href: `${sitePath(context.lang, 'charte/')}#${key}`, 'data-principle': key }, label),
		];
	}
	const definition = value?.definition?.[context.lang];
	// Terms the glossary defines lead to it, where the reader finds them among their neighbours.
	const term =
		value && isGlossaryTerm(name, value)
			? h(
					'a',
					{ href: glossaryPath(context.lang, glossaryId(name, key)), 'data-glossary': '' },
					label,
				)
			: label;
	// Definitions repeat on every entry: shown to readers once per page, kept out of the search
	// index; the card leaves them to the glossary its terms link to.
	const defined = `${name}.${key}`;
	const defines = Boolean(definition) && !context.brief && !context.defined?.has(defined);
	if (defines) context.defined?.add(defined);
	return [
		h('strong', term),
		...(defines
			? [h('span', { class: ['term-definition', unsearchedClass] }, ` — ${definition}`)]
			: []),
	];
}

function referenceLink(kind: EntryKind, id: string, context: ViewContext): Node {
	const target = siteEntry(context.registry, kind, id);
	const name = target ? entryName(target, kind, context.lang).text : id;
	return h('a', { href: registryPath(context.lang, kind, id) }, name);
}

/**
 * A list whose items each name an entry of another kind (the models a system uses): a link to
 * each, and what the item says besides (how the model is used).
 */
function renderUses(entry: SiteEntry, path: string, none: Bilingual, context: ViewContext): Node[] {
	const schema = schemaAt(kindOf(context.kind).schema, path);
	const reference = listItemReference(schema);
	const items = valueAt(entry.data, path);
	if (!reference) throw new Error(`${context.kind}.${path} is not a list of references`);
	if (!Array.isArray(items) || items.length === 0) return [h('p', none[context.lang])];
	const itemSchema = (unwrap(schema) as unknown as { element: z.ZodType }).element;
	const attribute = `data-uses-${kindOf(reference.kind).key}`;
	return [
		h(
			'ul',
			{ class: 'entry-links' },
			items.map((item: Record<string, unknown>) => {
				const id = String(item[reference.key]);
				const link = referenceLink(reference.kind, id, context) as Element;
				link.properties[attribute] = id;
				return h('li', [link, ...itemDetails(itemSchema, item, reference.key, context)]);
			}),
		),
	];
}

/** The entries of another kind that name this one (the systems that use a model), and how. */
function renderReferencedBy(
	entry: SiteEntry,
	item: { referencedBy: string; none: Bilingual },
	context: ViewContext,
): Node[] {
	const references = referencesOf(context.registry, context.kind, entry.id).filter(
		(reference) => reference.from.kind === item.referencedBy,
	);
	if (references.length === 0) return [h('p', item.none[context.lang])];
	// "Source: <this dataset's name>" on the dataset's own page says nothing: left out.
	const shown = entryName(entry, context.kind, context.lang).text;
	return [
		h(
			'ul',
			{ class: 'entry-links' },
			references.map((reference) => {
				const { kind, id } = reference.from;
				const link = referenceLink(kind, id, context) as Element;
				link.properties[`data-used-by-${kindOf(kind).key}`] = id;
				return h('li', [link, ...referenceDetails(reference, context, shown)]);
			}),
		),
	];
}

/**
 * What the referring entry says of the reference besides the id (how the model is used), without
 * a text that only repeats `pageName`, the name of the entry the page shows.
 */
function referenceDetails(reference: Reference, context: ViewContext, pageName: string): Node[] {
	if (!reference.item || !reference.key) return [];
	const list = schemaAt(kindOf(reference.from.kind).schema, reference.field);
	const itemSchema = (unwrap(list) as unknown as { element: z.ZodType }).element;
	const item = Object.fromEntries(
		Object.entries(reference.item).filter(
			([, value]) => pickText(value as Text, context.lang)?.text !== pageName,
		),
	);
	return itemDetails(itemSchema, item, reference.key, context);
}

/** An item's fields other than its reference: a lone text as paragraphs, several as a list. */
function itemDetails(
	schema: z.ZodType,
	item: Record<string, unknown>,
	referenceKey: string,
	context: ViewContext,
): Node[] {
	const shape = objectShape(schema) ?? {};
	const others = Object.entries(shape).filter(
		([key]) => key !== referenceKey && !isEmpty(item[key]),
	);
	const [first] = others;
	if (others.length === 1 && first && isTextSchema(unwrap(first[1]))) {
		return renderText(item[first[0]] as Text, context);
	}
	if (others.length === 0) return [];
	return [
		h(
			'dl',
			others.flatMap(([key, child]) => [
				h('dt', fieldDoc(child)?.label[context.lang] ?? key),
				'\n',
				h('dd', renderValue(child, item[key], context)),
			]),
		),
	];
}

/** The entry's free notes (its MDX body's `<Fr>`/`<En>` block), in the reader's language if written. */
function renderNotes(entry: SiteEntry, context: ViewContext): Node[] {
	const sections = bodySections(entry);
	const other = context.lang === 'fr' ? 'en' : 'fr';
	const lang = sections[context.lang] ? context.lang : sections[other] ? other : undefined;
	const root = lang && sections[lang];
	if (!lang || !root) return [];
	const tree = bodyHast(root);
	prefixSitePaths(tree, lang);
	const children = 'children' in tree ? (tree.children as Node[]) : [];
	return [h('div', lang === context.lang ? {} : { lang }, children)];
}

/**
 * Gives site-absolute links of the notes (`/charte/`) the site's base path and the prefix of
 * their block's language, so that notes written for a site at the domain root survive a
 * sub-folder deployment and any order of `site.languages`. A link already under its language's
 * code (`/en/charte/` in an English block) is read from that language's root.
 */
function prefixSitePaths(
	node: {
		type: string;
		tagName?: string;
		properties?: Record<string, unknown>;
		children?: unknown[];
	},
	lang: Language,
) {
	const href = node.properties?.['href'];
	if (node.tagName === 'a' && typeof href === 'string' && /^\/(?!\/)/.test(href)) {
		const local = href.startsWith(`/${lang}/`) ? href.slice(lang.length + 1) : href;
		(node.properties as Record<string, unknown>)['href'] = sitePath(lang, local);
	}
	for (const child of node.children ?? []) prefixSitePaths(child as typeof node, lang);
}

function renderProvenance(entry: SiteEntry, context: ViewContext): Node[] {
	const { t, lang } = context;
	const provenance = entry.data.provenance;
	const sentences: Node[] = [];
	const issueLink = (n: number) =>
		h('a', { href: `${context.repositoryUrl}/issues/${n}` }, `#${n}`);
	const prLink = (n: number) => h('a', { href: `${context.repositoryUrl}/pull/${n}` }, `#${n}`);
	if (provenance?.drafted) {
		const { provider, model, date } = provenance.drafted;
		sentences.push(
			t('entry.provenance.drafted', { provider, model, date: formatDate(date, lang) }),
			' ',
		);
		const footprint = footprintParts(provenance.drafted, context);
		if (footprint) sentences.push(t('entry.provenance.footprint', { parts: footprint }), ' ');
	}
	if (provenance?.issue)
		sentences.push(
			...withLink(t('entry.provenance.issue'), '{issue}', issueLink(provenance.issue)),
			' ',
		);
	// A draft's pull request number is only known once merged: read it from the history then.
	const changes = context.registry.history.changes.get(entry.filePath) ?? [];
	const pullRequest = provenance?.pullRequest ?? changes.at(-1)?.pullRequest;
	if (pullRequest)
		sentences.push(...withLink(t('entry.provenance.pr'), '{pr}', prLink(pullRequest)));
	if (sentences.length === 0) sentences.push(t('entry.provenance.manual'));
	const filled = aiFields(entry).map((path) => labelOf(context.kind, path, lang));
	// Each correction or update, newest first: when, from which issue, which fields, and the AI's part.
	const revisions = [...(provenance?.revisions ?? [])].reverse().map((revision) =>
		h('li', [
			...withLink(
				// A report the draft could not apply names no field: the team corrected it by hand.
				revision.fields.length > 0
					? t('entry.provenance.revision', {
							date: formatDate(revision.date, lang),
							fields: revision.fields.map((name) => labelOf(context.kind, name, lang)).join(', '),
						})
					: t('entry.provenance.revisionByHand', { date: formatDate(revision.date, lang) }),
				'{issue}',
				issueLink(revision.issue),
			),
			...(revision.drafted
				? [
						' ',
						t('entry.provenance.revisionDrafted', {
							provider: revision.drafted.provider,
							model: revision.drafted.model,
						}),
					]
				: []),
		]),
	);
	return [
		h('h3', t('entry.provenance')),
		h('p', sentences),
		...(revisions.length ? [h('ul', revisions)] : []),
		...(filled.length
			? [h('p', t('entry.provenance.aiFields', { fields: filled.join(', ') }))]
			: []),
	];
}

/** A draft's tokens, estimated cost and energy, as far as they are known: `4 200 jetons, environ 0,0012 €, de 0,20 à 0,60 Wh`. */
function footprintParts(drafted: Drafted, { t, lang }: ViewContext): string | undefined {
	const parts: string[] = [];
	if (drafted.tokens) {
		const count = formatNumber(drafted.tokens.input + drafted.tokens.output, lang);
		parts.push(t('entry.provenance.tokens', { count }));
	}
	if (drafted.cost) {
		const amount = formatCost(drafted.cost.amount, drafted.cost.currency, lang);
		parts.push(t('entry.provenance.cost', { amount }));
	}
	if (drafted.energyWh) parts.push(formatEnergy(drafted.energyWh, lang));
	return parts.length > 0 ? parts.join(', ') : undefined;
}

function withLink(sentence: string, placeholder: string, link: Node): Node[] {
	const [before = '', after = ''] = sentence.split(placeholder);
	return [before, link, after];
}

function renderHistory(entry: SiteEntry, context: ViewContext): Node[] {
	const { t, lang } = context;
	const changes = context.registry.history.changes.get(entry.filePath) ?? [];
	const heading = h('h3', t('entry.history'));
	if (changes.length === 0) return [heading, h('p', t('entry.history.none'))];
	const newest = changes[0];
	const oldest = changes[changes.length - 1];
	const summary: string[] = [];
	if (oldest && !context.registry.history.partial)
		summary.push(t('entry.history.created', { date: formatDate(oldest.date, lang) }));
	if (newest) summary.push(t('entry.history.updated', { date: formatDate(newest.date, lang) }));
	const sentence = summary.join(', ');
	return [
		heading,
		h('p', sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.'),
		...(context.registry.history.partial ? [h('p', t('entry.history.partial'))] : []),
		h(
			'ol',
			{ class: 'entry-history' },
			changes.map((change) =>
				h('li', [
					h('time', { datetime: change.date }, formatDate(change.date, lang)),
					' — ',
					change.subject,
					' (',
					h(
						'a',
						{ href: `${context.repositoryUrl}/commit/${change.sha}` },
						t('entry.history.commit', { sha: change.sha.slice(0, 7) }),
					),
					...(change.pullRequest
						? [
								', ',
								h(
									'a',
									{ href: `${context.repositoryUrl}/pull/${change.pullRequest}` },
									t('entry.history.pr', { pr: change.pullRequest }),
								),
							]
						: []),
					')',
				]),
			),
		),
	];
}
