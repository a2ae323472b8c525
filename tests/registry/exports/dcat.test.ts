import { describe, expect, it } from 'vitest';
import { csvTables } from '../../../src/registry/exports/csv.ts';
import {
	catalogFiles,
	dcatCatalog,
	type CatalogOptions,
} from '../../../src/registry/exports/dcat.ts';
import { entryKinds } from '../../../src/registry/kinds/index.ts';
import type { Publisher } from '../../../src/registry/exports/publisher.ts';
import { testLicence, testPublisher } from './frictionless.ts';
import { plainSpaceBeforePunctuation } from './typography.ts';
import { jsonLdToStore, validateCatalog, type ShapeResult } from './shacl.ts';

const options: CatalogOptions = {
	publisher: testPublisher,
	licence: testLicence,
	siteUrl: 'https://ia.example.org/',
	catalogUrl: 'https://ia.example.org/catalog.jsonld',
	title: { fr: 'Registre IA', en: 'AI registry' },
	landingPage: {
		fr: 'https://ia.example.org/registre/systemes/',
		en: 'https://ia.example.org/en/registre/systemes/',
	},
	documentationPage: {
		fr: 'https://ia.example.org/donnees-ouvertes/',
		en: 'https://ia.example.org/en/donnees-ouvertes/',
	},
	issued: new Date('2026-01-05T09:00:00Z'),
	modified: new Date('2026-11-30T17:00:00Z'),
	files: catalogFiles(entryKinds.flatMap(csvTables), 'https://ia.example.org/', [
		{ lang: 'fr', path: 'registry.atom' },
		{ lang: 'en', path: 'en/registry.atom' },
	]),
};
const catalog = dcatCatalog(options);

const dct = 'http://purl.org/dc/terms/';

/**
 * Recommended properties the catalogue cannot know, each on the one node that lacks it: the area
 * the catalogue and the dataset cover, and the period of the dataset (none of them in the
 * configuration yet). Any other warning, a licence or a publisher without its type say, fails.
 */
const unknowable = [
	['https://ia.example.org/catalog.jsonld', `${dct}spatial`],
	['https://ia.example.org/catalog.jsonld#registry', `${dct}spatial`],
	['https://ia.example.org/catalog.jsonld#registry', `${dct}temporal`],
];
const isUnknowable = (result: ShapeResult) =>
	result.severity === 'Warning' &&
	unknowable.some(([focus, path]) => result.focus === focus && result.path === path);

const describeResults = (results: ShapeResult[]) =>
	results.map((r) => `${r.severity} ${r.focus} ${r.path}: ${r.message}`).join('\n');

/** A deep copy of the catalogue to break. */
const copy = () => structuredClone(catalog) as Record<string, unknown>;

