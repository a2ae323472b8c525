import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

/** The registry's DCAT-AP 3 shapes (tests/fixtures/dcat/), parsed once. */
const shapes = new Store(
	new Parser().parse(
		readFileSync(new URL('../../fixtures/dcat/dcat-ap-3-shapes.ttl', import.meta.url), 'utf8'),
	),
);

/** No network at test time: a document that asks for a remote context fails instead. */
const offlineLoader = (url: string) => {
	throw new Error(`the catalogue asked for ${url}: its context must be inline`);
};

/** The RDF of a JSON-LD document, as a real JSON-LD processor reads it. */
export async function jsonLdToStore(document: object): Promise<Store> {
	const nquads = (await jsonld.toRDF(document as jsonld.JsonLdDocument, {
		format: 'application/n-quads',
		documentLoader: offlineLoader as never,
	})) as unknown as string;
	return new Store(new Parser({ format: 'application/n-quads' }).parse(nquads));
}

/** One result of a SHACL validation, for messages people can read. */
export interface ShapeResult {
	severity: 'Violation' | 'Warning' | 'Info';
	focus: string;
	path: string;
	message: string;
}

/** Validates a JSON-LD document against the shapes. */
export async function validateCatalog(document: object): Promise<ShapeResult[]> {
	const data = await jsonLdToStore(document);
	const validator = new SHACLValidator(shapes);
	const report = await validator.validate(data);
	return report.results.map((result) => ({
		severity: (result.severity?.value.split('#')[1] ?? 'Violation') as ShapeResult['severity'],
		focus: result.focusNode?.value ?? '',
		path: result.path?.value ?? '',
		message: result.message.map((m) => m.value).join(' '),
	}));
}
