import type { StarlightPlugin } from '@astrojs/starlight/types';

/**
 * Starlight's own French strings, where they miss an accent (« Selectionner ») or French
 * typography (a narrow no-break space before « ! » and « : »). Injected by a plugin, so that
 * they replace Starlight's built-in strings and never the site's own.
 * https://starlight.astro.build/reference/plugins/#injecttranslations
 */
export const starlightFrenchFixes: Record<string, string> = {
	'themeSelect.accessibleLabel': 'Choisir le thème',
	'languageSelect.accessibleLabel': 'Choisir la langue',
	'page.lastUpdated': 'Dernière mise à jour\u202f:',
	'expressiveCode.copyButtonCopied': 'Copié\u202f!',
};

/** Starlight plugin giving its interface the French above. */
export function starlightFixes(): StarlightPlugin {
	return {
		name: 'registre-starlight-french',
		hooks: {
			// Starlight requires this hook of every plugin; this one has nothing to configure.
			'config:setup'() {
				return undefined;
			},
			'i18n:setup'({ injectTranslations }) {
				injectTranslations({ fr: starlightFrenchFixes });
			},
		},
	};
}
