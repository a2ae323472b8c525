import { describe, expect, it } from 'vitest';
import {
	bodySections,
	checkBody,
	isSafeUrl,
	renderBodyHtml,
	type BodyLanguage,
} from '../../src/registry/body.ts';
import { present } from './helpers.ts';

const bilingual: BodyLanguage = { original: 'fr', translation: 'human' };

/** Issues of a body starting on line 10 of its file, as `line: message` in English. */
function issues(body: string, language: BodyLanguage = bilingual, lang: 'en' | 'fr' = 'en') {
	return checkBody(body, 10, language).map((issue) => `${issue.line}: ${issue.message[lang]}`);
}

const both = '<Fr>\nTexte en **français**.\n</Fr>\n\n<En>\nText in *English*.\n</En>\n';

describe('checkBody', () => {
	it('accepts an empty body and one <Fr> and one <En> block of Markdown', () => {
		expect(issues('')).toEqual([]);
		expect(issues('\n\n')).toEqual([]);
		expect(issues(both)).toEqual([]);
		expect(
			issues(
				'<Fr>\n## Titre\n\n- un\n- deux\n\n[lien](https://exemple.fr) et [relatif](/charte/) `code {x}`\n\n```\n<div>{code}</div>\n```\n</Fr>\n<En>\nText \\{ escaped \\}\n</En>',
			),
		).toEqual([]);
	});

	it('rejects text outside the blocks, without parsing plain text as MDX', () => {
		expect(issues('\n\nJust a paragraph.\n')).toEqual([
			'12: text outside the <Fr> … </Fr> and <En> … </En> blocks: put every paragraph inside one of them',
		]);
		expect(issues(`${both}\nAfter the blocks.\n`, bilingual, 'fr')).toEqual([
			'18: texte hors des blocs <Fr> … </Fr> et <En> … </En> : placez chaque paragraphe dans l’un des deux',
		]);
	});

	it('rejects import and export', () => {
		expect(issues(`import Widget from './widget.js'\n\n${both}`)).toEqual([
			'10: import and export are not allowed: a registry entry holds data, not code',
		]);
		expect(issues(`${both}\nexport const x = 1\n`)[0]).toBe(
			'18: import and export are not allowed: a registry entry holds data, not code',
		);
	});

	it('rejects expressions, at top level and inside a block', () => {
		expect(issues(`{process.exit(1)}\n\n${both}`)).toEqual([
			'10: expressions in braces are not allowed; to write a brace, escape it: \\{ or \\}',
		]);
		expect(issues('<Fr>\nDeux et {1 + 1}.\n</Fr>\n<En>\nTwo.\n</En>', bilingual, 'fr')).toEqual([
			'11: les expressions entre accolades sont interdites ; pour écrire une accolade, échappez-la : \\{ ou \\}',
		]);
	});

	it('rejects raw HTML and scripts, at top level and inside a block', () => {
		expect(issues(`<script>alert(1)</script>\n\n${both}`)).toEqual([
			'10: raw HTML (<script>) is not allowed: write Markdown instead',
		]);
		expect(issues('<Fr>\nUn <b>gras</b>.\n</Fr>\n<En>\nBold.\n</En>', bilingual, 'fr')).toEqual([
			'11: le HTML brut (<b>) est interdit : écrivez en Markdown',
		]);
	});

	it('rejects any component other than Fr and En', () => {
		expect(issues(`<Chart data="x" />\n\n${both}`)).toEqual([
			'10: component <Chart> is not allowed; only Fr / En are',
		]);
		expect(issues('<Fr>\n<Aside>Note</Aside>\n</Fr>\n<En>\nNote.\n</En>')).toEqual([
			'11: component <Aside> is not allowed; only Fr / En are',
		]);
	});

	it('rejects nested, repeated, empty or attributed blocks', () => {
		expect(issues('<Fr>\n<En>\nx\n</En>\n</Fr>\n<En>\ny\n</En>')).toEqual([
			'11: a <Fr> or <En> block cannot contain another one',
		]);
		expect(issues(`${both}\n<Fr>\nEncore.\n</Fr>`)).toEqual([
			'18: only one <Fr> block is allowed; merge their texts',
		]);
		expect(issues('<Fr>\n</Fr>\n<En>\nText.\n</En>')).toEqual(['10: the <Fr> block is empty']);
		expect(issues('<Fr lang="fr">\nTexte.\n</Fr>\n<En>\nText.\n</En>')).toEqual([
			'10: the <Fr> and <En> blocks take no attributes',
		]);
	});

	it('wants the blocks on lines of their own', () => {
		expect(issues('<Fr>Texte.</Fr>\n\n<En>Text.</En>')).toEqual([
			'10: write <Fr> and </Fr> (or <En> and </En>) on lines of their own, with the text between them',
			'12: write <Fr> and </Fr> (or <En> and </En>) on lines of their own, with the text between them',
		]);
	});

	it('rejects images and links that are not http(s), mailto or relative', () => {
		expect(
			issues(
				'<Fr>\n![carte](https://exemple.fr/carte.png)\n\n[clic](javascript:alert(1))\n\n[ref]\n\n[ref]: data:text/html,x\n</Fr>\n<En>\nText.\n</En>',
			),
		).toEqual([
			'11: images are not allowed in registry texts; link to the image instead',
			'13: link "javascript:alert(1)" is not allowed: use an http(s), mailto or relative address',
			'17: link "data:text/html,x" is not allowed: use an http(s), mailto or relative address',
		]);
	});

	it('applies the language presence rules to the blocks', () => {
		expect(issues('<En>\nText.\n</En>')).toEqual([
			'10: the body has no <Fr> block, though French is the entry’s original language (language.original)',
		]);
		expect(issues('<Fr>\nTexte.\n</Fr>', bilingual, 'fr')).toEqual([
			'10: le corps n’a pas de bloc <En> : ajoutez-le, ou indiquez language.translation: missing',
		]);
		expect(issues(both, { original: 'fr', translation: 'missing' })).toEqual([
			'14: language.translation is missing, so the entry has no English text yet: remove this <En> block, or set it to human or machine',
		]);
		expect(issues('<En>\nText.\n</En>', { original: 'en', translation: 'missing' })).toEqual([]);
	});

	it('reports MDX it cannot read, on the right line', () => {
		expect(issues('<Fr>\nTexte {\n</Fr>')).toEqual([
			'11: the body is not readable MDX (Unexpected end of file in expression, expected a corresponding closing brace for `{`): check that every <Fr> and <En> is closed, and escape the characters < { } as \\< \\{ \\}',
		]);
		expect(issues('<Fr>\nTexte sans fin\n')[0]).toMatch(
			/^10: the body is not readable MDX \(Expected a closing tag for `<Fr>`\)/,
		);
	});
});

