import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startVitest, type SerializedError } from 'vitest/node';
import { countRun } from './summary-reporter.ts';

const fixtures = fileURLToPath(new URL('fixtures/summary/', import.meta.url));

/** Runs the fixture test files with Vitest itself and counts them as the reporter does. */
async function countFixtures(...names: string[]) {
	const vitest = await startVitest('test', names, {
		root: fixtures,
		include: ['*.check.ts'],
		watch: false,
		reporters: [],
	});
	try {
		const errors = vitest.state.getUnhandledErrors() as SerializedError[];
		return countRun(vitest.state.getTestModules(), errors);
	} finally {
		await vitest.close();
	}
}

describe('the closing line', () => {
	it('counts the tests of a file whose set-up failed as failed', async () => {
		expect(await countFixtures('broken-hook')).toMatchObject({ passed: 0, failed: 2 });
	});

	it('counts a file that cannot load as a failure', async () => {
		expect(await countFixtures('cannot-load')).toMatchObject({ passed: 0, failed: 1 });
	});

	it('counts passed and skipped tests as they are', async () => {
		expect(await countFixtures('fine')).toEqual({ passed: 1, failed: 0, skipped: 1, pending: 0 });
	});
});
