import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEntry, checkRegistry } from '../../src/registry/check.ts';
import { serialiseEntry } from '../../src/registry/entry-file.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import { formatProblem, type Problem } from '../../src/registry/problems.ts';
import {
	emptyRegistry,
	modelData,
	registryWith,
	sampleDir,
	systemData,
	text,
	ownVocabularies,
	today,
	writeEntry,
	writeFile,
} from './helpers.ts';

/** Problems of a registry as `path:line: field: message` lines, paths relative to the registry. */
async function check(dir: string, language: 'en' | 'fr' = 'en'): Promise<string[]> {
	const problems = await checkRegistry(dir, { today, ...ownVocabularies(dir) });
	return problems.map((problem) =>
		formatProblem({ ...problem, path: relative(dir, problem.path) }, language),
	);
}

/** 1-based line of the first (or last) line of a file that contains `needle`. */
function lineWith(path: string, needle: string, which: 'first' | 'last' = 'first'): number {
	return lineIn(readFileSync(path, 'utf8'), needle, which);
}

/** 1-based line of the first (or last) line of a text that contains `needle`. */
function lineIn(text: string, needle: string, which: 'first' | 'last' = 'first'): number {
	const lines = text.split('\n');
	const index =
		which === 'first'
			? lines.findIndex((line) => line.includes(needle))
			: lines.findLastIndex((line) => line.includes(needle));
	if (index < 0) throw new Error(`"${needle}" not found`);
	return index + 1;
}

/** Checks a registry made of one valid model and one system with the given changes. */
async function checkSystem(overrides: Record<string, unknown>, language: 'en' | 'fr' = 'en') {
	const dir = registryWith(systemData(overrides));
	return {
		dir,
		path: join(dir, 'systems', 'systeme-test.mdx'),
		problems: await check(dir, language),
	};
}

describe('checkRegistry on the sample registry', () => {
	it('finds no problem', async () => {
		expect(await checkRegistry(sampleDir, { today })).toEqual([]);
	});

	it('finds no problem in a registry of minimal valid entries', async () => {
		expect(await check(registryWith())).toEqual([]);
	});
});

describe('schema rules', () => {
	it('names a missing required field', async () => {
		const system = systemData({ purpose: undefined });
		const problems = await check(registryWith(system));
		expect(problems).toEqual(['systems/systeme-test.mdx:2: purpose: required field is missing']);
		const french = await check(registryWith(system), 'fr');
		expect(french).toEqual(['systems/systeme-test.mdx:2: purpose: champ obligatoire manquant']);
	});

	it('points at an unknown field on its own line', async () => {
		const { path, problems } = await checkSystem({ purpse: text('a', 'b') });
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'purpse:')}: purpse: unknown field "purpse": check the spelling (see the field reference) or remove it`,
		]);
	});

	it('gives the length of a summary that is too long', async () => {
		const { path, problems } = await checkSystem({ summary: text('x'.repeat(401), 'A test.') });
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'fr: xxx')}: summary.fr: too long: 401 characters, at most 400`,
		]);
	});

	it('explains what an id may be made of', async () => {
		const dir = registryWith();
		writeEntry(dir, 'models', modelData({ id: 'Modèle' }), { name: 'modele.mdx' });
		expect(await check(dir, 'fr')).toEqual([
			'models/modele.mdx:2: id: doit être fait de lettres minuscules sans accent, de chiffres, de points et de tirets (64 caractères au plus, en commençant par une lettre ou un chiffre)',
		]);
	});

	it('rejects malformed URLs, dates and emails', async () => {
		const { path, problems } = await checkSystem({
			website: 'www.clairval.example',
			startDate: '2025-02-30',
			contact: { email: 'ia at clairval', url: 'https://www.clairval.example/a page' },
		});
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'email:')}: contact.email: must be an email address, for example ai@example.org`,
			`systems/systeme-test.mdx:${lineWith(path, 'url: https://www.clairval.example/a page')}: contact.url: a web address cannot contain spaces (replace them with %20)`,
			`systems/systeme-test.mdx:${lineWith(path, 'website')}: website: must be a full http(s) web address, for example https://www.example.org/page`,
			`systems/systeme-test.mdx:${lineWith(path, 'startDate')}: startDate: must be a real date written YYYY-MM-DD, for example 2025-03-31`,
		]);
	});

	it('rejects a URL to a host without a domain, or another protocol', async () => {
		const { problems } = await checkSystem({ sourceCode: { url: 'ftp://files.clairval.example' } });
		expect(problems[0]).toMatch(/sourceCode\.url: must be a full http\(s\) web address/);
		const intranet = await checkSystem({ sourceCode: { url: 'https://intranet/code' } });
		expect(intranet.problems[0]).toMatch(/sourceCode\.url: must be a full http\(s\) web address/);
	});

	it('hints at the bilingual form when a text is written as a plain string', async () => {
		const { path, problems } = await checkSystem({ purpose: 'Tester.' });
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'purpose')}: purpose: expected a set of fields, found a string (for a text, write an fr: line and an en: line under it)`,
		]);
	});

	it('lists the allowed values of a fixed choice', async () => {
		const { path, problems } = await checkSystem(
			{ language: { original: 'de', translation: 'human' } },
			'fr',
		);
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'original: de')}: language.original: doit valoir l’une de ces valeurs : fr, en`,
		]);
	});
});

