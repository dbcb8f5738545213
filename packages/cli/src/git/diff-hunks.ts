/**
 * The added or changed lines per file of a `git diff -U0` output (paths as
 * git prints them, relative to the repository root; line numbers of the new
 * side). Pure deletions add no lines: there is nothing left to report on.
 */
export function parseChangedLines(diff: string): Map<string, Set<number>> {
  const changed = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      current = target === '/dev/null' ? undefined : new Set();
      if (current) changed.set(unquote(target).replace(/^b\//, ''), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let offset = 0; offset < count; offset++) current.add(start + offset);
    }
  }
  return changed;
}

// With core.quotePath=false git still quotes names with quotes, backslashes or control characters.
function unquote(path: string): string {
  return path.startsWith('"') && path.endsWith('"') ? (JSON.parse(path) as string) : path;
}
