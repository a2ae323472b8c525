import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** The part of a GitHub `issues` webhook payload the drafting reads. */
const IssueEventSchema = z.object({
	issue: z.object({
		number: z.int().positive(),
		title: z.string().nullish(),
		body: z.string().nullish(),
		labels: z.array(z.union([z.string(), z.object({ name: z.string().nullish() })])).nullish(),
	}),
});

/** The issue an event is about. */
export interface IssueInput {
	number: number;
	title: string;
	body: string;
	labels: string[];
}

/** Reads `GITHUB_EVENT_PATH`'s file; throws with the path and what is missing. */
export async function readIssueEvent(path: string): Promise<IssueInput> {
	let data: unknown;
	try {
		data = JSON.parse(await readFile(path, 'utf8'));
	} catch (error) {
		throw new Error(`${path}: cannot read the event as JSON (${(error as Error).message})`, {
			cause: error,
		});
	}
	const result = IssueEventSchema.safeParse(data);
	if (!result.success) {
		throw new Error(`${path}: not a GitHub "issues" event\n${z.prettifyError(result.error)}`);
	}
	const { issue } = result.data;
	return {
		number: issue.number,
		title: issue.title ?? '',
		body: issue.body ?? '',
		labels: (issue.labels ?? []).flatMap((label) =>
			typeof label === 'string' ? [label] : label.name ? [label.name] : [],
		),
	};
}
