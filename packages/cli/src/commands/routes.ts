import { join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import type { CommandModule } from 'yargs';
import type { CliIo } from '../cli-io.js';
import { getChanges } from '../git/changes.js';
import { formatRoutes, ROUTE_FORMATS, type RouteFormat } from '../routes/format-routes.js';
import { buildRouteInventory, type RouteRow } from '../routes/route-inventory.js';
import { findAnalyzerRoot } from '../scan/analyzer-engine.js';
import { discoverFiles } from '../scan/discover-files.js';
import { loadScanConfig } from './load-scan-config.js';

interface RoutesArguments {
  path: string;
  config?: string;
  format: RouteFormat;
  'changed-since'?: string;
}

/** `redline routes [path]`: the endpoint inventory, with the auth and role check of each. */
export function createRoutesCommand(io: CliIo): CommandModule<object, RoutesArguments> {
  return {
    command: 'routes [path]',
    describe: 'List the endpoints: method, path, handler, authentication, role check, whether it sends an entity',
    builder: (yargs) =>
      yargs
        .positional('path', { describe: 'The project folder', type: 'string', default: '.' })
        .option('config', { alias: 'c', describe: 'Path to a redline config file', type: 'string' })
        .option('format', { alias: 'f', describe: 'Output format', choices: ROUTE_FORMATS, default: 'table' as RouteFormat })
        .option('changed-since', {
          describe: 'Only endpoints whose registration or handler changed since this git ref',
          type: 'string',
          requiresArg: true,
        })
        .example('$0 routes', 'Every endpoint of the project in the current folder')
        .example('$0 routes --changed-since origin/main --format markdown', 'What a pull request adds or changes, for a review comment') as never,
    handler: async (args) => {
      const { config, configDirectory } = await loadScanConfig(io.cwd, args.config);
      const root = findAnalyzerRoot(io.cwd, [args.path]) ?? resolve(io.cwd, args.path);
      const files = await discoverFiles({ cwd: root, paths: ['.'], ignores: { patterns: config.ignores ?? [], base: configDirectory } });
      const prismaSchemas = await fg('**/*.prisma', { cwd: root, absolute: true, ignore: ['**/node_modules/**'] });
      const { analyze } = await import('@redline/analyzer');
      const { facts } = analyze({ root, files, prismaSchemas, checks: [], severities: {}, ...(config.vocabulary ? { vocabulary: config.vocabulary } : {}) });
      const toCwd = (file: string) => relative(io.cwd, join(root, file)).split(sep).join('/');
      let rows = buildRouteInventory(facts, toCwd);
      if (args['changed-since']) {
        const changes = await getChanges(io.cwd, { kind: 'since', ref: args['changed-since'] });
        rows = rows.filter((row) => isChanged(row, facts.routes, changes.lines, io.cwd));
      }
      io.stdout.write(formatRoutes(rows, args.format));
    },
  };
}

/** An endpoint counts as changed when a changed line falls on its registration or in its handler. */
function isChanged(row: RouteRow, routes: readonly { at: { line: number; endLine: number }; handler?: { file: string; line: number; endLine: number } }[], lines: ReadonlyMap<string, Set<number> | 'all'>, cwd: string): boolean {
  const touches = (file: string, start: number, end: number) => {
    const changed = lines.get(resolve(cwd, file));
    if (!changed) return false;
    if (changed === 'all') return true;
    for (let line = start; line <= end; line++) if (changed.has(line)) return true;
    return false;
  };
  const route = routes.find((candidate) => candidate.at.line === row.line);
  return touches(row.file, row.line, route?.at.endLine ?? row.line) || (route?.handler !== undefined && touches(row.file, route.handler.line, route.handler.endLine));
}
