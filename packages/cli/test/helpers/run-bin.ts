import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRepo, REPO_ROOT } from './paths.js';

const require = createRequire(import.meta.url);
const BIN = fromRepo('packages/cli/bin/redline.js');
const LOCK = join(tmpdir(), 'redline-cli-build.lock');

/**
 * Builds the CLI and what it depends on (`tsc -b`, incremental, so cheap
 * when nothing changed) before tests spawn the bin, which runs on dist/.
 * A lock folder keeps parallel test files from building at the same time.
 */
export function buildCli(): void {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${LOCK}; remove it if no build runs.`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'packages/cli/tsconfig.json'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    // tsc emits despite type errors, which `pnpm typecheck` reports; only a missing bin target stops the tests.
    if (result.status !== 0 && !existsSync(fromRepo('packages/cli/dist/cli.js'))) {
      throw new Error(`Building the CLI failed:\n${result.stdout}${result.stderr}`);
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** What a finished bin run printed and its exit code. */
export interface BinRun {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs the real `redline` bin like a user in CI would: no TTY, no colour forced. */
export function runBin(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): BinRun {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', ...options.env };
  delete env['FORCE_COLOR'];
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd, env, encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}
