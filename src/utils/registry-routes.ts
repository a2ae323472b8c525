import { kinds } from '../registry/kinds/index.ts';
import { localeParams } from './registry-paths.ts';

/** Route params for every kind in both languages. */
export function kindLocaleParams() {
	return localeParams.flatMap(({ locale, lang }) =>
		kinds.map((kind) => ({
			params: { locale, kind: kind.segment },
			props: { kind: kind.name, lang },
		})),
	);
}
