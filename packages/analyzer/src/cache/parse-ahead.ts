import type ts from '../project/typescript.cjs';
import { parseSourceFile } from '../project/project-file.js';
import { toFileName } from '../project/project-model.js';
import type { AnalyzerCache } from './walk-cache.js';

/** Syntax trees built before an analysis, by file name (`toFileName`): see `parseAhead`. */
export type ParsedAhead = ReadonlyMap<string, ts.SourceFile>;

/** How far from the structural files the import graph is followed: what resolutions from them most often reach. */
const IMPORT_DEPTH = 2;

/**
 * Builds, one file per turn of the event loop and until `stop` is called, the
 * syntax trees an analysis with `cache` will most likely need: the files it
 * walks whatever changed (those the cache says are structural), then the
 * files their imports reach, nearest first. `texts` is the project as read
 * from disk (absolute path → text).
 *
 * A process that has read the project and waits for what to analyse (the
 * scan's worker thread, while the main thread loads ESLint and asks git)
 * parses meanwhile. Given to `analyze` as `parsedAhead`, a tree is used only
 * by a file with the same text, and the same text gives the same tree, so
 * the result is the same with or without them.
 */
export function parseAhead(root: string, cache: AnalyzerCache, texts: ReadonlyMap<string, string>): { trees: ParsedAhead; stop: () => void } {
  const trees = new Map<string, ts.SourceFile>();
  const byFileName = new Map([...texts].map(([path, text]) => [toFileName(path), text]));
  const queue = listLikelyParsed(cache).map((path) => toFileName(`${root}/${path}`)).reverse();
  let timer: NodeJS.Immediate | undefined;
  const next = (): void => {
    const fileName = queue.pop();
    if (fileName === undefined) return;
    const text = byFileName.get(fileName);
    if (text !== undefined) trees.set(fileName, parseSourceFile(fileName, text));
    timer = setImmediate(next);
  };
  timer = setImmediate(next);
  return { trees, stop: () => clearImmediate(timer) };
}

/** The structural files, then what their imports reach (breadth first, `IMPORT_DEPTH` deep), as paths relative to the root. */
function listLikelyParsed(cache: AnalyzerCache): string[] {
  const found = new Set(Object.keys(cache.files).filter((path) => cache.files[path]!.records === 'structural'));
  let layer = [...found];
  for (let depth = 0; depth < IMPORT_DEPTH; depth++) {
    layer = layer.flatMap((path) => cache.imports[path] ?? []).filter((path) => !found.has(path));
    for (const path of layer) found.add(path);
  }
  return [...found];
}
