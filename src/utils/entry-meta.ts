import type { EntryData, EntryKind } from '../registry/schemas/index.ts';
import type { Lang } from '../i18n/ui.ts';
import { pickText } from './registry-paths.ts';

/** Longest page description: search engines show about this much and cut the rest. */
const descriptionLength = 160;

/** A text cut at a word boundary to fit a page description, with an ellipsis if it was cut. */
export function pageDescription(text: string, max = descriptionLength): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** Title and description (a short one, for search engines and link previews) of an entry's page. */
export function entryTitle(entry: { id: string; data: EntryData }, kind: EntryKind, lang: Lang) {
	if (kind === 'models') {
		const data = entry.data as EntryData<'models'>;
		return {
			title: data.name,
			description: pageDescription(pickText(data.description, lang)?.text ?? ''),
		};
	}
	const data = entry.data as EntryData<'systems'>;
	return {
		title: pickText(data.name, lang)?.text ?? entry.id,
		description: pageDescription(pickText(data.summary, lang)?.text ?? ''),
	};
}
