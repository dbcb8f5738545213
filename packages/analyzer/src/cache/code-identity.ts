import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CODE_FILE = /(?<!\.d)\.[cm]?[jt]s$/;

let identity: string | undefined;

/**
 * A hash of the code that decides what the walk records: this package and
 * @redline/core (its vocabulary). A version number would do for releases;
 * hashing the code also keeps a cache honest across local builds.
 */
export function getCodeIdentity(): string {
  if (identity === undefined) {
    const hash = createHash('sha1');
    const analyzerDirectory = join(dirname(fileURLToPath(import.meta.url)), '..');
    for (const directory of [analyzerDirectory, getCoreDirectory()]) {
      if (!directory) continue;
      for (const path of listCodeFiles(directory)) hash.update(path.slice(directory.length)).update(readFileSync(path));
    }
    identity = hash.digest('hex');
  }
  return identity;
}

function getCoreDirectory(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('@redline/core'));
  } catch {
    return undefined;
  }
}

function listCodeFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => CODE_FILE.test(name))
    .sort()
    .map((name) => join(directory, name));
}
