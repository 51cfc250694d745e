import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeModules = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'buffer', 'events', 'worker_threads'];

/** The renderer's import limits, with `deepFeature` matching a path into another feature's files. */
function rendererImports(deepFeature) {
  return [
    'error',
    {
      paths: ['electron'],
      patterns: [
        { group: ['node:*', '**/main/**', '**/preload/**'], message: 'The renderer talks to main only through window.waypoint.' },
        { regex: deepFeature, message: 'Import another feature through its index.ts (what it offers other features), not its files.' },
      ],
    },
  ];
}

export default tseslint.config(
  {
    // As .gitignore, which the flat config does not read. The config bundles the build writes and deletes beside
    // their config would otherwise be listed by a lint running beside the build, and gone when it reads them.
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'electron.vite.config.*.mjs', '**/*.timestamp-*.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Rules that need types: a promise nobody awaits loses its error (and its ordering), a promise where a function
    // returning void is expected runs unawaited, and a switch over a union must name every member. The project
    // service finds each file's project through tsconfig.json's references.
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    // Playwright fixtures without dependencies are written `async ({}, use)`.
    files: ['tests/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'src/preview/bridge.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer talks to main only through window.waypoint; a feature is imported through its index.ts.
      'no-restricted-imports': rendererImports(String.raw`(^|/)features/[^/]+/.`),
      // Every bridge call of a feature is in its api.ts (bridge.ts unwraps, files.ts is the one save for every export).
      'no-restricted-properties': ['error', { object: 'window', property: 'waypoint', message: "Call main through the feature's api.ts." }],
      // Chromium keeps typed text in plaintext in the profile unless autocomplete is off. Mantine's inputs get it from the
      // theme (src/renderer/src/app/theme.ts); a native element must say it itself.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXOpeningElement[name.name=/^(form|input|textarea|select)$/]:not(:has(> JSXAttribute[name.name='autoComplete'][value.value='off']))",
          message: 'Give every native <form>, <input>, <textarea> and <select> autoComplete="off": Chromium keeps typed text in plaintext in the profile.',
        },
      ],
    },
  },
  {
    // Services are plain Node, tested in Node: whatever needs Electron lives in the thin layer around them (src/main/*.ts,
    // security/, ipc/), which hands them what they need as plain functions.
    files: ['src/main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src/main/services is plain Node: take what you need of Electron as a parameter.' }],
          patterns: [{ group: ['electron/*'], message: 'src/main/services is plain Node: take what you need of Electron as a parameter.' }],
        },
      ],
    },
  },
  {
    files: ['src/renderer/src/features/*/api.ts', 'src/renderer/src/bridge.ts', 'src/renderer/src/files.ts', 'src/preview/bridge.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Another feature, seen from a feature's own files: `../cases` (its index.ts), never `../cases/CaseListPage`.
    files: ['src/renderer/src/features/*/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': rendererImports(String.raw`^\.\./[^./][^/]*/.`) },
  },
  {
    files: ['src/renderer/src/features/*/*/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': rendererImports(String.raw`^\.\./\.\./[^./][^/]*/.`) },
  },
  {
    // src/shared is used by main, preload and renderer alike: it may import none of Node, Electron or the DOM.
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', 'dexie', ...nodeModules],
          patterns: [
            { group: ['node:*'], message: 'src/shared must not import Node modules.' },
            { group: ['**/main/**', '**/preload/**', '**/renderer/**'], message: 'src/shared must not import from a process.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
);
