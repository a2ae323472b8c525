import type { EntryData, EntryKind } from '../registry/schemas/index.ts';
import type { Lang } from '../i18n/ui.ts';
import { pickText } from './registry-paths.ts';

/** Title and description of an entry's page in a language. */
export function entryTitle(entry: { id: string; data: EntryData }, kind: EntryKind, lang: Lang) {
	if (kind === 'models') {
		const data = entry.data as EntryData<'models'>;
		return { title: data.name, description: pickText(data.description, lang)?.text ?? '' };
	}
	const data = entry.data as EntryData<'systems'>;
	return {
		title: pickText(data.name, lang)?.text ?? entry.id,
		description: pickText(data.summary, lang)?.text ?? '',
	};
}
