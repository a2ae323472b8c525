/**
 * The state of one fake repository: Git objects and refs (with real blob SHAs, so content
 * comparisons behave as on GitHub), issues, pull requests, comments and labels.
 */
import { createHash } from 'node:crypto';

/** A GitHub account as the API shows it. */
export interface FakeUser {
	login: string;
	id: number;
	type: 'User' | 'Bot';
}

/** The identity behind `GITHUB_TOKEN` in a workflow. */
export const actionsBot: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

/** The account GitHub shows as the committer of the commits it signs (API and web editor). */
export const webFlow: FakeUser = { login: 'web-flow', id: 19864447, type: 'User' };

/** How GitHub relates an account to the repository (`author_association`). */
export type FakeAssociation = 'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'NONE';

/** One run of a workflow, as the Actions API lists it. */
export interface FakeRun {
	id: number;
	runNumber: number;
	workflowId: number;
	/** `run-name:` as GitHub evaluated it. */
	displayTitle: string;
	event: string;
	status: 'queued' | 'in_progress' | 'completed';
	conclusion: 'success' | 'failure' | 'cancelled' | 'skipped' | null;
	actor: FakeUser;
	triggeringActor: FakeUser;
	runAttempt: number;
	createdAt: string;
	/**
	 * Which drafting step ran: `true` "Draft with AI", `false` "Draft from the form"; left out,
	 * the draft job has not reached them yet.
	 */
	modelUsed?: boolean | undefined;
}

/** A review of a pull request. */
export interface FakeReview {
	id: number;
	pull: number;
	user: FakeUser;
	association: FakeAssociation;
	state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
}

/** A check run reported on a commit. */
export interface FakeCheckRun {
	id: number;
	name: string;
	headSha: string;
	status: string;
	conclusion: string | null;
	output: { title?: string | undefined; summary?: string | undefined; text?: string | undefined };
	annotations: Record<string, unknown>[];
}

export interface FakeCommit {
	sha: string;
	tree: string;
	parents: string[];
	message: string;
	/** GitHub signs commits made through the API without an explicit author or committer. */
	verified: boolean;
	/** Who wrote the commit; the workflow's bot when not set. */
	author?: FakeUser | undefined;
	date: string;
}

export interface FakeIssue {
	number: number;
	title: string;
	body: string;
	user: FakeUser;
	labels: string[];
	state: 'open' | 'closed';
	/** Why it was closed (`completed`, `not_planned`) or `reopened`; null while never closed. */
	stateReason: string | null;
	createdAt: string;
	updatedAt: string;
	/** Set when this number is a pull request. */
	isPull: boolean;
}

export interface FakePull {
	number: number;
	title: string;
	body: string;
	state: 'open' | 'closed';
	head: string;
	base: string;
	user: FakeUser;
	createdAt: string;
	updatedAt: string;
	merged: boolean;
}

export interface FakeComment {
	id: number;
	issue: number;
	body: string;
	user: FakeUser;
	createdAt: string;
	updatedAt: string;
}

function sha1(text: string | Buffer): string {
	return createHash('sha1').update(text).digest('hex');
}

