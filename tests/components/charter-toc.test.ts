import { describe, expect, it } from 'vitest';
import { mergePrincipleHeadings, nestHeadings } from '../../src/components/charter-toc.ts';

const label = (key: string) => `Label of ${key}`;
const overview = { depth: 2, slug: '_top', text: 'Overview', children: [] };

describe('mergePrincipleHeadings', () => {
	it('puts principle headings and Markdown headings in source order', () => {
		const body = [
			'Intro.',
			'<CharterPrinciple principle="people-decide">',
			'### A detail',
			'</CharterPrinciple>',
			"<CharterPrinciple principle='sobriety'>",
			'## Applying the charter',
		].join('\n');
		const headings = [
			{ depth: 3, slug: 'a-detail', text: 'A detail' },
			{ depth: 2, slug: 'applying', text: 'Applying the charter' },
		];
		expect(mergePrincipleHeadings(body, headings, label).map(({ slug }) => slug)).toEqual([
			'people-decide',
			'a-detail',
			'sobriety',
			'applying',
		]);
	});

	it('ignores what looks like headings or principles inside code fences', () => {
		const body = ['```mdx', '## Not a heading', '<CharterPrinciple principle="x">', '```'].join(
			'\n',
		);
		const headings = [{ depth: 2, slug: 'real', text: 'Real' }];
		expect(mergePrincipleHeadings(body, headings, label)).toEqual(headings);
	});
});

describe('nestHeadings', () => {
	it('nests deeper headings under the previous shallower one, as Starlight does', () => {
		const toc = nestHeadings(
			overview,
			[
				{ depth: 2, slug: 'a', text: 'A' },
				{ depth: 3, slug: 'a1', text: 'A1' },
				{ depth: 4, slug: 'too-deep', text: 'Too deep' },
				{ depth: 2, slug: 'b', text: 'B' },
			],
			2,
			3,
		);
		expect(toc.map(({ slug }) => slug)).toEqual(['_top', 'a', 'b']);
		expect(toc[1]?.children.map(({ slug }) => slug)).toEqual(['a1']);
	});
});
