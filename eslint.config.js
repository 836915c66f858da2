import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronImport = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import electron; keep the core and the renderer runnable without it.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.native/**', 'test-results/**', '.bench-cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The layering rule: electron stays in the shell.
      'no-restricted-imports': ['error', { paths: [electronImport] }],
    },
  },
  {
    files: ['electron/main/**', 'electron/preload/**', 'tests/main/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The layers below the shells never reach up: shared stands alone, the core knows no shell and no page.
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronImport], patterns: [{ group: ['**/electron/**', '**/renderer/**', '\\#core/**', '\\#main/**', '\\#preview/**', '\\#renderer/**'], message: 'shared/ is used by the core and the page alike: it imports neither.' }] }] },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronImport], patterns: [{ group: ['**/main/**', '**/preview/**', '**/renderer/**', '\\#main/**', '\\#preview/**', '\\#renderer/**'], message: 'The core runs under both shells: it knows neither of them, nor the page.' }] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [{ group: ['**/electron/**', '\\#core/**', '\\#main/**', '\\#preview/**', 'node:*'], message: 'The renderer runs in a sandboxed page: it talks to the core only through renderer/src/api.ts.' }],
        },
      ],
    },
  },
);
