import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registryDir } from '../config/site.ts';
import { kitVocabulariesDir } from '../registry/vocabularies.ts';
import { parse } from 'yaml';
import { z } from 'zod';
import { VocabularySchema, type Language } from '../registry/schemas/index.ts';

/**
 * The keys of the principles this kit ships. Registry entries and links rely on them, so an
 * adopter may reword a principle freely but should only rename a key with everything citing it.
 */
export const principleKeys = [
	'people-decide',
	'experimental-honest',
	'personal-data-protected',
	'human-review',
	'sobriety',
	'sparing-use',
	'openness-transparency',
] as const;

/** Key of one charter principle, also its anchor on the charter page. */
export type PrincipleKey = (typeof principleKeys)[number];

/** One charter principle as read from `principles.yml`. */
export interface Principle {
	key: string;
	label: Record<Language, string>;
	definition: Record<Language, string>;
}

/**
 * Path of the principles vocabulary: the registry's own when it has one (the organisation's
 * charter then states its principles whole), else the kit's. Relative to the project root.
 */
export function principlesPath(): string {
	const own = join(registryDir, 'vocabularies', 'principles.yml');
	return existsSync(own) ? own : join(kitVocabulariesDir, 'principles.yml');
}

/**
 * Parses the principles vocabulary (same format as every controlled list) and checks that each
 * principle has a definition, since the charter shows it.
 */
export function parsePrinciples(text: string, source = 'principles.yml'): Principle[] {
	const result = VocabularySchema.safeParse(parse(text));
	if (!result.success) throw new Error(`${source}: ${z.prettifyError(result.error)}`);
	const principles: Principle[] = [];
	for (const { key, label, definition } of result.data.values) {
		if (!definition) throw new Error(`${source}: principle "${key}" has no definition`);
		principles.push({ key, label, definition });
	}
	return principles;
}

let cache: { path: string; principles: Principle[] } | undefined;

/** The charter principles, read once per build. */
export function loadPrinciples(): Principle[] {
	const path = principlesPath();
	if (cache?.path !== path)
		cache = { path, principles: parsePrinciples(readFileSync(path, 'utf8'), path) };
	return cache.principles;
}

/** Finds one principle by key; throws so that a typo in a page fails the build. */
export function getPrinciple(key: string): Principle {
	const principle = loadPrinciples().find((candidate) => candidate.key === key);
	if (!principle) throw new Error(`Unknown charter principle "${key}" (see ${principlesPath()})`);
	return principle;
}
