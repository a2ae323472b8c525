import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { formFile, formNames, type FormName } from './issue-forms.ts';

/** A committed issue form, as the parser needs it. */
export interface FormTemplate {
	name: FormName;
	/** The YAML text, handed to `@github/issue-parser`. */
	text: string;
	/** Labels of the questions, in form order: the `### ` headings GitHub writes in the body. */
	headings: string[];
	/** Label the form puts on the issue. */
	issueLabels: string[];
}

/** Default folder of the issue forms, relative to the repository root. */
export const templatesDir = '.github/ISSUE_TEMPLATE';

/**
 * Reads the committed forms: an issue is parsed against the form GitHub actually showed, not
 * against what the schema would generate today.
 */
export async function loadFormTemplates(dir: string = templatesDir): Promise<FormTemplate[]> {
	return Promise.all(
		formNames.map(async (name) => {
			const text = await readFile(join(dir, formFile(name)), 'utf8');
			const form = parse(text) as {
				labels?: string[];
				body: { type: string; attributes: { label?: string } }[];
			};
			const headings = form.body
				.filter((item) => item.type !== 'markdown')
				.map((item) => item.attributes.label ?? '');
			return { name, text, headings, issueLabels: form.labels ?? [] };
		}),
	);
}