describe('the DCAT-AP 3 catalogue', () => {
	it('meets every mandatory property of the shapes, and every recommended one it can know', async () => {
		const results = await validateCatalog(catalog);
		const violations = results.filter((r) => r.severity === 'Violation');
		expect(violations, describeResults(violations)).toEqual([]);
		const warnings = results.filter((r) => !isUnknowable(r));
		expect(warnings, describeResults(warnings)).toEqual([]);
	});

	it('reports a licence without its ADMS type, which is not among the tolerated warnings', async () => {
		const broken = copy();
		delete (broken['license'] as Record<string, unknown>)['dct:type'];
		const warnings = (await validateCatalog(broken)).filter((r) => !isUnknowable(r));
		expect(warnings.map((r) => [r.focus, r.path])).toEqual([[testLicence.url, `${dct}type`]]);
	});

	it('gives the publisher its ADMS type from the configuration, and warns when there is none', async () => {
		const store = await jsonLdToStore(catalog);
		expect(
			store
				.getObjects('https://ia.example.org/catalog.jsonld#publisher', `${dct}type`, null)
				.map((t) => t.value),
		).toEqual(['http://purl.org/adms/publishertype/LocalAuthority']);
		const untyped: Publisher = { ...testPublisher };
		delete untyped.type;
		const results = await validateCatalog(dcatCatalog({ ...options, publisher: untyped }));
		expect(
			results.filter((r) => !isUnknowable(r)).map((r) => [r.severity, r.focus, r.path]),
		).toEqual([['Warning', 'https://ia.example.org/catalog.jsonld#publisher', `${dct}type`]]);
	});

	it('names for each file the schema its content conforms to', async () => {
		const store = await jsonLdToStore(catalog);
		const conformsTo = (file: string) => {
			const [distribution] = store.getSubjects(
				'http://www.w3.org/ns/dcat#downloadURL',
				`https://ia.example.org/${file}`,
				null,
			);
			return store
				.getObjects(distribution ?? null, `${dct}conformsTo`, null)
				.map((t) => t.value)
				.sort();
		};
		expect(conformsTo('registry.json')).toEqual(['https://ia.example.org/registry.schema.json']);
		expect(conformsTo('registry.schema.json')).toEqual([
			'https://json-schema.org/draft/2020-12/schema',
		]);
		expect(conformsTo('datapackage.json')).toEqual([
			'https://specs.frictionlessdata.io/tabular-data-package/',
		]);
		for (const table of entryKinds.flatMap(csvTables)) {
			expect(conformsTo(`${table.name}.csv`), table.name).toEqual([
				'https://ia.example.org/datapackage.json',
				'https://www.rfc-editor.org/rfc/rfc4180',
			]);
		}
	});

	it('fails the shapes without its publisher, a mandatory property', async () => {
		const broken = copy();
		delete broken['publisher'];
		const results = await validateCatalog(broken);
		expect(
			results.some(
				(r) => r.severity === 'Violation' && r.path === 'http://purl.org/dc/terms/publisher',
			),
		).toBe(true);
	});

	it('fails the shapes when a distribution has no access URL or a text misses a language', async () => {
		const broken = copy();
		const [dataset] = broken['dataset'] as Record<string, unknown>[];
		const [first] = (dataset?.['distribution'] ?? []) as Record<string, unknown>[];
		if (!first) throw new Error('no distribution');
		delete first['accessURL'];
		(first['title'] as Record<string, string>)['en'] = '';
		delete (first['title'] as Record<string, string>)['en'];
		const violations = (await validateCatalog(broken)).filter((r) => r.severity === 'Violation');
		const paths = violations.map((r) => r.path);
		expect(paths).toContain('http://www.w3.org/ns/dcat#accessURL');
		expect(paths).toContain('http://purl.org/dc/terms/title');
	});

	it('is read by a JSON-LD processor without any network, into the expected triples', async () => {
		const store = await jsonLdToStore(catalog);
		const dcat = 'http://www.w3.org/ns/dcat#';
		const one = (s: string | null, p: string) => store.getObjects(s, p, null);
		expect(
			store
				.getSubjects(`http://www.w3.org/1999/02/22-rdf-syntax-ns#type`, `${dcat}Catalog`, null)
				.map((t) => t.value),
		).toEqual(['https://ia.example.org/catalog.jsonld']);
		const titles = one('https://ia.example.org/catalog.jsonld', `${dct}title`);
		expect(titles.map((t) => [(t as { language?: string }).language, t.value]).sort()).toEqual([
			['en', 'AI registry'],
			['fr', 'Registre IA'],
		]);
		const [publisher] = one('https://ia.example.org/catalog.jsonld', `${dct}publisher`);
		expect(one(publisher?.value ?? '', `${dct}identifier`).map((t) => t.value)).toEqual([
			'123456789',
		]);
		const downloads = store
			.getObjects(null, `${dcat}downloadURL`, null)
			.map((t) => t.value)
			.sort();
		expect(downloads).toEqual(
			expect.arrayContaining([
				'https://ia.example.org/registry.json',
				'https://ia.example.org/registry.schema.json',
				'https://ia.example.org/datapackage.json',
				'https://ia.example.org/systems.csv',
				'https://ia.example.org/systems-models.csv',
				'https://ia.example.org/models-documentation.csv',
				'https://ia.example.org/registry.atom',
				'https://ia.example.org/en/registry.atom',
			]),
		);
		expect(store.getObjects(null, `${dcat}mediaType`, null).map((t) => t.value)).toContain(
			'https://www.iana.org/assignments/media-types/text/csv',
		);
		expect(store.getObjects(null, `${dct}license`, null).map((t) => t.value)).toContain(
			testLicence.url,
		);
	});

	it('names only media types registered at IANA, and file types of the EU table', async () => {
		const store = await jsonLdToStore(catalog);
		const objects = (property: string) =>
			new Set(store.getObjects(null, property, null).map((term) => term.value));
		expect([...objects('http://www.w3.org/ns/dcat#mediaType')].sort()).toEqual(
			['application/atom+xml', 'application/json', 'text/csv'].map(
				(type) => `https://www.iana.org/assignments/media-types/${type}`,
			),
		);
		expect([...objects('http://purl.org/dc/terms/format')].sort()).toEqual(
			['ATOM', 'CSV', 'JSON'].map(
				(code) => `http://publications.europa.eu/resource/authority/file-type/${code}`,
			),
		);
	});

	it('puts a non-breaking space, never a plain one, before a colon in its French texts', async () => {
		const store = await jsonLdToStore(catalog);
		const french = store
			.getQuads(null, null, null, null)
			.map((quad) => quad.object)
			.filter((term) => (term as { language?: string }).language === 'fr')
			.map((term) => term.value);
		expect(french.length).toBeGreaterThan(10);
		expect(plainSpaceBeforePunctuation(french)).toEqual([]);
	});

	it('refuses a remote context, so that nothing is fetched at test time', async () => {
		await expect(
			jsonLdToStore({ ...catalog, '@context': 'https://example.org/context.jsonld' }),
		).rejects.toThrow();
	});
});
