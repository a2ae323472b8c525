/**
 * The field reference's complete example of each kind: taken from the registry's most complete
 * entry, or made from the schema when the registry has none, and in both cases an entry file the
 * validator accepts as it stands. Each condition a kind declares is broken in that example, and
 * the validator must then say so on the fields the condition names.
 */
import { isCollection, parseDocument, visit } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEntry } from '../../src/registry/check.ts';
import { isProblem, parseEntryFile } from '../../src/registry/entry-file.ts';
import {
	entryExample,
	exampleFile,
	shortenText,
	type EntryExample,
	type ExampleSources,
} from '../../src/registry/entry-example.ts';
import { loadRegistry, type Registry } from '../../src/registry/load.ts';
import { entryKinds, kindOf, type EntryKind } from '../../src/registry/kinds/index.ts';
import { emptyRegistry, modelData, sampleDir, text, today } from './helpers.ts';

let sample: Registry;
let empty: Registry;

beforeAll(async () => {
	sample = await loadRegistry(sampleDir);
	empty = await loadRegistry(emptyRegistry());
});

/** What the page makes the examples from, out of a loaded registry. */
function sourcesOf(registry: Registry, kind: EntryKind, own = true): ExampleSources {
	return {
		entries: own ? registry[kind] : [],
		vocabularies: registry.vocabularies,
		ids: Object.fromEntries(
			entryKinds.map((name) => [name, registry[name].map((entry) => entry.id)]),
		),
	};
}

/** The example's file read back as the validator reads a file, and checked. */
function check(kind: EntryKind, file: string, registry: Registry) {
	const parsed = parseEntryFile(`${kind}/example.mdx`, file);
	if (isProblem(parsed)) throw new Error(`${kind}: ${parsed.message.en}`);
	return { data: parsed.data, problems: checkEntry(kind, parsed.data, registry, { today }) };
}

/** Problems as `field: message`, for readable failures. */
const described = (problems: { field: string; message: { en: string } }[]) =>
	problems.map((problem) => `${problem.field}: ${problem.message.en}`);

/**
 * Merges a condition's breaking values into an entry, as `KindCondition.breakWith` says:
 * objects key by key, other values replaced, `null` removing the key.
 */
