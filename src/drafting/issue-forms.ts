import { stringify } from 'yaml';
import type { Bilingual, VocabularyValue } from '../registry/schemas/index.ts';
import { entryKinds, kindOf, type EntryKind, type FormQuestion } from '../registry/kinds/index.ts';
import type { Vocabularies } from '../registry/vocabularies.ts';
import { commonFieldIds, entryFieldId, resolveField, type ResolvedField } from './form-fields.ts';

/**
 * The issue forms in `.github/ISSUE_TEMPLATE/`, generated from the schema (labels, help,
 * required fields) and the vocabularies (choices), so a form never drifts from the registry.
 * `npm run kit -- generate` rewrites them; `npm run kit -- generate --check` fails when they are out of date.
 */

/** The forms a contributor can pick, by what they are for. */
export type FormName = EntryKind | 'entry-error';

/** Every form, in the template chooser's order: one per kind, then "report an error". */
export const formNames: readonly FormName[] = [...entryKinds, 'entry-error'];

/** File of a form, or of the template chooser's configuration, in `.github/ISSUE_TEMPLATE/`. */
export function formFile(name: FormName | 'config'): string {
	if (name === 'config') return 'config.yml';
	if (name === 'entry-error') return 'entry-error.yml';
	return kindOf(name).form.file;
}

/** Label a form puts on its issues; the workflow and the publishing job filter on these. */
export function formLabel(name: FormName): string {
	return name === 'entry-error' ? 'registry: error report' : kindOf(name).form.label;
}

/** What the forms need to know besides the schema. */
export interface FormContext {
	vocabularies: Vocabularies;
	/** Whether an AI provider is configured; without one every schema-required field is asked. */
	aiAvailable: boolean;
	siteUrl: string;
	providerName: Bilingual;
	hosting: Bilingual;
}

/**
 * The two languages side by side, even when they are spelt the same (`Version / Version`): the
 * contributor sees that the question exists in their language, and labels stay unambiguous.
 */
export function bilingualLabel(text: Bilingual): string {
	return `${text.fr} / ${text.en}`;
}

/** Choices of the language question, in the order of `languages`. */
export const languageOptions = { fr: 'Français', en: 'English' } as const;

/** Choices of a yes/no question. */
export const booleanOptions = { true: 'Oui / Yes', false: 'Non / No' } as const;

/** The checkbox that opts an issue out of AI drafting. */
export const noAiOption = 'Ne pas rédiger avec l’IA / Do not draft with AI';

/** Labels of the questions every registry form asks besides entry fields. */
export const commonLabels = {
	language: 'Langue de rédaction / Language you write in',
	details: 'Description libre / Description in your own words',
	noAi: 'Assistant IA / AI assistant',
} as const;

/** Values of a vocabulary as form choices; throws when the vocabulary does not exist. */
export function vocabularyOptions(
	vocabularies: Vocabularies,
	name: string,
): { option: string; value: VocabularyValue }[] {
	const vocabulary = vocabularies.get(name);
	if (!vocabulary)
		throw new Error(`vocabulary "${name}" not found in vocabularies/ nor in the registry's own`);
	return vocabulary.values.map((value) => ({ option: bilingualLabel(value.label), value }));
}

