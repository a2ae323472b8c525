import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ParsedBody } from '@github/issue-parser';
import { stringify } from 'yaml';
import type { SiteConfig } from '../config/schema.ts';
import { languageOfPath } from '../config/languages.ts';
import { draftEntryFile, type Correction, type FieldChange } from '../contract/draft-report.ts';
import { checkEntry } from '../registry/check.ts';
import { isProblem, parseEntryFile } from '../registry/entry-file.ts';
import {
	entryKinds,
	entrySchemas,
	isEntryKind,
	kindOf,
	type EntryKind,
} from '../registry/kinds/index.ts';
import type { Registry } from '../registry/load.ts';
import { slugPattern, type Bilingual, type Language } from '../registry/schemas/index.ts';
import { valueAt } from '../registry/schema-fields.ts';
import { fromStructuredOutput } from '../registry/structured-output.ts';
import { answerVariants } from './answer-schema.ts';
import { editEntryText } from './edit-entry.ts';
import { isPlainObject, isText } from './entry-data.ts';
import { notJson, parseAnswerObject, repairFailed } from './model-answer.ts';
import { fieldWords } from './field-words.ts';
import {
	draftFootprint,
	estimateCost,
	estimateEnergy,
	totalUsage,
	type CallUsage,
} from './footprint.ts';
import { answerText, knownModels, readQuestions, type FieldAnswer } from './form-answers.ts';
import { commonFieldIds, entryFieldId, resolveField } from './form-fields.ts';
import {
	correctionQuestionLabels,
	languageOptions,
	updateQuestions,
	type CorrectionForm,
} from './issue-forms.ts';
import type { ModelRequest, ModelSettings } from './model-client.ts';
import { findPersonalData, personalDataOkLabel } from './personal-data.ts';
import { buildPrompt, buildRepair, loadPrompt, messageChars, sentText } from './prompt.ts';
import type { IssueInput } from './read-event.ts';
import { redact } from './redact.ts';
import { stopDraft, type DraftError, type DraftReport } from './report.ts';
import { givesNothing, splitToComplete, unregisteredModels } from './to-complete.ts';

/**
 * Corrections and updates of an existing entry (issue #14, item 6): "report an error in this
 * entry" and "update an entry" become a pull request that edits the entry's file. The update
 * form's answers that map onto fields (a status, a review done, a model used…) are applied as
 * they are; with AI, the model also receives the current entry and the redacted report and
 * returns the edited entry through the kind's structured output, with the same safeguards as a
 * new entry (redaction, personal data, character budget, the registry's check, one repair).
 * Only the top-level fields that change are written again; the rest of the file is kept as is.
 */

/** The prompt file of corrections; its name carries the version, recorded with each draft. */
export const correctionPromptFile = new URL('./prompts/correct-entry.v1.md', import.meta.url);

/** Fields a correction never takes from the model nor from the form: the drafting keeps them. */
const keptFields = ['id', 'language', 'provenance'] as const;

/** What a correction run reads. */
export interface CorrectionInput {
	form: CorrectionForm;
	answers: ParsedBody;
	issue: IssueInput;
	registry: Registry;
	report: DraftReport;
	outDir: string;
	config: SiteConfig;
	/** AI, or why not: decided as for a new entry (form checkbox, label, settings). */
	mode: { ai: ModelSettings } | { formOnly: Bilingual };
	today: string;
	maxSentChars: number;
}

/** The entry a correction concerns, read from the registry. */
interface Target {
	kind: EntryKind;
	id: string;
	/** The file's text, as committed. */
	text: string;
	/** Its front matter, as written (not the schema's parse, which adds defaults). */
	data: Record<string, unknown>;
	body: string;
}