describe('file rules', () => {
	it('requires the id to equal the file name', async () => {
		const dir = registryWith();
		const path = writeEntry(dir, 'systems', systemData({ id: 'autre-nom' }), {
			name: 'nom-du-fichier.mdx',
		});
		expect(await check(dir)).toEqual([
			`systems/nom-du-fichier.mdx:${lineWith(path, 'id:')}: id: id "autre-nom" must equal the file name "nom-du-fichier" (without .mdx): rename the file or change the id`,
		]);
	});

	it('reports an id used twice in a kind', async () => {
		const dir = registryWith();
		writeEntry(dir, 'systems', systemData(), { name: 'zz-copie.mdx' });
		const problems = await check(dir);
		expect(problems).toContain(
			'systems/zz-copie.mdx:2: id: id "systeme-test" is already used by ' +
				join(dir, 'systems', 'systeme-test.mdx'),
		);
	});

	it('only accepts .mdx files in a kind folder', async () => {
		const dir = registryWith();
		writeFile(dir, 'models', 'notes.md', '# notes');
		expect(await check(dir)).toEqual([
			'models/notes.md:1: file: only .mdx files belong in models/: rename this file to <id>.mdx or move it',
		]);
	});

	it('reports a file without front matter and invalid YAML, with its line', async () => {
		const dir = registryWith();
		writeFile(dir, 'models', 'sans-entete.mdx', 'id: sans-entete\n');
		writeFile(dir, 'models', 'yaml-casse.mdx', '---\nid: yaml-casse\nname: [oops\n---\n');
		expect(await check(dir)).toEqual([
			'models/sans-entete.mdx:1: file: the file must start with YAML front matter between two "---" lines',
			'models/yaml-casse.mdx:3: front matter: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
		]);
	});

	it('does not end the front matter at a value that ends in ---', async () => {
		const dir = registryWith(systemData({ purpose: text('Tester ---', 'Testing ---') }));
		expect(await check(dir)).toEqual([]);
	});

	it('never lets one bad file hide the problems of the others', async () => {
		const dir = registryWith(
			systemData({ id: 'a', status: 'unknown-status' }),
			systemData({ id: 'b', approach: 'magic' }),
		);
		writeFile(dir, 'systems', 'c.mdx', '---\nid: [\n---\n');
		const problems = await check(dir);
		expect(problems.map((line) => line.split(':')[0])).toEqual([
			'systems/a.mdx',
			'systems/b.mdx',
			'systems/c.mdx',
		]);
	});

	it('keeps checking the rest of a file that fails its schema', async () => {
		const dir = registryWith(
			systemData({ status: 42, automation: 'by-hand', name: { fr: 'Nom seul' } }),
		);
		const path = join(dir, 'systems', 'systeme-test.mdx');
		expect(await check(dir)).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'name:')}: name.en: the English text is missing: write it, or set language.translation to missing`,
			`systems/systeme-test.mdx:${lineWith(path, 'status:')}: status: expected a string, found a number`,
			`systems/systeme-test.mdx:${lineWith(path, 'automation:')}: automation: unknown value "by-hand" for vocabulary automation-levels; expected one of: information, decision-support, partially-automated, fully-automated (to add one, add it in registry/vocabularies/automation-levels.yml, which extends the kit's list)`,
		]);
	});
});

