import { entryKinds, kindOf, type EntryKind } from '../registry/kinds/index.ts';
import { translator, type Lang } from './ui.ts';

/** `kind.systems` and `kind.systems.one` for every kind, from the kinds' names in src/registry. */
const kindStrings = (lang: Lang) =>
	Object.fromEntries(
		entryKinds.flatMap((kind) => [
			[`kind.${kind}`, kindOf(kind).nouns.all[lang]],
			[`kind.${kind}.one`, kindOf(kind).nouns.one[lang]],
		]),
	) as Record<`kind.${EntryKind}` | `kind.${EntryKind}.one`, string>;

/** French strings of the registry pages; the keys are the reference for English. */
const fr = {
	...kindStrings('fr'),
	'index.count': '{count} fiches',
	'index.filters': 'Filtrer la liste',
	'index.facets': 'Filtres par catégorie',
	'index.text': 'Mots du nom, de l’identifiant ou du résumé',
	'index.reset': 'Effacer les filtres',
	'index.results': '{count} résultat(s) sur {total}',
	'index.noResults': 'Aucune fiche ne correspond à ces filtres.',
	'index.loading': 'Chargement des données de filtrage…',
	'index.loadError':
		'Les données de filtrage n’ont pas pu être chargées. Réessayez dans un instant.',
	'index.more': 'Afficher {count} résultats de plus',
	'index.page': 'Page {page} sur {pages}',
	'index.pagination': 'Pages de la liste',
	'index.previous': 'Page précédente',
	'index.next': 'Page suivante',
	'index.fieldsLink': 'Que signifie chaque champ ?',
	'index.download': 'Télécharger les données',
	'entry.keyFacts': 'En bref',
	'entry.usage': 'Utilisation',
	'entry.principle': 'Lire ce principe dans la charte',
	'entry.translation': 'Traduction',
	'entry.translation.machine':
		'Le texte en français de cette fiche a été traduit automatiquement de l’anglais et n’a pas encore été relu par une personne.',
	'entry.translation.missing':
		'Cette fiche n’est pas encore traduite en français : ses textes sont affichés dans leur langue d’origine, l’anglais.',
	'entry.original.machine':
		'Cette fiche a été rédigée en français ; sa version anglaise est une traduction automatique pas encore relue.',
	'entry.provenance': 'Provenance',
	'entry.provenance.drafted':
		'Brouillon rédigé avec l’aide de l’IA ({provider}, modèle {model}, le {date}).',
	'entry.provenance.issue': 'Proposée dans le ticket {issue}.',
	'entry.provenance.pr': 'Relue et fusionnée dans la demande de fusion {pr}.',
	'entry.provenance.manual': 'Fiche rédigée par l’équipe du registre.',
	'entry.provenance.aiFields': 'Champs proposés par l’IA puis relus : {fields}.',
	'entry.history': 'Historique',
	'entry.history.created': 'Créée le {date}',
	'entry.history.updated': 'dernière modification le {date}',
	'entry.history.commit': 'modification {sha}',
	'entry.history.pr': 'demande de fusion #{pr}',
	'entry.history.partial':
		'Historique partiel : ce site a été construit à partir d’une copie tronquée du dépôt.',
	'entry.history.none': 'Aucun historique disponible pour cette fiche.',
	'entry.report.title': 'Erreur dans la fiche « {name} »',
	'facet.any': 'Toutes les valeurs',
	'facet.kind': 'Type de fiche',
	'value.yes': 'Oui',
	'value.no': 'Non',
	'value.tokens': '{count} jetons',
	'fields.title': 'Référence des champs',
	'fields.lead':
		'Chaque champ d’une fiche, avec sa signification. Cette page est produite à partir du schéma qui valide le registre : elle ne peut pas s’en écarter.',
	'fields.field': 'Champ',
	'fields.meaning': 'Signification',
	'fields.type': 'Type',
	'fields.required': 'obligatoire',
	'fields.optional': 'facultatif',
	'fields.values': 'Valeurs possibles',
	'fields.reference': 'identifiant d’une fiche « {kind} »',
	'feed.title': 'Modifications du registre — {site}',
	'feed.entry': '{count} fiche(s) modifiée(s) : {names}',
} as const;

/** Keys of the registry strings. */
export type RegistryKey = keyof typeof fr;

/** English strings of the registry pages. */
const en: Record<RegistryKey, string> = {
	...kindStrings('en'),
	'index.count': '{count} entries',
	'index.filters': 'Filter the list',
	'index.facets': 'Filters by category',
	'index.text': 'Words from the name, id or summary',
	'index.reset': 'Clear filters',
	'index.results': '{count} result(s) out of {total}',
	'index.noResults': 'No entry matches these filters.',
	'index.loading': 'Loading the filter data…',
	'index.loadError': 'The filter data could not be loaded. Please try again in a moment.',
	'index.more': 'Show {count} more results',
	'index.page': 'Page {page} of {pages}',
	'index.pagination': 'List pages',
	'index.previous': 'Previous page',
	'index.next': 'Next page',
	'index.fieldsLink': 'What does each field mean?',
	'index.download': 'Download the data',
	'entry.keyFacts': 'At a glance',
	'entry.usage': 'Use',
	'entry.principle': 'Read this principle in the charter',
	'entry.translation': 'Translation',
	'entry.translation.machine':
		'The English text of this entry was machine-translated from French and has not yet been reviewed by a person.',
	'entry.translation.missing':
		'This entry is not yet translated into English: its texts are shown in their original language, French.',
	'entry.original.machine':
		'This entry was written in English; its French version is a machine translation not yet reviewed.',
	'entry.provenance': 'Provenance',
	'entry.provenance.drafted':
		'Draft written with AI assistance ({provider}, model {model}, on {date}).',
	'entry.provenance.issue': 'Proposed in issue {issue}.',
	'entry.provenance.pr': 'Reviewed and merged in pull request {pr}.',
	'entry.provenance.manual': 'Entry written by the registry team.',
	'entry.provenance.aiFields': 'Fields suggested by the AI, then reviewed: {fields}.',
	'entry.history': 'History',
	'entry.history.created': 'Created on {date}',
	'entry.history.updated': 'last changed on {date}',
	'entry.history.commit': 'change {sha}',
	'entry.history.pr': 'pull request #{pr}',
	'entry.history.partial':
		'Partial history: this site was built from a shallow copy of the repository.',
	'entry.history.none': 'No history is available for this entry.',
	'entry.report.title': 'Error in the entry “{name}”',
	'facet.any': 'Any value',
	'facet.kind': 'Entry type',
	'value.yes': 'Yes',
	'value.no': 'No',
	'value.tokens': '{count} tokens',
	'fields.title': 'Field reference',
	'fields.lead':
		'Every field of an entry, with its meaning. This page is generated from the schema that validates the registry, so it cannot drift from it.',
	'fields.field': 'Field',
	'fields.meaning': 'Meaning',
	'fields.type': 'Type',
	'fields.required': 'required',
	'fields.optional': 'optional',
	'fields.values': 'Allowed values',
	'fields.reference': 'id of an entry of kind “{kind}”',
	'feed.title': 'Registry changes — {site}',
	'feed.entry': '{count} entry(ies) changed: {names}',
};

const strings: Record<Lang, Record<RegistryKey, string>> = { fr, en };

/** Returns a translator of the registry pages' strings for a locale. */
export function useRegistryTranslations(locale: string | undefined) {
	return translator(strings, locale);
}
