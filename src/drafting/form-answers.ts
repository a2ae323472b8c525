import type { Checkboxes, ParsedBody } from '@github/issue-parser';
import { issueMessage } from '../registry/schema-issues.ts';
import type { Bilingual, Language, Text } from '../registry/schemas/index.ts';
import { kindOf, type EntryKind, type FormQuestion } from '../registry/kinds/index.ts';
import type { Registry } from '../registry/load.ts';
import type { Vocabularies } from '../registry/vocabularies.ts';
import { commonFieldIds, resolveField } from './form-fields.ts';
import {
	booleanOptions,
	commonLabels,
	languageOptions,
	noAiOption,
	vocabularyOptions,
} from './issue-forms.ts';
import type { DraftError } from './report.ts';

/** One answered question, converted to the value its entry field takes. */
export interface FieldAnswer {
	field: FormQuestion;
	/** The answer as typed, for the prompt. */
	text: string;
	value: unknown;
}

/** A registry form's answers, read and checked before anything is sent anywhere. */
export interface FormAnswers {
	kind: EntryKind;
	original: Language;
	noAi: boolean;
	/** The free-text description. */
	details: string;
	answers: FieldAnswer[];
	/** Model names from the "models used" answer that match no entry of the registry. */
	unknownModels: string[];
	/** The same models with how the answer says they are used, for new model entries. */
	unknownModelUses: UnknownModelUse[];
	errors: DraftError[];
}

/** A model the answer names that the registry lacks, and its use as the answer says it. */
export interface UnknownModelUse {
	name: string;
	usage: Partial<Record<Language, string>>;
}

/** A model of the registry, as the "models used" answer may name it (by its id or a name). */
export interface KnownModel {
	id: string;
	/** Its name in each language: the answer may give either. */
	name: string | Text;
}

/** The registry's models, as the "models used" answer may name them. */
export function knownModels(registry: Registry): KnownModel[] {
	return registry.models.map((entry) => ({ id: entry.id, name: entry.data.name }));
}

/** A model's names, lower-cased, in both languages. */
function modelNames(model: KnownModel): string[] {
	const { name } = model;
	const names = typeof name === 'string' ? [name] : [name.fr, name.en];
	return names.flatMap((one) => (one ? [one.toLowerCase()] : []));
}

/** Reads each answer into its entry field's type; every answer that cannot be is an error. */
export function readAnswers(
	kind: EntryKind,
	parsed: ParsedBody,
	vocabularies: Vocabularies,
	models: readonly KnownModel[],
): FormAnswers {
	const errors: DraftError[] = [];
	const languageAnswer = joined(parsed[commonFieldIds.language]);
	const original: Language = languageAnswer === languageOptions.en ? 'en' : 'fr';
	if (languageAnswer !== languageOptions.fr && languageAnswer !== languageOptions.en) {
		errors.push(missing(commonFieldIds.language, commonLabels.language));
	}
	const details = text(parsed[commonFieldIds.details]);
	if (!details) {
		errors.push(missing(commonFieldIds.details, commonLabels.details));
	}
	const result: FormAnswers = {
		kind,
		original,
		noAi: isChecked(parsed[commonFieldIds.noAi], noAiOption),
		details,
		answers: [],
		unknownModels: [],
		unknownModelUses: [],
		errors,
	};
	// Every question of the kind: a short form's issue simply has no answer to the full form's.
	const read = readQuestions(kind, kindOf(kind).form.questions, parsed, {
		original,
		vocabularies,
		models,
	});
	result.answers = read.answers;
	result.unknownModels = read.unknownModels;
	result.unknownModelUses = read.unknownModelUses;
	errors.push(...read.errors);
	return result;
}

/**
 * Reads the answers to some questions of a kind's fields (a declaring form's, or the update
 * form's), each into its field's type; an answer that cannot be is an error on its question.
 */
