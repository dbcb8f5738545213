import { describe, expect, it, vi } from 'vitest';
import { createAnalyzerEngine } from '../src/scan/analyzer-engine.js';
import { runScan } from '../src/scan/run-scan.js';
import { createTempProject } from './helpers/temp-dir.js';

vi.mock('../src/scan/analyzer-run.js', () => ({
  runAnalyzer: () => Promise.reject(new RangeError('Maximum call stack size exceeded')),
}));

const RETRY = 'export async function poll() {\n  while (true) {\n    try {\n      await fetch("/x");\n      return;\n    } catch {}\n  }\n}\n';

describe('the analyzer engine when the analyzer fails', () => {
  it('keeps the per-file findings and reports the failure as an analysis error', async () => {
    const cwd = createTempProject({ 'package.json': '{}', 'src/a.ts': RETRY });
    const report = await runScan({
      cwd,
      extraEngines: ({ config, rules }) => [createAnalyzerEngine({ cwd, root: cwd, config, rules, ignores: { patterns: [], base: cwd } })],
    });
    expect(report.findings.map(({ ruleId, file, line }) => ({ ruleId, file, line }))).toEqual([
      { ruleId: 'redline/no-unbounded-retry', file: 'src/a.ts', line: 2 },
    ]);
    expect(report.notices).toEqual([
      expect.objectContaining({ kind: 'analysis-error', file: '.', message: expect.stringContaining('Maximum call stack size exceeded') }),
    ]);
  });
});
