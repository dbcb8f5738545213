import type { ChalkInstance } from 'chalk';
import { maskLine } from './mask-secrets.js';

const CONTEXT_LINES = 1;
const MAX_FLAGGED_LINES = 3;

/**
 * A code frame: the flagged lines (at most three) with one line of context
 * each side, a `>` gutter on flagged lines and carets under a one-line span.
 * Lines over a secret have their string literals masked.
 */
export function renderCodeFrame(options: {
  lines: readonly string[];
  location: { line: number; column: number; endLine: number; endColumn: number };
  secretLines: ReadonlySet<number>;
  chalk: ChalkInstance;
  indent: string;
}): string[] {
  const { lines, location, chalk, indent } = options;
  const lastFlagged = Math.min(location.endLine, location.line + MAX_FLAGGED_LINES - 1);
  const first = Math.max(1, location.line - CONTEXT_LINES);
  const last = Math.min(lines.length, lastFlagged + CONTEXT_LINES);
  const width = String(last).length;
  const frame: string[] = [];
  for (let number = first; number <= last; number++) {
    const flagged = number >= location.line && number <= lastFlagged;
    const original = lines[number - 1] ?? '';
    const text = maskLine(original, number, options.secretLines);
    const gutter = `${flagged ? '>' : ' '} ${String(number).padStart(width)} |`;
    frame.push(`${indent}${flagged ? chalk.red(gutter) : chalk.dim(gutter)}${text ? ` ${text}` : ''}`.trimEnd());
    // Carets would point into the unmasked text, so a masked line gets none.
    if (flagged && location.line === location.endLine && number === location.line && text === original) {
      const length = Math.max(1, location.endColumn - location.column);
      frame.push(`${indent}${chalk.dim(`  ${' '.repeat(width)} |`)} ${' '.repeat(location.column - 1)}${chalk.red('^'.repeat(length))}`);
    }
  }
  return frame;
}
