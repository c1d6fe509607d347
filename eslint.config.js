// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'dist/', 'scratch/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', fetch: 'readonly', AbortController: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', structuredClone: 'readonly', setImmediate: 'readonly', performance: 'readonly', AbortSignal: 'readonly', Response: 'readonly', Request: 'readonly', Headers: 'readonly', queueMicrotask: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The core is pure: no I/O, no clock, no platform. So is reading an import file.
    files: ['src/core/**/*.ts', 'src/commands/**/*.ts', 'src/import/**/*.ts', 'src/sources/calendar-events.ts', 'src/sources/match.ts', 'src/sources/plan.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['kysely', 'better-sqlite3', 'pg', 'node:fs', 'node:http', 'node-cron', 'grammy', '@grammyjs/*', '@slack/*', '../store/*', '../bot/*', '../scheduler/*'], message: 'src/core, src/commands, src/import and the sources planner are pure: no I/O, no platform, no outer layers.' },
      ] }],
    },
  },
  {
    // Only adapters may know a platform SDK; main.ts and cli.ts are the composition roots.
    files: ['src/**/*.ts'],
    ignores: ['src/main.ts', 'src/cli.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['grammy', '@grammyjs/*', '@slack/*', '../../adapters/*', '../adapters/*'], message: 'Only adapters/ may import a platform SDK.' },
      ] }],
    },
  },
);
