import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
	commonFieldIds,
	entryFieldId,
	generatedFields,
	resolveField,
} from '../../src/drafting/form-fields.ts';
import { templatesDir } from '../../src/drafting/form-templates.ts';
import { formFile, formKind, formNames, registryForm } from '../../src/drafting/issue-forms.ts';
import { formContext } from '../../src/drafting/form-context.ts';
import { loadSiteConfig } from '../../src/config/load.ts';
import { registryDir } from '../../src/config/site.ts';
import { staleGeneratedFiles } from '../../src/kit/generated.ts';
import { schemaFields } from '../../src/registry/schema-fields.ts';
import { entryKinds, entrySchemas, kindOf } from '../../src/registry/kinds/index.ts';

/**
 * The forms are checked against SchemaStore's schemas for GitHub issue forms and the template
 * chooser (vendored in fixtures/schemastore, Apache-2.0), plus the rules GitHub documents that
 * a JSON Schema cannot express (unique ids and labels, reserved answers).
 */
const ajv = new Ajv({ allErrors: true, strict: false });
const schemaStore = (name: string) =>
	JSON.parse(readFileSync(new URL(`./fixtures/schemastore/${name}.json`, import.meta.url), 'utf8'));
const validateForm = ajv.compile(schemaStore('github-issue-forms'));
const validateConfig = ajv.compile(schemaStore('github-issue-config'));

const committed = (file: string) => parse(readFileSync(join(templatesDir, file), 'utf8'));
const forms = formNames.map(formFile);

interface FormItem {
	type: string;
	id?: string;
	attributes: { label?: string; options?: (string | { label: string })[] };
}

describe('issue forms', () => {
	it('are, with CODEOWNERS, what the configuration and schemas generate (`npm run kit -- generate`)', async () => {
		expect(await staleGeneratedFiles(registryDir, loadSiteConfig())).toEqual([]);
	});

	it.each(forms)('%s validates against GitHub’s issue-forms schema', (file) => {
		expect(validateForm(committed(file)), JSON.stringify(validateForm.errors)).toBe(true);
	});

	it('config.yml validates against GitHub’s template-chooser schema', () => {
		expect(
			validateConfig(committed(formFile('config'))),
			JSON.stringify(validateConfig.errors),
		).toBe(true);
	});

	it.each(forms)('%s follows GitHub’s rules the schema cannot check', (file) => {
		const body = committed(file).body as FormItem[];
		const questions = body.filter((item) => item.type !== 'markdown');
		const ids = questions.map((item) => item.id);
		expect(ids.every((id) => id && /^[A-Za-z0-9_-]+$/.test(id))).toBe(true);
		expect(new Set(ids).size).toBe(ids.length);
		const labels = questions.map((item) => item.attributes.label);
		expect(new Set(labels).size).toBe(labels.length);
		for (const item of questions.filter((q) => q.type === 'dropdown')) {
			for (const option of item.attributes.options as string[]) {
				// `None` is what GitHub writes for an unanswered dropdown.
				expect(option).not.toBe('None');
				expect(option).not.toBe('_No response_');
			}
		}
	});

	it('are bilingual in their name and every question, a word both languages share said once', () => {
		for (const file of forms) {
			const form = committed(file);
			expect(form.name).toMatch(/ \/ /);
			for (const item of (form.body as FormItem[]).filter((q) => q.type !== 'markdown')) {
				const label = item.attributes.label ?? '';
				const [fr, en, ...rest] = label.split(' / ');
				expect(rest, `${file} ${item.id}`).toEqual([]);
				// Both languages, or one label both spell the same, never the same twice.
				expect(fr, `${file} ${item.id}`).not.toBe(en);
			}
		}
	});

	it('ask every registry form for the language, a free description and the AI opt-out', () => {
		for (const kind of entryKinds) {
			const ids = (committed(formFile(kind)).body as FormItem[]).map((item) => item.id);
			expect(ids).toEqual(expect.arrayContaining(Object.values(commonFieldIds)));
		}
	});

	it('give the error form an `entry` field the site can prefill', () => {
		const entry = (committed(formFile('entry-error')).body as FormItem[]).find(
			(item) => item.id === entryFieldId,
		);
		expect(entry?.type).toBe('input');
	});

	it('require only what no draft can do without, with or without AI: no answer left blank stops a draft', async () => {
		for (const aiAvailable of [true, false]) {
			const context = { ...(await formContext(registryDir, loadSiteConfig())), aiAvailable };
			for (const name of formNames) {
				const declared = formKind(name);
				if (!declared) continue;
				const form = registryForm(declared.kind, context, declared.tier) as {
					body: (FormItem & { validations?: { required?: boolean } })[];
				};
				const required = form.body
					.filter((item) => item.validations?.required)
					.map((item) => item.id);
				const always = kindOf(declared.kind)
					.form.questions.filter((field) => field.alwaysRequired)
					.map((field) => field.id);
				expect(required, name).toEqual([
					commonFieldIds.details,
					commonFieldIds.language,
					...always,
				]);
			}
		}
	});

	it('without an AI provider, say the team completes the entry, and offer no AI checkbox', async () => {
		const context = { ...(await formContext(registryDir, loadSiteConfig())), aiAvailable: false };
		const form = registryForm('systems', context) as { body: FormItem[] };
		expect(form.body.some((item) => item.id === commonFieldIds.noAi)).toBe(false);
		expect(JSON.stringify(form.body)).toContain('The registry team completes the entry');
		expect(JSON.stringify(form.body)).not.toContain('The AI proposes');
		expect(JSON.stringify(form.body)).not.toContain('AI assistant');
	});
});

