/**
 * The sample registry reads whole in English and holds together, as a journalist would check
 * it: every entry translated (names, texts, bodies), and review dates that do not precede the
 * entry's arrival in the registry, which only git knows (so this is a test over the sample, not
 * a rule of the validator).
 */
import { resolve } from 'node:path';
import type { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodySections } from '../../src/registry/body.ts';
import { readRegistryHistory, type RegistryHistory } from '../../src/registry/history.ts';
import { entryKinds, entrySchemas, kindOf } from '../../src/registry/kinds/index.ts';
import { loadRegistry, type Entry, type Registry } from '../../src/registry/load.ts';
import { anyItem, schemaFields, valueAt, valuesAt } from '../../src/registry/schema-fields.ts';
import { sampleDir, today } from './helpers.ts';

let registry: Registry;
let history: RegistryHistory;

beforeAll(async () => {
	registry = await loadRegistry(sampleDir);
	history = await readRegistryHistory(sampleDir);
});

/** Every entry of the sample, with its kind. */
const entries = () =>
	entryKinds.flatMap((kind) => (registry[kind] as Entry[]).map((entry) => ({ kind, entry })));

describe('the sample registry in English', () => {
	it('translates every system, and leaves one model to show a translation still to come', () => {
		const missing = entries()
			.filter(({ entry }) => valueAt(entry.data, ['language', 'translation']) === 'missing')
			.map(({ kind, entry }) => `${kind}/${entry.id}`);
		// The systems are what readers question; the site must still show the state "missing".
		expect(missing).toEqual(['models/regroupement-contributions']);
	});

	it('gives every text in English, names and summaries included, unless still to come', () => {
		const untranslated: string[] = [];
		for (const { kind, entry } of entries()) {
			if (valueAt(entry.data, ['language', 'translation']) === 'missing') continue;
			for (const field of schemaFields(entrySchemas[kind] as z.ZodObject)) {
				if (field.type !== 'text') continue;
				const path = field.list ? [...field.path, anyItem] : field.path;
				for (const { path: at, value } of valuesAt(entry.data, path)) {
					const en = (value as { en?: unknown } | undefined)?.en;
					if (typeof en !== 'string' || en.trim() === '') {
						untranslated.push(`${kind}/${entry.id}: ${at.join('.')}`);
					}
				}
			}
			const title = valueAt(entry.data, [kindOf(kind).titleField]);
			expect(title, `${kind}/${entry.id} has a name`).toBeTruthy();
		}
		expect(untranslated).toEqual([]);
	});

	it('gives every entry with a French body its English body', () => {
		const without = entries()
			.filter(({ entry }) => valueAt(entry.data, ['language', 'translation']) !== 'missing')
			.filter(({ entry }) => {
				const sections = bodySections(entry.file);
				return sections.fr !== undefined && sections.en === undefined;
			})
			.map(({ kind, entry }) => `${kind}/${entry.id}`);
		expect(without).toEqual([]);
	});
});

describe('the sample registry’s review dates', () => {
	/** The day an entry's file first appeared in git (renames followed), if git knows it. */
	const created = (path: string): string | undefined => {
		const oldest = history.changes.get(resolve(path))?.at(-1);
		return oldest ? new Date(oldest.date).toISOString().slice(0, 10) : undefined;
	};

	it('come from a history that knows when each committed entry was created', () => {
		expect(history.unavailable).toBeUndefined();
		expect(history.partial, 'a full clone (CI fetches with fetch-depth: 0)').toBe(false);
		expect(entries().filter(({ entry }) => created(entry.file.path)).length).toBeGreaterThan(0);
	});

	it('are never before the entry existed, unless it came after the tests’ today', () => {
		// The tests take a fixed day as today (helpers.ts), so an entry committed after it cannot
		// show a review both past for them and after its creation: those are left out.
		const before: string[] = [];
		for (const { kind, entry } of entries()) {
			const last = valueAt(entry.data, ['review', 'last']);
			const since = created(entry.file.path);
			if (typeof last !== 'string' || !since || last >= since) continue;
			if (since <= today) before.push(`${kind}/${entry.id}: ${last} < ${since}`);
		}
		expect(before).toEqual([]);
	});
});
