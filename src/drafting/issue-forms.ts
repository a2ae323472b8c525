import { stringify } from 'yaml';
import { correctionForms, type Correction } from '../contract/draft-report.ts';
import { correctionFormLabels } from '../contract/labels.ts';
import { languages, type Bilingual, type VocabularyValue } from '../registry/schemas/index.ts';
import type { SiteLanguages } from '../config/languages.ts';
import { entryKinds, kindOf, type EntryKind, type FormQuestion } from '../registry/kinds/index.ts';
import type { Vocabularies } from '../registry/vocabularies.ts';
import { commonFieldIds, entryFieldId, resolveField, type ResolvedField } from './form-fields.ts';

/**
 * The issue forms in `.github/ISSUE_TEMPLATE/`, generated from the schema (labels, help,
 * required fields) and the vocabularies (choices), so a form never drifts from the registry.
 * `npm run kit -- generate` rewrites them; `npm run kit -- generate --check` fails when they are out of date.
 */

/** The full form of a kind, for the kinds whose descriptor declares one (`form.detailedFile`). */
export type DetailedFormName = `${EntryKind}-detailed`;

/** The forms that correct or update an existing entry, for every kind. */
export type CorrectionForm = Correction['form'];

/** The forms a contributor can pick, by what they are for. */
export type FormName = EntryKind | DetailedFormName | CorrectionForm;

/** The two tiers of a kind's forms: the short one, and the full one when the kind has it. */
export type FormTier = 'short' | 'detailed';

/**
 * Every form, in the template chooser's order: each kind's short then full form, then the
 * corrections (an error, an update).
 */
export const formNames: readonly FormName[] = [
	...entryKinds.flatMap((kind): FormName[] =>
		kindOf(kind).form.detailedFile ? [kind, `${kind}-detailed`] : [kind],
	),
	...correctionForms,
];

/** Whether a form corrects an existing entry rather than declares one. */
export function isCorrectionForm(name: FormName): name is CorrectionForm {
	return (correctionForms as readonly string[]).includes(name);
}

/** The kind a form declares and its tier, or `undefined` for the correction forms. */
export function formKind(name: FormName): { kind: EntryKind; tier: FormTier } | undefined {
	if (isCorrectionForm(name)) return undefined;
	if (name.endsWith('-detailed')) {
		return { kind: name.slice(0, -'-detailed'.length) as EntryKind, tier: 'detailed' };
	}
	return { kind: name as EntryKind, tier: 'short' };
}

/** File of a form, or of the template chooser's configuration, in `.github/ISSUE_TEMPLATE/`. */
export function formFile(name: FormName | 'config'): string {
	if (name === 'config') return 'config.yml';
	if (isCorrectionForm(name)) return `${name}.yml`;
	const declared = formKind(name);
	if (!declared) throw new Error(`${name}: not a form`);
	const { form } = kindOf(declared.kind);
	const file = declared.tier === 'detailed' ? form.detailedFile : form.file;
	if (!file) throw new Error(`${declared.kind}: no detailedFile in the descriptor's form`);
	return file;
}

/** Label a form puts on its issues; the workflow and the publishing job filter on these. */
export function formLabel(name: FormName): string {
	if (isCorrectionForm(name)) return correctionFormLabels[name];
	const declared = formKind(name);
	if (!declared) throw new Error(`${name}: not a form`);
	return kindOf(declared.kind).form.label;
}

/** The questions a form asks of a kind's fields, in form order. */
export function formQuestions(kind: EntryKind, tier: FormTier): FormQuestion[] {
	const { questions } = kindOf(kind).form;
	return tier === 'detailed' ? [...questions] : questions.filter((field) => !field.detailed);
}

/** What the forms need to know besides the schema. */
export interface FormContext {
	vocabularies: Vocabularies;
	/** Whether an AI provider is configured: the forms then say that an AI completes the entry. */
	aiAvailable: boolean;
	siteUrl: string;
	providerName: Bilingual;
	hosting: Bilingual;
	/** The site's languages, the root one first (`site.languages`): the language question's order. */
	languages: SiteLanguages;
}

/**
 * The two languages side by side (`Nom / Name`), or one word when both spell it the same
 * (`Version`, `Contact`): a label never reads twice.
 */
export function bilingualLabel(text: Bilingual): string {
	return text.fr === text.en ? text.fr : `${text.fr} / ${text.en}`;
}

/** Choices of the language question. */
export const languageOptions = { fr: 'Français', en: 'English' } as const;