function broken(
	data: unknown,
	changes: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
	const out = new Map(Object.entries(structuredClone(data) as Record<string, unknown>));
	for (const [key, value] of Object.entries(changes)) {
		const current = out.get(key);
		if (value === null) out.delete(key);
		else if (isObject(value) && isObject(current)) out.set(key, broken(current, value));
		else out.set(key, structuredClone(value));
	}
	return Object.fromEntries(out);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `assessments.0.date` as the field reference writes it: `assessments[].date`. */
const referencePath = (field: string) => field.replace(/\.(\d+)(?=\.|$)/g, '[]');

/** Whether a problem's field is one of `fields`, inside one, or the group holding one. */
function concerns(problem: string, fields: readonly string[]): boolean {
	const path = referencePath(problem);
	return fields.some(
		(field) =>
			path === field ||
			path.startsWith(`${field}.`) ||
			path.startsWith(`${field}[]`) ||
			field.startsWith(`${path}.`),
	);
}

/** Every map and list of the file's front matter is in block style, none between braces. */
function flowCollections(file: string): string[] {
	const front = file.replace(/^---\n/, '').replace(/---\n$/, '');
	const flows: string[] = [];
	visit(parseDocument(front), {
		Node(_, node) {
			if (isCollection(node) && node.flow) flows.push(String(node));
		},
	});
	return flows;
}

describe.each(entryKinds)('the example of %s', (kind) => {
	let example: EntryExample;
	beforeAll(() => {
		example = entryExample(kind, sourcesOf(sample, kind));
	});

	it('is taken from the sample’s most complete entry, and passes the validator as it stands', () => {
		expect(example.from).toBeDefined();
		expect(sample[kind].map((entry) => entry.id)).toContain(example.from);
		const { data, problems } = check(kind, example.file, sample);
		expect(described(problems)).toEqual([]);
		expect(data).toEqual(example.data);
	});

	it('is an entry file in block style, texts on their own fr: and en: lines', () => {
		expect(example.file.startsWith('---\n')).toBe(true);
		expect(example.file.endsWith('\n---\n')).toBe(true);
		expect(flowCollections(example.file)).toEqual([]);
		expect(example.file).toMatch(/^ {2,}fr: /m);
		expect(example.file).toMatch(/^ {2,}en: /m);
		// Only a value that is one long word (an address) may not fit.
		for (const line of example.file.split('\n')) {
			if (/^\s*(- )?[\w-]+: \S+$/.test(line)) continue;
			expect(line.length, line).toBeLessThanOrEqual(100);
		}
	});

	it('names what it leaves out: optional fields only, the provenance among them', () => {
		const shape = kindOf(kind).schema.shape as Record<
			string,
			{ safeParse(v: unknown): { success: boolean } }
		>;
		expect(example.leftOut).toContain('provenance');
		for (const name of example.leftOut) {
			expect(shape[name]?.safeParse(undefined).success, name).toBe(true);
			expect(example.data).not.toHaveProperty(name);
		}
	});

	it('made from the schema alone, passes the validator with the sample’s entries or none', () => {
		const withSample = entryExample(kind, sourcesOf(sample, kind, false));
		expect(withSample.from).toBeUndefined();
		expect(withSample.leftOut).toEqual(['provenance']);
		expect(described(check(kind, withSample.file, sample).problems)).toEqual([]);
		const alone = entryExample(kind, sourcesOf(empty, kind));
		expect(alone.from).toBeUndefined();
		expect(described(check(kind, alone.file, empty).problems)).toEqual([]);
		expect(flowCollections(alone.file)).toEqual([]);
	});

	it.each(
		(kindOf(kind).conditions ?? []).map((condition) => [condition.text.en, condition] as const),
	)('gets a problem once it breaks the condition “%s”', (_, condition) => {
		const data = broken(example.data, condition.breakWith);
		const problems = checkEntry(kind, data, sample, { today });
		expect(problems.length, 'the broken example has a problem').toBeGreaterThan(0);
		expect(
			problems.some((problem) => concerns(problem.field, condition.fields)),
			`a problem on ${condition.fields.join(', ')}: ${described(problems).join('; ')}`,
		).toBe(true);
	});
});

describe('the examples', () => {
	it('state a condition for every rule of the kinds that have rules', () => {
		for (const kind of entryKinds) {
			if (kindOf(kind).rules) expect(kindOf(kind).conditions?.length, kind).toBeGreaterThan(0);
		}
	});

	it('take the entry giving the most fields, a translated one first', () => {
		const bare = { id: 'a-bare', data: modelData({ id: 'a-bare' }) };
		const fuller = {
			id: 'b-fuller',
			data: modelData({ id: 'b-fuller', evaluation: text('Évaluée.', 'Evaluated.') }),
		};
		const untranslated = {
			id: 'c-untranslated',
			data: modelData({
				id: 'c-untranslated',
				evaluation: { fr: 'Évaluée.' },
				energy: { fr: 'Peu.' },
				language: { original: 'fr', translation: 'missing' },
			}),
		};
		const sources = {
			entries: [bare, fuller, untranslated],
			vocabularies: sample.vocabularies,
			ids: {},
		};
		expect(entryExample('models', sources).from).toBe('b-fuller');
		expect(entryExample('models', { ...sources, entries: [untranslated] }).from).toBe(
			'c-untranslated',
		);
	});

	it('shorten texts to a sentence, or to whole words', () => {
		expect(shortenText('Court.')).toBe('Court.');
		expect(shortenText('Une première phrase assez longue. Une seconde phrase.', 40)).toBe(
			'Une première phrase assez longue.',
		);
		// `L. 312-1` and `6.1.e` end no sentence.
		const law =
			'Voir l’article L. 312-1-3 du code, et l’article 6.1.e du règlement, qui disent tout.';
		const cut = shortenText(law, 60);
		expect(cut).toMatch(/^Voir l’article L\. 312-1-3 du code, et l’article 6\.1\.e .*…$/);
		expect(cut.length).toBeLessThanOrEqual(60);
		expect(shortenText('mot '.repeat(100), 50).length).toBeLessThanOrEqual(50);
	});

	it('write long texts folded and short ones on their line, and read back the same', () => {
		const data = {
			id: 'x',
			name: { fr: 'Court', en: 'Short' },
			summary: { fr: 'mot '.repeat(40).trim(), en: 'Un: deux, « trois » — {quatre}' },
		};
		const file = exampleFile(data);
		expect(file).toContain('  fr: >-\n');
		expect(file).toContain('  fr: Court\n');
		const parsed = parseEntryFile('x.mdx', file);
		expect(isProblem(parsed) ? parsed : parsed.data).toEqual(data);
	});
});
