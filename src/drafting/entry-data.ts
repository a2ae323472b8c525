import type { z } from 'zod';
import { type Drafted, type Language } from '../registry/schemas/index.ts';
import { entrySchemas, kindOf } from '../registry/kinds/index.ts';
import type { FormAnswers } from './form-answers.ts';
import { generatedFields, resolveField } from './form-fields.ts';

/**
 * Assembling an entry's data from the form's answers and, when there is one, the model's
 * answer: the form always wins for the fields it answered, and each top-level field records
 * where it came from.
 */

type Data = Record<string, unknown>;

const generatedNames = new Set<string>(Object.values(generatedFields));

/** What the drafting adds around the answers. */
export interface EntryFrame {
	id: string;
	issue: number;
	/** The day of the run, `YYYY-MM-DD`: the draft's date; the next review is due a year later. */
	today: string;
	translation: 'machine' | 'missing';
	/** Who drafted it with AI, and the footprint of the calls. */
	drafted?: Drafted;
}

/** The entry made from the form alone, or from the model's answer with the form on top. */
export function assembleEntry(
	answers: FormAnswers,
	frame: EntryFrame,
	fromModel: Data | null,
): { data: Data; origins: Record<string, 'form' | 'ai'> } {
	const data: Data = structuredClone(fromModel ?? {});
	const formPaths = new Set<string>();
	for (const answer of answers.answers) {
		const { path } = answer.field;
		// With a model, "models used" is its to resolve against the registry's ids.
		if (fromModel && resolveField(answers.kind, path).answer.type === 'model-uses') continue;
		const current = getPath(data, path);
		// A text keeps the model's translation, a contact the model's other half.
		const value =
			isPlainObject(answer.value) && isPlainObject(current)
				? { ...current, ...answer.value }
				: answer.value;
		setPath(data, path, value);
		formPaths.add(path);
	}
	if (!fromModel) fillFromDescription(answers, data, formPaths);
	const schema = entrySchemas[answers.kind];
	data[generatedFields.id] = frame.id;
	data[generatedFields.language] = { original: answers.original, translation: frame.translation };
	// When the next review is due, for the kinds that must say so; the last review is left to the
	// person who does it (a draft has not been reviewed).
	const review = (schema.shape as Record<string, z.ZodType>)[generatedFields.review];
	if (review && review._zod.optin !== 'optional') {
		data[generatedFields.review] = { next: addYear(frame.today) };
	}
	const origins = originsOf(data, formPaths, fromModel !== null);
	data[generatedFields.provenance] = {
		issue: frame.issue,
		...(frame.drafted && { drafted: frame.drafted }),
		fields: origins,
	};
	return { data, origins };
}

/**
 * Without AI, the free description fills the field the descriptor names (`form.detailsField`,
 * a summary) when the form left it blank and the description fits it: the contributor's words
 * are then in the draft rather than lost.
 */
function fillFromDescription(answers: FormAnswers, data: Data, formPaths: Set<string>): void {
	const path = kindOf(answers.kind).form.detailsField;
	if (!path || !answers.details || getPath(data, path) !== undefined) return;
	const value = { [answers.original]: answers.details };
	if (!resolveField(answers.kind, path).schema.safeParse(value).success) return;
	setPath(data, path, value);
	formPaths.add(path);
}

/** `form` for a top-level field all of whose values came from the form, `ai` otherwise. */
function originsOf(data: Data, formPaths: ReadonlySet<string>, withModel: boolean) {
	const origins: Record<string, 'form' | 'ai'> = {};
	const fromAnswer = (leaf: string) =>
		[...formPaths].some((path) => leaf === path || leaf.startsWith(`${path}.`));
	for (const [key, value] of Object.entries(data)) {
		if (key === generatedFields.provenance) continue;
		const leaves = leafPaths(value, key);
		const fromForm =
			!withModel || generatedNames.has(key) || (leaves.length > 0 && leaves.every(fromAnswer));
		origins[key] = fromForm ? 'form' : 'ai';
	}
	return origins;
}

/** Paths of the values under a field: texts, lists and scalars are leaves, objects are not. */
function leafPaths(value: unknown, path: string): string[] {
	if (!isPlainObject(value) || isText(value)) return [path];
	return Object.entries(value).flatMap(([key, child]) => leafPaths(child, `${path}.${key}`));
}

/** The same day a year later (28 February for a 29th): when a new entry is due for review. */
function addYear(date: string): string {
	const [year, month, day] = date.split('-');
	return `${Number(year) + 1}-${month}-${month === '02' && day === '29' ? '28' : day}`;
}

/** A bilingual text: an object whose only keys are languages. */
export function isText(value: unknown): value is Partial<Record<Language, string>> {
	return (
		isPlainObject(value) &&
		Object.keys(value).length > 0 &&
		Object.keys(value).every((key) => key === 'fr' || key === 'en')
	);
}

/** A mapping, as opposed to a list, a scalar or nothing. */
export function isPlainObject(value: unknown): value is Data {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function getPath(data: Data, path: string): unknown {
	let current: unknown = data;
	for (const key of path.split('.')) current = isPlainObject(current) ? current[key] : undefined;
	return current;
}

function setPath(data: Data, path: string, value: unknown): void {
	const keys = path.split('.');
	let current = data;
	for (const key of keys.slice(0, -1)) {
		if (!isPlainObject(current[key])) current[key] = {};
		current = current[key] as Data;
	}
	current[keys.at(-1) as string] = value;
}
