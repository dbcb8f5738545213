import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../src/config/validate-config.js';
import { buildRuleEntries } from '../src/scan/embedded-eslint-config.js';
import type { RedlineRuleMeta } from '@redline/core';
import { fromRepo } from './helpers/paths.js';

const KNOWN_RULES = ['no-secret-logging', 'no-unbounded-retry'];
const messageOf = (value: unknown) => {
  try {
    validateConfig(value, 'redline.config.json', KNOWN_RULES);
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
};

describe('validateConfig', () => {
  it.each([
    [{}, undefined],
    [{ preset: 'strict', rules: { 'no-secret-logging': 'off', 'redline/no-unbounded-retry': ['warning', { max: 3 }] } }, undefined],
    [{ vocabulary: { loggers: ['audit'], publicRoutes: ['/webhooks/**'] }, ignores: ['scripts/'] }, undefined],
  ])('accepts %j', (config, expected) => {
    expect(messageOf(config)).toBe(expected);
  });

  it.each([
    [{ presets: 'strict' }, 'presets: unknown key; allowed keys are $schema, preset, rules, ignores, vocabulary'],
    [{ preset: 'all' }, 'preset: must be one of "recommended", "strict"'],
    [{ rules: { 'no-secret-logging': 2 } }, 'rules.no-secret-logging: must be "off", "error", "warning" or ["error" | "warning", { …options }]'],
    [{ rules: { 'no-secret-logging': ['warn', {}] } }, 'rules.no-secret-logging: must be "off", "error", "warning"'],
    [{ rules: { 'No Rule': 'off' } }, 'rules: "No Rule" is not a rule name (lowercase letters, digits and dashes)'],
    [{ rules: { 'no-such-rule': 'off' } }, 'rules.no-such-rule: unknown rule; known rules are no-secret-logging, no-unbounded-retry'],
    [{ ignores: 'dist' }, 'ignores: must be array'],
    [{ vocabulary: { logger: ['audit'] } }, 'vocabulary.logger: unknown key; allowed keys are authMiddleware, roleChecks, loggers, redactionHelpers, publicRoutes, internalFields, secretWords'],
    [{ vocabulary: { loggers: [''] } }, 'vocabulary.loggers[0]: must NOT have fewer than 1 characters'],
    [[], '(root): must be object'],
  ])('rejects %j, naming the key and what is allowed', (config, expected) => {
    const message = messageOf(config);
    expect(message).toMatch(/^Invalid redline config in redline\.config\.json:\n {2}- /);
    expect(message).toContain(expected);
  });

  it('the schema vocabulary has exactly the keys of core\'s RedlineVocabulary, which rules read', () => {
    const schema = JSON.parse(readFileSync(fromRepo('packages/cli/schema/redline-config.schema.json'), 'utf8'));
    const settingsSource = readFileSync(fromRepo('packages/core/src/vocabulary/team-vocabulary.ts'), 'utf8');
    const interfaceBody = /export interface RedlineVocabulary \{([\s\S]*?)\n\}/.exec(settingsSource)![1]!;
    const settingsKeys = [...interfaceBody.matchAll(/^\s+(\w+)\?:/gm)].map((match) => match[1]);
    expect(Object.keys(schema.properties.vocabulary.properties).sort()).toEqual(settingsKeys.sort());
  });
});

describe('buildRuleEntries', () => {
  const rule = (name: string, recommended: RedlineRuleMeta['recommended'], severity: RedlineRuleMeta['severity']): RedlineRuleMeta => ({
    name, recommended, severity, description: '', url: '', category: 'unbounded-retry', cwe: [], requiresTypeChecking: false,
  });
  const catalog = [rule('a', 'recommended', 'error'), rule('b', 'strict', 'warning'), rule('c', false, 'error')];

  it('the preset at meta severity, then the overrides', () => {
    expect(buildRuleEntries(catalog, {})).toEqual({ 'redline/a': 'error' });
    expect(buildRuleEntries(catalog, { preset: 'strict' })).toEqual({ 'redline/a': 'error', 'redline/b': 'warn' });
    expect(buildRuleEntries(catalog, { rules: { a: 'off', 'redline/c': ['warning', { x: 1 }] } })).toEqual({
      'redline/a': 'off',
      'redline/c': ['warn', { x: 1 }],
    });
  });
});