describe('the language question', () => {
	it('offers the site’s root language first, already chosen, then the others', async () => {
		const context = await formContext(registryDir, loadSiteConfig());
		const languageOf = (languages: typeof context.languages) =>
			(registryForm('systems', { ...context, languages }) as { body: FormItem[] }).body.find(
				(item) => item.id === commonFieldIds.language,
			)?.attributes;
		expect(languageOf(['fr', 'en'])).toMatchObject({
			options: ['Français', 'English'],
			default: 0,
		});
		expect(languageOf(['en', 'fr'])).toMatchObject({
			options: ['English', 'Français'],
			default: 0,
		});
		// A site in English alone still takes an answer written in French.
		expect(languageOf(['en'])).toMatchObject({ options: ['English', 'Français'], default: 0 });
	});
});

/** The questions of a committed form, markdown left out. */
const questionsOf = (file: string) =>
	(committed(file).body as FormItem[]).filter((item) => item.type !== 'markdown');

describe('two tiers of forms (issue #14)', () => {
	it('a short form asks at most 8 questions for systems and models, 10 for the others', () => {
		for (const kind of entryKinds) {
			const questions = questionsOf(formFile(kind));
			const most = kindOf(kind).form.detailedFile ? 8 : 10;
			expect(questions.length, kind).toBeLessThanOrEqual(most);
		}
		expect(questionsOf(formFile('systems')).map((item) => item.id)).toEqual([
			'details',
			'language',
			'name',
			'status',
			'owner-unit',
			'models',
			'contact',
			'no-ai',
		]);
	});

	it('every registry form opens with the description, the one free text it requires', () => {
		for (const name of formNames.filter((form) => formKind(form))) {
			const [first] = questionsOf(formFile(name));
			expect(first?.id, name).toBe(commonFieldIds.details);
		}
	});

	it('a full form exactly when the descriptor marks questions `detailed`, and it asks them too', () => {
		for (const kind of entryKinds) {
			const { form } = kindOf(kind);
			const detailed = form.questions.filter((field) => field.detailed);
			expect(Boolean(form.detailedFile), kind).toBe(detailed.length > 0);
			if (!form.detailedFile) continue;
			const ids = questionsOf(formFile(`${kind}-detailed`)).map((item) => item.id);
			for (const field of form.questions) expect(ids, kind).toContain(field.id);
			// The short form's questions come first, in the same order.
			const short = questionsOf(formFile(kind)).map((item) => item.id);
			expect(ids.slice(0, short.length - 1)).toEqual(short.slice(0, -1));
		}
	});

	it('explain every choice of a dropdown, or none', () => {
		for (const file of forms) {
			for (const item of questionsOf(file).filter((q) => q.type === 'dropdown')) {
				const description = (item.attributes as { description?: string }).description ?? '';
				const explained = (item.attributes.options as string[]).filter((option) =>
					description.includes(`- **${option}** :`),
				);
				expect([0, item.attributes.options?.length], `${file} ${item.id}`).toContain(
					explained.length,
				);
			}
		}
	});

	it('keep the short system form short: under 6,000 characters of text', () => {
		expect(readFileSync(join(templatesDir, formFile('systems')), 'utf8').length).toBeLessThan(
			6_000,
		);
	});
});

describe('form → entry mapping', () => {
	it.each(entryKinds)('names only fields of the %s schema, once each', (kind) => {
		const paths = kindOf(kind).form.questions.map((field) => field.path);
		for (const path of paths) expect(() => resolveField(kind, path)).not.toThrow();
		expect(new Set(paths).size).toBe(paths.length);
		const ids = kindOf(kind).form.questions.map((field) => field.id);
		expect(new Set([...ids, ...Object.values(commonFieldIds)]).size).toBe(
			ids.length + Object.values(commonFieldIds).length,
		);
	});

	it('sets itself only fields the schemas have', () => {
		const names = entryKinds.flatMap((kind) => Object.keys(entrySchemas[kind].shape));
		for (const name of Object.values(generatedFields)) expect(names).toContain(name);
	});

	it.each(entryKinds.filter((kind) => kindOf(kind).form.detailedFile))(
		'asks in the full %s form every field the schema requires',
		(kind) => {
			const fields = schemaFields(entrySchemas[kind]);
			const requiredPaths = new Set(
				fields.filter((field) => field.required && !field.list).map((f) => f.path.join('.')),
			);
			const asked = new Set(kindOf(kind).form.questions.map((field) => field.path));
			const generated = new Set<string>(Object.values(generatedFields));
			for (const field of fields) {
				const path = field.path.join('.');
				const ancestorsRequired = field.path
					.slice(0, -1)
					.every((_, i) => requiredPaths.has(field.path.slice(0, i + 1).join('.')));
				const isLeaf = field.type !== 'object';
				if (!field.required || !ancestorsRequired || !isLeaf || field.list) continue;
				if (generated.has(field.path[0] ?? '')) continue;
				expect(asked, `${kind}: ${path} is required but no form question fills it`).toContain(path);
			}
		},
	);

	it.each(entryKinds)('fills a text field of %s from the description, if it names one', (kind) => {
		const path = kindOf(kind).form.detailsField;
		if (path) expect(resolveField(kind, path).answer.type).toBe('text');
	});
});
