import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { loadSiteConfig } from '../config/load.ts';
import type { SiteConfig } from '../config/schema.ts';
import { draftEntryFile, reportFileName } from '../contract/draft-report.ts';
import { noAiLabels } from '../contract/labels.ts';
import { checkEntry } from '../registry/check.ts';
import { serialiseEntry } from '../registry/entry-file.ts';
import { loadRegistry, type Registry } from '../registry/load.ts';
import { slugPattern, type Bilingual } from '../registry/schemas/index.ts';
import { entryKinds, entrySchemas, kindOf, type EntryKind } from '../registry/kinds/index.ts';
import { valueAt } from '../registry/schema-fields.ts';
import { fromStructuredOutput } from '../registry/structured-output.ts';
import { answerVariants } from './answer-schema.ts';
import { assembleEntry, type EntryFrame } from './entry-data.ts';
import { entryId } from './entry-id.ts';
import {
	draftFootprint,
	estimateCost,
	estimateEnergy,
	totalUsage,
	type CallUsage,
} from './footprint.ts';
import {
	knownModels,
	noAiTicked,
	questionLabel,
	readAnswers,
	type FormAnswers,
} from './form-answers.ts';
import { draftCorrection } from './correction.ts';
import {
	draftNewModels,
	modelUsesPath,
	newModelsToComplete,
	offeringNewModels,
	planNewModels,
	referenceNewModels,
	withNewModels,
	writeNewModels,
	type NewModel,
} from './new-models.ts';
import { nameFieldPath, resolveField } from './form-fields.ts';
import { formDecidedProblems } from './form-problems.ts';
import { loadFormTemplates, templatesDir } from './form-templates.ts';
import { formKind, isCorrectionForm } from './issue-forms.ts';
import { notJson, parseAnswerObject, repairFailed } from './model-answer.ts';
import type { ModelRequest, ModelSettings } from './model-client.ts';
import { matchIssue } from './parse-issue.ts';
import {
	buildPrompt,
	buildRepair,
	loadPrompt,
	messageChars,
	promptFile,
	sentText,
} from './prompt.ts';
import { readIssueEvent, type IssueInput } from './read-event.ts';
import { findPersonalData, personalDataOkLabel } from './personal-data.ts';
import { redact } from './redact.ts';
import { emptyReport, exitCodes, stopDraft, type DraftError, type DraftReport } from './report.ts';
import { resolveDrafting, type DraftingEnv } from './settings.ts';
import {
	givesNothing,
	splitToComplete,
	unregisteredModels,
	type ToComplete,
} from './to-complete.ts';

/**
 * `npm run draft`: an issue event in, a draft entry and a report out. The run is a sequence of
 * named steps; each one that can stop the run says why in the report, in both languages. An
 * entry is written when everything it says passes every check: what it does not say yet (a form
 * left blank, a model that failed) is listed in the report for a maintainer to complete, never a
 * reason to refuse the draft (issue #14, "no dead ends").
 */

/** Inputs of a draft run. */
export interface DraftOptions {
	eventPath: string;
	registryDir: string;
	outDir: string;
	env: DraftingEnv;
	/** Folder of the issue forms (default `.github/ISSUE_TEMPLATE`). */
	templatesDir?: string;
	/** The organisation's configuration (default `registre.config.yml`). */
	configPath?: string;
	/** Most characters sent to the model for the first call, schema included. */
	maxSentChars?: number;
}

/** What a run produced. */
export interface DraftRun {
	report: DraftReport;
	exitCode: 0 | 1 | 2 | 3;
}

/** File name of the report inside `--out`, as the contract names it. */
export { reportFileName };

/** Default budget of characters sent for one issue: rules, example, schema and issue. */
export const defaultMaxSentChars = 16_000;

