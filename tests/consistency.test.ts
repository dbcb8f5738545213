import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { isCategory, PLUGIN_NAME } from '@redline/core';
import redline from 'eslint-plugin-redline';
import { listProjectRuleFolders, listRuleFolders } from '../tools/rule-folders.mjs';
import { renderProjectBarrel } from '../tools/render-project-barrel.mjs';
import { projectChecks } from '@redline/rules/project';
import { renderEslintBarrel } from '../tools/render-barrel.mjs';
import { renderRulesTable, RULES_TABLE_END, RULES_TABLE_START } from '../tools/render-rules-table.mjs';
import { readFixtureExpectations } from './fixture-expectations.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const rulesDir = join(root, 'rules');
const ruleFolders = listRuleFolders(rulesDir);
const MIN_CASES_PER_KIND = 15;

type JsonSchema = { type?: string; description?: string; properties?: Record<string, JsonSchema>; additionalProperties?: unknown; items?: JsonSchema };

/** Every object schema closes its properties, and every property says what it is for. */
function collectSchemaProblems(schema: JsonSchema, path: string): string[] {
  const problems: string[] = [];
  if (schema.type === 'object') {
    if (schema.additionalProperties !== false) problems.push(`${path}: additionalProperties must be false`);
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      if (!property.description) problems.push(`${path}.${key}: missing description`);
      problems.push(...collectSchemaProblems(property, `${path}.${key}`));
    }
  }
  if (schema.items) problems.push(...collectSchemaProblems(schema.items, `${path}[]`));
  return problems;
}

describe('rule consistency', () => {
  it('has rules', () => {
    expect(ruleFolders.length).toBeGreaterThan(0);
  });

  it('rules/eslint.ts is the generated barrel of the rule folders', () => {
    expect(readFileSync(join(rulesDir, 'eslint.ts'), 'utf8')).toBe(renderEslintBarrel(ruleFolders));
  });

  it('rules/project.ts is the generated barrel of the rules with a cross-file half', () => {
    expect(readFileSync(join(rulesDir, 'project.ts'), 'utf8')).toBe(renderProjectBarrel(listProjectRuleFolders(rulesDir)));
  });

  it("every cross-file half has its ESLint half's name and category", () => {
    for (const check of projectChecks) {
      const rule = redline.rules[check.name as keyof typeof redline.rules];
      expect(rule?.meta.docs?.category).toBe(check.category);
    }
  });

  it('the plugin exports exactly the rule folders', () => {
    expect(Object.keys(redline.rules).sort()).toEqual(ruleFolders);
  });

  it('the README rules table is generated from meta', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf(RULES_TABLE_START), readme.indexOf(RULES_TABLE_END) + RULES_TABLE_END.length);
    expect(table).toBe(renderRulesTable(redline.rules));
  });

  for (const name of ruleFolders) {
    describe(name, () => {
      const rule = redline.rules[name as keyof typeof redline.rules];
      const docs = rule.meta.docs!;

      it('has its files: eslint.ts, eslint.test.ts, docs/rules/<id>.md, fixtures/<id>/', () => {
        expect(existsSync(join(rulesDir, name, 'eslint.test.ts'))).toBe(true);
        expect(existsSync(join(root, 'docs', 'rules', `${name}.md`))).toBe(true);
        expect(existsSync(join(root, 'fixtures', name))).toBe(true);
      });

      it('is named after its folder', () => {
        expect((rule as { name?: string }).name).toBe(name);
      });

      it('declares a category from DESIGN.md, CWEs, a config level and a severity', () => {
        expect(isCategory(docs.category)).toBe(true);
        expect(docs.cwe.length).toBeGreaterThan(0);
        for (const cwe of docs.cwe) expect(cwe).toMatch(/^CWE-\d+$/);
        expect(['recommended', 'strict', false]).toContain(docs.recommended);
        expect(['error', 'warning']).toContain(docs.severity);
        expect(typeof docs.requiresTypeChecking).toBe('boolean');
      });

      it('has an imperative description without a trailing period', () => {
        expect(docs.description).toMatch(/^(Disallow|Require|Enforce) /);
        expect(docs.description.endsWith('.')).toBe(false);
      });

      it('has full-sentence messages', () => {
        for (const message of Object.values(rule.meta.messages) as string[]) {
          expect(message).toMatch(/^[A-Z`{]/);
          expect(message).toMatch(/[.!?]$/);
        }
      });

      it('has a closed schema with a description on every property', () => {
        const schemas = (Array.isArray(rule.meta.schema) ? rule.meta.schema : [rule.meta.schema]) as JsonSchema[];
        expect(schemas.flatMap((schema, index) => collectSchemaProblems(schema, `schema[${index}]`))).toEqual([]);
      });

      it('is in the configs its meta names, at its severity', () => {
        const id = `${PLUGIN_NAME}/${name}`;
        const severity = docs.severity === 'warning' ? 'warn' : 'error';
        expect(redline.configs.recommended.rules?.[id]).toBe(docs.recommended === 'recommended' ? severity : undefined);
        expect(redline.configs.strict.rules?.[id]).toBe(docs.recommended === false ? undefined : severity);
      });

      it(`proves itself both ways in fixtures/ (>= ${MIN_CASES_PER_KIND} reported and >= ${MIN_CASES_PER_KIND} look-alike cases)`, () => {
        const files = fg.sync(`fixtures/${name}/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}`, { cwd: root, absolute: true });
        let reported = 0;
        let lookAlikes = 0;
        for (const file of files) {
          const { expected, okCount } = readFixtureExpectations(file);
          reported += expected.filter((finding) => finding.ruleId === name).length;
          lookAlikes += okCount;
        }
        expect(reported).toBeGreaterThanOrEqual(MIN_CASES_PER_KIND);
        expect(lookAlikes).toBeGreaterThanOrEqual(MIN_CASES_PER_KIND);
      });
    });
  }
});