/** Drafts a correction: finds the entry, applies the answers, asks the model, writes the edit. */
export async function draftCorrection(input: CorrectionInput): Promise<void> {
	const { report, answers, registry } = input;
	const reference = answerText(answers, entryFieldId);
	const found = findEntry(reference, registry, input.config);
	if (!found) {
		return stopDraft(report, 'invalid-form', unknownEntry(reference));
	}
	report.kind = found.kind;
	report.id = found.id;
	const target = await readTarget(found.kind, found.id, registry);
	const language = issueLanguage(input, target);
	const updates = readUpdates(input, target.kind, language);
	if (updates.errors.length > 0) return stopDraft(report, 'invalid-form', ...updates.errors);

	const formData = applyAnswers(target, updates.answers);
	const reporter = reporterText(input, target.kind);
	const correction: Correction = {
		form: input.form,
		language,
		changes: [],
		report: reporter.map(({ label, text }) => ({ label, text: redact(text).text })),
		toDo: [...updates.notes],
	};
	report.correction = correction;
	if (updates.unknownModels.length > 0) {
		report.toComplete.push(unregisteredModels(target.kind, 'models', updates.unknownModels));
	}
	const keep = input.issue.labels.includes(personalDataOkLabel);
	const formPaths = updates.answers.map((answer) => answer.field.path);

	if ('ai' in input.mode) {
		report.mode = 'ai';
		const drafted = await aiCorrection(input, target, {
			formData,
			formPaths,
			reporter,
			language,
			settings: input.mode.ai,
			keep,
		});
		if (drafted) {
			// The model saw nothing to change: the report is a person's to weigh.
			if (Object.keys(drafted.origins).length === 0) {
				correction.toDo.push(applyReport(input.form === 'entry-error'));
			}
			return writeCorrection(input, target, drafted);
		}
		// The model gave nothing usable: the form's answers are applied, the rest is a person's.
	} else {
		report.mode = 'form-only';
		report.formOnlyReason = input.mode.formOnly;
	}
	const outcome = checked(target, formData, formPaths, [], keep, registry);
	if (outcome.rest.length > 0) {
		return stopDraft(
			report,
			'invalid-form',
			...outcome.rest.map((p) => onUpdateQuestion(p, target)),
		);
	}
	correction.toDo.push(
		updates.answers.length > 0 ? reviewAndApplyRest : applyReport(input.form === 'entry-error'),
	);
	return writeCorrection(input, target, outcome);
}

/**
 * The entry a reference names: `kind/id`, or the address of the entry's page (in either
 * language, with or without the site's address): `…/<segment>/<id>/`.
 */
export function findEntry(
	reference: string,
	registry: Registry,
	config: Pick<SiteConfig, 'site'>,
): { kind: EntryKind; id: string } | undefined {
	const text = reference.trim().slice(0, 500);
	const exists = (kind: EntryKind, id: string) => registry[kind].some((entry) => entry.id === id);
	const pair = /^([a-z-]+)\/([a-z0-9][a-z0-9.-]{0,63})\/?$/.exec(text);
	if (pair && isEntryKind(pair[1]) && pair[2] && exists(pair[1], pair[2])) {
		return { kind: pair[1], id: pair[2] };
	}
	let path: string;
	try {
		path = new URL(text, config.site.url).pathname;
	} catch {
		return undefined;
	}
	const parts = path.split('/').filter(Boolean);
	for (let index = parts.length - 2; index >= 0; index--) {
		const segment = parts[index];
		const id = parts[index + 1] ?? '';
		const kind = entryKinds.find((name) => kindOf(name).segment === segment);
		if (kind && slugPattern.test(id) && exists(kind, id)) return { kind, id };
	}
	return undefined;
}

async function readTarget(kind: EntryKind, id: string, registry: Registry): Promise<Target> {
	if (!slugPattern.test(id)) throw new Error(`refusing to read an entry with id "${id}"`);
	const path = join(registry.dir, draftEntryFile(kind, id));
	const text = await readFile(path, 'utf8');
	const file = parseEntryFile(path, text);
	if (isProblem(file) || !isPlainObject(file.data)) {
		throw new Error(`${path}: the entry cannot be read`);
	}
	return { kind, id, text, data: file.data, body: file.body };
}

/**
 * The issue's language: the update form's answer; for an error report, the `lang:` label the
 * entry page's link puts on it (GitHub keeps it only for people who may label issues), else the
 * language of the page address it fills in, else the entry's original language.
 */
