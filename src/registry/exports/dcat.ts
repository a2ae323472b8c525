import type { Bilingual, Language } from '../schemas/index.ts';
import { languageNames } from '../texts.ts';
import type { CsvTable } from './csv.ts';
import type { Publisher, PublishedLicence } from './publisher.ts';

/*
 * The DCAT-AP 3 catalogue of the open data, in JSON-LD, for data.gouv.fr and data.europa.eu to
 * harvest: one dcat:Catalog published by the organisation (a foaf:Agent with its identifier),
 * one dcat:Dataset, the registry, and one dcat:Distribution per published file. The context is
 * inline, so a reader needs no network to expand it; texts are `@language` maps in both
 * languages; media types are IANA's IRIs, formats and themes the EU's authority tables.
 * @see https://semiceu.github.io/DCAT-AP/releases/3.0.0/
 */

/** The JSON-LD context of the catalogue: prefixes, and terms for the properties it uses. */
const catalogContext = {
	dcat: 'http://www.w3.org/ns/dcat#',
	dct: 'http://purl.org/dc/terms/',
	foaf: 'http://xmlns.com/foaf/0.1/',
	vcard: 'http://www.w3.org/2006/vcard/ns#',
	adms: 'http://www.w3.org/ns/adms#',
	skos: 'http://www.w3.org/2004/02/skos/core#',
	xsd: 'http://www.w3.org/2001/XMLSchema#',
	dcatap: 'http://data.europa.eu/r5r/',
	title: { '@id': 'dct:title', '@container': '@language' },
	description: { '@id': 'dct:description', '@container': '@language' },
	keyword: { '@id': 'dcat:keyword', '@container': '@language' },
	name: { '@id': 'foaf:name', '@container': '@language' },
	fn: { '@id': 'vcard:fn', '@container': '@language' },
	prefLabel: { '@id': 'skos:prefLabel', '@container': '@language' },
	identifier: 'dct:identifier',
	notation: 'skos:notation',
	schemaAgency: 'adms:schemaAgency',
	modified: { '@id': 'dct:modified', '@type': 'xsd:dateTime' },
	issued: { '@id': 'dct:issued', '@type': 'xsd:dateTime' },
	homepage: { '@id': 'foaf:homepage', '@type': '@id' },
	landingPage: { '@id': 'dcat:landingPage', '@type': '@id' },
	page: { '@id': 'foaf:page', '@type': '@id' },
	accessURL: { '@id': 'dcat:accessURL', '@type': '@id' },
	downloadURL: { '@id': 'dcat:downloadURL', '@type': '@id' },
	hasEmail: { '@id': 'vcard:hasEmail', '@type': '@id' },
	hasURL: { '@id': 'vcard:hasURL', '@type': '@id' },
	themeTaxonomy: { '@id': 'dcat:themeTaxonomy', '@type': '@id' },
	publisher: 'dct:publisher',
	contactPoint: 'dcat:contactPoint',
	dataset: 'dcat:dataset',
	distribution: 'dcat:distribution',
	theme: 'dcat:theme',
	language: 'dct:language',
	license: 'dct:license',
	mediaType: 'dcat:mediaType',
	format: 'dct:format',
	conformsTo: 'dct:conformsTo',
	availability: 'dcatap:availability',
	accrualPeriodicity: 'dct:accrualPeriodicity',
} as const;

/** One file of the catalogue's dataset. */
export interface CatalogFile {
	/** Path from the site's root (`systems.csv`, `en/registry.atom`). */
	path: string;
	title: Bilingual;
	description: Bilingual;
	/** IANA media type, `text/csv`. */
	mediaType: string;
	/** Code in the EU's file-type table: `CSV`, `JSON`, `ATOM`. */
	format: string;
	/** The schemas or standards the file's content follows (DCAT's `dct:conformsTo`). */
	conformsTo: readonly string[];
	/** The languages of the file's texts. */
	languages: readonly ('fr' | 'en')[];
}

/** What the catalogue states besides its files. */
export interface CatalogOptions {
	publisher: Publisher;
	licence: PublishedLicence;
	/** The site's address with its base and a trailing slash, `https://ia.example.org/`. */
	siteUrl: string;
	/** Where the catalogue itself is published. */
	catalogUrl: string;
	title: Bilingual;
	/** The registry's index pages, the dataset's landing page, by language. */
	landingPage: Bilingual;
	/** The page that documents the files. */
	documentationPage: Bilingual;
	/** The first and latest changes of the registry. */
	issued: Date;
	modified: Date;
	files: readonly CatalogFile[];
}

