import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ui } from '../../src/i18n/ui.ts';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/config/load.ts';
import type { DataPackage } from '../../src/registry/exports/datapackage.ts';
import type { Publisher } from '../../src/registry/exports/publisher.ts';
import { parseCsvFile, readCsvExport } from '../registry/exports/csv-files.ts';
import { checkTables, specProblems } from '../registry/exports/frictionless.ts';
import { jsonLdToStore, validateCatalog } from '../registry/exports/shacl.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import { asHtml } from '../../src/search/records.ts';
import { entryPageId } from '../../src/utils/entry-page.ts';
import { entryName } from '../../src/utils/entry-meta.ts';
import { openBundle } from './pagefind-search.ts';
import { facetsFor, facetValues } from '../../src/registry/facets.ts';
import {
	entryKinds,
	entrySchemas,
	kindOf,
	type EntryKind,
} from '../../src/registry/kinds/index.ts';
import { entryKey, referencesTo } from '../../src/registry/references.ts';
import {
	attr,
	basePath,
	distDir,
	must,
	pageAt,
	resolveToFile,
	select,
	selectAll,
	siteRoot,
	textContent,
	type Page,
} from './dist.ts';

/** Build-and-inspect tests of the registry pages and open data, over the sample registry. */

const registry = await loadRegistry('examples/clairval/registry');
const entryPage = (kind: EntryKind, id: string, lang: 'fr' | 'en'): Page =>
	must(
		pageAt(
			new URL(`${siteRoot}${lang === 'en' ? '/en' : ''}/registre/${kindOf(kind).segment}/${id}/`),
		),
		`page of ${kind}/${id} in ${lang}`,
	);
const distFile = (name: string) => readFileSync(join(distDir, name), 'utf8');