function issueLanguage(input: CorrectionInput, target: Target): Language {
	const answered = answerText(input.answers, commonFieldIds.language);
	if (answered === languageOptions.en) return 'en';
	if (answered === languageOptions.fr) return 'fr';
	if (input.issue.labels.includes('lang:en')) return 'en';
	if (input.issue.labels.includes('lang:fr')) return 'fr';
	// The entry page's link fills in its own address: the page's language is the reader's.
	const address = answerText(input.answers, entryFieldId).trim();
	if (/^https?:\/\//.test(address) && URL.canParse(address)) {
		const base = (input.config.site.base ?? '').replace(/\/+$/, '');
		const path = new URL(address).pathname;
		return languageOfPath(
			input.config.site.languages,
			path.startsWith(base) ? path.slice(base.length) : path,
		);
	}
	const original = (target.data['language'] as { original?: unknown } | undefined)?.original;
	return original === 'en' ? 'en' : 'fr';
}

/** The update form's answers that apply to the entry's kind, read into their fields' values. */
function readUpdates(input: CorrectionInput, kind: EntryKind, language: Language) {
	const all = updateQuestions();
	const questions = all.filter((q) => q.kinds.includes(kind)).map((q) => q.question);
	const read = readQuestions(kind, questions, input.answers, {
		original: language,
		vocabularies: input.registry.vocabularies,
		models: knownModels(input.registry),
	});
	// An answer to a question of another kind is said, not applied.
	const notes: Bilingual[] = all
		.filter((q) => !q.kinds.includes(kind) && answerText(input.answers, q.question.id))
		.map(({ question, kinds }) => {
			const label = resolveField(kinds[0] as EntryKind, question.path).doc.label;
			return {
				fr: `La réponse à « ${label.fr} » ne s’applique pas à ${kindOf(kind).nouns.a.fr} : elle n’a pas été reportée dans la fiche.`,
				en: `The answer to "${label.en}" does not apply to ${kindOf(kind).nouns.a.en}: it was not carried into the entry.`,
			};
		});
	return { ...read, notes };
}

/** The entry's data with the form's answers applied: a list of references is added to. */
function applyAnswers(target: Target, answers: readonly FieldAnswer[]): Record<string, unknown> {
	const data = structuredClone(target.data);
	for (const answer of answers) {
		const { path } = answer.field;
		if (resolveField(target.kind, path).answer.type === 'model-uses') {
			const current = Array.isArray(data[path]) ? (data[path] as { model?: unknown }[]) : [];
			const added = (answer.value as { model: string }[]).filter(
				(use) => !current.some((existing) => existing.model === use.model),
			);
			data[path] = [...current, ...added];
			continue;
		}
		// A text the entry already says, in the answer's language, keeps its translation.
		const current = valueAt(data, path.split('.'));
		if (isText(answer.value) && isText(current)) {
			const [language, text] = Object.entries(answer.value)[0] ?? [];
			if (language && current[language as Language] === text) continue;
		}
		setPath(data, path, answer.value);
	}
	return data;
}

/** The reporter's own words, in form order, labelled as the form asks them. */
function reporterText(
	input: CorrectionInput,
	kind: EntryKind,
): { id: string; label: Bilingual; text: string }[] {
	const asked: { id: string; label: Bilingual }[] =
		input.form === 'entry-error'
			? [
					{ id: 'problem', label: correctionQuestionLabels.problem },
					{ id: 'correction', label: correctionQuestionLabels.correction },
					{ id: 'source', label: correctionQuestionLabels.source },
				]
			: [
					{ id: commonFieldIds.details, label: correctionQuestionLabels.changes },
					...updateQuestions()
						.filter((q) => q.kinds.includes(kind))
						.map(({ question }) => ({
							id: question.id,
							label: resolveField(kind, question.path).doc.label,
						})),
					{ id: 'source', label: correctionQuestionLabels.source },
				];
	return asked
		.map((question) => ({ ...question, text: answerText(input.answers, question.id) }))
		.filter((question) => question.text !== '');
}

/** An edited entry, checked: its data, the changed fields' origins, what it lacks. */
interface CheckedCorrection {
	data: Record<string, unknown>;
	origins: Record<string, 'form' | 'ai'>;
	toComplete: ReturnType<typeof splitToComplete>['toComplete'];
	rest: DraftError[];
	personalData: ReturnType<typeof findPersonalData>['found'];
}

