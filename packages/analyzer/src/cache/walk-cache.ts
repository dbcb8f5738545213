import { createHash } from 'node:crypto';
import type { RedlineVocabulary } from '@redline/core';
import type { ProjectFile } from '../project/project-file.js';
import type { ProjectModel } from '../project/project-model.js';
import { getCodeIdentity } from './code-identity.js';

/**
 * What one analysis learned that saves work in the next: the files the walk
 * recorded nothing from, with the hash of the content it walked. Plain JSON,
 * for a caller to keep on disk; only the project's own files are named in it.
 */
export interface AnalyzerCache {
  version: 1;
  /** The analyzer's code and the vocabulary: a cache made under another key is ignored. */
  key: string;
  /** Path relative to the root → SHA-1 of the content that was walked and recorded nothing. */
  silentFiles: Record<string, string>;
}

/** Which files to walk this time, and how to write down what the walk found. */
export interface WalkPlan {
  files: ProjectFile[];
  /** Whether a cache made under this key was given (else every file is walked). */
  cacheUsed: boolean;
  /** The cache for the next analysis, given the files this walk recorded something from. */
  next(recording: ReadonlySet<ProjectFile>): AnalyzerCache;
}

/**
 * Every file, except those the cache (made with the same key) says recorded
 * nothing and whose content is unchanged: what a visitor records from a file
 * depends on that file's text alone, so they would record nothing again.
 */
export function planWalk(project: ProjectModel, vocabulary: RedlineVocabulary, cache: AnalyzerCache | undefined): WalkPlan {
  const key = getCacheKey(vocabulary);
  const cacheUsed = cache?.version === 1 && cache.key === key;
  const previous = cacheUsed ? cache.silentFiles : {};
  const hashes = new Map<ProjectFile, string>();
  const files: ProjectFile[] = [];
  for (const file of project.files.values()) {
    const hash = createHash('sha1').update(file.text).digest('hex');
    hashes.set(file, hash);
    if (previous[file.relativePath] !== hash) files.push(file);
  }
  return {
    files,
    cacheUsed,
    next: (recording) => {
      const silentFiles: Record<string, string> = {};
      for (const [file, hash] of hashes) if (!recording.has(file)) silentFiles[file.relativePath] = hash;
      return { version: 1, key, silentFiles };
    },
  };
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
  if (typeof value !== 'object' || value === null) return undefined;
  const { version, key, silentFiles } = value as Partial<AnalyzerCache>;
  if (version !== 1 || typeof key !== 'string' || typeof silentFiles !== 'object' || silentFiles === null || Array.isArray(silentFiles)) return undefined;
  if (!Object.values(silentFiles).every((hash) => typeof hash === 'string')) return undefined;
  return { version, key, silentFiles };
}