/**
 * The language question's choices, the site's root language first and chosen already (one
 * question fewer for most contributors), then the other languages entries are written in.
 */
function languageChoices(context: FormContext): { options: string[]; default: 0 } {
	const order = [
		...context.languages,
		...languages.filter((lang) => !context.languages.includes(lang)),
	];
	return { options: order.map((lang) => languageOptions[lang]), default: 0 };
}

/** Choices of a yes/no question. */
export const booleanOptions = { true: 'Oui / Yes', false: 'Non / No' } as const;

/** The checkbox that opts an issue out of AI drafting. */
export const noAiOption = 'Ne pas rédiger avec l’IA / Do not draft with AI';

/** Labels of the questions every registry form asks besides entry fields. */
export const commonLabels = {
	language: { fr: 'Langue de rédaction', en: 'Language you write in' },
	details: { fr: 'Description, en quelques phrases', en: 'Description, in a few sentences' },
	noAi: { fr: 'Assistant IA', en: 'AI assistant' },
} as const satisfies Record<string, Bilingual>;

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

/**
 * The "declare …" form of a kind ("declare an AI system"), short or full. The description comes
 * first, since everything else can be drawn from it; only the name (and what the descriptor
 * marks `alwaysRequired`) is required: whatever else the entry needs, the AI proposes or a
 * maintainer completes, so that no answer left blank ever stops a draft.
 */
export function registryForm(
	kind: EntryKind,
	context: FormContext,
	tier: FormTier = 'short',
): Record<string, unknown> {
	const { form, nouns } = kindOf(kind);
	const what = nouns.a;
	const completes = context.aiAvailable
		? {
				fr: 'L’IA propose le reste de la fiche à partir de ce texte.',
				en: 'The AI proposes the rest of the entry from this text.',
			}
		: {
				fr: 'L’équipe du registre complète la fiche à partir de ce texte.',
				en: 'The registry team completes the entry from this text.',
			};
	const body: Record<string, unknown>[] = [
		markdown(intro(kind, tier, context)),
		{
			type: 'textarea',
			id: commonFieldIds.details,
			attributes: {
				label: bilingualLabel(commonLabels.details),
				description: `${form.details.fr} ${completes.fr} — *${form.details.en} ${completes.en}*`,
			},
			validations: { required: true },
		},
		{
			type: 'dropdown',
			id: commonFieldIds.language,
			attributes: {
				label: bilingualLabel(commonLabels.language),
				description:
					'La langue de vos réponses ; l’autre est traduite puis relue. — *The language of your answers; the other one is translated, then reviewed.*',
				...languageChoices(context),
			},
			validations: { required: true },
		},
		...formQuestions(kind, tier).map((field) => question(kind, field, context)),
	];
	if (context.aiAvailable)
		body.push(
			noAiQuestion(
				'Cochez pour que rien ne soit envoyé à l’IA : le brouillon reprend vos seules réponses, et l’équipe du registre complète le reste. — *Tick to send nothing to the AI: the draft copies your answers only, and the registry team completes the rest.*',
			),
		);
	const detailed = tier === 'detailed';
	return {
		name: detailed
			? `Déclarer ${what.fr}, en détail / Declare ${what.en}, in detail`
			: `Déclarer ${what.fr} / Declare ${what.en}`,
		description: detailed
			? `Toutes les questions de la fiche, facultatives. — Every question of the entry, all optional.`
			: `Quelques questions ; le reste de la fiche est complété ensuite. — A few questions; the rest of the entry is completed afterwards.`,
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
	const label = bilingualLabel(resolved.doc.label);
	const help = `${resolved.doc.help.fr} — *${resolved.doc.help.en}*`;
	const validations = field.alwaysRequired === true ? { validations: { required: true } } : {};
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

/**
 * Choices of a dropdown question, with the vocabulary's definitions when every value has one:
 * a list explaining some choices and not others would leave the contributor guessing.
 */
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
	const complete = options.every(({ value }) => value.definition);
	const definitions = complete
		? options
				.map(
					({ option, value }) =>
						`- **${option}** : ${value.definition?.fr} — *${value.definition?.en}*`,
				)
				.join('\n')
		: '';
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
		case 'contact':
			return ' (une adresse électronique, une page web https://…, ou les deux / an email address, a web page https://…, or both)';
		case 'model-uses':
			return '\n\nUne ligne par modèle : `nom du modèle : son usage`. — *One line per model: `model name: how it is used`.*';
		default:
			return '';
	}
}

