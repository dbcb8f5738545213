import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { AnalyzerCache } from '@redline/analyzer';

const CACHE_FILE = 'analyzer.json';

/**
 * Where the analyzer keeps what it learned between runs: `--cache-location`
 * (a file, or a folder to put `analyzer.json` in), else
 * `node_modules/.cache/redline/analyzer.json` under the project root, as
 * Prettier and Babel do: ignored by git in Node projects and by discovery.
 */
export function getAnalyzerCachePath(options: { cwd: string; root: string; location?: string }): string {
  if (options.location === undefined) return join(options.root, 'node_modules', '.cache', 'redline', CACHE_FILE);
  const path = resolve(options.cwd, options.location);
  const isFolder = /[\\/]$/.test(options.location) || (existsSync(path) && statSync(path).isDirectory());
  return isFolder ? join(path, CACHE_FILE) : path;
}

/** The cache at `path`; undefined when there is none or it cannot be read (then the analysis is a full one). */
export async function readAnalyzerCache(path: string): Promise<AnalyzerCache | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  const { parseAnalyzerCache } = await import('@redline/analyzer');
  return parseAnalyzerCache(text);
}

/**
 * Writes the cache through a temporary file and a rename, so a run that is
 * interrupted, or two hooks running at once, never leave half a file. Returns
 * the error instead of throwing: a scan does not fail because its cache could
 * not be written.
 */
export async function writeAnalyzerCache(path: string, cache: AnalyzerCache): Promise<Error | undefined> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, JSON.stringify(cache));
    await rename(temporary, path);
    return undefined;
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    return error as Error;
  }
}
