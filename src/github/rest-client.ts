import { Octokit } from '@octokit/rest';
import { PublishError, isGitHubError, isRequestError } from './errors.ts';

/** The REST client every GitHub call goes through. */
export type GitHubClient = Octokit;

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

/** Options of {@link createRestClient}. */
export interface RestClientOptions {
	token: string;
	/** `GITHUB_API_URL`: `https://api.github.com`, or `https://HOST/api/v3` on Enterprise Server. */
	baseUrl?: string | undefined;
}

/**
 * Creates the Octokit REST client. No retry or throttling plugin: the only retries are the
 * explicit ones of {@link retryWhileSettling}, where GitHub is known to be eventually consistent.
 */
export function createRestClient(options: RestClientOptions): GitHubClient {
	return new Octokit({
		auth: options.token,
		baseUrl: (options.baseUrl || defaultApiUrl).replace(/\/+$/, ''),
		userAgent: 'registre-ia-publish-draft',
		// Octokit logs every 4xx through `log.error`; the caller reports failures itself.
		log: { debug: ignore, info: ignore, warn: console.warn, error: ignore },
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
 * GitHub may answer 422 (or 404) as if the new object did not exist yet. Nothing else is retried.
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
