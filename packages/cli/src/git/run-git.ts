import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CliError } from '../cli-error.js';

const execFileAsync = promisify(execFile);

/** Runs git in `cwd` and returns its stdout; a failure becomes a `CliError` with git's own words. */
export async function runGit(cwd: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync('git', ['-c', 'core.quotePath=false', ...args], {
      cwd,
      maxBuffer: 256 * 1024 * 1024,
      encoding: 'utf8',
    });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new CliError(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

/** The top folder of the git work tree around `cwd`; a clear error outside a repository. */
export async function getRepositoryRoot(cwd: string, flag: string): Promise<string> {
  try {
    return (await runGit(cwd, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    throw new CliError(`${flag} needs a git repository, and ${cwd} is not inside one. Run the scan without ${flag}, or from inside the repository.`);
  }
}
