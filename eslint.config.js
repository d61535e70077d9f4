// Flat ESLint config. Type-aware everywhere TypeScript is: the project service picks the nearest tsconfig.json
// (the root one for src, mocks, test; test/e2e/tsconfig.json for the Playwright specs).
import path from 'node:path';
import js from '@eslint/js';
import tanstackQuery from '@tanstack/eslint-plugin-query';
import vitest from '@vitest/eslint-plugin';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import playwright from 'eslint-plugin-playwright';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = ['**/*.{ts,tsx,mts,cts}'];
const JS = ['**/*.{js,mjs,cjs}'];
const UNIT_TESTS = ['**/*.test.{ts,tsx}'];
const DOM_TESTS = ['src/**/*.test.tsx', 'test/integration/**/*.{ts,tsx}', 'test/utils/**/*.{ts,tsx}'];
const E2E = ['test/e2e/**/*.ts'];

/** The style guide names files in kebab-case (dots separate suffixes: `thing.styles.ts`, `vite.config.ts`). */
const KEBAB_FILE = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/;
// Features compose at the app level (src/app, src/shell): a feature imports no other feature, and shared code
// imports none (bulletproof-react's one-way rule), however the import is spelt (`@/…` or relative).
const SRC = path.join(import.meta.dirname, 'src');
/** Code every feature may build on; it may not reach back into a feature. */
const SHARED_DIRS = ['components', 'lib', 'api', 'config'];

