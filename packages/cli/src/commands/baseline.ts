import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import type { CliIo } from '../cli-io.js';
import { BASELINE_FILE, writeBaseline } from '../scan/baseline.js';
import { runScan } from '../scan/run-scan.js';
import { VERSION } from '../version.js';
import { loadScanConfig } from './load-scan-config.js';
import { withScanTargetOptions } from './scan-options.js';

interface BaselineArguments {
  paths: string[];
  config?: string;
  output: string;
}

/** `redline baseline [paths..]`: accept today's findings so that scans report only new ones. */
export function createBaselineCommand(io: CliIo): CommandModule<object, BaselineArguments> {
  return {
    command: 'baseline [paths..]',
    describe: `Write the current findings to ${BASELINE_FILE}; later scans report only findings not in it`,
    builder: (yargs) =>
      withScanTargetOptions(yargs)
        .option('output', { alias: 'o', describe: 'Baseline file to write', type: 'string', default: BASELINE_FILE })
        .example('$0 baseline', `Accept every current finding in ${BASELINE_FILE}`)
        .example('$0 baseline src -o .redline/baseline.json', 'Baseline one folder into another file') as never,
    handler: async (args) => {
      const { config, configDirectory } = await loadScanConfig(io.cwd, args.config);
      const report = await runScan({ cwd: io.cwd, paths: args.paths, config, configDirectory, toolVersion: VERSION });
      await writeBaseline(resolve(io.cwd, args.output), report.findings);
      const unparsed = report.notices.filter((notice) => notice.kind === 'parse-error');
      for (const notice of unparsed) io.stderr.write(`${notice.file}:${notice.line}:${notice.column}: ${notice.message}\n`);
      io.stdout.write(`Wrote ${report.findings.length} finding(s) from ${report.summary.files} file(s) to ${args.output}.\n`);
    },
  };
}
