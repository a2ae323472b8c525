import { createHash } from 'node:crypto';
import { PublishError, describeGitHubError, explainFailure, isGitHubError } from './errors.ts';
import type { GitHubClient, RepositoryRef } from './rest-client.ts';

/** The one branch that carries the draft of an issue. */
export function draftBranchName(issueNumber: number): string {
	return `registry/issue-${issueNumber}`;
}

/** The SHA Git gives a file's content, to tell without writing whether it changed. */
export function gitBlobSha(content: string): string {
	const bytes = Buffer.from(content, 'utf8');
	return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The files of a draft to commit on a branch: its entry, and any new entry it refers to. */
export interface EntryCommitRequest {
	branch: string;
	/** Branch a new draft branch starts from: the repository's default branch. */
	baseBranch: string;
	/** Path in the repository, e.g. `registry/systems/chatbot.mdx`. */
	path: string;
	content: string;
	/** Other files of the draft, written in the same commit (new entries the entry refers to). */
	also?: readonly { path: string; content: string }[];
	message: string;
	/**
	 * Other entry files to delete in the same commit: those the branch added for this issue under
	 * another id (the entry was renamed by an edit), so the branch holds exactly one entry.
	 */
	remove?: readonly string[];
	/**
	 * Published entry files the branch changed that this draft does not write (a correction that
	 * named another entry before the issue was edited): put back as the base has them.
	 */
	restore?: readonly string[];
	/**
	 * The head the branch was inspected at, `null` when it did not exist then: if the branch moved,
	 * or appeared, since, nothing is written. Left out, the branch is not checked.
	 */
	expectedHead?: string | null | undefined;
}

/** The draft branch moved after it was inspected: inspect it again before writing. */
export class BranchMovedError extends Error {
	constructor(branch: string) {
		super(`branch ${branch} moved since it was inspected`);
		this.name = 'BranchMovedError';
	}
}

/** What {@link commitEntry} did. */
export interface EntryCommitResult {
	/** Whether the branch exists after the call (not when the base already has this content). */
	branchExists: boolean;
	createdBranch: boolean;
	/** Whether a new commit was written. */
	changed: boolean;
	/** Head of the draft branch, or of the base when nothing needed a branch. */
	headSha: string;
	/** Whether the base branch already has a file at this path (the draft replaces an entry). */
	replacesExisting: boolean;
	/** Whether the base branch already holds exactly this content: there is nothing to propose. */
	identicalToBase: boolean;
	/** Entry files deleted by the commit. */
	removed: string[];
}

/**
 * Commits one file on the draft branch through the Git Data API (blob → tree → commit → ref),
 * so GitHub signs the commit as the token's identity and no git checkout is needed. Writes nothing
 * when the branch already holds the same content; never force-pushes, so commits a maintainer
 * adds to the branch are kept.
 * @see https://docs.github.com/en/rest/git/commits#create-a-commit
 */
export async function commitEntry(
	client: GitHubClient,
	repository: RepositoryRef,
	request: EntryCommitRequest,
): Promise<EntryCommitResult> {
	// A branch created or moved by someone else between the read and the write: read again once.
	for (let attempt = 1; ; attempt++) {
		try {
			return await commitEntryOnce(client, repository, request);
		} catch (error) {
			if (error instanceof BranchMovedError) throw error;
			const raced =
				isGitHubError(error, 422, 'reference already exists') ||
				isGitHubError(error, 422, 'not a fast forward');
			// Tied to an inspected head: someone else's branch or push is never committed on top of.
			if (raced && request.expectedHead !== undefined) throw new BranchMovedError(request.branch);
			if (!raced || attempt >= 2) throw describeGitHubError(error, 'write-branch');
		}
	}
}

async function commitEntryOnce(
	client: GitHubClient,
	repository: RepositoryRef,
	request: EntryCommitRequest,
): Promise<EntryCommitResult> {
	const branchHead = await readBranchHead(client, repository, request.branch);
	const baseHead = await readBranchHead(client, repository, request.baseBranch);
	if (baseHead === undefined) {
		throw new PublishError({
			fr: `La branche de base « ${request.baseBranch} » est introuvable dans ${repository.owner}/${repository.repo}.`,
			en: `Base branch "${request.baseBranch}" not found in ${repository.owner}/${repository.repo}.`,
		});
	}
	if (request.expectedHead !== undefined && branchHead !== (request.expectedHead ?? undefined)) {
		throw new BranchMovedError(request.branch);
	}
	const parent = branchHead ?? baseHead;
	const wanted = gitBlobSha(request.content);
	const also = request.also ?? [];
	const written = new Set([request.path, ...also.map((file) => file.path)]);
	const remove = (request.remove ?? []).filter((path) => !written.has(path));
	const restore: { path: string; sha: string }[] = [];
	for (const path of request.restore ?? []) {
		if (written.has(path)) continue;
		const sha = await readFileSha(client, repository, path, baseHead);
		// A file the base no longer has was added there, not changed: it goes with the others.
		if (sha) restore.push({ path, sha });
		else remove.push(path);
	}
	const onParent = await readFileSha(client, repository, request.path, parent);
	const alsoChanged: { path: string; content: string }[] = [];
	for (const file of also) {
		const sha = await readFileSha(client, repository, file.path, parent);
		if (sha !== gitBlobSha(file.content)) alsoChanged.push(file);
	}
	const onBase =
		parent === baseHead ? onParent : await readFileSha(client, repository, request.path, baseHead);
	const unchanged = {
		branchExists: branchHead !== undefined,
		createdBranch: false,
		changed: false,
		headSha: parent,
		replacesExisting: onBase !== undefined,
		identicalToBase: onBase === wanted,
		removed: [] as string[],
	};
	if (
		onParent === wanted &&
		remove.length === 0 &&
		restore.length === 0 &&
		alsoChanged.length === 0
	) {
		return unchanged;
	}

	const commit = await explainFailure('write-branch', async () => {
		const parentCommit = await client.rest.git.getCommit({ ...repository, commit_sha: parent });
		const blobs = [];
		for (const file of [{ path: request.path, content: request.content }, ...alsoChanged]) {
			const blob = await client.rest.git.createBlob({
				...repository,
				content: Buffer.from(file.content, 'utf8').toString('base64'),
				encoding: 'base64',
			});
			blobs.push({
				path: file.path,
				mode: '100644' as const,
				type: 'blob' as const,
				sha: blob.data.sha,
			});
		}
		const tree = await client.rest.git.createTree({
			...repository,
			base_tree: parentCommit.data.tree.sha,
			tree: [
				...blobs,
				...restore.map(({ path, sha }) => ({
					path,
					mode: '100644' as const,
					type: 'blob' as const,
					sha,
				})),
				// A null SHA deletes the path from the tree.
				...remove.map((path) => ({
					path,
					mode: '100644' as const,
					type: 'blob' as const,
					sha: null,
				})),
			],
		});
		// No author or committer: GitHub then signs the commit and marks it verified.
		return client.rest.git.createCommit({
			...repository,
			message: request.message,
			tree: tree.data.sha,
			parents: [parent],
		});
	});
	const sha = commit.data.sha;
	// Left unexplained so that commitEntry can tell a race from a refusal.
	if (branchHead === undefined) {
		await client.rest.git.createRef({ ...repository, ref: `refs/heads/${request.branch}`, sha });
	} else {
		await client.rest.git.updateRef({
			...repository,
			ref: `heads/${request.branch}`,
			sha,
			force: false,
		});
	}
	return {
		...unchanged,
		branchExists: true,
		createdBranch: branchHead === undefined,
		changed: true,
		headSha: sha,
		removed: remove,
	};
}

/**
 * Deletes a branch this run created when the pull request for it could not be opened, so no
 * branch is left behind without its pull request; only while its head is still `botHead`, the
 * bot's own commit, so a push made meanwhile is kept. Returns whether it deleted the branch.
 * Best effort: the next run reuses a leftover.
 */
export async function deleteBranch(
	client: GitHubClient,
	repository: RepositoryRef,
	branch: string,
	botHead: string,
): Promise<boolean> {
	// The REST API has no conditional delete: the window left is the one between these two calls.
	if ((await readBranchHead(client, repository, branch)) !== botHead) return false;
	await explainFailure('delete-branch', () =>
		client.rest.git.deleteRef({ ...repository, ref: `heads/${branch}` }),
	);
	return true;
}

/** The repository's default branch, where drafts start from and pull requests go. */
export async function readDefaultBranch(
	client: GitHubClient,
	repository: RepositoryRef,
): Promise<string> {
	const response = await explainFailure('read-repository', () =>
		client.rest.repos.get({ ...repository }),
	);
	return response.data.default_branch;
}

/** The commit a branch points to, or `undefined` if there is no such branch. */
export async function readBranchHead(
	client: GitHubClient,
	repository: RepositoryRef,
	branch: string,
): Promise<string | undefined> {
	return explainFailure('read-repository', async () => {
		try {
			const ref = await client.rest.git.getRef({ ...repository, ref: `heads/${branch}` });
			return ref.data.object.sha;
		} catch (error) {
			if (isGitHubError(error, 404)) return undefined;
			throw error;
		}
	});
}

/** The blob SHA of a file at a commit, or `undefined` when there is no file at that path. */
async function readFileSha(
	client: GitHubClient,
	repository: RepositoryRef,
	path: string,
	commitSha: string,
): Promise<string | undefined> {
	return explainFailure('read-repository', async () => {
		try {
			const response = await client.rest.repos.getContent({ ...repository, path, ref: commitSha });
			return Array.isArray(response.data) ? undefined : response.data.sha;
		} catch (error) {
			if (isGitHubError(error, 404)) return undefined;
			throw error;
		}
	});
}
