import type { OutputStream } from './progress-bar.js';

/** The CLI's only contact with the outside world, so commands can run in-process in tests. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
  setExitCode(code: number): void;
}

/** The real process. */
export function createProcessIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    setExitCode(code) {
      process.exitCode = code;
    },
  };
}

/** Whether colours are wanted on a stream: `--color`/`--no-color` win, then `NO_COLOR`, then whether it is a terminal. */
export function isColorWanted(stream: OutputStream, env: NodeJS.ProcessEnv, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (env['NO_COLOR']) return false;
  if (env['FORCE_COLOR'] && env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}
