import { languages, type Language } from '../registry/schemas/index.ts';

/**
 * The language of a locale that names none of the site's (never one of Starlight's: they all
 * carry their language, whichever is at the root).
 */
export const defaultLang: Language = 'fr';

/** French UI strings of the site's own components; the keys are the reference for English. */
const fr = {
	'report.lead': 'Une erreur, un lien cassé, un passage peu clair\u202f?',
	'report.link': 'Signaler un problème sur cette page',
	'report.entry.lead': 'Une information inexacte, incomplète ou dépassée\u202f?',
	'report.entry.link': 'Signaler une erreur dans cette fiche',
	'report.orWrite': 'Sans compte GitHub, écrivez à',
	'report.title': 'Problème sur la page «\u00a0{title}\u00a0»',
	'report.opensGithub': '(ouvre un formulaire sur GitHub)',
	'value.notSet': 'non renseigné',
	'drafting.off':
		'L’assistant de rédaction est désactivé sur ce site : les propositions deviennent des brouillons construits uniquement à partir du formulaire, sans appel à un modèle d’IA.',
	'drafting.provider': 'Fournisseur',
	'drafting.model': 'Modèle',
	'drafting.hosting': 'Hébergement',
	'drafting.limits': 'Limites',
	'drafting.limitsValue':
		'{perAuthor} brouillons par auteur et par heure\u202f; {perRepository} brouillons rédigés par l’IA par jour pour tout le dépôt',
	'search.open': 'Rechercher dans le site',
	'principle.unknown': 'Principe inconnu',
	'footer.label': 'Informations sur le site',
	'footer.accessibility': 'Accessibilité\u00a0: {state}',
	'footer.legal': 'Mentions légales',
	'footer.privacy': 'Données personnelles',
	'footer.contact': 'Contact',
	'footer.openData': 'Données ouvertes',
	'footer.glossary': 'Glossaire',
	'footer.siteMap': 'Plan du site',
	'footer.sourceCode': 'Code source',
	'footer.licence': 'Contenus sous {name}',
	'footer.publisher': 'Éditeur\u00a0: {organisation}',
	'conformity.none': 'non conforme',
	'conformity.partial': 'partiellement conforme',
	'conformity.full': 'totalement conforme',
	'demo.banner':
		'Site de démonstration\u202f: {organisation} est une organisation fictive et les fiches de ce registre sont des exemples.',
	'demo.link': 'Publier votre propre registre',
	'glossary.link': 'voir le glossaire',
	'openData.file': 'Fichier',
	'openData.contents': 'Contenu',
	'openData.format': 'Format',
	'openData.registry':
		'L’ensemble du registre\u202f: toutes les fiches de tous les types, avec l’éditeur, la licence, la version du schéma et la date de génération',
	'openData.schema': 'La description formelle de ce fichier\u202f: champs, types, valeurs admises',
	'openData.entry':
		'Les données d’une fiche seule, à l’adresse de sa page suivie de .json (lien « Télécharger » de chaque fiche)',
	'openData.datapackage':
		'La description de tous les fichiers CSV\u202f: colonnes, types, clés, licence',
	'openData.catalog': 'Le catalogue de ces données, pour les portails qui le moissonnent',
	'openData.feed': 'Les dernières modifications du registre\u202f: fiches créées et mises à jour',
	'footprint.empty': 'Aucune fiche du registre n’a encore été rédigée par l’assistant.',
	'footprint.byMonth': 'Brouillons rédigés par l’IA et publiés, par mois',
	'footprint.byProvider': 'Brouillons rédigés par l’IA et publiés, par fournisseur',
	'footprint.month': 'Mois',
	'footprint.provider': 'Fournisseur',
	'footprint.drafts': 'Nouvelles fiches',
	'footprint.corrections': 'Corrections',
	'footprint.inputTokens': 'Jetons envoyés',
	'footprint.outputTokens': 'Jetons produits',
	'footprint.cost': 'Coût estimé',
	'footprint.energy': 'Énergie estimée',
	'footprint.total': 'Total',
	'footprint.wh': '{value}\u00a0Wh',
	'footprint.whRange': 'de {min} à {max}\u00a0Wh',
	'footprint.known': '(connu pour {known} sur {drafts})',
} as const;

/** Keys of the UI strings. */
export type UiKey = keyof typeof fr;