/** Where a module sits: `{ feature }` inside src/features/<feature>, `{ shared }` in shared code. */
function areaOf(file) {
  const rel = path.relative(SRC, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const [top, second] = rel.split(path.sep);
  if (top === 'features' && second) return { feature: second };
  if (SHARED_DIRS.includes(top)) return { shared: `src/${top}` };
  return undefined;
}

/** The file an import names, for the two ways the app spells one: `@/…` and relative paths. */
function resolveSpecifier(file, spec) {
  if (spec.startsWith('@/')) return path.join(SRC, spec.slice(2));
  if (spec.startsWith('.')) return path.resolve(path.dirname(file), spec);
  return undefined;
}

const local = {
  rules: {
    'kebab-case-filename': {
      meta: {
        type: 'suggestion',
        schema: [],
        messages: { kebab: "File name '{{name}}' is not kebab-case." },
      },
      create(context) {
        const name = path.basename(context.filename);
        return {
          Program(node) {
            if (!KEBAB_FILE.test(name)) context.report({ node, messageId: 'kebab', data: { name } });
          },
        };
      },
    },
    'feature-boundaries': {
      meta: {
        type: 'problem',
        schema: [],
        messages: {
          crossFeature:
            "A feature does not import another one ('{{from}}' → '{{to}}'): move what both need to the data layer (src/api/queries), src/components or src/lib, or compose in src/app.",
          sharedToFeature:
            "Shared code ({{from}}) does not import a feature ('{{to}}'): features build on shared code, never the other way round.",
        },
      },
      create(context) {
        const from = areaOf(context.filename);
        if (!from) return {};
        const check = (node) => {
          const spec = node.source?.value;
          if (typeof spec !== 'string') return;
          const target = resolveSpecifier(context.filename, spec);
          const to = target && areaOf(target);
          if (!to || to.feature === undefined) return;
          if (from.feature !== undefined && from.feature !== to.feature)
            context.report({
              node: node.source,
              messageId: 'crossFeature',
              data: { from: from.feature, to: to.feature },
            });
          else if (from.shared)
            context.report({
              node: node.source,
              messageId: 'sharedToFeature',
              data: { from: from.shared, to: to.feature },
            });
        };
        return {
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
          ImportExpression: check,
        };
      },
    },
    // The world's keyed records are plain objects: `world.clusters[name]` with a name from a request finds
    // Object.prototype's members for `__proto__`, `constructor` or `toString`. Reads with a computed key go
    // through `own(record, key)` (mocks/sim/lookup.ts), which sees own entries only.
    'keyed-record-read': {
      meta: {
        type: 'problem',
        schema: [],
        messages: {
          own: "Read '.{{record}}[…]' with own(record, key) from mocks/sim/lookup.ts: a plain object's lookup finds inherited members for names like '__proto__'.",
        },
      },
      create(context) {
        return {
          MemberExpression(node) {
            if (!node.computed || node.object.type !== 'MemberExpression' || node.object.computed) return;
            const record = node.object.property.name;
            if (!KEYED_RECORDS.has(record)) return;
            if (node.property.type === 'Literal') return;
            const parent = node.parent;
            const written =
              (parent.type === 'AssignmentExpression' && parent.left === node) ||
              (parent.type === 'UnaryExpression' && parent.operator === 'delete') ||
              parent.type === 'UpdateExpression';
            if (!written) context.report({ node, messageId: 'own', data: { record } });
          },
        };
      },
    },
  },
};
/** The world's records keyed by ids and names (model.ts). */
const KEYED_RECORDS = new Set([
  'clusters',
  'nodes',
  'vms',
  'wapClouds',
  'jobs',
  'users',
  'tenants',
  'subscriptions',
  'resourceGroups',
  'hciClusters',
  'machines',
  'apps',
  'networks',
  'perNode',
  'providers',
]);

const noMocksFromSrc = {
  group: ['@mocks', '@mocks/**', '**/mocks', '**/mocks/**'],
  message:
    'The UI talks to the simulation over HTTP only; src/main.tsx is the single place that starts the mocks.',
};

const FETCH_MESSAGE =
  "Requests go through the API client (src/lib/api-client.ts: api.get/post/…, getText, getFile, postRaw), which turns every failure into an ApiError with the server's words.";

const KEY_MESSAGE =
  "Query keys come from a key factory (src/api/queries or a feature's api/*-queries.ts), so one resource has one key and invalidations reach it.";
/** Inline query-key arrays: in `queryKey:`, in a mutation's `invalidates…` meta, and as a cache call's key. */
const INLINE_KEYS = [
  "Property[key.name='queryKey'] > ArrayExpression",
  "Property[key.name='queryKey'] > TSAsExpression > ArrayExpression",
  'Property[key.name=/^invalidates/] > ArrayExpression > ArrayExpression',
  'Property[key.name=/^invalidates/] > TSAsExpression > ArrayExpression > ArrayExpression',
  'CallExpression[callee.property.name=/^(setQueryData|getQueryData|getQueryState)$/] > ArrayExpression',
].map((selector) => ({ selector, message: KEY_MESSAGE }));

export default defineConfig(
  globalIgnores([
    'dist/',
    'node_modules/',
    'coverage/',
    'test-results/',
    'playwright-report/',
    'test/e2e/.artifacts/',
    'bench-results/',
    'public/mockServiceWorker.js',
  ]),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { local },
    rules: {
      'local/kebab-case-filename': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-param-reassign': 'error',
      'object-shorthand': 'error',
    },
  },
  {
    files: TS,
    rules: {
      // Numbers in messages ("3 of 4 servers") are the common, harmless case.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(false)}` is idiomatic React.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // React accepts async handlers in JSX attributes; promises elsewhere must still be handled.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // The typed fetch helper `api.get<ClusterDto>(url)` uses its type parameter only in the return type on purpose.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      // React Router loaders and actions throw `redirect()` / `Response` objects.
      '@typescript-eslint/only-throw-error': ['error', { allow: [{ from: 'lib', name: 'Response' }] }],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // `(action || onDismiss) && <Bar />` is a truth test, where `??` would change the meaning.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignoreMixedLogicalExpressions: true }],
      // It asks for `x!`, which strict's no-non-null-assertion then forbids; keep the explicit, checked form.
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
      // `const { [id]: _removed, ...rest } = jobs` is how an entry leaves an immutable record.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: JS,
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The bench's page.evaluate callbacks run in the browser.
    files: ['test/bench/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },

  {
    // User input reaches the world's records through the handlers and the simulation.
    files: ['mocks/handlers/**/*.ts', 'mocks/sim/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'local/keyed-record-read': 'error' },
  },

  // ── The UI ────────────────────────────────────────────────────────────────────────────────────────────────
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended, tanstackQuery.configs['flat/recommended']],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@tanstack/query/prefer-query-options': 'error',
      // Only meaningful with the React Compiler, which this build does not run.
      'react-hooks/incompatible-library': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-restricted-imports': ['error', { patterns: [noMocksFromSrc] }],
      'local/feature-boundaries': 'error',
      'no-restricted-globals': ['error', { name: 'fetch', message: FETCH_MESSAGE }],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'fetch', message: FETCH_MESSAGE },
        { object: 'globalThis', property: 'fetch', message: FETCH_MESSAGE },
      ],
      'no-restricted-syntax': ['error', ...INLINE_KEYS],
    },
  },
  {
    // The one place that speaks HTTP.
    files: ['src/lib/api-client.ts'],
    rules: { 'no-restricted-globals': 'off', 'no-restricted-properties': 'off' },
  },
  {
    // Key factories live here: the data layer (src/api/queries) and each feature's api/*-queries.ts.
    files: ['src/**/*-queries.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/**/*.tsx'],
    extends: [jsxA11y.flatConfigs.recommended],
  },
  {
    files: ['src/main.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },

  // ── The simulation core: pure, deterministic, portable ───────────────────────────────────────────────────
  {
    // The world is JSON: its collections are records keyed by id, and immer drafts remove entries with delete.
    files: ['mocks/**/*.ts'],
    rules: { '@typescript-eslint/no-dynamic-delete': 'off' },
  },
  {
    files: ['mocks/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['msw', 'msw/**', 'react', 'react/**', 'react-dom', 'react-dom/**', '@/**'],
              message:
                'mocks/sim is a pure core: no MSW, no React, no UI code (immer and plain TypeScript are fine).',
            },
            {
              // Two exceptions, both pure: src/api/durations.ts, a dependency-free grammar the UI's duration
              // field shares with the sim, so both accept and refuse the same texts; and src/api/arm-schemas.ts,
              // the ARM request bodies' schemas (zod only), which the sim's ARM operations parse with; and
              // src/api/rules.ts (imports nothing), the value rules the forms, the schemas and the sim share.
              // The wire contracts (src/api/*contract.ts) are the next pattern's.
              regex: String.raw`(?:^|/)src/(?!api/(?:durations|arm-schemas|rules|(?:[a-z-]+-)?contract)$)`,
              message:
                'mocks/sim is a pure core: no UI code (src/api/durations.ts, arm-schemas.ts and rules.ts, which import nothing of the UI, are the shared modules).',
            },
            {
              // The wire contract is the boundary: a view the sim computes is typed by its DTO, not by a copy.
              regex: String.raw`(?:^|/)src/api/(?:[a-z-]+-)?contract$`,
              allowTypeImports: true,
              message: 'mocks/sim takes only types from the wire contracts (import type).',
            },
            {
              regex: String.raw`^(?:@mocks/|(?:\.\./)+)(?:runtime|browser|node|handlers)(?:/.*)?$`,
              message: 'mocks/sim must not depend on the adapters that wrap it.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'setTimeout',
          'setInterval',
          'setImmediate',
          'requestAnimationFrame',
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'indexedDB',
          'fetch',
          'XMLHttpRequest',
        ].map((name) => ({
          name,
          message: 'mocks/sim is pure: time, storage and I/O come in through mocks/runtime.ts.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time is an argument (`now`) in mocks/sim.' },
        { object: 'performance', property: 'now', message: 'Time is an argument (`now`) in mocks/sim.' },
        {
          object: 'Math',
          property: 'random',
          message: 'mocks/sim is deterministic: use the seeded counter.',
        },
        {
          object: 'crypto',
          property: 'randomUUID',
          message: 'mocks/sim is deterministic: use the seeded counter.',
        },
        { object: 'crypto', property: 'getRandomValues', message: 'mocks/sim is deterministic.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: '`new Date()` reads the wall clock; pass `now` in.',
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: '`Date()` reads the wall clock; pass `now` in.',
        },
      ],
      'no-console': 'error',
    },
  },

  {
    // The sim's own tests may drive it through the runtime; they stay free of MSW, React and the UI.
    files: ['mocks/sim/**/*.{test,bench}.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['msw', 'msw/**', 'react', 'react/**', 'react-dom', 'react-dom/**', '@/**'],
              message: 'mocks/sim tests run in node against the pure core and the runtime only.',
            },
            {
              // the ARM body schemas are part of the pure core (see above)
              regex: String.raw`(?:^|/)src/(?!api/arm-schemas$)`,
              message: 'mocks/sim tests run in node against the pure core and the runtime only.',
            },
          ],
        },
      ],
    },
  },

  // ── Vitest (unit in node, integration in jsdom) ──────────────────────────────────────────────────────────
  {
    files: [
      ...UNIT_TESTS,
      'test/setup/**/*.ts',
      'test/utils/**/*.{ts,tsx}',
      'test/integration/**/*.{ts,tsx}',
    ],
    extends: [vitest.configs.recommended],
    languageOptions: { globals: { ...vitest.environments.env.globals } },
    rules: {
      // `expect(spy.method).toHaveBeenCalled()` passes methods around unbound by design.
      '@typescript-eslint/unbound-method': 'off',
      // Table-driven tests index fixtures they just built.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Stubs and no-op callbacks are what test doubles are made of.
      '@typescript-eslint/no-empty-function': 'off',
      'vitest/no-focused-tests': 'error',
      'vitest/no-disabled-tests': 'error',
      'vitest/no-standalone-expect': 'error',
      'vitest/prefer-to-have-length': 'error',
      'vitest/valid-title': ['error', { allowArguments: true }],
    },
  },
  {
    // jsdom polyfills: the DOM types promise APIs jsdom lacks (so guards look "unnecessary"), and a polyfill
    // implements the deprecated members too (MediaQueryList.addListener).
    files: ['test/setup/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-deprecated': 'off',
    },
  },
  {
    files: DOM_TESTS,
    extends: [testingLibrary.configs['flat/react']],
  },

  // ── Playwright ───────────────────────────────────────────────────────────────────────────────────────────
  {
    files: E2E,
    extends: [playwright.configs['flat/recommended']],
    languageOptions: { globals: { ...globals.node } },
    settings: {
      playwright: {
        globalAliases: { test: ['test'] },
      },
    },
    rules: {
      'playwright/expect-expect': [
        'error',
        { assertFunctionNames: ['expectNoSeriousA11yViolations', 'expectTheme', 'expectArmError'] },
      ],
      'playwright/no-focused-test': 'error',
      'playwright/no-skipped-test': 'error',
      'playwright/no-wait-for-timeout': 'error',
      'playwright/no-networkidle': 'error',
      'playwright/prefer-web-first-assertions': 'error',
      'playwright/no-useless-await': 'error',
      'playwright/prefer-to-have-length': 'error',
    },
  },
);
