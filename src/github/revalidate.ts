import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRegistry } from '../registry/check.ts';
import type { DraftEntry } from './draft-report.ts';
import type { Bilingual } from './errors.ts';

/** One problem the registry validator found (the shape `checkRegistry` returns). */
export interface RegistryProblem {
	path: string;
	line: number;
	field: string;
	message: Bilingual;
}

/** A registry validator: a folder in, its problems out (none means valid). */
export type RegistryCheck = (registryDir: string) => Promise<RegistryProblem[]>;

/** The validator's verdict on the registry with the draft added. */
export interface ValidationResult {
	/** Problems in the draft entry itself: nothing is written while there is one. */
	draftProblems: RegistryProblem[];
	/** Problems elsewhere in the registry, already on the base branch. */
	otherProblems: RegistryProblem[];
}

/**
 * A draft file that adds an entry the registry already has (it would overwrite it), or edits one
 * it does not have: the draft job's word on which files change is not trusted either.
 */
function changeProblems(file: DraftEntry, registryDir: string): RegistryProblem[] {
	const exists = existsSync(join(registryDir, file.kind, `${file.id}.mdx`));
	if (exists === (file.change === 'edit')) return [];
	const message: Bilingual =
		file.change === 'add'
			? {
					fr: 'le brouillon ajoute cette fiche, que le registre a déjà : il la remplacerait',
					en: 'the draft adds this entry, which the registry already has: it would replace it',
				}
			: {
					fr: 'le brouillon modifie cette fiche, que le registre n’a pas',
					en: 'the draft edits this entry, which the registry does not have',
				};
	return [{ path: file.path, line: 1, field: 'id', message }];
}

/**
 * Validates the draft the way CI will: the repository's `registry/` plus the draft's entries, copied
 * into a temporary folder and checked with the registry's own validator. The draft job already
 * validated it, but its output is not trusted here.
 */
export async function revalidateDraft(
	entry: DraftEntry,
	options: { registryDir: string; check?: RegistryCheck; extra?: readonly DraftEntry[] },
): Promise<ValidationResult> {
	const entries = [entry, ...(options.extra ?? [])];
	// The draft job says which files it adds and which it edits; the registry decides. (The main
	// entry may be one the registry has since its pull request was merged: that is
	// `already-published`, or a new pull request a person reviews, as before.)
	const misplaced = [
		...(entry.change === 'edit' ? changeProblems(entry, options.registryDir) : []),
		...(options.extra ?? []).flatMap((file) => changeProblems(file, options.registryDir)),
	];
	if (misplaced.length > 0) return { draftProblems: misplaced, otherProblems: [] };
	const check = options.check ?? checkRegistry;
	const workDir = await mkdtemp(join(tmpdir(), 'registre-ia-check-'));
	try {
		const registryCopy = join(workDir, 'registry');
		await cp(options.registryDir, registryCopy, { recursive: true, verbatimSymlinks: true });
		for (const file of entries) {
			await mkdir(join(registryCopy, file.kind), { recursive: true });
			await writeFile(join(registryCopy, file.kind, `${file.id}.mdx`), file.content);
		}
		// Problems name files in the copy; show them at their place in the repository.
		const problems = (await check(registryCopy)).map((problem: RegistryProblem) => ({
			...problem,
			path: problem.path.startsWith(registryCopy)
				? `registry${problem.path.slice(registryCopy.length).replace(/\\/g, '/')}`
				: problem.path,
		}));
		// A problem in any of the draft's files is the draft's.
		const tails = entries.map((file) => `registry/${file.kind}/${file.id}.mdx`);
		const isDraft = (problem: RegistryProblem): boolean =>
			tails.some((tail) => problem.path.endsWith(tail));
		return {
			draftProblems: problems.filter(isDraft),
			otherProblems: problems.filter((problem) => !isDraft(problem)),
		};
	} finally {
		await rm(workDir, { recursive: true, force: true });
	}
}
