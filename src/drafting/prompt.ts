import { readFile } from 'node:fs/promises';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Language } from '../registry/schemas/index.ts';
import { kindOf, type EntryKind } from '../registry/kinds/index.ts';
import type { StructuredOutputMode } from './providers.ts';

/**
 * Builds what is sent to the model from the versioned prompt file: the rules, one example entry
 * of the same kind, the schema when the provider does not enforce it, and the redacted issue,
 * within a character budget so a long issue cannot make a draft expensive.
 */

/** The prompt file in use; its name carries the version, recorded with each draft. */
export const promptFile = new URL('./prompts/draft-entry.v1.md', import.meta.url);

/** Sections of the prompt file, by name. */
export type PromptTemplate = Record<'system' | 'example' | 'schema' | 'issue' | 'repair', string>;

/** Reads the prompt file and splits it at its `# name` lines; the leading comment is dropped. */
export async function loadPrompt(file: URL = promptFile): Promise<PromptTemplate> {
	const text = await readFile(file, 'utf8');
	const sections: Record<string, string> = {};
	for (const part of text.split(/^# (?=\w+\s*$)/m).slice(1)) {
		const newline = part.indexOf('\n');
		sections[part.slice(0, newline).trim()] = part.slice(newline + 1).trim();
	}
	for (const name of ['system', 'example', 'schema', 'issue', 'repair'] as const) {
		if (!sections[name]) throw new Error(`${file.pathname}: section "# ${name}" is missing`);
	}
	return sections as PromptTemplate;
}

/** Fills `{{name}}` marks in one pass, so a value containing `{{…}}` is never expanded. */
export function fill(template: string, values: Record<string, string>): string {
	return template.replace(/\{\{(\w+)\}\}/g, (mark, name: string) => values[name] ?? mark);
}

/** One way to fill the prompt: a schema and an example, from richest to lightest. */
export interface PromptVariant {
	/** The strict JSON Schema of the answer. */
	schema: Record<string, unknown>;
	/** One entry of the same kind in the answer's shape, or null to leave it out. */
	example: unknown;
	/** What this variant left out, for the report. */
	omits: string[];
}

/** What a draft prompt is made of. */
export interface PromptInput {
	kind: EntryKind;
	organisation: string;
	original: Language;
	/** Variants in order of preference; the first that leaves the whole issue room is used. */
	variants: readonly PromptVariant[];
	mode: StructuredOutputMode;
	issueNumber: number;
	/** The issue as text, already redacted. */
	issueText: string;
	/** Most characters to send: messages plus the schema. */
	maxChars: number;
}

/** The messages of a draft call, and what had to give way to fit the budget. */
export interface BuiltPrompt {
	messages: ChatCompletionMessageParam[];
	/** The schema sent with (or, in JSON mode, inside) the messages. */
	schema: Record<string, unknown>;
	/** Characters of messages plus schema: what leaves the machine. */
	chars: number;
	/** What was left out: `definitions`, `example`, `issue-end`. */
	omitted: string[];
}

const languageNames: Record<Language, string> = { fr: 'French', en: 'English' };
const truncationMark = '\n[…] (truncated)';

/**
 * Builds the system and user messages within the character budget: the first variant that
 * leaves room for the whole issue, else the lightest one with the end of the issue cut.
 */
export function buildPrompt(template: PromptTemplate, input: PromptInput): BuiltPrompt {
	const attempts = input.variants.map((variant) => attempt(template, input, variant));
	const fitting = attempts.find((built) => !built.omitted.includes('issue-end'));
	const chosen = fitting ?? attempts.at(-1);
	if (!chosen) throw new Error('buildPrompt: no prompt variant given');
	return chosen;
}

function attempt(
	template: PromptTemplate,
	input: PromptInput,
	variant: PromptVariant,
): BuiltPrompt {
	const schemaText = JSON.stringify(variant.schema);
	const system = fill(template.system, {
		kind: kindOf(input.kind).nouns.all.en,
		organisation: input.organisation,
		original: languageNames[input.original],
		other: languageNames[input.original === 'fr' ? 'en' : 'fr'],
		example:
			variant.example !== null
				? `${fill(template.example, { entry: JSON.stringify(variant.example) })}\n\n`
				: '',
		schema: input.mode === 'json_object' ? fill(template.schema, { jsonSchema: schemaText }) : '',
	}).trim();
	const frame = fill(template.issue, { number: String(input.issueNumber), issue: '' });
	// With json_schema the schema travels in `response_format`; it leaves the machine all the same.
	const fixed =
		system.length + frame.length + (input.mode === 'json_schema' ? schemaText.length : 0);
	const issue = fitIssue(input.issueText, input.maxChars - fixed);
	const user = fill(template.issue, { number: String(input.issueNumber), issue: issue.text });
	return {
		messages: [
			{ role: 'system', content: system },
			{ role: 'user', content: user },
		],
		schema: variant.schema,
		chars: fixed + issue.text.length,
		omitted: [...variant.omits, ...(issue.truncated ? ['issue-end'] : [])],
	};
}

/** Shortens the issue to the budget, and keeps it from closing the data markers early. */
function fitIssue(text: string, budget: number): { text: string; truncated: boolean } {
	const safe = text.replace(/<<<|>>>/g, (marker) => (marker === '<<<' ? '‹‹‹' : '›››'));
	if (safe.length <= budget) return { text: safe, truncated: false };
	const room = Math.max(0, budget - truncationMark.length);
	return { text: safe.slice(0, room) + truncationMark, truncated: true };
}

/** The messages of the repair call: the first exchange, then the problems to fix. */
export function buildRepair(
	template: PromptTemplate,
	first: readonly ChatCompletionMessageParam[],
	answer: string,
	problems: readonly string[],
): ChatCompletionMessageParam[] {
	return [
		...first,
		{ role: 'assistant', content: answer },
		{
			role: 'user',
			content: fill(template.repair, { problems: problems.map((p) => `- ${p}`).join('\n') }),
		},
	];
}

/**
 * Everything each call sent, in order, for the report's `sentText`: its messages, then the
 * response schema when it travelled beside them (with `json_schema`, not inside a message).
 */
export function sentText(
	calls: readonly (readonly ChatCompletionMessageParam[])[],
	responseSchema: Record<string, unknown> | null,
): string {
	return calls
		.map((messages, call) => {
			const parts = messages.map(
				(message) => `----- call ${call + 1} · ${message.role} -----\n${String(message.content)}`,
			);
			if (responseSchema) {
				parts.push(
					`----- call ${call + 1} · response schema -----\n${JSON.stringify(responseSchema)}`,
				);
			}
			return parts.join('\n');
		})
		.join('\n');
}

/** Characters of a set of messages. */
export function messageChars(messages: readonly ChatCompletionMessageParam[]): number {
	return messages.reduce((total, message) => total + String(message.content ?? '').length, 0);
}
