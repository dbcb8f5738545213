import { runCli } from '../../src/cli.js';
import type { BinRun } from './run-bin.js';

/**
 * Runs the CLI in the test process with captured output: the same code as the
 * bin minus its two-line shim, without paying node and ESLint start-up per case.
 */
export async function runInProcess(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<BinRun> {
  let stdout = '';
  let stderr = '';
  let code = 0;
  await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: options.cwd,
    env: { CI: 'true', ...options.env },
    setExitCode: (value) => {
      code = value;
    },
  });
  return { stdout, stderr, code };
}
