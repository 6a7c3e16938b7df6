// Flat config. The import rules make the layering of ARCHITECTURE.md mechanical:
// shared/ is pure; renderer/ sees no backend or Node; db/ sees no Electron or React.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = { group: ['node:*'], message: 'Node built-ins are not available here.' };
const restrict = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'release/**', 'node_modules/**', 'test-results/**', 'db/migrations/**', 'province/migrations-pg/**', '.drills/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        NODE_BUILTINS,
        { group: ['electron', 'react', 'react-dom', '@mantine/*', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'shared/ is pure: no runtime, UI or database imports.' },
        { group: ['**/db/**', '**/renderer/**', '**/electron/**'], message: 'shared/ must not import from other layers.' },
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        NODE_BUILTINS,
        { group: ['electron', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'The renderer talks to the backend only through the RPC contract.' },
        { group: ['**/db/**', '**/electron/**'], message: 'The renderer must not import backend or shell code.' },
      ),
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['electron', 'react', 'react-dom', '@mantine/*'], message: 'db/ runs under Node, Electron and the CLI alike.' },
        { group: ['**/renderer/**', '**/electron/**'], message: 'db/ must not import from the shell or the UI.' },
      ),
    },
  },
  {
    files: ['province/**/*.ts'],
    rules: {
      // The province's side shares only shared/exchange and shared/domain with the county desk.
      'no-restricted-imports': restrict(
        { group: ['electron', 'react', 'react-dom', '@mantine/*'], message: 'province/ runs under Node alone.' },
        { group: ['**/db/**', '**/renderer/**', '**/electron/**'], message: 'province/ must not import the county desk.' },
        { group: ['**/shared/*', '!**/shared/exchange', '!**/shared/domain', '**/shared/contract/**', '**/shared/labels/**'], message: 'province/ shares only shared/exchange and shared/domain with the desk.' },
      ),
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      // Only the two Electron entry points may load `electron`; everything else must run (and be tested) in plain Node.
      'no-restricted-imports': restrict(
        { group: ['electron'], message: 'Keep electron imports in main.ts/preload.ts so this module is testable in Node.' },
        { group: ['**/renderer/**', 'react', '@mantine/*'], message: 'The shell does not import the UI.' },
      ),
    },
  },
);
