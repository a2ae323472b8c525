import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import { PublishError, isGitHubError, isRequestError } from './errors.ts';

/**
 * Octokit's REST client with GitHub's recommended request pacing (`@octokit/plugin-throttling`:
 * one write at a time, a pause between writes and a longer one between writes that notify people,
 * and a wait for the limit to reset when GitHub says so) and retries of its transient answers
 * (`@octokit/plugin-retry`: 5xx and network failures, never a 4xx that would only fail again).
 * @see https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api
 */
const PacedOctokit = Octokit.plugin(retry, throttling);

/** The REST client every GitHub call goes through. */
export type GitHubClient = InstanceType<typeof PacedOctokit>;

/** The repository a run acts on. */
export interface RepositoryRef {
	owner: string;
	repo: string;
}

/** GitHub's public API, the default of `GITHUB_API_URL` outside GitHub Enterprise Server. */
export const defaultApiUrl = 'https://api.github.com';

/** Parses `owner/name` as GitHub Actions sets it in `GITHUB_REPOSITORY`. */
export function parseRepository(value: string | undefined): RepositoryRef {
	const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(value ?? '');
	if (!match?.[1] || !match[2]) {
		throw new PublishError({
			fr: `GITHUB_REPOSITORY doit valoir « propriétaire/dépôt » (reçu : « ${value ?? ''} »). GitHub Actions le définit ; en local, exportez-le.`,
			en: `GITHUB_REPOSITORY must be "owner/name" (got "${value ?? ''}"). GitHub Actions sets it; locally, export it.`,
		});
	}
	return { owner: match[1], repo: match[2] };
}

/** Drops a log line. */
function ignore(): void {
	// Nothing: see createRestClient.
}

/**
 * How long the client waits, in milliseconds. GitHub asks integrators to space their writes (a
 * second apart, and more for those that notify people: issues, comments, pull requests) and to
 * back off before retrying; tests against a local fake shorten every wait.
 */
export interface ClientPacing {
	/** Between two writes (POST, PATCH, PUT, DELETE). */
	writeMs: number;
	/** Between two writes that notify people (new issues, comments, pull requests). */
	notificationMs: number;
	/**
	 * One unit of waiting: a second of GitHub's `retry-after` or rate-limit reset for the
	 * throttling, and the base of the retries' growing back-off (1, 4, 9 units).
	 */
	unitMs: number;
}

/** GitHub's recommended pacing: the plugins' own defaults, stated here once. */
export const gitHubPacing: ClientPacing = { writeMs: 1000, notificationMs: 3000, unitMs: 1000 };

/** How many times a request GitHub answered with a 5xx, or that never arrived, is tried again. */
export const requestRetries = 3;

/** How long a rate-limited request may wait for the limit to reset before it fails, in seconds. */
export const maxRateLimitWaitSeconds = 60;

/** Options of {@link createRestClient}. */
export interface RestClientOptions {
	token: string;
	/** `GITHUB_API_URL`: `https://api.github.com`, or `https://HOST/api/v3` on Enterprise Server. */
	baseUrl?: string | undefined;
	/**
	 * How long to wait between writes and before retrying: GitHub's pacing unless set. `none`
	 * sends each request once and at once, without either plugin: for tests of everything else
	 * against a local fake, which has no limits to respect, and where the plugins' scheduler
	 * (a few milliseconds a request) would add up.
	 */
	pacing?: ClientPacing | 'none' | undefined;
}

/** Write limiters per pacing, shared by the clients of a process as the plugin's own are. */
const limiters = new Map<string, { write: Bottleneck.Group; notifications: Bottleneck.Group }>();

function limitersFor(pacing: ClientPacing) {
	const key = `${pacing.writeMs}/${pacing.notificationMs}`;
	let groups = limiters.get(key);
	if (!groups) {
		groups = {
			write: new Bottleneck.Group({ maxConcurrent: 1, minTime: pacing.writeMs }),
			notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: pacing.notificationMs }),
		};
		limiters.set(key, groups);
	}
	return groups;
}

/**
 * Creates the Octokit REST client, paced and retried as GitHub recommends. A rate-limited request
 * waits for the reset once when it comes within {@link maxRateLimitWaitSeconds}, a secondary
 * limit's `retry-after` once; otherwise it fails, and its error names the limit
 * (`describeGitHubError`). A 4xx is only retried by {@link retryWhileSettling}, where GitHub is
 * known to be eventually consistent.
 */
export function createRestClient(options: RestClientOptions): GitHubClient {
	const base = {
		auth: options.token,
		baseUrl: (options.baseUrl || defaultApiUrl).replace(/\/+$/, ''),
		userAgent: 'registre-ia',
		// Octokit logs every 4xx through `log.error`; the caller reports failures itself.
		log: { debug: ignore, info: ignore, warn: console.warn, error: ignore },
	};
	if (options.pacing === 'none') {
		return new PacedOctokit({ ...base, retry: { enabled: false }, throttle: { enabled: false } });
	}
	const pacing = options.pacing ?? gitHubPacing;
	const waitOnce = (retryAfter: number, retryCount: number) =>
		retryCount === 0 && retryAfter <= maxRateLimitWaitSeconds;
	return new PacedOctokit({
		...base,
		retry: { retries: requestRetries, retryAfterBaseValue: pacing.unitMs },
		throttle: {
			...limitersFor(pacing),
			retryAfterBaseValue: pacing.unitMs,
			onRateLimit: (retryAfter, request, _octokit, retryCount) => {
				const wait = waitOnce(retryAfter, retryCount);
				console.warn(
					`GitHub API rate limit reached on ${request.method} ${request.url}: ${wait ? `retrying in ${retryAfter} s` : 'giving up'}.`,
				);
				return wait;
			},
			onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
				const wait = waitOnce(retryAfter, retryCount);
				console.warn(
					`GitHub API secondary rate limit on ${request.method} ${request.url}: ${wait ? `retrying in ${retryAfter} s` : 'giving up'}.`,
				);
				return wait;
			},
		},
	});
}

/** How long to wait between attempts while GitHub settles, in milliseconds. */
export const settleDelaysMs: readonly number[] = [1000, 2000, 4000];

/** Options of {@link retryWhileSettling}. */
export interface SettleOptions {
	/** Wait before each retry; their count is the number of retries. */
	delaysMs: readonly number[];
	/** Whether an error is GitHub's known transient answer for this call. */
	isTransient: (error: unknown) => boolean;
}

/**
 * Retries a call that follows the creation of a branch or a pull request: for a few seconds
 * GitHub may answer 422 (or 404) as if the new object did not exist yet. No other 4xx is retried
 * (the client's retry plugin only tries 5xx and lost requests again).
 * @see https://github.com/peter-evans/create-pull-request/pull/4356
 */
export async function retryWhileSettling<T>(
	call: () => Promise<T>,
	options: SettleOptions,
): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await call();
		} catch (error) {
			const delay = options.delaysMs[attempt];
			if (delay === undefined || !options.isTransient(error)) throw error;
			await sleep(delay);
		}
	}
}

/**
 * GitHub's answers while a just-created ref or pull request is not visible everywhere yet:
 * `head` invalid, "No commits between", "Could not resolve to a node", or a 404. "A pull request
 * already exists" is not one of them: it is handled where pull requests are created.
 */
export function isSettlingError(error: unknown): boolean {
	if (!isRequestError(error)) return false;
	if (error.status === 404) return true;
	return error.status === 422 && !isGitHubError(error, 422, 'a pull request already exists');
}

/** Waits, without keeping the process alive for nothing when `ms` is 0. */
export function sleep(ms: number): Promise<void> {
	return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
