import type { Loader } from 'astro/loaders';
import { relative, resolve } from 'node:path';
import { checkLoadedRegistry } from '../registry/check.ts';
import { loadRegistry, type Registry } from '../registry/load.ts';
import { formatProblem } from '../registry/problems.ts';
import type { EntryKind } from '../registry/schemas/index.ts';

/** Folder the site publishes: `REGISTRY_DIR` when set (benchmarks, adopters), else `registry/`. */
export const registryDir = resolve(process.env.REGISTRY_DIR ?? 'registry');

let pending: Promise<Registry> | undefined;

/** Loads and checks the registry once per build, however many collections ask for it. */
export function loadCheckedRegistry(): Promise<Registry> {
	pending ??= loadRegistry(registryDir).then((registry) => {
		const problems = checkLoadedRegistry(registry);
		if (problems.length > 0) {
			const lines = problems.map((problem) => formatProblem(problem));
			throw new Error(
				`The registry in ${registryDir} has ${lines.length} problem(s); run \`npm run registry -- check\`:\n${lines.join('\n')}`,
			);
		}
		return registry;
	});
	return pending;
}

/**
 * An Astro content loader for one kind of registry entry. Entries are parsed and validated by the
 * registry core with the same zod schema the collection declares, so they are stored as they are.
 */
export function registryLoader(kind: EntryKind): Loader {
	return {
		name: `registre-ia:${kind}`,
		async load({ store, generateDigest }) {
			const registry = await loadCheckedRegistry();
			store.clear();
			for (const entry of registry[kind]) {
				store.set({
					id: entry.id,
					data: entry.data as Record<string, unknown>,
					body: entry.file.body,
					// Astro wants paths relative to the project; the registry may live elsewhere (`REGISTRY_DIR`).
					filePath: relative(process.cwd(), entry.file.path),
					digest: generateDigest(entry.file.body + JSON.stringify(entry.data)),
				});
			}
		},
	};
}
