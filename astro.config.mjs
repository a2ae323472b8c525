// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { contentSecurityPolicyPlugin } from './src/config/csp.ts';
import { loadSiteConfig, siteConfigPath } from './src/config/load.ts';
import { configFilePlugin } from './src/config/vite-plugin.ts';
import { assertPublishable } from './src/config/placeholders.ts';
import { repositoryUrl } from './src/config/site.ts';
import { starlightFixes } from './src/i18n/starlight-fixes.ts';
import { kinds } from './src/registry/kinds/index.ts';
import { registrySearch } from './src/search/integration.ts';
import { sidebarLabel, starlightLocales } from './src/config/languages.ts';

const config = loadSiteConfig();
const languages = config.site.languages;
/**
 * A sidebar label in the site's languages, the root one first.
 * @param {string} fr
 * @param {string} en
 */
const label = (fr, en) => sidebarLabel(languages, { fr, en });
// The sample's fictional identity must never go live as if it were real (unless `site.demo`).
assertPublishable(config, siteConfigPath);

// https://astro.build/config
export default defineConfig({
	site: config.site.url,
	// Only set when the site lives in a sub-folder; `exactOptionalPropertyTypes` rejects undefined.
	...(config.site.base ? { base: config.site.base } : {}),
	trailingSlash: 'always',
	// Every page shares the same few stylesheets: linked, they are cached once instead of inlined
	// into each of the registry's thousands of pages. https://docs.astro.build/en/reference/configuration-reference/#buildinlinestylesheets
	build: { inlineStylesheets: 'never' },
	// Benchmark builds under .bench/ hold hundreds of thousands of files: watching them in
	// `astro dev` would exhaust the system's file watches. https://vite.dev/config/server-options#server-watch
	vite: {
		plugins: [configFilePlugin(siteConfigPath)],
		server: { watch: { ignored: ['**/.bench/**'] } },
		// Scripts as files rather than inlined in every page: cached once across the registry's
		// thousands of pages, and allowed by the Content-Security-Policy's 'self' (inlined, they
		// would need a hash each).
		// https://vite.dev/config/build-options#build-assetsinlinelimit
		build: { assetsInlineLimit: 0 },
	},
	integrations: [
		starlight({
			title: config.site.title,
			// The first of `site.languages` at the root, the others under their code.
			defaultLocale: 'root',
			locales: starlightLocales(languages),
			// No GitHub icon in the header: the footer's "source code" link leads there, and the
			// icon would weigh 600 bytes on every page of the registry.
			editLink: {
				baseUrl: repositoryUrl(config.repository, `/edit/${config.repository.branch}/`),
			},
			lastUpdated: false,
			// Styles of the registry entry pages' content (built by src/utils/entry-page.ts), of the
			// glossary and information pages, of the search dialog and of the registry home.
			customCss: [
				'./src/styles/entry.css',
				'./src/styles/site.css',
				'./src/styles/search.css',
				'./src/styles/registry-home.css',
			],
			// Defence in depth, a Content-Security-Policy: even a text that slipped through as markup
			// could not run a script. And Starlight's French, mended.
			plugins: [contentSecurityPolicyPlugin(), starlightFixes()],
			// Registry entries are never listed here: they are reached from the registry indexes. The
			// legal pages (accessibility, legal notice, personal data, site map) are in the footer.
			// Link items are prefixed with `/en` on English pages; slug items take the page title.
			sidebar: [
				{
					...label('Registre', 'Registry'),
					items: [
						{
							...label('Le registre en chiffres', 'The registry in figures'),
							link: '/registre/',
						},
						// One link per kind of entry, named and placed as its descriptor says.
						...kinds.map((kind) => ({
							...label(kind.nouns.all.fr, kind.nouns.all.en),
							link: `/registre/${kind.segment}/`,
						})),
						{
							...label('Référence des champs', 'Field reference'),
							link: '/registre/champs/',
						},
						{ slug: 'donnees-ouvertes' },
					],
				},
				{
					...label('Charte et documentation', 'Charter and documentation'),
					items: [
						{ slug: 'charte' },
						{ slug: 'assistant-ia' },
						{ slug: 'conditions-utilisation' },
						{ slug: 'glossaire' },
					],
				},
				{
					...label('Participer', 'Get involved'),
					items: [
						{ slug: 'contribuer' },
						{ slug: 'guide-relecture' },
						{ slug: 'adopter' },
						{ slug: 'ajouter-un-type' },
					],
				},
			],
			components: {
				// Writes the page title (an entry's name on entry pages) as text, never as markup.
				Head: './src/components/Head.astro',
				// Adds "report a problem with this page", the site's links (accessibility state, legal notice…)
				// and the search button's label fix to every page.
				Footer: './src/components/Footer.astro',
				// On a demonstration site (`site.demo`), says on every page that it is one.
				Banner: './src/components/Banner.astro',
			},
			routeMiddleware: [
				// Lists the charter principles, rendered by a component, in the table of contents.
				'./src/components/charter-toc.ts',
				// Fills registry entry pages with the entry.
				'./src/components/registry/entry-content.ts',
				// Leaves the headings of a hidden `<WhenAi>` block out of the table of contents.
				'./src/components/site/when-ai-toc.ts',
			],
		}),
		// Writes the search index in Starlight's place: entry pages from their records (src/search/).
		registrySearch(),
	],
});
