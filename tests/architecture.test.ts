import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The rooms' import rules (STYLE.md): `src/registry` is the domain core, free of any framework
 * and of the rooms around it (it may read the configuration's zod schema, itself framework-free,
 * for the publisher's fields); `src/drafting` (issue → draft) and `src/github` (the GitHub side)
 * never import each other, so each can change without the other; what the one hands the other
 * (the draft report, its file names, the issue-event reader, the labels both read) is defined
 * once in `src/contract`, which both import and which imports neither.
 */

const root = join(import.meta.dirname, '..');

/** Every TypeScript module under a folder of `src/`, with the specifiers it imports. */
function importsOf(folder: string): { file: string; specifier: string }[] {
	const dir = join(root, 'src', folder);
	const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) =>
		name.endsWith('.ts'),
	);
	return files.flatMap((name) => {
		const text = readFileSync(join(dir, name), 'utf8');
		const specifiers = [
			...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm),
		].map((match) => match[1] ?? '');
		return specifiers.map((specifier) => ({ file: relative(root, join(dir, name)), specifier }));
	});
}

/** The imports of a folder that break a rule, as `file → specifier`. */
const breaking = (folder: string, forbidden: RegExp) =>
	importsOf(folder)
		.filter(({ specifier }) => forbidden.test(specifier))
		.map(({ file, specifier }) => `${file} → ${specifier}`);

describe('the rooms’ import rules', () => {
	const frameworks = /^(astro|astro:.*|@astrojs\/.*|vite|@octokit\/.*|@actions\/.*|openai)$/;

	it('keep src/registry free of frameworks and of the rooms around it', () => {
		const rooms =
			/^\.\.\/(\.\.\/)*(utils|components|loaders|pages|i18n|drafting|github|contract)\/|config\/(?!schema\.ts$)/;
		expect(breaking('registry', frameworks)).toEqual([]);
		expect(breaking('registry', rooms)).toEqual([]);
	});

	it('keep src/drafting and src/github apart', () => {
		expect(breaking('drafting', /^\.\.\/(\.\.\/)*github\//)).toEqual([]);
		expect(breaking('github', /^\.\.\/(\.\.\/)*drafting\//)).toEqual([]);
	});

	it('keep src/contract between them: the domain core and zod only', () => {
		expect(breaking('contract', frameworks)).toEqual([]);
		expect(breaking('contract', /^\.\.\/(\.\.\/)*(?!registry\/)[^./][^/]*\//)).toEqual([]);
	});

	it('see the imports they check (the rule would pass on nothing otherwise)', () => {
		expect(importsOf('registry').some(({ specifier }) => specifier === 'zod')).toBe(true);
		expect(importsOf('github').some(({ specifier }) => specifier.startsWith('../registry/'))).toBe(
			true,
		);
		for (const room of ['drafting', 'github']) {
			expect(
				importsOf(room).some(({ specifier }) => specifier.startsWith('../contract/')),
				room,
			).toBe(true);
		}
		expect(
			importsOf('contract').some(({ specifier }) => specifier.startsWith('../registry/')),
		).toBe(true);
	});
});