describe('references and vocabularies', () => {
	it('reports a model reference that resolves to no entry', async () => {
		const { path, problems } = await checkSystem({
			models: [{ model: 'modele-absent', usage: text('Classe.', 'Sorts.') }],
		});
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'model: modele-absent')}: models.0.model: no model has the id "modele-absent" (expected a file models/modele-absent.mdx)`,
		]);
		const french = await checkSystem(
			{ models: [{ model: 'modele-absent', usage: text('Classe.', 'Sorts.') }] },
			'fr',
		);
		expect(french.problems[0]).toMatch(
			/models\.0\.model: aucun modèle n’a l’identifiant « modele-absent » \(fichier attendu : models\/modele-absent\.mdx\)$/,
		);
	});

	it('does not report a reference to an entry whose own file is invalid', async () => {
		const dir = registryWith();
		writeEntry(dir, 'models', modelData({ id: 'modele-casse', learningType: 42 }));
		writeEntry(
			dir,
			'systems',
			systemData({ id: 'autre', models: [{ model: 'modele-casse', usage: text('a', 'b') }] }),
		);
		const problems = await check(dir);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^models\/modele-casse\.mdx:\d+: learningType:/);
	});

	it('reports a model listed twice in a system', async () => {
		const use = { model: 'modele-test', usage: text('Classe.', 'Sorts.') };
		const { path, problems } = await checkSystem({ models: [use, use] });
		const second = lineWith(path, 'model: modele-test', 'last');
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${second}: models.1.model: "modele-test" is listed twice`,
		]);
	});

	it('reports unknown keys in single and list vocabulary fields, nested ones included', async () => {
		const { path, problems } = await checkSystem({
			principles: ['people-decide', 'move-fast'],
			dataSources: [{ name: text('Source', 'Source'), personalData: 'a-bit' }],
		});
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'move-fast')}: principles.1: unknown value "move-fast" for vocabulary principles; expected one of: people-decide, experimental-honest, personal-data-protected, human-review, sobriety, sparing-use, openness-transparency (to add one, add it in registry/vocabularies/principles.yml, which extends the kit's list)`,
			`systems/systeme-test.mdx:${lineWith(path, 'personalData')}: dataSources.0.personalData: unknown value "a-bit" for vocabulary personal-data; expected one of: none, pseudonymised, personal, sensitive (to add one, add it in registry/vocabularies/personal-data.yml, which extends the kit's list)`,
		]);
	});

	it('reports a key listed twice in a list vocabulary field, but not repeats across items', async () => {
		const source = (name: string) => ({ name: text(name, name), personalData: 'none' });
		const { problems } = await checkSystem({
			principles: ['sobriety', 'sobriety'],
			dataSources: [source('A'), source('B')],
		});
		expect(problems).toEqual([expect.stringMatching(/principles\.1: "sobriety" is listed twice$/)]);
	});

	it('reports a vocabulary file the schema names but the registry lacks, once', async () => {
		const dir = registryWith();
		rmSync(join(dir, 'vocabularies', 'domains.yml'));
		writeEntry(dir, 'systems', systemData({ id: 'avec-domaine', domain: 'anything' }));
		expect(await check(dir)).toEqual([
			`vocabularies/domains.yml:1: file: vocabulary "domains" is missing: create ${join(dir, 'vocabularies', 'domains.yml')} with its values and their French and English labels`,
		]);
	});

	it('reports an invalid vocabulary file, and a key defined twice', async () => {
		const dir = registryWith();
		writeFile(
			dir,
			'models',
			'../vocabularies/domains.yml',
			'label: { fr: Domaine, en: Area }\nvalues:\n  - key: a\n    label: { fr: A, en: A }\n  - key: a\n    label: { fr: A, en: A }\n',
		);
		writeFile(dir, 'models', '../vocabularies/statuses.yml', 'label: { fr: Statut }\nvalues: []\n');
		expect(await check(dir)).toEqual([
			'vocabularies/domains.yml:5: values.1.key: key "a" appears twice',
			'vocabularies/statuses.yml:1: label.en: required field is missing',
			'vocabularies/statuses.yml:2: values: must list at least 1 item',
		]);
	});
});

