import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRegistry } from '../../src/registry/check.ts';
import { isProblem, parseEntryFile, serialiseEntry } from '../../src/registry/entry-file.ts';
import { buildNlRegistry, nlRecords } from '../fixtures/nl-registry.ts';
import { today } from './helpers.ts';

/**
 * The validator over a registry made from the 1,530 real records of the Dutch Algoritmeregister:
 * real organisation names, texts up to 2,500 characters, legal references, braces and quotes.
 */
const records = nlRecords();
const dir = join(tmpdir(), 'nl-register-test');
// 3,060 entries: every record becomes a system (half the registry), with models, datasets,
// processing records and software in the fixture's mix.
const built = buildNlRegistry(dir, 3060, records);

describe('a registry built from the Dutch Algoritmeregister', { timeout: 180_000 }, () => {
	it('uses every record once', () => {
		expect(records).toHaveLength(1530);
		expect(built).toMatchObject({
			entries: {
				systems: 1530,
				models: 306,
				datasets: 612,
				'processing-records': 306,
				software: 306,
			},
			bodies: 308,
		});
	});

	it('passes the validator', async () => {
		expect(await checkRegistry(dir, { today })).toEqual([]);
	});

	it('round-trips every entry unchanged through parse and serialise', () => {
		for (const kind of ['systems', 'models']) {
			for (const name of readdirSync(join(dir, kind))) {
				const text = readFileSync(join(dir, kind, name), 'utf8');
				const file = parseEntryFile(name, text);
				if (isProblem(file)) throw new Error(`${name}: ${file.message.en}`);
				expect(serialiseEntry(file.data as object, file.body)).toBe(text);
			}
		}
	});

	it('catches the real braces and angle brackets of a record left unescaped in a body', async () => {
		const record = records.find((r) => r.doel.startsWith('{NB.'));
		expect(record).toBeDefined();
		const path = join(dir, 'systems', readdirSync(join(dir, 'systems'))[0] ?? '');
		const text = readFileSync(path, 'utf8').replace(/\n---\n[\s\S]*$/, '\n---\n');
		writeFileSync(path, `${text}\n<Fr>\n${record?.doel}\n</Fr>\n`);
		const problems = await checkRegistry(dir, { today });
		expect(problems.map((p) => `${p.field}: ${p.message.en}`)).toEqual([
			expect.stringMatching(
				/^body: the body is not readable MDX \(Could not parse expression with acorn/,
			),
		]);
	});
});
