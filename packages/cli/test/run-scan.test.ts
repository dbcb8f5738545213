import { describe, expect, it } from 'vitest';
import { runScan } from '../src/scan/run-scan.js';
import type { EngineFinding, ScanEngine } from '../src/scan/engine.js';
import { createTempProject } from './helpers/temp-dir.js';

const RETRY = 'export async function poll() {\n  while (true) {\n    try {\n      await fetch("/x");\n      return;\n    } catch {}\n  }\n}\n';

describe('runScan with a second engine (how the analyzer will plug in)', () => {
  it('merges its findings with ESLint\'s: the same finding once, a new one added, all sorted and fingerprinted', async () => {
    const cwd = createTempProject({ 'src/a.ts': RETRY, 'src/b.ts': 'export const b = 1;\n' });
    const analyzer: ScanEngine = {
      name: 'analyzer',
      async run(files) {
        const findings: EngineFinding[] = [
          // What ESLint reports too: merged into one.
          { ruleId: 'redline/no-unbounded-retry', category: 'unbounded-retry', severity: 'error', file: 'src/a.ts', line: 2, column: 3, endLine: 2, endColumn: 15, message: 'dup' },
          // The same problem seen whole (the function that loops), spanning ESLint's line: one finding still.
          { ruleId: 'redline/no-unbounded-retry', category: 'unbounded-retry', severity: 'error', file: 'src/a.ts', line: 1, column: 8, endLine: 8, endColumn: 2, message: 'span' },
          // Cross-file: only the analyzer knows.
          {
            ruleId: 'redline/require-route-auth', category: 'missing-auth', severity: 'error', file: 'src/b.ts', line: 1, column: 1, endLine: 1, endColumn: 20,
            message: 'The router is mounted without authentication.',
            relatedLocations: [{ file: 'src/a.ts', line: 1, column: 1, endLine: 1, endColumn: 5, message: 'mounted here' }],
          },
        ];
        return { notices: [], findings: findings.filter((finding) => files.some((file) => file.file === finding.file)) };
      },
    };
    const report = await runScan({ cwd, extraEngines: () => [analyzer] });
    expect(report.findings.map(({ ruleId, file, line }) => ({ ruleId, file, line }))).toEqual([
      { ruleId: 'redline/no-unbounded-retry', file: 'src/a.ts', line: 2 },
      { ruleId: 'redline/require-route-auth', file: 'src/b.ts', line: 1 },
    ]);
    expect(report.findings.every((finding) => /^[0-9a-f]{32}$/.test(finding.fingerprint))).toBe(true);
    expect(report.summary).toMatchObject({ files: 2, findings: 2, baselined: 0 });
    expect(Object.keys(report.sources)).toEqual(['src/a.ts', 'src/b.ts']);
  });

  it('drops the findings of the other engines that it refutes, on a line or anywhere in a range of lines', async () => {
    const cwd = createTempProject({ 'src/a.ts': RETRY, 'src/b.ts': RETRY });
    const analyzer: ScanEngine = {
      name: 'analyzer',
      async run() {
        return {
          findings: [],
          notices: [],
          refuted: [
            { ruleId: 'redline/no-unbounded-retry', file: 'src/a.ts', line: 1, endLine: 8 },
            // Another rule's range, and a single line that is not the finding's: neither drops it.
            { ruleId: 'redline/no-secret-logging', file: 'src/b.ts', line: 1, endLine: 8 },
            { ruleId: 'redline/no-unbounded-retry', file: 'src/b.ts', line: 3 },
          ],
        };
      },
    };
    const report = await runScan({ cwd, extraEngines: () => [analyzer] });
    expect(report.findings.map(({ ruleId, file, line }) => ({ ruleId, file, line }))).toEqual([{ ruleId: 'redline/no-unbounded-retry', file: 'src/b.ts', line: 2 }]);
  });

  it('the baseline drops accepted findings by fingerprint and counts them', async () => {
    const cwd = createTempProject({ 'src/a.ts': RETRY });
    const first = await runScan({ cwd });
    const second = await runScan({ cwd, baseline: new Set(first.findings.map((finding) => finding.fingerprint)) });
    expect(first.findings).toHaveLength(1);
    expect(second.findings).toEqual([]);
    expect(second.summary.baselined).toBe(1);
  });

  it('reports disable comments without a reason from real comments only; a blanket one only where it silences a redline finding', async () => {
    const cwd = createTempProject({
      'src/a.ts': [
        '/* eslint-disable */',
        'const text = "// eslint-disable-next-line redline/no-secret-logging";',
        'const template = `/* eslint-disable redline/no-entity-leak */`;',
        '// eslint-disable-next-line redline/no-secret-logging -- the key is a public test key',
        'console.log(text, template); // eslint-disable-line redline/no-secret-logging',
        'export function signIn(password: string) {',
        '  console.log(`signing in with ${password}`);',
        '}',
        '',
      ].join('\n'),
      'src/b.ts': [
        '// eslint-disable-next-line',
        'export const answer: any = 42;',
        'export function signIn(password: string) {',
        '  // eslint-disable-next-line',
        '  console.log(`signing in with ${password}`);',
        '}',
        '',
      ].join('\n'),
    });
    const report = await runScan({ cwd });
    expect(report.notices.map(({ kind, file, line, column }) => ({ kind, file, line, column }))).toEqual([
      { kind: 'unexplained-disable', file: 'src/a.ts', line: 1, column: 1 },
      { kind: 'unexplained-disable', file: 'src/a.ts', line: 5, column: 30 },
      { kind: 'unexplained-disable', file: 'src/b.ts', line: 4, column: 3 },
    ]);
  });
});

