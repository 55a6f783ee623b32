// Lint runs with --max-warnings=0 in CI: no debt is let in.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // With noUncheckedIndexedAccess on, a checked index is asserted with `!`; that is deliberate.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Architecture layers, lowest first: common and i18n; analysis (pure); engine (DuckDB); contract (the
    // data contract's checks); import (file readers); map, charts and state; export (CSV, PNG, brief); ui; cli. A module imports
    // only from its own layer or a lower one, and no import cycle exists, type-only imports included.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones() }],
    },
  },
  {
    // Views never talk to DuckDB, parquet-wasm or Arrow: they ask the engine.
    files: [
      'src/ui/**/*.{ts,tsx}',
      'src/map/**/*.{ts,tsx}',
      'src/charts/**/*.{ts,tsx}',
      'src/state/**/*.{ts,tsx}',
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@duckdb/*', 'parquet-wasm*', 'apache-arrow'] }],
    },
  },
  {
    // Analysis is pure: no engine, no React.
    files: ['src/analysis/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@duckdb/*', 'parquet-wasm*', 'react', 'react-dom'] }],
    },
  },
);

/** What each layer may not import: everything above it. */
function layerZones() {
  const order = [
    ['common', 'i18n'],
    ['analysis'],
    ['engine'],
    ['contract'],
    ['import'],
    ['map', 'charts', 'state'],
    ['export'],
    ['ui'],
    ['cli'],
  ];
  return order.slice(0, -1).flatMap((layer, i) =>
    layer.map((dir) => ({
      target: `./src/${dir}`,
      from: order
        .slice(i + 1)
        .flat()
        .map((above) => `./src/${above}`),
      message: `src/${dir} sits below these layers; move the shared code down instead (docs/architecture.md).`,
    })),
  );
}
