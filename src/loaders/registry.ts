import type { Loader, LoaderContext } from 'astro/loaders';
import { relative, sep } from 'node:path';
import { registryDir } from '../config/site.ts';
import { checkLoadedRegistry } from '../registry/check.ts';
import { loadRegistry, type Registry } from '../registry/load.ts';
import { formatProblem } from '../registry/problems.ts';
import type { EntryKind } from '../registry/kinds/index.ts';

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

/** What each registry-fed collection does again when the registry changes, by loader name. */
const reloads = new Map<string, () => Promise<void>>();
let watching = false;

/**
 * In `astro dev`, runs every registry-fed collection's `sync` again when a file of the registry
 * folder is added, changed or removed, so an edited entry shows without restarting the server.
 * A registry that no longer passes its checks is reported and leaves the pages as they were.
 */
export function watchRegistry(context: LoaderContext, name: string, sync: () => Promise<void>) {
	const { watcher, logger } = context;
	if (!watcher) return;
	reloads.set(name, sync);
	if (watching) return;
	watching = true;
	watcher.add(registryDir);
	const onChange = async (path: string) => {
		if (!path.startsWith(registryDir + sep)) return;
		pending = undefined;
		try {
			for (const reload of reloads.values()) await reload();
			logger.info(`Reloaded the registry after a change to ${relative(registryDir, path)}`);
		} catch (error) {
			logger.error(error instanceof Error ? error.message : String(error));
		}
	};
	for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onChange);
}

/**
 * An Astro content loader for one kind of registry entry. Entries are parsed and validated by the
 * registry core with the same zod schema the collection declares, so they are stored as they are.
 */
export function registryLoader(kind: EntryKind): Loader {
	const name = `registre-ia:${kind}`;
	return {
		name,
		async load(context) {
			const { store, generateDigest } = context;
			const sync = async () => {
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
			};
			await sync();
			watchRegistry(context, name, sync);
		},
	};
}
