// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { loadSiteConfig } from './src/config/load.ts';

const config = loadSiteConfig();
const { owner, name } = config.repository;

// https://astro.build/config
export default defineConfig({
	site: config.site.url,
	base: config.site.base,
	trailingSlash: 'always',
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
		}),
	],
});