export function readQuestions(
	kind: EntryKind,
	questions: readonly FormQuestion[],
	parsed: ParsedBody,
	context: { original: Language; vocabularies: Vocabularies; models: readonly KnownModel[] },
): Pick<FormAnswers, 'answers' | 'unknownModels' | 'unknownModelUses' | 'errors'> {
	const result: Pick<FormAnswers, 'answers' | 'unknownModels' | 'unknownModelUses' | 'errors'> = {
		answers: [],
		unknownModels: [],
		unknownModelUses: [],
		errors: [],
	};
	for (const field of questions) {
		const raw = parsed[field.id];
		const typed = Array.isArray(raw) ? raw.join(', ') : text(raw);
		if (!typed) {
			if (field.alwaysRequired) result.errors.push(missing(field.id, questionLabel(kind, field)));
			continue;
		}
		const { original, vocabularies, models } = context;
		const converted = convert(kind, field, typed, original, vocabularies, models);
		if ('error' in converted) {
			result.errors.push({ field: field.id, message: converted.error });
			continue;
		}
		result.unknownModels.push(...(converted.unknownModels ?? []).map((use) => use.name));
		result.unknownModelUses.push(...(converted.unknownModels ?? []));
		result.answers.push({ field, text: typed, value: converted.value });
	}
	return result;
}

/** A question's answer as typed (trimmed; options re-joined), empty when unanswered. */
export function answerText(parsed: ParsedBody, id: string): string {
	const raw = parsed[id];
	return Array.isArray(raw) ? raw.join(', ').trim() : text(raw);
}

/** Whether the "do not draft with AI" box is ticked. */
export function noAiTicked(parsed: ParsedBody): boolean {
	return isChecked(parsed[commonFieldIds.noAi], noAiOption);
}

type Converted = { value: unknown; unknownModels?: UnknownModelUse[] } | { error: Bilingual };

/** Turns one typed answer into its field's value and checks it against the field's schema. */
function convert(
	kind: EntryKind,
	field: FormQuestion,
	typed: string,
	original: Language,
	vocabularies: Vocabularies,
	models: readonly KnownModel[],
): Converted {
	const resolved = resolveField(kind, field.path);
	const label = resolved.doc.label;
	const { answer } = resolved;
	let converted: Converted;
	switch (answer.type) {
		case 'text':
			converted = { value: { [original]: typed } };
			break;
		case 'integer': {
			const digits = typed.replace(/[\s_\u00a0\u202f.,]/g, '');
			converted = /^\d+$/.test(digits)
				? { value: Number(digits) }
				: { error: wrong(label, 'un nombre entier', 'a whole number', typed) };
			break;
		}
		case 'boolean':
			converted =
				typed === booleanOptions.true
					? { value: true }
					: typed === booleanOptions.false
						? { value: false }
						: { error: wrong(label, 'Oui ou Non', 'Yes or No', typed) };
			break;
		case 'vocabulary': {
			const keys = matchOptions(typed, vocabularyOptions(vocabularies, answer.vocabulary));
			converted = keys
				? { value: answer.multiple ? keys : keys[0] }
				: { error: wrong(label, 'un des choix du formulaire', 'one of the form’s choices', typed) };
			break;
		}
		case 'list':
			converted = { value: splitList(typed) };
			break;
		case 'model-uses':
			converted = readModelUses(typed, original, models);
			break;
		case 'contact':
			converted = readContact(typed, answer, label);
			break;
		default:
			converted = { value: typed };
	}
	if ('error' in converted) return converted;
	const check = resolved.schema.safeParse(converted.value);
	const issue = check.error?.issues[0];
	if (issue) {
		const message = issueMessage(issue, converted.value);
		return {
			error: {
				fr: `« ${label.fr} » : ${message.fr} (« ${clip(typed)} »).`,
				en: `"${label.en}": ${message.en} ("${clip(typed)}").`,
			},
		};
	}
	return converted;
}

/**
 * Matches a dropdown answer against the options. The parser splits answers on commas, which a
 * vocabulary label may contain, so the answer is re-joined and consumed option by option.
 */
function matchOptions(
	typed: string,
	options: ReturnType<typeof vocabularyOptions>,
): string[] | undefined {
	const byLength = [...options].sort((a, b) => b.option.length - a.option.length);
	const keys: string[] = [];
	let rest = typed.trim();
	while (rest) {
		const match = byLength.find(({ option }) => rest === option || rest.startsWith(`${option},`));
		if (!match) return undefined;
		keys.push(match.value.key);
		rest = rest.slice(match.option.length).replace(/^,\s*/, '');
	}
	return keys.length > 0 ? keys : undefined;
}

