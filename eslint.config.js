// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
	{ ignores: ['dist/', '.astro/', '.draft/', '.bench/', 'test-results/', 'node_modules/'] },
	js.configs.recommended,
	tseslint.configs.strict,
	tseslint.configs.stylistic,
	{
		languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
		rules: {
			'@typescript-eslint/consistent-type-imports': 'error',
		},
	},
);