describe('rules between fields', () => {
	it('wants the end date after the start date', async () => {
		const { path, problems } = await checkSystem({
			startDate: '2025-05-01',
			endDate: '2025-04-30',
		});
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'endDate')}: endDate: the end date (2025-04-30) is before the start date (2025-05-01)`,
		]);
	});

	it('wants an end date for a retired system', async () => {
		const { path, problems } = await checkSystem({ status: 'retired' }, 'fr');
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'status')}: status: un système retiré doit avoir une date de retrait (endDate)`,
		]);
	});

	it('only records a prohibited practice for a retired system', async () => {
		const aiAct = {
			role: 'deployer',
			riskClass: 'prohibited',
			rationale: text('Art. 5.', 'Art. 5.'),
		};
		const { path, problems } = await checkSystem({ aiAct });
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'riskClass')}: aiAct.riskClass: a practice prohibited by Article 5 of the Act may only be recorded for a retired system`,
		]);
		expect(
			(await checkSystem({ aiAct, status: 'retired', endDate: '2025-01-31' })).problems,
		).toEqual([]);
	});

	it('wants the next review after the last one, and the last one not in the future', async () => {
		const { path, problems } = await checkSystem({
			review: { last: '2026-12-01', next: '2026-11-30' },
		});
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'last:')}: review.last: the date 2026-12-01 is in the future: give a date that has passed`,
			`systems/systeme-test.mdx:${lineWith(path, 'next:')}: review.next: the next review (2026-11-30) is before the last one (2026-12-01)`,
		]);
	});

	it('refuses an impact assessment dated in the future', async () => {
		const assessment = { type: 'dpia', date: '2026-11-22', summary: text('Faible.', 'Low.') };
		const { path, problems } = await checkSystem({ assessments: [assessment] });
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'date: 2026-11-22')}: assessments.0.date: the date 2026-11-22 is in the future: give a date that has passed`,
		]);
		const past = { ...assessment, date: today };
		expect((await checkSystem({ assessments: [past] })).problems).toEqual([]);
	});

	it('wants generativeAi for the generative approach', async () => {
		const { path, problems } = await checkSystem({ approach: 'generative' });
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'approach')}: approach: the generative approach requires generativeAi (hosting, retention, use for training, user disclosure)`,
		]);
	});

	it('leaves generativeAi optional for a hybrid of rules and classic machine learning', async () => {
		expect((await checkSystem({ approach: 'hybrid' })).problems).toEqual([]);
	});

	it('wants a source code address or the reason it is not published', async () => {
		const { path, problems } = await checkSystem({ sourceCode: {} });
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'sourceCode')}: sourceCode: give the source code’s address (url) or why it is not published (notPublishedReason)`,
		]);
	});

	it('wants at least one way to get in touch', async () => {
		const { path, problems } = await checkSystem({ contact: {} }, 'fr');
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'contact')}: contact: donnez au moins un moyen de contact : une adresse électronique (email) ou une page (url)`,
		]);
	});

	it('wants provenance field origins to name top-level fields', async () => {
		const { path, problems } = await checkSystem({
			provenance: { issue: 3, fields: { purpose: 'ai', 'owner.unit': 'form' } },
		});
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'owner.unit')}: provenance.fields.owner.unit: "owner.unit" is not a top-level field of this kind of entry`,
		]);
	});
});

describe('languages', () => {
	it('wants every text in the original language, nested and in lists too', async () => {
		const { path, problems } = await checkSystem({
			models: [{ model: 'modele-test', usage: { en: 'Sorts requests.' } }],
		});
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'usage:')}: models.0.usage.fr: the French text is missing, though French is the entry’s original language (language.original)`,
		]);
	});

	it('wants the other language unless the translation is missing', async () => {
		const { path, problems } = await checkSystem(
			{ owner: { unit: { fr: 'DSI' }, role: text('Chef', 'Head') } },
			'fr',
		);
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'unit:')}: owner.unit.en: le texte en anglais manque : écrivez-le, ou indiquez language.translation: missing`,
		]);
	});

	it('wants no text in the other language when the translation is missing', async () => {
		const model = modelData({
			language: { original: 'en', translation: 'missing' },
			name: { en: 'Test model' },
			provider: { en: 'Clairval Metropolitan Authority' },
			description: { en: 'A model.' },
			tasks: { en: 'Classify.' },
			trainingData: { en: 'Labelled examples.' },
			limitations: { en: 'Sometimes wrong.', fr: 'Se trompe parfois.' },
		});
		const dir = emptyRegistry();
		const path = writeEntry(dir, 'models', model);
		expect(await check(dir)).toEqual([
			`models/modele-test.mdx:${lineWith(path, 'fr: Se trompe')}: limitations.fr: language.translation is missing, so the entry has no French text yet: remove this one, or set it to human or machine`,
		]);
	});

	it('checks the body blocks with the same rules', async () => {
		const dir = registryWith();
		const path = writeEntry(dir, 'systems', systemData({ id: 'avec-corps' }), {
			body: '<Fr>\nTexte.\n</Fr>',
		});
		expect(await check(dir)).toEqual([
			`systems/avec-corps.mdx:${lineWith(path, '<Fr>')}: body: the body has no <En> block: add it, or set language.translation to missing`,
		]);
	});
});

describe('checkEntry', () => {
	it('checks a draft against a loaded registry, on the lines of the file it would become', async () => {
		const registry = await loadRegistry(registryWith());
		const draft = systemData({
			id: 'brouillon',
			status: 'deployed',
			models: [{ model: 'gpt-9', usage: text('Rédige.', 'Drafts.') }],
		});
		const problems = checkEntry('systems', draft, registry, { today });
		const file = serialiseEntry(draft);
		expect(problems.map((p) => `${p.line}: ${p.field}: ${p.message.en}`)).toEqual([
			`${lineIn(file, 'status:')}: status: unknown value "deployed" for vocabulary statuses; expected one of: planned, pilot, in-use, retired (to add one, add it in registry/vocabularies/statuses.yml, which extends the kit's list)`,
			`${lineIn(file, 'model: gpt-9')}: models.0.model: no model has the id "gpt-9" (expected a file models/gpt-9.mdx)`,
		]);
		expect(problems[0]?.path).toBe(join(registry.dir, 'systems', 'brouillon.mdx'));
	});

	it('reports schema problems and the other rules together', async () => {
		const registry = await loadRegistry(registryWith());
		const draft = systemData({ id: 'brouillon', contest: undefined, approach: 'generative' });
		const problems: Problem[] = checkEntry('systems', draft, registry, {
			today,
			path: 'draft.mdx',
		});
		expect(problems.map((p) => `${p.path}: ${p.field}: ${p.message.en}`)).toEqual([
			'draft.mdx: contest: required field is missing',
			'draft.mdx: approach: the generative approach requires generativeAi (hosting, retention, use for training, user disclosure)',
		]);
	});

	it('finds nothing wrong with a valid draft', async () => {
		const registry = await loadRegistry(registryWith());
		expect(checkEntry('systems', systemData({ id: 'nouveau' }), registry, { today })).toEqual([]);
	});
});