const eu = 'http://publications.europa.eu/resource/authority/';
const languageCodes = { fr: 'FRA', en: 'ENG' } as const;

const languageNodes = (languages: readonly ('fr' | 'en')[]) =>
	languages.map((lang) => ({
		'@id': `${eu}language/${languageCodes[lang]}`,
		'@type': 'dct:LinguisticSystem',
	}));

/** Builds the DCAT-AP 3 catalogue, as a JSON-LD document with its context inline. */
export function dcatCatalog(options: CatalogOptions): Record<string, unknown> {
	const { publisher, licence, catalogUrl } = options;
	const publisherNode = {
		'@id': `${catalogUrl}#publisher`,
		'@type': ['foaf:Agent', 'foaf:Organization'],
		name: publisher.name,
		homepage: publisher.url,
		identifier: publisher.identifier.value,
		'adms:identifier': {
			'@type': 'adms:Identifier',
			notation: publisher.identifier.value,
			schemaAgency: publisher.identifier.scheme,
		},
		// ADMS's publisher types, as the licence's type below: the concept's IRI alone.
		...(publisher.type && {
			'dct:type': { '@id': `http://purl.org/adms/publishertype/${publisher.type}` },
		}),
	};
	const licenceNode = {
		'@id': licence.url,
		'@type': 'dct:LicenseDocument',
		title: licence.name,
		...(licence.spdx && { identifier: licence.spdx }),
		// Licence Ouverte and its kin require attribution: ADMS's licence type says so.
		'dct:type': { '@id': 'http://purl.org/adms/licencetype/Attribution' },
	};
	const modified = options.modified.toISOString();
	const distributions = options.files.map((file) => {
		const url = new URL(file.path, options.siteUrl).href;
		return {
			'@id': `${catalogUrl}#${file.path.replaceAll('/', '-')}`,
			'@type': 'dcat:Distribution',
			title: file.title,
			description: file.description,
			accessURL: url,
			downloadURL: url,
			mediaType: {
				'@id': `https://www.iana.org/assignments/media-types/${file.mediaType}`,
				'@type': 'dct:MediaType',
			},
			format: { '@id': `${eu}file-type/${file.format}`, '@type': 'dct:MediaTypeOrExtent' },
			...(file.conformsTo.length > 0 && {
				conformsTo: file.conformsTo.map((standard) => ({
					'@id': standard,
					'@type': 'dct:Standard',
				})),
			}),
			license: { '@id': licence.url },
			language: languageNodes(file.languages),
			availability: { '@id': `${eu}planned-availability/STABLE` },
			modified,
		};
	});
	const dataset = {
		'@id': `${catalogUrl}#registry`,
		'@type': 'dcat:Dataset',
		identifier: `${catalogUrl}#registry`,
		title: options.title,
		description: {
			fr: `Les systèmes et modèles d’intelligence artificielle que ${publisher.name.fr} utilise\u00a0: à quoi ils servent, qui en répond, quelles données ils lisent, leur classe de risque au sens du règlement européen sur l’IA, les analyses d’impact, les risques et les mesures prises.`,
			en: `The artificial intelligence systems and models ${publisher.name.en} uses: what they are for, who is accountable, which data they read, their risk class under the EU AI Act, impact assessments, risks and mitigations.`,
		},
		keyword: {
			fr: ['intelligence artificielle', 'algorithmes publics', 'règlement IA', 'transparence'],
			en: ['artificial intelligence', 'public algorithms', 'AI Act', 'transparency'],
		},
		theme: [
			{
				'@id': `${eu}data-theme/GOVE`,
				'@type': 'skos:Concept',
				prefLabel: { fr: 'Gouvernement et secteur public', en: 'Government and public sector' },
			},
			{
				'@id': `${eu}data-theme/TECH`,
				'@type': 'skos:Concept',
				prefLabel: { fr: 'Science et technologie', en: 'Science and technology' },
			},
		],
		publisher: { '@id': publisherNode['@id'] },
		contactPoint: {
			'@type': ['vcard:Kind', 'vcard:Organization'],
			fn: publisher.name,
			hasEmail: `mailto:${publisher.email}`,
			hasURL: publisher.url,
		},
		landingPage: [options.landingPage.fr, options.landingPage.en],
		page: [options.documentationPage.fr, options.documentationPage.en],
		language: languageNodes(['fr', 'en']),
		accrualPeriodicity: { '@id': `${eu}frequency/IRREG` },
		issued: options.issued.toISOString(),
		modified,
		distribution: distributions,
	};
	return {
		'@context': catalogContext,
		'@id': catalogUrl,
		'@type': 'dcat:Catalog',
		title: options.title,
		description: {
			fr: `Catalogue des données ouvertes du registre de l’IA de ${publisher.name.fr}.`,
			en: `Catalogue of the open data of ${publisher.name.en}’s AI registry.`,
		},
		publisher: publisherNode,
		homepage: options.siteUrl,
		language: languageNodes(['fr', 'en']),
		license: licenceNode,
		themeTaxonomy: `${eu}data-theme`,
		issued: options.issued.toISOString(),
		modified,
		dataset: [dataset],
	};
}

