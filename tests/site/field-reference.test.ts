/**
 * The built field reference, as someone writing an entry by hand reads it: each field's real
 * type and conditions, and for each kind a complete example whose copy button gives an entry
 * file the validator accepts against the registry the site was built from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ELEMENT_NODE, type ElementNode } from 'ultrahtml';
import { describe, expect, it } from 'vitest';
import { registryDir } from '../../src/config/site.ts';
import { checkEntry } from '../../src/registry/check.ts';
import { isProblem, parseEntryFile } from '../../src/registry/entry-file.ts';
import { entryKinds, kindOf, type EntryKind } from '../../src/registry/kinds/index.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import {
	attr,
	basePath,
	decodeEntities,
	distDir,
	must,
	pageAt,
	resolveToFile,
	select,
	selectAll,
	siteRoot,
	textContent,
} from './dist.ts';

const registry = await loadRegistry(registryDir);
const languages = ['fr', 'en'] as const;

/** The field reference page's address in a language. */
const referenceUrl = (lang: (typeof languages)[number]) =>
	new URL(`${siteRoot}${lang === 'en' ? '/en' : ''}/registre/champs/`);

/** The field reference page in a language. */
const reference = (lang: (typeof languages)[number]) =>
	must(pageAt(referenceUrl(lang)), `field reference (${lang})`);

/**
 * What each copy button of the page copies, in page order. Read from the HTML itself: the
 * parser of the other tests loses an attribute holding a `>`, as a folded YAML text's `>-`.
 */
function copiedCode(lang: (typeof languages)[number]): string[] {
	const file = must(resolveToFile(referenceUrl(lang).pathname), 'field reference file');
	const html = readFileSync(join(distDir, file), 'utf8');
	// Expressive Code separates the copied lines with U+007F.
	return [...html.matchAll(/<button[^>]*?\sdata-code="([^"]*)"/g)].map((match) =>
		decodeEntities(match[1] ?? '').replaceAll('\u007f', '\n'),
	);
}

/** The description of a field: the `dd` after its `dt`. */
function description(page: ElementNode, kind: EntryKind, path: string): ElementNode {
	const term = must(
		selectAll(page, 'dt').find((node) => attr(node, 'id') === `${kind}-${path}`),
		`${kind}-${path}`,
	);
	const siblings = (term.parent as ElementNode).children.filter(
		(node): node is ElementNode => node.type === ELEMENT_NODE,
	);
	return must(siblings[siblings.indexOf(term) + 1], `description of ${kind}.${path}`);
}

describe('the field reference page', () => {
	it.each(languages)(
		'shows a complete example of each kind that the validator accepts as copied (%s)',
		(lang) => {
			const page = reference(lang).document;
			const copied = copiedCode(lang);
			// One example per kind, in the kinds' order, each under its own heading.
			expect(copied).toHaveLength(entryKinds.length);
			entryKinds.forEach((kind, index) => {
				const section = must(select(page, `section[aria-labelledby="${kind}"]`), kind);
				must(select(section, `h3[id="${kind}-exemple"]`), `${kind}: example heading`);
				must(select(section, '.expressive-code button[data-code]'), `${kind}: copy button`);
				const file = parseEntryFile(`${kind}/example.mdx`, copied[index] ?? '');
				if (isProblem(file)) throw new Error(`${kind}: ${file.message.en}`);
				const problems = checkEntry(kind, file.data, registry);
				expect(
					problems.map((problem) => `${problem.field}: ${problem.message.en}`),
					`${kind} (${lang})`,
				).toEqual([]);
			});
		},
	);

	it('says that modalities and principles are lists, and which vocabulary they take', () => {
		const fr = reference('fr').document;
		const en = reference('en').document;
		expect(textContent(description(fr, 'models', 'modalities'))).toMatch(
			/liste de valeurs du vocabulaire « .+ »/,
		);
		expect(textContent(description(en, 'systems', 'principles'))).toMatch(
			/list of values of vocabulary “.+”/,
		);
		expect(textContent(description(en, 'systems', 'principles'))).toContain(
			'Default: an empty list',
		);
	});

	it('gives a model’s name and provider in both languages, its version once (issue #12)', () => {
		const en = reference('en').document;
		const fr = reference('fr').document;
		for (const path of ['name', 'provider']) {
			expect(textContent(description(en, 'models', path)), path).toContain(
				'text in French and English (at most 120 characters in each language)',
			);
			expect(textContent(description(fr, 'models', path)), path).toMatch(
				/en français et en anglais/,
			);
		}
		expect(textContent(description(en, 'models', 'version'))).toContain(
			'plain text, the same in both languages',
		);
	});

	it('links a reference to the index of the kind it names', () => {
		const links = selectAll(
			description(reference('en').document, 'systems', 'models[].model'),
			'a',
		);
		expect(links.map((link) => attr(link, 'href'))).toContain(
			`${basePath}/en/registre/${kindOf('models').segment}/`,
		);
	});

	it('shows under approach and generativeAi that a generative system fills in generativeAi', () => {
		for (const lang of languages) {
			for (const path of ['approach', 'generativeAi']) {
				const text = textContent(description(reference(lang).document, 'systems', path));
				expect(text, `${path} (${lang})`).toMatch(/approach: generative\).*generativeAi/);
			}
		}
	});
});