/** The "declare …" form of a kind ("declare an AI system"). */
export function registryForm(kind: EntryKind, context: FormContext): Record<string, unknown> {
	const { form, nouns } = kindOf(kind);
	const what = nouns.a;
	const body: Record<string, unknown>[] = [
		markdown(intro(what, context)),
		{
			type: 'dropdown',
			id: commonFieldIds.language,
			attributes: {
				label: commonLabels.language,
				description:
					'La fiche est publiée dans cette langue ; l’autre sera traduite puis relue. — *The entry is published in this language; the other one will be translated, then reviewed.*',
				options: [languageOptions.fr, languageOptions.en],
			},
			validations: { required: true },
		},
		...form.questions.map((field) => question(kind, field, context)),
		{
			type: 'textarea',
			id: commonFieldIds.details,
			attributes: {
				label: commonLabels.details,
				description: `${form.details.fr} — *${form.details.en}*`,
			},
			validations: { required: true },
		},
	];
	if (context.aiAvailable) {
		body.push({
			type: 'checkboxes',
			id: commonFieldIds.noAi,
			attributes: {
				label: commonLabels.noAi,
				description:
					'Cochez pour que le brouillon soit fait uniquement à partir de vos réponses ; les questions obligatoires de la fiche devront alors toutes être remplies. — *Tick to have the draft made from your answers only; every question the entry requires must then be answered.*',
				options: [{ label: noAiOption }],
			},
		});
	}
	return {
		name: `Déclarer ${what.fr} / Declare ${what.en}`,
		description: `Proposer une nouvelle fiche du registre pour ${what.fr}. — Propose a new registry entry for ${what.en}.`,
		title: `[${bilingualLabel(form.title)}] `,
		labels: [form.label],
		body,
	};
}

/** One form question for an entry field, its wording and choices taken from the schema. */
function question(
	kind: EntryKind,
	field: FormQuestion,
	context: FormContext,
): Record<string, unknown> {
	const resolved = resolveField(kind, field.path);
	const required = field.alwaysRequired === true || (!context.aiAvailable && resolved.required);
	const label = bilingualLabel(resolved.doc.label);
	const help = `${resolved.doc.help.fr} — *${resolved.doc.help.en}*`;
	const validations = required ? { validations: { required: true } } : {};
	const choices = questionChoices(resolved, context);
	if (choices) {
		return {
			type: 'dropdown',
			id: field.id,
			attributes: {
				label,
				description: choices.definitions ? `${help}\n\n${choices.definitions}` : help,
				options: choices.options,
				...(choices.multiple && { multiple: true }),
			},
			...validations,
		};
	}
	const multiline = field.multiline === true || resolved.answer.type === 'model-uses';
	return {
		type: multiline ? 'textarea' : 'input',
		id: field.id,
		attributes: { label, description: `${help}${answerHint(resolved)}` },
		...validations,
	};
}

/** Choices of a dropdown question, with the vocabulary's definitions when it has some. */
function questionChoices(
	resolved: ResolvedField,
	context: FormContext,
): { options: string[]; multiple: boolean; definitions: string } | undefined {
	const { answer } = resolved;
	if (answer.type === 'boolean') {
		return {
			options: [booleanOptions.true, booleanOptions.false],
			multiple: false,
			definitions: '',
		};
	}
	if (answer.type !== 'vocabulary') return undefined;
	const options = vocabularyOptions(context.vocabularies, answer.vocabulary);
	const definitions = options
		.filter(({ value }) => value.definition)
		.map(
			({ option, value }) =>
				`- **${option}** : ${value.definition?.fr} — *${value.definition?.en}*`,
		)
		.join('\n');
	return { options: options.map(({ option }) => option), multiple: answer.multiple, definitions };
}

/** How to write an answer the parser must read, for the fields that have a format. */
function answerHint(resolved: ResolvedField): string {
	switch (resolved.answer.type) {
		case 'date':
			return ' (AAAA-MM-JJ / YYYY-MM-DD)';
		case 'integer':
			return ' (nombre entier / whole number)';
		case 'list':
			return ' (séparés par des virgules / comma-separated)';
		case 'model-uses':
			return '\n\nUne ligne par modèle : `nom ou identifiant du modèle : son usage`. — *One line per model: `model name or id: how it is used`.*';
		default:
			return '';
	}
}

