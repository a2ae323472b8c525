import type { Definition, Link, Nodes, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { mdxjs } from 'micromark-extension-mdxjs';
import type { Bilingual, Language, TranslationState } from './schemas/index.ts';
import { languageNames } from './texts.ts';

/**
 * The only components a registry body may use: one block per language, holding Markdown.
 * Registry files are data whoever wrote them (a person, a form, an AI), so the body is parsed
 * as MDX, the way any MDX tool would read it, and everything else is rejected.
 */
export const bodyComponents: Readonly<Record<string, Language>> = { Fr: 'fr', En: 'en' };

/** One thing wrong in a body, on a line of the file. */
export interface BodyIssue {
	line: number;
	message: Bilingual;
}

/** The parts of an entry's `language` field the body rules read. */
export interface BodyLanguage {
	original: Language;
	translation: TranslationState;
}

const allowedNames = Object.keys(bodyComponents).join(' / ');

const messages = {
	outside: {
		fr: 'texte hors des blocs <Fr> … </Fr> et <En> … </En> : placez chaque paragraphe dans l’un des deux',
		en: 'text outside the <Fr> … </Fr> and <En> … </En> blocks: put every paragraph inside one of them',
	},
	inline: {
		fr: 'écrivez <Fr> et </Fr> (ou <En> et </En>) seuls sur leur ligne, le texte entre les deux',
		en: 'write <Fr> and </Fr> (or <En> and </En>) on lines of their own, with the text between them',
	},
	esm: {
		fr: 'import et export sont interdits : une fiche du registre contient des données, pas du code',
		en: 'import and export are not allowed: a registry entry holds data, not code',
	},
	expression: {
		fr: 'les expressions entre accolades sont interdites ; pour écrire une accolade, échappez-la : \\{ ou \\}',
		en: 'expressions in braces are not allowed; to write a brace, escape it: \\{ or \\}',
	},
	attributes: {
		fr: 'les blocs <Fr> et <En> ne prennent aucun attribut',
		en: 'the <Fr> and <En> blocks take no attributes',
	},
	nested: {
		fr: 'un bloc <Fr> ou <En> ne peut pas en contenir un autre',
		en: 'a <Fr> or <En> block cannot contain another one',
	},
	image: {
		fr: 'les images sont interdites dans les textes du registre ; mettez un lien vers l’image',
		en: 'images are not allowed in registry texts; link to the image instead',
	},
} satisfies Record<string, Bilingual>;

function rawHtml(name: string): Bilingual {
	return {
		fr: `le HTML brut (<${name}>) est interdit : écrivez en Markdown`,
		en: `raw HTML (<${name}>) is not allowed: write Markdown instead`,
	};
}

function component(name: string): Bilingual {
	return {
		fr: `le composant <${name}> n’est pas autorisé ; seuls ${allowedNames} le sont`,
		en: `component <${name}> is not allowed; only ${allowedNames} are`,
	};
}

/** Parses a body as MDX; throws the parser's message when it is not valid MDX. */
function parseMdx(body: string): Root {
	return fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
}

/**
 * A body with none of `<`, `{`, `}` and no line starting with `import`/`export` cannot hold
 * JSX, expressions or ESM, so it is read without the (much slower) MDX parser.
 */
function isPlainText(body: string): boolean {
	return !/[<{}]/.test(body) && !/^(?:import|export)\b/m.test(body);
}

/** Whether a link target is an http(s), mailto or relative address. */
export function isSafeUrl(url: string): boolean {
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim());
	return !scheme || /^(?:https?|mailto)$/i.test(scheme[1] ?? '');
}

/** The language block an element opens, if it is one. */
function sectionLanguage(node: RootContent): Language | undefined {
	return node.type === 'mdxJsxFlowElement' && node.name ? bodyComponents[node.name] : undefined;
}

/**
 * Checks an entry body against the restricted MDX rules: only `<Fr>` and `<En>` blocks, at most
 * one of each, holding Markdown without HTML, expressions, components or images, links to
 * http(s) or relative addresses, and the same language presence rules as the front matter texts.
 * `firstLine` is the line of the body's first line in the file.
 */
