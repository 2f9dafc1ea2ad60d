// ESLint flat config. Its job is the architecture (which layer may import
// what), plus the TypeScript and React-hooks rules that catch real bugs; it is
// deliberately not a style guide. `npm run lint`; part of `npm test`.
//
// Layers (see README "What is where"):
//   core/      pure domain logic: no Node built-ins, DOM, React, Electron, Dexie
//   renderer/  no `electron`, no Node built-ins; electron/ only as
//              `import type` from electron/contract.ts; Dexie only in renderer/db/;
//              only renderer/platform/bridge.ts reads window.policyReader
//   electron/  never imports renderer/
// scripts/eslint-rules.test.ts proves each boundary fails on a probe import.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Every Node built-in from `module.builtinModules`, bare (`fs`, `fs/promises`)
// by name, and every `node:` spelling (`node:fs`, `node:test`) by the regex.
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_') && !m.startsWith('node:'));
const nodeBuiltinPaths = nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available in this layer.' }));
const nodePrefix = { regex: '^node:', message: 'Node built-ins are not available in this layer.' };

const electronModule = { name: 'electron', message: 'Only electron/ (main and preload) may import Electron.' };
const electronPrefix = { regex: '^electron/', message: 'Only electron/ (main and preload) may import Electron.' };
const dexie = [
  { name: 'dexie', message: 'Only renderer/db/ may import Dexie: add a query method there and read it through a hook.' },
  { regex: '^dexie/', message: 'Only renderer/db/ may import Dexie.' },
];
const dexieHooks = { name: 'dexie-react-hooks', message: 'dexie-react-hooks belongs in renderer hooks (use*.ts) and renderer/db/.' };
const react = [
  { regex: '^react(-dom)?(/|$)', message: 'core/ is framework-free: no React.' },
  { regex: '^@tanstack/react-', message: 'core/ is framework-free: no React.' },
];

/** Relative imports that leave the layer for `dir` (`../renderer/x`, `../../renderer/x`, …). */
const layer = (dir, message, extra = {}) => ({ regex: `^(\\.\\./)+(.*/)?${dir}/`, message, ...extra });

// renderer → electron/: types from the contract, nothing else. (A type import
// is allowed as soon as ANY allowTypeImports pattern matches it, so that
// pattern must match the contract only.)
const contractTypesOnly = {
  regex: '^(\\.\\./)+(.*/)?electron/contract(\\.[jt]s)?$',
  message: 'The renderer reaches electron/ only as `import type` from electron/contract.ts.',
  allowTypeImports: true,
};
const notContract = { regex: '^(\\.\\./)+(.*/)?electron/(?!contract(\\.[jt]s)?$)', message: 'The renderer reaches electron/ only through electron/contract.ts (import type).' };

const restrict = (paths, patterns) => ['error', { paths, patterns }];

/**
 * The renderer's imports: no electron, no Node built-ins, electron/ only as
 * contract types, not cli/ or scripts/; Dexie only where `dexieOk` (renderer/db/),
 * dexie-react-hooks only where `hooksOk` (hooks and renderer/db/). One rule per
 * file: ESLint replaces, not merges, a rule's options across config blocks.
 */
const rendererImports = ({ dexieOk, hooksOk }) =>
  restrict(
    [...nodeBuiltinPaths, electronModule, ...(dexieOk ? [] : [dexie[0]]), ...(hooksOk ? [] : [dexieHooks])],
    [
      nodePrefix,
      electronPrefix,
      ...(dexieOk ? [] : [dexie[1]]),
      contractTypesOnly,
      notContract,
      layer('cli', 'The renderer must not depend on cli/.'),
      layer('scripts', 'The renderer must not depend on scripts/.'),
    ],
  );

// Any `.policyReader` read (window.policyReader, (window as X).policyReader,
// globalThis['policyReader'], const { policyReader } = window).
const bridgeSelectors = [
  "MemberExpression[property.type='Identifier'][property.name='policyReader']",
  "MemberExpression[property.type='Literal'][property.value='policyReader']",
  "ObjectPattern > Property[key.type='Identifier'][key.name='policyReader']",
].map((selector) => ({ selector, message: 'Only renderer/platform/bridge.ts reads window.policyReader: use renderer/platform.' }));

// No eslint-disable without a reason after ` -- ` (the syntax ESLint itself
// reads as a description).
const local = {
  rules: {
    'disable-needs-reason': {
      meta: { type: 'problem', schema: [], messages: { reason: 'Say why after ` -- `: eslint-disable comments need a reason.' } },
      create(context) {
        return {
          Program() {
            for (const c of context.sourceCode.getAllComments()) {
              const text = c.value.trim();
              if (/^eslint-(disable|enable)(-next-line|-line)?(\s|$)/.test(text) && !/\s--\s*\S/.test(text) && !text.startsWith('eslint-enable'))
                context.report({ loc: c.loc, messageId: 'reason' });
            }
          },
        };
      },
    },
  },
};