function intro(kind: EntryKind, tier: FormTier, context: FormContext): string {
	const { nouns, form } = kindOf(kind);
	const what = nouns.a;
	const ai = context.aiAvailable
		? {
				fr: `Un assistant d’IA (${context.providerName.fr}, ${context.hosting.fr}) complète la fiche à partir de votre description, après en avoir masqué adresses électroniques, numéros de téléphone, IBAN, numéros de sécurité sociale et adresses IP. Une personne relit tout avant publication.`,
				en: `An AI assistant (${context.providerName.en}, ${context.hosting.en}) completes the entry from your description, once e-mail addresses, phone numbers, IBANs, social security numbers and IP addresses are masked. A person reviews everything before it is published.`,
			}
		: {
				fr: 'Vos réponses deviennent un brouillon de fiche, que l’équipe du registre complète et relit avant toute publication.',
				en: 'Your answers become a draft entry, which the registry team completes and reviews before anything is published.',
			};
	const other =
		form.detailedFile && tier === 'short'
			? {
					fr: ` Pour tout renseigner vous-même, choisissez « Déclarer ${what.fr}, en détail ».`,
					en: ` To give every detail yourself, choose “Declare ${what.en}, in detail”.`,
				}
			: { fr: '', en: '' };
	return `Ce formulaire propose ${what.fr} pour le registre public. Tout y est public : nommez des services et des fonctions, pas des personnes.\n\n${ai.fr}${other.fr}\n\n*This form proposes ${what.en} for the public registry. Everything in it is public: name teams and roles, not people.*\n\n*${ai.en}${other.en}*`;
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
					label: 'Source',
					description:
						'Un lien ou une référence qui appuie la correction. — *A link or reference supporting the correction.*',
				},
			},
		],
	};
}

/** A question of the "update an entry" form and the kinds whose entries it applies to. */
export interface UpdateQuestion {
	question: FormQuestion;
	kinds: EntryKind[];
}

/**
 * The questions of the "update an entry" form: every kind's `form.updates`, each id asked once.
 * Two kinds asking the same id must mean the same field, answered the same way.
 */
export function updateQuestions(): UpdateQuestion[] {
	const byId = new Map<string, UpdateQuestion>();
	for (const kind of entryKinds) {
		for (const question of kindOf(kind).form.updates ?? []) {
			const known = byId.get(question.id);
			if (!known) {
				byId.set(question.id, { question, kinds: [kind] });
				continue;
			}
			const first = known.kinds[0] as EntryKind;
			const same =
				known.question.path === question.path &&
				JSON.stringify(resolveField(first, question.path).answer) ===
					JSON.stringify(resolveField(kind, question.path).answer);
			if (!same) {
				throw new Error(
					`form.updates: "${question.id}" of ${kind} is not the field it is for ${first}; give it another id`,
				);
			}
			known.kinds.push(kind);
		}
	}
	return [...byId.values()];
}

/** Labels of the questions the correction forms ask besides entry fields. */
export const correctionQuestionLabels = {
	entry: { fr: 'Fiche concernée', en: 'Entry concerned' },
	changes: { fr: 'Ce qui change', en: 'What changes' },
	problem: { fr: 'Ce qui est faux', en: 'What is wrong' },
	correction: { fr: 'Ce qu’il faudrait écrire', en: 'What it should say' },
	source: { fr: 'Source', en: 'Source' },
} as const satisfies Record<string, Bilingual>;

/**
 * The "update an entry" form, for every kind: the entry (as `kind/id` or its page's address),
 * what changes in a few sentences, then the kinds' update questions (a status, a review done…),
 * each saying which kinds it applies to. Answers map onto fields, applied as they are; the AI,
 * when there is one, also edits from the text.
 */
