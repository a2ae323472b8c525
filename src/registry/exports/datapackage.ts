import type { Bilingual, Language } from '../schemas/index.ts';
import type { EntryKind } from '../kinds/index.ts';
import type { Vocabularies } from '../vocabularies.ts';
import { allCsvTables, listSeparator, type CsvColumn, type CsvTable } from './csv.ts';
import type { Publisher, PublishedLicence } from './publisher.ts';

/*
 * `datapackage.json`: a Frictionless Tabular Data Package (v1) describing every CSV file, derived
 * from the same tables as the files themselves, so from the one schema of each kind.
 *
 * Frictionless has one `title` and one `description`: they are in French, the site's language,
 * and both languages travel beside them as `x-label` and `x-help` (`{ fr, en }`), the keywords
 * that `registry.schema.json` uses for the same texts. Custom properties are allowed anywhere.
 * @see https://specs.frictionlessdata.io/tabular-data-package/
 * @see https://specs.frictionlessdata.io/table-schema/
 */

/** A Table Schema field. */
export interface TableSchemaField {
	name: string;
	title: string;
	description: string;
	type: CsvColumn['type'];
	format?: string;
	constraints?: { required?: boolean; unique?: boolean; enum?: string[] };
	trueValues?: string[];
	falseValues?: string[];
	'x-label': Bilingual;
	'x-help': Bilingual;
	'x-vocabulary'?: string;
	'x-listSeparator'?: string;
}

/** A foreign key of a Table Schema: columns of this table naming a row of another. */
export interface ForeignKey {
	fields: string[];
	reference: { resource: string; fields: string[] };
}

/** One CSV file of the package. */
export interface DataResource {
	profile: 'tabular-data-resource';
	name: string;
	path: string;
	title: string;
	description: string;
	'x-label': Bilingual;
	'x-help': Bilingual;
	format: 'csv';
	mediatype: 'text/csv';
	encoding: 'utf-8';
	dialect: Record<string, unknown>;
	schema: {
		fields: TableSchemaField[];
		primaryKey: string[];
		foreignKeys?: ForeignKey[];
		missingValues: string[];
	};
}

/** The whole `datapackage.json`. */
export interface DataPackage {
	profile: 'tabular-data-package';
	name: string;
	id: string;
	title: string;
	description: string;
	'x-label': Bilingual;
	'x-help': Bilingual;
	homepage: string;
	version: string;
	created: string;
	keywords: string[];
	licenses: { name?: string; path: string; title: string }[];
	contributors: { title: string; path: string; email: string; role: 'publisher' }[];
	'x-publisher': Publisher;
	resources: DataResource[];
}

/** What the package says besides the tables. */
export interface DataPackageOptions {
	vocabularies: Vocabularies;
	publisher: Publisher;
	licence: PublishedLicence;
	/** Package name: lowercase letters, digits, `-`, `.` and `_`. */
	name: string;
	/** The address of `datapackage.json` itself, its stable id. */
	id: string;
	/** The site's home page in its main language. */
	homepage: string;
	/** The site's main language (the first of `site.languages`): Frictionless's own titles are in it. */
	lang: Language;
	title: Bilingual;
	version: string;
	created: Date;
}

/** The dialect every CSV file is written in (see `tableToCsv`). */
const csvDialect = {
	delimiter: ',',
	lineTerminator: '\r\n',
	quoteChar: '"',
	doubleQuote: true,
	skipInitialSpace: false,
	header: true,
} as const;

/** Builds `datapackage.json` for every CSV table of every kind. */
export function dataPackage(options: DataPackageOptions): DataPackage {
	const { publisher, licence, lang } = options;
	const description: Bilingual = {
		fr: `Les systèmes et modèles d’intelligence artificielle que ${publisher.name.fr} utilise, en fichiers CSV\u00a0: une table par type de fiche et une table par liste d’éléments (modèles utilisés, sources de données, risques…), reliées par l’identifiant de la fiche.`,
		en: `The artificial intelligence systems and models ${publisher.name.en} uses, as CSV files: one table per kind of entry and one per list of items (models used, data sources, risks…), linked by the entry’s id.`,
	};
	return {
		profile: 'tabular-data-package',
		name: options.name,
		id: options.id,
		title: options.title[lang],
		description: description[lang],
		'x-label': options.title,
		'x-help': description,
		homepage: options.homepage,
		version: options.version,
		created: options.created.toISOString(),
		keywords: [
			'intelligence artificielle',
			'algorithmes publics',
			'artificial intelligence',
			'AI Act',
		],
		licenses: [
			{ ...(licence.spdx && { name: licence.spdx }), path: licence.url, title: licence.name[lang] },
		],
		contributors: [
			{
				title: publisher.name[lang],
				path: publisher.url,
				email: publisher.email,
				role: 'publisher',
			},
		],
		'x-publisher': publisher,
		resources: allCsvTables().map((table) => dataResource(table, options.vocabularies, lang)),
	};
}

function dataResource(table: CsvTable, vocabularies: Vocabularies, lang: Language): DataResource {
	const foreignKeys: ForeignKey[] = table.columns
		.filter((column) => column.references && !column.list)
		.map((column) => ({
			fields: [column.name],
			reference: {
				// An empty resource name is the table itself.
				resource:
					column.references === table.kind && table.shape === 'entry'
						? ''
						: mainTable(column.references as EntryKind),
				fields: ['id'],
			},
		}));
	return {
		profile: 'tabular-data-resource',
		name: table.name,
		path: `${table.name}.csv`,
		title: table.title[lang],
		description: table.description[lang],
		'x-label': table.title,
		'x-help': table.description,
		format: 'csv',
		mediatype: 'text/csv',
		encoding: 'utf-8',
		dialect: csvDialect,
		schema: {
			fields: table.columns.map((column) => tableField(column, table, vocabularies, lang)),
			primaryKey: table.primaryKey,
			// The profile wants at least one foreign key when the property is there.
			...(foreignKeys.length > 0 && { foreignKeys }),
			missingValues: [''],
		},
	};
}

/** The main table of a kind is named after it. */
const mainTable = (kind: EntryKind): string => kind;

function tableField(
	column: CsvColumn,
	table: CsvTable,
	vocabularies: Vocabularies,
	lang: Language,
): TableSchemaField {
	const field: TableSchemaField = {
		name: column.name,
		title: column.title[lang],
		description: column.description[lang],
		type: column.type,
		'x-label': column.title,
		'x-help': column.description,
	};
	if (column.format) field.format = column.format;
	const constraints: NonNullable<TableSchemaField['constraints']> = {};
	if (column.required) constraints.required = true;
	if (table.primaryKey.length === 1 && table.primaryKey[0] === column.name)
		constraints.unique = true;
	if (!column.list && column.role === 'value') {
		const keys = column.vocabulary
			? vocabularies.get(column.vocabulary)?.values.map((value) => value.key)
			: column.choices;
		if (keys) constraints.enum = [...keys];
	}
	if (Object.keys(constraints).length > 0) field.constraints = constraints;
	if (column.type === 'boolean') {
		field.trueValues = ['true'];
		field.falseValues = ['false'];
	}
	if (column.role === 'value' && column.vocabulary) field['x-vocabulary'] = column.vocabulary;
	if (column.list) field['x-listSeparator'] = listSeparator;
	return field;
}
