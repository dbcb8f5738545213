import { join } from 'node:path';
import type { ESLint, Linter, Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { RedlineRuleMeta } from '@redline/core';
import { createEslintEngine, createRedlineEslint, type RemoteLint } from '../src/scan/eslint-engine.js';
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

  describe('with a helping thread', () => {
    // More files than one batch (32), so that a helper that joins at once has batches left to take.
    const texts = Object.fromEntries(Array.from({ length: 70 }, (_, index) => [`f${String(index).padStart(2, '0')}.ts`, index % 3 === 0 ? 'report();\n' : 'const x = 1;\n']));
    const root = createTempProject(texts);
    const files: SourceFile[] = Object.entries(texts).map(([file, text]) => ({ path: join(root, file), file, text, origin: 'disk' as const }));
    const describeFindings = (findings: { file: string; line: number; ruleId: string }[]) =>
      findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`).sort();

    it('lints the batches a helper takes there, and reports them as its own', async () => {
      const alone = await createEslintEngine({ config, catalog }).run(files);
      const engine = createEslintEngine({ config, catalog });
      const helped: string[] = [];
      const remote: RemoteLint = async ({ paths, cwd }) => {
        helped.push(...paths);
        return createRedlineEslint(cwd, config).lintFiles(paths);
      };
      let done = 0;
      const running = engine.run(files, () => done++);
      await engine.acceptHelp(remote);
      const result = await running;
      expect(helped.length).toBeGreaterThan(0);
      expect(helped.length).toBeLessThan(files.length);
      expect(describeFindings(result.findings)).toEqual(describeFindings(alone.findings));
      expect(describeFindings(result.findings)).toHaveLength(24);
      expect(done).toBe(files.length);
    });

    it('lints a batch the helper fails on in the main thread, and the rest too', async () => {
      const engine = createEslintEngine({ config, catalog });
      let calls = 0;
      const running = engine.run(files);
      await engine.acceptHelp(async () => {
        calls++;
        throw new Error('the thread is gone');
      });
      const result = await running;
      expect(calls).toBe(1);
      expect(describeFindings(result.findings)).toHaveLength(24);
    });

    it('help offered when no scan runs does nothing', async () => {
      let called = false;
      await createEslintEngine({ config, catalog }).acceptHelp(async () => {
        called = true;
        return [];
      });
      expect(called).toBe(false);
    });
  });
});
