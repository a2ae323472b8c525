import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	sampleSiteConfigPath,
	loadSiteConfig,
	parseSiteConfig,
	SiteConfigError,
} from '../../src/config/load.ts';
import { formatProblem, type Problem } from '../../src/registry/problems.ts';

const sample = readFileSync(sampleSiteConfigPath, 'utf8');

/** The problems of a configuration's text, as `file:line: key: message` in English and French. */
function problemsOf(text: string): { en: string[]; fr: string[]; problems: Problem[] } {
	const result = parseSiteConfig(text, 'registre.config.yml');
	const problems = 'problems' in result ? result.problems : [];
	return {
		en: problems.map((problem) => formatProblem(problem, 'en')),
		fr: problems.map((problem) => formatProblem(problem, 'fr')),
		problems,
	};
}

/** The 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
	// A key at the start of its line (after its indent or list dash), not inside a longer one.
	const index = text
		.split('\n')
		.findIndex((line) => line.replace(/^[\s-]*/, '').startsWith(needle));
	if (index < 0) throw new Error(`no line with ${needle}`);
	return index + 1;
}

/** The sample with one line replaced. */
function withLine(find: string, replacement: string): string {
	if (!sample.includes(find)) throw new Error(`the sample has no ${find}`);
	return sample.replace(find, replacement);
}

describe('the sample configuration', () => {
	it('is valid', () => {
		expect(problemsOf(sample).problems).toEqual([]);
	});
});

describe('unknown keys', () => {
	it.each([
		['at the top level', 'repository:\n', 'repositry:\n  owner: x\nrepository:\n', 'repositry'],
		['in a section', '  branch: main\n', '  branch: main\n  brnch: main\n', 'repository.brnch'],
		[
			'in a bilingual text',
			'    en: Clairval AI Registry\n',
			'    en: Clairval AI Registry\n    de: KI\n',
			'site.title.de',
		],
		[
			'in a list item',
			'  statementDate: 2026-12-01\n',
			'  statementDate: 2026-12-01\n  nonCompliant:\n    - fr: La carte\n      en: The map\n      es: El mapa\n',
			'accessibility.nonCompliant.0.es',
		],
	])('are refused %s, named at their own line', (_where, find, replacement, field) => {
		const text = withLine(find, replacement);
		const key = field.split('.').at(-1) ?? '';
		const { en, fr } = problemsOf(text);
		expect(en).toEqual([
			`registre.config.yml:${lineOf(text, `${key}:`)}: ${field}: unknown setting "${key}": check its spelling and its indentation (every setting is described in src/config/schema.ts and the "Adopt the kit" page), or remove it`,
		]);
		expect(fr[0]).toContain(`réglage inconnu « ${key} »`);
	});

	it('each unknown key of one section is a problem of its own', () => {
		const text = withLine('  branch: main\n', '  branch: main\n  brnch: x\n  ownr: y\n');
		expect(problemsOf(text).problems.map((p) => [p.line, p.field])).toEqual([
			[lineOf(text, 'brnch:'), 'repository.brnch'],
			[lineOf(text, 'ownr:'), 'repository.ownr'],
		]);
	});
});

