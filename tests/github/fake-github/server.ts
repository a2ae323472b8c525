/**
 * A fake GitHub REST API on 127.0.0.1 for the real Octokit. Every request is checked against
 * GitHub's published REST description before it is served: an undocumented route, parameter or
 * body is answered 599 and recorded in `violations`, which tests assert is empty. Switches
 * reproduce GitHub's refusals and its eventual consistency.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gitHubRestDescription, type RouteMatch } from './openapi.ts';
import {
	RepositoryState,
	actionsBot,
	webFlow,
	type FakeCheckRun,
	type FakeCommit,
	type FakeRun,
	type FakeComment,
	type FakeIssue,
	type FakePull,
	type FakeUser,
} from './state.ts';

/** How much a token may do. */
export type TokenAccess = 'write' | 'read' | 'none';

/** One request as the fake saw it. */
export interface RecordedRequest {
	method: string;
	path: string;
	operationId: string | undefined;
	status: number;
	body: unknown;
}

/** Behaviours to simulate, switched on by tests. */
export interface FakeSwitches {
	/** Operation ids answered 403 "Resource not accessible by integration". */
	forbidden: Set<string>;
	/** Answers pull request creation with the 403 of the repository setting. */
	actionsCannotCreatePullRequests: boolean;
	/** How many next pull request listings return nothing (GitHub's lists lagging behind). */
	hidePullsFromLists: number;
	/** The first request using a just-created branch or pull request gets a transient 422. */
	transientAfterCreate: boolean;
	/** How many next requests GitHub answers 502 Bad Gateway (an outage the client retries). */
	serverErrors: number;
	/** How many next requests hit the primary rate limit (403, no requests left until reset). */
	rateLimited: number;
	/** How many next requests hit a secondary rate limit (403 with `retry-after`). */
	secondaryRateLimited: number;
}

class HttpError extends Error {
	readonly status: number;
	readonly body: object;
	constructor(status: number, body: object) {
		super(`HTTP ${status}`);
		this.status = status;
		this.body = body;
	}
}

const docs = 'https://docs.github.com/rest';

function notFound(): HttpError {
	return new HttpError(404, { message: 'Not Found', documentation_url: docs, status: '404' });
}

function unprocessable(message: string, errors?: object[]): HttpError {
	return new HttpError(422, {
		message,
		...(errors && { errors }),
		documentation_url: docs,
		status: '422',
	});
}

/** Options of {@link FakeGitHub.start}. */
export interface FakeGitHubOptions {
	owner?: string;
	repo?: string;
	defaultBranch?: string;
	/** Files on the default branch at start. */
	files?: Record<string, string>;
	now?: () => Date;
}

/** A running fake GitHub. */
export class FakeGitHub {
	readonly state: RepositoryState;
	readonly requests: RecordedRequest[] = [];
	readonly violations: string[] = [];
	readonly switches: FakeSwitches = {
		forbidden: new Set(),
		actionsCannotCreatePullRequests: false,
		hidePullsFromLists: 0,
		transientAfterCreate: false,
		serverErrors: 0,
		rateLimited: 0,
		secondaryRateLimited: 0,
	};
	/** Transient 422s served, to check the client retried through them. */
	transientServed = 0;
	readonly tokens = new Map<string, TokenAccess>([
		['write-token', 'write'],
		['read-token', 'read'],
		['no-access-token', 'none'],
	]);
	private readonly server: Server;
	private readonly pendingRefs = new Set<string>();
	private readonly pendingPulls = new Set<number>();
	url = '';

	private constructor(options: FakeGitHubOptions) {
		this.state = new RepositoryState({
			owner: options.owner ?? 'clairval',
			repo: options.repo ?? 'registre-ia',
			defaultBranch: options.defaultBranch ?? 'main',
			files: options.files ?? { 'README.md': '# Registre IA\n' },
			now: options.now ?? (() => new Date()),
		});
		this.server = createServer((request, response) => {
			this.handle(request, response).catch((error: unknown) => {
				this.violations.push(`fake server crashed: ${(error as Error).stack}`);
				send(response, 500, { message: 'fake server error' });
			});
		});
	}

