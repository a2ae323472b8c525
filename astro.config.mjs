// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { contentSecurityPolicy } from './src/config/csp.ts';
import { loadSiteConfig } from './src/config/load.ts';

const config = loadSiteConfig();
const { owner, name } = config.repository;

// https://astro.build/config
export default defineConfig({
	site: config.site.url,
	// Only set when the site lives in a sub-folder; `exactOptionalPropertyTypes` rejects undefined.
	...(config.site.base ? { base: config.site.base } : {}),
	trailingSlash: 'always',
	// Every page shares the same few stylesheets: linked, they are cached once instead of inlined
	// into each of the registry's thousands of pages. https://docs.astro.build/en/reference/configuration-reference/#buildinlinestylesheets
	build: { inlineStylesheets: 'never' },
	// Defence in depth: even a text that slipped through as markup could not run a script.
	security: { csp: contentSecurityPolicy() },
	// Benchmark builds under .bench/ hold hundreds of thousands of files: watching them in
	// `astro dev` would exhaust the system's file watches. https://vite.dev/config/server-options#server-watch
	vite: { server: { watch: { ignored: ['**/.bench/**'] } } },
	integrations: [
		starlight({
			title: config.site.title,
			defaultLocale: 'root',
			locales: {
				root: { label: 'Français', lang: 'fr' },
				en: { label: 'English', lang: 'en' },
			},
			social: [{ icon: 'github', label: 'GitHub', href: `https://github.com/${owner}/${name}` }],
			editLink: {
				baseUrl: `https://github.com/${owner}/${name}/edit/${config.repository.branch}/`,
			},
			lastUpdated: false,
			// Styles of the registry entry pages' content (built by src/utils/entry-page.ts).
			customCss: ['./src/styles/entry.css'],
			// Registry entries are never listed here: they are reached from the registry indexes.
			// Link items are prefixed with `/en` on English pages; slug items take the page title.
			sidebar: [
				{
					label: 'Registre',
					translations: { en: 'Registry' },
					items: [
						{
							label: 'Systèmes d’IA',
							translations: { en: 'AI systems' },
							link: '/registre/systemes/',
						},
						{
							label: 'Modèles d’IA',
							translations: { en: 'AI models' },
							link: '/registre/modeles/',
						},
						{
							label: 'Référence des champs',
							translations: { en: 'Field reference' },
							link: '/registre/champs/',
						},
						{ slug: 'donnees-ouvertes' },
					],
				},
				{
					label: 'Charte et documentation',
					translations: { en: 'Charter and documentation' },
					items: [{ slug: 'charte' }, { slug: 'assistant-ia' }, { slug: 'conditions-utilisation' }],
				},
				{
					label: 'Participer',
					translations: { en: 'Get involved' },
					items: [{ slug: 'contribuer' }, { slug: 'guide-relecture' }, { slug: 'adopter' }],
				},
			],
			components: {
				// Writes the page title (an entry's name on entry pages) as text, never as markup.
				Head: './src/components/Head.astro',
				// Adds "report a problem with this page" (and the search button's label fix) to every page.
				Footer: './src/components/Footer.astro',
			},
			routeMiddleware: [
				// Lists the charter principles, rendered by a component, in the table of contents.
				'./src/components/charter-toc.ts',
				// Fills registry entry pages with the entry.
				'./src/components/registry/entry-content.ts',
			],
		}),
	],
});
