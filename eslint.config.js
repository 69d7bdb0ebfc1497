import js from '@eslint/js'
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// The engine runs under plain Node, in workers and on cluster nodes: it must never reach for
// Electron, the DOM or Svelte.
const engineBoundary = {
  files: ['src-main/engine/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'engine/ runs without Electron.' },
          { group: ['svelte', 'svelte/*', '*.svelte'], message: 'engine/ has no UI.' },
          { group: ['d3', 'd3-*'], message: 'engine/ has no UI.' },
          {
            group: [
              '**/src-renderer/**',
              '**/src-preload/**',
              '**/src-shared/**',
              '**/services/**',
              '**/app/**',
            ],
            message: 'engine/ depends on nothing outside itself.',
          },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      ...['window', 'document', 'navigator', 'localStorage', 'HTMLElement'].map((name) => ({
        name,
        message: 'engine/ runs without a DOM.',
      })),
    ],
  },
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  engineBoundary,
  {
    files: ['src-renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*'],
              message: 'The renderer talks to main only through the API.',
            },
            {
              group: ['**/src-main/**'],
              message:
                'The renderer reaches main only through the API, and its types through @shared/.',
            },
          ],
        },
      ],
    },
  },
)
