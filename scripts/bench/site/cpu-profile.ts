/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time by function and by where the
 * code lives (a package under node_modules, a project file, Node itself), to see what a build
 * spends its time on. Usage: `node scripts/bench/site/cpu-profile.ts <file.cpuprofile> [top]`.
 */
import { readFile } from 'node:fs/promises';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** Self time in milliseconds of one place in the code. */
export interface Hotspot {
	name: string;
	ms: number;
	share: number;
}

/** Where a script URL lives: `pkg:<name>`, a project-relative file, or `node`/`(native)`. */
export function origin(url: string): string {
	if (!url) return '(native or idle)';
	if (url.startsWith('node:')) return 'node';
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (pkg?.[1]) return `pkg:${pkg[1]}`;
	const project = /\/work\/[^/]+\/(.*)$/.exec(url.replace(/^file:\/\//, ''));
	return project?.[1] ?? url;
}

/** Self time of every function and of every origin, biggest first. */
export function summarise(profile: Profile): { functions: Hotspot[]; origins: Hotspot[] } {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const self = new Map<number, number>();
	let total = 0;
	profile.samples.forEach((id, index) => {
		const delta = (profile.timeDeltas[index] ?? 0) / 1000;
		self.set(id, (self.get(id) ?? 0) + delta);
		total += delta;
	});
	const functions = new Map<string, number>();
	const origins = new Map<string, number>();
	for (const [id, ms] of self) {
		const frame = byId.get(id)?.callFrame;
		if (!frame) continue;
		const where = origin(frame.url);
		const name = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
		functions.set(name, (functions.get(name) ?? 0) + ms);
		origins.set(where, (origins.get(where) ?? 0) + ms);
	}
	const sorted = (map: Map<string, number>) =>
		[...map].map(([name, ms]) => ({ name, ms, share: ms / total })).sort((a, b) => b.ms - a.ms);
	return { functions: sorted(functions), origins: sorted(origins) };
}

/** Reads a profile file and prints its top functions and origins. */
export async function printProfile(file: string, top = 25): Promise<string> {
	const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;
	const { functions, origins } = summarise(profile);
	const line = (h: Hotspot) =>
		`${(h.ms / 1000).toFixed(1).padStart(7)} s ${(h.share * 100).toFixed(1).padStart(5)} %  ${h.name}`;
	return [
		`Self time by origin (${file}):`,
		...origins.slice(0, top).map(line),
		'',
		'Self time by function:',
		...functions.slice(0, top).map(line),
	].join('\n');
}

if (import.meta.main) {
	const [file, top] = process.argv.slice(2);
	if (!file) {
		console.error('usage: cpu-profile.ts <file.cpuprofile> [top]');
		process.exit(2);
	}
	console.log(await printProfile(file, top ? Number(top) : undefined));
}
