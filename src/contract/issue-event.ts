import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * The reader of GitHub's event file (`GITHUB_EVENT_PATH`), for the drafting job and the
 * publishing job alike: never `${{ github.event.* }}` in a script. An `issues` event carries its
 * issue; a manual run (`workflow_dispatch`) names one, which the preflight fetches and writes as
 * an `issues` event for the drafting job.
 */

/** A text in French and English. */
export interface Bilingual {
	fr: string;
	en: string;
}

/** An event file that cannot be read, with what to change in both languages. */
export class IssueEventError extends Error {
	readonly bilingual: Bilingual;

	constructor(bilingual: Bilingual, options?: { cause?: unknown }) {
		super(bilingual.en, options);
		this.name = 'IssueEventError';
		this.bilingual = bilingual;
	}
}

/** The issue an event is about, as both jobs read it. */
export interface EventIssue {
	number: number;
	title: string;
	/** The issue's text: the form's answers. */
	body: string;
	url: string;
	/** Login of the person who opened the issue; GitHub shows deleted accounts as `ghost`. */
	author: string;
	/** How the author relates to the repository (`OWNER`, `MEMBER`, `COLLABORATOR`, `NONE`…). */
	authorAssociation: string;
	labels: string[];
}

/** The event a run was started by: an issue event, or a manual run naming an issue. */
export type IssueEvent =
	| {
			type: 'issues';
			action: string | undefined;
			issue: EventIssue;
			/** Login of the account whose action sent the event (`sender`). */
			sender: string | undefined;
			/** An `edited` event that changed the issue's text (`changes.body`), not only its title. */
			bodyEdited: boolean;
			payload: object;
	  }
	| { type: 'dispatch'; issueNumber: number; payload: object };

const LabelSchema = z.union([z.string(), z.looseObject({ name: z.string().nullish() })]);

/** The fields of a webhook or REST issue read here; everything else is kept as is. */
const IssueSchema = z.looseObject({
	number: z.int().positive(),
	title: z.string(),
	body: z.string().nullish(),
	html_url: z.string(),
	user: z.looseObject({ login: z.string() }).nullable(),
	labels: z.array(LabelSchema).default([]),
	author_association: z.string().optional(),
	pull_request: z.unknown().optional(),
});

const EventSchema = z.looseObject({
	action: z.string().optional(),
	issue: z.unknown().optional(),
	inputs: z.looseObject({ issue: z.union([z.string(), z.number()]).optional() }).nullish(),
	sender: z.looseObject({ login: z.string() }).nullish(),
	changes: z.looseObject({ body: z.unknown().optional() }).nullish(),
});

/** Reads an event file: an `issues` event, or a manual run with an `issue` input. */
export async function readIssueEvent(path: string): Promise<IssueEvent> {
	let payload: unknown;
	try {
		payload = JSON.parse(await readFile(path, 'utf8'));
	} catch (error) {
		throw new IssueEventError(
			{
				fr: `Fichier d’évènement illisible (${path}) : ${(error as Error).message}. Passez --event "$GITHUB_EVENT_PATH".`,
				en: `Unreadable event file (${path}): ${(error as Error).message}. Pass --event "$GITHUB_EVENT_PATH".`,
			},
			{ cause: error },
		);
	}
	const event = EventSchema.safeParse(payload);
	if (!event.success || typeof payload !== 'object' || payload === null) {
		throw unsupportedEvent(path);
	}
	if (event.data.issue !== undefined) {
		return {
			type: 'issues',
			action: event.data.action,
			issue: toEventIssue(event.data.issue, path),
			sender: event.data.sender?.login,
			bodyEdited: event.data.action === 'edited' && event.data.changes?.body !== undefined,
			payload,
		};
	}
	const input = String(event.data.inputs?.issue ?? '').trim();
	if (/^[1-9][0-9]{0,9}$/.test(input)) {
		return { type: 'dispatch', issueNumber: Number(input), payload };
	}
	throw unsupportedEvent(path);
}

function unsupportedEvent(path: string): IssueEventError {
	return new IssueEventError({
		fr: `${path} n’est ni un évènement « issues » ni un lancement manuel avec l’entrée « issue » (numéro du ticket).`,
		en: `${path} is neither an "issues" event nor a manual run with an "issue" input (the issue number).`,
	});
}

/** Checks an issue from an event or the REST API and keeps what the jobs read. */
export function toEventIssue(raw: unknown, source: string): EventIssue {
	const result = IssueSchema.safeParse(raw);
	if (!result.success) {
		throw new IssueEventError({
			fr: `${source} : ticket mal formé (${z.prettifyError(result.error)}).`,
			en: `${source}: malformed issue (${z.prettifyError(result.error)}).`,
		});
	}
	const issue = result.data;
	if (issue.pull_request !== undefined) {
		throw new IssueEventError({
			fr: `#${issue.number} est une demande de fusion, pas un ticket : lancez le workflow avec le numéro d’un ticket.`,
			en: `#${issue.number} is a pull request, not an issue: run the workflow with an issue number.`,
		});
	}
	return {
		number: issue.number,
		title: issue.title,
		body: issue.body ?? '',
		url: issue.html_url,
		author: issue.user?.login ?? 'ghost',
		authorAssociation: issue.author_association ?? 'NONE',
		labels: issue.labels.flatMap((label) =>
			typeof label === 'string' ? [label] : label.name ? [label.name] : [],
		),
	};
}
