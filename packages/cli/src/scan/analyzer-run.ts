import type { Finding, RedlineVocabulary, RefutedPlace, Severity } from '@redline/core';
import type { ParsedAhead } from '@redline/analyzer';
import { projectChecks } from '@redline/rules/project';
import { readAnalyzerCache, writeAnalyzerCache } from './analyzer-cache.js';
import { createConfiguredIgnore, type IgnoreSettings } from './discover-files.js';
import { readProject } from './project-read.js';

/** What one analyzer run needs: plain data, so that a worker thread can receive it. */
export interface AnalyzerRunInput {
  root: string;
  /** Texts to analyse instead of the files on disk (the staged content), by absolute path. */
  given: Record<string, string>;
  /** The config's ignores: the project's files are those discovery would scan. */
  ignores: IgnoreSettings;
  severities: Record<string, Severity>;
  vocabulary?: RedlineVocabulary;
  /** The cache file to read and rewrite; none with `--no-cache`. */
  cachePath?: string;
}

/** What an analyzer run did, for `--verbose`. */
export interface AnalyzerRunSummary {
  unresolved: { imports: number; mounts: number; routes: number };
  /** How many routes the analyzer found (the `redline routes` inventory). */
  routes: number;
  /** Project files, how many were walked, how many were parsed, and how many of those the worker parsed ahead. */
  files: number;
  walked: number;
  parsed: number;
  parsedAhead: number;
  /** Whether a cache file was read, and whether it was used (one made by another build or vocabulary is not). */
  cacheRead: boolean;
  cacheUsed: boolean;
  /** Why the cache could not be written. */
  cacheError?: string;
}

export interface AnalyzerRunOutput {
  /** Paths relative to the root. */
  findings: Finding[];
  refuted: RefutedPlace[];
  summary: AnalyzerRunSummary;
}

let analyzer: Promise<typeof import('@redline/analyzer')> | undefined;

/**
 * The analyzer package, loaded on first use, not at start-up: ts-morph's
 * compiler takes a while to load, and most commands never need it.
 */
export function loadAnalyzer(): Promise<typeof import('@redline/analyzer')> {
  analyzer ??= import('@redline/analyzer');
  return analyzer;
}

/**
 * Reads the project under `root` (discovered files, with the given texts in
 * place), analyses it with the rules' project halves, and keeps the cache up
 * to date. `parsedAhead`: trees the worker built while it waited (the result
 * is the same without them).
 */
export async function runAnalyzer(input: AnalyzerRunInput, parsedAhead?: ParsedAhead): Promise<AnalyzerRunOutput> {
  const [project, cache, { analyze }] = await Promise.all([
    readProject(input.root),
    input.cachePath === undefined ? undefined : readAnalyzerCache(input.cachePath),
    loadAnalyzer(),
  ]);
  // The files discovery would scan: the project's, minus the config's ignores, with the given texts in place.
  const isConfiguredIgnore = createConfiguredIgnore(input.ignores);
  const projectFiles = new Set([...[...project.texts.keys()].filter((path) => !isConfiguredIgnore(path)), ...Object.keys(input.given)]);
  const { findings, refuted, facts, stats, cache: nextCache } = analyze({
    root: input.root,
    files: [...projectFiles].map((path) => ({ path, text: input.given[path] ?? project.texts.get(path)! })),
    prismaSchemas: project.prismaSchemas,
    checks: projectChecks,
    severities: input.severities,
    ...(input.vocabulary ? { vocabulary: input.vocabulary } : {}),
    ...(cache ? { cache } : {}),
    ...(parsedAhead ? { parsedAhead } : {}),
  });
  const cacheError = input.cachePath === undefined ? undefined : await writeAnalyzerCache(input.cachePath, nextCache);
  return {
    findings,
    refuted,
    summary: { unresolved: facts.unresolved, routes: facts.routes.length, ...stats, cacheRead: cache !== undefined, ...(cacheError ? { cacheError: cacheError.message } : {}) },
  };
}
