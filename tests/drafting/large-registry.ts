import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Registry } from '../../src/registry/load.ts';
import { entryKinds, kindOf, type EntryKind } from '../../src/registry/kinds/index.ts';
import { sampleDir } from '../registry/helpers.ts';

/**
 * Synthetic registries for the drafting's scaling tests and benchmark: the sample registry's
 * entries repeated under new ids of {@link idLength} characters (as an organisation's long,
 * descriptive ids are) and numbered names, so that ids and names alike tell the entries apart.
 */

/** Characters of every synthetic id. */
export const idLength = 47;

/** The id of the `index`-th synthetic entry of a kind, made from the entry it copies. */
export function syntheticId(kind: EntryKind, baseId: string, index: number): string {
	const number = String(index).padStart(5, '0');
	const stem = `${kindOf(kind).key}-${baseId}-deploiement-metropole-de-clairval`
		.slice(0, idLength - number.length - 1)
		.replace(/[-.]+$/, '');
	return `${stem}-${number}`.padEnd(idLength, '0').slice(0, idLength);
}

/** The name of the `index`-th synthetic entry: its model's name and its number. */
function syntheticName(name: unknown, index: number): unknown {
	if (typeof name === 'string') return `${name} ${index}`;
	const text = name as { fr: string; en: string };
	return { fr: `${text.fr} ${index}`, en: `${text.en} ${index}` };
}

/**
 * The sample registry with `perKind` entries of each kind, in memory: each a copy of a sample
 * entry of its kind (in turn) with a synthetic id and name; the vocabularies are the sample's.
 */
export function largeRegistry(base: Registry, perKind: number): Registry {
	const registry: Registry = { ...base, rejected: [], problems: [] };
	for (const kind of entryKinds) {
		const field = kindOf(kind).titleField;
		const originals = base[kind];
		(registry as unknown as Record<EntryKind, unknown[]>)[kind] = Array.from(
			{ length: perKind },
			(_, index) => {
				const original = originals[index % originals.length];
				if (!original) throw new Error(`the sample registry has no ${kind}`);
				const id = syntheticId(kind, original.id, index);
				const data = {
					...original.data,
					id,
					[field]: syntheticName(original.data[field as never], index),
				};
				return { ...original, id, data };
			},
		);
	}
	return registry;
}

/**
 * Adds `count` model files to a registry folder, each a copy of the sample's `models/<baseId>.mdx`
 * with a synthetic id and name; returns the ids in order.
 */
export function writeSyntheticModels(dir: string, count: number, baseId = 'tesseract-5'): string[] {
	const text = readFileSync(join(sampleDir, 'models', `${baseId}.mdx`), 'utf8');
	// A model's name is a text: a `name:` block with an `fr:` and an `en:` line.
	const name = /^name:\n {2}fr: (.*)\n {2}en: (.*)$/m.exec(text);
	const [fr, en] = [name?.[1] ?? baseId, name?.[2] ?? baseId];
	return Array.from({ length: count }, (_, index) => {
		const id = syntheticId('models', baseId, index);
		const copy = text
			.replace(/^id: .*$/m, `id: ${id}`)
			.replace(/^name:\n(?: {2}.*\n)+/m, `name:\n  fr: ${fr} ${index}\n  en: ${en} ${index}\n`);
		writeFileSync(join(dir, 'models', `${id}.mdx`), copy);
		return id;
	});
}
