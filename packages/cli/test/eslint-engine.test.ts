import { join } from 'node:path';
import type { ESLint, Linter, Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { RedlineRuleMeta } from '@redline/core';
import { createEslintEngine } from '../src/scan/eslint-engine.js';
import type { SourceFile } from '../src/scan/source-file.js';
import { createTempProject } from './helpers/temp-dir.js';

// A rule that reports every `report()` call and throws on `explode()`: a stand-in for a rule bug.
const flakyRule: Rule.RuleModule = {
  meta: { type: 'problem', schema: [] },
  create: (context) => ({
    CallExpression(node) {
      if (node.callee.type !== 'Identifier') return;
      if (node.callee.name === 'explode') throw new TypeError('cannot read properties of undefined');
      if (node.callee.name === 'report') context.report({ node, message: 'Reported.' });
    },
  }),
};

const catalog: RedlineRuleMeta[] = [
  { name: 'flaky', description: 'Disallow test calls', category: 'secret-logging', cwe: ['CWE-532'], recommended: 'recommended', severity: 'error', requiresTypeChecking: false, url: '' },
];
const config: Linter.Config[] = [{ files: ['**/*.ts'], plugins: { redline: { rules: { flaky: flakyRule } } as ESLint.Plugin }, rules: { 'redline/flaky': 'error' } }];

describe('ESLint engine', () => {
  it('reports a file a rule crashes on as an analysis error and goes on with the other files', async () => {
    const texts: Record<string, string> = { 'a.ts': 'report();\n', 'b.ts': 'const x = 1;\nexplode();\n', 'c.ts': 'report();\n' };
    const root = createTempProject(texts);
    const files: SourceFile[] = Object.entries(texts).map(([file, text]) => ({ path: join(root, file), file, text, origin: 'disk' as const }));
    const result = await createEslintEngine({ config, catalog }).run(files);
    expect(result.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual(['a.ts:1 redline/flaky', 'c.ts:1 redline/flaky']);
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0]).toMatchObject({ kind: 'analysis-error', severity: 'error', file: 'b.ts', line: 2 });
    expect(result.notices[0]!.message).toContain('redline/flaky');
  });
});
