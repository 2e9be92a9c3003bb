// Lint rules of `npm test` (through `npm run check`): the recommended sets of ESLint,
// typescript-eslint and eslint-plugin-svelte, with TypeScript inside .svelte files.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  {
    ignores: [
      '.svelte-kit/',
      'node_modules/',
      'lib/',
      'out/',
      'out.*/',
      'build/',
      'bench/.data/',
      'test/fixtures/',
      'test/output/',
      '.ipindex-cache/',
      'examples/*/out/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  { languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    rules: {
      // A leading underscore names what is left out on purpose (`{ year: _year, ...rest }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Every link is made by pagePath or fileHref (src/components/pagePath.ts), which call
      // resolve() of $app/paths: the rule cannot see through them.
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
);
