import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { CliError } from '../cli-error.js';
import { isColorWanted, type CliIo } from '../cli-io.js';
import { getScanExitCode, type FailOn } from '../exit-code.js';
import { createProgressBar } from '../progress-bar.js';
import { FORMAT_NAMES, REPORTERS, type FormatName } from '../reporters/index.js';
import { BASELINE_FILE, readBaseline } from '../scan/baseline.js';
import { createAnalyzerEngine, findAnalyzerRoot, type AnalyzerRunSummary } from '../scan/analyzer-engine.js';
import { getAnalyzerCachePath } from '../scan/analyzer-cache.js';
import { runScan, type EngineContext } from '../scan/run-scan.js';
import type { ScanEngine } from '../scan/engine.js';
import { VERSION } from '../version.js';
import { loadScanConfig } from './load-scan-config.js';
import { getOutputTargets } from './output-targets.js';
import { withScanTargetOptions } from './scan-options.js';

interface ScanArguments {
  paths: string[];
  config?: string;
  format: FormatName[];
  'output-file'?: string[];
  'fail-on': FailOn;
  'max-warnings'?: number;
  'fail-on-parse-error': boolean;
  'changed-since'?: string;
  staged: boolean;
  baseline: string | boolean;
  color?: boolean;
  analyzer: boolean;
  cache: boolean;
  'cache-location'?: string;
  verbose: boolean;
}

/** `redline scan [paths..]`: scan, report in one or more formats, set the exit code. */
export function createScanCommand(io: CliIo, rawArgs: readonly string[]): CommandModule<object, ScanArguments> {
  return {
    command: 'scan [paths..]',
    describe: 'Scan files for the mistakes AI assistants make, report them and set the exit code',
    builder: (yargs) =>
      withScanTargetOptions(yargs)
        .option('format', {
          alias: 'f',
          describe: 'Output format; repeat for several, each followed by its own --output-file',
          choices: FORMAT_NAMES,
          array: true,
          default: ['pretty' as FormatName],
        })
        .option('output-file', {
          alias: 'o',
          describe: 'Write the preceding --format to this file instead of the terminal',
          type: 'string',
          array: true,
          requiresArg: true,
        })
        .option('fail-on', {
          describe: 'Lowest finding severity that makes the exit code 1',
          choices: ['error', 'warning', 'never'] as const,
          default: 'error' as FailOn,
        })
        .option('max-warnings', { describe: 'Exit with 1 when there are more warnings than this', type: 'number' })
        .option('fail-on-parse-error', {
          describe: 'Exit with 1 when a file cannot be parsed (--no-fail-on-parse-error to only list it)',
          type: 'boolean',
          default: true,
        })
        .option('changed-since', {
          describe: 'Report only findings on lines changed since this git ref (its merge base with HEAD)',
          type: 'string',
          requiresArg: true,
        })
        .option('staged', { describe: 'Scan the staged content and report only findings on staged lines', type: 'boolean', default: false })
        .option('baseline', {
          describe: `Baseline file of accepted findings (--no-baseline to ignore it)`,
          type: 'string',
          default: BASELINE_FILE,
        })
        .option('color', { describe: 'Force colours on or off (--no-color); NO_COLOR is honoured', type: 'boolean' })
        .option('analyzer', {
          describe: 'Run the cross-file analyzer too, when the folder has a tsconfig, jsconfig or package.json (--no-analyzer to skip it)',
          type: 'boolean',
          default: true,
        })
        .option('cache', {
          describe: "Keep what the analyzer learned between runs, so unchanged files it found nothing in are not parsed again (--no-cache to neither read nor write it)",
          type: 'boolean',
          default: true,
        })
        .option('cache-location', {
          describe: 'Analyzer cache file, or a folder for it (default: node_modules/.cache/redline/analyzer.json in the project)',
          type: 'string',
          requiresArg: true,
        })
        .option('verbose', { describe: 'Say on stderr how much the analyzer could not resolve, and how much it parsed', type: 'boolean', default: false })
        .example('$0 scan', 'Scan the current folder and print a report')
        .example('$0 scan src --format sarif -o redline.sarif --format pretty', 'SARIF to a file, the readable report to the terminal')
        .example('$0 scan --changed-since origin/main --format github', 'Annotate only the lines a pull request changes')
        .example('$0 scan --staged', 'Pre-commit: only findings on staged lines')
        .example('$0 scan --format json --fail-on warning', 'Machine-readable output; fail on warnings too') as never,
    handler: async (args) => {
      // yargs' `conflicts` fires on --staged's default too, so the check is here.
      if (args.staged && args['changed-since']) throw new CliError('--staged and --changed-since cannot be used together.');
      const targets = getOutputTargets(rawArgs);
      const { config, configDirectory } = await loadScanConfig(io.cwd, args.config);
      const baseline = args.baseline === false ? undefined : await readBaseline(resolve(io.cwd, String(args.baseline)));
      const progress = createProgressBar(io.stderr, io.env);
      const report = await runScan({
        cwd: io.cwd,
        paths: args.paths,
        config,
        configDirectory,
        toolVersion: VERSION,
        ...(baseline ? { baseline } : {}),
        ...(args.staged ? { changes: { kind: 'staged' as const } } : {}),
        ...(args['changed-since'] ? { changes: { kind: 'since' as const, ref: args['changed-since'] } } : {}),
        onProgress: (done, total) => progress.update(done, total),
        ...(args.analyzer ? { extraEngines: createAnalyzerEngines(io, args, configDirectory) } : {}),
      }).finally(() => progress.stop());

      const linkBase = getSourceLinkBase(io.env);
      for (const target of targets) {
        const color = target.file ? false : isColorWanted(io.stdout, io.env, args.color);
        const output = REPORTERS[target.format](report, { color, ...(linkBase ? { sourceLinkBase: linkBase } : {}) });
        if (target.file) {
          const path = resolve(io.cwd, target.file);
          await mkdir(dirname(path), { recursive: true });
          await writeFile(path, output);
        } else {
          io.stdout.write(output);
        }
      }
      io.setExitCode(
        getScanExitCode(report, {
          failOn: args['fail-on'],
          maxWarnings: args['max-warnings'],
          failOnParseError: args['fail-on-parse-error'],
        }),
      );
    },
  };
}

