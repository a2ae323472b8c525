import type { z } from 'zod';
import { checkEntry } from '../registry/check.ts';
import type { Registry } from '../registry/load.ts';
import { anyItem, schemaFields, type SchemaField } from '../registry/schema-fields.ts';
import { entrySchemas, referencedKind } from '../registry/kinds/index.ts';
import { assembleEntry, type EntryFrame } from './entry-data.ts';
import type { FormAnswers } from './form-answers.ts';
import { generatedFields, resolveField } from './form-fields.ts';
import type { DraftError } from './report.ts';

/**
 * What the form alone decides against, found before a model is called: a model fills the fields
 * the form left open, and the form's answers always win (`assembleEntry`), so a problem that
 * lies on an answered field and stays whatever the open fields hold can only end in a refusal,
 * after two calls. No rule is named here: the entry is checked by the registry's own
 * `checkEntry` with the open fields empty, then filled in several ways derived from the schema
 * (every choice of every vocabulary, dates at both ends, both booleans); the problems found
 * every time are the form's.
 */

/** A problem on a field the form answered that no answer of the model can remove. */
export function formDecidedProblems(
	answers: FormAnswers,
	frame: EntryFrame,
	registry: Registry,
): DraftError[] {
	// The model resolves "models used" against the registry, so that answer is not final.
	const answered = answers.answers
		.map((answer) => answer.field.path)
		.filter((path) => resolveField(answers.kind, path).answer.type !== 'model-uses');
	const within = (field: string) =>
		answered.some((path) => field === path || field.startsWith(`${path}.`));
	// Texts in the original language only, as the form gives them; the model adds translations.
	const formFrame: EntryFrame = { ...frame, translation: 'missing' };
	delete formFrame.drafted;
	const problemsWith = (fill: Record<string, unknown>) =>
		checkEntry(answers.kind, assembleEntry(answers, formFrame, fill).data, registry)
			.filter((problem) => within(problem.field))
			.map((problem) => ({ field: problem.field, message: problem.message }));
	let found = problemsWith({});
	for (const fill of fills(answers, answered, registry)) {
		if (found.length === 0) break;
		const again = new Set(problemsWith(fill).map(key));
		found = found.filter((problem) => again.has(key(problem)));
	}
	return found;
}

function key(problem: DraftError): string {
	return `${problem.field}\n${problem.message.en}`;
}

/**
 * Ways a model could fill the open fields: the n-th fill gives every field its n-th possible
 * value (cycling through shorter lists), so each choice of each field is tried at least once.
 */
function fills(
	answers: FormAnswers,
	answered: readonly string[],
	registry: Registry,
): Record<string, unknown>[] {
	const generated = new Set<string>(Object.values(generatedFields));
	const open = schemaFields(entrySchemas[answers.kind] as z.ZodObject).filter((field) => {
		const path = field.path.filter((key) => key !== anyItem).join('.');
		return (
			!generated.has(field.path[0] ?? '') &&
			field.type !== 'object' &&
			!answered.some((done) => path === done || path.startsWith(`${done}.`))
		);
	});
	const candidates = open.map((field) => ({ field, values: valuesFor(field, answers, registry) }));
	const count = Math.max(2, ...candidates.map(({ values }) => values.length));
	return Array.from({ length: count }, (_, index) => {
		const fill: Record<string, unknown> = {};
		for (const { field, values } of candidates) {
			if (values.length === 0) continue;
			const value = values[index % values.length];
			setAt(fill, field.path, field.list ? [value] : value);
		}
		return fill;
	});
}

/** How many existing entries stand for "any entry" in a reference field. */
const referenceSamples = 3;

/** The values tried for a field: every allowed one when they are few, both ends otherwise. */
function valuesFor(field: SchemaField, answers: FormAnswers, registry: Registry): unknown[] {
	const vocabulary = field.doc?.vocabulary;
	if (vocabulary) return registry.vocabularies.get(vocabulary)?.values.map((v) => v.key) ?? [];
	const references = referencedKind(field.doc);
	// Any existing id passes the reference rules alike: a few stand for them all, so a registry
	// of thousands of models costs no more checks than one of three.
	if (references) return registry[references].slice(0, referenceSamples).map((entry) => entry.id);
	switch (field.type) {
		case 'choice':
			return [...(field.choices ?? [])];
		case 'text':
			return [{ [answers.original]: 'x' }];
		case 'date':
			return ['1970-01-01', '2999-12-31'];
		case 'boolean':
			return [false, true];
		case 'integer':
		case 'number':
			return [0, 1_000_000];
		case 'url':
			return ['https://example.org/'];
		case 'email':
			return ['contact@example.org'];
		case 'record':
			return [{}];
		default:
			return ['x'];
	}
}

/** Sets a value at a schema path, creating objects, and the first item where a list is. */
function setAt(data: Record<string, unknown>, path: readonly string[], value: unknown): void {
	let current: Record<string | number, unknown> | unknown[] = data;
	path.forEach((key, index) => {
		const last = index === path.length - 1;
		const slot: string | number = key === anyItem ? 0 : key;
		if (last) {
			(current as Record<string | number, unknown>)[slot] = value;
			return;
		}
		const nextIsList = path[index + 1] === anyItem;
		let child = (current as Record<string | number, unknown>)[slot];
		if (typeof child !== 'object' || child === null) {
			child = nextIsList ? [] : {};
			(current as Record<string | number, unknown>)[slot] = child;
		}
		current = child as Record<string | number, unknown> | unknown[];
	});
}