/** The JSON Schema meta-schema that `registry.schema.json` is written in. */
const jsonSchemaDialect = 'https://json-schema.org/draft/2020-12/schema';

/**
 * The published files: the registry, its schema, the CSV tables, their package and the feeds.
 * Each names the schema its content conforms to: `registry.json` the site's JSON Schema, that
 * schema the 2020-12 meta-schema, each CSV file its Table Schema in `datapackage.json` (and the
 * CSV format itself), the package the Tabular Data Package specification; and the feed of each
 * published language (`registry.atom`, `en/registry.atom`).
 */
export function catalogFiles(
	tables: readonly CsvTable[],
	siteUrl: string,
	feeds: readonly { lang: Language; path: string }[],
): CatalogFile[] {
	const both = ['fr', 'en'] as const;
	const published = (path: string) => new URL(path, siteUrl).href;
	return [
		{
			path: 'registry.json',
			title: { fr: 'Le registre complet (JSON)', en: 'The whole registry (JSON)' },
			description: {
				fr: 'Tous les systèmes et modèles, avec l’éditeur, la licence et la version du schéma.',
				en: 'Every system and model, with the publisher, the licence and the schema version.',
			},
			mediaType: 'application/json',
			format: 'JSON',
			conformsTo: [published('registry.schema.json')],
			languages: both,
		},
		{
			path: 'registry.schema.json',
			title: { fr: 'Le schéma de registry.json', en: 'The schema of registry.json' },
			description: {
				fr: 'JSON Schema qui décrit chaque champ de registry.json, ses types et ses valeurs admises.',
				en: 'JSON Schema describing every field of registry.json, its types and allowed values.',
			},
			// `application/schema+json` is not in IANA's register yet: the catalogue names only types
			// that are. https://www.iana.org/assignments/media-types/media-types.xhtml
			mediaType: 'application/json',
			format: 'JSON',
			conformsTo: [jsonSchemaDialect],
			languages: both,
		},
		{
			path: 'datapackage.json',
			title: { fr: 'Description des fichiers CSV', en: 'Description of the CSV files' },
			description: {
				fr: 'Data Package Frictionless\u00a0: colonnes, types, clés et licence de chaque fichier CSV.',
				en: 'Frictionless Data Package: columns, types, keys and licence of every CSV file.',
			},
			mediaType: 'application/json',
			format: 'JSON',
			conformsTo: ['https://specs.frictionlessdata.io/tabular-data-package/'],
			languages: both,
		},
		...tables.map((table): CatalogFile => ({
			path: `${table.name}.csv`,
			title: { fr: `${table.title.fr} (CSV)`, en: `${table.title.en} (CSV)` },
			description: table.description,
			mediaType: 'text/csv',
			format: 'CSV',
			conformsTo: [published('datapackage.json'), 'https://www.rfc-editor.org/rfc/rfc4180'],
			languages: both,
		})),
		// One feed per published language.
		...feeds.map(({ lang, path }): CatalogFile => ({
			path,
			title: {
				fr: `Flux des modifications, en ${languageNames.fr[lang]}`,
				en: `Feed of changes, in ${languageNames.en[lang]}`,
			},
			description: {
				fr: `Les dernières modifications du registre, au format Atom, en ${languageNames.fr[lang]}.`,
				en: `The registry’s latest changes, as an Atom feed, in ${languageNames.en[lang]}.`,
			},
			mediaType: 'application/atom+xml',
			format: 'ATOM',
			conformsTo: ['https://www.rfc-editor.org/rfc/rfc4287'],
			languages: [lang],
		})),
	];
}
