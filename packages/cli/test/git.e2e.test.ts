import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runBin } from './helpers/run-bin.js';
import { createTempProject, writeFiles } from './helpers/temp-dir.js';

const RETRY = `export async function poll(): Promise<void> {
  while (true) {
    try {
      await fetch('/x');
      return;
    } catch {}
  }
}
`;
const CLEAN = 'export const add = (a: number, b: number): number => a + b;\n';
const LOGIN = `export function login(password: string): void {
  console.log('login', password);
}
`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

/** A repository with one committed finding (src/retry.ts:2) and a clean file. */
function createRepository(): string {
  const root = createTempProject({ 'src/retry.ts': RETRY, 'src/clean.ts': CLEAN });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.email', 'test@example.com');
  git(root, 'config', 'user.name', 'test');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'base');
  return root;
}

function scanJson(root: string, ...args: string[]) {
  const run = runBin(['scan', '-f', 'json', ...args], { cwd: root });
  const output = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; line: number }> };
  return { code: run.code, findings: output.findings.map(({ ruleId, file, line }) => ({ ruleId, file, line })) };
}

beforeAll(() => {
  buildCli();
}, 180_000);

describe('baseline', () => {
  it('accepts current findings; a line move does not resurrect them, the same flaw added elsewhere is new', () => {
    const root = createRepository();
    const written = runBin(['baseline'], { cwd: root });
    expect(written).toMatchObject({ code: 0, stdout: 'Wrote 1 finding(s) from 2 file(s) to .redline-baseline.json.\n' });
    const baseline = JSON.parse(readFileSync(join(root, '.redline-baseline.json'), 'utf8'));
    expect(baseline).toEqual({
      version: 1,
      findings: [{ fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), ruleId: 'redline/no-unbounded-retry', file: 'src/retry.ts' }],
    });
    expect(JSON.stringify(baseline)).not.toMatch(/"line"/);

    const accepted = runBin(['scan'], { cwd: root });
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toBe('✔ No findings in 2 files.\n  1 finding accepted by the baseline not shown\n');

    // The loop moves down three lines and an unrelated line changes: still accepted.
    writeFileSync(join(root, 'src/retry.ts'), `import { x } from './x';\n\n// polls\n${RETRY.replace("'/x'", "'/y'")}`);
    expect(scanJson(root)).toEqual({ code: 0, findings: [] });

    // The same loop in another file is a new finding.
    writeFileSync(join(root, 'src/clean.ts'), `${CLEAN}${RETRY.replace('poll', 'pollAgain')}`);
    expect(scanJson(root)).toEqual({ code: 1, findings: [{ ruleId: 'redline/no-unbounded-retry', file: 'src/clean.ts', line: 3 }] });

    // --no-baseline shows everything.
    expect(scanJson(root, '--no-baseline').findings).toHaveLength(2);
  });
});

describe('--staged', () => {
  it('reports findings on staged lines only, read from the index, not the work tree', () => {
    const root = createRepository();
    writeFiles(root, { 'src/login.ts': LOGIN, 'src/clean.ts': `${CLEAN}${LOGIN}` });
    git(root, 'add', 'src/login.ts', 'src/clean.ts');
    // After staging: the work tree drops one staged flaw and adds an unstaged one.
    writeFiles(root, { 'src/login.ts': CLEAN, 'src/retry.ts': `${RETRY}${RETRY.replace('poll', 'pollMore')}` });
    expect(scanJson(root, '--staged')).toEqual({
      code: 1,
      findings: [
        { ruleId: 'redline/no-secret-logging', file: 'src/clean.ts', line: 3 },
        { ruleId: 'redline/no-secret-logging', file: 'src/login.ts', line: 2 },
      ],
    });
  });

  it('nothing staged: nothing to report', () => {
    const root = createRepository();
    const run = runBin(['scan', '--staged'], { cwd: root });
    expect(run).toMatchObject({ code: 0, stdout: '✔ No findings in 0 files.\n' });
  });

  it('outside a git repository: a clear error, exit 2', () => {
    const root = createTempProject({ 'src/a.ts': CLEAN });
    const run = runBin(['scan', '--staged'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `redline: --staged needs a git repository, and ${root} is not inside one. Run the scan without --staged, or from inside the repository.\n`,
    );
  });
});

describe('--changed-since', () => {
  it('reports findings on lines changed since the ref, committed or not, and in new files', () => {
    const root = createRepository();
    git(root, 'checkout', '-q', '-b', 'feature');
    writeFileSync(join(root, 'src/clean.ts'), `${CLEAN}${LOGIN}`);
    git(root, 'commit', '-q', '-am', 'login');
    writeFiles(root, { 'src/new.ts': LOGIN, 'src/retry.ts': `${RETRY}${RETRY.replace('poll', 'pollMore')}` });
    expect(scanJson(root, '--changed-since', 'main')).toEqual({
      code: 1,
      findings: [
        { ruleId: 'redline/no-secret-logging', file: 'src/clean.ts', line: 3 },
        { ruleId: 'redline/no-secret-logging', file: 'src/new.ts', line: 2 },
        { ruleId: 'redline/no-unbounded-retry', file: 'src/retry.ts', line: 10 },
      ],
    });
  });

  it('an unknown ref is an error, exit 2', () => {
    const root = createRepository();
    const run = runBin(['scan', '--changed-since', 'no-such-ref'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^redline: git merge-base no-such-ref HEAD failed/);
  });

  it('outside a git repository: a clear error, exit 2', () => {
    const root = createTempProject({ 'src/a.ts': CLEAN });
    const run = runBin(['scan', '--changed-since', 'main'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--changed-since needs a git repository');
  });
});
