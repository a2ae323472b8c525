import { readIssueEvent as readEventFile } from '../contract/issue-event.ts';

/** The issue an event is about, as far as the drafting reads it. */
export interface IssueInput {
	number: number;
	title: string;
	body: string;
	labels: string[];
}

/**
 * Reads `GITHUB_EVENT_PATH`'s file with the contract's reader (src/contract/issue-event.ts); throws
 * with the path and what is wrong. A manual run's event names its issue without carrying it: the
 * preflight writes the issue's own event for the drafting (`--event-out`).
 */
export async function readIssueEvent(path: string): Promise<IssueInput> {
	const event = await readEventFile(path);
	if (event.type !== 'issues') {
		throw new Error(
			`${path}: a manual run's event names issue #${event.issueNumber} without its text: pass the event the preflight writes (--event-out)`,
		);
	}
	const { number, title, body, labels } = event.issue;
	return { number, title, body, labels };
}
