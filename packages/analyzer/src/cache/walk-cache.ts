import { createHash } from 'node:crypto';
import type { RedlineVocabulary } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import type { ProjectFile } from '../project/project-file.js';
import type { ProjectModel } from '../project/project-model.js';
import { getCodeIdentity } from './code-identity.js';
import type { RecordingFiles } from './recording-walk.js';
import { getResolutionEnvironment } from './resolution-environment.js';

/** What the walk recorded from a file (see `walkRecording`). */
export type FileRecords = 'none' | 'site' | 'structural';

/**
 * What one analysis learned that saves work in the next, as plain JSON for a
 * caller to keep on disk; only the project's own files are named in it.
 */
export interface AnalyzerCache {
  version: 2;
  /** The analyzer's code and the vocabulary: a cache made under another key is ignored. */
  key: string;
  /** Path relative to the root → SHA-1 of the content analysed, and what the walk recorded from it. */
  files: Record<string, { hash: string; records: FileRecords }>;
  /** The resolution environment (`getResolutionEnvironment`) the import graph below was recorded in. */
  environment: string;
  /** Path → the project files its module specifiers resolved to, in the analyses that made this cache. */
  imports: Record<string, string[]>;
  /** Files the facts point at: their call sites are walked every time, since their facts must be rebuilt. */
  factFiles: string[];
  /** A hash of the entity facts, which what becomes of a call site depends on. */
  entities: string;
}

/** Which files to walk this time, and how to write down what the walk found. */
export interface WalkPlan {
  files: ProjectFile[];
  /** Whether a cache made under this key was given (else every file is walked). */
  cacheUsed: boolean;
  /** Whether call-site files were left unwalked because nothing they reach changed. */
  refined: boolean;
  /** Whether entity facts hash to what the cache says (when they do not, a refined walk must be redone unrefined). */
  hasCachedEntities(entities: unknown): boolean;
  /** The cache for the next analysis. */
  next(outcome: { recording: RecordingFiles; resolvedImports: ReadonlyMap<AnalyzedFile, ReadonlySet<AnalyzedFile>>; facts: unknown; entities: unknown }): AnalyzerCache;
}

/**
 * Every file, except unchanged ones (by content hash, in a cache made with
 * the same key) that recorded nothing: what a visitor records from a file
 * depends on that file's text alone, so they would record nothing again.
 * With `refine`, and while the resolution environment is the same, also
 * unchanged call-site files whose imports (followed transitively, as the
 * analyses that made the cache resolved them) reach no changed file, and
 * that no fact points at: what becomes of their call sites is what became of
 * them last time, nothing.
 */
export function planWalk(project: ProjectModel, vocabulary: RedlineVocabulary, cache: AnalyzerCache | undefined, options: { refine: boolean }): WalkPlan {
  const key = getCacheKey(vocabulary);
  const cacheUsed = cache?.version === 2 && cache.key === key;
  const previous = cacheUsed ? cache : undefined;
  const environment = getResolutionEnvironment(project);
  const hashes = new Map<ProjectFile, string>();
  const changed = new Set<string>();
  for (const file of project.files.values()) {
    const hash = createHash('sha1').update(file.text).digest('hex');
    hashes.set(file, hash);
    if (previous?.files[file.relativePath]?.hash !== hash) changed.add(file.relativePath);
  }
  const refined = options.refine && previous !== undefined && previous.environment === environment;
  const affected = refined ? reachingAny(changed, previous.imports) : new Set<string>();
  const factFiles = new Set(previous?.factFiles ?? []);
  const files = [...project.files.values()].filter((file) => {
    const records = previous?.files[file.relativePath]?.records;
    if (changed.has(file.relativePath) || records === undefined || records === 'structural') return true;
    if (records === 'none') return false;
    return !refined || affected.has(file.relativePath) || factFiles.has(file.relativePath);
  });
  const walked = new Set(files);
  return {
    files,
    cacheUsed,
    refined,
    hasCachedEntities: (entities) => previous?.entities === hashJson(entities),
    next: ({ recording, resolvedImports, facts, entities }) => {
      const entries: AnalyzerCache['files'] = {};
      const imports: AnalyzerCache['imports'] = {};
      for (const [file, hash] of hashes) {
        const path = file.relativePath;
        const records: FileRecords = !walked.has(file) ? previous!.files[path]!.records
          : recording.structural.has(file) ? 'structural' : recording.site.has(file) ? 'site' : 'none';
        entries[path] = { hash, records };
        // An unchanged file resolves as before: what earlier analyses followed from it still holds, if they ran in this environment.
        const earlier = refined && !changed.has(path) ? previous!.imports[path] ?? [] : [];
        const targets = new Set([...earlier, ...[...(resolvedImports.get(file) ?? [])].map((target) => target.relativePath)]);
        if (targets.size > 0) imports[path] = [...targets].sort();
      }
      return { version: 2, key, files: entries, environment, imports, factFiles: [...collectFilePaths(facts, hashes)].sort(), entities: hashJson(entities) };
    },
  };
}

/** The files from which some chain of imports reaches one of `targets` (the targets included). */
function reachingAny(targets: ReadonlySet<string>, imports: Readonly<Record<string, readonly string[]>>): Set<string> {
  const importers = new Map<string, string[]>();
  for (const [from, list] of Object.entries(imports)) {
    for (const target of list) importers.set(target, [...(importers.get(target) ?? []), from]);
  }
  const reached = new Set(targets);
  const queue = [...targets];
  while (queue.length > 0) {
    for (const importer of importers.get(queue.pop()!) ?? []) {
      if (!reached.has(importer)) {
        reached.add(importer);
        queue.push(importer);
      }
    }
  }
  return reached;
}

/** The project files a value (facts) names in its code spans. */
function collectFilePaths(value: unknown, files: ReadonlyMap<ProjectFile, string>): Set<string> {
  const known = new Set([...files.keys()].map((file) => file.relativePath));
  const found = new Set<string>();
  const visit = (entry: unknown): void => {
    if (typeof entry === 'string') {
      if (known.has(entry)) found.add(entry);
    } else if (Array.isArray(entry)) {
      for (const item of entry) visit(item);
    } else if (typeof entry === 'object' && entry !== null) {
      for (const item of Object.values(entry)) visit(item);
    }
  };
  visit(value);
  return found;
}

function hashJson(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('hex');
}

function getCacheKey(vocabulary: RedlineVocabulary): string {
  return createHash('sha1').update(getCodeIdentity()).update(JSON.stringify(vocabulary)).digest('hex');
}

/** A cache read back from disk, or undefined when it is not one (corrupt, truncated, from another format). */
export function parseAnalyzerCache(text: string): AnalyzerCache | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const cache = value as Partial<AnalyzerCache> | null;
  const isRecord = (entry: unknown): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null && !Array.isArray(entry);
  const isStrings = (entry: unknown): entry is string[] => Array.isArray(entry) && entry.every((item) => typeof item === 'string');
  if (!isRecord(cache) || cache.version !== 2 || typeof cache.key !== 'string' || typeof cache.environment !== 'string' || typeof cache.entities !== 'string') return undefined;
  if (!isRecord(cache.files) || !isRecord(cache.imports) || !isStrings(cache.factFiles)) return undefined;
  const validFile = (entry: unknown) => isRecord(entry) && typeof entry['hash'] === 'string' && ['none', 'site', 'structural'].includes(entry['records'] as string);
  if (!Object.values(cache.files).every(validFile) || !Object.values(cache.imports).every(isStrings)) return undefined;
  return cache as AnalyzerCache;
}
