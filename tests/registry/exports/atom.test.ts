import { describe, expect, it } from 'vitest';
import { escapeXml, renderAtom } from '../../../src/registry/exports/atom.ts';

describe('renderAtom', () => {
	it('escapes every value so entry text can never become markup', () => {
		const xml = renderAtom({
			id: 'https://ia.example/',
			title: 'Changes & <news>',
			link: 'https://ia.example/registre/systemes/',
			selfLink: 'https://ia.example/registry.atom',
			lang: 'fr',
			updated: '2026-01-01T00:00:00.000Z',
			items: [
				{
					id: 'https://github.com/o/r/commit/abc',
					title: '<script>alert("x")</script>',
					updated: '2026-01-01T00:00:00.000Z',
					link: 'https://ia.example/a?b=1&c=2',
					summary: "l'IA \u0001",
				},
			],
		});
		expect(xml).toContain('<title>Changes &amp; &lt;news&gt;</title>');
		expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
		expect(xml).toContain('href="https://ia.example/a?b=1&amp;c=2"');
		expect(xml).not.toContain('<script>');
		expect(xml).not.toContain('\u0001');
		expect(escapeXml("l'IA")).toBe('l&apos;IA');
	});
});

describe('the feed author', () => {
	it("names the organisation with its official identifier, in Dublin Core's namespace", () => {
		const xml = renderAtom({
			author: {
				name: 'Ville d’Exemple & co',
				uri: 'https://www.example.org/',
				email: 'ia@example.org',
				identifier: 'SIREN:123456789',
			},
			id: 'https://ia.example/',
			title: 'Changes',
			link: 'https://ia.example/registre/systemes/',
			selfLink: 'https://ia.example/registry.atom',
			lang: 'fr',
			updated: '2026-01-01T00:00:00.000Z',
			items: [],
		});
		expect(xml).toContain('xmlns:dcterms="http://purl.org/dc/terms/"');
		expect(xml).toMatch(
			/<author>\s*<name>Ville d’Exemple &amp; co<\/name>\s*<uri>https:\/\/www.example.org\/<\/uri>\s*<email>ia@example.org<\/email>\s*<dcterms:identifier>SIREN:123456789<\/dcterms:identifier>\s*<\/author>/,
		);
	});
});

describe('escapeXml', () => {
	it('drops every character XML 1.0 cannot hold, so the feed stays well-formed', () => {
		const text = 'a\u0000b\u001Fc\uFFFEd\uFFFFe\uD800f\uDFFFg\tok\n😀';
		const escaped = escapeXml(text);
		expect(escaped).toBe('abcdefg\tok\n😀');
		// XML 1.0 `Char`: https://www.w3.org/TR/xml/#charsets
		for (const character of escaped) {
			const code = character.codePointAt(0) ?? 0;
			const allowed =
				code === 0x9 ||
				code === 0xa ||
				code === 0xd ||
				(code >= 0x20 && code <= 0xd7ff) ||
				(code >= 0xe000 && code <= 0xfffd) ||
				(code >= 0x10000 && code <= 0x10ffff);
			expect(allowed, `U+${code.toString(16)}`).toBe(true);
		}
	});
});