/** Git's blob SHA: `sha1("blob <size>\0<content>")`. */
export function blobSha(content: Buffer): string {
	return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** One repository's state. Trees are kept flat (path → blob SHA), which is all the API shows. */
export class RepositoryState {
	readonly owner: string;
	readonly repo: string;
	readonly defaultBranch: string;
	readonly blobs = new Map<string, Buffer>();
	readonly trees = new Map<string, Map<string, string>>();
	readonly commits = new Map<string, FakeCommit>();
	/** `heads/<branch>` → commit SHA. */
	readonly refs = new Map<string, string>();
	readonly issues = new Map<number, FakeIssue>();
	readonly pulls = new Map<number, FakePull>();
	readonly comments: FakeComment[] = [];
	readonly labels = new Set<string>();
	/** Colour and description of the labels created through the API. */
	readonly labelDetails = new Map<string, { color: string; description: string | null }>();
	readonly runs: FakeRun[] = [];
	readonly reviews: FakeReview[] = [];
	readonly checkRuns: FakeCheckRun[] = [];
	private nextNumber = 1;
	private nextRunId = 5000;
	private nextCommentId = 1000;
	private commitCounter = 0;
	readonly now: () => Date;

	constructor(options: {
		owner: string;
		repo: string;
		defaultBranch: string;
		files: Record<string, string>;
		now: () => Date;
	}) {
		this.owner = options.owner;
		this.repo = options.repo;
		this.defaultBranch = options.defaultBranch;
		this.now = options.now;
		const tree = new Map<string, string>();
		for (const [path, content] of Object.entries(options.files)) {
			tree.set(path, this.addBlob(Buffer.from(content, 'utf8')));
		}
		const treeSha = this.addTree(tree);
		const commit = this.addCommit({
			tree: treeSha,
			parents: [],
			message: 'Initial commit',
			verified: true,
		});
		this.refs.set(`heads/${this.defaultBranch}`, commit.sha);
	}

	get fullName(): string {
		return `${this.owner}/${this.repo}`;
	}

	timestamp(): string {
		return this.now()
			.toISOString()
			.replace(/\.\d{3}Z$/, 'Z');
	}

	addBlob(content: Buffer): string {
		const sha = blobSha(content);
		this.blobs.set(sha, content);
		return sha;
	}

	addTree(entries: Map<string, string>): string {
		const sorted = [...entries].sort(([a], [b]) => a.localeCompare(b));
		const sha = sha1(`tree ${JSON.stringify(sorted)}`);
		this.trees.set(sha, new Map(sorted));
		return sha;
	}

	addCommit(commit: Omit<FakeCommit, 'sha' | 'date'>): FakeCommit {
		const date = this.timestamp();
		const sha = sha1(`commit ${JSON.stringify(commit)} ${date} ${this.commitCounter++}`);
		const full = { ...commit, sha, date };
		this.commits.set(sha, full);
		return full;
	}

	/** Whether `ancestor` is `sha` or one of its ancestors. */
	isAncestor(ancestor: string, sha: string): boolean {
		const queue = [sha];
		const seen = new Set<string>();
		while (queue.length > 0) {
			const current = queue.shift() as string;
			if (current === ancestor) return true;
			if (seen.has(current)) continue;
			seen.add(current);
			queue.push(...(this.commits.get(current)?.parents ?? []));
		}
		return false;
	}

	/** The commit a branch name, or a commit SHA, designates. */
	resolveCommit(ref: string | null): FakeCommit | undefined {
		const name = ref ?? this.defaultBranch;
		const direct = this.commits.get(name);
		if (direct) return direct;
		const sha = this.refs.get(`heads/${name.replace(/^refs\/heads\//, '')}`);
		return sha ? this.commits.get(sha) : undefined;
	}

	/** Files of a branch as text, for assertions. */
	filesAt(branch: string): Record<string, string> {
		const commit = this.resolveCommit(branch);
		const tree = commit ? this.trees.get(commit.tree) : undefined;
		return Object.fromEntries(
			[...(tree ?? [])].map(([path, sha]) => [path, this.blobs.get(sha)?.toString('utf8') ?? '']),
		);
	}

	/** Registers an issue opened by someone, as the webhook payload would show it. */
	addIssue(issue: {
		number?: number;
		title: string;
		body: string;
		user: FakeUser;
		labels: string[];
	}) {
		const number = issue.number ?? this.nextNumber;
		this.nextNumber = Math.max(this.nextNumber, number + 1);
		const now = this.timestamp();
		const created: FakeIssue = {
			number,
			title: issue.title,
			body: issue.body,
			user: issue.user,
			labels: [...issue.labels],
			state: 'open',
			stateReason: null,
			createdAt: now,
			updatedAt: now,
			isPull: false,
		};
		for (const label of issue.labels) this.labels.add(label);
		this.issues.set(number, created);
		return created;
	}

	/** Opens a pull request, as GitHub numbers it: in the same sequence as issues. */
	addPull(pull: { title: string; body: string; head: string; base: string; user: FakeUser }) {
		const number = this.nextNumber++;
		const now = this.timestamp();
		const created: FakePull = {
			number,
			...pull,
			state: 'open',
			createdAt: now,
			updatedAt: now,
			merged: false,
		};
		this.pulls.set(number, created);
		this.issues.set(number, {
			number,
			title: pull.title,
			body: pull.body,
			user: pull.user,
			labels: [],
			state: 'open',
			stateReason: null,
			createdAt: now,
			updatedAt: now,
			isPull: true,
		});
		return created;
	}

	/** Starts a run of the drafting workflow (id 77), numbered as GitHub does: one after another. */
	addRun(run: {
		issue: number;
		actor: FakeUser;
		status?: FakeRun['status'];
		conclusion?: FakeRun['conclusion'];
		event?: string;
		runAttempt?: number;
		createdAt?: string;
		workflowId?: number;
		/** `GITHUB_RUN_ID`, when a test sets it. */
		id?: number;
		/** The issue's author in the run's name; the issue's own, or none for a manual run. */
		author?: string | null;
		modelUsed?: boolean;
	}): FakeRun {
		const author =
			run.author === undefined
				? run.event === 'workflow_dispatch'
					? undefined
					: this.issues.get(run.issue)?.user.login
				: (run.author ?? undefined);
		const workflowId = run.workflowId ?? 77;
		const created: FakeRun = {
			id: run.id ?? this.nextRunId++,
			runNumber: this.runs.filter((other) => other.workflowId === workflowId).length + 1,
			workflowId,
			displayTitle: `AI draft · issue #${run.issue}${author === undefined ? '' : ` by @${author}`}`,
			event: run.event ?? 'issues',
			status: run.status ?? 'in_progress',
			conclusion: run.conclusion ?? null,
			actor: run.actor,
			triggeringActor: run.actor,
			runAttempt: run.runAttempt ?? 1,
			createdAt: run.createdAt ?? this.timestamp(),
			modelUsed: run.modelUsed,
		};
		this.runs.push(created);
		return created;
	}

	/** A commit a person pushes on a branch: one more file, or a changed one. */
	pushAs(user: FakeUser, branch: string, files: Record<string, string>, verified = false) {
		const parent = this.resolveCommit(branch);
		if (!parent) throw new Error(`no branch ${branch}`);
		const tree = new Map(this.trees.get(parent.tree));
		for (const [path, content] of Object.entries(files)) {
			tree.set(path, this.addBlob(Buffer.from(content, 'utf8')));
		}
		const commit = this.addCommit({
			tree: this.addTree(tree),
			parents: [parent.sha],
			message: `Edit by ${user.login}`,
			verified,
			author: user,
		});
		this.refs.set(`heads/${branch}`, commit.sha);
		return commit;
	}

	/** The commits reachable from `sha`, itself included. */
	ancestors(sha: string): Set<string> {
		const seen = new Set<string>();
		const queue = [sha];
		while (queue.length > 0) {
			const current = queue.shift() as string;
			if (seen.has(current)) continue;
			seen.add(current);
			queue.push(...(this.commits.get(current)?.parents ?? []));
		}
		return seen;
	}

	addComment(issue: number, body: string, user: FakeUser): FakeComment {
		const now = this.timestamp();
		const comment = { id: this.nextCommentId++, issue, body, user, createdAt: now, updatedAt: now };
		this.comments.push(comment);
		return comment;
	}
}
