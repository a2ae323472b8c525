import { slugPattern } from '../registry/schemas/index.ts';

/**
 * An entry's id, derived from the name the contributor typed (never from model output), made
 * unique among the ids already in the registry. The id is also the file name, so whatever the
 * name holds (`../`, slashes, RTL marks, emoji) must come out as a plain slug.
 */
export function entryId(name: string, taken: ReadonlySet<string>, fallback: string): string {
	const base = slugify(name) || slugify(fallback);
	if (!taken.has(base)) return base;
	for (let n = 2; ; n += 1) {
		const suffix = `-${n}`;
		const candidate = `${trimEnds(base.slice(0, 64 - suffix.length))}${suffix}`;
		if (!taken.has(candidate)) return candidate;
	}
}

/** Lower-case ASCII letters, digits, inner dots and single hyphens; at most 64 characters. */
export function slugify(text: string): string {
	const ascii = text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		// Letters that do not decompose into a base letter and an accent.
		.replace(/[œæß]/g, (letter) => ({ œ: 'oe', æ: 'ae', ß: 'ss' })[letter] ?? '')
		.replace(/[^a-z0-9.]+/g, '-')
		// A dot survives only between two letters or digits (`gpt-4.1`), never as `..` or `.-`.
		.replace(/\.(?![a-z0-9])|(?<![a-z0-9])\./g, '-')
		.replace(/-{2,}/g, '-');
	const slug = trimEnds(trimEnds(ascii).slice(0, 64));
	return slugPattern.test(slug) ? slug : '';
}

function trimEnds(text: string): string {
	return text.replace(/^[-.]+|[-.]+$/g, '');
}
