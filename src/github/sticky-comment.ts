import { explainFailure } from './errors.ts';
import type { GitHubClient, RepositoryRef } from './rest-client.ts';

/** The hidden marker of the one comment this workflow keeps up to date on an issue. */
export const stickyCommentMarker = '<!-- registre-ia:issue-comment -->';

/** What {@link upsertStickyComment} did. */
export interface StickyCommentResult {
	id: number;
	url: string;
	action: 'created' | 'updated' | 'unchanged';
}

/**
 * Writes the workflow's one comment on an issue: found by its hidden marker among comments by a
 * bot, updated in place, left alone when it already says the same thing.
 * @see https://github.com/issue-ops/validator
 */
export async function upsertStickyComment(
	client: GitHubClient,
	repository: RepositoryRef,
	issueNumber: number,
	text: string,
): Promise<StickyCommentResult> {
	const body = `${stickyCommentMarker}\n${text}`;
	return explainFailure('write-comment', async () => {
		const comments = await client.paginate(client.rest.issues.listComments, {
			...repository,
			issue_number: issueNumber,
			per_page: 100,
		});
		const existing = comments.find(
			(comment) =>
				comment.user?.type === 'Bot' && (comment.body ?? '').startsWith(stickyCommentMarker),
		);
		if (existing && existing.body === body) {
			return { id: existing.id, url: existing.html_url, action: 'unchanged' };
		}
		if (existing) {
			const updated = await client.rest.issues.updateComment({
				...repository,
				comment_id: existing.id,
				body,
			});
			return { id: updated.data.id, url: updated.data.html_url, action: 'updated' };
		}
		const created = await client.rest.issues.createComment({
			...repository,
			issue_number: issueNumber,
			body,
		});
		return { id: created.data.id, url: created.data.html_url, action: 'created' };
	});
}
