import { describe, expect, test } from 'vitest';
import { PublishError, describeGitHubError } from '../../src/github/errors.ts';
import { isSettlingError, retryWhileSettling } from '../../src/github/rest-client.ts';

/** An error shaped like Octokit's RequestError. */
function requestError(
	status: number,
	data?: object,
	headers: Record<string, string> = {},
): Error & { status: number } {
	return Object.assign(new Error(`HTTP ${status}`), {
		status,
		...(data && { response: { data, headers } }),
	});
}

describe('describeGitHubError', () => {
	test('a refused pull request names the repository setting', () => {
		const error = describeGitHubError(
			requestError(403, {
				message: 'GitHub Actions is not permitted to create or approve pull requests.',
			}),
			'write-pull-request',
		);
		expect(error.bilingual.en).toContain('A repository administrator must tick Settings › Actions');
		expect(error.bilingual.fr).toContain('Une personne qui administre le dépôt doit cocher');
		expect(error.action).toBe('write-pull-request');
	});

	test.each([
		['write-branch', 'contents: write'],
		['write-pull-request', 'pull-requests: write'],
		['label-pull-request', 'pull-requests: write'],
		['write-comment', 'issues: write'],
		['read-pull-requests', 'pull-requests: read'],
		['write-check', 'checks: write'],
		['delete-branch', 'contents: write'],
		['unlabel-issue', 'issues: write'],
	] as const)('a missing permission for %s names "%s"', (action, permission) => {
		const error = describeGitHubError(
			requestError(403, { message: 'Resource not accessible by integration' }),
			action,
		);
		expect(error.bilingual.en).toContain(`Add "${permission}" to the publish job's permissions:`);
		expect(error.bilingual.fr).toContain(`Ajoutez « ${permission} »`);
	});

	test('a missing actions: read names the draft job, where the preflight runs', () => {
		const error = describeGitHubError(
			requestError(403, { message: 'Resource not accessible by integration' }),
			'read-actions',
		);
		expect(error.bilingual.en).toContain(`Add "actions: read" to the draft job's permissions:`);
		expect(error.bilingual.fr).toContain('au bloc permissions: du job de rédaction');
	});

	test('GitHub’s API rate limit is not mistaken for a missing permission', () => {
		const limited = describeGitHubError(
			requestError(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0' }),
			'write-branch',
		);
		expect(limited.bilingual.en).toContain('GitHub API rate limit reached');
		expect(
			describeGitHubError(requestError(429, { message: 'slow down' }), 'read-issue').bilingual.en,
		).toContain('rate limit');
	});

	test('an unreachable API points at GITHUB_API_URL', () => {
		const error = describeGitHubError(requestError(500), 'read-repository');
		expect(error.bilingual.en).toContain('Could not reach the GitHub API');
		expect(error.bilingual.en).toContain('GITHUB_API_URL');
	});

	test('anything else keeps GitHub’s own words', () => {
		const error = describeGitHubError(
			requestError(409, { message: 'Git Repository is empty.' }),
			'write-branch',
		);
		expect(error.bilingual.en).toBe(
			'GitHub refused to write the draft branch. (GitHub: 409 Git Repository is empty.)',
		);
		expect(describeGitHubError(new TypeError('boom'), 'write-comment').bilingual.en).toBe(
			'Failed to comment on the issue: boom',
		);
	});

	test('an explained error passes through unchanged', () => {
		const explained = new PublishError({ fr: 'a', en: 'b' });
		expect(describeGitHubError(explained, 'write-branch')).toBe(explained);
	});
});

describe('retryWhileSettling', () => {
	test('retries GitHub’s transient answers, as many times as there are delays', async () => {
		let calls = 0;
		const result = await retryWhileSettling(
			async () => {
				calls++;
				if (calls < 3) throw requestError(422, { message: 'Validation Failed' });
				return 'done';
			},
			{ delaysMs: [0, 0, 0], isTransient: isSettlingError },
		);
		expect(result).toBe('done');
		expect(calls).toBe(3);
	});

	test('gives up after the last delay, and never retries other errors', async () => {
		let calls = 0;
		const failing = () => {
			calls++;
			return Promise.reject(requestError(404));
		};
		await expect(
			retryWhileSettling(failing, { delaysMs: [0, 0], isTransient: isSettlingError }),
		).rejects.toMatchObject({
			status: 404,
		});
		expect(calls).toBe(3);

		calls = 0;
		const exists = () => {
			calls++;
			return Promise.reject(
				requestError(422, {
					message: 'Validation Failed',
					errors: [{ message: 'A pull request already exists for a:b.' }],
				}),
			);
		};
		await expect(
			retryWhileSettling(exists, { delaysMs: [0, 0], isTransient: isSettlingError }),
		).rejects.toThrow();
		expect(calls).toBe(1);
	});
});
