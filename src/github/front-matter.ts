import { isProblem, parseEntryFile } from '../registry/entry-file.ts';

/**
 * The front matter of an entry file as a mapping, or `undefined` when it has none or it does not
 * parse. Read by the registry's own YAML reader, which never prints (yaml's `parse()` reports
 * warnings through `process.emitWarning`, printing source lines to stderr unfenced, where the
 * runner would read a line such as `::error …` from a draft as a workflow command) and refuses
 * alias bombs and unknown tags.
 */
export function readFrontMatter(content: string): Record<string, unknown> | undefined {
	const file = parseEntryFile('draft', content);
	if (isProblem(file)) return undefined;
	const { data } = file;
	return typeof data === 'object' && data !== null && !Array.isArray(data)
		? (data as Record<string, unknown>)
		: undefined;
}
