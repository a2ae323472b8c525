import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The project's root, where the tests run. */
export const projectRoot = resolve('.');

/**
 * A fresh folder for a copy of the project, inside its ignored `.bench/`, so the copy resolves the
 * project's own node_modules as any package would (a symlinked node_modules makes Vite compile
 * Starlight under two paths).
 */
export function benchFolder(prefix: string): string {
	mkdirSync(join(projectRoot, '.bench'), { recursive: true });
	return mkdtempSync(join(projectRoot, '.bench', prefix));
}

/** Copies the project's files as git sees them (the build's output and the dependencies left out). */
export function copyProject(to: string): void {
	const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], {
		cwd: projectRoot,
		encoding: 'utf8',
	})
		.split('\n')
		.filter((file) => file && !file.startsWith('dist/'));
	for (const file of files) {
		mkdirSync(dirname(join(to, file)), { recursive: true });
		cpSync(join(projectRoot, file), join(to, file));
	}
}
