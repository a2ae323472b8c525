import type { z } from 'zod';
import type { Bilingual } from '../schemas/field.ts';
import type { EntryIssue } from '../problems.ts';
import type { EntryLookup } from '../facets.ts';

/**
 * Everything the kit knows about one kind of registry entry. The loaders, routes, indexes, entry
 * pages, sidebar, issue forms, drafting, open data and field reference iterate over these; no
 * other module names a kind. Adding a kind is a schema, a descriptor, its vocabularies and one
 * line in `index.ts` (see the adopters' page "Add a kind of entry").
 */
export interface KindDescriptor<
	Name extends string = string,
	Schema extends z.ZodObject = z.ZodObject,
> {
	/** Folder of the registry (`registry/<name>/`), name in the code and the open data's main table. */
	name: Name;
	/** The one source of truth for the kind's fields: every other artefact derives from it. */
	schema: Schema;
	/**
	 * URL segment of the kind's pages (`/registre/<segment>/`). The same in both languages: Starlight's
	 * language switch swaps only the locale prefix, so a translated segment would lead to a 404.
	 */
	segment: string;
	/** Column or key holding the id of one entry, English and lower case: `system`. */
	key: string;
	/** What the kind and one of its entries are called. */
	nouns: {
		/** The whole kind, as a heading: `Systèmes d’IA`, `AI systems`. */
		all: Bilingual;
		/** One entry, inside a sentence: `système d’IA`, `AI system`. */
		one: Bilingual;
		/** One entry with its indefinite article: `un système d’IA`, `an AI system`. */
		a: Bilingual;
		/** Saying there is none: `aucun système`, `no system`. */
		none: Bilingual;
	};
	/** Field that names an entry (a plain string or a text in both languages). */
	titleField: string;
	/** Field that sums an entry up in a few sentences: the index's line and the page description. */
	summaryField: string;
	/** Top-level fields the model is never asked for (the id, the language state, provenance…). */
	generatedFields: readonly string[];
	/** Ways to narrow the kind's index, by stable name (used in URLs) and field path. */
	facets: readonly FacetSpec[];
	/** Fields that make the index's columns when {@link columns} is unset. */
	badges: readonly string[];
	/** The columns of the index's table after the entry's name; unset, the badges' facets. */
	columns?: readonly IndexColumn[];
	/** Yes/no properties computed from an entry's fields, read by the facets of entries naming it. */
	traits?: readonly KindTrait[];
	/** What the registry home charts of the kind, beside its count. */
	home?: KindHome;
	/** Where each field sits on an entry's page. */
	layout: EntryLayout;
	/** The index page's first paragraph. */
	lead: Bilingual;
	/** The "declare …" issue form. */
	form: KindForm;
	/** What the model is told it drafts, in English: `A draft entry of an AI system…`. */
	draftDescription: string;
	/**
	 * Rules comparing the entry's fields with each other, with today, or with the entries it
	 * names (read through `lookup`, when the caller has the registry), beyond the schema.
	 */
	rules?: (data: Record<string, unknown>, today: string, lookup?: EntryLookup) => EntryIssue[];
	/**
	 * What {@link rules} check, said to people: the field reference shows each condition under
	 * the fields it concerns. Kept next to the rule it states; a test breaks each one in the
	 * kind's example and expects the rules to report it.
	 */
	conditions?: readonly KindCondition[];
}

/** A condition between fields that a kind's rules enforce, as people are told it. */
export interface KindCondition {
	/** Fields it concerns, as the field reference writes them (`review.next`): shown under each. */
	fields: readonly string[];
	/** The condition, as one sentence. */
	text: Bilingual;
	/**
	 * What breaks it in an entry that holds it, merged into that entry: objects key by key, any
	 * other value (lists included) replaced, `null` removing the key. The tests check that the
	 * rules then report a problem on one of {@link fields}, or inside one.
	 */
	breakWith: Readonly<Record<string, unknown>>;
}

/**
 * A facet of an index: a field whose values readers filter by. With `through`, the values are
 * read in the entries the field names, when the site is built, and never stored twice:
 * `{ name: 'hosting', path: 'models', through: 'hosting.type' }` is the hosting of the models a
 * system uses, and `{ …, through: 'generative' }`, a trait of theirs, whether one is generative.
 */
export interface FacetSpec {
	/** Stable name, used in URLs (`?status=in-use`). */
	name: string;
	/** Dotted path of the field in the entry; with `through`, a field naming other entries. */
	path: string;
	/** Dotted path of a field, or name of a trait, of the entries that `path` names. */
	through?: string;
	/** Name of a trait of the entries `path` names: only those that have it count. */
	where?: string;
	/** The facet's label, when the field's own would not say what is counted. */
	label?: Bilingual;
	/** A sentence under the facet's label saying where its values come from. */
	help?: Bilingual;
	/** Labels of `yes` and `no`, for a yes/no field or a trait. */
	yesNo?: { yes: Bilingual; no: Bilingual };
}

