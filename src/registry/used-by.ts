import type { Text } from './schemas/index.ts';
import type { Entry } from './load.ts';

/** One system that uses a model, and how. */
export interface ModelUse {
	/** Id of the system. */
	system: string;
	/** How the model is used in that system, as the system's entry describes it. */
	usage: Text;
}

/**
 * Which systems use each model, computed from the systems' `models` lists: the link is stored
 * once, on the system, and read both ways. Models no system uses are absent from the map.
 */
export function usedBy(registry: {
	systems: readonly Pick<Entry<'systems'>, 'id' | 'data'>[];
}): Map<string, ModelUse[]> {
	const uses = new Map<string, ModelUse[]>();
	const systems = [...registry.systems].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	for (const system of systems) {
		for (const { model, usage } of system.data.models) {
			const list = uses.get(model) ?? [];
			list.push({ system: system.id, usage });
			uses.set(model, list);
		}
	}
	return uses;
}
