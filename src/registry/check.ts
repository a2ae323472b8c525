import { basename, join } from 'node:path';
import type { z } from 'zod';
import { checkBody } from './body.ts';
import { forbiddenCharacterMessage } from './characters.ts';
import { isProblem, parseEntryFile, serialiseEntry, type EntryFile } from './entry-file.ts';
import { entryIssues, languageState, type RuleContext } from './entry-rules.ts';
import { entryExtension, loadRegistry, type Entry, type Registry } from './load.ts';
import { compareProblems, type EntryIssue, type Problem } from './problems.ts';
import { schemaIssueProblem } from './schema-issues.ts';
import { entryKey } from './references.ts';
import { schemaFields } from './schema-fields.ts';
import { entryKinds, entrySchemas, type EntryKind } from './kinds/index.ts';

/** Settings of a check. */
export interface CheckOptions {
	/** Today's date, `YYYY-MM-DD` (default: the current UTC date); dates after it are "future". */
	today?: string;
	/** The kit's vocabularies (default `vocabularies/`), which the registry's own extend. */
	vocabulariesDir?: string;
}

/** Today's date in UTC, `YYYY-MM-DD`. */
function currentDate(): string {
	return new Date().toISOString().slice(0, 10);
}

/**
 * Checks a whole registry folder: every file against its schema, then every rule across
 * entries. Returns every problem found, sorted by file and line; an empty list means all hold.
 * One bad file never hides the others.
 */
export async function checkRegistry(dir: string, options: CheckOptions = {}): Promise<Problem[]> {
	return checkLoadedRegistry(await loadRegistry(dir, options.vocabulariesDir), options);
}

/** Checks a registry already read with `loadRegistry`, so a caller that needs both reads once. */
export function checkLoadedRegistry(registry: Registry, options: CheckOptions = {}): Problem[] {
	const context = ruleContext(registry, options);
	const problems = [...registry.problems, ...vocabularyFileProblems(registry)];
	for (const kind of entryKinds) {
		const firstPath = new Map<string, string>();
		for (const entry of registry[kind] as Entry[]) {
			problems.push(
				...fileNameProblems(entry.file, entry.id),
				...ruleProblems(kind, entry.file, [], context),
			);
			const other = firstPath.get(entry.id);
			if (other) problems.push(duplicateId(entry, other));
			else firstPath.set(entry.id, entry.file.path);
		}
	}
	// A file that failed its schema still gets every other rule, except where its schema
	// problems already point: one bad field must not hide the rest of the file.
	for (const { kind, file } of registry.rejected ?? []) {
		if (!file) continue;
		const known = registry.problems.filter((problem) => problem.path === file.path);
		const id = (file.data as { id?: unknown } | null)?.id;
		if (typeof id === 'string' && !known.some((problem) => problem.field === 'id')) {
			problems.push(...fileNameProblems(file, id));
		}
		problems.push(...ruleProblems(kind, file, known, context));
	}
	return problems.sort(compareProblems);
}

/** Where {@link checkEntry} pretends the entry lives, and the body it would have. */
export interface CheckEntryOptions extends CheckOptions {
	/** Path used in the problems (default: `<kind>/<id>.mdx` under the registry folder). */
	path?: string;
	/** The entry's body, when it has one. */
	body?: string;
}

/**
 * Checks one entry's data (for instance a model's draft) against a loaded registry: schema,
 * vocabularies, references, languages and the rules between fields. The data is written out
 * as the entry file it would become, so lines in the problems match that file.
 */
export function checkEntry(
	kind: EntryKind,
	data: unknown,
	registry: Registry,
	options: CheckEntryOptions = {},
): Problem[] {
	const id = (data as { id?: unknown } | null)?.id;
	const name = typeof id === 'string' && id ? id : 'draft';
	const path = options.path ?? join(registry.dir, kind, `${name}${entryExtension}`);
	const file = parseEntryFile(path, serialiseEntry(data ?? {}, options.body));
	if (isProblem(file)) return [file];
	const result = (entrySchemas[kind] as z.ZodType).safeParse(file.data);
	const schemaProblems = result.success
		? []
		: result.error.issues.map((issue) => schemaIssueProblem(file, issue));
	return [
		...schemaProblems,
		...vocabularyFileProblems(registry),
		...ruleProblems(kind, file, schemaProblems, ruleContext(registry, options)),
	].sort(compareProblems);
}

