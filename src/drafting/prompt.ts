import { readFile } from 'node:fs/promises';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Language } from '../registry/schemas/index.ts';
import { kindOf, type EntryKind } from '../registry/kinds/index.ts';
import type { StructuredOutputMode } from './providers.ts';
import type { DraftError } from './report.ts';

/**
 * Builds what is sent to the model from the versioned prompt file: the rules, one example entry
 * of the same kind, the schema when the provider does not enforce it, and the redacted issue,
 * within a character budget so a long issue cannot make a draft expensive.
 */

/** The prompt file in use; its name carries the version, recorded with each draft. */
export const promptFile = new URL('./prompts/draft-entry.v2.md', import.meta.url);

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
	/**
	 * Variants in order of preference, read one at a time: the first that leaves the whole issue
	 * room is used, and the ones after it are never built.
	 */
	variants: Iterable<PromptVariant>;
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
	/**
	 * What was left out, in the order it gave way: `references:<kind>`, `definitions`,
	 * `example`, `resembling` (see `answerVariants`), then `issue-end`.
	 */
	omitted: string[];
	/** Why nothing may be sent: the issue would have to be cut below {@link minIssueChars}. */
	refusal: DraftError | null;
}

/**
 * Fewest characters of the issue sent when its end has to be cut, or the whole issue when it is
 * shorter: below that the model would write an entry from next to nothing, so nothing is sent.
 */
export const minIssueChars = 2_000;

const languageNames: Record<Language, string> = { fr: 'French', en: 'English' };
const truncationMark = '\n[…] (truncated)';

/**
 * Builds the system and user messages within the character budget: the first variant that
 * leaves room for the whole issue, else the lightest one with the end of the issue cut, unless
 * that leaves less than {@link minIssueChars} of it, in which case the prompt carries a refusal.
 */
export function buildPrompt(template: PromptTemplate, input: PromptInput): BuiltPrompt {
	// Escaped once: a long issue is tried against every variant.
	const safe = escapeMarkers(input.issueText);
	let last: { built: BuiltPrompt; fixed: number } | undefined;
	for (const variant of input.variants) {
		last = attempt(template, input, variant, safe);
		if (!last.built.omitted.includes('issue-end')) return last.built;
	}
	if (!last) throw new Error('buildPrompt: no prompt variant given');
	const whole = safe.length;
	const room = Math.max(0, input.maxChars - last.fixed);
	const kept = Math.max(0, room - truncationMark.length);
	const floor = Math.min(whole, minIssueChars);
	if (kept >= floor) return last.built;
	return { ...last.built, refusal: tooLong(whole, kept, floor) };
}

/** One variant's messages, and the characters they take besides the issue's own text. */
function attempt(
	template: PromptTemplate,
	input: PromptInput,
	variant: PromptVariant,
	safe: string,
): { built: BuiltPrompt; fixed: number } {
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
	const issue = fitIssue(safe, input.maxChars - fixed);
	const user = fill(template.issue, { number: String(input.issueNumber), issue: issue.text });
	const built: BuiltPrompt = {
		messages: [
			{ role: 'system', content: system },
			{ role: 'user', content: user },
		],
		schema: variant.schema,
		chars: fixed + issue.text.length,
		omitted: [...variant.omits, ...(issue.truncated ? ['issue-end'] : [])],
		refusal: null,
	};
	return { built, fixed };
}

/** Keeps the issue from closing the data markers early. */
function escapeMarkers(text: string): string {
	return text.replace(/<<<|>>>/g, (marker) => (marker === '<<<' ? '‹‹‹' : '›››'));
}

const numbers = { fr: new Intl.NumberFormat('fr-FR'), en: new Intl.NumberFormat('en-GB') };

/** Why an issue is not sent: only `kept` of its `whole` characters would fit, `floor` needed. */
function tooLong(whole: number, kept: number, floor: number): DraftError {
	const fr = (n: number) => numbers.fr.format(n);
	const en = (n: number) => numbers.en.format(n);
	return {
		field: 'details',
		message: {
			fr: `Le ticket n’a pas été envoyé au modèle : avec les consignes et le schéma de la fiche, il ne reste de place que pour ${fr(kept)} de ses ${fr(whole)} caractères, et la rédaction en demande au moins ${fr(floor)}. Raccourcissez la description (ou nommez moins de fiches du registre).`,
			en: `The issue was not sent to the model: with the rules and the entry’s schema, there is room for only ${en(kept)} of its ${en(whole)} characters, and drafting needs at least ${en(floor)}. Shorten the description (or name fewer registry entries).`,
		},
	};
}

/** Shortens the (escaped) issue to the budget. */
function fitIssue(safe: string, budget: number): { text: string; truncated: boolean } {
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
	responseSchemas: Record<string, unknown> | null | readonly (Record<string, unknown> | null)[],
): string {
	return calls
		.map((messages, call) => {
			const parts = messages.map(
				(message) => `----- call ${call + 1} · ${message.role} -----\n${String(message.content)}`,
			);
			// One schema for every call, or each call's own (a draft that also drafts new models).
			const responseSchema = Array.isArray(responseSchemas)
				? (responseSchemas[call] ?? null)
				: (responseSchemas as Record<string, unknown> | null);
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