/**
 * Masks personal data in the changed fields only (the others are already published), then
 * checks the entry as any entry; a problem the entry already had is not the correction's.
 */
function checked(
	target: Target,
	data: Record<string, unknown>,
	formPaths: readonly string[],
	aiFields: readonly string[],
	keep: boolean,
	registry: Registry,
): CheckedCorrection {
	const changed = changedFields(target.data, data);
	const subset = Object.fromEntries(changed.map((key) => [key, data[key]]));
	const masked = findPersonalData(target.kind, subset, { keep });
	const result = { ...data, ...masked.data };
	for (const key of changed)
		if (masked.data[key] === undefined) Reflect.deleteProperty(result, key);
	const before = new Set(problemsOf(target.kind, target.data, target.body, registry).map(key));
	const problems = problemsOf(target.kind, result, target.body, registry).filter(
		(problem) => !before.has(key(problem)),
	);
	const split = splitToComplete(target.kind, result, problems);
	// A text the form gave in its language only, on an entry written in both: the other
	// language is a person's to write (a translation), not a reason to refuse the correction.
	const untranslated = split.rest.filter(
		(problem) =>
			/\.(fr|en)$/.test(problem.field) && valueAt(result, problem.field.split('.')) === undefined,
	);
	const rest = split.rest.filter((problem) => !untranslated.includes(problem));
	const toComplete = [
		...split.toComplete,
		...untranslated.map((problem) => ({
			field: problem.field,
			label: fieldWords(target.kind, problem.field.replace(/\.(fr|en)$/, '')),
			note: problem.message,
		})),
	];
	const fromForm = new Set(formPaths.map((path) => path.split('.')[0]));
	const origins = Object.fromEntries(
		changedFields(target.data, result).map((field) => [
			field,
			aiFields.includes(field) && !fromForm.has(field) ? 'ai' : 'form',
		]),
	) as Record<string, 'form' | 'ai'>;
	return { data: result, origins, toComplete, rest, personalData: masked.found };
}

function problemsOf(
	kind: EntryKind,
	data: Record<string, unknown>,
	body: string,
	registry: Registry,
): DraftError[] {
	return checkEntry(kind, data, registry, { body }).map((problem) => ({
		field: problem.field,
		message: problem.message,
	}));
}

function key(problem: DraftError): string {
	return `${problem.field}\u0000${problem.message.en}`;
}

/** Top-level fields whose value differs, the drafting's own fields aside. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
	const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
	return [...keys].filter(
		(field) =>
			!(keptFields as readonly string[]).includes(field) &&
			!isDeepStrictEqual(normalised(before[field]), normalised(after[field])),
	);
}

/** Absent, null and an empty list say the same. */
function normalised(value: unknown): unknown {
	if (value === null || (Array.isArray(value) && value.length === 0)) return undefined;
	return value;
}

