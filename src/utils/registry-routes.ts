import { entryKinds, type EntryKind } from '../registry/schemas/index.ts';
import { kindSegments, localeParams } from './registry-paths.ts';

/** Kind of entry from its URL segment (`systemes`, `modeles`). */
export function kindFromSegment(segment: string | undefined): EntryKind {
	const kind = entryKinds.find((k) => kindSegments[k] === segment);
	if (!kind) throw new Error(`unknown registry segment: ${segment}`);
	return kind;
}

/** Route params for every kind in both languages. */
export function kindLocaleParams() {
	return localeParams.flatMap(({ locale, lang }) =>
		entryKinds.map((kind) => ({
			params: { locale, kind: kindSegments[kind] },
			props: { kind, lang },
		})),
	);
}
