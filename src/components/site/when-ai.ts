import type { SiteConfig } from '../../config/schema.ts';
import type { Heading } from '../charter-toc.ts';

/** Which sites a `<WhenAi>` block is for: those that draft with AI, or those that do not. */
export type AiState = 'on' | 'off';

/**
 * Whether the site drafts with AI, as its pages tell readers: a provider is configured
 * (`drafting.provider` other than `none`). The forms (`aiAvailable`), the preflight and the
 * drafting command read the same setting.
 */
export function aiState(config: SiteConfig): AiState {
	return config.drafting.provider === 'none' ? 'off' : 'on';
}

/** Whether a `<WhenAi when>` block shows on a site with this configuration. */
export function showsWhenAi(when: AiState, config: SiteConfig): boolean {
	return when === aiState(config);
}

const fence = /^\s*(```|~~~)/;
const markdownHeading = /^#{1,6}\s/;
const blockStart = /^\s*<WhenAi\s+when=["'](on|off)["']\s*>\s*$/;
const blockEnd = /^\s*<\/WhenAi>\s*$/;

/**
 * The headings of a page that its readers see: those inside a `<WhenAi>` block written for the
 * other state are dropped, so that the table of contents links nothing the page leaves out.
 * Headings are matched to the Markdown ones of the page's source in order, as
 * `mergePrincipleHeadings` does; when they do not line up, all are kept.
 */
export function visibleHeadings(
	body: string,
	headings: readonly Heading[],
	state: AiState,
): Heading[] {
	const shown: boolean[] = [];
	let inFence = false;
	let block: AiState | undefined;
	for (const line of body.split('\n')) {
		if (fence.test(line)) inFence = !inFence;
		if (inFence) continue;
		const start = blockStart.exec(line)?.[1] as AiState | undefined;
		if (start) block = start;
		else if (blockEnd.test(line)) block = undefined;
		else if (markdownHeading.test(line)) shown.push(block === undefined || block === state);
	}
	if (shown.length !== headings.length) return [...headings];
	return headings.filter((_, index) => shown[index]);
}
