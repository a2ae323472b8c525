import { parseDocument } from 'yaml';

/**
 * The front matter of an entry file as a mapping, or `undefined` when it has none or it does not
 * parse. Silent: yaml's `parse()` reports warnings through `process.emitWarning`, which prints
 * the offending source lines to stderr unfenced, where the runner would read a line such as
 * `::error …` from a draft as a workflow command.
 * @see https://eemeli.org/yaml/#options
 */
export function readFrontMatter(content: string): Record<string, unknown> | undefined {
	const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(content)?.[1];
	if (yaml === undefined) return undefined;
	try {
		const document = parseDocument(yaml, { logLevel: 'silent' });
		if (document.errors.length > 0) return undefined;
		const data: unknown = document.toJS({ maxAliasCount: 100 });
		return typeof data === 'object' && data !== null && !Array.isArray(data)
			? (data as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}
