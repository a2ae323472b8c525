import { formatLongDate } from '../registry/texts.ts';
/**
 * Helpers to put untrusted text (issue content, model output, the drafting report) into the
 * Markdown of a pull request or a comment without it turning into links, mentions, HTML or a
 * forged hidden marker.
 */

/**
 * Characters that are not text: controls, format characters (bidirectional overrides,
 * zero-width ones), private-use code points, lone surrogates and noncharacters. They could
 * reorder what a reviewer reads or hide text; they show as U+FFFD instead.
 */
const invisible = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\uFDD0-\uFDEF\uFFFE\uFFFF]/gu;

/**
 * One line of plain text: HTML escaped, Markdown punctuation escaped, and what GitHub would turn
 * into a notification or a link defused with an invisible joiner — mentions (`@name`), issue
 * references (`#12`, `GH-12`) and bare URLs or e-mail addresses (GitHub's autolinks).
 * @see https://github.github.com/gfm/#autolinks-extension-
 */
export function inlineText(text: string, maxLength = 300): string {
	const folded = text.replace(/\s+/g, ' ').replace(invisible, '\uFFFD').trim();
	const cut = folded.length > maxLength ? `${folded.slice(0, maxLength - 1)}…` : folded;
	return (
		cut
			.replace(/&/g, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;')
			// A zero-width joiner after @ keeps the text readable but notifies nobody.
			.replace(/@/g, '@\u200d')
			.replace(/#(?=\d)/g, '#\u200d')
			.replace(/\b(GH)-(?=\d)/gi, '$1-\u200d')
			.replace(/:\/\//g, ':\u200d//')
			.replace(/\b(www)\./gi, '$1\u200d.')
			.replace(/([\\`*_[\]|~!])/g, '\\$1')
	);
}

/** A field path or id shown as code; anything outside a field name's alphabet is dropped. */
export function codeName(name: string): string {
	const safe = name.replace(/[^A-Za-z0-9_.[\]/-]/g, '').slice(0, 120);
	return `\`${safe || '?'}\``;
}

/**
 * A fenced code block long enough that no backtick run inside can close it. Invisible characters
 * are shown by their code point (`⟦U+202E⟧`), so a bidirectional override cannot reorder what a
 * reviewer reads; tabs and newlines stay.
 * @see https://trojansource.codes/
 */
export function fencedBlock(text: string, language = 'text'): string {
	const shown = text.replace(
		new RegExp(`(?![\\t\\n])${invisible.source}`, 'gu'),
		(char) => `⟦U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟧`,
	);
	const longestRun = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
	const fence = '`'.repeat(Math.max(3, longestRun + 1));
	return `${fence}${language}\n${shown.replace(/\n$/, '')}\n${fence}`;
}

/** A number written the French way (`1 234,5`) and the English way (`1,234.5`). */
export function formatNumber(value: number, maximumFractionDigits = 2): { fr: string; en: string } {
	return {
		fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits }).format(value),
		en: new Intl.NumberFormat('en-GB', { maximumFractionDigits }).format(value),
	};
}

/** A UTC date and time in French and English, e.g. `1 mai 2025 à 14:05 UTC`. */
export function formatUtcTime(iso: string): { fr: string; en: string } {
	const date = new Date(iso);
	const options: Intl.DateTimeFormatOptions = { timeStyle: 'short' };
	return {
		fr: `${formatLongDate(date, 'fr', options)} UTC`,
		en: `${formatLongDate(date, 'en', options)} UTC`,
	};
}
