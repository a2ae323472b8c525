/** One item of an Atom feed. */
export interface FeedItem {
	id: string;
	title: string;
	updated: string;
	link: string;
	summary: string;
}

/** The feed's author: the organisation that publishes the registry. */
export interface FeedAuthor {
	name: string;
	uri: string;
	email: string;
	/** Its official identifier, written `scheme:value` (`SIREN:123456789`). */
	identifier: string;
}

/** A whole Atom feed. */
export interface Feed {
	author?: FeedAuthor;
	id: string;
	title: string;
	link: string;
	selfLink: string;
	lang: string;
	updated: string;
	items: FeedItem[];
}

const escapes: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;',
};

/**
 * Everything outside XML 1.0's `Char` production (controls, lone surrogates, U+FFFE, U+FFFF):
 * dropped, since no escape can write them. The validator refuses them in entries; this keeps
 * the feed well-formed whatever it is given.
 * @see https://www.w3.org/TR/xml/#charsets
 */
const forbiddenInXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML content and attributes. */
export function escapeXml(text: string): string {
	return text.replace(forbiddenInXml, '').replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

/** Serialises an Atom 1.0 feed (RFC 4287); every value is escaped. */
export function renderAtom(feed: Feed): string {
	const items = feed.items
		.map(
			(item) => `	<entry>
		<id>${escapeXml(item.id)}</id>
		<title>${escapeXml(item.title)}</title>
		<updated>${escapeXml(item.updated)}</updated>
		<link rel="alternate" href="${escapeXml(item.link)}"/>
		<summary>${escapeXml(item.summary)}</summary>
	</entry>`,
		)
		.join('\n');
	// A person construct may carry elements of other namespaces: the identifier is Dublin Core's.
	// https://www.rfc-editor.org/rfc/rfc4287#section-3.2
	const author = feed.author
		? `	<author>
		<name>${escapeXml(feed.author.name)}</name>
		<uri>${escapeXml(feed.author.uri)}</uri>
		<email>${escapeXml(feed.author.email)}</email>
		<dcterms:identifier>${escapeXml(feed.author.identifier)}</dcterms:identifier>
	</author>
`
		: '';
	const namespaces = feed.author ? ' xmlns:dcterms="http://purl.org/dc/terms/"' : '';
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"${namespaces} xml:lang="${escapeXml(feed.lang)}">
	<id>${escapeXml(feed.id)}</id>
	<title>${escapeXml(feed.title)}</title>
	<updated>${escapeXml(feed.updated)}</updated>
${author}	<link rel="alternate" href="${escapeXml(feed.link)}"/>
	<link rel="self" href="${escapeXml(feed.selfLink)}"/>
${items}
</feed>
`;
}
