import { redact, type Category } from '@redline/core';

/** Categories whose flagged code may hold the secret itself. */
const SECRET_CATEGORIES: ReadonlySet<Category> = new Set(['secret-logging', 'hardcoded-secret']);

/**
 * Lines of one file that must not be shown as they are: every line covered by
 * a finding that is about a secret. Other findings' code frames that show
 * these lines mask them too.
 */
export function getSecretLines(findings: ReadonlyArray<{ category: Category; line: number; endLine: number }>): Set<number> {
  const lines = new Set<number>();
  for (const finding of findings) {
    if (!SECRET_CATEGORIES.has(finding.category)) continue;
    for (let line = finding.line; line <= finding.endLine; line++) lines.add(line);
  }
  return lines;
}

/**
 * Masks the content of every string and template literal on a line with
 * core's `redact` (`'hunter2'` → `'h****'`). A literal left open at the end
 * of the line (a multi-line template) is masked to the end.
 */
export function maskStringLiterals(line: string): string {
  let output = '';
  let index = 0;
  while (index < line.length) {
    const char = line[index]!;
    if (char !== "'" && char !== '"' && char !== '`') {
      output += char;
      index++;
      continue;
    }
    let end = index + 1;
    while (end < line.length && line[end] !== char) end += line[end] === '\\' ? 2 : 1;
    const content = line.slice(index + 1, Math.min(end, line.length));
    output += char + (content ? redact(content) : '') + (end < line.length ? char : '');
    index = end + 1;
  }
  return output;
}

/** Masks a whole line when it is over a secret, for frames that show the beginning of a multi-line literal. */
export function maskLine(line: string, lineNumber: number, secretLines: ReadonlySet<number>): string {
  return secretLines.has(lineNumber) ? maskStringLiterals(line) : line;
}