describe('characters that are never data', () => {
	const cases = [
		['a control character', '\u0007', 'control character (U+0007)'],
		['a bidirectional override', '\u202E', 'bidirectional control (U+202E)'],
		['a bidirectional isolate', '\u2066', 'bidirectional control (U+2066)'],
		['a zero-width space', '\u200B', 'invisible character (U+200B)'],
		['an invisible tag letter', '\u{E0041}', 'invisible character (U+E0041)'],
		['a soft hyphen', '\u00AD', 'invisible character (U+00AD)'],
		['a line separator', '\u2028', 'invisible character (U+2028)'],
		['a Hangul filler', '\u3164', 'invisible character (U+3164)'],
		['a noncharacter', '\uFFFF', 'Unicode noncharacter (U+FFFF)'],
		['a lone surrogate', '\uD800', 'Unicode noncharacter (U+D800)'],
	] as const;

	it.each(cases)(
		'rejects %s in a text, naming the file, line and field',
		async (_, character, what) => {
			const { path, problems } = await checkSystem({
				purpose: text(`Trier${character} le courrier.`, 'Sort mail.'),
			});
			expect(problems).toEqual([
				`systems/systeme-test.mdx:${lineWith(path, 'Trier')}: purpose.fr: contains a ${what} at character 6: remove it, it has no place in a published text`,
			]);
		},
	);

	it('rejects them in every string, lists and plain names included, in French too', async () => {
		const { path, problems } = await checkSystem(
			{ suppliers: [{ name: 'Éditeur\u202E', role: text('Fournit.', 'Supplies.') }] },
			'fr',
		);
		expect(problems).toEqual([
			`systems/systeme-test.mdx:${lineWith(path, 'Éditeur')}: suppliers.0.name: contient un contrôle bidirectionnel (U+202E) au caractère 8 : supprimez-le, il n’a pas sa place dans un texte publié`,
		]);
	});

	it('rejects them in an entry body and in a vocabulary', async () => {
		const dir = registryWith();
		const path = writeEntry(dir, 'models', modelData({ id: 'corps' }), {
			body: 'Premier paragraphe.\n\nSecond\u200B paragraphe.',
		});
		const vocabulary = join(dir, 'vocabularies', 'domains.yml');
		const original = readFileSync(vocabulary, 'utf8');
		writeFile(
			dir,
			'models',
			'../vocabularies/domains.yml',
			original.replace(/fr: (.)/, 'fr: \u202E$1'),
		);
		const problems = await check(dir);
		expect(problems).toContain(
			`models/corps.mdx:${lineWith(path, 'Second')}: body: contains a invisible character (U+200B) at character 7: remove it, it has no place in a published text`,
		);
		expect(problems).toContain(
			'vocabularies/domains.yml:2: label.fr: contains a bidirectional control (U+202E) at character 1: remove it, it has no place in a published text',
		);
	});

	it('accepts tabs, line breaks, accents, emoji and other scripts', async () => {
		const { problems } = await checkSystem({
			purpose: text('Trier\tle courrier : « été », 😀, Ελληνικά, العربية.\nDeux.', 'Sort mail.'),
		});
		expect(problems).toEqual([]);
	});
});

