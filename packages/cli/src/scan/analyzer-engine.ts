import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { RedlineRuleMeta } from '@redline/core';
import fg from 'fast-glob';
import type { RedlineConfig } from '../config/redline-config.js';
import { runAnalyzer, type AnalyzerRunInput, type AnalyzerRunSummary } from './analyzer-run.js';
import { takeAnalyzerThread } from './analyzer-thread.js';
import type { IgnoreSettings } from './discover-files.js';
import type { EngineResult, ScanEngine } from './engine.js';
import type { RemoteLint } from './eslint-engine.js';

export type { AnalyzerRunSummary } from './analyzer-run.js';

const PROJECT_MARKERS = ['tsconfig.json', 'jsconfig.json', 'package.json'];

/**
 * The folder the analyzer treats as the project: the one folder being
 * scanned, or the working directory; undefined when no tsconfig, jsconfig or
 * package.json says there is a project to reason about — not in it, nor the
 * folders one or two levels below it, nor the folders above it up to the
 * repository's root. A repository that keeps its projects in `backend/` and
 * `frontend/`, or `apps/api/`, with no manifest at the top, is analysed from
 * the top; a scan of `server/` in a repository whose package.json is at the
 * top analyses `server/`. Each file resolves its imports with its nearest tsconfig.
 */
export function findAnalyzerRoot(cwd: string, paths: readonly string[]): string | undefined {
  const single = paths.length === 1 ? resolve(cwd, paths[0]!) : cwd;
  const root = existsSync(single) && statSync(single).isDirectory() ? single : cwd;
  if (hasProjectMarker(root)) return root;
  const nested = fg.sync(PROJECT_MARKERS.flatMap((name) => [`*/${name}`, `*/*/${name}`]), { cwd: root, ignore: ['**/node_modules/**'], dot: false });
  if (nested.length > 0) return root;
  return isInsideProject(root) ? root : undefined;
}

function hasProjectMarker(folder: string): boolean {
  return PROJECT_MARKERS.some((name) => existsSync(join(folder, name)));
}

/** Whether a folder above `folder`, up to the repository's root (the one with `.git`), is a project. */
function isInsideProject(folder: string): boolean {
  for (let current = folder; !existsSync(join(current, '.git'));) {
    const parent = dirname(current);
    if (parent === current) return false;
    current = parent;
    if (hasProjectMarker(current)) return true;
  }
  return false;
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
 *
 * It runs in a worker thread (see analyzer-thread.ts), so that it works while
 * ESLint does; from the TypeScript sources (the tests), where there is no
 * built worker, in this one.
 */
export function createAnalyzerEngine(options: {
  cwd: string;
  root: string;
  config: RedlineConfig;
  rules: readonly RedlineRuleMeta[];
  /** The config's ignores: the project's files are those discovery would scan. */
  ignores: IgnoreSettings;
  /** The cache file to read and rewrite; none with `--no-cache`. */
  cachePath?: string;
  /** Called after the analysis with what it could not resolve and how much it parsed, for `--verbose`. */
  onDone?: (summary: AnalyzerRunSummary) => void;
  /** Where the analyzer's thread, its analysis done, offers to lint ESLint's files not yet taken. */
  lintHelp?: (remote: RemoteLint) => Promise<void>;
}): ScanEngine {
  const toCwdRelative = (file: string) => relative(options.cwd, join(options.root, file)).split(sep).join('/');
  return {
    name: 'analyzer',
    async run(files, onFileDone) {
      const result: EngineResult = { findings: [], notices: [], refuted: [] };
      // Nothing to report on (a commit that touches no source file): no need to read the project.
      if (files.length === 0) return result;
      const input: AnalyzerRunInput = {
        root: options.root,
        given: Object.fromEntries(files.map((file) => [file.path, file.text])),
        ignores: options.ignores,
        severities: Object.fromEntries(options.rules.map((rule) => [rule.name, rule.severity])),
        ...(options.config.vocabulary ? { vocabulary: options.config.vocabulary } : {}),
        ...(options.cachePath !== undefined ? { cachePath: options.cachePath } : {}),
      };
      const thread = takeAnalyzerThread();
      let output: Awaited<ReturnType<typeof runAnalyzer>>;
      try {
        output = thread ? await thread.run(input) : await runAnalyzer(input);
      } catch (error) {
        thread?.close();
        // A failure of the cross-file half must not cost the per-file findings: the scan goes on without it.
        const text = error instanceof Error ? error.message : String(error);
        result.notices.push({
          kind: 'analysis-error',
          severity: 'error',
          file: relative(options.cwd, options.root).split(sep).join('/') || '.',
          line: 1,
          column: 1,
          message: `The cross-file analyzer failed (${text.split('\n')[0]}); the findings are the per-file rules' only. Please report it.`,
        });
        for (let index = 0; index < files.length; index++) onFileDone?.();
        return result;
      }
      if (thread) {
        // Its analysis done, the thread lints what ESLint has not reached yet: on two cores, ESLint's half is the longer one.
        // (A batch the thread fails on is linted in the main thread.)
        if (options.lintHelp) await options.lintHelp((request) => thread.lint({ ...request, config: options.config }));
        thread.close();
      }
      const { findings, refuted, summary } = output;
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
      options.onDone?.(summary);
      for (let index = 0; index < files.length; index++) onFileDone?.();
      return result;
    },
  };
}
