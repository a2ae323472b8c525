import { PublishError, explainFailure, isGitHubError } from './errors.ts';
import {
	isSettlingError,
	retryWhileSettling,
	sleep,
	type GitHubClient,
	type RepositoryRef,
} from './rest-client.ts';

/**
 * The hidden marker that ties a pull request to its issue, whatever its branch is called. It opens
 * the body, so text quoted further down cannot pass for it.
 */
export function pullRequestMarker(issueNumber: number): string {
	return `<!-- registre-ia:pull-request issue=${issueNumber} -->`;
}

/** The draft pull request of an issue, as far as publishing needs it. */
export interface DraftPullRequest {
	number: number;
	url: string;
	title: string;
	body: string;
	headRef: string;
	labels: string[];
	/** Login of the account that opened it: the workflow's bot, whose commits are its own. */
	author: string | undefined;
}

interface PullLike {
	number: number;
	html_url: string;
	title: string;
	body: string | null;
	head: { ref: string; repo: { full_name: string } | null };
	labels: { name?: string }[];
	user: { type: string; login: string } | null;
}

function toDraftPullRequest(pull: PullLike): DraftPullRequest {
	return {
		number: pull.number,
		url: pull.html_url,
		title: pull.title,
		body: pull.body ?? '',
		headRef: pull.head.ref,
		labels: pull.labels.flatMap((label) => (label.name ? [label.name] : [])),
		author: pull.user?.type === 'Bot' ? pull.user.login : undefined,
	};
}

/**
 * Finds the open draft pull request of an issue: by its head branch first, then by the hidden
 * marker among open pull requests opened by a bot from this repository (a maintainer may have
 * renamed the branch). At most one is returned: the oldest, which is the one people discuss.
 */
export async function findDraftPullRequest(
	client: GitHubClient,
	repository: RepositoryRef,
	query: { issueNumber: number; branch: string },
): Promise<DraftPullRequest | undefined> {
	return explainFailure('read-pull-requests', async () => {
		const byHead = await client.rest.pulls.list({
			...repository,
			state: 'open',
			head: `${repository.owner}:${query.branch}`,
			per_page: 10,
		});
		const first = byHead.data.sort((a, b) => a.number - b.number)[0];
		if (first) return toDraftPullRequest(first);

		const marker = pullRequestMarker(query.issueNumber);
		const fullName = `${repository.owner}/${repository.repo}`;
		const open = await client.paginate(client.rest.pulls.list, {
			...repository,
			state: 'open',
			per_page: 100,
		});
		const byMarker = open
			.filter(
				(pull) =>
					pull.user?.type === 'Bot' &&
					pull.head.repo?.full_name === fullName &&
					(pull.body ?? '').startsWith(marker),
			)
			.sort((a, b) => a.number - b.number)[0];
		return byMarker ? toDraftPullRequest(byMarker) : undefined;
	});
}

/** What to open or update. */
export interface PullRequestContent {
	issueNumber: number;
	branch: string;
	base: string;
	title: string;
	body: string;
}

/** What {@link openOrUpdatePullRequest} did. */
export interface PullRequestResult {
	pull: DraftPullRequest;
	created: boolean;
	updated: boolean;
}

/**
 * Opens the draft pull request, or updates the existing one only where its title or body differ.
 * Handles "a pull request already exists" (found too late: update it) and, right after the branch
 * was created, GitHub's transient 422 on the new head.
 * @see https://github.com/peter-evans/create-pull-request/blob/main/src/github-helper.ts
 */
export async function openOrUpdatePullRequest(
	client: GitHubClient,
	repository: RepositoryRef,
	existing: DraftPullRequest | undefined,
	content: PullRequestContent,
	settle: { justCreatedBranch: boolean; delaysMs: readonly number[] },
): Promise<PullRequestResult> {
	if (existing) return updatePullRequest(client, repository, existing, content);
	try {
		const created = await explainFailure('write-pull-request', () =>
			retryWhileSettling(
				() =>
					client.rest.pulls.create({
						...repository,
						head: content.branch,
						base: content.base,
						title: content.title,
						body: content.body,
					}),
				{ delaysMs: settle.justCreatedBranch ? settle.delaysMs : [], isTransient: isSettlingError },
			),
		);
		return { pull: toDraftPullRequest(created.data), created: true, updated: false };
	} catch (error) {
		if (!isGitHubError((error as Error).cause, 422, 'a pull request already exists')) throw error;
	}
	// Another run, or GitHub's list lagging behind, hid it from the first search: look again.
	for (const delay of [0, ...settle.delaysMs]) {
		await sleep(delay);
		const found = await findDraftPullRequest(client, repository, content);
		if (found) return updatePullRequest(client, repository, found, content);
	}
	throw new PublishError({
		fr: `GitHub indique qu’une demande de fusion existe déjà pour la branche ${content.branch}, mais elle reste introuvable : relancez le workflow dans une minute.`,
		en: `GitHub says a pull request already exists for branch ${content.branch}, but it cannot be found: re-run the workflow in a minute.`,
	});
}

async function updatePullRequest(
	client: GitHubClient,
	repository: RepositoryRef,
	existing: DraftPullRequest,
	content: PullRequestContent,
): Promise<PullRequestResult> {
	if (existing.title === content.title && existing.body === content.body) {
		return { pull: existing, created: false, updated: false };
	}
	const updated = await explainFailure('write-pull-request', () =>
		client.rest.pulls.update({
			...repository,
			pull_number: existing.number,
			title: content.title,
			body: content.body,
		}),
	);
	return { pull: toDraftPullRequest(updated.data), created: false, updated: true };
}

/**
 * Adds the labels a draft pull request lacks and removes the ones that no longer apply (only
 * among `managed`, so labels people add are kept). Right after creation GitHub may not resolve
 * the new pull request yet, hence the settle retry.
 */
export async function syncLabels(
	client: GitHubClient,
	repository: RepositoryRef,
	pull: DraftPullRequest,
	labels: { wanted: readonly string[]; managed: readonly string[] },
	settle: { justCreated: boolean; delaysMs: readonly number[] },
): Promise<{ added: string[]; removed: string[] }> {
	const added = labels.wanted.filter((label) => !pull.labels.includes(label));
	const removed = pull.labels.filter(
		(label) => labels.managed.includes(label) && !labels.wanted.includes(label),
	);
	const delaysMs = settle.justCreated ? settle.delaysMs : [];
	await explainFailure('label-pull-request', async () => {
		if (added.length > 0) {
			await retryWhileSettling(
				() =>
					client.rest.issues.addLabels({ ...repository, issue_number: pull.number, labels: added }),
				{ delaysMs, isTransient: isSettlingError },
			);
		}
		for (const name of removed) {
			await client.rest.issues.removeLabel({ ...repository, issue_number: pull.number, name });
		}
	});
	return { added, removed };
}
