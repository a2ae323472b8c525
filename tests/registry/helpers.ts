import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialiseEntry } from '../../src/registry/entry-file.ts';
import type { EntryKind } from '../../src/registry/kinds/index.ts';

/** Shared helpers of the registry tests: temporary registries and minimal valid entries. */

/** The project's sample registry. */
export const sampleDir = 'examples/clairval/registry';

/** A fixed "today", so no test depends on the clock. */
export const today = '2026-11-21';

/**
 * A fresh registry folder with a copy of the kit's vocabularies and no entries; checked with
 * {@link ownVocabularies}, it stands alone, so a test may break its vocabularies.
 */
export function emptyRegistry(): string {
	const dir = mkdtempSync(join(tmpdir(), 'registry-test-'));
	cpSync('vocabularies', join(dir, 'vocabularies'), { recursive: true });
	mkdirSync(join(dir, 'systems'));
	mkdirSync(join(dir, 'models'));
	return dir;
}

/** Writes a file of a kind's folder; returns its path. */
export function writeFile(dir: string, kind: EntryKind, name: string, text: string): string {
	const path = join(dir, kind, name);
	writeFileSync(path, text);
	return path;
}

/** Writes an entry as `<kind>/<id>.mdx` (or `name`), serialised as the drafting does. */
export function writeEntry(
	dir: string,
	kind: EntryKind,
	data: { id: string } & Record<string, unknown>,
	options: { body?: string; name?: string } = {},
): string {
	return writeFile(dir, kind, options.name ?? `${data.id}.mdx`, serialiseEntry(data, options.body));
}

/** A text in both languages. */
export function text(fr: string, en: string) {
	return { fr, en };
}

/** The smallest valid model, original French, translated by a person. */
export function modelData(overrides: Record<string, unknown> = {}) {
	return {
		id: 'modele-test',
		name: text('Modèle de test', 'Test model'),
		version: '1.0',
		provider: text('Métropole de Clairval', 'Clairval Metropolitan Authority'),
		description: text('Un modèle de test.', 'A test model.'),
		learningType: 'supervised',
		tasks: text('Classer.', 'Classify.'),
		modalities: ['text'],
		licence: { name: 'EUPL-1.2', openWeights: true },
		hosting: { type: 'on-premises', residency: 'france' },
		trainingData: text('Des exemples annotés.', 'Labelled examples.'),
		limitations: text('Se trompe parfois.', 'Sometimes wrong.'),
		language: { original: 'fr', translation: 'human' },
		...overrides,
	};
}

/** The smallest valid system, using {@link modelData}'s model. */
export function systemData(overrides: Record<string, unknown> = {}) {
	return {
		id: 'systeme-test',
		name: text('Système de test', 'Test system'),
		summary: text('Un système de test.', 'A test system.'),
		status: 'in-use',
		owner: {
			unit: text('Direction du numérique', 'Digital department'),
			role: text('Cheffe', 'Head'),
		},
		contact: { email: 'ia@clairval.example' },
		contest: text('Écrivez-nous.', 'Write to us.'),
		purpose: text('Tester.', 'Testing.'),
		affectedPeople: text('Personne.', 'Nobody.'),
		automation: 'decision-support',
		humanOversight: text('Un agent relit tout.', 'An agent reviews everything.'),
		approach: 'machine-learning',
		models: [{ model: 'modele-test', usage: text('Classe les demandes.', 'Sorts requests.') }],
		aiAct: { role: 'deployer', riskClass: 'minimal', rationale: text('Aucun risque.', 'No risk.') },
		sourceCode: { url: 'https://github.com/clairval/test' },
		review: { last: '2026-01-01', next: '2027-01-01' },
		language: { original: 'fr', translation: 'human' },
		...overrides,
	};
}

/** A registry holding one valid model and the given systems (default: one valid system). */
export function registryWith(...systems: ({ id: string } & Record<string, unknown>)[]): string {
	const dir = emptyRegistry();
	writeEntry(dir, 'models', modelData());
	for (const system of systems.length > 0 ? systems : [systemData()]) {
		writeEntry(dir, 'systems', system);
	}
	return dir;
}

/** A JSON Schema node, typed loosely enough to read in assertions. */
export type SchemaNode = Record<string, unknown>;

/** The node at a path of property names (`[]` for a list's items) in a JSON Schema. */
export function schemaAt(schema: object, ...path: string[]): SchemaNode {
	let node = schema as SchemaNode;
	for (const key of path) {
		const next =
			key === '[]'
				? node['items']
				: (node['properties'] as Record<string, unknown> | undefined)?.[key];
		node = present(next as SchemaNode | undefined, `schema node ${path.join('/')}`);
	}
	return node;
}

/** The value, or a failed test when it is missing. */
export function present<T>(value: T | undefined | null, what = 'value'): T {
	if (value === undefined || value === null) throw new Error(`expected a ${what}`);
	return value;
}

/** Check options that read a test registry's copy of the vocabularies in place of the kit's. */
export const ownVocabularies = (dir: string) => ({ vocabulariesDir: join(dir, 'vocabularies') });