/** Runs the whole pipeline and writes the report, whatever happens. */
export async function draft(options: DraftOptions): Promise<DraftRun> {
	const started = performance.now();
	const report = emptyReport('error');
	try {
		await clearPreviousDraft(options.outDir);
		await run(options, report);
	} catch (error) {
		report.status = 'error';
		const detail = error instanceof Error ? error.message : String(error);
		report.errors.push({
			field: 'run',
			message: { fr: `Erreur inattendue : ${detail}`, en: `Unexpected error: ${detail}` },
		});
	}
	report.durationMs = Math.round(performance.now() - started);
	await mkdir(options.outDir, { recursive: true });
	await writeFile(join(options.outDir, reportFileName), `${JSON.stringify(report, null, '\t')}\n`);
	return { report, exitCode: exitCodes[report.status] };
}

/** The steps, in order. */
async function run(options: DraftOptions, report: DraftReport): Promise<void> {
	const issue = await readIssueEvent(options.eventPath);
	report.issue = issue.number;

	const templates = await loadFormTemplates(options.templatesDir ?? templatesDir);
	const match = matchIssue(issue.body, issue.labels, templates);
	if (match.kind === 'none') return stopDraft(report, 'not-a-registry-issue', notAForm);
	if (match.kind === 'incomplete') {
		const none = match.missing.length === match.template.headings.length;
		return stopDraft(
			report,
			'invalid-form',
			...(none ? [notWithForm] : match.missing.map(missingQuestion)),
		);
	}

	const registry = await loadRegistry(options.registryDir);
	if (isCorrectionForm(match.template.name)) {
		const config = loadSiteConfig(options.configPath);
		// A correction edits the entry it names (issue #14, item 6): src/drafting/correction.ts.
		return draftCorrection({
			form: match.template.name,
			answers: match.answers,
			issue,
			registry,
			report,
			outDir: options.outDir,
			config,
			mode: draftingMode(noAiTicked(match.answers), issue, options.env, config),
			today: new Date().toISOString().slice(0, 10),
			maxSentChars: options.maxSentChars ?? defaultMaxSentChars,
		});
	}
	const declared = formKind(match.template.name);
	if (!declared) throw new Error(`${match.template.name}: a form that declares no kind`);
	const { kind } = declared;
	report.kind = kind;

	// Everything the form says is checked before a single token is spent.
	const answers = readAnswers(kind, match.answers, registry.vocabularies, knownModels(registry));
	if (answers.errors.length > 0) return stopDraft(report, 'invalid-form', ...answers.errors);

	const config = loadSiteConfig(options.configPath);
	const mode = draftingMode(answers.noAi, issue, options.env, config);
	const name = answers.answers.find((a) => a.field.path === nameFieldPath)?.text ?? '';
	const id = entryId(name, takenIds(registry, kind), `${kindOf(kind).key}-${issue.number}`);
	report.id = id;

	const frame: EntryFrame = {
		id,
		issue: issue.number,
		today: new Date().toISOString().slice(0, 10),
		translation: 'ai' in mode ? 'machine' : 'missing',
	};
	// Models the answers name that the registry lacks become entries of this draft (item 3).
	const keepPersonalData = issue.labels.includes(personalDataOkLabel);
	const newModels = planNewModels(answers, registry, frame, { keepPersonalData });
	const draft: DraftContext = {
		report,
		answers,
		frame,
		registry: withNewModels(registry, newModels),
		newModels,
		outDir: options.outDir,
		keepPersonalData,
	};
	if ('formOnly' in mode) {
		report.mode = 'form-only';
		report.formOnlyReason = mode.formOnly;
		return formOnlyDraft(draft);
	}
	report.mode = 'ai';
	return aiDraft(draft, issue, config, mode.ai, options);
}

/** What every drafting step reads, and the report it fills. */
interface DraftContext {
	report: DraftReport;
	answers: FormAnswers;
	frame: EntryFrame;
	registry: Registry;
	/** Model entries the draft adds, which the entry refers to. */
	newModels: NewModel[];
	outDir: string;
	/** A maintainer let the personal data found be written as typed (`personal-data-ok`). */
	keepPersonalData: boolean;
}

