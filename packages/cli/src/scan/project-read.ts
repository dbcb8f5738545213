import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { discoverFiles } from './discover-files.js';

/** A project as the analyzer reads it from disk, before the config's ignores and the staged texts apply. */
export interface ProjectRead {
  root: string;
  /** Absolute path → text of each file discovery finds under the root, the config's ignores aside (sorted by path). */
  texts: Map<string, string>;
  /** Absolute paths of its `schema.prisma` files. */
  prismaSchemas: string[];
}

let early: Promise<ProjectRead> | undefined;

/**
 * Starts reading the project under `root` before the scan has said what to
 * analyse: the analyzer's thread does so with the working directory while
 * the main thread loads ESLint and asks git for the staged files. Returns
 * the read, which `readProject` hands to the scan.
 */
export function readProjectEarly(root: string): Promise<ProjectRead> {
  early = readProjectNow(root);
  // A failed early read only means reading again when the scan asks.
  early.catch(() => undefined);
  return early;
}

/** The project under `root`: the early read if it was of the same root, else read now. */
export async function readProject(root: string): Promise<ProjectRead> {
  const read = await early?.catch(() => undefined);
  early = undefined;
  return read?.root === root ? read : readProjectNow(root);
}

async function readProjectNow(root: string): Promise<ProjectRead> {
  const [files, prismaSchemas] = await Promise.all([
    discoverFiles({ cwd: root, paths: ['.'], ignores: { patterns: [], base: root } }),
    // Folders whose name starts with a dot cannot hold a match (no `dot` option): not entering them (.git) saves a walk.
    fg('**/*.prisma', { cwd: root, absolute: true, ignore: ['**/node_modules/**', '**/.*/**'] }),
  ]);
  return { root, texts: new Map(files.map((path) => [path, readFileSync(path, 'utf8')])), prismaSchemas };
}