	/** Starts a fake on a random port of 127.0.0.1. */
	static async start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
		const fake = new FakeGitHub(options);
		gitHubRestDescription();
		await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
		fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
		return fake;
	}

	/** Stops the server. */
	close(): Promise<void> {
		return new Promise((resolve) => {
			this.server.closeAllConnections();
			this.server.close(() => resolve());
		});
	}

	/** Requests that change something. */
	writes(): RecordedRequest[] {
		return this.requests.filter((request) => request.method !== 'GET' && request.status < 400);
	}

	/** Branch names. */
	branches(): string[] {
		return [...this.state.refs.keys()].map((ref) => ref.replace(/^heads\//, '')).sort();
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const method = request.method ?? 'GET';
		const raw = await readBody(request);
		let body: unknown;
		if (raw.length > 0) {
			try {
				body = JSON.parse(raw);
			} catch {
				this.violations.push(`${method} ${url.pathname}: body is not JSON`);
			}
		}
		const record: RecordedRequest = {
			method,
			path: `${url.pathname}${url.search}`,
			operationId: undefined,
			status: 0,
			body,
		};
		this.requests.push(record);
		const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
			record.status = status;
			send(response, status, payload, headers);
		};

		const description = gitHubRestDescription();
		const match = description.match(method, url.pathname);
		if (!match) {
			this.violations.push(`${method} ${url.pathname}: no such route in GitHub's REST description`);
			return reply(599, { message: 'undocumented route' });
		}
		record.operationId = match.operation.operationId;
		const problems = description.validate(match, url.searchParams, body, raw.length > 0);
		if (problems.length > 0) {
			this.violations.push(...problems);
			return reply(599, { message: 'request does not match GitHub REST description', problems });
		}

		const limited = this.serveLimits();
		if (limited) return reply(limited.status, limited.body, limited.headers);

		const token = /^(?:token|bearer) (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
		const access = token ? this.tokens.get(token) : undefined;
		if (!access) {
			return reply(401, { message: 'Bad credentials', documentation_url: docs, status: '401' });
		}
		try {
			if (access === 'none') throw notFound();
			const { owner, repo } = match.params;
			if (owner !== this.state.owner || repo !== this.state.repo) throw notFound();
			if (
				this.switches.forbidden.has(match.operation.operationId) ||
				(access === 'read' && method !== 'GET')
			) {
				throw new HttpError(403, {
					message: 'Resource not accessible by integration',
					documentation_url: docs,
					status: '403',
				});
			}
			this.serveTransient(match, body);
			const result = this.route(match, url.searchParams, body);
			reply(result.status, result.body, result.headers);
		} catch (error) {
			if (!(error instanceof HttpError)) throw error;
			reply(error.status, error.body);
		}
	}

	/**
	 * GitHub's outages and rate limits, as its answers show them: a 502; a 403 with no requests
	 * left and the reset a second away; a 403 "secondary rate limit" with `retry-after: 1`.
	 * @see https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
	 */
	private serveLimits():
		{ status: number; body: object; headers: Record<string, string> } | undefined {
		if (this.switches.serverErrors > 0) {
			this.switches.serverErrors--;
			return { status: 502, body: { message: 'Server Error' }, headers: {} };
		}
		if (this.switches.rateLimited > 0) {
			this.switches.rateLimited--;
			return {
				status: 403,
				body: {
					message: 'API rate limit exceeded for installation ID 1.',
					documentation_url: `${docs}/overview/rate-limits-for-the-rest-api`,
					status: '403',
				},
				headers: {
					'x-ratelimit-limit': '1000',
					'x-ratelimit-remaining': '0',
					'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000)),
				},
			};
		}
		if (this.switches.secondaryRateLimited > 0) {
			this.switches.secondaryRateLimited--;
			return {
				status: 403,
				body: {
					message:
						'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
					documentation_url: `${docs}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
					status: '403',
				},
				headers: { 'retry-after': '1' },
			};
		}
		return undefined;
	}

	/** GitHub's eventual consistency: the first use of a just-created branch or pull request. */
	private serveTransient(match: RouteMatch, body: unknown): void {
		const { operationId } = match.operation;
		const ref = match.params.ref?.replace(/^heads\//, '');
		const usesRef =
			(operationId === 'git/get-ref' && ref !== undefined && this.pendingRefs.has(ref)) ||
			(operationId === 'pulls/create' &&
				this.pendingRefs.has(String((body as { head?: unknown }).head)));
		if (usesRef) {
			this.pendingRefs.clear();
			this.transientServed++;
			throw unprocessable('Validation Failed', [
				{ resource: 'PullRequest', field: 'head', code: 'invalid' },
			]);
		}
		const number = Number(match.params.pull_number ?? match.params.issue_number);
		if (this.pendingPulls.has(number)) {
			this.pendingPulls.delete(number);
			this.transientServed++;
			throw unprocessable(`Could not resolve to a node with the global id of 'PR_kwDO${number}'`);
		}
	}

	private route(
		match: RouteMatch,
		query: URLSearchParams,
		body: unknown,
	): { status: number; body: unknown; headers?: Record<string, string> } {
		const state = this.state;
		const params = match.params;
		const input = (body ?? {}) as Record<string, unknown>;
		const ok = (payload: unknown, status = 200) => ({ status, body: payload });
		switch (match.operation.operationId) {
			case 'repos/get':
				return ok(this.repositoryJson());
			case 'git/get-ref': {
				const ref = params.ref ?? '';
				const sha = state.refs.get(ref);
				if (!sha) throw notFound();
				return ok(this.refJson(ref, sha));
			}
			case 'git/create-ref': {
				const ref = String(input.ref);
				const sha = String(input.sha);
				if (!/^refs\/[^/]+\/.+/.test(ref)) {
					throw unprocessable(
						'Reference name must start with refs/ and have at least two slashes.',
					);
				}
				const name = ref.replace(/^refs\//, '');
				if (state.refs.has(name)) throw unprocessable('Reference already exists');
				if (!state.commits.has(sha)) throw unprocessable('Object does not exist');
				state.refs.set(name, sha);
				if (this.switches.transientAfterCreate) this.pendingRefs.add(name.replace(/^heads\//, ''));
				return ok(this.refJson(name, sha), 201);
			}
			case 'git/update-ref': {
				const ref = params.ref ?? '';
				const current = state.refs.get(ref);
				if (!current) throw unprocessable('Reference does not exist');
				const sha = String(input.sha);
				if (!state.commits.has(sha)) throw unprocessable('Object does not exist');
				if (input.force !== true && !state.isAncestor(current, sha)) {
					throw unprocessable('Update is not a fast forward');
				}
				state.refs.set(ref, sha);
				this.touchPullsWithHead(ref.replace(/^heads\//, ''));
				return ok(this.refJson(ref, sha));
			}
			case 'git/get-commit': {
				const commit = state.commits.get(params.commit_sha ?? '');
				if (!commit) throw notFound();
				return ok(this.commitJson(commit));
			}
			case 'git/create-blob': {
				const encoding = input.encoding === 'base64' ? 'base64' : 'utf8';
				const sha = state.addBlob(Buffer.from(String(input.content), encoding));
				return ok({ sha, url: `${this.apiBase()}/git/blobs/${sha}` }, 201);
			}
			case 'git/create-tree': {
				const base = input.base_tree ? state.trees.get(String(input.base_tree)) : new Map();
				if (!base) throw unprocessable('base_tree is not a valid tree oid');
				const tree = new Map(base);
				for (const entry of input.tree as {
					path: string;
					sha?: string | null;
					content?: string;
				}[]) {
					if (entry.sha === null) {
						tree.delete(entry.path);
					} else if (entry.sha !== undefined) {
						if (!state.blobs.has(entry.sha)) throw unprocessable('tree.sha is not a valid blob');
						tree.set(entry.path, entry.sha);
					} else {
						tree.set(entry.path, state.addBlob(Buffer.from(entry.content ?? '', 'utf8')));
					}
				}
				const sha = state.addTree(tree);
				return ok(
					{
						sha,
						url: `${this.apiBase()}/git/trees/${sha}`,
						truncated: false,
						tree: [...tree].map(([path, blob]) => ({
							path,
							mode: '100644',
							type: 'blob',
							sha: blob,
							size: state.blobs.get(blob)?.length ?? 0,
							url: `${this.apiBase()}/git/blobs/${blob}`,
						})),
					},
					201,
				);
			}
			case 'git/create-commit': {
				const tree = String(input.tree);
				if (!state.trees.has(tree)) throw unprocessable('Tree SHA does not exist');
				const parents = (input.parents as string[] | undefined) ?? [];
				if (parents.some((parent) => !state.commits.has(parent))) {
					throw unprocessable('Parent SHA does not exist or is not a commit object');
				}
				const commit = state.addCommit({
					tree,
					parents,
					message: String(input.message),
					verified: input.author === undefined && input.committer === undefined && !input.signature,
				});
				return ok(this.commitJson(commit), 201);
			}
			case 'repos/get-content': {
				const commit = state.resolveCommit(query.get('ref'));
				if (!commit) throw notFound();
				const path = params.path ?? '';
				const sha = state.trees.get(commit.tree)?.get(path);
				if (!sha) throw notFound();
				const content = state.blobs.get(sha) ?? Buffer.alloc(0);
				return ok({
					type: 'file',
					encoding: 'base64',
					size: content.length,
					name: path.split('/').at(-1),
					path,
					content: content.toString('base64'),
					sha,
					url: `${this.apiBase()}/contents/${path}`,
					git_url: `${this.apiBase()}/git/blobs/${sha}`,
					html_url: `https://github.com/${state.fullName}/blob/${commit.sha}/${path}`,
					download_url: null,
					_links: { self: '', git: '', html: '' },
				});
			}
			case 'pulls/list': {
				if (this.switches.hidePullsFromLists > 0) {
					this.switches.hidePullsFromLists--;
					return ok([]);
				}
				const wanted = query.get('state') ?? 'open';
				const head = query.get('head');
				const sort = query.get('sort') ?? 'created';
				const direction = query.get('direction') ?? (sort === 'created' ? 'desc' : 'asc');
				const key = (pull: FakePull) => (sort === 'updated' ? pull.updatedAt : pull.createdAt);
				const pulls = [...state.pulls.values()]
					.filter((pull) => wanted === 'all' || pull.state === wanted)
					.filter((pull) => !head || head === `${state.owner}:${pull.head}`)
					.sort((a, b) => {
						const order = key(a).localeCompare(key(b)) || a.number - b.number;
						return direction === 'asc' ? order : -order;
					});
				return this.page(
					pulls.map((pull) => this.pullJson(pull)),
					query,
					match,
				);
			}
			case 'pulls/get':
				return ok(this.pullJson(this.pull(params.pull_number)));
			case 'pulls/create': {
				if (this.switches.actionsCannotCreatePullRequests) {
					throw new HttpError(403, {
						message: 'GitHub Actions is not permitted to create or approve pull requests.',
						documentation_url: `${docs}/pulls/pulls#create-a-pull-request`,
						status: '403',
					});
				}
				const head = String(input.head);
				const base = String(input.base);
				const headSha = state.refs.get(`heads/${head}`);
				const baseSha = state.refs.get(`heads/${base}`);
				if (!headSha) {
					throw unprocessable('Validation Failed', [
						{ resource: 'PullRequest', field: 'head', code: 'invalid' },
					]);
				}
				if (!baseSha) {
					throw unprocessable('Validation Failed', [
						{ resource: 'PullRequest', field: 'base', code: 'invalid' },
					]);
				}
				const open = [...state.pulls.values()].find(
					(pull) => pull.state === 'open' && pull.head === head && pull.base === base,
				);
				if (open) {
					throw unprocessable('Validation Failed', [
						{
							resource: 'PullRequest',
							code: 'custom',
							message: `A pull request already exists for ${state.owner}:${head}.`,
						},
					]);
				}
				if (state.isAncestor(headSha, baseSha)) {
					throw unprocessable('Validation Failed', [
						{
							resource: 'PullRequest',
							code: 'custom',
							message: `No commits between ${base} and ${head}`,
						},
					]);
				}
				const pull = state.addPull({
					title: String(input.title),
					body: String(input.body ?? ''),
					head,
					base,
					user: actionsBot,
				});
				if (this.switches.transientAfterCreate) this.pendingPulls.add(pull.number);
				return ok(this.pullJson(pull), 201);
			}
			case 'pulls/update': {
				const pull = this.pull(params.pull_number);
				if (typeof input.title === 'string') pull.title = input.title;
				if (typeof input.body === 'string') pull.body = input.body;
				pull.updatedAt = state.timestamp();
				return ok(this.pullJson(pull));
			}
			case 'issues/get':
				return ok(this.issueJson(this.issue(params.issue_number)));
			case 'issues/list-for-repo': {
				// As GitHub lists them: pull requests too, newest first unless asked otherwise.
				const wanted = query.get('state') ?? 'open';
				const labels = (query.get('labels') ?? '').split(',').filter(Boolean);
				const creator = query.get('creator');
				const direction = query.get('direction') ?? 'desc';
				const issues = [...state.issues.values()]
					.filter((issue) => wanted === 'all' || issue.state === wanted)
					.filter((issue) => labels.every((label) => issue.labels.includes(label)))
					.filter((issue) => !creator || issue.user.login === creator)
					.sort((a, b) => (direction === 'asc' ? a.number - b.number : b.number - a.number));
				return this.page(
					issues.map((issue) => this.issueJson(issue)),
					query,
					match,
				);
			}
			case 'issues/create': {
				const labels = ((input.labels as unknown[] | undefined) ?? []).map((label) =>
					typeof label === 'string' ? label : String((label as { name: string }).name),
				);
				const issue = state.addIssue({
					title: String(input.title),
					body: String(input.body ?? ''),
					user: actionsBot,
					labels,
				});
				return ok(this.issueJson(issue), 201);
			}
			case 'issues/update': {
				const issue = this.issue(params.issue_number);
				if (typeof input.title === 'string') issue.title = input.title;
				if (typeof input.body === 'string') issue.body = input.body;
				if (input.state === 'open' || input.state === 'closed') {
					issue.state = input.state;
					issue.stateReason =
						input.state === 'open'
							? 'reopened'
							: typeof input.state_reason === 'string'
								? input.state_reason
								: 'completed';
				}
				if (Array.isArray(input.labels)) {
					issue.labels = input.labels.map((label) =>
						typeof label === 'string' ? label : String((label as { name: string }).name),
					);
					for (const label of issue.labels) state.labels.add(label);
				}
				issue.updatedAt = state.timestamp();
				return ok(this.issueJson(issue));
			}
			case 'issues/get-label': {
				const name = params.name ?? '';
				if (!state.labels.has(name)) throw notFound();
				return ok(this.labelJson(name));
			}
			case 'issues/create-label': {
				const name = String(input.name);
				if (state.labels.has(name)) {
					throw unprocessable('Validation Failed', [
						{ resource: 'Label', code: 'already_exists', field: 'name' },
					]);
				}
				state.labels.add(name);
				state.labelDetails.set(name, {
					color: String(input.color ?? 'ededed'),
					description: typeof input.description === 'string' ? input.description : null,
				});
				return ok(this.labelJson(name), 201);
			}
			case 'issues/list-comments': {
				const issue = this.issue(params.issue_number);
				const comments = state.comments.filter((comment) => comment.issue === issue.number);
				return this.page(
					comments.map((comment) => this.commentJson(comment)),
					query,
					match,
				);
			}
			case 'issues/create-comment': {
				const issue = this.issue(params.issue_number);
				const comment = state.addComment(issue.number, String(input.body), actionsBot);
				issue.updatedAt = state.timestamp();
				return ok(this.commentJson(comment), 201);
			}
			case 'issues/update-comment': {
				const comment = state.comments.find((c) => c.id === Number(params.comment_id));
				if (!comment) throw notFound();
				comment.body = String(input.body);
				comment.updatedAt = state.timestamp();
				return ok(this.commentJson(comment));
			}
			case 'issues/add-labels': {
				const issue = this.issue(params.issue_number);
				const list = Array.isArray(body) ? body : ((input.labels as unknown[]) ?? []);
				for (const label of list) {
					const name = typeof label === 'string' ? label : String((label as { name: string }).name);
					state.labels.add(name);
					if (!issue.labels.includes(name)) issue.labels.push(name);
				}
				this.touchPull(issue.number);
				return ok(issue.labels.map((name) => this.labelJson(name)));
			}
			case 'issues/remove-label': {
				const issue = this.issue(params.issue_number);
				const name = params.name ?? '';
				if (!issue.labels.includes(name)) {
					throw new HttpError(404, { message: 'Label does not exist', documentation_url: docs });
				}
				issue.labels = issue.labels.filter((label) => label !== name);
				this.touchPull(issue.number);
				return ok(issue.labels.map((label) => this.labelJson(label)));
			}
			case 'git/delete-ref': {
				const ref = params.ref ?? '';
				if (!state.refs.has(ref)) throw unprocessable('Reference does not exist');
				state.refs.delete(ref);
				return { status: 204, body: undefined };
			}
			case 'repos/compare-commits':
			case 'repos/compare-commits-with-basehead': {
				// The same route, described twice: `{base}...{head}` and `{basehead}`.
				const [base = '', head = ''] = params.basehead?.split('...') ?? [params.base, params.head];
				return ok(this.compareJson(base, head, query));
			}
			case 'pulls/list-reviews': {
				const pull = this.pull(params.pull_number);
				const reviews = state.reviews.filter((review) => review.pull === pull.number);
				return this.page(
					reviews.map((review) => ({
						id: review.id,
						node_id: `PRR_${review.id}`,
						user: this.userJson(review.user),
						body: '',
						state: review.state,
						html_url: `https://github.com/${state.fullName}/pull/${pull.number}#pullrequestreview-${review.id}`,
						pull_request_url: `${this.apiBase()}/pulls/${pull.number}`,
						_links: { html: { href: '' }, pull_request: { href: '' } },
						commit_id: state.refs.get(`heads/${pull.head}`) ?? null,
						author_association: review.association,
					})),
					query,
					match,
				);
			}
			case 'actions/get-workflow-run': {
				const run = state.runs.find((candidate) => candidate.id === Number(params.run_id));
				if (!run) throw notFound();
				return ok(this.runJson(run));
			}
			case 'actions/list-workflow-runs': {
				const created = query.get('created') ?? '';
				const since = /^>=(.+)$/.exec(created)?.[1];
				if (created && !since) {
					this.violations.push(`the fake only understands created=>=DATE, not ${created}`);
				}
				const runs = state.runs
					.filter((run) => String(run.workflowId) === params.workflow_id)
					.filter((run) => !since || Date.parse(run.createdAt) >= Date.parse(since))
					// Newest first, as GitHub lists them.
					.sort((a, b) => b.id - a.id)
					.map((run) => this.runJson(run));
				const listed = this.page(runs, query, match);
				return {
					...listed,
					body: { total_count: runs.length, workflow_runs: listed.body },
				};
			}
			case 'actions/list-jobs-for-workflow-run-attempt': {
				const run = state.runs.find((candidate) => candidate.id === Number(params.run_id));
				const attempt = Number(params.attempt_number);
				if (!run || attempt < 1 || attempt > run.runAttempt) throw notFound();
				const jobs = [this.draftJobJson(run, attempt)];
				return ok({ total_count: jobs.length, jobs });
			}
			case 'checks/create': {
				const headSha = String(input.head_sha);
				if (!state.commits.has(headSha)) throw unprocessable('No commit found for SHA');
				const output = (input.output ?? {}) as FakeCheckRun['output'] & {
					annotations?: Record<string, unknown>[];
				};
				if ((output.annotations?.length ?? 0) > 50) {
					throw unprocessable('Only 50 annotations are allowed per request');
				}
				const run: FakeCheckRun = {
					id: 9000 + state.checkRuns.length,
					name: String(input.name),
					headSha,
					status: String(input.status ?? 'queued'),
					conclusion: typeof input.conclusion === 'string' ? input.conclusion : null,
					output: { title: output.title, summary: output.summary, text: output.text },
					annotations: [...(output.annotations ?? [])],
				};
				state.checkRuns.push(run);
				return ok(this.checkRunJson(run), 201);
			}
			case 'checks/update': {
				const run = state.checkRuns.find((c) => c.id === Number(params.check_run_id));
				if (!run) throw notFound();
				const output = (input.output ?? {}) as { annotations?: Record<string, unknown>[] };
				if ((output.annotations?.length ?? 0) > 50) {
					throw unprocessable('Only 50 annotations are allowed per request');
				}
				run.annotations.push(...(output.annotations ?? []));
				return ok(this.checkRunJson(run));
			}
			case 'checks/list-for-ref': {
				const commit = state.resolveCommit(params.ref ?? '');
				const name = query.get('check_name');
				const runs = state.checkRuns
					.filter((run) => run.headSha === commit?.sha && (!name || run.name === name))
					.map((run) => this.checkRunJson(run));
				return ok({ total_count: runs.length, check_runs: runs });
			}
			default:
				this.violations.push(
					`${match.operation.operationId}: documented by GitHub but not implemented by the fake`,
				);
				return { status: 599, body: { message: 'not implemented by the fake' } };
		}
	}

	private page(
		items: unknown[],
		query: URLSearchParams,
		match: RouteMatch,
	): { status: number; body: unknown; headers: Record<string, string> } {
		const perPage = Math.min(100, Number(query.get('per_page') ?? 30));
		const page = Number(query.get('page') ?? 1);
		const slice = items.slice((page - 1) * perPage, page * perPage);
		const headers: Record<string, string> = {};
		if (page * perPage < items.length) {
			const next = new URLSearchParams(query);
			next.set('page', String(page + 1));
			const path = match.operation.template.replace(/\{(\w+)\}/g, (_, name: string) =>
				encodeURIComponent(match.params[name] ?? ''),
			);
			headers.link = `<${this.url}${path}?${next}>; rel="next"`;
		}
		return { status: 200, body: slice, headers };
	}

	private touchPull(number: number) {
		const pull = this.state.pulls.get(number);
		if (pull) pull.updatedAt = this.state.timestamp();
	}

	private touchPullsWithHead(branch: string) {
		for (const pull of this.state.pulls.values()) {
			if (pull.head === branch) pull.updatedAt = this.state.timestamp();
		}
	}

	private issue(number: string | undefined): FakeIssue {
		const issue = this.state.issues.get(Number(number));
		if (!issue) throw notFound();
		return issue;
	}

	private pull(number: string | undefined): FakePull {
		const pull = this.state.pulls.get(Number(number));
		if (!pull) throw notFound();
		return pull;
	}

	private apiBase(): string {
		return `${this.url}/repos/${this.state.fullName}`;
	}

	private userJson(user: FakeUser) {
		return {
			login: user.login,
			id: user.id,
			node_id: `U_${user.id}`,
			type: user.type,
			site_admin: false,
			url: `${this.url}/users/${encodeURIComponent(user.login)}`,
			html_url: `https://github.com/${user.login}`,
		};
	}

	private repositoryJson() {
		const state = this.state;
		return {
			id: 1,
			node_id: 'R_1',
			name: state.repo,
			full_name: state.fullName,
			owner: { login: state.owner, id: 2, type: 'Organization' },
			private: false,
			html_url: `https://github.com/${state.fullName}`,
			url: `${this.url}/repos/${state.fullName}`,
			default_branch: state.defaultBranch,
		};
	}

	private refJson(ref: string, sha: string) {
		return {
			ref: `refs/${ref}`,
			node_id: `REF_${sha.slice(0, 8)}`,
			url: `${this.apiBase()}/git/refs/${ref}`,
			object: { type: 'commit', sha, url: `${this.apiBase()}/git/commits/${sha}` },
		};
	}

	private commitJson(commit: FakeCommit) {
		const user = commit.author ?? actionsBot;
		const person = {
			name: user.login,
			email: `${user.id}+${user.login}@users.noreply.github.com`,
			date: commit.date,
		};
		return {
			sha: commit.sha,
			node_id: `C_${commit.sha.slice(0, 8)}`,
			url: `${this.apiBase()}/git/commits/${commit.sha}`,
			html_url: `https://github.com/${this.state.fullName}/commit/${commit.sha}`,
			author: person,
			committer: commit.verified
				? { ...person, name: 'GitHub', email: 'noreply@github.com' }
				: person,
			message: commit.message,
			tree: { sha: commit.tree, url: `${this.apiBase()}/git/trees/${commit.tree}` },
			parents: commit.parents.map((sha) => ({
				sha,
				url: `${this.apiBase()}/git/commits/${sha}`,
				html_url: `https://github.com/${this.state.fullName}/commit/${sha}`,
			})),
			verification: {
				verified: commit.verified,
				reason: commit.verified ? 'valid' : 'unsigned',
				signature: commit.verified ? '-----BEGIN PGP SIGNATURE-----' : null,
				payload: commit.verified ? `tree ${commit.tree}` : null,
				verified_at: commit.verified ? commit.date : null,
			},
		};
	}

	/** GitHub's three-dot comparison: the commits of `head` since its merge base with `base`. */
	private compareJson(base: string, head: string, query: URLSearchParams) {
		const state = this.state;
		const baseCommit = state.resolveCommit(base);
		const headCommit = state.resolveCommit(head);
		if (!baseCommit || !headCommit) throw notFound();
		const inBase = state.ancestors(baseCommit.sha);
		const ahead = [...state.ancestors(headCommit.sha)].filter((sha) => !inBase.has(sha));
		// Oldest first, as GitHub lists them: parents before children.
		const commits: FakeCommit[] = [];
		const placed = new Set<string>();
		const place = (sha: string) => {
			if (placed.has(sha) || !ahead.includes(sha)) return;
			placed.add(sha);
			for (const parent of state.commits.get(sha)?.parents ?? []) place(parent);
			commits.push(state.commits.get(sha) as FakeCommit);
		};
		place(headCommit.sha);
		const mergeBase =
			[...state.ancestors(headCommit.sha)].find((sha) => inBase.has(sha)) ?? baseCommit.sha;
		const before = state.trees.get(state.commits.get(mergeBase)?.tree ?? '') ?? new Map();
		const after = state.trees.get(headCommit.tree) ?? new Map();
		const files = [...new Set([...before.keys(), ...after.keys()])]
			.filter((path) => before.get(path) !== after.get(path))
			.sort()
			.map((filename) => ({
				sha: after.get(filename) ?? before.get(filename),
				filename,
				status: !before.has(filename) ? 'added' : !after.has(filename) ? 'removed' : 'modified',
				additions: 1,
				deletions: 0,
				changes: 1,
				blob_url: '',
				raw_url: '',
				contents_url: '',
			}));
		const perPage = Number(query.get('per_page') ?? 250);
		return {
			url: `${this.apiBase()}/compare/${base}...${head}`,
			html_url: `https://github.com/${state.fullName}/compare/${base}...${head}`,
			permalink_url: '',
			diff_url: '',
			patch_url: '',
			base_commit: this.listedCommitJson(baseCommit),
			merge_base_commit: this.listedCommitJson(state.commits.get(mergeBase) as FakeCommit),
			status: commits.length === 0 ? 'identical' : 'ahead',
			ahead_by: commits.length,
			behind_by: 0,
			total_commits: commits.length,
			commits: commits.slice(0, perPage).map((commit) => this.listedCommitJson(commit)),
			files,
		};
	}

	/** A commit as lists show it: the Git commit inside, the GitHub accounts beside. */
	private listedCommitJson(commit: FakeCommit) {
		const author = commit.author ?? actionsBot;
		const committer = commit.verified ? webFlow : author;
		const git = this.commitJson(commit);
		return {
			sha: commit.sha,
			node_id: git.node_id,
			url: git.url,
			html_url: git.html_url,
			comments_url: '',
			commit: {
				url: git.url,
				author: git.author,
				committer: git.committer,
				message: commit.message,
				tree: git.tree,
				comment_count: 0,
				verification: git.verification,
			},
			author: this.userJson(author),
			committer: this.userJson(committer),
			parents: git.parents,
		};
	}

	private runJson(run: FakeRun) {
		return {
			id: run.id,
			name: 'AI draft',
			node_id: `WFR_${run.id}`,
			head_branch: this.state.defaultBranch,
			head_sha: this.state.refs.get(`heads/${this.state.defaultBranch}`) ?? '',
			path: '.github/workflows/ai-draft.yml',
			display_title: run.displayTitle,
			run_number: run.runNumber,
			run_attempt: run.runAttempt,
			event: run.event,
			status: run.status,
			conclusion: run.conclusion,
			workflow_id: run.workflowId,
			url: `${this.apiBase()}/actions/runs/${run.id}`,
			html_url: `https://github.com/${this.state.fullName}/actions/runs/${run.id}`,
			actor: this.userJson(run.actor),
			triggering_actor: this.userJson(run.triggeringActor),
			created_at: run.createdAt,
			updated_at: run.createdAt,
			run_started_at: run.createdAt,
			pull_requests: [],
		};
	}

	/** The draft job of a run, with its steps as far as it got. */
	private draftJobJson(run: FakeRun, attempt: number) {
		const step = (number: number, name: string, conclusion: string | null) => ({
			name,
			number,
			status: conclusion === null ? 'in_progress' : 'completed',
			conclusion,
			started_at: run.createdAt,
			completed_at: conclusion === null ? null : run.createdAt,
		});
		const steps = [step(4, 'Check the AI switch and the rate limits', null)];
		if (run.modelUsed !== undefined) {
			steps[0] = step(4, 'Check the AI switch and the rate limits', 'success');
			steps.push(
				step(5, 'Draft with AI', run.modelUsed ? 'success' : 'skipped'),
				step(6, 'Draft from the form', run.modelUsed ? 'skipped' : 'success'),
			);
		}
		return {
			id: run.id * 10 + attempt,
			run_id: run.id,
			run_attempt: attempt,
			node_id: `J_${run.id}_${attempt}`,
			head_sha: this.state.refs.get(`heads/${this.state.defaultBranch}`) ?? '',
			url: `${this.apiBase()}/actions/jobs/${run.id * 10 + attempt}`,
			html_url: `https://github.com/${this.state.fullName}/actions/runs/${run.id}/job/${run.id * 10 + attempt}`,
			status: run.modelUsed === undefined ? 'in_progress' : 'completed',
			conclusion: run.modelUsed === undefined ? null : 'success',
			created_at: run.createdAt,
			started_at: run.createdAt,
			completed_at: run.modelUsed === undefined ? null : run.createdAt,
			name: 'Draft (read-only)',
			steps,
			labels: ['ubuntu-latest'],
			runner_id: 1,
			runner_name: 'GitHub Actions 1',
			workflow_name: 'AI draft',
			head_branch: this.state.defaultBranch,
		};
	}

	private checkRunJson(run: FakeCheckRun) {
		return {
			id: run.id,
			node_id: `CR_${run.id}`,
			head_sha: run.headSha,
			name: run.name,
			status: run.status,
			conclusion: run.conclusion,
			url: `${this.apiBase()}/check-runs/${run.id}`,
			html_url: `https://github.com/${this.state.fullName}/runs/${run.id}`,
			details_url: null,
			external_id: null,
			started_at: null,
			completed_at: null,
			output: {
				title: run.output.title ?? null,
				summary: run.output.summary ?? null,
				text: run.output.text ?? null,
				annotations_count: run.annotations.length,
				annotations_url: '',
			},
			check_suite: null,
			app: null,
			pull_requests: [],
		};
	}

	private labelJson(name: string) {
		const details = this.state.labelDetails.get(name);
		return {
			id: name.length,
			node_id: `L_${name}`,
			url: `${this.apiBase()}/labels/${encodeURIComponent(name)}`,
			name,
			color: details?.color ?? 'ededed',
			default: false,
			description: details?.description ?? null,
		};
	}

	private pullJson(pull: FakePull) {
		const state = this.state;
		const issue = state.issues.get(pull.number);
		const branchJson = (ref: string) => ({
			label: `${state.owner}:${ref}`,
			ref,
			sha: state.refs.get(`heads/${ref}`) ?? '',
			user: { login: state.owner },
			repo: this.repositoryJson(),
		});
		return {
			id: pull.number * 100,
			node_id: `PR_kwDO${pull.number}`,
			number: pull.number,
			url: `${this.apiBase()}/pulls/${pull.number}`,
			html_url: `https://github.com/${state.fullName}/pull/${pull.number}`,
			state: pull.state,
			locked: false,
			title: pull.title,
			body: pull.body,
			user: this.userJson(pull.user),
			labels: (issue?.labels ?? []).map((name) => this.labelJson(name)),
			head: branchJson(pull.head),
			base: branchJson(pull.base),
			draft: false,
			merged: pull.merged,
			merged_at: null,
			created_at: pull.createdAt,
			updated_at: pull.updatedAt,
			closed_at: null,
			author_association: 'NONE',
		};
	}

	private issueJson(issue: FakeIssue) {
		const state = this.state;
		return {
			id: issue.number * 10,
			node_id: `I_${issue.number}`,
			number: issue.number,
			url: `${this.apiBase()}/issues/${issue.number}`,
			html_url: `https://github.com/${state.fullName}/issues/${issue.number}`,
			title: issue.title,
			body: issue.body,
			user: this.userJson(issue.user),
			labels: issue.labels.map((name) => this.labelJson(name)),
			state: issue.state,
			state_reason: issue.stateReason,
			locked: false,
			comments: state.comments.filter((comment) => comment.issue === issue.number).length,
			created_at: issue.createdAt,
			updated_at: issue.updatedAt,
			closed_at: issue.state === 'closed' ? issue.updatedAt : null,
			author_association: 'NONE',
			...(issue.isPull && {
				pull_request: { url: `${this.apiBase()}/pulls/${issue.number}` },
			}),
		};
	}

	private commentJson(comment: FakeComment) {
		return {
			id: comment.id,
			node_id: `IC_${comment.id}`,
			url: `${this.apiBase()}/issues/comments/${comment.id}`,
			html_url: `https://github.com/${this.state.fullName}/issues/${comment.issue}#issuecomment-${comment.id}`,
			body: comment.body,
			user: this.userJson(comment.user),
			created_at: comment.createdAt,
			updated_at: comment.updatedAt,
			author_association: 'NONE',
		};
	}
}

function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

function send(
	response: ServerResponse,
	status: number,
	payload: unknown,
	headers: Record<string, string> = {},
): void {
	const text = payload === undefined ? '' : JSON.stringify(payload);
	response.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(text),
		'x-github-api-version-selected': '2022-11-28',
		...headers,
	});
	response.end(text);
}
