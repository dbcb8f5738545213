import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { toPosix } from './discover-files.js';
import type { SourceFile } from './source-file.js';

const READ_BATCH = 64;
const GENERATED_MARKER = /@generated|do not edit|auto-?generated/i;
const MINIFIED_LINE_LENGTH = 1000;

/**
 * Reads the files to scan (through `read`, so staged content can be read
 * from the index) and drops generated and minified ones, which are
 * recognised by content: a generated-code marker at the top, or very long lines.
 */
export async function readSources(options: {
  cwd: string;
  paths: readonly string[];
  /** Reads staged content instead of the work tree. */
  readStaged?: (path: string) => Promise<string>;
}): Promise<SourceFile[]> {
  const read = options.readStaged ?? ((path: string) => readFile(path, 'utf8'));
  const origin = options.readStaged ? 'index' : 'disk';
  const files: SourceFile[] = [];
  for (let start = 0; start < options.paths.length; start += READ_BATCH) {
    const batch = options.paths.slice(start, start + READ_BATCH);
    const texts = await Promise.all(batch.map(read));
    batch.forEach((path, index) => {
      const text = texts[index]!;
      if (!isGeneratedOrMinified(text)) files.push({ path, file: toPosix(relative(options.cwd, path)), text, origin });
    });
  }
  return files;
}

/** Lines looked at for minified code: a licence banner may come before the one long line. */
const MINIFIED_HEAD_LINES = 20;

/** Whether a file is generated (a marker in its first lines) or minified (a very long line among its first ones). */
export function isGeneratedOrMinified(text: string): boolean {
  const head = text.slice(0, 600);
  if (GENERATED_MARKER.test(head.split('\n').slice(0, 5).join('\n'))) return true;
  let start = 0;
  for (let line = 0; line < MINIFIED_HEAD_LINES && start < text.length; line++) {
    const end = text.indexOf('\n', start);
    const lineEnd = end === -1 ? text.length : end;
    if (lineEnd - start > MINIFIED_LINE_LENGTH) return true;
    if (end === -1) break;
    start = end + 1;
  }
  return false;
}
