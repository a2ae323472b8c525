import { entryKinds, kindOf, type EntryKind } from '../registry/kinds/index.ts';
import { translator } from './ui.ts';
import type { Language } from '../registry/schemas/index.ts';

/** `kind.systems` and `kind.systems.one` for every kind, from the kinds' names in src/registry. */
const kindStrings = (lang: Language) =>
	Object.fromEntries(
		entryKinds.flatMap((kind) => [
			[`kind.${kind}`, kindOf(kind).nouns.all[lang]],
			[`kind.${kind}.one`, kindOf(kind).nouns.one[lang]],
		]),
	) as Record<`kind.${EntryKind}` | `kind.${EntryKind}.one`, string>;

/** French strings of the registry pages; the keys are the reference for English. */
const fr = {
	...kindStrings('fr'),
	'index.count.one': '{count} fiche',
	'index.count.other': '{count} fiches',
	'index.filters': 'Filtrer la liste',
	'index.facets': 'Filtres par catégorie',
	'index.text': 'Mots du nom, de l’identifiant ou du résumé',
	'index.reset': 'Effacer les filtres',
	'index.results.one': '{count} résultat sur {total}',
	'index.results.other': '{count} résultats sur {total}',
	'index.noResults': 'Aucune fiche ne correspond à ces filtres.',
	'index.loading': 'Chargement des données de filtrage…',
	'index.loadError':
		'Les données de filtrage n’ont pas pu être chargées. Réessayez dans un instant.',
	'index.more.one': 'Afficher {count} résultat de plus',
	'index.more.other': 'Afficher {count} résultats de plus',
	'index.page': 'Page {page} sur {pages}',
	'index.pagination': 'Pages de la liste',
	'index.previous': 'Page précédente',
	'index.next': 'Page suivante',
	'index.fieldsLink': 'Que signifie chaque champ ?',
	'index.download': 'Télécharger les données',
	'index.name': 'Nom',
	'index.usedBy': 'Utilisé par',
	'index.sortState': 'tri par « {column} », ordre {order}',
	'index.ascending': 'croissant',
	'index.descending': 'décroissant',
	'home.title': 'Le registre en chiffres',
	'home.description':
		'Ce que contient le registre : nombre de fiches, statuts, classes de risque, hébergement des modèles, modèles les plus utilisés et dernières modifications.',
	'home.lead':
		'Ces chiffres sont calculés à partir des fiches à chaque publication du site. Chaque graphique est suivi de ses chiffres en tableau, dont chaque ligne mène à la liste des fiches concernées.',
	'home.updated': 'Dernière modification d’une fiche : {date}.',
	'home.kinds': 'Les fiches',
	'home.figures': 'Les chiffres en tableau',
	'home.several':
		'Une fiche peut compter pour plusieurs valeurs : le total dépasse alors le nombre de fiches.',
	'home.notSet': 'Non renseigné',
	'home.mostUsed': 'Les plus utilisés',
	'home.changes': 'Dernières modifications',
	'home.changes.none':
		'L’historique des fiches n’est pas disponible pour cette publication du site.',
	'home.feed': 'Suivre toutes les modifications avec le flux Atom',
	'entry.onThisPage': 'Sur cette page',
	'entry.ai': 'Rempli par l’IA',
	'entry.aiNote.one':
		'Un champ de cette fiche a été rempli par l’IA et n’a pas encore été vérifié par une personne : il porte la mention « Rempli par l’IA ».',
	'entry.aiNote.other':
		'{count} champs de cette fiche ont été remplis par l’IA et n’ont pas encore été vérifiés un à un par une personne : ils portent la mention « Rempli par l’IA ».',
	'entry.aiGuide': 'Comment les fiches sont relues',
	'entry.json': 'Télécharger la fiche en JSON',
	'entry.language': 'Langue',
	'entry.language.human': 'Rédigée en {original}, traduite en {other} par une personne',
	'entry.language.machine':
		'Rédigée en {original} ; traduite automatiquement en {other}, sans relecture pour le moment',
	'entry.language.missing': 'Rédigée en {original} ; pas encore traduite en {other}',
	'language.fr': 'français',
	'language.en': 'anglais',
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
	'entry.provenance.footprint': 'Empreinte estimée de ce brouillon\u202f: {parts}.',
	'entry.provenance.tokens': '{count}\u00a0jetons',
	'entry.provenance.cost': 'environ {amount}',
	'entry.provenance.revision': 'Modifiée le {date} à la suite du ticket {issue}\u202f: {fields}.',
	'entry.provenance.revisionByHand': 'Modifiée le {date} à la suite du ticket {issue}.',
	'entry.provenance.revisionDrafted':
		'Modification rédigée avec l’aide de l’IA ({provider}, modèle {model}).',
	'entry.provenance.issue': 'Proposée dans le ticket {issue}.',
	'entry.provenance.pr': 'Relue et fusionnée dans la demande de fusion {pr}.',
	'entry.provenance.manual': 'Fiche rédigée par l’équipe du registre.',
	'entry.provenance.aiFields':
		'Champs remplis par l’IA, pas encore vérifiés un à un par une personne : {fields}.',
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
		'Chaque champ d’une fiche : sa signification, son type, ses contraintes et les conditions qui le lient à d’autres champs, avec un exemple complet par type de fiche. Cette page est produite à partir du schéma qui valide le registre : elle ne peut pas s’en écarter.',
	'fields.field': 'Champ',
	'fields.meaning': 'Signification',
	'fields.type': 'Type',
	'fields.required': 'obligatoire',
	'fields.optional': 'facultatif',
	'fields.values': 'Valeurs possibles',
	'fields.howTo':
		'Chaque fiche est un fichier {file} qui commence par un en-tête YAML entre deux lignes {fence}. Écrivez les textes en style bloc : le nom du champ sur sa ligne, puis {fr} et {en} chacun sur la sienne, jamais entre accolades sur une seule ligne, où une virgule couperait le texte. Une fiche dont la traduction manque ({missing}) ne donne ses textes que dans sa langue d’origine. Chaque type de fiche se termine par un exemple complet à copier ; {check} vérifie ensuite la fiche avec les règles que décrit cette page.',
	'fields.file': 'registry/<type>/<identifiant>.mdx',
	'fields.requiredWhen': 'obligatoire quand {group} est donné',
	'fields.requiredInItem': 'obligatoire dans chaque élément de {list}',
	'fields.condition': 'Condition :',
	'fields.toExample': 'Exemple complet de fiche',
	'fields.example': 'Exemple complet',
	'fields.example.from':
		'D’après la fiche {entry} du registre, textes et listes raccourcis. Enregistrez-le sous {file} avec votre propre identifiant, puis remplacez chaque valeur.',
	'fields.example.schema':
		'Produit à partir du schéma, le registre n’ayant pas encore de fiche de ce type : chaque texte dit ce qu’il faut y écrire. Enregistrez-le sous {file} avec votre propre identifiant, puis remplacez chaque valeur.',
	'fields.example.leftOut': 'Champs facultatifs absents de cet exemple : {fields}.',
	'feed.title': 'Modifications du registre — {site}',
	'feed.entry.one': '{count} fiche modifiée : {names}',
	'feed.entry.other': '{count} fiches modifiées : {names}',
} as const;

