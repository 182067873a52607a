// @ts-check
import { existsSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';

import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import importPlugin from 'eslint-plugin-import';
import playwright from 'eslint-plugin-playwright';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES_DIR = 'src/features';
const features = existsSync(FEATURES_DIR)
  ? readdirSync(FEATURES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
  : [];

const BPMN_JS_RESTRICTION = {
  group: ['bpmn-js', 'bpmn-js/*', 'diagram-js', 'diagram-js/*'],
  message:
    'Only src/bpmn/ imports bpmn-js, so the diagram has one owner (docs/architecture.md#the-diagram): use <BpmnDiagram>.',
};

const NODE_BUILTIN_RESTRICTION = {
  group: ['node:*', ...builtinModules, ...builtinModules.map((name) => `${name}/*`)],
  message: 'engine/ is plain TypeScript that also runs in the browser: no Node built-ins.',
};

/**
 * The tree is the architecture (docs/architecture.md#import-boundaries): `app → features →
 * modification → {api, bpmn, components, lib}`, no feature imports another, engine/ stands alone,
 * and the console never imports server/.
 */
const BOUNDARY_ZONES = [
  ...features.map((feature) => ({
    target: `./${FEATURES_DIR}/${feature}`,
    from: `./${FEATURES_DIR}`,
    except: [`./${feature}`],
    message:
      'No feature imports another feature: move the shared part to modification/, api/, components/ or lib/.',
  })),
  {
    target: `./${FEATURES_DIR}`,
    from: './src/app',
    message: 'Features do not import the composition root (app/).',
  },
  {
    target: './src/modification',
    from: ['./src/app', `./${FEATURES_DIR}`],
    message:
      'The shared modification layer serves the modification features: it does not import app/ or features/.',
  },
  {
    target: ['./src/api', './src/bpmn', './src/components', './src/lib'],
    from: ['./src/app', `./${FEATURES_DIR}`, './src/modification'],
    message: 'Shared layers do not import app/, features/ or modification/.',
  },
  {
    target: './engine',
    from: ['./src', './server', './e2e'],
    message:
      'engine/ stands alone: the server wraps it and the console imports it, not the reverse.',
  },
  {
    target: './src',
    from: ['./server', './e2e', './bench'],
    message: 'The console talks to the server over the Camunda REST API only.',
  },
  {
    target: './conformance',
    from: ['./src', './engine', './server', './e2e', './bench'],
    message:
      'The conformance suite knows an engine only through the Camunda 7 REST API, so it can test any.',
  },
  {
    target: ['./server', './e2e', './bench'],
    from: './src',
    message:
      'server/, e2e/ and bench/ share the REST types with the console through contract/, not src/.',
  },
  {
    target: './contract',
    from: ['./src', './server', './engine', './e2e', './bench', './conformance'],
    message: 'contract/ holds the REST types only: it imports nothing of the parts that use it.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'coverage/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { import: importPlugin },
    settings: {
      // The node resolver with TypeScript extensions: the project uses relative imports only,
      // and the typescript resolver's native bindings break `npm ci` with npm 11's lock files.
      'import/resolver': {
        node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.d.ts'] },
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      curly: ['error', 'all'],
      eqeqeq: ['error', 'always'],
      'import/no-restricted-paths': ['error', { zones: BOUNDARY_ZONES }],
      'no-restricted-imports': ['error', { patterns: [BPMN_JS_RESTRICTION] }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // Numbers in template literals (ids like `key:1:uuid`, counts in messages) are everywhere in
      // engine and REST code and never print "[object Object]"; that is what the rule is for.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
    },
  },
  {
    // A cycle makes module initialisation order matter and hides which layer depends on which.
    files: [
      'src/**/*.{ts,tsx}',
      'engine/**/*.ts',
      'server/**/*.ts',
      'contract/**/*.ts',
      'conformance/**/*.ts',
    ],
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
  },
  pluginQuery.configs['flat/recommended'],
  {
    files: ['src/bpmn/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    ...testingLibrary.configs['flat/react'],
    files: ['src/**/*.test.{ts,tsx}', 'src/testing/**/*.{ts,tsx}'],
  },
  {
    files: ['engine/**/*.ts'],
    rules: {
      // The engine's state is plain, serialisable records keyed by id (snapshots, JSON); deleting
      // a key is how an entry leaves such a record, not a misused Map.
      '@typescript-eslint/no-dynamic-delete': 'off',
      'no-restricted-imports': [
        'error',
        { patterns: [BPMN_JS_RESTRICTION, NODE_BUILTIN_RESTRICTION] },
      ],
    },
  },
  {
    files: ['server/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/**'],
              allowTypeImports: true,
              message:
                'server/ and e2e/ do not import the console: the REST types are in contract/ (docs/architecture.md#import-boundaries).',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'server/**/*.ts',
      'e2e/**/*.ts',
      'bench/**/*.ts',
      'conformance/**/*.ts',
      'scripts/**/*.ts',
      '*.config.ts',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    ...playwright.configs['flat/recommended'],
    files: ['e2e/**/*.ts'],
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