describe('site.url', () => {
	it.each([
		['https://clairval.github.io/registre-ia', '/registre-ia'],
		['https://clairval.github.io/registre-ia/', '/registre-ia'],
		['https://clairval.github.io/ia/registre', '/ia/registre'],
	])('refuses the path of %s and says to put %s in site.base', (url, base) => {
		const text = withLine('  url: https://ia.clairval.example\n', `  url: ${url}\n`);
		const { en, fr } = problemsOf(text);
		expect(en).toEqual([
			`registre.config.yml:${lineOf(text, `url: ${url}`)}: site.url: "${url}" has a path: put the path in \`site.base\` and the address alone in \`site.url\` (url: https://clairval.github.io and base: ${base})`,
		]);
		expect(fr[0]).toContain('mettez le chemin dans `site.base`');
	});

	it('accepts the address alone, with or without its final slash, and a base beside it', () => {
		for (const url of ['https://clairval.github.io', 'https://clairval.github.io/']) {
			const text = withLine(
				'  url: https://ia.clairval.example\n',
				`  url: ${url}\n  base: /registre-ia\n`,
			);
			expect(problemsOf(text).problems).toEqual([]);
		}
	});

	it('refuses a query or a fragment, and an address that is not a web one', () => {
		const query = withLine(
			'  url: https://ia.clairval.example\n',
			'  url: https://ia.clairval.example/?a=1\n',
		);
		expect(problemsOf(query).en[0]).toContain(
			'is the site\'s address alone, without "?" or "#": https://ia.clairval.example',
		);
		const ftp = withLine(
			'  url: https://ia.clairval.example\n',
			'  url: ftp://ia.clairval.example\n',
		);
		expect(problemsOf(ftp).en[0]).toMatch(/site\.url: must be a full http\(s\) web address/);
	});

	it('wants site.base to start with a slash', () => {
		const text = withLine(
			'  url: https://ia.clairval.example\n',
			'  url: https://ia.clairval.example\n  base: registre-ia\n',
		);
		expect(problemsOf(text).en).toEqual([
			`registre.config.yml:${lineOf(text, 'base:')}: site.base: must start with "/", for example /registre-ia`,
		]);
	});
});

describe('types of values', () => {
	it('names the key, the line, what was expected and what was found, in both languages', () => {
		const text = withLine('  perAuthorPerHour: 3\n', '  perAuthorPerHour: three\n');
		const { en, fr } = problemsOf(text);
		const line = lineOf(text, 'perAuthorPerHour');
		expect(en).toEqual([
			`registre.config.yml:${line}: drafting.perAuthorPerHour: expected a number, found a string`,
		]);
		expect(fr).toEqual([
			`registre.config.yml:${line}: drafting.perAuthorPerHour: attendu : un nombre, trouvé : un texte`,
		]);
	});

	it('says how to write a text in two languages given on one line', () => {
		const text = withLine(
			'  title:\n    fr: Registre IA de Clairval\n    en: Clairval AI Registry\n',
			'  title: Registre IA de Clairval\n',
		);
		expect(problemsOf(text).en).toEqual([
			`registre.config.yml:${lineOf(text, 'title:')}: site.title: expected a set of fields, found a string (for a text, write an fr: line and an en: line under it)`,
		]);
	});

	it('reports a missing setting at its section, and every problem of one file at once', () => {
		const text = withLine('  contactEmail: ia@clairval.example\n', '')
			.replace('  demo: true\n', '  demo: yes please\n')
			.replace('  branch: main\n', '  branch: 7\n');
		expect(problemsOf(text).en).toEqual([
			`registre.config.yml:${lineOf(text, 'organisation:')}: organisation.contactEmail: required field is missing`,
			`registre.config.yml:${lineOf(text, 'demo:')}: site.demo: expected true or false, found a string`,
			`registre.config.yml:${lineOf(text, 'branch:')}: repository.branch: expected a string, found a number`,
		]);
	});

	it('words the schema’s own checks in both languages', () => {
		const text = withLine("    value: '000000000'\n", "    value: '000000001'\n");
		const { en, fr } = problemsOf(text);
		expect(en[0]).toMatch(
			/:\d+: organisation\.identifier\.value: "000000001" is not a valid SIREN/,
		);
		expect(fr[0]).toMatch(
			/:\d+: organisation\.identifier\.value: « 000000001 » n’est pas un SIREN valide/,
		);
	});

	it('refuses invalid YAML and a repeated key, at their line', () => {
		const repeated = withLine('  branch: main\n', '  branch: main\n  branch: other\n');
		expect(problemsOf(repeated).en[0]).toMatch(
			new RegExp(
				`^registre\\.config\\.yml:${lineOf(repeated, 'branch: other')}: \\(file\\): invalid YAML: Map keys must be unique`,
			),
		);
		expect(problemsOf('site: [\n').en[0]).toMatch(
			/^registre\.config\.yml:\d+: \(file\): invalid YAML/,
		);
		expect(problemsOf('').en).toEqual([
			'registre.config.yml:1: (file): expected a set of fields, found an empty value',
		]);
	});
});

