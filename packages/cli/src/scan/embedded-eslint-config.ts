import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import { PLUGIN_NAME, type RedlineRuleMeta } from '@redline/core';
import type { RedlineConfig, RuleSetting } from '../config/redline-config.js';
import { UNEXPLAINED_DISABLE_RULE_ID, unexplainedDisableRule } from './unexplained-disables.js';
import { SOURCE_EXTENSIONS } from './source-extensions.js';

/**
 * redline's own flat config, so no user ESLint config is needed: the rules of
 * the preset at their meta severity, the user's overrides, the team
 * vocabulary as shared settings, the TypeScript parser for every file, and
 * the CLI's check for disable comments without a reason.
 */
export function buildEmbeddedEslintConfig(options: {
  plugin: object;
  catalog: readonly RedlineRuleMeta[];
  config: RedlineConfig;
}): Linter.Config[] {
  return [
    {
      name: 'redline/cli',
      files: [`**/*.{${SOURCE_EXTENSIONS.join(',')}}`],
      plugins: {
        [PLUGIN_NAME]: options.plugin as never,
        'redline-cli': { rules: { 'unexplained-disable': unexplainedDisableRule } },
      },
      languageOptions: {
        parser: tsParser as never,
        sourceType: 'module',
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      // Unused disables of other plugins' rules are not ours to judge.
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      settings: { [PLUGIN_NAME]: options.config.vocabulary ?? {} },
      rules: { ...buildRuleEntries(options.catalog, options.config), [UNEXPLAINED_DISABLE_RULE_ID]: 'warn' },
    },
  ];
}

/** ESLint rule entries: the preset's rules, then the config's overrides. */
export function buildRuleEntries(catalog: readonly RedlineRuleMeta[], config: RedlineConfig): Linter.RulesRecord {
  const preset = config.preset ?? 'recommended';
  const entries: Linter.RulesRecord = {};
  for (const rule of catalog) {
    const inPreset = rule.recommended === 'recommended' || (rule.recommended === 'strict' && preset === 'strict');
    if (inPreset) entries[`${PLUGIN_NAME}/${rule.name}`] = toEslintSeverity(rule.severity);
  }
  for (const [key, setting] of Object.entries(config.rules ?? {})) {
    const id = key.startsWith(`${PLUGIN_NAME}/`) ? key : `${PLUGIN_NAME}/${key}`;
    entries[id] = toRuleEntry(setting);
  }
  return entries;
}

function toRuleEntry(setting: RuleSetting): Linter.RuleEntry {
  if (setting === 'off') return 'off';
  if (Array.isArray(setting)) return [toEslintSeverity(setting[0]), setting[1]];
  return toEslintSeverity(setting);
}

function toEslintSeverity(severity: 'error' | 'warning'): 'error' | 'warn' {
  return severity === 'warning' ? 'warn' : 'error';
}