describe('files built to exhaust the checker', () => {
	it('reports an unknown YAML tag as a problem of its file, whatever it would build', async () => {
		const dir = registryWith();
		writeFile(dir, 'models', 'etiquette.mdx', '---\nid: etiquette\nname: !evil x\n---\n');
		writeFile(dir, 'models', 'binaire.mdx', '---\nid: binaire\nname: !!binary aGVsbG8=\n---\n');
		expect(await check(dir)).toEqual([
			'models/binaire.mdx:3: front matter: invalid YAML: Unresolved tag: tag:yaml.org,2002:binary',
			'models/etiquette.mdx:3: front matter: invalid YAML: Unresolved tag: !evil',
		]);
	});

	it('reports a YAML alias bomb as a problem of its file', async () => {
		const dir = registryWith();
		const lines = ['---', 'id: bombe', 'a0: &a0 [x, x, x, x, x, x, x, x, x]'];
		for (let level = 1; level < 10; level++) {
			lines.push(
				`a${level}: &a${level} [${Array(9)
					.fill(`*a${level - 1}`)
					.join(', ')}]`,
			);
		}
		writeFile(dir, 'models', 'bombe.mdx', `${lines.join('\n')}\n---\n`);
		expect(await check(dir)).toEqual([
			expect.stringMatching(
				/^models\/bombe\.mdx:2: front matter: invalid YAML: Excessive alias count/,
			),
		]);
	});

	it.each([1_000, 100_000])(
		'reports nesting %i levels deep as a problem of its file',
		async (depth) => {
			const dir = registryWith();
			writeFile(
				dir,
				'models',
				'profond.mdx',
				`---\nid: profond\nname: ${'['.repeat(depth)}${']'.repeat(depth)}\n---\n`,
			);
			// The YAML library refuses the deepest; either way the file is reported, nothing throws.
			const problems = await check(dir);
			expect(problems.length).toBeGreaterThan(0);
			for (const problem of problems) expect(problem).toMatch(/^models\/profond\.mdx:\d+: /);
		},
	);
});
