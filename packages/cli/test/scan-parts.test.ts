import { describe, expect, it } from 'vitest';
import { isColorWanted } from '../src/cli-io.js';
import { getOutputTargets } from '../src/commands/output-targets.js';
import { createProgressBar } from '../src/progress-bar.js';
import { getScanExitCode } from '../src/exit-code.js';
import { parseChangedLines } from '../src/git/diff-hunks.js';
import { getFlaggedCode, mergeFindings } from '../src/scan/merge-findings.js';
import type { EngineFinding } from '../src/scan/engine.js';
import { blanketDisableReaches, classifyUnexplainedDisable } from '../src/scan/unexplained-disables.js';
import { isGeneratedOrMinified } from '../src/scan/read-sources.js';
import { REPORT_FIXTURE } from './helpers/report-fixture.js';

describe('getOutputTargets: each --output-file belongs to the --format before it', () => {
  it.each([
    [['scan'], [{ format: 'pretty' }]],
    [['scan', '-f', 'json'], [{ format: 'json' }]],
    [['scan', '-f', 'sarif', '-o', 'r.sarif', '--format', 'pretty'], [{ format: 'sarif', file: 'r.sarif' }, { format: 'pretty' }]],
    [['scan', '--format=markdown', '--output-file=s.md', '-f', 'github'], [{ format: 'markdown', file: 's.md' }, { format: 'github' }]],
    [['scan', '-o', 'out.txt'], [{ format: 'pretty', file: 'out.txt' }]],
    [['scan', '-f', 'json', '-f', 'sarif', '-o', 'a', '-o', 'b'], [{ format: 'json', file: 'b' }, { format: 'sarif', file: 'a' }]],
  ])('%j', (args, targets) => {
    expect(getOutputTargets(args)).toEqual(targets);
  });

  it('two formats to the terminal are refused', () => {
    expect(() => getOutputTargets(['scan', '-f', 'json', '-f', 'pretty'])).toThrow('Only one --format can write to the terminal');
  });
});

