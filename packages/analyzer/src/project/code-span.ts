import ts from './typescript.cjs';
import type { CodeSpan } from '@redline/core';

/**
 * A node's location as the findings contract wants it: the path relative to
 * the scan root, `/`-separated, 1-based lines and columns, and the source text
 * of the node's first line (for fingerprints and code frames).
 */
export function getCodeSpan(node: ts.Node, sourceFile: ts.SourceFile, relativePath: string): CodeSpan {
  const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  const end = sourceFile.getLineAndCharacterOfPosition(node.getEnd());
  const lineStarts = sourceFile.getLineStarts();
  const firstLine = sourceFile.text.slice(lineStarts[start.line], lineStarts[start.line + 1] ?? sourceFile.text.length);
  return {
    file: relativePath,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    code: firstLine.trim(),
  };
}