describe('entry pages', () => {
	it.each(entryKinds)('every %s entry has a page in each language, in that language', (kind) => {
		for (const entry of registry[kind]) {
			for (const lang of ['fr', 'en'] as const) {
				const page = entryPage(kind, entry.id, lang);
				expect(attr(must(select(page.document, 'html'), 'html'), 'lang')).toBe(lang);
				const title = textContent(must(select(page.document, 'h1'), 'h1'));
				// A model's page is titled with its name in the page's language (issue #12, item 7).
				const name = kind === 'models' ? entryName(entry, kind, lang).text : undefined;
				if (name) expect(title).toBe(name);
				else expect(title.length).toBeGreaterThan(0);
			}
		}
	});

	it('links systems to the models they use and models back to the systems using them', () => {
		const inbound = referencesTo(registry);
		for (const lang of ['fr', 'en'] as const) {
			for (const system of registry.systems) {
				const page = entryPage('systems', system.id, lang);
				const linked = selectAll(page.document, 'a[data-uses-model]').map((a) =>
					attr(a, 'data-uses-model'),
				);
				expect(linked).toEqual(system.data.models.map((use) => use.model));
				for (const link of selectAll(page.document, 'a[data-uses-model]')) {
					expect(pageAt(new URL(must(attr(link, 'href'), 'href'), `${siteRoot}/`))).toBeDefined();
				}
			}
			for (const model of registry.models) {
				const page = entryPage('models', model.id, lang);
				const linked = selectAll(page.document, 'a[data-used-by-system]').map((a) =>
					attr(a, 'data-used-by-system'),
				);
				const users = inbound.get(entryKey('models', model.id)) ?? [];
				expect(linked).toEqual(users.map((use) => use.from.id));
				for (const link of selectAll(page.document, 'a[data-used-by-system]')) {
					expect(pageAt(new URL(must(attr(link, 'href'), 'href'), `${siteRoot}/`))).toBeDefined();
				}
			}
		}
	});

	it('links each applied charter principle to its anchor in the charter', () => {
		const system = must(
			registry.systems.find((entry) => entry.data.principles.length > 0),
			'a system applying principles',
		);
		const page = entryPage('systems', system.id, 'en');
		const links = selectAll(page.document, 'a[data-principle]');
		expect(links.map((a) => attr(a, 'data-principle'))).toEqual(system.data.principles);
		const charter = must(pageAt(new URL(`${siteRoot}/en/charte/`)), 'English charter');
		for (const link of links) {
			expect(select(charter.document, `[id="${attr(link, 'data-principle')}"]`)).toBeDefined();
		}
	});

	it("gives Pagefind each entry's facets as filters, named in the page's language", async () => {
		for (const lang of ['fr', 'en'] as const) {
			const search = await openBundle(join(distDir, 'pagefind'), lang);
			// A search for nothing but filters lists every page of the index, with their filters.
			const pages = new Map(
				(await search.results(null, Infinity)).map((page) => [page.url, page.filters]),
			);
			for (const kind of entryKinds) {
				for (const entry of registry[kind]) {
					const filters = pages.get(`/${entryPageId(kind, entry.id, lang)}/`);
					expect(filters, `${kind}/${entry.id} (${lang}) in the search index`).toBeDefined();
					for (const facet of facetsFor(kind)) {
						if (facetValues(entry.data, facet, lang).length === 0) continue;
						// Facets naming other entries (the models a system uses) stay out of search filters.
						const references = facet.name === 'model';
						expect(
							Object.hasOwn(filters ?? {}, asHtml(facet.label[lang])),
							`${kind}/${entry.id} ${facet.name} (${lang})`,
						).toBe(!references);
					}
				}
			}
		}
	});

	it('offers "report an error in this entry" on every entry page, with the entry prefilled', () => {
		for (const kind of entryKinds) {
			for (const entry of registry[kind]) {
				for (const lang of ['fr', 'en'] as const) {
					const links = selectAll(entryPage(kind, entry.id, lang).document, 'a[data-report-error]');
					expect(links, `${kind}/${entry.id} (${lang})`).toHaveLength(1);
					const link = must(links[0], 'report link');
					expect(attr(link, 'data-report-error')).toBe(`${kind}/${entry.id}`);
					expect(textContent(link)).toContain(ui[lang]['report.entry.link']);
					const url = new URL(must(attr(link, 'href'), 'href'));
					expect(url.pathname).toMatch(/\/issues\/new$/);
					expect(url.searchParams.get('template')).toBe('entry-error.yml');
					// The page's own address: it names the entry, and its language the reader's.
					expect(url.searchParams.get('entry')).toBe(
						new URL(`${basePath}/${entryPageId(kind, entry.id, lang)}/`, loadSiteConfig().site.url)
							.href,
					);
					expect(url.searchParams.get('labels')).toBe(`registry: error report,lang:${lang}`);
					expect(url.searchParams.get('title')).toMatch(
						lang === 'fr' ? /^Erreur dans la fiche/ : /^Error in the entry/,
					);
				}
			}
		}
	});

	it('tells the reader when a text is a machine translation not yet reviewed', () => {
		const machine = registry.systems.find((entry) => entry.data.language.translation === 'machine');
		if (!machine) throw new Error('the sample registry should have a machine-translated entry');
		const other = machine.data.language.original === 'fr' ? 'en' : 'fr';
		const page = entryPage('systems', machine.id, other);
		expect(
			textContent(must(select(page.document, '.starlight-aside'), 'translation notice')),
		).toMatch(other === 'en' ? /machine-translated/ : /traduit automatiquement/);
	});

	it('tells what an AI draft cost and how the entry was corrected since, in each language', () => {
		const entry = registry.systems.find(
			(each) => each.data.provenance?.drafted?.tokens && each.data.provenance.revisions?.length,
		);
		if (!entry) throw new Error('the sample should have an AI-drafted system corrected since');
		const { drafted, revisions = [] } = entry.data.provenance ?? {};
		const tokens = (drafted?.tokens?.input ?? 0) + (drafted?.tokens?.output ?? 0);
		// textContent reads every kind of space as one plain space.
		const spaced = (text: string) => text.replace(/\s+/g, ' ');
		const french = textContent(entryPage('systems', entry.id, 'fr').document);
		expect(french).toContain(
			spaced(
				`Empreinte estimée de ce brouillon : ${new Intl.NumberFormat('fr-FR').format(tokens)} jetons, environ`,
			),
		);
		expect(french).toMatch(/Modifiée le \d+(er)? \p{L}+ \d{4} à la suite du ticket #\d+ : /u);
		const english = textContent(entryPage('systems', entry.id, 'en').document);
		expect(english).toContain(
			`Estimated footprint of this draft: ${tokens.toLocaleString('en-GB')} tokens, about`,
		);
		expect(english).toContain(`following issue #${revisions.at(-1)?.issue} : `);
	});

	it('ships no script of its own: an entry page loads only what a documentation page loads', () => {
		const scripts = (page: Page) =>
			new Set(selectAll(page.document, 'script[src]').map((script) => attr(script, 'src')));
		const docsPage = must(pageAt(new URL(`${siteRoot}/charte/`)), 'charter');
		const entry = must(registry.systems[0], 'a system');
		for (const src of scripts(entryPage('systems', entry.id, 'fr'))) {
			expect(scripts(docsPage)).toContain(src);
		}
	});
});

describe('indexes', () => {
	it.each(entryKinds)(
		'lists every %s entry across its pages, and all of them in its JSON index',
		(kind) => {
			const index = must(
				pageAt(new URL(`${siteRoot}/registre/${kindOf(kind).segment}/`)),
				`${kind} index`,
			);
			const listed = selectAll(index.document, '[data-registry-list] [data-entry-id]').map((li) =>
				attr(li, 'data-entry-id'),
			);
			expect(listed.length).toBe(Math.min(50, registry[kind].length));
			const json = JSON.parse(distFile(`registre/${kindOf(kind).segment}/index.json`)) as {
				rows: string[][];
			};
			expect(json.rows.map((row) => row[0]).sort()).toEqual(registry[kind].map((e) => e.id).sort());
			// The filter script links each row to the index's address followed by the id.
			for (const [id] of json.rows) {
				const address = new URL(`${id}/`, `${siteRoot}/registre/${kindOf(kind).segment}/`);
				expect(pageAt(address), address.pathname).toBeDefined();
			}
			expect(select(index.document, 'form[hidden]')).toBeDefined();
		},
	);
});

describe('open data', () => {
	it('publishes registry.json that validates against the published JSON Schema', () => {
		const schema = JSON.parse(distFile('registry.schema.json')) as object;
		const document = JSON.parse(distFile('registry.json')) as Record<string, unknown>;
		const ajv = new Ajv2020({ allErrors: true, strict: false });
		addFormats.default(ajv);
		const validate = ajv.compile(schema);
		expect(validate(document), JSON.stringify(validate.errors, null, 2)).toBe(true);
		expect(document.schemaVersion).toEqual(expect.any(String));
		expect(Number.isNaN(Date.parse(String(document.generatedAt)))).toBe(false);
		for (const kind of entryKinds) {
			expect(document[kind]).toEqual(
				registry[kind].map((entry) => entry.data).sort((a, b) => (a.id < b.id ? -1 : 1)),
			);
		}
	});

	it('rejects a registry.json whose entry breaks the schema', () => {
		const schema = JSON.parse(distFile('registry.schema.json')) as object;
		const document = JSON.parse(distFile('registry.json')) as {
			systems: Record<string, unknown>[];
		};
		const ajv = new Ajv2020({ strict: false });
		addFormats.default(ajv);
		const validate = ajv.compile(schema);
		const first = must(document.systems[0], 'a system');
		first.status = 'not-a-status';
		expect(validate(document)).toBe(false);
	});

	it.each(entryKinds)('publishes the %s CSV files, which read back to the same entries', (kind) => {
		expect(readCsvExport(kind, (name) => distFile(`${name}.csv`))).toEqual(
			registry[kind].map((entry) => entry.data).sort((a, b) => (a.id < b.id ? -1 : 1)),
		);
	});

	it.each(entryKinds)("links each %s row to the entry's built page in each language", (kind) => {
		const rows = parseCsvFile(distFile(`${kind}.csv`));
		expect(rows).toHaveLength(registry[kind].length);
		for (const row of rows) {
			for (const lang of ['fr', 'en'] as const) {
				const url = new URL(must(row[`url.${lang}`], `url.${lang}`));
				expect(url.href.startsWith(`${siteRoot}/`), url.href).toBe(true);
				const page = must(pageAt(url), url.href);
				expect(attr(must(select(page.document, 'html'), 'html'), 'lang')).toBe(lang);
			}
		}
	});

	it('publishes datapackage.json, valid by the Frictionless specifications, that every CSV file matches', () => {
		const pkg = JSON.parse(distFile('datapackage.json')) as DataPackage;
		expect(specProblems(pkg)).toEqual([]);
		expect(checkTables(pkg, distFile)).toEqual([]);
		const files = readdirSync(distDir).filter((name) => name.endsWith('.csv'));
		expect(pkg.resources.map((resource) => resource.path).sort()).toEqual(files.sort());
		expect(pkg.id).toBe(`${siteRoot}/datapackage.json`);
	});

	it("carries the organisation's identifier in registry.json and datapackage.json", () => {
		const { identifier } = loadSiteConfig().organisation;
		const document = JSON.parse(distFile('registry.json')) as { publisher: Publisher };
		expect(document.publisher.identifier).toEqual(identifier);
		const pkg = JSON.parse(distFile('datapackage.json')) as DataPackage;
		expect(pkg['x-publisher'].identifier).toEqual(identifier);
		for (const path of ['/registry.atom', '/en/registry.atom']) {
			expect(distFile(must(resolveToFile(`${basePath}${path}`), path))).toContain(
				`<dcterms:identifier>${identifier.scheme}:${identifier.value}</dcterms:identifier>`,
			);
		}
	});

	it('publishes a DCAT-AP 3 catalogue that meets the shapes, each distribution a built file', async () => {
		const catalog = JSON.parse(distFile('catalog.jsonld')) as Record<string, unknown>;
		const results = await validateCatalog(catalog);
		const violations = results.filter((result) => result.severity === 'Violation');
		expect(violations).toEqual([]);
		const store = await jsonLdToStore(catalog);
		const downloads = store
			.getObjects(null, 'http://www.w3.org/ns/dcat#downloadURL', null)
			.map((term) => new URL(term.value));
		const csvFiles = readdirSync(distDir).filter((name) => name.endsWith('.csv'));
		expect(downloads.length).toBe(csvFiles.length + 5);
		for (const url of downloads) {
			expect(url.href.startsWith(`${siteRoot}/`), url.href).toBe(true);
			expect(resolveToFile(url.pathname), url.href).toBeDefined();
		}
		const { identifier } = loadSiteConfig().organisation;
		const publisher = store.getObjects(
			catalog['@id'] as string,
			'http://purl.org/dc/terms/publisher',
			null,
		)[0];
		expect(
			store
				.getObjects(publisher ?? null, 'http://purl.org/dc/terms/identifier', null)
				.map((t) => t.value),
		).toEqual([identifier.value]);
		// The schemas the files conform to that the site publishes (registry.schema.json, datapackage.json).
		const ownSchemas = store
			.getObjects(null, 'http://purl.org/dc/terms/conformsTo', null)
			.map((term) => new URL(term.value))
			.filter((url) => url.href.startsWith(`${siteRoot}/`));
		expect(ownSchemas.map((url) => url.pathname.split('/').pop()).sort()).toEqual(
			expect.arrayContaining(['datapackage.json', 'registry.schema.json']),
		);
		for (const url of ownSchemas) expect(resolveToFile(url.pathname), url.href).toBeDefined();
		const { type } = loadSiteConfig().organisation;
		expect(
			store
				.getObjects(publisher ?? null, 'http://purl.org/dc/terms/type', null)
				.map((t) => t.value),
		).toEqual(type ? [`http://purl.org/adms/publishertype/${type}`] : []);
	});

	it('dates datapackage.json and the catalogue from the same latest change, not the time of the build', () => {
		const pkg = JSON.parse(distFile('datapackage.json')) as DataPackage;
		const catalog = JSON.parse(distFile('catalog.jsonld')) as { modified: string };
		expect(pkg.created).toBe(catalog.modified);
	});

	it('documents every published file on the open-data page, in each language, with working links', () => {
		const files = [
			...readdirSync(distDir).filter((name) => name.endsWith('.csv')),
			'registry.json',
			'registry.schema.json',
			'datapackage.json',
			'catalog.jsonld',
		];
		for (const lang of ['fr', 'en'] as const) {
			const path = `${siteRoot}${lang === 'en' ? '/en' : ''}/donnees-ouvertes/`;
			const page = must(pageAt(new URL(path)), path);
			const linked = new Set(
				selectAll(page.document, 'main a[href]').map(
					(a) => new URL(must(attr(a, 'href'), 'href'), path).href,
				),
			);
			for (const file of files) {
				expect(linked.has(`${siteRoot}/${file}`), `${lang}: ${file}`).toBe(true);
			}
		}
	});

	it('publishes an Atom feed of registry changes in each language', () => {
		for (const path of ['/registry.atom', '/en/registry.atom']) {
			const file = must(resolveToFile(`${basePath}${path}`), path);
			const xml = distFile(file);
			expect(xml).toMatch(
				/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
			);
			expect((xml.match(/<entry>/g) ?? []).length).toBeGreaterThan(0);
		}
	});

	it('generates the field reference from the schema in both languages', () => {
		for (const lang of ['fr', 'en'] as const) {
			const page = must(
				pageAt(new URL(`${siteRoot}${lang === 'en' ? '/en' : ''}/registre/champs/`)),
				'fields',
			);
			for (const kind of entryKinds) {
				for (const field of Object.keys(entrySchemas[kind].shape)) {
					expect(
						select(page.document, `[id="${kind}-${field}"]`),
						`${kind}.${field}`,
					).toBeDefined();
				}
			}
		}
	});
});
