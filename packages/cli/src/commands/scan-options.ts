import type { Argv } from 'yargs';

/** Options shared by `scan` and `baseline`: what to scan and with which config. */
export function withScanTargetOptions<T>(yargs: Argv<T>) {
  return yargs
    .positional('paths', {
      describe: 'Files or folders to scan, relative to the current folder',
      type: 'string',
      array: true,
      default: ['.'],
    })
    .option('config', {
      alias: 'c',
      describe: 'Path to a redline config file (default: the nearest redline.config.{json,mjs,ts} or package.json#redline)',
      type: 'string',
    });
}
