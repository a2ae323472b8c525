import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { PublishError, explainFailure } from './errors.ts';
import type { GitHubClient, RepositoryRef } from './rest-client.ts';

/** The issue a draft is for, as far as the GitHub side needs it. */
export interface DraftIssue {
	number: number;
	title: string;
	url: string;
	/** Login of the person who opened the issue. */
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
			issue: DraftIssue;
			/** Login of the account whose action sent the event (`sender`). */
			sender: string | undefined;
			/** An `edited` event that changed the issue's text (`changes.body`), not only its title. */
			bodyEdited: boolean;
			payload: object;
	  }
	| { type: 'dispatch'; issueNumber: number; payload: object };

const LabelSchema = z.union([z.string(), z.looseObject({ name: z.string() })]);

/** The fields of a REST or webhook issue this room reads; everything else is kept as is. */
const IssueSchema = z.looseObject({
	number: z.int().positive(),
	title: z.string(),
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

/** Reads GitHub's event file (`GITHUB_EVENT_PATH`): never `${{ github.event.* }}` in a script. */
export async function readIssueEvent(path: string): Promise<IssueEvent> {
	let payload: unknown;
	try {
		payload = JSON.parse(await readFile(path, 'utf8'));
	} catch (error) {
		throw new PublishError(
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
			issue: toDraftIssue(event.data.issue, path),
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

function unsupportedEvent(path: string): PublishError {
	return new PublishError({
		fr: `${path} n’est ni un évènement « issues » ni un lancement manuel avec l’entrée « issue » (numéro du ticket).`,
		en: `${path} is neither an "issues" event nor a manual run with an "issue" input (the issue number).`,
	});
}

/** Checks an issue from an event or the REST API and keeps what a draft needs. */
export function toDraftIssue(raw: unknown, source: string): DraftIssue {
	const result = IssueSchema.safeParse(raw);
	if (!result.success) {
		throw new PublishError({
			fr: `${source} : ticket mal formé (${z.prettifyError(result.error)}).`,
			en: `${source}: malformed issue (${z.prettifyError(result.error)}).`,
		});
	}
	const issue = result.data;
	if (issue.pull_request !== undefined) {
		throw new PublishError({
			fr: `#${issue.number} est une demande de fusion, pas un ticket : lancez le workflow avec le numéro d’un ticket.`,
			en: `#${issue.number} is a pull request, not an issue: run the workflow with an issue number.`,
		});
	}
	return {
		number: issue.number,
		title: issue.title,
		url: issue.html_url,
		// GitHub shows deleted accounts as "ghost".
		author: issue.user?.login ?? 'ghost',
		authorAssociation: issue.author_association ?? 'NONE',
		labels: issue.labels.map((label) => (typeof label === 'string' ? label : label.name)),
	};
}

/** Fetches the issue of a manual run from GitHub; an issue event already carries it. */
export async function fetchIssue(
	client: GitHubClient,
	repository: RepositoryRef,
	issueNumber: number,
): Promise<{ issue: DraftIssue; raw: unknown }> {
	const response = await explainFailure('read-issue', () =>
		client.rest.issues.get({ ...repository, issue_number: issueNumber }),
	);
	return { issue: toDraftIssue(response.data, `issue #${issueNumber}`), raw: response.data };
}

/** The issue of an event, fetched from GitHub for a manual run. */
export async function resolveIssue(
	event: IssueEvent,
	client: GitHubClient,
	repository: RepositoryRef,
): Promise<DraftIssue> {
	if (event.type === 'issues') return event.issue;
	return (await fetchIssue(client, repository, event.issueNumber)).issue;
}
