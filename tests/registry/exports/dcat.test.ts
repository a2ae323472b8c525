import { describe, expect, it } from 'vitest';
import { csvTables } from '../../../src/registry/exports/csv.ts';
import { catalogFiles, dcatCatalog } from '../../../src/registry/exports/dcat.ts';
import { entryKinds } from '../../../src/registry/schemas/index.ts';
import { testLicence, testPublisher } from './frictionless.ts';
import { jsonLdToStore, validateCatalog, type ShapeResult } from './shacl.ts';

const catalog = dcatCatalog({
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
	files: catalogFiles(entryKinds.flatMap(csvTables)),
});

/**
 * Recommended properties the catalogue cannot know: the area and period the registry covers,
 * and the publisher's ADMS type (none of them in the configuration yet).
 */
const unknowable = [
	'http://purl.org/dc/terms/spatial',
	'http://purl.org/dc/terms/temporal',
	'http://purl.org/dc/terms/type',
];

const describeResults = (results: ShapeResult[]) =>
	results.map((r) => `${r.severity} ${r.focus} ${r.path}: ${r.message}`).join('\n');

/** A deep copy of the catalogue to break. */
const copy = () => structuredClone(catalog) as Record<string, unknown>;

describe('the DCAT-AP 3 catalogue', () => {
	it('meets every mandatory property of the shapes, and every recommended one it can know', async () => {
		const results = await validateCatalog(catalog);
		const violations = results.filter((r) => r.severity === 'Violation');
		expect(violations, describeResults(violations)).toEqual([]);
		const warnings = results.filter((r) => !unknowable.includes(r.path));
		expect(warnings, describeResults(warnings)).toEqual([]);
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
		const dct = 'http://purl.org/dc/terms/';
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

	it('refuses a remote context, so that nothing is fetched at test time', async () => {
		await expect(
			jsonLdToStore({ ...catalog, '@context': 'https://example.org/context.jsonld' }),
		).rejects.toThrow();
	});
});
