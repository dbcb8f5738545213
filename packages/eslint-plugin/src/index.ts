import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { PLUGIN_NAME } from '@redline/core';
import { rules } from '@redline/rules/eslint';
import { buildConfig } from './configs.js';

/** Files the shipped configs apply to. */
const SOURCE_FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

const plugin = {
  meta: { name: 'eslint-plugin-redline', version: '0.1.0', namespace: PLUGIN_NAME },
  rules,
  configs: {} as Record<'recommended' | 'strict', TSESLint.FlatConfig.Config>,
};

// Configs reference the plugin object itself, so they are attached after it exists.
plugin.configs.recommended = buildConfig({
  name: `${PLUGIN_NAME}/recommended`,
  level: 'recommended',
  plugin,
  parser: tsParser,
  files: SOURCE_FILES,
});
plugin.configs.strict = buildConfig({
  name: `${PLUGIN_NAME}/strict`,
  level: 'strict',
  plugin,
  parser: tsParser,
  files: SOURCE_FILES,
});

export default plugin;
export { rules };