/** AI drafting unless the contributor, a maintainer's label or the repository turned it off. */
function draftingMode(
	noAi: boolean,
	issue: IssueInput,
	env: DraftingEnv,
	config: SiteConfig,
): { ai: ModelSettings } | { formOnly: Bilingual } {
	if (noAi) {
		return {
			formOnly: {
				fr: 'l’auteur du ticket a coché « Ne pas rédiger avec l’IA »',
				en: 'the issue’s author ticked “Do not draft with AI”',
			},
		};
	}
	const label = issue.labels.find((name) => noAiLabels.includes(name));
	if (label) {
		return {
			formOnly: {
				fr: `le ticket porte l’étiquette « ${label} »`,
				en: `the issue has the “${label}” label`,
			},
		};
	}
	return resolveDrafting(env, config);
}

/**
 * Step: the entry from the form alone. What the form left blank is listed for a maintainer to
 * complete; only answers that contradict the registry's rules send the form back to its author.
 */
async function formOnlyDraft(draft: DraftContext): Promise<void> {
	const { report, answers } = draft;
	const frame: EntryFrame = { ...draft.frame, translation: 'missing' };
	delete frame.drafted;
	const outcome = checkedEntry(draft, assembleEntry(answers, frame, null));
	if (outcome.rest.length > 0) {
		return stopDraft(
			report,
			'invalid-form',
			...outcome.rest.flatMap((p) => onFormQuestions(answers.kind, p, formCopied)),
		);
	}
	await writeDraft(draft, outcome);
}

/** An entry assembled, masked and checked: what it lacks apart from what it gets wrong. */
interface CheckedEntry {
	data: Record<string, unknown>;
	origins: Record<string, 'form' | 'ai'>;
	toComplete: ToComplete[];
	rest: DraftError[];
	personalData: ReturnType<typeof findPersonalData>['found'];
}

/** Masks the personal data of an assembled entry, then checks it like any entry. */
function checkedEntry(
	draft: DraftContext,
	assembled: { data: Record<string, unknown>; origins: Record<string, 'form' | 'ai'> },
): CheckedEntry {
	const { kind } = draft.answers;
	const data = referenceNewModels(kind, assembled.data, draft.newModels);
	const models = modelUsesPath(kind);
	const origins = { ...assembled.origins };
	if (models && data[models] !== assembled.data[models] && !origins[models]) {
		// The new models' references come from the form's answer.
		origins[models] = 'form';
		const provenance = data['provenance'] as { fields?: Record<string, string> } | undefined;
		if (provenance?.fields) provenance.fields = { ...provenance.fields, [models]: 'form' };
	}
	const masked = findPersonalData(kind, data, { keep: draft.keepPersonalData });
	const problems = entryProblems(kind, masked.data, draft.registry);
	const { toComplete, rest } = splitToComplete(kind, masked.data, problems);
	return {
		data: masked.data,
		origins,
		toComplete,
		rest,
		personalData: masked.found,
	};
}

/** Step: the checked entry and what it lacks, in the report and the entry folder. */
async function writeDraft(draft: DraftContext, entry: CheckedEntry): Promise<void> {
	const { report, answers } = draft;
	const models = modelUsesPath(answers.kind);
	const added = new Set(draft.newModels.map((model) => model.name.toLowerCase()));
	const left = answers.unknownModels.filter((name) => !added.has(name.toLowerCase()));
	report.toComplete = [
		...entry.toComplete,
		...newModelsToComplete(draft.newModels, draft.registry),
		...(models && left.length > 0 ? [unregisteredModels(answers.kind, models, left)] : []),
	];
	// The entry's, then each new model's, in its own file.
	const found = [...entry.personalData, ...draft.newModels.flatMap((model) => model.personalData)];
	report.personalData = {
		found,
		clearedBy: draft.keepPersonalData && found.length > 0 ? personalDataOkLabel : null,
	};
	report.fields = entry.origins;
	await writeEntry(report, answers.kind, draft.frame.id, entry.data, draft.outDir);
	report.files.push(...(await writeNewModels(draft.newModels, draft.outDir)));
}

/**
 * Step: prompt, call, validate, repair once, write. A model that gives no usable answer leaves
 * a form-only draft, its failure said in the report: a maintainer completes it.
 */
