import { relative, resolve } from 'node:path';
import { statSync } from 'node:fs';
import redline from 'eslint-plugin-redline';
import { PLUGIN_NAME, type Finding, type RedlineRuleMeta, type RefutedPlace } from '@redline/core';
import type { RedlineConfig } from '../config/redline-config.js';
import { getChanges, readStagedText, type ChangeSelection, type Changes } from '../git/changes.js';
import type { Notice, ScanReport } from '../report.js';
import { buildRuleCatalog } from '../rule-catalog.js';
import { applyBaseline } from './baseline.js';
import { createFileFilter, discoverFiles, toPosix } from './discover-files.js';
import { buildEmbeddedEslintConfig, buildRuleEntries } from './embedded-eslint-config.js';
import type { EngineFinding, ScanEngine } from './engine.js';
import { createEslintEngine, type RemoteLint } from './eslint-engine.js';
import { mergeFindings } from './merge-findings.js';
import { compareByLocation } from './order.js';
import { readSources } from './read-sources.js';
import type { SourceFile } from './source-file.js';

/** What to scan and how; everything a scan depends on is here, nothing is read from globals. */
export interface ScanOptions {
  /** Absolute working directory: paths in the report are relative to it. */
  cwd: string;
  /** Files or folders to scan, relative to `cwd`; default `['.']`. */
  paths?: readonly string[];
  config?: RedlineConfig;
  /** Folder the config's `ignores` are relative to; default `cwd`. */
  configDirectory?: string;
  /** Report only findings on staged lines, or on lines changed since a ref. */
  changes?: ChangeSelection;
  /** Fingerprints of accepted findings, not reported again. */
  baseline?: ReadonlySet<string>;
  toolVersion?: string;
  /** Engines besides ESLint (the analyzer, later); their findings merge with ESLint's. */
  extraEngines?: (context: EngineContext) => ScanEngine[];
  /** Called as files finish, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** What an engine factory gets to know about the scan. */
export interface EngineContext {
  cwd: string;
  config: RedlineConfig;
  /** Meta of the rules that run. */
  rules: readonly RedlineRuleMeta[];
  /** Hands ESLint's files not yet taken to another thread as well (see EslintEngine.acceptHelp). */
  lintHelp: (remote: RemoteLint) => Promise<void>;
}

/**
 * The scan pipeline: discover files → run the engines → merge findings by
 * fingerprint → notices (parse errors, unexplained disables) → keep changed
 * lines only (`--staged`, `--changed-since`) → drop baselined findings.
 * Returns the report every reporter formats; no output, no exit code.
 */
export async function runScan(options: ScanOptions): Promise<ScanReport> {
  const startedAt = performance.now();
  const config = options.config ?? {};
  const catalog = buildRuleCatalog(redline.rules);
  const rules = getEnabledRules(catalog, config);
  const changes = options.changes ? await getChanges(options.cwd, options.changes) : undefined;
  const files = await collectSourceFiles(options, config, changes);

  const eslintEngine = createEslintEngine({ config: buildEmbeddedEslintConfig({ plugin: redline, catalog, config }), catalog });
  const engines = [
    eslintEngine,
    ...(options.extraEngines?.({ cwd: options.cwd, config, rules, lintHelp: (remote) => eslintEngine.acceptHelp(remote) }) ?? []),
  ];
  let done = 0;
  const total = files.length * engines.length;
  let engineFindings: EngineFinding[] = [];
  const notices: Notice[] = [];
  const refuted = new Set<string>();
  const refutedRanges: RefutedPlace[] = [];
  const lineKey = (finding: { ruleId: string; file: string; line: number }) => `${finding.ruleId}\0${finding.file}\0${finding.line}`;
  const isInRefutedRange = (finding: EngineFinding) => refutedRanges.some((range) =>
    range.ruleId === finding.ruleId && range.file === finding.file && finding.line >= range.line && finding.line <= range.endLine!);
  // The engines run at once (the analyzer works in a worker thread while ESLint lints); their results merge in order.
  const results = await Promise.all(engines.map((engine) => engine.run(files, () => options.onProgress?.(++done, total))));
  for (const result of results) {
    // One finding per problem: a later engine does not repeat what an earlier one reported on the same line, or within
    // the span of one of its findings (the analyzer's on a whole log call, the plugin's on the argument inside it).
    const earlier = new Map<string, EngineFinding[]>();
    for (const finding of engineFindings) {
      const key = `${finding.ruleId}\0${finding.file}`;
      const list = earlier.get(key);
      if (list) list.push(finding);
      else earlier.set(key, [finding]);
    }
    const overlaps = (finding: EngineFinding) => (earlier.get(`${finding.ruleId}\0${finding.file}`) ?? [])
      .some((other) => finding.line <= other.endLine && other.line <= finding.endLine);
    engineFindings.push(...result.findings.filter((finding) => !overlaps(finding)));
    notices.push(...result.notices);
    for (const entry of result.refuted ?? []) {
      if (entry.endLine === undefined) refuted.add(lineKey(entry));
      else refutedRanges.push(entry);
    }
  }
  engineFindings = engineFindings.filter((finding) => !refuted.has(lineKey(finding)) && !isInRefutedRange(finding));

  const sources = new Map(files.map((file) => [file.file, file.text]));
  const allFindings = mergeFindings(engineFindings, sources);

  const isChanged = createChangedLineTest(options.cwd, changes);
  const changedFindings = allFindings.filter((finding) => isChanged(finding.file, finding.line, finding.endLine));
  const { reported, baselined } = applyBaseline(changedFindings, options.baseline);
  const reportedNotices = dedupeNotices(notices)
    .filter((notice) => notice.kind !== 'unexplained-disable' || isChanged(notice.file, notice.line, notice.line))
    .sort(compareByLocation);

  return {
    toolVersion: options.toolVersion ?? '0.0.0',
    findings: reported,
    notices: reportedNotices,
    rules,
    summary: {
      files: files.length,
      findings: reported.length,
      durationMs: Math.round(performance.now() - startedAt),
      baselined,
    },
    sources: pickSources(sources, reported, reportedNotices),
  };
}

/** The rules that run with this config: the preset plus overrides, minus those turned off. */
function getEnabledRules(catalog: readonly RedlineRuleMeta[], config: RedlineConfig): RedlineRuleMeta[] {
  const entries = buildRuleEntries(catalog, config);
  return catalog.filter((rule) => {
    const entry = entries[`${PLUGIN_NAME}/${rule.name}`];
    return entry !== undefined && entry !== 'off' && entry !== 0;
  });
}

/** The files to analyse: discovered ones, or for a git selection only the changed ones, read from the right place. */
async function collectSourceFiles(options: ScanOptions, config: RedlineConfig, changes: Changes | undefined): Promise<SourceFile[]> {
  const ignores = { patterns: config.ignores ?? [], base: options.configDirectory ?? options.cwd };
  const paths = options.paths?.length ? options.paths : ['.'];
  if (!changes) {
    return readSources({ cwd: options.cwd, paths: await discoverFiles({ cwd: options.cwd, paths, ignores }) });
  }
  const roots = paths.map((path) => resolve(options.cwd, path));
  const filters = roots.map((root) => (isFile(root) ? (path: string) => path === root : createFileFilter(root, ignores)));
  const changedPaths = [...changes.lines.keys()].filter((path) => filters.some((isIncluded) => isIncluded(path))).sort();
  const readStaged =
    options.changes?.kind === 'staged'
      ? (path: string) => readStagedText(changes.repositoryRoot, toPosix(relative(changes.repositoryRoot, path)))
      : undefined;
  return readSources({ cwd: options.cwd, paths: changedPaths, ...(readStaged ? { readStaged } : {}) });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Whether a span touches a changed line; always true without a git selection. */
function createChangedLineTest(cwd: string, changes: Changes | undefined): (file: string, line: number, endLine: number) => boolean {
  if (!changes) return () => true;
  const byFile = new Map([...changes.lines].map(([path, lines]) => [toPosix(relative(cwd, path)), lines]));
  return (file, line, endLine) => {
    const lines = byFile.get(file);
    if (lines === 'all') return true;
    if (!lines) return false;
    for (let current = line; current <= endLine; current++) if (lines.has(current)) return true;
    return false;
  };
}

function dedupeNotices(notices: readonly Notice[]): Notice[] {
  const seen = new Set<string>();
  return notices.filter((notice) => {
    const key = `${notice.kind}\0${notice.file}\0${notice.line}\0${notice.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pickSources(sources: ReadonlyMap<string, string>, findings: readonly Finding[], notices: readonly Notice[]): Record<string, string> {
  const files = [...new Set([...findings, ...notices].map((item) => item.file))].sort();
  return Object.fromEntries(files.map((file) => [file, sources.get(file) ?? '']));
}
