/**
 * The REST client's plumbing from the ecosystem, against the fake GitHub: `@octokit/plugin-retry`
 * tries a 5xx again, `@octokit/plugin-throttling` waits out a rate limit once and spaces writes;
 * a 4xx fails at once, and every request stays one GitHub documents.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { describeGitHubError } from '../../src/github/errors.ts';
import { createRestClient, requestRetries } from '../../src/github/rest-client.ts';
import { FakeGitHub } from './fake-github/server.ts';
import { contributor, repositoryOf, testPacing } from './helpers.ts';

let fake: FakeGitHub;

beforeEach(async () => {
	fake = await FakeGitHub.start();
	fake.state.addIssue({ number: 1, title: 't', body: 'b', user: contributor, labels: [] });
	// The plugins say what they wait for on the console.
	vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(async () => {
	vi.restoreAllMocks();
	expect(fake.violations).toEqual([]);
	await fake.close();
});

/** The client as the commands make it, its waits shortened. */
const clientFor = (fake: FakeGitHub, token = 'write-token') =>
	createRestClient({ token, baseUrl: fake.url, pacing: testPacing });

const getIssue = (client = clientFor(fake)) =>
	client.rest.issues.get({ ...repositoryOf(fake), issue_number: 1 });

describe('createRestClient', () => {
	test('retries a request GitHub answered with a 5xx, then gives up', async () => {
		fake.switches.serverErrors = 2;
		expect((await getIssue()).data.number).toBe(1);
		expect(fake.requests.map((request) => request.status)).toEqual([502, 502, 200]);

		fake.switches.serverErrors = requestRetries + 1;
		await expect(getIssue()).rejects.toMatchObject({ status: 502 });
		expect(fake.requests).toHaveLength(3 + requestRetries + 1);
	});

	test('waits for the rate limit to reset once, then says it was the limit', async () => {
		fake.switches.rateLimited = 1;
		expect((await getIssue()).data.number).toBe(1);
		expect(fake.requests.map((request) => request.status)).toEqual([403, 200]);

		fake.switches.rateLimited = 2;
		const error = await getIssue().catch((caught: unknown) => caught);
		expect(describeGitHubError(error, 'read-issue').bilingual.en).toMatch(
			/^GitHub API rate limit reached; re-run the workflow later/,
		);
	});

	test('waits out a secondary rate limit once', async () => {
		fake.switches.secondaryRateLimited = 1;
		expect((await getIssue()).data.number).toBe(1);
		expect(fake.requests.map((request) => request.status)).toEqual([403, 200]);
	});

	test('never retries a refusal that would only fail again', async () => {
		fake.switches.forbidden.add('issues/get');
		await expect(getIssue()).rejects.toMatchObject({ status: 403 });
		await expect(getIssue(clientFor(fake, 'expired-token'))).rejects.toMatchObject({
			status: 401,
		});
		expect(fake.requests).toHaveLength(2);
	});

	test('spaces its writes as GitHub asks, the ones that notify people the most', async () => {
		const client = createRestClient({
			token: 'write-token',
			baseUrl: fake.url,
			pacing: { ...testPacing, writeMs: 40, notificationMs: 120 },
		});
		const started = performance.now();
		await Promise.all([
			client.rest.issues.addLabels({ ...repositoryOf(fake), issue_number: 1, labels: ['a'] }),
			client.rest.issues.addLabels({ ...repositoryOf(fake), issue_number: 1, labels: ['b'] }),
		]);
		const labelled = performance.now();
		await Promise.all(
			['one', 'two'].map((body) =>
				client.rest.issues.createComment({ ...repositoryOf(fake), issue_number: 1, body }),
			),
		);
		expect(labelled - started).toBeGreaterThanOrEqual(35);
		expect(performance.now() - labelled).toBeGreaterThanOrEqual(110);
		expect(fake.state.comments.map((comment) => comment.body)).toEqual(['one', 'two']);
	});
});
