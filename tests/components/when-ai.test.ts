import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/config/load.ts';
import type { SiteConfig } from '../../src/config/schema.ts';
import { aiState, showsWhenAi, visibleHeadings } from '../../src/components/site/when-ai.ts';

const withAi = loadSiteConfig();
const withoutAi: SiteConfig = { ...withAi, drafting: { ...withAi.drafting, provider: 'none' } };

describe('<WhenAi>', () => {
	it('shows "on" blocks on a site with a provider, "off" blocks with provider: none', () => {
		expect(aiState(withAi)).toBe('on');
		expect(showsWhenAi('on', withAi)).toBe(true);
		expect(showsWhenAi('off', withAi)).toBe(false);
		expect(aiState(withoutAi)).toBe('off');
		expect(showsWhenAi('on', withoutAi)).toBe(false);
		expect(showsWhenAi('off', withoutAi)).toBe(true);
	});
});

describe('visibleHeadings', () => {
	const body = [
		'## Always',
		'<WhenAi when="on">',
		'## What the model receives',
		'### Masking',
		'</WhenAi>',
		"<WhenAi when='off'>",
		'Nothing is sent to any model.',
		'</WhenAi>',
		'```mdx',
		'<WhenAi when="off">',
		'## Not a heading',
		'```',
		'## Known limits',
	].join('\n');
	const headings = [
		{ depth: 2, slug: 'always', text: 'Always' },
		{ depth: 2, slug: 'what', text: 'What the model receives' },
		{ depth: 3, slug: 'masking', text: 'Masking' },
		{ depth: 2, slug: 'limits', text: 'Known limits' },
	];

	it('keeps every heading the page shows, and only those', () => {
		expect(visibleHeadings(body, headings, 'on')).toEqual(headings);
		expect(visibleHeadings(body, headings, 'off').map((h) => h.slug)).toEqual(['always', 'limits']);
	});

	it('keeps them all when the source and the headings do not line up', () => {
		expect(visibleHeadings(body, headings.slice(1), 'off')).toEqual(headings.slice(1));
	});
});