describe('isSafeUrl', () => {
	it('allows http(s), mailto and relative addresses only', () => {
		for (const url of [
			'https://a.fr',
			'HTTP://a.fr',
			'mailto:ia@a.fr',
			'/charte/',
			'../x',
			'#top',
			'page',
		]) {
			expect(isSafeUrl(url)).toBe(true);
		}
		for (const url of [
			'javascript:alert(1)',
			' JavaScript:x',
			'data:text/html,x',
			'vbscript:x',
			'file:///etc',
		]) {
			expect(isSafeUrl(url)).toBe(false);
		}
	});
});

describe('bodySections and renderBodyHtml', () => {
	it('splits a body into its language blocks and renders them', () => {
		const sections = bodySections({ body: both });
		expect(Object.keys(sections)).toEqual(['fr', 'en']);
		expect(renderBodyHtml(present(sections.fr))).toBe('<p>Texte en <strong>français</strong>.</p>');
		expect(renderBodyHtml(present(sections.en))).toBe('<p>Text in <em>English</em>.</p>');
	});

	it('has no sections for an empty body', () => {
		expect(bodySections({ body: '\n' })).toEqual({});
	});

	it('never outputs raw HTML, scripts, expressions, images or unsafe links', () => {
		const hostile =
			'<Fr>\nA <script>alert(1)</script> {alert(2)} ![x](https://x.fr/a.png)\n\n[clic](javascript:alert(3)) [ok](https://a.fr)\n\n<img src="x" onerror="alert(4)" />\n</Fr>';
		const html = renderBodyHtml(present(bodySections({ body: hostile }).fr));
		expect(html).not.toMatch(/script|alert|onerror|<img|javascript/);
		expect(html).toContain('<a href="https://a.fr">ok</a>');
		expect(html).toContain('clic');
	});
});
