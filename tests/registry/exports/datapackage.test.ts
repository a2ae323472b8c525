import { describe, expect, it } from 'vitest';
import { csvTables, type CsvOptions } from '../../../src/registry/exports/csv.ts';
import { dataPackage, type DataPackage } from '../../../src/registry/exports/datapackage.ts';
import { loadRegistry } from '../../../src/registry/load.ts';
import { entryKinds, entrySchemas } from '../../../src/registry/kinds/index.ts';
import { loadVocabularies } from '../../../src/registry/vocabularies.ts';
import { testPageUrl, writeCsvExport } from './csv-files.ts';
import { plainSpaceBeforePunctuation } from './typography.ts';
import { checkTables, specProblems, testLicence, testPublisher } from './frictionless.ts';

const registry = await loadRegistry('examples/clairval/registry');
const { vocabularies } = await loadVocabularies('examples/clairval/registry');
const options: CsvOptions = { vocabularies, pageUrl: testPageUrl };

const packageOptions: Parameters<typeof dataPackage>[0] = {
	vocabularies,
	publisher: testPublisher,
	licence: testLicence,
	name: 'registre-ia',
	id: 'https://ia.example.org/datapackage.json',
	homepage: 'https://ia.example.org/',
	lang: 'fr',
	title: { fr: 'Registre IA', en: 'AI registry' },
	version: '1.0.0',
	created: new Date('2026-12-01T10:00:00Z'),
};
const pkg = dataPackage(packageOptions);

describe('datapackage.json', () => {
	it('gives Frictionless’s own titles in the site’s main language, both in x-label', () => {
		const english = dataPackage({ ...packageOptions, lang: 'en' });
		expect([pkg.title, english.title]).toEqual(['Registre IA', 'AI registry']);
		const [resource] = english.resources;
		expect(resource?.title).toBe(resource?.['x-label'].en);
		expect(resource?.schema.fields[0]?.title).toBe(resource?.schema.fields[0]?.['x-label'].en);
	});

	it('validates against the Tabular Data Package and Table Schema specifications', () => {
		expect(specProblems(JSON.parse(JSON.stringify(pkg)))).toEqual([]);
	});

	it('fails those specifications when a field has no type it knows', () => {
		const broken = JSON.parse(JSON.stringify(pkg)) as DataPackage;
		(broken.resources[0]?.schema.fields[0] as { type: string }).type = 'text';
		expect(specProblems(broken)).not.toEqual([]);
	});

	it('describes every CSV file, and each file matches its Table Schema', () => {
		const files = new Map(
			entryKinds.flatMap((kind) => [
				...writeCsvExport(
					kind,
					registry[kind].map((entry) => entry.data),
					options,
				),
			]),
		);
		expect(pkg.resources.map((resource) => resource.path).sort()).toEqual(
			[...files.keys()].map((name) => `${name}.csv`).sort(),
		);
		expect(checkTables(pkg, (path) => files.get(path.replace(/\.csv$/, '')) ?? '')).toEqual([]);
	});

	it('finds, in CSV files that break their schema, a duplicate id, a broken foreign key and a bad date', () => {
		const systems = registry.systems.map((entry) => entry.data);
		const first = systems[0];
		if (!first) throw new Error('no system');
		const broken = [
			first,
			{ ...first },
			{ ...first, id: 'other', models: [{ model: 'no-such-model', usage: { fr: 'x' } }] },
		];
		const files = new Map([
			...writeCsvExport('systems', broken, options),
			...writeCsvExport(
				'models',
				registry.models.map((entry) => entry.data),
				options,
			),
		]);
		const read = (path: string) => files.get(path.replace(/\.csv$/, '')) ?? '';
		const problems = checkTables(pkg, (path) =>
			path === 'systems.csv' ? read(path).replace(/,"20\d\d-\d\d-\d\d"/, ',"someday"') : read(path),
		).join('\n');
		expect(problems).toMatch(/systems\.csv: primary key .* appears twice/);
		expect(problems).toMatch(/systems-models\.csv: model \["no-such-model"\] is not in models/);
		expect(problems).toMatch(/not a date/);
	});

	it('types, describes in both languages and constrains every field from the schema', () => {
		const systems = pkg.resources.find((resource) => resource.name === 'systems');
		const fields = new Map(systems?.schema.fields.map((field) => [field.name, field]));
		const status = fields.get('status');
		expect(status?.constraints?.enum).toEqual(
			vocabularies.get('statuses')?.values.map((value) => value.key),
		);
		expect(status?.constraints?.required).toBe(true);
		expect(status?.['x-label']).toEqual({ fr: 'Statut', en: 'Status' });
		expect(status?.title).toBe('Statut');
		expect(fields.get('review.last')?.type).toBe('date');
		expect(fields.get('website')?.format).toBe('uri');
		expect(fields.get('generativeAi.inputsUsedForTraining')?.type).toBe('boolean');
		expect(fields.get('principles')?.['x-listSeparator']).toBe(' | ');
		expect(fields.get('id')?.constraints).toEqual({ required: true, unique: true });
		expect(systems?.schema.primaryKey).toEqual(['id']);
		for (const resource of pkg.resources) {
			for (const field of resource.schema.fields) {
				expect(field['x-label'].fr.length, `${resource.name}.${field.name}`).toBeGreaterThan(0);
				expect(field['x-label'].en.length, `${resource.name}.${field.name}`).toBeGreaterThan(0);
				expect(field['x-help'].en.length, `${resource.name}.${field.name}`).toBeGreaterThan(0);
			}
		}
		// Every top-level field of the schema is somewhere in the tables.
		for (const kind of entryKinds) {
			const names = csvTables(kind).flatMap((table) => [
				table.name,
				...table.columns.map((column) => column.name),
			]);
			for (const key of Object.keys(entrySchemas[kind].shape)) {
				expect(
					names.some(
						(name) =>
							name === key ||
							name.startsWith(`${key}.`) ||
							name.includes(`-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`),
					),
					`${kind}.${key}`,
				).toBe(true);
			}
		}
	});

	it('keys child tables to their entry and to the models they use', () => {
		const uses = pkg.resources.find((resource) => resource.name === 'systems-models');
		expect(uses?.schema.primaryKey).toEqual(['system', 'position']);
		expect(uses?.schema.foreignKeys).toEqual([
			{ fields: ['system'], reference: { resource: 'systems', fields: ['id'] } },
			{ fields: ['model'], reference: { resource: 'models', fields: ['id'] } },
		]);
	});

	it('names the licence and the publisher with its identifier', () => {
		expect(pkg.licenses).toEqual([
			{ name: 'etalab-2.0', path: testLicence.url, title: 'Licence Ouverte 2.0' },
		]);
		expect(pkg['x-publisher'].identifier).toEqual({ scheme: 'SIREN', value: '123456789' });
		expect(pkg.contributors[0]).toMatchObject({ role: 'publisher', title: 'Ville d’Exemple' });
	});
});

describe('the French texts of the package', () => {
	it('put a non-breaking space, never a plain one, before a colon or other high punctuation', () => {
		const texts = [pkg.title, pkg.description, pkg['x-help'].fr, pkg['x-label'].fr];
		for (const resource of pkg.resources) {
			texts.push(resource.title, resource.description, resource['x-label'].fr);
			for (const field of resource.schema.fields) {
				texts.push(field.title, field.description, field['x-label'].fr, field['x-help'].fr);
			}
		}
		expect(plainSpaceBeforePunctuation(texts)).toEqual([]);
	});
});