function intro(what: Bilingual, context: FormContext): string {
	const ai = context.aiAvailable
		? `Un assistant d’IA (${context.providerName.fr}, ${context.hosting.fr}) rédige un brouillon de fiche à partir de vos réponses ; une personne le relit avant toute publication. Avant l’envoi, les adresses électroniques, numéros de téléphone, IBAN, numéros de sécurité sociale et adresses IP sont masqués.\n\n*An AI assistant (${context.providerName.en}, ${context.hosting.en}) drafts an entry from your answers; a person reviews it before anything is published. Before sending, e-mail addresses, phone numbers, IBANs, social security numbers and IP addresses are masked.*`
		: `Vos réponses deviennent un brouillon de fiche, relu par une personne avant toute publication.\n\n*Your answers become a draft entry, reviewed by a person before anything is published.*`;
	return `Ce formulaire propose ${what.fr} pour le registre public. N’y mettez pas de données personnelles : nommez des services et des fonctions, pas des personnes.\n\n*This form proposes ${what.en} for the public registry. Do not put personal data in it: name teams and roles, not people.*\n\n${ai}`;
}

function markdown(value: string): Record<string, unknown> {
	return { type: 'markdown', attributes: { value } };
}

/** The "report an error in an entry" form; the site links to it with `&entry=<kind>/<id>`. */
export function entryErrorForm(): Record<string, unknown> {
	return {
		name: 'Signaler une erreur dans une fiche / Report an error in an entry',
		description:
			'Une information du registre est fausse ou dépassée. — Something in the registry is wrong or out of date.',
		title: '[Erreur / Error] ',
		labels: [formLabel('entry-error')],
		body: [
			markdown(
				'Merci de signaler ce qui ne va pas ; l’équipe qui tient le registre vérifie et corrige la fiche. N’y mettez pas de données personnelles.\n\n*Thank you for reporting what is wrong; the team that keeps the registry checks and corrects the entry. Do not put personal data in it.*',
			),
			{
				type: 'input',
				id: entryFieldId,
				attributes: {
					label: 'Fiche concernée / Entry concerned',
					description:
						'Rempli par le lien « Signaler une erreur » de la fiche, sous la forme `type/identifiant` (`systems/identifiant`, `models/identifiant`…). — *Filled in by the entry’s “Report an error” link, as `kind/id` (`systems/id`, `models/id`…).*',
					placeholder: 'systems/…',
				},
				validations: { required: true },
			},
			{
				type: 'textarea',
				id: 'problem',
				attributes: {
					label: 'Ce qui est faux / What is wrong',
					description:
						'Le champ concerné et ce qui ne va pas. — *The field concerned and what is wrong with it.*',
				},
				validations: { required: true },
			},
			{
				type: 'textarea',
				id: 'correction',
				attributes: {
					label: 'Ce qu’il faudrait écrire / What it should say',
					description: 'Si vous le savez. — *If you know.*',
				},
			},
			{
				type: 'input',
				id: 'source',
				attributes: {
					label: 'Source / Source',
					description:
						'Un lien ou une référence qui appuie la correction. — *A link or reference supporting the correction.*',
				},
			},
		],
	};
}

/** The template chooser: forms first, and a link to the published registry. */
export function issueTemplateConfig(context: FormContext): Record<string, unknown> {
	return {
		blank_issues_enabled: true,
		contact_links: [
			{
				name: 'Registre publié / Published registry',
				url: context.siteUrl,
				about:
					'Consulter les fiches, la charte et la documentation avant d’ouvrir un ticket. — Read the entries, the charter and the documentation before opening an issue.',
			},
		],
	};
}

/** Every file of `.github/ISSUE_TEMPLATE/` this module owns, as data. */
export function issueTemplates(context: FormContext): Record<string, Record<string, unknown>> {
	return {
		...Object.fromEntries(entryKinds.map((kind) => [formFile(kind), registryForm(kind, context)])),
		[formFile('entry-error')]: entryErrorForm(),
		[formFile('config')]: issueTemplateConfig(context),
	};
}

/** A template serialised as YAML, with a header saying where it comes from. */
export function templateText(template: Record<string, unknown>): string {
	const header =
		'# Generated from the registry schema and vocabularies by src/drafting/issue-forms.ts.\n# Do not edit: change those, then run `npm run kit -- generate`.\n';
	return header + stringify(template, { lineWidth: 0, singleQuote: true });
}
