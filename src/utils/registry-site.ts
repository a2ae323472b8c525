import { getCollection } from 'astro:content';
import { resolve } from 'node:path';
import { registryDir } from '../loaders/registry.ts';
import { readRegistryHistory, type Change, type RegistryHistory } from '../registry/history.ts';
import { loadVocabularies, type Vocabularies } from '../registry/vocabularies.ts';
import type { AiModel, AiSystem, EntryKind, Language, Text } from '../registry/schemas/index.ts';
import type { Lang } from '../i18n/ui.ts';

/** An entry as the site reads it from its content collection (`filePath` absolute). */
export interface SiteEntry<D> {
	id: string;
	data: D;
	body: string;
	filePath: string;
}

/** Everything the registry pages need, computed once per build rather than once per page. */
export interface SiteRegistry {
	systems: SiteEntry<AiSystem>[];
	models: SiteEntry<AiModel>[];
	systemsById: Map<string, SiteEntry<AiSystem>>;
	modelsById: Map<string, SiteEntry<AiModel>>;
	/** For each model id, the systems that use it and how. */
	usedBy: Map<string, { system: SiteEntry<AiSystem>; usage: Text }[]>;
	vocabularies: Vocabularies;
	history: RegistryHistory;
}

let pending: Promise<SiteRegistry> | undefined;

/** Loads the registry collections, vocabularies and git history once for the whole build. */
export function getSiteRegistry(): Promise<SiteRegistry> {
	pending ??= (async () => {
		const [systemEntries, modelEntries, { vocabularies }, history] = await Promise.all([
			getCollection('systems'),
			getCollection('models'),
			loadVocabularies(registryDir),
			readRegistryHistory(registryDir),
		]);
		const systems = systemEntries.map(toSiteEntry<AiSystem>);
		const models = modelEntries.map(toSiteEntry<AiModel>);
		const usedBy: SiteRegistry['usedBy'] = new Map();
		for (const system of systems) {
			for (const use of system.data.models) {
				const list = usedBy.get(use.model) ?? [];
				list.push({ system, usage: use.usage });
				usedBy.set(use.model, list);
			}
		}
		return {
			systems,
			models,
			systemsById: new Map(systems.map((entry) => [entry.id, entry])),
			modelsById: new Map(models.map((entry) => [entry.id, entry])),
			usedBy,
			vocabularies,
			history,
		};
	})();
	return pending;
}

function toSiteEntry<D>(entry: { id: string; data: unknown; body?: string; filePath?: string }) {
	return {
		id: entry.id,
		data: entry.data as D,
		body: entry.body ?? '',
		filePath: resolve(entry.filePath ?? ''),
	};
}

/** URL segment of each kind, the same in both languages so the language switch keeps the page. */
export const kindSegments: Record<EntryKind, string> = { systems: 'systemes', models: 'modeles' };

/** Path of a page of the site in a language, with the configured base. */
export function sitePath(lang: Lang, path: string): string {
	const base = import.meta.env.BASE_URL.replace(/\/$/, '');
	const prefix = lang === 'fr' ? '' : `/${lang}`;
	return `${base}${prefix}/${path.replace(/^\//, '')}`;
}

/** Path of a kind's index, or of one entry, in a language. */
export function registryPath(lang: Lang, kind: EntryKind, id?: string): string {
	return sitePath(lang, `registre/${kindSegments[kind]}/${id ? `${id}/` : ''}`);
}

/** Static paths of both locales for a route under `[...locale]`. */
export const localeParams = [
	{ locale: undefined, lang: 'fr' },
	{ locale: 'en', lang: 'en' },
] as const satisfies readonly { locale: string | undefined; lang: Lang }[];

/** A text in the reader's language, or in the other one with a flag when it is missing. */
export function pickText(
	text: Text | undefined,
	lang: Language,
): { text: string; lang: Language } | undefined {
	if (!text) return undefined;
	const own = text[lang];
	if (own) return { text: own, lang };
	const other: Language = lang === 'fr' ? 'en' : 'fr';
	const fallback = text[other];
	return fallback ? { text: fallback, lang: other } : undefined;
}

/** The changes of an entry file, newest first. */
export function entryChanges(registry: SiteRegistry, entry: SiteEntry<unknown>): Change[] {
	return registry.history.changes.get(entry.filePath) ?? [];
}
