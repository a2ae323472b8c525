import { describe, expect, it } from 'vitest';
import { entryId, slugify } from '../../src/drafting/entry-id.ts';
import { slugPattern } from '../../src/registry/schemas/index.ts';

describe('entry ids', () => {
	it.each([
		['Assistant de réponse aux usagers', 'assistant-de-reponse-aux-usagers'],
		['GPT-4.1 mini', 'gpt-4.1-mini'],
		['Mistral Small 3.2', 'mistral-small-3.2'],
		['../../etc/passwd', 'etc-passwd'],
		['..\\..\\windows', 'windows'],
		['name/with/slashes', 'name-with-slashes'],
		['   Éléphant   Œuvre  ', 'elephant-oeuvre'],
		['a...b', 'a-b'],
		['.hidden', 'hidden'],
		['<script>alert(1)</script>', 'script-alert-1-script'],
		['{props.x}', 'props.x'],
	])('slugifies %j to %j', (name, slug) => {
		expect(slugify(name)).toBe(slug);
		expect(slug).toMatch(slugPattern);
	});

	it('falls back when the name has no letter or digit it can keep', () => {
		expect(entryId('مساعد ذكي 🤖', new Set(), 'system-42')).toBe('system-42');
		expect(entryId('🤖🤖', new Set(), 'model-7')).toBe('model-7');
	});

	it('keeps ids at most 64 characters, also with a suffix', () => {
		const long = 'a'.repeat(100);
		expect(entryId(long, new Set(), 'x')).toHaveLength(64);
		const id = entryId(long, new Set(['a'.repeat(64)]), 'x');
		expect(id).toBe(`${'a'.repeat(62)}-2`);
		expect(id).toMatch(slugPattern);
	});

	it('appends -2, -3… to an id already taken', () => {
		const taken = new Set(['tri-courrier', 'tri-courrier-2']);
		expect(entryId('Tri courrier', taken, 'x')).toBe('tri-courrier-3');
	});
});
