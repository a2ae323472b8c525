import type { SiteConfig } from '../config/schema.ts';
import { repositoryUrl } from '../config/site.ts';
import type { Feed, FeedItem } from '../registry/exports/atom.ts';
import { entryKinds, firstKind, type EntryKind } from '../registry/kinds/index.ts';
import { valueAt } from '../registry/schema-fields.ts';
import { useRegistryTranslations } from '../i18n/registry.ts';
import { type Language } from '../registry/schemas/index.ts';
import { entryTitle } from './entry-meta.ts';
import { registryPath, sitePath } from './registry-paths.ts';
import { siteEntries, type SiteRegistry } from './site-registry.ts';

/** How many changes the feed lists. */
export const feedSize = 50;

/**
 * The feed of registry changes: one item per commit that touched entries, newest first, naming
 * the entries it changed. Without git history, one item per entry, dated by its last review.
 */
export function registryFeed(
	registry: SiteRegistry,
	config: SiteConfig,
	lang: Language,
	site: URL,
): Feed {
	const t = useRegistryTranslations(lang);
	const absolute = (path: string) => new URL(path, site).href;
	const repository = repositoryUrl(config.repository);
	const byPath = new Map<string, { kind: EntryKind; title: string; href: string }>();
	for (const kind of entryKinds) {
		for (const entry of siteEntries(registry, kind)) {
			byPath.set(entry.filePath, {
				kind,
				title: entryTitle(entry, kind, lang).title,
				href: absolute(registryPath(lang, kind, entry.id)),
			});
		}
	}
	const commits = new Map<
		string,
		{
			date: string;
			subject: string;
			pullRequest?: number;
			entries: { title: string; href: string }[];
		}
	>();
	for (const [path, changes] of registry.history.changes) {
		const entry = byPath.get(path);
		if (!entry) continue;
		for (const change of changes) {
			const commit = commits.get(change.sha) ?? {
				date: change.date,
				subject: change.subject,
				...(change.pullRequest && { pullRequest: change.pullRequest }),
				entries: [],
			};
			commit.entries.push(entry);
			commits.set(change.sha, commit);
		}
	}
	let items: FeedItem[] = [...commits.entries()]
		.map(([sha, commit]) => ({
			id: `${repository}/commit/${sha}`,
			title: commit.subject,
			updated: new Date(commit.date).toISOString(),
			link:
				commit.entries.length === 1 && commit.entries[0]
					? commit.entries[0].href
					: commit.pullRequest
						? `${repository}/pull/${commit.pullRequest}`
						: `${repository}/commit/${sha}`,
			summary: t('feed.entry', {
				count: commit.entries.length,
				names: commit.entries.map((e) => e.title).join(', '),
			}),
		}))
		.sort((a, b) => (a.updated < b.updated ? 1 : -1))
		.slice(0, feedSize);
	if (items.length === 0) {
		items = entryKinds
			.flatMap((kind) =>
				siteEntries(registry, kind).flatMap((entry) => {
					// Entries of the kinds with a review date, dated by it.
					const reviewed = valueAt(entry.data, 'review.last');
					if (typeof reviewed !== 'string') return [];
					const href = absolute(registryPath(lang, kind, entry.id));
					const { title, description } = entryTitle(entry, kind, lang);
					const updated = new Date(`${reviewed}T00:00:00Z`).toISOString();
					return [{ id: href, title, updated, link: href, summary: description }];
				}),
			)
			.sort((a, b) => (a.updated < b.updated ? 1 : -1))
			.slice(0, feedSize);
	}
	const siteTitle = config.site.title[lang];
	const { organisation } = config;
	return {
		author: {
			name: organisation.name[lang],
			uri: organisation.url,
			email: organisation.contactEmail,
			identifier: `${organisation.identifier.scheme}:${organisation.identifier.value}`,
		},
		id: absolute(sitePath(lang, '')),
		title: t('feed.title', { site: siteTitle }),
		link: absolute(registryPath(lang, firstKind)),
		selfLink: absolute(sitePath(lang, 'registry.atom')),
		lang,
		updated: items[0]?.updated ?? new Date().toISOString(),
		items,
	};
}