export function checkBody(body: string, firstLine: number, language: BodyLanguage): BodyIssue[] {
	if (body.trim() === '') return [];
	const lineOf = (node: Nodes | undefined) => firstLine - 1 + (node?.position?.start.line ?? 1);
	if (isPlainText(body)) {
		const firstText = body.split('\n').findIndex((line) => line.trim() !== '');
		return [{ line: firstLine + firstText, message: messages.outside }];
	}
	let root: Root;
	try {
		root = parseMdx(body);
	} catch (error) {
		return [parseIssue(error, firstLine)];
	}
	const issues: BodyIssue[] = [];
	const sections = new Map<Language, MdxJsxFlowElement>();
	for (const node of root.children) {
		const lang = sectionLanguage(node);
		if (lang && node.type === 'mdxJsxFlowElement') {
			if (sections.has(lang)) {
				issues.push({ line: lineOf(node), message: duplicateSection(tag(lang)) });
				continue;
			}
			sections.set(lang, node);
			if (node.attributes.length > 0)
				issues.push({ line: lineOf(node), message: messages.attributes });
			if (node.children.length === 0) {
				issues.push({ line: lineOf(node), message: emptySection(tag(lang)) });
			}
			for (const child of node.children) walkSection(child, lineOf, issues);
		} else {
			issues.push({ line: lineOf(node), message: topLevelMessage(node) });
		}
	}
	issues.push(...sectionLanguageIssues(sections, language, lineOf(root.children[0])));
	return issues;
}

/** Says what is wrong with a top-level node that is not a language block. */
function topLevelMessage(node: RootContent): Bilingual {
	switch (node.type) {
		case 'mdxjsEsm':
			return messages.esm;
		case 'mdxFlowExpression':
			return messages.expression;
		case 'mdxJsxFlowElement':
			return elementMessage(node.name);
		case 'paragraph': {
			const inline = node.children.find((child) => child.type === 'mdxJsxTextElement');
			if (inline?.type === 'mdxJsxTextElement') {
				return inline.name && bodyComponents[inline.name]
					? messages.inline
					: elementMessage(inline.name);
			}
			const expression = node.children.some((child) => child.type === 'mdxTextExpression');
			return expression ? messages.expression : messages.outside;
		}
		default:
			return messages.outside;
	}
}

/** Names a JSX element that is not allowed: raw HTML when lowercase, a component otherwise. */
function elementMessage(name: string | null): Bilingual {
	if (!name) return component('>…</');
	if (bodyComponents[name]) return messages.nested;
	return /^[a-z]/.test(name) ? rawHtml(name) : component(name);
}

/** Walks the content of a language block and reports anything beyond plain Markdown. */
function walkSection(node: Nodes, lineOf: (node: Nodes) => number, issues: BodyIssue[]): void {
	switch (node.type) {
		case 'mdxJsxFlowElement':
		case 'mdxJsxTextElement':
			issues.push({ line: lineOf(node), message: elementMessage(node.name) });
			return;
		case 'mdxFlowExpression':
		case 'mdxTextExpression':
			issues.push({ line: lineOf(node), message: messages.expression });
			return;
		case 'mdxjsEsm':
			issues.push({ line: lineOf(node), message: messages.esm });
			return;
		case 'html':
			issues.push({
				line: lineOf(node),
				message: rawHtml(node.value.slice(1).split(/[\s>]/)[0] ?? ''),
			});
			return;
		case 'image':
		case 'imageReference':
			issues.push({ line: lineOf(node), message: messages.image });
			return;
		case 'link':
		case 'definition':
			if (!isSafeUrl(node.url)) issues.push({ line: lineOf(node), message: unsafeLink(node.url) });
			break;
	}
	if ('children' in node) for (const child of node.children) walkSection(child, lineOf, issues);
}

/** Applies the front matter's language presence rules to the body's blocks. */
function sectionLanguageIssues(
	sections: Map<Language, MdxJsxFlowElement>,
	language: BodyLanguage,
	firstLine: number,
): BodyIssue[] {
	if (sections.size === 0) return [];
	const other: Language = language.original === 'fr' ? 'en' : 'fr';
	const issues: BodyIssue[] = [];
	if (!sections.has(language.original)) {
		issues.push({ line: firstLine, message: missingOriginalSection(language.original) });
	}
	const otherSection = sections.get(other);
	if (language.translation === 'missing' && otherSection) {
		const line = firstLine - 1 + (otherSection.position?.start.line ?? 1);
		issues.push({ line, message: unexpectedSection(other) });
	}
	if (language.translation !== 'missing' && !otherSection) {
		issues.push({ line: firstLine, message: missingTranslationSection(other) });
	}
	return issues;
}

function tag(lang: Language): string {
	return lang === 'fr' ? '<Fr>' : '<En>';
}

