import { describe, expect, it } from 'vitest';
import { pageDescription } from '../../src/utils/entry-meta.ts';

describe('pageDescription', () => {
	it('keeps a short text as it is, on one line', () => {
		expect(pageDescription('Répond aux  questions\ndes habitants.')).toBe(
			'Répond aux questions des habitants.',
		);
	});

	it('cuts a long text at a word boundary, within the limit, with an ellipsis', () => {
		const text =
			'Le système trie les demandes de logement social, ' +
			'et les classe par urgence. '.repeat(10);
		const description = pageDescription(text, 60);
		expect(description.length).toBeLessThanOrEqual(60);
		expect(description.endsWith('…')).toBe(true);
		expect(text.startsWith(description.slice(0, -1))).toBe(true);
		expect(description).not.toMatch(/[\s,]…$/);
	});

	it('cuts inside a word only when the text has no space to cut at', () => {
		expect(pageDescription('x'.repeat(200), 50)).toBe(`${'x'.repeat(49)}…`);
	});
});
