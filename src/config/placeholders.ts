import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { formatProblem, type Problem } from '../registry/problems.ts';
import type { Bilingual } from '../registry/schemas/index.ts';
import type { SiteConfig } from './schema.ts';

/**
 * Example values an organisation may have left in `registre.config.yml` when it forked the kit:
 * the sample's fictional identity must never be published as if it were real. Checked by the
 * build (astro.config.mjs) unless `site.demo: true` says the site is a demonstration.
 */

/** The host part of every URL (`https://host/…`) and e-mail address (`name@host`) in a text. */
function hosts(value: string): string[] {
	return [...value.matchAll(/(?:\/\/|@)([a-z0-9.-]+)/gi)].map((match) => match[1] ?? '');
}

/**
 * A host in a domain reserved for examples (RFC 2606): the `.example` top-level domain,
 * `example.com`, `.org` or `.net`, or `example` between two labels (`mairie.example.fr`).
 */
const exampleHost = /(?:^|\.)example(?:\.(?:com|org|net))?$|\.example\./i;

/** The sample's fictional organisation, wherever it is left (a name, a URL, a GitHub owner). */
const sampleName = /\bclairval\b/i;

/** Words that only a placeholder name or address holds: "Exemple", lorem ipsum, "to do"… */
const placeholderWords =
	/\b(?:exemple|example|lorem|ipsum|todo|tbd|changeme|xxx+)\b|à compléter|to be completed|\b00000\b/i;

/**
 * Settings holding a name or a postal address, where placeholder words are looked for; free
 * texts (an accessibility non-conformity, an auditor "Todo & Co") may use any word.
 */
const nameKeys =
	/^(?:organisation\.name\.(?:fr|en)|organisation\.address|legal\.director\.name|legal\.host\.(?:name|address)|site\.title\.(?:fr|en))$/;

/** A telephone number made of zeros after its first digits, like the sample's `01 00 00 00 00`. */
const zeroPhone = /^\+?[\d\s.()-]*?\d[\s.()-]*(?:0[\s.()-]*){8,}$/;

/** What is wrong with one value, or undefined when it looks like the organisation's own. */
function placeholderIssue(key: string, value: string): Bilingual | undefined {
	const fix = {
		fr: 'mettez à la place la valeur de votre organisation, ou déclarez une démonstration avec `site.demo: true`',
		en: 'put your organisation’s own value instead, or declare a demonstration with `site.demo: true`',
	};
	if (hosts(value).some((host) => exampleHost.test(host))) {
		return {
			fr: `« ${value} » est une adresse d’exemple (domaine réservé aux exemples) : ${fix.fr}.`,
			en: `"${value}" is an example address (a domain reserved for examples): ${fix.en}.`,
		};
	}
	if (key === 'organisation.identifier.value' && /^[0\s]+$/.test(value)) {
		return {
			fr: `« ${value} » est un identifiant d’exemple : ${fix.fr}.`,
			en: `"${value}" is an example identifier: ${fix.en}.`,
		};
	}
	if (/\.phone$/.test(key) && zeroPhone.test(value)) {
		return {
			fr: `« ${value} » est un numéro de téléphone fictif : ${fix.fr}.`,
			en: `"${value}" is a fictional telephone number: ${fix.en}.`,
		};
	}
	if (sampleName.test(value) || (nameKeys.test(key) && placeholderWords.test(value))) {
		return {
			fr: `« ${value} » ressemble à une valeur d’exemple du kit : ${fix.fr}.`,
			en: `"${value}" looks like one of the kit’s example values: ${fix.en}.`,
		};
	}
	return undefined;
}

/** Every text value of a parsed YAML tree, with its dotted key and its 1-based line. */
function* scalars(
	node: Node | null | undefined,
	path: string[],
	lines: LineCounter,
): Generator<{ key: string; value: string; line: number }> {
	if (isMap(node)) {
		for (const pair of node.items) {
			const key = isScalar(pair.key) ? String(pair.key.value) : '?';
			yield* scalars(pair.value as Node | null, [...path, key], lines);
		}
	} else if (isSeq(node)) {
		for (const [index, item] of node.items.entries()) {
			yield* scalars(item as Node | null, [...path, String(index)], lines);
		}
	} else if (isScalar(node) && typeof node.value === 'string') {
		const line = node.range ? lines.linePos(node.range[0]).line : 1;
		yield { key: path.join('.'), value: node.value, line };
	}
}

/** The example values in a configuration file's text, one problem each, in file order. */
export function findPlaceholders(source: string, path: string): Problem[] {
	const lines = new LineCounter();
	const document = parseDocument(source, { lineCounter: lines });
	const problems: Problem[] = [];
	for (const { key, value, line } of scalars(document.contents, [], lines)) {
		const message = placeholderIssue(key, value);
		if (message) problems.push({ path, line, field: key, message });
	}
	return problems;
}

/**
 * Throws, naming each key in both languages, when a configuration that is not declared a
 * demonstration still holds example values; returns quietly otherwise.
 */
export function assertPublishable(config: SiteConfig, path: string): void {
	if (config.site.demo) return;
	const problems = findPlaceholders(readFileSync(path, 'utf8'), path);
	if (problems.length === 0) return;
	const lines = problems.flatMap((problem) => [
		formatProblem(problem, 'fr'),
		formatProblem(problem, 'en'),
	]);
	throw new Error(
		`${path}: valeurs d’exemple à remplacer avant publication / example values to replace before publishing\n${lines.join('\n')}`,
	);
}