/** Keys of the registry strings. */
export type RegistryKey = keyof typeof fr;

/** English strings of the registry pages. */
const en: Record<RegistryKey, string> = {
	...kindStrings('en'),
	'index.count.one': '{count} entry',
	'index.count.other': '{count} entries',
	'index.filters': 'Filter the list',
	'index.facets': 'Filters by category',
	'index.text': 'Words from the name, id or summary',
	'index.reset': 'Clear filters',
	'index.results.one': '{count} result out of {total}',
	'index.results.other': '{count} results out of {total}',
	'index.noResults': 'No entry matches these filters.',
	'index.loading': 'Loading the filter data…',
	'index.loadError': 'The filter data could not be loaded. Please try again in a moment.',
	'index.more.one': 'Show {count} more result',
	'index.more.other': 'Show {count} more results',
	'index.page': 'Page {page} of {pages}',
	'index.pagination': 'List pages',
	'index.previous': 'Previous page',
	'index.next': 'Next page',
	'index.fieldsLink': 'What does each field mean?',
	'index.download': 'Download the data',
	'index.name': 'Name',
	'index.usedBy': 'Used by',
	'index.sortState': 'sorted by “{column}”, {order}',
	'index.ascending': 'ascending',
	'index.descending': 'descending',
	'home.title': 'The registry in figures',
	'home.description':
		'What the registry holds: number of entries, statuses, risk classes, model hosting, the most used models and the latest changes.',
	'home.lead':
		'These figures are computed from the entries each time the site is published. Each chart is followed by its figures as a table, each line leading to the list of the entries concerned.',
	'home.updated': 'Last change to an entry: {date}.',
	'home.kinds': 'The entries',
	'home.figures': 'The figures as a table',
	'home.several':
		'An entry may count for several values: the total then exceeds the number of entries.',
	'home.notSet': 'Not set',
	'home.mostUsed': 'Most used',
	'home.changes': 'Latest changes',
	'home.changes.none': 'The entries’ history is not available for this build of the site.',
	'home.feed': 'Follow every change with the Atom feed',
	'entry.onThisPage': 'On this page',
	'entry.ai': 'Filled in by the AI',
	'entry.aiNote.one':
		'One field of this entry was filled in by the AI and has not yet been checked by a person: it is marked “Filled in by the AI”.',
	'entry.aiNote.other':
		'{count} fields of this entry were filled in by the AI and have not yet been checked one by one by a person: they are marked “Filled in by the AI”.',
	'entry.aiGuide': 'How entries are reviewed',
	'entry.json': 'Download this entry as JSON',
	'entry.language': 'Language',
	'entry.language.human': 'Written in {original}, translated into {other} by a person',
	'entry.language.machine':
		'Written in {original}; machine-translated into {other}, not yet reviewed',
	'entry.language.missing': 'Written in {original}; not yet translated into {other}',
	'language.fr': 'French',
	'language.en': 'English',
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
	'entry.provenance.footprint': 'Estimated footprint of this draft: {parts}.',
	'entry.provenance.tokens': '{count} tokens',
	'entry.provenance.cost': 'about {amount}',
	'entry.provenance.revision': 'Changed on {date} following issue {issue}: {fields}.',
	'entry.provenance.revisionByHand': 'Changed on {date} following issue {issue}.',
	'entry.provenance.revisionDrafted':
		'Change written with AI assistance ({provider}, model {model}).',
	'entry.provenance.issue': 'Proposed in issue {issue}.',
	'entry.provenance.pr': 'Reviewed and merged in pull request {pr}.',
	'entry.provenance.manual': 'Entry written by the registry team.',
	'entry.provenance.aiFields':
		'Fields filled in by the AI, not yet checked one by one by a person: {fields}.',
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
		'Every field of an entry: its meaning, its type, its constraints and the conditions tying it to other fields, with a complete example for each kind of entry. This page is generated from the schema that validates the registry, so it cannot drift from it.',
	'fields.field': 'Field',
	'fields.meaning': 'Meaning',
	'fields.type': 'Type',
	'fields.required': 'required',
	'fields.optional': 'optional',
	'fields.values': 'Allowed values',
	'fields.howTo':
		'Each entry is a file {file} that starts with YAML front matter between two {fence} lines. Write texts in block style: the field’s name on its own line, then {fr} and {en} each on their own, never in braces on a single line, where a comma would cut the text. An entry whose translation is missing ({missing}) gives its texts in its original language only. Each kind of entry ends with a complete example to copy; {check} then checks the entry against the rules this page describes.',
	'fields.file': 'registry/<kind>/<id>.mdx',
	'fields.requiredWhen': 'required when {group} is given',
	'fields.requiredInItem': 'required in each item of {list}',
	'fields.condition': 'Condition:',
	'fields.toExample': 'Complete example entry',
	'fields.example': 'Complete example',
	'fields.example.from':
		'Taken from the registry’s entry {entry}, with shortened texts and lists. Save it as {file} with your own id, then replace every value.',
	'fields.example.schema':
		'Made from the schema, as the registry has no entry of this kind yet: each text says what to write there. Save it as {file} with your own id, then replace every value.',
	'fields.example.leftOut': 'Optional fields this example leaves out: {fields}.',
	'feed.title': 'Registry changes — {site}',
	'feed.entry.one': '{count} entry changed: {names}',
	'feed.entry.other': '{count} entries changed: {names}',
};

const strings: Record<Language, Record<RegistryKey, string>> = { fr, en };

/** Returns a translator of the registry pages' strings for a locale. */
export function useRegistryTranslations(locale: string | undefined) {
	return translator(strings, locale);
}
