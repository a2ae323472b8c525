import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { DataPackage, DataResource } from '../../../src/registry/exports/datapackage.ts';
import { parseCsvFile } from './csv-files.ts';

/**
 * Checks CSV files against the Table Schemas of their Data Package, as a Frictionless validator
 * would: the header names the fields in order; each cell casts to its field's type and format;
 * required cells are there; enums hold; primary keys are unique; foreign keys resolve.
 * @see https://specs.frictionlessdata.io/table-schema/
 * Returns one message per problem, naming the file, the row and the field.
 */
export function checkTables(pkg: DataPackage, read: (path: string) => string): string[] {
	const problems: string[] = [];
	const rows = new Map<string, Record<string, string>[]>();
	for (const resource of pkg.resources) {
		rows.set(resource.name, [...parseCsvFile(read(resource.path))]);
	}
	for (const resource of pkg.resources) {
		const records = rows.get(resource.name) ?? [];
		const text = read(resource.path);
		const header = Object.keys(records[0] ?? {});
		const names = resource.schema.fields.map((field) => field.name);
		if (records.length > 0 && header.join(',') !== names.join(',')) {
			problems.push(`${resource.path}: header ${header.join(',')} is not ${names.join(',')}`);
		}
		if (!text.endsWith(resource.dialect['lineTerminator'] as string)) {
			problems.push(`${resource.path}: lines do not end with the dialect's terminator`);
		}
		records.forEach((record, index) => {
			for (const field of resource.schema.fields) {
				const cell = record[field.name] ?? '';
				const at = `${resource.path} row ${index + 2} ${field.name}`;
				if (resource.schema.missingValues.includes(cell)) {
					if (field.constraints?.required) problems.push(`${at}: required, but empty`);
					continue;
				}
				const problem = castProblem(field, cell);
				if (problem) problems.push(`${at}: ${problem} (${JSON.stringify(cell)})`);
				if (field.constraints?.enum && !field.constraints.enum.includes(cell)) {
					problems.push(`${at}: ${JSON.stringify(cell)} is not in the enum`);
				}
			}
		});
		const keyOf = (record: Record<string, string>, fields: string[]) =>
			JSON.stringify(fields.map((name) => record[name] ?? ''));
		const seen = new Set<string>();
		for (const record of records) {
			const key = keyOf(record, resource.schema.primaryKey);
			if (seen.has(key)) problems.push(`${resource.path}: primary key ${key} appears twice`);
			seen.add(key);
		}
		for (const foreignKey of resource.schema.foreignKeys ?? []) {
			const target = foreignKey.reference.resource || resource.name;
			const targets = new Set(
				(rows.get(target) ?? []).map((record) => keyOf(record, foreignKey.reference.fields)),
			);
			if (!rows.has(target)) problems.push(`${resource.path}: no resource ${target}`);
			for (const record of records) {
				// An optional reference left empty points nowhere: like frictionless-py, only keys
				// with a value are looked up.
				const cells = foreignKey.fields.map((name) => record[name] ?? '');
				if (cells.every((cell) => resource.schema.missingValues.includes(cell))) continue;
				const key = keyOf(record, foreignKey.fields);
				if (!targets.has(key)) {
					problems.push(
						`${resource.path}: ${foreignKey.fields.join(',')} ${key} is not in ${target}`,
					);
				}
			}
		}
	}
	return problems;
}

type Field = DataResource['schema']['fields'][number];

function castProblem(field: Field, cell: string): string | undefined {
	switch (field.type) {
		case 'integer':
			return /^-?\d+$/.test(cell) ? undefined : 'not an integer';
		case 'number':
			return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(cell) ? undefined : 'not a number';
		case 'boolean':
			return [...(field.trueValues ?? []), ...(field.falseValues ?? [])].includes(cell)
				? undefined
				: 'not a boolean';
		case 'date': {
			const date = new Date(`${cell}T00:00:00Z`);
			return /^\d{4}-\d{2}-\d{2}$/.test(cell) && date.toISOString().startsWith(cell)
				? undefined
				: 'not a date';
		}
		default:
			if (field.format === 'uri' && !URL.canParse(cell)) return 'not a URI';
			if (field.format === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(cell))
				return 'not an email';
			return undefined;
	}
}

/** A publisher and licence as a configuration gives them. */
export const testPublisher = {
	name: { fr: 'Ville d’Exemple', en: 'City of Example' },
	url: 'https://www.example.org/',
	email: 'ia@example.org',
	identifier: { scheme: 'SIREN', value: '123456789' },
	type: 'LocalAuthority' as const,
};
export const testLicence = {
	name: { fr: 'Licence Ouverte 2.0', en: 'Open Licence 2.0' },
	url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
	spdx: 'etalab-2.0',
};

/** Compiles one of the vendored draft-04 Frictionless profiles (see tests/fixtures/frictionless/). */
const profiles = new Map<string, ValidateFunction>();

function profile(name: string): ValidateFunction {
	const known = profiles.get(name);
	if (known) return known;
	const schema = JSON.parse(
		readFileSync(new URL(`../../fixtures/frictionless/${name}.json`, import.meta.url), 'utf8'),
	) as Record<string, unknown>;
	delete schema['$schema'];
	const ajv = new Ajv({ allErrors: true, strict: false });
	addFormats.default(ajv);
	// A hint for form builders in the profiles, not a check.
	ajv.addFormat('textarea', true);
	const validate = ajv.compile(schema);
	profiles.set(name, validate);
	return validate;
}

/** Validates a package against the Tabular Data Package profile and each schema against Table Schema. */
export function specProblems(document: unknown): unknown[] {
	const tabular = profile('tabular-data-package');
	const tableSchema = profile('table-schema');
	const problems: unknown[] = [];
	if (!tabular(document)) problems.push(...(tabular.errors ?? []));
	for (const resource of (document as DataPackage).resources ?? []) {
		if (!tableSchema(resource.schema)) problems.push(...(tableSchema.errors ?? []));
	}
	return problems;
}
