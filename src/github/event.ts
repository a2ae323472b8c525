import {
	IssueEventError,
	readIssueEvent as readEventFile,
	toEventIssue,
	type EventIssue,
	type IssueEvent,
} from '../contract/issue-event.ts';
import { PublishError, explainFailure } from './errors.ts';
import type { GitHubClient, RepositoryRef } from './rest-client.ts';

/** The event a run was started by, read by the contract's reader (src/contract/issue-event.ts). */
export type { IssueEvent };

/** The issue a draft is for, as far as the GitHub side needs it. */
export type DraftIssue = Omit<EventIssue, 'body'>;

/** Reads GitHub's event file (`GITHUB_EVENT_PATH`): never `${{ github.event.* }}` in a script. */
export async function readIssueEvent(path: string): Promise<IssueEvent> {
	try {
		return await readEventFile(path);
	} catch (error) {
		throw asPublishError(error);
	}
}

/** Checks an issue from an event or the REST API and keeps what a draft needs. */
export function toDraftIssue(raw: unknown, source: string): DraftIssue {
	try {
		return toEventIssue(raw, source);
	} catch (error) {
		throw asPublishError(error);
	}
}

/** The contract's bilingual error as this side's, which the commands report. */
function asPublishError(error: unknown): unknown {
	return error instanceof IssueEventError
		? new PublishError(error.bilingual, { cause: error })
		: error;
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
