import { relative, sep } from 'node:path';

const globCache = new Map<string, RegExp>();
const globListCache = new WeakMap<readonly string[], RegExp>();

/**
 * A RegExp for a file glob: `**` spans folders (and may match none), `*` and
 * `?` stay inside one segment, `{a,b}` alternates. Matching is case-sensitive.
 */
export function globToRegExp(glob: string): RegExp {
  const cached = globCache.get(glob);
  if (cached) return cached;
  let source = '';
  let braceDepth = 0;
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === '*' && glob[index + 1] === '*') {
      // `**/` matches zero or more whole folders; a trailing `**` matches the rest.
      if (glob[index + 2] === '/') {
        source += '(?:.*/)?';
        index += 2;
      } else {
        source += '.*';
        index += 1;
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      braceDepth++;
      source += '(?:';
    } else if (char === '}' && braceDepth > 0) {
      braceDepth--;
      source += ')';
    } else if (char === ',' && braceDepth > 0) {
      source += '|';
    } else {
      source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
    }
  }
  const pattern = new RegExp(`^${source}$`);
  globCache.set(glob, pattern);
  return pattern;
}

/** Whether a `/`-separated path matches any of the globs (one pattern per list, built once). */
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  let pattern = globListCache.get(globs);
  if (!pattern) {
    pattern = globs.length === 0 ? /(?!)/ : new RegExp(globs.map((glob) => `(?:${globToRegExp(glob).source})`).join('|'));
    globListCache.set(globs, pattern);
  }
  return pattern.test(path);
}

/**
 * The linted file's path relative to ESLint's working directory, `/`-separated,
 * for matching option globs; absolute when the file lies outside it.
 */
export function getRelativeFilename(filename: string, cwd: string): string {
  // The common case, a file under the working directory, without `path.relative`'s resolving.
  const path = filename.startsWith(cwd + sep) ? filename.slice(cwd.length + 1) : filename.startsWith(cwd) ? relative(cwd, filename) : filename;
  return sep === '/' ? path : path.split(sep).join('/');
}
