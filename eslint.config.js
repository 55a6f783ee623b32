// Lint runs with --max-warnings=0 in CI: no debt is let in.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
    // Architecture boundaries: analysis is pure, views never talk to DuckDB.
    files: ['src/analysis/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@duckdb/*', 'react', 'react-dom', '../data/*', '../ui/*', '../map/*', '../charts/*'] },
      ],
    },
  },
  {
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
);
