import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { draftEntryFile, type DraftFile } from '../contract/draft-report.ts';
import { checkEntry } from '../registry/check.ts';
import { isProblem, parseEntryFile, serialiseEntry } from '../registry/entry-file.ts';
import { entrySchemas, kindOf, type EntryKind } from '../registry/kinds/index.ts';
import type { Entry, Registry } from '../registry/load.ts';
import { valueAt } from '../registry/schema-fields.ts';
import { fromStructuredOutput } from '../registry/structured-output.ts';
import { slugPattern } from '../registry/schemas/index.ts';
import { answerVariants } from './answer-schema.ts';
import { assembleEntry, type EntryFrame } from './entry-data.ts';
import { entryId } from './entry-id.ts';
import type { FieldAnswer, FormAnswers } from './form-answers.ts';
import { estimateCost, estimateEnergy, draftFootprint, totalUsage } from './footprint.ts';
import { nameFieldPath, resolveField } from './form-fields.ts';
import type { ModelRequest, ModelResult, ModelSettings } from './model-client.ts';
import { findPersonalData, type PersonalDataField } from './personal-data.ts';
import { buildPrompt, type PromptTemplate } from './prompt.ts';
import { parseAnswerObject } from './model-answer.ts';
import { redact } from './redact.ts';
import { givesNothing, splitToComplete, type ToComplete } from './to-complete.ts';

/**
 * Models not yet registered (issue #14, item 3): a model the contributor names in "models used"
 * that the registry lacks becomes a new model entry in the same draft, and the system refers to
 * it. The entry is the least the name gives (its name, id, language state and provenance); what
 * it lacks is listed for a maintainer to complete, at its line of the file.
 */

/** Most new model entries one draft adds; the others are listed for a maintainer. */
export const maxNewModels = 5;

/** A model entry the draft adds. */
export interface NewModel {
	/** The name as the contributor wrote it. */
	name: string;
	id: string;
	/** How the system uses it, as the answer says. */
	usage: Record<string, string>;
	data: Record<string, unknown>;
	origins: Record<string, 'form' | 'ai'>;
	toComplete: ToComplete[];
	/** Personal data found in its texts (its name, what the AI wrote), masked unless cleared. */
	personalData: PersonalDataField[];
}

/** The kind new models are entries of: the kind the "models used" answer refers to. */
const modelKind: EntryKind = 'models';

/** The question of a kind's form whose answer names models, if it has one. */
export function modelUsesPath(kind: EntryKind): string | undefined {
	return kindOf(kind).form.questions.find(
		(field) => resolveField(kind, field.path).answer.type === 'model-uses',
	)?.path;
}

/**
 * The new model entries for the models the answers name that the registry lacks, each with an
 * id no entry (nor another new model) has, made from its name alone.
 */
export function planNewModels(
	answers: FormAnswers,
	registry: Registry,
	frame: Pick<EntryFrame, 'issue' | 'today'>,
	options: { keepPersonalData: boolean },
): NewModel[] {
	if (!modelUsesPath(answers.kind)) return [];
	const nameQuestion = kindOf(modelKind).form.questions.find((q) => q.path === nameFieldPath);
	if (!nameQuestion) return [];
	const taken = new Set([
		...registry[modelKind].map((entry) => entry.id),
		...(registry.rejected ?? []).filter((e) => e.kind === modelKind).map((e) => e.id),
	]);
	const seen = new Set<string>();
	const planned: NewModel[] = [];
	for (const use of answers.unknownModelUses) {
		const key = use.name.toLowerCase();
		if (!use.name || seen.has(key) || planned.length >= maxNewModels) continue;
		seen.add(key);
		// A name holding an address or a number is masked before it names a file, unless cleared.
		const name = options.keepPersonalData ? use.name : redact(use.name).text;
		const id = entryId(name, taken, `model-${frame.issue}-${planned.length + 1}`);
		taken.add(id);
		// A name is a text in both languages: the contributor's, the other one left to translate.
		const named: FieldAnswer = {
			field: nameQuestion,
			text: use.name,
			value: { [answers.original]: use.name },
		};
		const modelAnswers: FormAnswers = {
			kind: modelKind,
			original: answers.original,
			noAi: true,
			details: '',
			answers: [named],
			unknownModels: [],
			unknownModelUses: [],
			errors: [],
		};
		const assembled = assembleEntry(
			modelAnswers,
			{ id, issue: frame.issue, today: frame.today, translation: 'missing' },
			null,
		);
		// The name must make an entry by itself (a schema's bounds, a forbidden character…): only
		// fields it does not give may fail, as for any draft.
		const parsed = entrySchemas[modelKind].safeParse(assembled.data);
		const wrong = parsed.error?.issues.filter(
			(issue) => !givesNothing(valueAt(assembled.data, issue.path)),
		);
		if (wrong && wrong.length > 0) continue;
		const masked = maskedModel(id, assembled.data, options.keepPersonalData);
		planned.push({
			name,
			id,
			usage: use.usage as Record<string, string>,
			data: masked.data,
			origins: assembled.origins,
			toComplete: [],
			personalData: masked.personalData,
		});
	}
	return planned;
}