async function aiDraft(
	draft: DraftContext,
	issue: IssueInput,
	config: SiteConfig,
	settings: ModelSettings,
	options: DraftOptions,
): Promise<void> {
	const { report, answers, frame, registry } = draft;
	const { kind } = answers;
	report.provider = settings.preset.name;
	report.model = settings.model;
	// A form the model cannot make valid is refused before a token is spent (issue #11, item 11).
	const decided = formDecidedProblems(answers, frame, registry);
	if (decided.length > 0) {
		return stopDraft(
			report,
			'invalid-form',
			...decided.flatMap((p) => onFormQuestions(kind, p, formKept)),
		);
	}
	const template = await loadPrompt();
	const redacted = redact(issueText(issue, answers));
	report.redactions = redacted.counts;
	const prompt = buildPrompt(template, {
		kind,
		organisation: config.organisation.name.en,
		original: answers.original,
		variants: answerVariants({
			kind,
			registry: offeringNewModels(registry, draft.newModels),
			answered: answeredValues(answers),
			refs: settings.preset.schemaRefs,
			issueText: redacted.text,
		}),
		mode: settings.preset.structuredOutput,
		issueNumber: issue.number,
		issueText: redacted.text,
		maxChars: options.maxSentChars ?? defaultMaxSentChars,
	});
	report.prompt = { file: basename(promptFile.pathname), omitted: prompt.omitted };
	if (prompt.refusal) return stopDraft(report, 'invalid-form', prompt.refusal);
	const { schema } = prompt;
	// The SDK is loaded only when a model is called: form-only runs and refusals skip its cost.
	const { callModel, createClient } = await import('./model-client.ts');
	const client = createClient(settings);
	const sent: ModelRequest['messages'][] = [];
	const sentSchemas: (Record<string, unknown> | null)[] = [];
	const calls: CallUsage[] = [];
	// Each call answers with a kind's schema: the entry's, or a new model's (item 3).
	const ask = async (
		messages: ModelRequest['messages'],
		answer: { kind: EntryKind; schema: Record<string, unknown> } = { kind, schema },
	) => {
		sent.push(messages);
		// With `json_object` the schema is inside the system message; otherwise it travels beside it.
		const travelling = settings.preset.structuredOutput === 'json_schema' ? answer.schema : null;
		sentSchemas.push(travelling);
		const result = await callModel(client, settings, {
			messages,
			schema: { name: `registry_${answer.kind}`, schema: answer.schema },
		});
		calls.push(result.call);
		report.calls = calls.length;
		report.sentText = sentText(sent, sentSchemas);
		report.sentChars +=
			messageChars(messages) + (travelling ? JSON.stringify(travelling).length : 0);
		report.usage = totalUsage(calls);
		report.cost = estimateCost(calls, settings.preset, settings.model);
		report.energy = estimateEnergy(calls, settings.preset, settings.model);
		report.modelDurationMs = calls.reduce((total, call) => total + call.durationMs, 0);
		return result;
	};
	// The footprint so far: the entry kept is the last one read, after every call it needed.
	const drafted = () => ({
		provider: settings.preset.name,
		model: settings.model,
		date: frame.today,
		...draftFootprint(report),
	});
	const evaluate = (content: string) =>
		evaluateAnswer(content, draft, { ...frame, drafted: drafted() });

	const first = await ask(prompt.messages);
	if (!first.ok) return fallBackToForm(draft, modelSaid(first.failure.message));
	let outcome = evaluate(first.content);
	// An answer that only leaves fields out is kept as it is: a field left empty is a person's
	// to complete, and a repair asking for it would push the model to invent it.
	if (outcome.rest.length > 0) {
		const repair = buildRepair(
			template,
			prompt.messages,
			first.content,
			[...outcome.rest, ...outcome.toComplete.map(missingForModel)].map(
				(p) => `${p.field}: ${p.message.en}`,
			),
		);
		const second = await ask(repair);
		if (!second.ok) return fallBackToForm(draft, modelSaid(second.failure.message));
		outcome = evaluate(second.content);
	}
	if (outcome.rest.length > 0) {
		report.errors.push(...outcome.rest);
		return fallBackToForm(draft, repairFailed);
	}
	// Each model the registry lacks, drafted from its name and its use (item 3); one that gives
	// nothing usable stays the entry made from its name, to complete.
	await draftNewModels(draft.newModels, {
		answers,
		registry,
		template,
		settings,
		organisation: config.organisation.name.en,
		issueNumber: issue.number,
		today: frame.today,
		maxChars: options.maxSentChars ?? defaultMaxSentChars,
		keepPersonalData: draft.keepPersonalData,
		ask: (messages, modelSchema) => ask(messages, { kind: 'models', schema: modelSchema }),
	});
	await writeDraft(draft, outcome);
}

