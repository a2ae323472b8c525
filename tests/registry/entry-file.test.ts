import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	isProblem,
	parseEntryFile,
	parseYaml,
	serialiseEntry,
	type EntryFile,
} from '../../src/registry/entry-file.ts';
import { entryKinds, entrySchemas } from '../../src/registry/kinds/index.ts';
import { sampleDir } from './helpers.ts';

function parsed(path: string, text: string): EntryFile {
	const file = parseEntryFile(path, text);
	if (isProblem(file)) throw new Error(`${path}: ${file.message.en}`);
	return file;
}

const sampleFiles = entryKinds.flatMap((kind) =>
	readdirSync(join(sampleDir, kind)).map((name) => ({ kind, path: join(sampleDir, kind, name) })),
);

describe('round trip of the sample entries', () => {
	it.each(sampleFiles)('$path parses, serialises and parses back unchanged', ({ kind, path }) => {
		const first = parsed(path, readFileSync(path, 'utf8'));
		const again = parsed(path, serialiseEntry(first.data as object, first.body));
		expect(again.data).toEqual(first.data);
		expect(again.body.trim()).toBe(first.body.trim());
		// What the schema makes of it is unchanged too, so a rewrite never alters an entry.
		const schema = entrySchemas[kind];
		expect(schema.parse(again.data)).toEqual(schema.parse(first.data));
	});
});

/** A small deterministic generator, so the property test is the same on every run. */
function generator(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1664525 + 1013904223) % 2 ** 32;
		return state / 2 ** 32;
	};
}

const awkward = [
	': ',
	' #',
	'---',
	'- ',
	'"',
	"'",
	'\\',
	'{',
	'}',
	'[',
	']',
	'&',
	'*',
	'!',
	'|',
	'>',
	'%',
	'@',
	'`',
	'\n',
	'\t',
	'  ',
	'é',
	'’',
	'«',
	'»',
	'€',
	'👍',
	'\u00a0',
	'yes',
	'null',
	'~',
	'0x1F',
	'1e3',
	'2025-01-01',
	'<Fr>',
	'</En>',
	'<script>',
	'${x}',
];

describe('round trip of awkward values', () => {
	it('keeps any string, number and nesting unchanged through serialise and parse', () => {
		const random = generator(42);
		const pick = () => awkward[Math.floor(random() * awkward.length)] ?? '';
		for (let run = 0; run < 300; run++) {
			const word = () => Array.from({ length: 1 + Math.floor(random() * 6) }, pick).join('x');
			const data = {
				id: 'x',
				name: { fr: word(), en: ` ${word()} ` },
				list: [word(), { nested: word() }, Math.floor(random() * 1e9), random() > 0.5],
				empty: '',
			};
			const file = parsed('x.mdx', serialiseEntry(data, '<Fr>\nA\n</Fr>'));
			expect(file.data).toEqual(data);
			expect(file.body.trim()).toBe('<Fr>\nA\n</Fr>');
		}
	});
});

describe('parseEntryFile', () => {
	it('locates the line of a value, or of its nearest parent', () => {
		const file = parsed(
			'x.mdx',
			'---\nid: x\nmodels:\n  - model: a\n    usage:\n      fr: b\n---\n\nbody\n',
		);
		expect(file.lineOf(['id'])).toBe(2);
		expect(file.lineOf(['models', 0, 'usage', 'fr'])).toBe(6);
		expect(file.lineOf(['models', 0, 'usage', 'en'])).toBe(5);
		expect(file.lineOf(['missing'])).toBe(2);
		expect(file.bodyLine).toBe(8);
		expect(file.body).toBe('\nbody\n');
	});

	it('accepts empty front matter and Windows line endings', () => {
		expect(parsed('x.mdx', '---\n---\n').data).toBeNull();
		expect(parsed('x.mdx', '---\r\nid: x\r\n---\r\n').data).toEqual({ id: 'x' });
	});

	it('refuses a key given twice, since one value would hide the other', () => {
		const file = parseEntryFile('x.mdx', '---\nid: x\nid: y\n---\n');
		expect(isProblem(file) && `${file.line}: ${file.message.en}`).toBe(
			'3: invalid YAML: Map keys must be unique',
		);
	});
});

describe('parseYaml', () => {
	it('returns the line and reason of a syntax error', () => {
		expect(parseYaml('a: 1\nb: c: d\ne: 2\n')).toEqual({
			line: 2,
			reason: 'Nested mappings are not allowed in compact mappings',
		});
	});
});
