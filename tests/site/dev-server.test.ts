import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** This process's environment without what Vitest adds (`NODE_ENV=test`, `VITEST*`). */
function devEnvironment(): NodeJS.ProcessEnv {
	return Object.fromEntries(
		Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')),
	);
}

/**
 * `astro dev` follows the registry: an edited entry file shows on its page and in the index
 * without a restart, and a broken edit is reported while the last good pages stay up.
 */
describe('the dev server', () => {
	const work = mkdtempSync(join(tmpdir(), 'dev-registry-'));
	const registry = join(work, 'registry');
	const file = join(registry, 'systems/clairval-repond.mdx');
	const englishName = /^( {2}en: )Clairval Answers.*$/m;
	let server: ChildProcess | undefined;
	let log = '';
	let origin = '';

	const freePort = () =>
		new Promise<number>((resolve) => {
			const probe = createServer().listen(0, '127.0.0.1', () => {
				const { port } = probe.address() as { port: number };
				probe.close(() => resolve(port));
			});
		});
	const pageTitle = async (path: string) => {
		const response = await fetch(`${origin}${path}`);
		const html = await response.text();
		return {
			status: response.status,
			html,
			h1: /<h1 id="_top"[^>]*>([^<]*)<\/h1>/.exec(html)?.[1],
		};
	};
	const edit = (change: (text: string) => string) =>
		writeFileSync(file, change(readFileSync(file, 'utf8')));

	beforeAll(async () => {
		cpSync('examples/clairval/registry', registry, { recursive: true });
		const port = await freePort();
		origin = `http://127.0.0.1:${port}`;
		server = spawn(
			'npx',
			['astro', 'dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'],
			{ env: { ...devEnvironment(), REGISTRY_DIR: registry }, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
		server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
		// The first page waits for Vite and the content layer: a minute or more on a busy machine.
		const deadline = Date.now() + 180_000;
		for (;;) {
			const status = await pageTitle('/en/registre/systemes/clairval-repond/').then(
				(page) => page.status,
				() => 0,
			);
			if (status === 200) break;
			if (Date.now() > deadline || server.exitCode !== null) {
				throw new Error(`the dev server did not serve the entry page:\n${log}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 1_000));
		}
	});

	afterAll(() => {
		server?.kill();
		rmSync(work, { recursive: true, force: true });
	});

	it('shows an edited entry on its page and in the index, without a restart', async () => {
		expect((await pageTitle('/en/registre/systemes/clairval-repond/')).h1).toMatch(
			/^Clairval Answers/,
		);
		edit((text) => text.replace(englishName, '$1Clairval Answers, renamed while serving'));
		const patience = { timeout: 30_000, interval: 500 };
		await expect
			.poll(async () => (await pageTitle('/en/registre/systemes/clairval-repond/')).h1, patience)
			.toBe('Clairval Answers, renamed while serving');
		await expect
			.poll(async () => (await pageTitle('/en/registre/systemes/')).html, patience)
			.toContain('Clairval Answers, renamed while serving');
	});

	it('reports a broken edit and keeps serving the last good pages', async () => {
		edit((text) => text.replace(/^status: .*$/m, 'status: en-service'));
		await expect
			.poll(() => log, { timeout: 30_000, interval: 500 })
			.toMatch(/clairval-repond\.mdx:\d+: status: unknown value "en-service"/);
		const page = await pageTitle('/en/registre/systemes/clairval-repond/');
		expect(page.status).toBe(200);
		expect(page.h1).toBe('Clairval Answers, renamed while serving');
	});
});
