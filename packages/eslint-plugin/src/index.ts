import type { ESLint, Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { PLUGIN_NAME } from '@redline/core';
import { rules } from '@redline/rules/eslint';
import { buildConfig } from './configs.js';

/** Files the shipped configs apply to. */
const SOURCE_FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

const plugin = {
  meta: { name: 'eslint-plugin-redline', version: '0.1.0', namespace: PLUGIN_NAME },
  rules,
  configs: {} as Record<'recommended' | 'strict', Linter.Config>,
};

// Configs reference the plugin object itself, so they are attached after it exists.
for (const level of ['recommended', 'strict'] as const) {
  plugin.configs[level] = buildConfig({
    name: `${PLUGIN_NAME}/${level}`,
    level,
    // typescript-eslint rule modules are typed apart from ESLint core's; the objects are the same.
    plugin: plugin as unknown as ESLint.Plugin,
    parser: tsParser as Linter.Parser,
    files: SOURCE_FILES,
  });
}

export default plugin;
export { rules };
