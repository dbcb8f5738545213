// The repo lints itself: typescript-eslint's recommended rules everywhere,
// eslint-plugin-eslint-plugin on the rules, and redline on our own code.
import { defineConfig } from 'eslint/config';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';
import redline from './packages/eslint-plugin/dist/index.js';

export default defineConfig(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'fixtures/**', 'bench/.trees/**', 'coverage/**'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['rules/*/eslint.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    ...redline.configs.recommended,
    files: ['packages/*/src/**/*.ts', 'rules/*/eslint.ts', 'rules/utils/**/*.ts', 'tools/**/*.mjs', 'bench/**/*.mjs'],
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
