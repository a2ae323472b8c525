import { execFile } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One commit that changed an entry file. */
export interface Change {
	sha: string;
	/** Commit date, ISO 8601. */
	date: string;
	subject: string;
	/** Pull request number, when the commit message names one (squash or merge commits). */
	pullRequest?: number;
}

/** The changes of every registry file, newest first, read from git in one call. */
export interface RegistryHistory {
	/** Changes by absolute file path. */
	changes: Map<string, Change[]>;
	/** True when the clone is shallow, so the oldest change shown may not be the creation. */
	partial: boolean;
	/** Why there is no history at all (not a git checkout, git missing), if so. */
	unavailable?: string;
}

const recordSeparator = '\x1e';
const fieldSeparator = '\x1f';

/**
 * Reads the history of a registry folder with a single `git log` over the whole folder, rather than
 * one process per entry (10,000 spawns at 10,000 entries). Degrades to an empty history outside git.
 */
export async function readRegistryHistory(registryDir: string): Promise<RegistryHistory> {
	const git = (args: string[]) =>
		run('git', ['-C', registryDir, ...args], { maxBuffer: 512 * 1024 * 1024 }).then((r) =>
			r.stdout.trim(),
		);
	try {
		const root = await git(['rev-parse', '--show-toplevel']);
		const shallow = (await git(['rev-parse', '--is-shallow-repository'])) === 'true';
		// Files renamed into the folder (the sample moved to examples/, an entry given a new id)
		// keep the history of their former paths: the renames first, then one log over both.
		const renames = parseRenames(
			await git(['log', '-M', '--diff-filter=R', '--name-status', '--format=', '--', ':/']),
			root,
			resolve(registryDir),
		);
		const formerPaths = [...renames.keys()].map((path) => relative(resolve(registryDir), path));
		const log = await git([
			'log',
			'--no-renames',
			`--format=${recordSeparator}%H${fieldSeparator}%aI${fieldSeparator}%s`,
			'--name-only',
			'--',
			'.',
			...formerPaths,
		]);
		return { changes: parseGitLog(log, root, renames), partial: shallow };
	} catch (error) {
		const reason = (error as Error).message.split('\n')[0] ?? 'git failed';
		return { changes: new Map(), partial: true, unavailable: reason };
	}
}

/**
 * Reads `git log -M --diff-filter=R --name-status` (newest first) into the former paths of the
 * folder's files: each former absolute path and the path its file has now, renames chained.
 */
export function parseRenames(
	log: string,
	repositoryRoot: string,
	folder: string,
): Map<string, string> {
	const now = new Map<string, string>();
	for (const line of log.split('\n')) {
		const [status = '', from, to] = line.split('\t');
		if (!status.startsWith('R') || !from || !to) continue;
		const target = resolve(repositoryRoot, to);
		const current = now.get(target) ?? target;
		if (current.startsWith(`${folder}${sep}`)) now.set(resolve(repositoryRoot, from), current);
	}
	return now;
}

/**
 * Parses `git log --name-only` output in the format above into changes per absolute path, the
 * changes of a former path (see {@link parseRenames}) counted for the file's path now.
 */
export function parseGitLog(
	log: string,
	repositoryRoot: string,
	renames: ReadonlyMap<string, string> = new Map(),
): Map<string, Change[]> {
	const changes = new Map<string, Change[]>();
	for (const record of log.split(recordSeparator)) {
		const [header, ...files] = record.split('\n');
		if (!header) continue;
		const [sha = '', date = '', subject = ''] = header.split(fieldSeparator);
		const pullRequest = pullRequestNumber(subject);
		const change: Change = { sha, date, subject, ...(pullRequest && { pullRequest }) };
		for (const file of files) {
			if (!file.trim()) continue;
			const written = resolve(repositoryRoot, file.trim());
			const path = renames.get(written) ?? written;
			const list = changes.get(path);
			// A move lists the file twice in its commit (its old path deleted, its new one added).
			if (list?.at(-1)?.sha === sha) continue;
			if (list) list.push(change);
			else changes.set(path, [change]);
		}
	}
	return changes;
}

/** Finds the pull request a commit subject names: `Title (#12)` or `Merge pull request #12 …`. */
export function pullRequestNumber(subject: string): number | undefined {
	const match = /\(#(\d+)\)\s*$/.exec(subject) ?? /^Merge pull request #(\d+)/.exec(subject);
	return match?.[1] ? Number(match[1]) : undefined;
}