describe('parseChangedLines', () => {
  it('reads the new-side lines of -U0 hunks; deletions add none', () => {
    const diff = [
      'diff --git a/src/a.ts b/src/a.ts',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -3,0 +4,2 @@ export function f() {',
      '+  one',
      '+  two',
      '@@ -10 +12 @@',
      '-old',
      '+new',
      '@@ -20,3 +23,0 @@',
      'diff --git a/src/new file.ts b/src/new file.ts',
      '--- /dev/null',
      '+++ b/src/new file.ts',
      '@@ -0,0 +1,3 @@',
      'diff --git a/gone.ts b/gone.ts',
      '--- a/gone.ts',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
    ].join('\n');
    expect(parseChangedLines(diff)).toEqual(
      new Map([
        ['src/a.ts', new Set([4, 5, 12])],
        ['src/new file.ts', new Set([1, 2, 3])],
      ]),
    );
  });
});

describe('mergeFindings: fingerprints from rule, file and code, never the line', () => {
  const finding = (line: number, column = 3): EngineFinding => ({
    ruleId: 'redline/no-unbounded-retry', category: 'unbounded-retry', severity: 'error',
    file: 'src/a.ts', line, column, endLine: line + 5, endColumn: 4, message: 'm',
  });

  it('a line move keeps the fingerprint; the same code twice gets distinct ones; duplicates merge', () => {
    const before = mergeFindings([finding(2)], new Map([['src/a.ts', 'f() {\n  while (true) {\n']]));
    const after = mergeFindings([finding(5)], new Map([['src/a.ts', '// moved\n\n\ng() {\n  while (true) {\n']]));
    expect(after[0]!.fingerprint).toBe(before[0]!.fingerprint);

    const twice = mergeFindings([finding(4), finding(2), finding(2)], new Map([['src/a.ts', 'f() {\n  while (true) {\n}\n  while (true) {\n']]));
    expect(twice.map((merged) => merged.line)).toEqual([2, 4]);
    expect(twice[0]!.fingerprint).not.toBe(twice[1]!.fingerprint);
  });

  it('getFlaggedCode cuts a multi-line span at the end of its first line', () => {
    expect(getFlaggedCode('a\n  while (true) {\n    x();\n  }\n', { line: 2, column: 3, endLine: 4, endColumn: 4 })).toBe('while (true) {');
    expect(getFlaggedCode('log(password);\n', { line: 1, column: 5, endLine: 1, endColumn: 13 })).toBe('password');
  });
});

describe('classifyUnexplainedDisable (the text of one comment)', () => {
  it.each([
    [' eslint-disable-next-line redline/no-secret-logging', 'named'],
    [' eslint-disable-line redline/no-secret-logging', 'named'],
    [' eslint-disable redline/no-entity-leak, no-console ', 'named'],
    [' eslint-disable-next-line redline/no-secret-logging --', 'named'],
    [' eslint-disable ', 'blanketBlock'],
    [' eslint-disable-line', 'blanketLine'],
    [' eslint-disable-next-line', 'blanketNextLine'],
    [' eslint-disable-next-line -- the generated code below', undefined],
    [' eslint-disable-next-line redline/no-secret-logging -- public test key', undefined],
    [' eslint-disable redline/no-entity-leak -- DTO applied by the interceptor ', undefined],
    [' eslint-disable-next-line no-console', undefined],
    [' eslint-enable redline/no-entity-leak', undefined],
    [' eslint-disabled-by-design', undefined],
    [' a comment about eslint-disable', undefined],
  ])('%j → %s', (text, expected) => {
    expect(classifyUnexplainedDisable(text)).toBe(expected);
  });

  it('a blanket directive reaches its own line, the next one, or (a block) every line after it', () => {
    expect([blanketDisableReaches('blanketLine', 5, 5), blanketDisableReaches('blanketLine', 5, 6)]).toEqual([true, false]);
    expect([blanketDisableReaches('blanketNextLine', 5, 6), blanketDisableReaches('blanketNextLine', 5, 5)]).toEqual([true, false]);
    expect([blanketDisableReaches('blanketBlock', 5, 90), blanketDisableReaches('blanketBlock', 5, 4)]).toEqual([true, false]);
  });
});

describe('isGeneratedOrMinified', () => {
  it.each([
    ['// @generated by prisma\nexport {};\n', true],
    ['/* DO NOT EDIT: generated by openapi */\n', true],
    [`${'a'.repeat(1200)}\n`, true],
    // A vendored library: a licence banner, then the minified code.
    [`/*! lib v1.2 | MIT */\n${'a'.repeat(1200)}\n`, true],
    [`${'// line\n'.repeat(30)}${'a'.repeat(1200)}\n`, false],
    ['// retries a call\nexport {};\n', false],
  ])('%j → %s', (text, expected) => {
    expect(isGeneratedOrMinified(text)).toBe(expected);
  });
});

describe('getScanExitCode', () => {
  const base = { failOn: 'error' as const, failOnParseError: true };
  const warningsOnly = { ...REPORT_FIXTURE, findings: REPORT_FIXTURE.findings.filter((finding) => finding.severity === 'warning'), notices: [] };

  it.each([
    ['errors, fail on error', REPORT_FIXTURE, base, 1],
    ['errors, fail never, parse error', REPORT_FIXTURE, { ...base, failOn: 'never' as const }, 1],
    ['errors, fail never, parse errors allowed', REPORT_FIXTURE, { failOn: 'never' as const, failOnParseError: false }, 0],
    ['warnings only, fail on error', warningsOnly, base, 0],
    ['warnings only, fail on warning', warningsOnly, { ...base, failOn: 'warning' as const }, 1],
    ['warnings only, max-warnings 0', warningsOnly, { ...base, maxWarnings: 0 }, 1],
    ['warnings only, max-warnings 1', warningsOnly, { ...base, maxWarnings: 1 }, 0],
  ])('%s → %i', (_, report, options, code) => {
    expect(getScanExitCode(report, options)).toBe(code);
  });
});

describe('createProgressBar', () => {
  const stream = (isTTY: boolean) => {
    const writes: string[] = [];
    return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } };
  };

  it('draws on a terminal only after a second, and clears itself', () => {
    let now = 0;
    const { writes, stream: tty } = stream(true);
    const bar = createProgressBar(tty, {}, () => now);
    bar.update(1, 4);
    expect(writes).toEqual([]);
    now = 1500;
    bar.update(2, 4);
    bar.stop();
    expect(writes).toEqual([`\r[${'#'.repeat(12)}${' '.repeat(12)}] 2/4 files`, '\r\x1b[2K']);
  });

  it.each([
    ['piped', false, {}],
    ['in CI', true, { CI: 'true' }],
  ])('never draws when %s', (_, isTTY, env) => {
    let now = 0;
    const { writes, stream: target } = stream(isTTY);
    const bar = createProgressBar(target, env, () => now);
    now = 5000;
    bar.update(1, 2);
    bar.stop();
    expect(writes).toEqual([]);
  });
});

describe('isColorWanted', () => {
  it.each([
    ['a terminal', true, {}, undefined, true],
    ['a pipe', false, {}, undefined, false],
    ['NO_COLOR on a terminal', true, { NO_COLOR: '1' }, undefined, false],
    ['--no-color on a terminal', true, {}, false, false],
    ['--color on a pipe', false, { NO_COLOR: '1' }, true, true],
    ['FORCE_COLOR on a pipe', false, { FORCE_COLOR: '1' }, undefined, true],
  ])('%s', (_, isTTY, env, flag, expected) => {
    expect(isColorWanted({ isTTY, write: () => true }, env, flag)).toBe(expected);
  });
});