/**
 * Step, when the model gave nothing usable: the form-only draft, with the model's failure as
 * the reason. The tokens spent stay in the report.
 */
async function fallBackToForm(draft: DraftContext, why: Bilingual): Promise<void> {
	draft.report.mode = 'form-only';
	draft.report.formOnlyReason = why;
	draft.report.errors.push({ field: 'model', message: why });
	await formOnlyDraft(draft);
	// Should the form itself fail (it was checked before the call), the model's failure is the news.
	if (draft.report.status === 'invalid-form') draft.report.status = 'model-failed';
}

/** Reads the model's answer into an entry with the form on top, and checks it like any entry. */
function evaluateAnswer(content: string, draft: DraftContext, frame: EntryFrame): CheckedEntry {
	const failed = (reason: string): CheckedEntry => ({
		data: {},
		origins: {},
		toComplete: [],
		rest: [{ field: 'answer', message: notJson(reason) }],
		personalData: [],
	});
	const value = parseAnswerObject(content);
	if (typeof value === 'string') return failed(value);
	const fromModel = fromStructuredOutput(draft.answers.kind, value) as Record<string, unknown>;
	return checkedEntry(draft, assembleEntry(draft.answers, frame, fromModel));
}

/** Every problem the registry's own check finds in the entry. */
function entryProblems(kind: EntryKind, data: unknown, registry: Registry): DraftError[] {
	return checkEntry(kind, data, registry).map((problem) => ({
		field: problem.field,
		message: problem.message,
	}));
}

/**
 * Step: the entry file, serialised by the YAML library, at a path built from the slug alone.
 * Every value it holds has passed its schema; the only failures let through are fields it does
 * not give, which the report lists for a maintainer and CI shows at their line.
 */
async function writeEntry(
	report: DraftReport,
	kind: EntryKind,
	id: string,
	data: Record<string, unknown>,
	outDir: string,
): Promise<void> {
	if (!slugPattern.test(id)) throw new Error(`refusing to write an entry with id "${id}"`);
	const parsed = entrySchemas[kind].safeParse(data);
	const wrong = parsed.success
		? []
		: parsed.error.issues.filter((issue) => !givesNothing(valueAt(data, issue.path)));
	if (wrong.length > 0) {
		throw new Error(
			`refusing to write an entry that fails its schema: ${wrong.map((issue) => issue.path.join('.')).join(', ')}`,
		);
	}
	const typed = parsed.success ? (parsed.data as Record<string, unknown>) : data;
	const root = resolve(outDir);
	const file = resolve(root, draftEntryFile(kind, id));
	if (!file.startsWith(root + sep)) throw new Error(`refusing to write outside ${root}: ${file}`);
	await mkdir(join(root, kind), { recursive: true });
	await writeFile(file, serialiseEntry(withoutEmptyLists(typed)));
	report.file = draftEntryFile(kind, id);
	report.files = [{ file: report.file, kind, id, change: 'add' }];
	report.status = 'drafted';
}

/** Paths the form answered with a value the model need not give again: everything but texts. */
function answeredValues(answers: FormAnswers): string[] {
	return answers.answers
		.filter((answer) => {
			const { type } = resolveField(answers.kind, answer.field.path).answer;
			return type !== 'text' && type !== 'model-uses';
		})
		.map((answer) => answer.field.path);
}

/** The issue as the model reads it: title, each answered question, the free description. */
function issueText(issue: IssueInput, answers: FormAnswers): string {
	const lines = [
		`Title: ${issue.title}`,
		`Language: ${answers.original === 'fr' ? 'French' : 'English'}`,
	];
	for (const answer of answers.answers) {
		lines.push(`${resolveField(answers.kind, answer.field.path).doc.label.en}: ${answer.text}`);
	}
	lines.push('Description:', answers.details);
	return lines.join('\n');
}

