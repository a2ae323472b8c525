import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registryWith, sampleDir, systemData } from './helpers.ts';

/** Runs `scripts/registry.ts` as `npm run registry --` does. */
function registryCli(...args: string[]) {
	const result = spawnSync(process.execPath, ['scripts/registry.ts', ...args], {
		encoding: 'utf8',
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each test starts Node: allow for a busy machine.
const slow = { timeout: 60_000 };

describe('npm run registry -- check', slow, () => {
	it('exits 0 on the sample registry', () => {
		const result = registryCli('check', '--registry', sampleDir);
		expect(result).toMatchObject({ status: 0, stdout: 'Registry checked: no problems found.\n' });
	});

	it('exits 1 and prints every problem, in English or French, as text or annotations', () => {
		const dir = registryWith(systemData({ status: 'live', automation: 'manual' }));
		const english = registryCli('check', '--registry', dir);
		expect(english.status).toBe(1);
		expect(english.stdout.trim().split('\n')).toEqual([
			expect.stringMatching(/systems\/systeme-test\.mdx:\d+: status: unknown value "live"/),
			expect.stringMatching(/systems\/systeme-test\.mdx:\d+: automation: unknown value "manual"/),
		]);
		expect(english.stderr).toBe('2 problems in 1 file.\n');
		const french = registryCli('check', '--registry', dir, '--lang', 'fr', '--format', 'github');
		expect(french.stdout).toMatch(
			/^::error title=status,file=.*systeme-test\.mdx,line=\d+::valeur « live » inconnue/,
		);
		expect(french.stderr).toBe('2 problèmes dans 1 fichier.\n');
	});

	it('refuses unknown options and commands with exit code 2', () => {
		expect(registryCli('check', '--lang', 'de').status).toBe(2);
		expect(registryCli('frobnicate').status).toBe(2);
	});
});

describe('npm run registry -- schema', slow, () => {
	it('writes the JSON Schema of registry.json', () => {
		const out = join(registryWith(), 'out', 'registry.schema.json');
		const result = registryCli('schema', '--registry', sampleDir, '--out', out);
		expect(result.status).toBe(0);
		const schema = JSON.parse(readFileSync(out, 'utf8'));
		expect(schema.properties.systems.items.properties.status.enum).toContain('in-use');
	});
});