/** A new model's data with its personal data masked (unless cleared), each find naming its file. */
function maskedModel(
	id: string,
	data: Record<string, unknown>,
	keep: boolean,
): { data: Record<string, unknown>; personalData: PersonalDataField[] } {
	const masked = findPersonalData(modelKind, data, { keep });
	const file = `${modelKind}/${id}.mdx`;
	return { data: masked.data, personalData: masked.found.map((found) => ({ ...found, file })) };
}

/**
 * The registry as the draft's checks see it: the new models' ids exist, as entries still to
 * complete (listed among the rejected, whose ids references may name).
 */
export function withNewModels(registry: Registry, models: readonly NewModel[]): Registry {
	if (models.length === 0) return registry;
	return {
		...registry,
		rejected: [
			...(registry.rejected ?? []),
			...models.map((model) => ({
				kind: modelKind,
				id: model.id,
				path: join(registry.dir, draftEntryFile(modelKind, model.id)),
			})),
		],
	};
}

/**
 * The registry as the model's prompt offers it: the new models among the ids the answer may
 * refer to, so the model writes how the system uses them in both languages. (Only the prompt
 * reads these entries; the checks see the new models through {@link withNewModels}.)
 */
export function offeringNewModels(registry: Registry, models: readonly NewModel[]): Registry {
	if (models.length === 0) return registry;
	const entries = models.flatMap((model) => {
		const path = join(registry.dir, draftEntryFile(modelKind, model.id));
		const file = parseEntryFile(path, serialiseEntry(model.data));
		if (isProblem(file)) return [];
		return [{ kind: modelKind, id: model.id, data: model.data, file } as Entry<typeof modelKind>];
	});
	return { ...registry, [modelKind]: [...registry[modelKind], ...entries] };
}

/**
 * The entry with its "models used" list referring to the new models too, where it does not yet.
 * A use the AI did not write is in the contributor's language only: when the entry's other
 * language is machine-translated, it is left for a maintainer to complete rather than half given.
 */
export function referenceNewModels(
	kind: EntryKind,
	data: Record<string, unknown>,
	models: readonly NewModel[],
): Record<string, unknown> {
	const path = modelUsesPath(kind);
	if (!path || models.length === 0) return data;
	const current = Array.isArray(data[path]) ? (data[path] as { model?: unknown }[]) : [];
	const translated = (data['language'] as { translation?: unknown } | undefined)?.translation;
	const added = models
		.filter((model) => !current.some((use) => use.model === model.id))
		.map((model) => ({ model: model.id, usage: translated === 'machine' ? {} : model.usage }));
	return { ...data, [path]: [...current, ...added] };
}

/** What each new model lacks, named with the model: a maintainer completes the entry. */
export function newModelsToComplete(models: NewModel[], registry: Registry): ToComplete[] {
	return models.flatMap((model) => {
		const problems = checkEntry(modelKind, model.data, registry).map((problem) => ({
			field: problem.field,
			message: problem.message,
		}));
		const { toComplete } = splitToComplete(modelKind, model.data, problems);
		model.toComplete = toComplete;
		return toComplete.map((item) => ({
			field: `${draftEntryFile(modelKind, model.id)}:${item.field}`,
			label: {
				fr: `Nouveau modèle « ${model.name.slice(0, 80)} » — ${item.label.fr}`,
				en: `New model "${model.name.slice(0, 80)}" — ${item.label.en}`,
			},
			note: item.note,
		}));
	});
}

