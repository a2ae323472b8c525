import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Nothing invalid is published: a broken entry stops the build with its file, line and field. */
describe('building from a broken registry', () => {
	it('fails and names the file, line and field of every problem', () => {
		const work = mkdtempSync(join(tmpdir(), 'broken-registry-'));
		const registry = join(work, 'registry');
		cpSync('examples/clairval/registry', registry, { recursive: true });
		const file = join(registry, 'systems/clairval-repond.mdx');
		writeFileSync(file, readFileSync(file, 'utf8').replace(/^status: .*$/m, 'status: en-service'));
		const result = spawnSync('npx', ['astro', 'build', '--outDir', join(work, 'dist')], {
			env: { ...process.env, REGISTRY_DIR: registry, NODE_ENV: 'production' },
			encoding: 'utf8',
		});
		expect(result.status).not.toBe(0);
		expect(`${result.stdout}${result.stderr}`).toMatch(
			/systems\/clairval-repond\.mdx:\d+: status: unknown value "en-service" for vocabulary statuses/,
		);
	});
});