/** Step (AI): the prompt, the call, the check, one repair; `undefined` when nothing usable came. */
async function aiCorrection(
	input: CorrectionInput,
	target: Target,
	form: {
		formData: Record<string, unknown>;
		formPaths: string[];
		reporter: { label: Bilingual; text: string }[];
		language: Language;
		settings: ModelSettings;
		keep: boolean;
	},
): Promise<CheckedCorrection | undefined> {
	const { report, registry } = input;
	const { kind } = target;
	const { settings } = form;
	report.provider = settings.preset.name;
	report.model = settings.model;
	const template = await loadPrompt(correctionPromptFile);
	const redacted = redact(
		[
			`Entry: ${kind}/${target.id}`,
			`Language: ${form.language === 'fr' ? 'French' : 'English'}`,
			...form.reporter.map(({ label, text }) => `${label.en}: ${text}`),
		].join('\n'),
	);
	report.redactions = redacted.counts;
	// The entry as published, never with the form's answers applied: those are the reporter's text,
	// which reaches the model only redacted, in the issue's part (the form wins on them afterwards).
	const current = answerShape(kind, target.data);
	const prompt = buildPrompt(template, {
		kind,
		organisation: input.config.organisation.name.en,
		original: form.language,
		variants: withCurrentEntry(
			answerVariants({
				kind,
				registry,
				answered: [],
				refs: settings.preset.schemaRefs,
				issueText: redacted.text,
			}),
			current,
		),
		mode: settings.preset.structuredOutput,
		issueNumber: input.issue.number,
		issueText: redacted.text,
		// The current entry travels with every correction: the registry's own text, not the
		// reporter's, so it is added to the budget rather than taken from the report's share.
		maxChars: input.maxSentChars + JSON.stringify(current).length,
	});
	report.prompt = { file: basename(correctionPromptFile.pathname), omitted: prompt.omitted };
	if (prompt.refusal) {
		return fallBack(report, prompt.refusal.message);
	}
	const { callModel, createClient } = await import('./model-client.ts');
	const client = createClient(settings);
	const sent: ModelRequest['messages'][] = [];
	const calls: CallUsage[] = [];
	const responseSchema = settings.preset.structuredOutput === 'json_schema' ? prompt.schema : null;
	const schemaChars = responseSchema ? JSON.stringify(responseSchema).length : 0;
	const ask = async (messages: ModelRequest['messages']) => {
		sent.push(messages);
		const result = await callModel(client, settings, {
			messages,
			schema: { name: `registry_${kind}`, schema: prompt.schema },
		});
		calls.push(result.call);
		report.calls = calls.length;
		report.sentText = sentText(sent, responseSchema);
		report.sentChars += messageChars(messages) + schemaChars;
		report.usage = totalUsage(calls);
		report.cost = estimateCost(calls, settings.preset, settings.model);
		report.energy = estimateEnergy(calls, settings.preset, settings.model);
		report.modelDurationMs = calls.reduce((total, call) => total + call.durationMs, 0);
		return result;
	};
	const evaluate = (content: string): CheckedCorrection => {
		const value = parseAnswerObject(content);
		if (typeof value === 'string') {
			return {
				data: {},
				origins: {},
				toComplete: [],
				rest: [{ field: 'answer', message: notJson(value) }],
				personalData: [],
			};
		}
		const fromModel = fromStructuredOutput(kind, value) as Record<string, unknown>;
		const data = structuredClone(form.formData);
		// The model's word on every field it may write, the form's answers on top.
		const aiFields: string[] = [];
		const asked = new Set(form.formPaths.map((path) => path.split('.')[0]));
		for (const field of modelFields(kind)) {
			if (asked.has(field)) continue;
			if (isDeepStrictEqual(normalised(fromModel[field]), normalised(form.formData[field]))) {
				continue;
			}
			// Removing a field is left to a person: a model that leaves one out has not said it is wrong.
			if (normalised(fromModel[field]) === undefined) continue;
			aiFields.push(field);
			data[field] = fromModel[field];
		}
		return checked(target, data, form.formPaths, aiFields, form.keep, registry);
	};
	const first = await ask(prompt.messages);
	if (!first.ok) return fallBack(report, modelSaid(first.failure.message));
	let outcome = evaluate(first.content);
	if (outcome.rest.length > 0) {
		const repair = buildRepair(
			template,
			prompt.messages,
			first.content,
			outcome.rest.map((p) => `${p.field}: ${p.message.en}`),
		);
		const second = await ask(repair);
		if (!second.ok) return fallBack(report, modelSaid(second.failure.message));
		outcome = evaluate(second.content);
	}
	if (outcome.rest.length > 0) {
		report.errors.push(...outcome.rest);
		return fallBack(report, repairFailed);
	}
	return outcome;
}

/** The model failed or was not asked: the correction is made from the form, the reason said. */
function fallBack(report: DraftReport, why: Bilingual): undefined {
	report.mode = 'form-only';
	report.formOnlyReason = why;
	report.errors.push({ field: 'model', message: why });
	return undefined;
}

/** The fields the model may change: the kind's own, never those the drafting sets. */
function modelFields(kind: EntryKind): string[] {
	const generated: readonly string[] = kindOf(kind).generatedFields;
	return Object.keys(entrySchemas[kind].shape).filter(
		(field) => !generated.includes(field) && !(keptFields as readonly string[]).includes(field),
	);
}