export function entryUpdateForm(context: FormContext): Record<string, unknown> {
	const applies = (kinds: readonly EntryKind[]) => ({
		fr: kinds.map((kind) => kindOf(kind).nouns.all.fr).join(', '),
		en: kinds.map((kind) => kindOf(kind).nouns.all.en).join(', '),
	});
	const questions = updateQuestions().map(({ question: field, kinds }) => {
		const asked = question(kinds[0] as EntryKind, field, context) as {
			attributes: { description: string };
		};
		const { fr, en } = applies(kinds);
		const added =
			resolveField(kinds[0] as EntryKind, field.path).answer.type === 'model-uses'
				? { fr: ' Ajoutés à ceux de la fiche.', en: ' Added to those of the entry.' }
				: { fr: '', en: '' };
		asked.attributes.description = `Pour : ${fr}. Laissez vide si cela ne change pas.${added.fr} — *For: ${en}. Leave blank if it does not change.${added.en}*\n\n${asked.attributes.description}`;
		return asked;
	});
	const ai = context.aiAvailable
		? {
				fr: 'Un assistant d’IA propose la fiche modifiée à partir de vos réponses (données personnelles masquées avant l’envoi) ; une personne relit la modification avant publication.',
				en: 'An AI assistant proposes the edited entry from your answers (personal data masked before sending); a person reviews the change before it is published.',
			}
		: {
				fr: 'Vos réponses deviennent une demande de modification de la fiche, que l’équipe du registre complète et relit avant publication.',
				en: 'Your answers become a request to change the entry, which the registry team completes and reviews before it is published.',
			};
	const body: Record<string, unknown>[] = [
		markdown(
			`Ce formulaire met à jour une fiche du registre : un statut qui change, un retrait, un nouveau modèle utilisé, une revue faite. Tout y est public : nommez des services et des fonctions, pas des personnes.\n\n${ai.fr}\n\n*This form updates an entry of the registry: a status that changes, a retirement, a new model used, a review done. Everything in it is public: name teams and roles, not people.*\n\n*${ai.en}*`,
		),
		{
			type: 'input',
			id: entryFieldId,
			attributes: {
				label: bilingualLabel(correctionQuestionLabels.entry),
				description:
					'`type/identifiant` (`systems/identifiant`, `models/identifiant`…) ou l’adresse de la page de la fiche. — *`kind/id` (`systems/id`, `models/id`…) or the address of the entry’s page.*',
				placeholder: 'systems/…',
			},
			validations: { required: true },
		},
		{
			type: 'dropdown',
			id: commonFieldIds.language,
			attributes: {
				label: bilingualLabel(commonLabels.language),
				description: 'La langue de vos réponses. — *The language of your answers.*',
				...languageChoices(context),
			},
			validations: { required: true },
		},
		{
			type: 'textarea',
			id: commonFieldIds.details,
			attributes: {
				label: bilingualLabel(correctionQuestionLabels.changes),
				description:
					'Ce qui change dans la fiche et pourquoi, en quelques phrases ; les questions suivantes, facultatives, disent le reste. — *What changes in the entry and why, in a few sentences; the optional questions below say the rest.*',
			},
		},
		...questions,
		{
			type: 'input',
			id: 'source',
			attributes: {
				label: bilingualLabel(correctionQuestionLabels.source),
				description:
					'Un lien ou une référence qui appuie la modification. — *A link or reference supporting the change.*',
			},
		},
	];
	if (context.aiAvailable)
		body.push(
			noAiQuestion(
				'Cochez pour que rien ne soit envoyé à l’IA : vos réponses sont appliquées telles quelles, et l’équipe du registre fait le reste. — *Tick to send nothing to the AI: your answers are applied as they are, and the registry team does the rest.*',
			),
		);
	return {
		name: 'Mettre à jour une fiche / Update an entry',
		description:
			'Un statut, un retrait, un nouveau modèle utilisé, une revue faite. — A status, a retirement, a new model used, a review done.',
		title: '[Mise à jour / Update] ',
		labels: [formLabel('entry-update')],
		body,
	};
}

/** The "do not draft with AI" tick box, with what ticking it does on this form. */
function noAiQuestion(description: string): Record<string, unknown> {
	return {
		type: 'checkboxes',
		id: commonFieldIds.noAi,
		attributes: {
			label: bilingualLabel(commonLabels.noAi),
			description,
			options: [{ label: noAiOption }],
		},
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
	const registryForms = formNames.flatMap((name) => {
		const declared = formKind(name);
		return declared ? [[formFile(name), registryForm(declared.kind, context, declared.tier)]] : [];
	});
	return {
		...Object.fromEntries(registryForms),
		[formFile('entry-error')]: entryErrorForm(),
		[formFile('entry-update')]: entryUpdateForm(context),
		[formFile('config')]: issueTemplateConfig(context),
	};
}

/** A template serialised as YAML, with a header saying where it comes from. */
export function templateText(template: Record<string, unknown>): string {
	const header =
		'# Generated from the registry schema and vocabularies by src/drafting/issue-forms.ts.\n# Do not edit: change those, then run `npm run kit -- generate`.\n';
	return header + stringify(template, { lineWidth: 0, singleQuote: true });
}
