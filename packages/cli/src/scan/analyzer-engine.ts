import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import { projectChecks } from '@redline/rules/project';
import type { RedlineRuleMeta } from '@redline/core';
import type { RedlineConfig } from '../config/redline-config.js';
import type { EngineResult, ScanEngine } from './engine.js';
import { readAnalyzerCache, writeAnalyzerCache } from './analyzer-cache.js';

/** What an analyzer run did, for `--verbose`. */
export interface AnalyzerRunSummary {
  unresolved: { imports: number; mounts: number };
  /** Project files, how many were walked, how many were parsed. */
  files: number;
  walked: number;
  parsed: number;
  /** Whether a cache file was read, and whether it was used (one made by another build or vocabulary is not). */
  cacheRead: boolean;
  cacheUsed: boolean;
  cacheError?: Error;
}

const PROJECT_MARKERS = ['tsconfig.json', 'jsconfig.json', 'package.json'];

/**
 * The folder the analyzer treats as the project: the one folder being
 * scanned, or the working directory; undefined when it has no tsconfig,
 * jsconfig or package.json (then there is no project to reason about).
 */
export function findAnalyzerRoot(cwd: string, paths: readonly string[]): string | undefined {
  const single = paths.length === 1 ? resolve(cwd, paths[0]!) : cwd;
  const root = existsSync(single) && statSync(single).isDirectory() ? single : cwd;
  return PROJECT_MARKERS.some((name) => existsSync(join(root, name))) ? root : undefined;
}

/**
 * The cross-file engine: the analyzer loads the whole project under `root`
 * (routes with their mounts, entities, function summaries) and runs the
 * rules' project halves. Given only some files (`--staged`, `--changed-since`),
 * it still reads the rest of the project, with the given texts in place of
 * what is on disk; `runScan` then keeps the findings on changed lines.
 * With a cache file, unchanged files that the last run's walk recorded
 * nothing from are not parsed unless a resolution reaches them (the findings
 * are the same), and the file is rewritten after each run.
 */
export function createAnalyzerEngine(options: {
  cwd: string;
  root: string;
  config: RedlineConfig;
  rules: readonly RedlineRuleMeta[];
  /** Every source file of the project, as discovery would scan it. */
  discoverProjectFiles: () => Promise<string[]>;
  /** The cache file to read and rewrite; none with `--no-cache`. */
  cachePath?: string;
  /** Called after the analysis with what it could not resolve and how much it parsed, for `--verbose`. */
  onDone?: (summary: AnalyzerRunSummary) => void;
}): ScanEngine {
  const severities = Object.fromEntries(options.rules.map((rule) => [rule.name, rule.severity]));
  const toCwdRelative = (file: string) => relative(options.cwd, join(options.root, file)).split(sep).join('/');
  return {
    name: 'analyzer',
    async run(files, onFileDone) {
      const result: EngineResult = { findings: [], notices: [], refuted: [] };
      // Nothing to report on (a commit that touches no source file): no need to read the project.
      if (files.length === 0) return result;
      const given = new Map(files.map((file) => [file.path, file.text]));
      const projectFiles = new Set([...(await options.discoverProjectFiles()), ...given.keys()]);
      const prismaSchemas = await fg('**/*.prisma', { cwd: options.root, absolute: true, ignore: ['**/node_modules/**'] });
      const cache = options.cachePath === undefined ? undefined : await readAnalyzerCache(options.cachePath);
      // Loaded here, not at start-up: ts-morph's compiler takes a while to load, and most commands never need it.
      const { analyze } = await import('@redline/analyzer');
      const { findings, refuted, facts, stats, cache: nextCache } = analyze({
        root: options.root,
        files: [...projectFiles].map((path) => (given.has(path) ? { path, text: given.get(path)! } : path)),
        prismaSchemas,
        checks: projectChecks,
        severities,
        ...(options.config.vocabulary ? { vocabulary: options.config.vocabulary } : {}),
        ...(cache ? { cache } : {}),
      });
      const cacheError = options.cachePath === undefined ? undefined : await writeAnalyzerCache(options.cachePath, nextCache);
      // `runScan` fingerprints every engine's findings the same way, from the scanned text.
      for (const finding of findings) {
        result.findings.push({
          ruleId: finding.ruleId,
          category: finding.category,
          severity: finding.severity,
          file: toCwdRelative(finding.file),
          line: finding.line,
          column: finding.column,
          endLine: finding.endLine,
          endColumn: finding.endColumn,
          message: finding.message,
          ...(finding.relatedLocations
            ? { relatedLocations: finding.relatedLocations.map((location) => ({ ...location, file: toCwdRelative(location.file) })) }
            : {}),
        });
      }
      result.refuted = refuted.map((entry) => ({ ...entry, file: toCwdRelative(entry.file) }));
      options.onDone?.({ unresolved: facts.unresolved, ...stats, cacheRead: cache !== undefined, ...(cacheError ? { cacheError } : {}) });
      for (let index = 0; index < files.length; index++) onFileDone?.();
      return result;
    },
  };
}
