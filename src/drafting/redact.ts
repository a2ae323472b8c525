import { isIP } from 'node:net';

/**
 * Removes personal data from text before it leaves the machine. Matching is deliberately
 * generous: a version number taken for an IP address costs the model a little context, a
 * missed phone number is a leak. Each kind is replaced by a visible placeholder so the model
 * (and the reviewer reading `sentText`) can see that something was there.
 */

/** A kind of personal data and how to find it. */
interface Rule {
	kind: string;
	placeholder: string;
	/** A global regex, or a function that replaces each match through `replace`. */
	pattern: RegExp | ((text: string, replace: (match: string) => string) => string);
	/** Confirms a candidate when the pattern alone is too loose. */
	accept?: (match: string) => boolean;
}

/*
 * Every pattern must stay linear in the text: each one either starts with a fixed character
 * class and has bounded quantifiers (IBAN, NIR, phone, IP), or is anchored by a lookbehind so a
 * run of candidate characters is scanned once (IPv6). An unanchored `[…]+@` is not: from every
 * character of a long run without `@` it scans to the end of the run, which made 128,000
 * letters take seconds. E-mails are therefore found from their `@`, see `replaceEmails`.
 * @see https://owasp.org/www-community/attacks/Regular_expression_Denial_of_Service_-_ReDoS
 */

/** A character allowed in the local part of an e-mail address (before the `@`). */
const localPart = /^[\p{L}\p{N}._%+-]$/u;

/** The domain of an e-mail address, read from just after its `@` (sticky). */
const emailDomain = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy;

/**
 * Replaces the e-mail addresses of a text, leftmost first, as the regex
 * `[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+` would, in one pass: from each `@`
 * the local part is read backwards (it cannot contain an `@`, so no character is read twice)
 * and the domain forwards with a sticky regex whose backtracking stays within the domain.
 */
function replaceEmails(text: string, replace: (match: string) => string): string {
	let result = '';
	// End of the previous address: a local part never reaches back into it.
	let copied = 0;
	for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
		let start = at;
		while (start > copied) {
			const previous = codePointBefore(text, start);
			if (!localPart.test(previous)) break;
			start -= previous.length;
		}
		if (start === at) continue;
		emailDomain.lastIndex = at + 1;
		if (!emailDomain.test(text)) continue;
		const end = emailDomain.lastIndex;
		result += text.slice(copied, start) + replace(text.slice(start, end));
		copied = end;
		at = end - 1;
	}
	return result + text.slice(copied);
}

/** The character (a whole surrogate pair for astral ones) that ends at `index`. */
function codePointBefore(text: string, index: number): string {
	const low = text.charCodeAt(index - 1);
	const high = text.charCodeAt(index - 2);
	const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
	return text.slice(pair ? index - 2 : index - 1, index);
}

// Order matters: longer digit runs (IBAN, NIR) go before phone numbers, which would otherwise
// swallow part of them; e-mails before IPs, since an address may contain a dotted host.
const rules: Rule[] = [
	{
		kind: 'email',
		placeholder: '[EMAIL]',
		pattern: replaceEmails,
	},
	{
		// ISO 13616: country code, two check digits, then 11 to 30 letters or digits, often in
		// groups of four separated by spaces.
		kind: 'iban',
		placeholder: '[IBAN]',
		pattern: /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/g,
		accept: (match) => /\d{8}/.test(match.replace(/ /g, '')),
	},
	{
		// French social security number (NIR): sex, year, month, department (2A/2B for Corsica),
		// commune, order number, then an optional two-digit key; spaces, dots or dashes between.
		kind: 'nir',
		placeholder: '[NIR]',
		pattern:
			/\b[1-478][ .-]?\d{2}[ .-]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .-]?(?:\d{2}|2[AB])[ .-]?\d{3}[ .-]?\d{3}(?:[ .-]?\d{2})?\b/g,
	},
	{
		// French numbers (0X XX XX XX XX, +33 X XX XX XX XX, 0033…) and international ones
		// written with a leading +.
		kind: 'phone',
		placeholder: '[PHONE]',
		pattern:
			/(?:(?:\+|00)33[ .-]?(?:\(0\)[ .-]?)?|\b0)[1-9](?:[ .-]?\d{2}){4}\b|\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}){2,4}\b/g,
	},
	{
		kind: 'ip',
		placeholder: '[IP]',
		pattern: /\b(?:\d{1,3}\.){3}\d{1,3}\b/g,
		accept: (match) => isIP(match) === 4,
	},
	{
		// Candidates: runs of hex groups with at least two colons; `isIP` decides.
		kind: 'ip',
		placeholder: '[IP]',
		pattern: /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%\w+)?(?![\w:])/g,
		accept: (match) => isIP(match.replace(/%\w+$/, '')) === 6,
	},
];

/** Text with its personal data replaced, and how many of each kind were found. */
export interface Redacted {
	text: string;
	counts: Record<string, number>;
}

/** Replaces e-mails, phone numbers, IBANs, French NIRs and IP addresses by placeholders. */
export function redact(text: string): Redacted {
	const counts: Record<string, number> = {};
	let result = text;
	for (const rule of rules) {
		const replace = (match: string) => {
			if (rule.accept && !rule.accept(match)) return match;
			counts[rule.kind] = (counts[rule.kind] ?? 0) + 1;
			return rule.placeholder;
		};
		result =
			typeof rule.pattern === 'function'
				? rule.pattern(result, replace)
				: result.replace(rule.pattern, replace);
	}
	return { text: result, counts };
}
