// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import keepwarm from './lint/layers.js';

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
    // The layers (lint/layers.js): dependencies point inward; src/core, src/commands,
    // src/import and src/export are pure; adapters reach keepwarm through
    // src/bot/conversation.ts only; only adapters know a platform SDK.
    files: ['src/**/*.ts', 'adapters/**/*.ts'],
    plugins: { keepwarm },
    rules: { 'keepwarm/layers': 'error' },
  },
);
