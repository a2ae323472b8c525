import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * `npm run kit -- upgrade`: takes a kit release into the organisation's fork. The kit's paths
 * merge as any code does; the organisation's (its configuration, registry, charter and generated
 * files, listed in `.gitattributes` with `merge=ours`) keep the organisation's version whenever
 * both sides changed them; the sample stays in `examples/`, out of the organisation's registry.
 * The generated files are then made again from the organisation's configuration.
 * @see https://git-scm.com/docs/gitattributes#_built_in_merge_drivers
 */

/** What an upgrade did. */
export interface UpgradeResult {
	/** Files that still conflict (the kit's own, changed by both sides): to resolve by hand. */
	conflicts: string[];
	/** The generated files made again from the organisation's configuration, if any changed. */
	regenerated: boolean;
}

/** Merges `ref` of the kit repository `from` into the fork checked out in `dir`. */
export async function upgradeKit(
	dir: string,
	options: { from: string; ref?: string },
): Promise<UpgradeResult> {
	const git = (...args: string[]) =>
		run('git', ['-C', dir, ...args], { maxBuffer: 64 * 1024 * 1024 }).then((r) => r.stdout.trim());
	// The `ours` driver `.gitattributes` names: keep the fork's side of an organisation's file.
	await git('config', 'merge.ours.driver', 'true');
	await git('fetch', '--quiet', options.from, options.ref ?? 'main');
	try {
		await git('merge', '--no-edit', '--quiet', '-m', 'Take the kit update', 'FETCH_HEAD');
	} catch {
		const conflicts = (await git('diff', '--name-only', '--diff-filter=U'))
			.split('\n')
			.filter(Boolean);
		if (conflicts.length === 0) throw new Error(`git merge failed in ${dir}`);
		return { conflicts, regenerated: false };
	}
	// Run with the merged kit's own commands, from the fork's root.
	await run(process.execPath, [join(dir, 'scripts', 'kit.ts'), 'generate'], { cwd: dir });
	const changed = await git('status', '--porcelain');
	if (!changed) return { conflicts: [], regenerated: false };
	await git('add', '-A');
	await git(
		'commit',
		'--quiet',
		'-m',
		'Regenerate the issue forms and CODEOWNERS after the kit update',
	);
	return { conflicts: [], regenerated: true };
}