/** The current entry as the model answers: without the fields it is never asked for. */
function answerShape(kind: EntryKind, data: Record<string, unknown>): Record<string, unknown> {
	const fields = new Set(modelFields(kind));
	return Object.fromEntries(Object.entries(data).filter(([field]) => fields.has(field)));
}

/** Every prompt variant carries the current entry where new drafts carry an example. */
function* withCurrentEntry(
	variants: ReturnType<typeof answerVariants>,
	current: Record<string, unknown>,
): ReturnType<typeof answerVariants> {
	for (const variant of variants) {
		yield {
			...variant,
			example: current,
			omits: variant.omits.filter((omitted) => omitted !== 'example'),
		};
	}
}

/** Step: the edited file, its provenance and the report's list of files and of changes. */
async function writeCorrection(
	input: CorrectionInput,
	target: Target,
	outcome: CheckedCorrection,
): Promise<void> {
	const { report } = input;
	const correction = report.correction as Correction;
	const order = Object.keys(entrySchemas[target.kind].shape);
	// In the schema's order, as the entry and the field reference list them.
	const changed = Object.keys(outcome.origins).sort((a, b) => order.indexOf(a) - order.indexOf(b));
	const provenance = isPlainObject(target.data['provenance'])
		? structuredClone(target.data['provenance'])
		: {};
	const fields = isPlainObject(provenance['fields']) ? provenance['fields'] : {};
	const drafted =
		report.mode === 'ai' && report.provider && report.model
			? {
					provider: report.provider,
					model: report.model,
					date: input.today,
					...draftFootprint(report),
				}
			: undefined;
	const revisions = Array.isArray(provenance['revisions']) ? provenance['revisions'] : [];
	provenance['revisions'] = [
		...revisions,
		{ issue: input.issue.number, date: input.today, ...(drafted && { drafted }), fields: changed },
	];
	if (changed.length > 0) {
		provenance['fields'] = {
			...fields,
			...Object.fromEntries(changed.map((field) => [field, outcome.origins[field]])),
		};
	}
	const changes: Record<string, unknown> = { provenance };
	for (const field of changed) changes[field] = normalised(outcome.data[field]);
	// The AI wrote both languages of what it changed: an entry whose other language a person
	// translated now holds a machine translation, and says so until a person reviews it.
	const language = target.data['language'];
	const aiText = changed.some(
		(field) => outcome.origins[field] === 'ai' && holdsText(outcome.data[field]),
	);
	if (aiText && isPlainObject(language) && language['translation'] === 'human') {
		changes['language'] = { ...language, translation: 'machine' };
		correction.toDo.push(machineTranslated);
	}
	const text = editEntryText(target.text, changes, order);
	const final = parseEntryFile('entry.mdx', text);
	// As for a new entry, the only failures let through are fields the entry does not give.
	const wrong = isProblem(final)
		? [final.message.en]
		: entrySchemas[target.kind]
				.safeParse(final.data)
				.error?.issues.filter((issue) => !givesNothing(valueAt(final.data, issue.path)))
				.map((issue) => issue.path.join('.'));
	if (wrong && wrong.length > 0) {
		throw new Error(`refusing to write a correction that fails its schema: ${wrong.join(', ')}`);
	}
	correction.changes = changed.map((field): FieldChange => {
		const origin = outcome.origins[field] ?? 'form';
		return {
			field,
			label: fieldWords(target.kind, field),
			before: shown(target.data[field]),
			after: shown(outcome.data[field]),
			origin,
		};
	});
	report.toComplete.push(...outcome.toComplete);
	report.personalData = {
		found: outcome.personalData,
		clearedBy:
			input.issue.labels.includes(personalDataOkLabel) && outcome.personalData.length > 0
				? personalDataOkLabel
				: null,
	};
	report.fields = Object.fromEntries(
		changed.map((field) => [field, outcome.origins[field] ?? 'form']),
	);
	const root = resolve(input.outDir);
	const file = resolve(root, draftEntryFile(target.kind, target.id));
	if (!file.startsWith(root + sep)) throw new Error(`refusing to write outside ${root}: ${file}`);
	await mkdir(join(root, target.kind), { recursive: true });
	await writeFile(file, text);
	report.file = draftEntryFile(target.kind, target.id);
	report.files = [{ file: report.file, kind: target.kind, id: target.id, change: 'edit' }];
	report.status = 'drafted';
}