/** English UI strings; the type forces the same keys as French. */
const en: Record<UiKey, string> = {
	'report.lead': 'Spotted a mistake, a broken link or an unclear passage?',
	'report.link': 'Report a problem with this page',
	'report.entry.lead': 'Is something here wrong, missing or out of date?',
	'report.entry.link': 'Report an error in this entry',
	'report.orWrite': 'No GitHub account? Write to',
	'report.title': 'Problem on the page “{title}”',
	'report.opensGithub': '(opens a form on GitHub)',
	'value.notSet': 'not set',
	'drafting.off':
		'The drafting assistant is switched off on this site: proposals become drafts built from the form alone, without calling any AI model.',
	'drafting.provider': 'Provider',
	'drafting.model': 'Model',
	'drafting.hosting': 'Hosting',
	'drafting.limits': 'Limits',
	'drafting.limitsValue':
		'{perAuthor} drafts per author per hour; {perRepository} AI-written drafts per day for the whole repository',
	'search.open': 'Search the site',
	'principle.unknown': 'Unknown principle',
	'footer.label': 'About this site',
	'footer.accessibility': 'Accessibility: {state}',
	'footer.legal': 'Legal notice',
	'footer.privacy': 'Personal data',
	'footer.contact': 'Contact',
	'footer.openData': 'Open data',
	'footer.glossary': 'Glossary',
	'footer.siteMap': 'Site map',
	'footer.sourceCode': 'Source code',
	'footer.licence': 'Content under the {name}',
	'footer.publisher': 'Published by {organisation}',
	'conformity.none': 'not compliant',
	'conformity.partial': 'partially compliant',
	'conformity.full': 'fully compliant',
	'demo.banner':
		'Demonstration site: {organisation} is a fictional organisation and the entries in this registry are examples.',
	'demo.link': 'Publish your own registry',
	'glossary.link': 'see the glossary',
	'openData.file': 'File',
	'openData.contents': 'Contents',
	'openData.format': 'Format',
	'openData.registry':
		'The whole registry: every entry of every kind, with the publisher, the licence, the schema version and the generation date',
	'openData.schema': 'The formal description of that file: fields, types, allowed values',
	'openData.entry':
		'The data of one entry, at its page’s address followed by .json (each entry’s “Download” link)',
	'openData.datapackage': 'The description of every CSV file: columns, types, keys, licence',
	'openData.catalog': 'The catalogue of this data, for the portals that harvest it',
	'openData.feed': 'The latest changes to the registry: entries created and updated',
	'footprint.empty': 'No registry entry has been drafted by the assistant yet.',
	'footprint.byMonth': 'Drafts written by AI and published, by month',
	'footprint.byProvider': 'Drafts written by AI and published, by provider',
	'footprint.month': 'Month',
	'footprint.provider': 'Provider',
	'footprint.drafts': 'New entries',
	'footprint.corrections': 'Corrections',
	'footprint.inputTokens': 'Input tokens',
	'footprint.outputTokens': 'Output tokens',
	'footprint.cost': 'Estimated cost',
	'footprint.energy': 'Estimated energy',
	'footprint.total': 'Total',
	'footprint.wh': '{value} Wh',
	'footprint.whRange': '{min} to {max} Wh',
	'footprint.known': '(known for {known} of {drafts})',
};

/** UI strings by language. */
export const ui: Record<Language, Record<UiKey, string>> = { fr, en };

/** Maps an Astro or Starlight locale (`'fr'`, `'en'`, `'root'`, `undefined`…) to a site language. */
export function toLang(locale: string | undefined): Language {
	const base = locale?.toLowerCase().split('-')[0];
	return languages.find((lang) => lang === base) ?? defaultLang;
}

/** A message with plural forms, `index.count` for the strings `index.count.one` and `.other`. */
export type PluralKey<Key extends string> = Key extends `${infer Base}.other` ? Base : never;

/**
 * Builds a translator over a table of strings per language; `{name}` placeholders are filled.
 * A message with plural forms (`<key>.one`, `<key>.other`… named as `Intl.PluralRules` names
 * the language's categories, `.other` required) is asked for by its key alone and takes the
 * form that agrees with `count`: « 0 fiche », « 2 fiches », "1 entry", "0 entries".
 */
export function translator<Key extends string>(
	tables: Record<Language, Record<Key, string>>,
	locale: string | undefined,
): Translate<Key> {
	const lang = toLang(locale);
	// Made once per table and language: pages ask for one in each of their components.
	const made = translators.get(tables)?.get(lang);
	if (made) return made as Translate<Key>;
	const translate = makeTranslator(tables[lang], lang);
	translators.set(tables, (translators.get(tables) ?? new Map()).set(lang, translate));
	return translate;
}

/** A translator: a message by its key, with its `{name}` placeholders filled from `params`. */
type Translate<Key extends string> = (
	key: Key | PluralKey<Key>,
	params?: Record<string, string | number>,
) => string;

/** The translators made so far, by table and language. */
const translators = new WeakMap<object, Map<Language, Translate<string>>>();

function makeTranslator<Key extends string>(
	table: Record<Key, string>,
	lang: Language,
): Translate<Key> {
	const strings: Record<string, string | undefined> = table;
	const rules = new Intl.PluralRules(lang);
	return (key, params = {}) => {
		const count = Number(params['count']);
		const template =
			strings[key] ??
			(Number.isFinite(count) ? strings[`${key}.${rules.select(count)}`] : undefined) ??
			strings[`${key}.other`] ??
			key;
		return template.replace(/\{(\w+)\}/g, (match, name: string) =>
			name in params ? String(params[name]) : match,
		);
	};
}

/** Returns a translator of the site's UI strings for a locale. */
export function useTranslations(locale: string | undefined) {
	return translator(ui, locale);
}