/** Links to source lines for Markdown when running in GitHub Actions. */
function getSourceLinkBase(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  return server && repository && sha ? `${server}/${repository}/blob/${sha}/` : undefined;
}

/** The analyzer as a second engine, over the scanned folder when it is a project. */
function createAnalyzerEngines(io: CliIo, args: ScanArguments, configDirectory: string | undefined): (context: EngineContext) => ScanEngine[] {
  return (context) => {
    const root = findAnalyzerRoot(context.cwd, args.paths);
    if (!root) {
      // Said without --verbose: a scan that silently drops its cross-file checks looks cleaner than it is.
      io.stderr.write('redline: the cross-file analyzer did not run: no tsconfig.json, jsconfig.json or package.json in the scanned folder, the two levels below it or the folders above it up to the repository root; only the per-file rules ran (--no-analyzer silences this)\n');
      return [];
    }
    const ignores = { patterns: context.config.ignores ?? [], base: configDirectory ?? context.cwd };
    return [
      createAnalyzerEngine({
        ...context,
        root,
        ignores,
        ...(args.cache ? { cachePath: getAnalyzerCachePath({ cwd: io.cwd, root, ...(args['cache-location'] ? { location: args['cache-location'] } : {}) }) } : {}),
        ...(args.verbose ? { onDone: (summary: AnalyzerRunSummary) => io.stderr.write(describeAnalyzerRun(summary)) } : {}),
      }),
    ];
  };
}

/** The `--verbose` lines about an analyzer run. */
function describeAnalyzerRun(summary: AnalyzerRunSummary): string {
  const { unresolved, routes, files, walked, parsed, parsedAhead, cacheRead, cacheUsed, cacheError } = summary;
  const cache = cacheUsed ? ' (cache used)' : cacheRead ? ' (cache ignored: another redline build or vocabulary made it)' : '';
  return [
    `analyzer: ${unresolved.imports} imports and ${unresolved.mounts} router mounts could not be resolved`,
    // `router[method](base + path, …)` in a loop over a table of routes: none of them is in the inventory or judged.
    ...(unresolved.routes > 0 ? [`analyzer: ${unresolved.routes} route registrations with a computed method (router[method](…)) were not listed`] : []),
    // No route at all in a web app means the route checks had nothing to judge: the framework's routes are not modelled.
    routes > 0 ? `analyzer: ${routes} routes found` : 'analyzer: no routes found, so the route checks (missing-auth, entity-leak, ownership) judged none; `redline routes` lists what it finds',
    `analyzer: walked ${walked} and parsed ${parsed} of ${files} files${cache}`,
    // How many trees the worker built while the scan got ready depends on timing: a line of its own.
    ...(parsedAhead > 0 ? [`analyzer: ${parsedAhead} of the parsed files were parsed while the scan got ready`] : []),
    ...(cacheError ? [`analyzer: the cache could not be written: ${cacheError}`] : []),
  ].map((line) => `${line}\n`).join('');
}