describe('drafting.provider', () => {
	/** The sample's `drafting` section replaced by `section`. */
	const withDrafting = (section: string) =>
		`${sample.slice(0, sample.indexOf('drafting:'))}${section}`;

	it('none needs nothing else: no model, provider name, hosting nor limits', () => {
		const result = parseSiteConfig(
			withDrafting('drafting:\n  provider: none\n'),
			'registre.config.yml',
		);
		expect(result).toHaveProperty('config');
		if (!('config' in result)) return;
		expect(result.config.drafting).toMatchObject({
			provider: 'none',
			perAuthorPerHour: 3,
			perIssuePerDay: 4,
			perRepositoryPerDay: 30,
			aiFor: 'everyone',
		});
	});

	it('none keeps the other settings, so that AI can be switched back on as it was', () => {
		const text = sample.replace('  provider: albert\n', '  provider: none\n');
		const result = parseSiteConfig(text, 'registre.config.yml');
		expect('config' in result && result.config.drafting.model).toBe('albert-large');
	});

	it('a provider needs its model, name and hosting, each named with the way out', () => {
		const text = withDrafting('drafting:\n  provider: mistral\n');
		const line = lineOf(text, 'drafting:');
		expect(problemsOf(text).en).toEqual([
			`registre.config.yml:${line}: drafting.hosting: required with \`provider: mistral\` (where the provider runs the model, an fr: line and an en: line); or \`provider: none\` to draft from the form alone`,
			`registre.config.yml:${line}: drafting.model: required with \`provider: mistral\` (the model name, e.g. albert-large); or \`provider: none\` to draft from the form alone`,
			`registre.config.yml:${line}: drafting.providerName: required with \`provider: mistral\` (the provider as readers know it, an fr: line and an en: line); or \`provider: none\` to draft from the form alone`,
		]);
	});

	it('says which providers there are, beside the other problems of the section', () => {
		const text = withDrafting('drafting:\n  provider: gpt\n  perIssuePerDay: 0\n');
		expect(problemsOf(text).en).toEqual([
			`registre.config.yml:${lineOf(text, 'provider: gpt')}: drafting.provider: must be one of: openai, azure, albert, mistral, ollama, compatible, none`,
			`registre.config.yml:${lineOf(text, 'perIssuePerDay')}: drafting.perIssuePerDay: must be greater than 0`,
		]);
	});
});

describe('loadSiteConfig', () => {
	it('throws an error listing each problem in English, then in French', () => {
		const dir = mkdtempSync(join(tmpdir(), 'registre-config-'));
		const path = join(dir, 'registre.config.yml');
		writeFileSync(path, withLine('  branch: main\n', '  branch: main\n  brnch: x\n'));
		expect(() => loadSiteConfig(path)).toThrow(SiteConfigError);
		try {
			loadSiteConfig(path);
		} catch (error) {
			const lines = (error as Error).message.split('\n');
			expect(lines[0]).toBe(`${path}: one setting to fix / réglages à corriger`);
			expect(lines[1]).toMatch(
				new RegExp(`^${path}:\\d+: repository\\.brnch: unknown setting "brnch"`),
			);
			expect(lines[2]).toMatch(/^ {2}réglage inconnu « brnch »/);
		}
	});
});

describe('a bilingual text on one line, between braces', () => {
	it('is refused where a comma cuts it, rather than silently shortened', () => {
		const text = withLine(
			'  hosting:\n    fr: serveurs de l’État en France\n    en: State-run servers in France\n',
			'  hosting: { fr: serveurs de l’État, en France, en: State-run servers in France }\n',
		);
		expect(problemsOf(text).en).toEqual([
			`registre.config.yml:${lineOf(text, 'hosting:')}: drafting.hosting.en France: unknown setting "en France": check its spelling and its indentation (every setting is described in src/config/schema.ts and the "Adopt the kit" page), or remove it`,
		]);
	});
});