const testFiles = ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'scripts/**', '*.config.ts', '*.config.js'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'test-results/', 'resources/', '.cache/', '.stryker-tmp/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { local },
    rules: {
      // An eslint-disable comment must say why: `// eslint-disable-next-line rule -- reason`.
      'local/disable-needs-reason': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // TypeScript checks these; ESLint's versions misfire on types and globals.
      'no-undef': 'off',
      'no-redeclare': 'off',
      // Style, not architecture: intentional control-character classes in
      // sanitisers, `let x = null; try { x = … } catch { x = null }`, escapes.
      'no-control-regex': 'off',
      'no-useless-assignment': 'off',
      'no-useless-escape': 'off',
      // Chinese text is full of U+3000 (ideographic space) by design.
      'no-irregular-whitespace': ['error', { skipComments: true, skipStrings: true, skipTemplates: true, skipRegExps: true, skipJSXText: true }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The two classic hooks rules catch real bugs (conditional hooks, stale
      // closures). The React Compiler rules of v7's `recommended` (refs,
      // set-state-in-effect, …) judge patterns this code uses on purpose
      // (latest-callback refs, resetting state on a key change); left off.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['cli/**', 'scripts/**', 'electron/**', 'e2e/**', 'bin/**', 'test-support/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },

  // ---- import boundaries -------------------------------------------------
  // Each `files` block replaces the rule for its files; later blocks win, so
  // the narrower folders come after the wider ones.
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [...nodeBuiltinPaths, electronModule, ...['react', 'react-dom', 'dexie-react-hooks'].map((name) => ({ name, message: 'core/ is framework-free.' })), dexie[0]],
        [
          nodePrefix,
          electronPrefix,
          ...react,
          dexie[1],
          layer('renderer', 'core/ must not depend on renderer/.'),
          layer('electron', 'core/ must not depend on electron/.'),
          layer('cli', 'core/ must not depend on cli/.'),
          layer('scripts', 'core/ must not depend on scripts/.'),
        ],
      ),
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'self', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'process', 'Buffer', 'require', '__dirname', '__filename'].map((name) => ({
          name,
          message: 'core/ runs in Node and in the browser: take what you need as a parameter.',
        })),
      ],
      'no-restricted-syntax': ['error', ...bridgeSelectors],
    },
  },
  {
    // Core tests run in Node and may read fixtures, but must not pull in the
    // CLI, the scripts (bench-search drags flexsearch and cli/ along), the
    // shell or the UI.
    files: ['core/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [electronModule, dexie[0], { name: 'flexsearch', message: 'flexsearch is a benchmark baseline, not a core dependency.' }],
        [
          electronPrefix,
          ...react,
          dexie[1],
          layer('renderer', 'core/ must not depend on renderer/.'),
          layer('electron', 'core/ must not depend on electron/.'),
          layer('cli', 'core tests must not depend on cli/.'),
          layer('scripts', 'core tests must not import scripts/ (bench-search pulls in flexsearch and cli/); put shared helpers in core/.'),
        ],
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': rendererImports({ dexieOk: false, hooksOk: true }),
      'no-restricted-syntax': ['error', ...bridgeSelectors],
      'no-restricted-globals': ['error', { name: 'policyReader', message: 'Only renderer/platform/bridge.ts reads window.policyReader.' }],
    },
  },
  {
    // Hooks (use*.ts) may subscribe with dexie-react-hooks; components may not.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/db/**', 'renderer/**/use*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': rendererImports({ dexieOk: false, hooksOk: false }) },
  },
  {
    // The Dexie home.
    files: ['renderer/db/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': rendererImports({ dexieOk: true, hooksOk: true }) },
  },
  {
    // Renderer unit tests run in Node (Vitest) and may read the built corpus.
    files: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [electronModule],
        [electronPrefix, contractTypesOnly, notContract, layer('cli', 'Renderer tests must not depend on cli/.')],
      ),
    },
  },
  {
    files: ['renderer/platform/bridge.ts'],
    rules: { 'no-restricted-syntax': 'off', 'no-restricted-globals': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [...dexie.slice(0, 1), { name: 'react', message: 'electron/ has no UI code.' }, { name: 'react-dom', message: 'electron/ has no UI code.' }],
        [dexie[1], layer('renderer', 'electron/ must not import renderer/: shared logic goes in core/, shared types in electron/contract.ts.')],
      ),
    },
  },
  {
    files: ['cli/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(dexie.slice(0, 1), [dexie[1]]),
    },
  },
  {
    files: testFiles,
    rules: {
      // Tests cast fakes freely; that is what fakes are for.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