/**
 * Reads "models used", one line per model: `name or id: how it is used`. Names that match no
 * model of the registry are set aside: the AI is offered only existing ids, and without AI the
 * contributor is asked to declare the model first.
 */
function readModelUses(
	typed: string,
	original: Language,
	models: readonly KnownModel[],
): Converted {
	const uses: { model: string; usage: Partial<Record<Language, string>> }[] = [];
	const unknownModels: UnknownModelUse[] = [];
	for (const line of typed.split('\n')) {
		const cleaned = line.replace(/^\s*[-*•]\s*/, '').trim();
		if (!cleaned) continue;
		// A colon only when followed by a space: Ollama model names contain colons (`llama3.1:8b`).
		// No `\s*` around the separator in the regex: tried from each space of a long run, it
		// would rescan the run every time; trimming after is linear.
		const separator = /:(?=\s|$)|\s[—–-]\s/.exec(cleaned);
		const name = separator ? cleaned.slice(0, separator.index) : cleaned;
		const usage = separator ? cleaned.slice(separator.index + separator[0].length).trim() : '';
		const wanted = name.trim().toLowerCase();
		const model = models.find((m) => m.id === wanted || modelNames(m).includes(wanted));
		if (!model) {
			unknownModels.push({ name: name.trim(), usage: usage ? { [original]: usage } : {} });
			continue;
		}
		uses.push({ model: model.id, usage: usage ? { [original]: usage } : {} });
	}
	return { value: uses, unknownModels };
}

/**
 * Reads a contact answer: an email address, a web page, or both separated by a space or a
 * comma. Each part is told by its form (an `@` and no scheme, or `http(s)://`) and checked by
 * the field's schema afterwards.
 */
function readContact(
	typed: string,
	keys: { email: string; url: string },
	label: Bilingual,
): Converted {
	const value: Record<string, string> = {};
	for (const part of typed.split(/[\s,;]+/).filter(Boolean)) {
		const key = /^https?:\/\//i.test(part) ? keys.url : part.includes('@') ? keys.email : undefined;
		if (!key || value[key] !== undefined) {
			return {
				error: wrong(
					label,
					'une adresse électronique, une page web (https://…), ou les deux',
					'an email address, a web page (https://…), or both',
					typed,
				),
			};
		}
		value[key] = part.replace(/^mailto:/i, '');
	}
	return { value };
}

function splitList(typed: string): string[] {
	return typed
		.split(/[,;\n]/)
		.map((item) => item.trim())
		.filter(Boolean);
}

/** An answer as text: trimmed, empty when unanswered. */
function text(answer: ParsedBody[string]): string {
	return typeof answer === 'string' ? answer.trim() : '';
}

/** A dropdown answer re-joined (the parser splits on commas). */
function joined(answer: ParsedBody[string]): string {
	return Array.isArray(answer) ? answer.join(', ').trim() : text(answer);
}

function isChecked(answer: ParsedBody[string], option: string): boolean {
	const boxes = answer as Checkboxes | undefined;
	return typeof boxes === 'object' && !Array.isArray(boxes) && boxes.selected.includes(option);
}

/** A question's label in each language: messages name questions as the reader's form does. */
export function questionLabel(kind: EntryKind, field: FormQuestion): Bilingual {
	return resolveField(kind, field.path).doc.label;
}

function missing(field: string, label: Bilingual): DraftError {
	return {
		field,
		message: {
			fr: `La question « ${label.fr} » doit être remplie.`,
			en: `The question "${label.en}" must be answered.`,
		},
	};
}

function wrong(label: Bilingual, fr: string, en: string, typed: string): Bilingual {
	return {
		fr: `« ${label.fr} » attend ${fr} ; reçu « ${clip(typed)} ».`,
		en: `"${label.en}" expects ${en}; got "${clip(typed)}".`,
	};
}

/** Quotes at most 80 characters of an answer back to its author. */
function clip(typed: string): string {
	return typed.length > 80 ? `${typed.slice(0, 80)}…` : typed;
}