/** A yes/no property of an entry, decided from its fields by a rule the site states in words. */
export interface KindTrait {
	/** Stable name, which facets name in `through` or `where`. */
	name: string;
	/** The rule in words, shown under the facets that use the trait. */
	rule: Bilingual;
	/** Whether an entry has the trait. */
	test: (data: Record<string, unknown>) => boolean;
}

/** A column of an index's table. */
export type IndexColumn =
	/** The values of one of the kind's facets, headed by its label. */
	| { facet: string }
	/** How many entries of another kind name this one (the systems using a model). */
	| { usedBy: string };

/** What the registry home shows of a kind. */
export interface KindHome {
	/** Facets whose values are counted, one chart each, in order. */
	charts: readonly string[];
	/** A kind whose entries rank these by how many name them: the models the most systems use. */
	mostUsedBy?: string;
}

/** Where the fields of an entry appear on its page. */
export interface EntryLayout {
	/** The card of key facts that opens the page. */
	keyFacts: readonly KeyFact[];
	sections: readonly LayoutSection[];
}

/**
 * A line of an entry's key-facts card: a top-level field shown there and nowhere else, a facet
 * (a part of a field shown in full further down, or values read in the entries it names), or
 * the state of the entry's translation.
 */
export type KeyFact = string | { facet: string } | { special: 'translation' };

/** A block of an entry page: plain fields, links to other entries, or a part the page builds. */
export type LayoutItem =
	| { field: string }
	/** A list whose items each name an entry of another kind and say how it is used. */
	| { uses: string; none: Bilingual }
	/** The entries of another kind that name this one. */
	| { referencedBy: string; none: Bilingual }
	| { special: 'notes' | 'provenance' | 'history' };

/** A titled section of an entry page. */
export interface LayoutSection {
	/** Anchor of the section, the same in both languages. */
	slug: string;
	/** The section's heading, or the label of the field it shows. */
	title: Bilingual | { field: string };
	items: readonly LayoutItem[];
	/** False for a section about the entry rather than what it describes: kept out of search. */
	searchable?: false;
}

/**
 * The issue forms that declare an entry of the kind, in two tiers as the UK's Algorithmic
 * Transparency Recording Standard has them: a short form of at most eight questions, which the
 * AI completes from the free description, and, when some questions are marked `detailed`, a full
 * form asking them too. Whatever a form-only draft lacks, a maintainer completes.
 */
export interface KindForm {
	/** File of the short form in `.github/ISSUE_TEMPLATE/`. */
	file: string;
	/** File of the full form, which also asks the `detailed` questions; needed when there are some. */
	detailedFile?: string;
	/** Label the forms put on their issues; the workflow and the drafting filter on it. */
	label: string;
	/** Prefix of the issues' titles: `Système d’IA`, `AI system`. */
	title: Bilingual;
	/** Help of the free-text description the AI drafts from, the forms' first question. */
	details: Bilingual;
	/**
	 * The text field a form-only draft fills with the description when the form left it blank and
	 * the description fits it (a summary of at most 400 characters): without AI, the description
	 * is then not lost.
	 */
	detailsField?: string;
	/** The questions, in form order: the short form's, then those marked `detailed`. */
	questions: readonly FormQuestion[];
	/**
	 * The questions the "update an entry" form asks of the kind's entries (a status, a review
	 * done…), each answer applied to the entry as it is: one form serves every kind, asking each
	 * question once. A list of references (`models`) is added to, not replaced.
	 */
	updates?: readonly FormQuestion[];
}

/** One question of a registry form and the entry field its answer fills. */
export interface FormQuestion {
	/** GitHub form field id: the key the parser returns and the URL prefill parameter. */
	id: string;
	/** Dotted path of the entry field, e.g. `aiAct.riskClass`. */
	path: string;
	/**
	 * A required question, in every form and whether or not an AI drafts: only what no draft can
	 * do without (a name). Any other field the entry needs is listed for a maintainer to complete.
	 */
	alwaysRequired?: boolean;
	/** A multi-line box rather than one line (texts only). */
	multiline?: boolean;
	/** Asked in the full form only (`detailedFile`), not in the short one. */
	detailed?: boolean;
}

/** Layout items showing fields as they are: `fields('purpose', 'benefits')`. */
export const fields = (...paths: string[]): LayoutItem[] => paths.map((field) => ({ field }));

/** The section every entry page ends its content with: the entry's free notes. */
export const notesSection: LayoutSection = {
	slug: 'notes',
	title: { fr: 'Notes', en: 'Notes' },
	items: [{ special: 'notes' }],
};

/**
 * The last section of every entry page, about the entry rather than what it describes (kept out
 * of search): the given fields (a review, for the kinds that have one), provenance and history.
 */
export function recordSection(...paths: string[]): LayoutSection {
	return {
		slug: 'suivi',
		title: { fr: 'Suivi de la fiche', en: 'Entry record' },
		items: [...fields(...paths), { special: 'provenance' }, { special: 'history' }],
		searchable: false,
	};
}

/** Declares a kind, keeping its name and schema types for the code that iterates over kinds. */
export function defineKind<const Name extends string, Schema extends z.ZodObject>(
	descriptor: KindDescriptor<Name, Schema>,
): KindDescriptor<Name, Schema> {
	return descriptor;
}