/** The registry-wide facts the entry rules read. */
function ruleContext(registry: Registry, options: CheckOptions): RuleContext {
	const ids = Object.fromEntries(
		entryKinds.map((kind) => {
			const valid = (registry[kind] as Entry[]).map((entry) => entry.id);
			const rejected = (registry.rejected ?? []).filter((r) => r.kind === kind).map((r) => r.id);
			return [kind, new Set([...valid, ...rejected])];
		}),
	) as unknown as RuleContext['ids'];
	const data = new Map(
		entryKinds.flatMap((kind) =>
			(registry[kind] as Entry[]).map((entry) => [entryKey(kind, entry.id), entry.data] as const),
		),
	);
	return {
		vocabularies: registry.vocabularies,
		ids,
		today: options.today ?? currentDate(),
		lookup: (kind, id) => data.get(entryKey(kind, id)),
	};
}

/**
 * The rules of one entry file, placed on its lines; `known` are problems already reported for
 * the file, and rule problems on the same fields (or inside them) are left out.
 */
function ruleProblems(
	kind: EntryKind,
	file: EntryFile,
	known: Problem[],
	context: RuleContext,
): Problem[] {
	const covered = known.map((problem) => problem.field);
	const overlaps = (field: string) =>
		covered.some(
			(other) => field === other || field.startsWith(`${other}.`) || other.startsWith(`${field}.`),
		);
	const problems = entryIssues(kind, file.data, context)
		.map((issue) => locate(file, issue))
		.filter((problem) => !overlaps(problem.field));
	file.body.split('\n').forEach((line, index) => {
		const message = forbiddenCharacterMessage(line);
		if (message)
			problems.push({ path: file.path, line: file.bodyLine + index, field: 'body', message });
	});
	const language = languageState((file.data as Record<string, unknown> | null)?.['language']);
	if (language) {
		for (const issue of checkBody(file.body, file.bodyLine, language)) {
			problems.push({ path: file.path, line: issue.line, field: 'body', message: issue.message });
		}
	}
	return problems;
}

/** Places an entry issue on the line of the offending value. */
function locate(file: EntryFile, issue: EntryIssue): Problem {
	return {
		path: file.path,
		line: file.lineOf(issue.at),
		field: issue.at.map(String).join('.'),
		message: issue.message,
	};
}

/** The id of an entry is its file name, so links and files never disagree. */
function fileNameProblems(file: EntryFile, id: string): Problem[] {
	const name = basename(file.path, entryExtension);
	if (name === id) return [];
	return [
		{
			path: file.path,
			line: file.lineOf(['id']),
			field: 'id',
			message: {
				fr: `l’identifiant « ${id} » doit être égal au nom du fichier « ${name} » (sans .mdx) : renommez le fichier ou changez l’identifiant`,
				en: `id "${id}" must equal the file name "${name}" (without .mdx): rename the file or change the id`,
			},
		},
	];
}

function duplicateId(entry: Entry, otherPath: string): Problem {
	return {
		path: entry.file.path,
		line: entry.file.lineOf(['id']),
		field: 'id',
		message: {
			fr: `l’identifiant « ${entry.id} » est déjà utilisé par ${otherPath}`,
			en: `id "${entry.id}" is already used by ${otherPath}`,
		},
	};
}

/** Every vocabulary the schemas name must exist as a file (unless that file is already reported). */
export function vocabularyFileProblems(registry: Registry): Problem[] {
	const names = new Set(
		entryKinds.flatMap((kind) =>
			schemaFields(entrySchemas[kind] as z.ZodObject).flatMap((f) => f.doc?.vocabulary ?? []),
		),
	);
	const problems: Problem[] = [];
	for (const name of [...names].sort()) {
		const path = join(registry.dir, 'vocabularies', `${name}.yml`);
		if (registry.vocabularies.has(name) || registry.problems.some((p) => p.path === path)) continue;
		problems.push({
			path,
			line: 1,
			field: 'file',
			message: {
				fr: `le vocabulaire « ${name} » manque : créez ${path}, avec ses valeurs et leurs libellés en français et en anglais`,
				en: `vocabulary "${name}" is missing: create ${path} with its values and their French and English labels`,
			},
		});
	}
	return problems;
}
