import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const electron = {
  name: 'electron',
  message: 'Only src/main/electron and src/preload may import electron (DESIGN.md).',
}
const electronStore = {
  name: 'electron-store',
  message: 'electron-store imports electron: use it only in src/main/electron.',
}
const nodeBuiltins = { group: ['node:*'], message: 'src/shared runs anywhere: no node built-ins.' }

export default tseslint.config(
  // .test-workers: the bundles a vitest run builds for itself (jobs worker, child scripts), there only while it runs.
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'bench/data/**', '.test-workers/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, electronStore, { name: 'react', message: 'src/shared is framework-free.' }],
          patterns: [
            nodeBuiltins,
            { group: ['fs', 'path', 'crypto', 'os', 'child_process'], message: 'No Node in src/shared.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports nothing from the app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/core/**/*.ts', 'src/main/ipc/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, electronStore],
          patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'core and ipc never reach into electron glue or the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, electronStore],
          patterns: [
            nodeBuiltins,
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer talks to main only through window.bridge.' },
            {
              group: ['**/shared/ipc/**'],
              allowTypeImports: true,
              message: 'The renderer imports only types from the contract; pure src/shared/domain code is allowed.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-console': 'off' },
  },
)
