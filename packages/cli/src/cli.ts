import yargs, { type Argv } from 'yargs';
import { CliError } from './cli-error.js';
import { createProcessIo, type CliIo } from './cli-io.js';
import { createBaselineCommand } from './commands/baseline.js';
import { createInitCommand } from './commands/init.js';
import { createRulesCommand } from './commands/rules.js';
import { createRoutesCommand } from './commands/routes.js';
import { createScanCommand } from './commands/scan.js';
import { EXIT_CODES } from './exit-code.js';
import { VERSION } from './version.js';

/**
 * The `redline` command line for `argv` (without node and script). Parse it
 * with `.parseAsync()`; output and the exit code go through `io`.
 */
export function createCli(argv: readonly string[], io: CliIo = createProcessIo()): Argv {
  return yargs([...argv])
    .scriptName('redline')
    .usage('$0 <command> [options]\n\nAudits Node/TypeScript backends for the mistakes AI coding assistants make.')
    .command(createScanCommand(io, argv))
    .command(createRulesCommand(io))
    .command(createRoutesCommand(io))
    .command(createInitCommand(io))
    .command(createBaselineCommand(io))
    .demandCommand(1, 'Name a command: scan, rules, init or baseline.')
    .recommendCommands()
    .strict()
    .version(VERSION)
    .alias('help', 'h')
    .alias('version', 'v')
    .example('$0 scan', 'Scan the current folder')
    .example('$0 rules', 'List the rules')
    .epilogue('Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage, config or internal error.\nDocs: https://github.com/redline-dev/redline/blob/main/docs/cli.md')
    .wrap(Math.min(110, process.stdout.columns || 110))
    .exitProcess(false)
    // Thrown, not printed here: with exitProcess(false) yargs would otherwise go on to run the command.
    .fail((message, error) => {
      throw error ?? new CliError(`${message}\nRun \`redline --help\` for usage.`);
    });
}

/** Runs the CLI to completion: errors the user can fix print their message, others their stack; both exit with 2. */
export async function runCli(argv: readonly string[], io: CliIo = createProcessIo()): Promise<void> {
  try {
    // With a parse callback yargs hands over --help and --version text instead of printing it.
    await createCli(argv, io).parseAsync([...argv], {}, (error, _parsed, output) => {
      if (!error && output) io.stdout.write(`${output}\n`);
    });
  } catch (error) {
    io.stderr.write(error instanceof CliError ? `redline: ${error.message}\n` : `redline: internal error\n${error instanceof Error ? error.stack : String(error)}\n`);
    io.setExitCode(EXIT_CODES.error);
  }
}
