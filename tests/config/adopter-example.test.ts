/**
 * The configuration the adopt guide shows, in both languages, is one the build accepts, written
 * in block style; and its "without AI" section is all a configuration needs to switch AI off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../src/config/load.ts';
import { formatProblem } from '../../src/registry/problems.ts';

const root = join(import.meta.dirname, '..', '..');

/** The YAML code blocks of a page, without the indentation of the list item they sit in. */
function yamlBlocks(page: string): string[] {
	const text = readFileSync(join(root, page), 'utf8');
	return [...text.matchAll(/^( *)```yaml\n([\s\S]*?)^\1```$/gm)].map(([, indent = '', body = '']) =>
		body.replace(new RegExp(`^${indent}`, 'gm'), ''),
	);
}

/** The problems of a configuration, as the build prints them. */
function problems(yaml: string): string[] {
	const result = parseSiteConfig(yaml, 'registre.config.yml');
	return 'problems' in result ? result.problems.map((problem) => formatProblem(problem)) : [];
}

describe.each(['content/docs/adopter.mdx', 'content/docs/en/adopter.mdx'])('%s', (page) => {
	const blocks = yamlBlocks(page);
	const full = blocks.find((block) => block.startsWith('organisation:'));
	const noAi = blocks.find((block) => block.startsWith('drafting:'));

	it('shows a complete configuration that the build accepts', () => {
		expect(full).toBeDefined();
		expect(problems(full ?? '')).toEqual([]);
	});

	it('writes it in block style: no text between braces, where a comma would cut it', () => {
		const code = (full ?? '').replace(/#.*$/gm, '');
		expect(code).not.toMatch(/[{[]/);
	});

	it('needs nothing but provider: none to draft without AI', () => {
		expect(noAi).toBe('drafting:\n  provider: none\n');
		const withoutAi = `${(full ?? '').slice(0, (full ?? '').indexOf('drafting:'))}${noAi ?? ''}`;
		expect(problems(withoutAi)).toEqual([]);
	});
});