/** Writes the new models' entry files next to the draft's, and lists them in its files. */
export async function writeNewModels(
	models: readonly NewModel[],
	outDir: string,
): Promise<DraftFile[]> {
	const root = resolve(outDir);
	const files: DraftFile[] = [];
	for (const model of models) {
		if (!slugPattern.test(model.id)) throw new Error(`refusing to write a model "${model.id}"`);
		const file = resolve(root, draftEntryFile(modelKind, model.id));
		if (!file.startsWith(root + sep)) throw new Error(`refusing to write outside ${root}: ${file}`);
		await mkdir(join(root, modelKind), { recursive: true });
		await writeFile(file, serialiseEntry(model.data));
		files.push({
			file: draftEntryFile(modelKind, model.id),
			kind: modelKind,
			id: model.id,
			change: 'add',
			fields: model.origins,
		});
	}
	return files;
}

/** What drafting the new models with AI needs from the entry's run. */
export interface NewModelsDrafting {
	/** The entry's answers: its language, its description. */
	answers: FormAnswers;
	registry: Registry;
	template: PromptTemplate;
	settings: ModelSettings;
	organisation: string;
	issueNumber: number;
	today: string;
	maxChars: number;
	/** Whether a maintainer let personal data be written as typed (`personal-data-ok`). */
	keepPersonalData: boolean;
	/** Calls the model with the run's accounting (sent text, tokens, cost, energy). */
	ask: (
		messages: ModelRequest['messages'],
		schema: Record<string, unknown>,
	) => Promise<ModelResult>;
}

/**
 * Drafts each new model with AI from its name, its use and the entry's description, through the
 * models' structured output; the name is the form's, and an answer that does not pass the
 * registry's check leaves the entry made from the name. One call per model, no repair: a model
 * entry to complete is the fallback, not a reason to spend more.
 */
export async function draftNewModels(
	models: NewModel[],
	context: NewModelsDrafting,
): Promise<void> {
	const { answers, registry, settings } = context;
	const system = answers.answers.find((answer) => answer.field.path === nameFieldPath)?.text ?? '';
	const nameQuestion = kindOf(modelKind).form.questions.find((q) => q.path === nameFieldPath);
	if (!nameQuestion) return;
	for (const model of models) {
		const issueText = redact(
			[
				`Model name: ${model.name}`,
				`How the AI system "${system}" uses it: ${Object.values(model.usage).join(' ') || '(not said)'}`,
				'The issue that describes the system:',
				answers.details,
			].join('\n'),
		).text;
		const prompt = buildPrompt(context.template, {
			kind: modelKind,
			organisation: context.organisation,
			original: answers.original,
			variants: answerVariants({
				kind: modelKind,
				registry,
				// The name is a text: the model writes it in the other language too (the form's stays).
				answered: [],
				refs: settings.preset.schemaRefs,
				issueText,
			}),
			mode: settings.preset.structuredOutput,
			issueNumber: context.issueNumber,
			issueText,
			maxChars: context.maxChars,
		});
		if (prompt.refusal) continue;
		const result = await context.ask(prompt.messages, prompt.schema);
		if (!result.ok) continue;
		const value = parseAnswerObject(result.content);
		if (typeof value === 'string') continue;
		const fromModel = fromStructuredOutput(modelKind, value) as Record<string, unknown>;
		const own = [result.call];
		const drafted = {
			provider: settings.preset.name,
			model: settings.model,
			date: context.today,
			...draftFootprint({
				usage: totalUsage(own),
				cost: estimateCost(own, settings.preset, settings.model),
				energy: estimateEnergy(own, settings.preset, settings.model),
			}),
		};
		const modelAnswers: FormAnswers = {
			kind: modelKind,
			original: answers.original,
			noAi: false,
			details: '',
			answers: [
				{ field: nameQuestion, text: model.name, value: { [answers.original]: model.name } },
			],
			unknownModels: [],
			unknownModelUses: [],
			errors: [],
		};
		const assembled = assembleEntry(
			modelAnswers,
			{
				id: model.id,
				issue: context.issueNumber,
				today: context.today,
				translation: 'machine',
				drafted,
			},
			fromModel,
		);
		const masked = maskedModel(model.id, assembled.data, context.keepPersonalData);
		const problems = checkEntry(modelKind, masked.data, registry).map((problem) => ({
			field: problem.field,
			message: problem.message,
		}));
		if (splitToComplete(modelKind, masked.data, problems).rest.length > 0) continue;
		model.data = masked.data;
		model.origins = assembled.origins;
		model.personalData = masked.personalData;
	}
}
