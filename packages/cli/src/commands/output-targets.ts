import { CliError } from '../cli-error.js';
import type { FormatName } from '../reporters/index.js';

/** One report to produce: a format, to a file or (without `file`) to stdout. */
export interface OutputTarget {
  format: FormatName;
  file?: string;
}

/**
 * Pairs each `--output-file`/`-o` with the `--format` before it on the
 * command line (`-f sarif -o r.sarif -f pretty`: SARIF to a file, pretty to
 * the terminal). yargs keeps the values but not their order, so this reads
 * the raw arguments. At most one format may go to stdout.
 */
export function getOutputTargets(rawArgs: readonly string[]): OutputTarget[] {
  const targets: Array<{ format?: FormatName; file?: string }> = [];
  for (let index = 0; index < rawArgs.length; index++) {
    const [flag, inlineValue] = splitFlag(rawArgs[index]!);
    const value = () => inlineValue ?? rawArgs[++index];
    if (flag === '--format' || flag === '-f') {
      targets.push({ format: value() as FormatName });
    } else if (flag === '--output-file' || flag === '-o') {
      const file = value();
      const open = targets.findLast((target) => target.file === undefined);
      if (open) open.file = file;
      else targets.push({ ...(file === undefined ? {} : { file }) });
    } else if (flag === '--') {
      break;
    }
  }
  const resolved = targets.map((target) => ({ format: target.format ?? 'pretty', ...(target.file ? { file: target.file } : {}) }));
  if (resolved.length === 0) return [{ format: 'pretty' }];
  if (resolved.filter((target) => !target.file).length > 1) {
    throw new CliError('Only one --format can write to the terminal; give the others an --output-file (-o) right after them.');
  }
  return resolved;
}

function splitFlag(arg: string): [string, string | undefined] {
  const equals = arg.indexOf('=');
  return arg.startsWith('--') && equals > 0 ? [arg.slice(0, equals), arg.slice(equals + 1)] : [arg, undefined];
}
