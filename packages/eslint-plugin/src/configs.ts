import type { ESLint, Linter } from 'eslint';
import { PLUGIN_NAME, type RecommendedLevel, type RedlineRuleDocs } from '@redline/core';

type RedlineRuleModule = { meta?: { docs?: Partial<RedlineRuleDocs> } };

/** Whether a rule with config level `ruleLevel` belongs in the config for `configLevel`. */
export function isRuleInConfig(ruleLevel: RecommendedLevel | undefined, configLevel: 'recommended' | 'strict'): boolean {
  if (ruleLevel === 'recommended') return true;
  return ruleLevel === 'strict' && configLevel === 'strict';
}

/**
 * A flat config derived from rule meta: every rule whose `docs.recommended`
 * reaches `level`, at the severity its meta declares, with the TypeScript parser.
 */
export function buildConfig(options: {
  name: string;
  level: 'recommended' | 'strict';
  plugin: ESLint.Plugin;
  parser: Linter.Parser;
  files: string[];
}): Linter.Config {
  const ruleEntries: Linter.RulesRecord = {};
  for (const [name, rule] of Object.entries((options.plugin.rules ?? {}) as Record<string, RedlineRuleModule>)) {
    const docs = rule.meta?.docs;
    if (isRuleInConfig(docs?.recommended, options.level)) {
      ruleEntries[`${PLUGIN_NAME}/${name}`] = docs?.severity === 'warning' ? 'warn' : 'error';
    }
  }
  return {
    name: options.name,
    files: options.files,
    plugins: { [PLUGIN_NAME]: options.plugin },
    languageOptions: {
      parser: options.parser,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: ruleEntries,
  };
}
