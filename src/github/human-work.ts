import { draftBranchName, readBranchHead, readDefaultBranch } from './branch-commit.ts';
import { explainFailure } from './errors.ts';
import { readFrontMatter } from './front-matter.ts';
import { findDraftPullRequest, type DraftPullRequest } from './pull-request.ts';
import type { GitHubClient, RepositoryRef } from './rest-client.ts';

/** A registry entry file, the only kind of file the bot writes or removes on a draft branch. */
const entryFilePattern = /^registry\/(systems|models)\/[a-z0-9][a-z0-9.-]{0,63}\.mdx$/;

/**
 * The author associations of people in the repository's circle, who may push to its branches or
 * review for it: its owner, members of the organisation that owns it, and invited collaborators.
 * @see https://docs.github.com/en/graphql/reference/enums#commentauthorassociation
 */
export const teamAssociations: ReadonlySet<string> = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

/** What a person did on a draft that the bot must not overwrite. */
export interface HumanWork {
	kind: 'commit' | 'review';
	/** Login of the person, or their Git name when GitHub knows no account for the commit. */
	who: string;
}

/** The state of an issue's draft branch, read before committing to it. */
export interface DraftBranchState {
	/** Commits and reviews by people: the bot no longer commits while there is one. */
	humanWork: HumanWork[];
	/** Registry entry files the branch added relative to the base. */
	addedEntries: string[];
	/** Registry entry files the branch changed relative to the base (a correction's edits). */
	modifiedEntries: string[];
	/** The bot's last commit on the branch: the draft it last wrote, before anyone took over. */
	lastBotCommit: string | undefined;
}

interface ListedCommit {
	sha?: string;
	/** GitHub shows `{}` for an author it cannot match to an account. */
	author: { login?: string; type?: string } | null;
	commit: {
		author: { name?: string } | null;
		verification?: { verified: boolean } | undefined;
	};
}

/**
 * Whether a commit is one the workflow made: written through the API by a bot account, which
 * GitHub then signs itself. A person's commit, from the web editor or a push, has a person as its
 * author; one that only claims a bot's e-mail address is not signed by GitHub.
 * @see https://docs.github.com/en/authentication/managing-commit-signature-verification/about-commit-signature-verification#signature-verification-for-bots
 */
function isBotCommit(commit: ListedCommit, botLogin?: string): boolean {
	return (
		commit.author?.type === 'Bot' &&
		(botLogin === undefined || commit.author.login === botLogin) &&
		commit.commit.verification?.verified === true
	);
}

/**
 * Reads the draft branch against its base (three-dot comparison: the commits and files the
 * branch adds) and, when there is one, the reviews of its pull request. A review counts when it
 * comes from someone in the repository's team, so a passer-by's comment on a public repository
 * cannot freeze a draft.
 * @see https://docs.github.com/en/rest/commits/commits#compare-two-commits
 */
export async function inspectDraftBranch(
	client: GitHubClient,
	repository: RepositoryRef,
	target: { base: string; branch: string; pullNumber?: number | undefined; botLogin?: string },
): Promise<DraftBranchState> {
	const comparison = await explainFailure('read-repository', () =>
		client.rest.repos.compareCommits({
			...repository,
			base: target.base,
			head: target.branch,
			per_page: 100,
		}),
	);
	const { commits, files } = comparison.data;
	const humanWork: HumanWork[] = commits
		.filter((commit) => !isBotCommit(commit, target.botLogin))
		.map((commit) => ({
			kind: 'commit',
			who:
				(commit.author && 'login' in commit.author ? commit.author.login : undefined) ??
				commit.commit.author?.name ??
				'?',
		}));
	// More commits than listed: the unlisted ones cannot be vouched for.
	if (comparison.data.total_commits > commits.length) humanWork.push({ kind: 'commit', who: '?' });
	if (target.pullNumber !== undefined) {
		const reviews = await explainFailure('read-pull-requests', () =>
			client.paginate(client.rest.pulls.listReviews, {
				...repository,
				pull_number: target.pullNumber as number,
				per_page: 100,
			}),
		);
		for (const review of reviews) {
			if (review.user?.type === 'Bot' || !teamAssociations.has(review.author_association)) continue;
			humanWork.push({ kind: 'review', who: review.user?.login ?? '?' });
		}
	}
	return {
		humanWork,
		lastBotCommit: commits.findLast((commit) => isBotCommit(commit, target.botLogin))?.sha,
		addedEntries: entryFiles(files, 'added'),
		modifiedEntries: entryFiles(files, 'modified'),
	};
}

/** The registry entry files of a comparison with the given status. */
function entryFiles(
	files: readonly { filename: string; status: string }[] | undefined,
	status: 'added' | 'modified',
): string[] {
	return (files ?? [])
		.filter((file) => file.status === status && entryFilePattern.test(file.filename))
		.map((file) => file.filename);
}

/**
 * The top-level fields on which a new draft differs from the draft the bot last wrote: what the
 * issue's edits since would have changed, had the bot still been writing. (Compared with the
 * branch's head instead, the team's own fixes would be listed as the author's changes.)
 */
export function changedFields(lastDraft: string | undefined, draft: string): string[] {
	const before = readFrontMatter(lastDraft ?? '') ?? {};
	const after = readFrontMatter(draft) ?? {};
	return Object.keys(after)
		.filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]))
		.sort();
}

/**
 * An issue's draft as it stands on GitHub: its pull request if any, its branch and what people
 * did there; `undefined` when the branch does not exist.
 */
export async function readIssueDraft(
	client: GitHubClient,
	repository: RepositoryRef,
	issueNumber: number,
): Promise<
	{ existing: DraftPullRequest | undefined; branch: string; state: DraftBranchState } | undefined
> {
	const existing = await findDraftPullRequest(client, repository, {
		issueNumber,
		branch: draftBranchName(issueNumber),
	});
	const branch = existing?.headRef ?? draftBranchName(issueNumber);
	if ((await readBranchHead(client, repository, branch)) === undefined) return undefined;
	const state = await inspectDraftBranch(client, repository, {
		base: await readDefaultBranch(client, repository),
		branch,
		pullNumber: existing?.number,
		...(existing?.author && { botLogin: existing.author }),
	});
	return { existing, branch, state };
}
