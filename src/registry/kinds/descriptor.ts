import type { z } from 'zod';
import type { Bilingual } from '../schemas/field.ts';
import type { EntryIssue } from '../problems.ts';

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
	/** Fields shown as badges under each line of the index. */
	badges: readonly string[];
	/** Where each field sits on an entry's page. */
	layout: EntryLayout;
	/** The index page's first paragraph. */
	lead: Bilingual;
	/** The "declare …" issue form. */
	form: KindForm;
	/** What the model is told it drafts, in English: `A draft entry of an AI system…`. */
	draftDescription: string;
	/** Rules comparing the entry's fields with each other or with today, beyond the schema. */
	rules?: (data: Record<string, unknown>, today: string) => EntryIssue[];
}

/** A facet of an index: a field whose values readers filter by. */
export interface FacetSpec {
	/** Stable name, used in URLs (`?status=in-use`). */
	name: string;
	/** Dotted path of the field in the entry. */
	path: string;
	/** Labels of `yes` and `no`, for a yes/no field. */
	yesNo?: { yes: Bilingual; no: Bilingual };
}

/** Where the fields of an entry appear on its page. */
export interface EntryLayout {
	/** Fields listed first, as a card of key facts. */
	keyFacts: readonly string[];
	sections: readonly LayoutSection[];
}

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

/** The issue form that declares an entry of the kind. */
export interface KindForm {
	/** File in `.github/ISSUE_TEMPLATE/`. */
	file: string;
	/** Label the form puts on its issues; the workflow and the drafting filter on it. */
	label: string;
	/** Prefix of the issues' titles: `Système d’IA`, `AI system`. */
	title: Bilingual;
	/** Help of the free-text description the AI drafts from. */
	details: Bilingual;
	/** The questions, in form order. */
	questions: readonly FormQuestion[];
}

/** One question of a registry form and the entry field its answer fills. */
export interface FormQuestion {
	/** GitHub form field id: the key the parser returns and the URL prefill parameter. */
	id: string;
	/** Dotted path of the entry field, e.g. `aiAct.riskClass`. */
	path: string;
	/** Asked as a required question even when an AI drafts the rest. */
	alwaysRequired?: boolean;
	/** A multi-line box rather than one line (texts only). */
	multiline?: boolean;
}

/** Layout items showing fields as they are: `fields('purpose', 'benefits')`. */
export const fields = (...paths: string[]): LayoutItem[] => paths.map((field) => ({ field }));

/** Declares a kind, keeping its name and schema types for the code that iterates over kinds. */
export function defineKind<const Name extends string, Schema extends z.ZodObject>(
	descriptor: KindDescriptor<Name, Schema>,
): KindDescriptor<Name, Schema> {
	return descriptor;
}