/** Leaves out the lists the schema defaults to empty, so a draft shows only what it says. */
function withoutEmptyLists(data: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(data).filter(([, value]) => !(Array.isArray(value) && value.length === 0)),
	);
}

/** Removes what a previous run left, so a failed run never leaves a stale entry behind. */
async function clearPreviousDraft(outDir: string): Promise<void> {
	for (const name of [...entryKinds, reportFileName]) {
		await rm(join(outDir, name), { recursive: true, force: true });
	}
}

/** Ids in use for a kind, the entries that fail their schema included. */
function takenIds(registry: Registry, kind: EntryKind): Set<string> {
	return new Set([
		...registry[kind].map((entry) => entry.id),
		...(registry.rejected ?? []).filter((entry) => entry.kind === kind).map((entry) => entry.id),
	]);
}

/** Why a question must change, said after the problem: nothing but the form can fix it. */
const formCopied: Bilingual = {
	fr: 'le brouillon reprend les réponses du formulaire telles quelles : seule une modification du ticket peut corriger cela',
	en: 'the draft copies the form’s answers as they are, so only editing the issue can fix this',
};
const formKept: Bilingual = {
	fr: 'l’IA garde les réponses du formulaire telles quelles : seule une modification du ticket peut corriger cela',
	en: 'the AI keeps the form’s answers as they are, so only editing the issue can fix this',
};

/**
 * Puts a problem of the entry on the questions that would fix it, named by their labels in each
 * language: the question for that field, or, when a whole group is concerned (`aiAct`), each
 * question of the group.
 */
function onFormQuestions(kind: EntryKind, problem: DraftError, why: Bilingual): DraftError[] {
	const within = (path: string) => problem.field === path || problem.field.startsWith(`${path}.`);
	const exact = kindOf(kind).form.questions.filter((field) => within(field.path));
	const group = kindOf(kind).form.questions.filter((field) =>
		field.path.startsWith(`${problem.field}.`),
	);
	const questions = exact.length > 0 ? exact : group;
	if (questions.length === 0) return [problem];
	return questions.map((question) => {
		const label = questionLabel(kind, question);
		return {
			field: question.id,
			message: {
				fr: `« ${label.fr} » : ${problem.message.fr} (${why.fr}).`,
				en: `"${label.en}": ${problem.message.en} (${why.en}).`,
			},
		};
	});
}

/** Tells the model, in its repair, which required field its answer left out. */
function missingForModel(item: ToComplete): DraftError {
	return {
		field: item.field,
		message: {
			fr: 'champ obligatoire manquant : à donner seulement si le ticket le dit, sinon null',
			en: 'required field is missing: give it only if the issue says it, otherwise null (a person completes it)',
		},
	};
}

/** The model's own failure, as the reason for a form-only draft. */
function modelSaid(message: Bilingual): Bilingual {
	return {
		fr: `le modèle n’a pas rendu de brouillon utilisable (${message.fr})`,
		en: `the model gave no usable draft (${message.en})`,
	};
}

const notAForm: DraftError = {
	field: 'issue',
	message: {
		fr: 'Ce ticket n’a pas été ouvert avec un formulaire du registre : il n’y a rien à rédiger.',
		en: 'This issue was not opened with one of the registry forms: there is nothing to draft.',
	},
};

const notWithForm: DraftError = {
	field: 'issue',
	message: {
		fr: 'Ce ticket porte l’étiquette d’un formulaire du registre mais n’a pas été écrit avec lui : ouvrez un nouveau ticket depuis le formulaire.',
		en: 'This issue carries a registry form’s label but was not written with the form: open a new issue from the form.',
	},
};

function missingQuestion(label: string): DraftError {
	return {
		field: 'issue',
		message: {
			fr: `La question « ${label} » manque dans le ticket : utilisez le formulaire sans en retirer de titre « ### ».`,
			en: `The question "${label}" is missing from the issue: use the form without removing any "###" heading.`,
		},
	};
}