function duplicateSection(tag: string): Bilingual {
	return {
		fr: `un seul bloc ${tag} est permis ; réunissez leurs textes`,
		en: `only one ${tag} block is allowed; merge their texts`,
	};
}

function emptySection(tag: string): Bilingual {
	return { fr: `le bloc ${tag} est vide`, en: `the ${tag} block is empty` };
}

function unsafeLink(url: string): Bilingual {
	const shown = url.length > 40 ? `${url.slice(0, 40)}…` : url;
	return {
		fr: `le lien « ${shown} » est interdit : utilisez une adresse http(s), mailto ou relative`,
		en: `link "${shown}" is not allowed: use an http(s), mailto or relative address`,
	};
}

function missingOriginalSection(lang: Language): Bilingual {
	return {
		fr: `le corps n’a pas de bloc ${tag(lang)}, alors que le ${languageNames.fr[lang]} est la langue d’origine de la fiche (language.original)`,
		en: `the body has no ${tag(lang)} block, though ${languageNames.en[lang]} is the entry’s original language (language.original)`,
	};
}

function missingTranslationSection(lang: Language): Bilingual {
	return {
		fr: `le corps n’a pas de bloc ${tag(lang)} : ajoutez-le, ou indiquez language.translation: missing`,
		en: `the body has no ${tag(lang)} block: add it, or set language.translation to missing`,
	};
}

function unexpectedSection(lang: Language): Bilingual {
	return {
		fr: `language.translation vaut missing, la fiche n’a donc pas encore de texte en ${languageNames.fr[lang]} : supprimez ce bloc ${tag(lang)}, ou indiquez human ou machine`,
		en: `language.translation is missing, so the entry has no ${languageNames.en[lang]} text yet: remove this ${tag(lang)} block, or set it to human or machine`,
	};
}

/** Turns the MDX parser's error into an issue on the right line. */
function parseIssue(error: unknown, firstLine: number): BodyIssue {
	const message = error as {
		reason?: string;
		line?: number;
		place?: { line?: number; start?: { line?: number } };
	};
	const line = message.place?.start?.line ?? message.place?.line ?? message.line ?? 1;
	const reason = (message.reason ?? String(error)).replace(/ \(\d+:\d+-\d+:\d+\)$/, '');
	return {
		line: firstLine - 1 + line,
		message: {
			fr: `le corps n’est pas du MDX lisible (${reason}) : vérifiez que chaque <Fr> et <En> est refermé, et échappez les caractères < { } par \\< \\{ \\}`,
			en: `the body is not readable MDX (${reason}): check that every <Fr> and <En> is closed, and escape the characters < { } as \\< \\{ \\}`,
		},
	};
}

/**
 * The Markdown of each language block of a body, ready to render. Call it on a body that
 * passed {@link checkBody}; even so, {@link renderBodyHtml} drops anything not allowed.
 */
export function bodySections(file: { body: string }): Partial<Record<Language, Root>> {
	const sections: Partial<Record<Language, Root>> = {};
	if (file.body.trim() === '' || isPlainText(file.body)) return sections;
	for (const node of parseMdx(file.body).children) {
		const lang = sectionLanguage(node);
		if (lang && node.type === 'mdxJsxFlowElement' && !sections[lang]) {
			sections[lang] = { type: 'root', children: node.children as Root['children'] };
		}
	}
	return sections;
}

/** Keeps only plain Markdown: no JSX, expressions, HTML or images; unsafe links become text. */
function sanitise(node: Nodes): Nodes[] {
	switch (node.type) {
		case 'mdxJsxFlowElement':
		case 'mdxJsxTextElement':
		case 'mdxFlowExpression':
		case 'mdxTextExpression':
		case 'mdxjsEsm':
		case 'html':
		case 'image':
		case 'imageReference':
			return [];
		case 'definition':
			return isSafeUrl((node as Definition).url) ? [node] : [];
		case 'link':
			if (!isSafeUrl((node as Link).url)) return node.children.flatMap(sanitise);
			break;
	}
	if (!('children' in node)) return [node];
	return [{ ...node, children: node.children.flatMap(sanitise) } as Nodes];
}

/** Turns one language block into a hast tree. Raw HTML never reaches it, whatever the input. */
export function bodyHast(root: Root) {
	const clean = sanitise(root)[0] as Root;
	return toHast(clean, { allowDangerousHtml: false });
}

/** Renders one language block as HTML. Raw HTML never reaches the output, whatever the input. */
export function renderBodyHtml(root: Root): string {
	return toHtml(bodyHast(root));
}