/** A value as the pull request's diff shows it: YAML, or null when absent. */
function shown(value: unknown): string | null {
	const given = normalised(value);
	if (given === undefined) return null;
	const text = stringify(given, { lineWidth: 0, aliasDuplicateObjects: false }).trimEnd();
	return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

function setPath(data: Record<string, unknown>, path: string, value: unknown): void {
	const keys = path.split('.');
	let current = data;
	for (const part of keys.slice(0, -1)) {
		if (!isPlainObject(current[part])) current[part] = {};
		current = current[part] as Record<string, unknown>;
	}
	current[keys.at(-1) as string] = value;
}

/** A problem of the edited entry, put on the update question that would fix it. */
function onUpdateQuestion(problem: DraftError, target: Target): DraftError {
	const question = updateQuestions().find(
		(q) =>
			q.kinds.includes(target.kind) &&
			(problem.field === q.question.path || problem.field.startsWith(`${q.question.path}.`)),
	);
	if (!question) return problem;
	const label = resolveField(target.kind, question.question.path).doc.label;
	return {
		field: question.question.id,
		message: {
			fr: `« ${label.fr} » : ${problem.message.fr}`,
			en: `"${label.en}": ${problem.message.en}`,
		},
	};
}

/** The entry question's answer names no entry: said with the question's label. */
function unknownEntry(reference: string): DraftError {
	const label = correctionQuestionLabels.entry;
	const quoted = reference.trim().slice(0, 100);
	return {
		field: entryFieldId,
		message: {
			fr: `« ${label.fr} » : « ${quoted} » ne désigne aucune fiche du registre. Donnez type/identifiant (le type parmi ${entryKinds.join(', ')}) ou l’adresse de la page de la fiche, puis modifiez le ticket.`,
			en: `"${label.en}": "${quoted}" names no entry of the registry. Give kind/id (the kind one of ${entryKinds.join(', ')}) or the address of the entry’s page, then edit the issue.`,
		},
	};
}

/** What a maintainer must do when the form's answers were applied. */
const reviewAndApplyRest: Bilingual = {
	fr: 'Vérifier les champs modifiés ci-dessous, puis reporter dans la fiche ce que le texte du ticket demande d’autre.',
	en: 'Check the fields changed below, then carry into the entry whatever else the issue’s text asks for.',
};

/** What a maintainer must do when nothing could be applied from the form. */
function applyReport(error: boolean): Bilingual {
	return error
		? {
				fr: 'Vérifier le signalement ci-dessous et corriger la fiche sur cette branche (rien n’a été modifié automatiquement).',
				en: 'Check the report below and correct the entry on this branch (nothing was changed automatically).',
			}
		: {
				fr: 'Reporter dans la fiche, sur cette branche, la mise à jour décrite ci-dessous (rien n’a été modifié automatiquement).',
				en: 'Carry the update described below into the entry, on this branch (nothing was changed automatically).',
			};
}

/** The model's own failure, as the reason the correction is made from the form. */
function modelSaid(message: Bilingual): Bilingual {
	return {
		fr: `le modèle n’a pas rendu de correction utilisable (${message.fr})`,
		en: `the model gave no usable correction (${message.en})`,
	};
}

/** What the team does once the AI's correction made the other language a machine translation. */
const machineTranslated: Bilingual = {
	fr: 'Relire la traduction des champs que l’IA a modifiés, puis remettre language.translation à human.',
	en: 'Review the translation of the fields the AI changed, then set language.translation back to human.',
};

/** Whether a value holds a text in both languages, anywhere inside it. */
function holdsText(value: unknown): boolean {
	if (isText(value)) return true;
	if (Array.isArray(value)) return value.some(holdsText);
	return isPlainObject(value) && Object.values(value).some(holdsText);
}
