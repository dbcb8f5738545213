import ts from '../project/typescript.cjs';
import type { AnalyzedFile } from '../project/analyzed-file.js';

/** A visitor an adapter registers for the one walk: called for every node of the kinds it names. */
export interface NodeVisitor {
  kinds: readonly ts.SyntaxKind[];
  visit(node: ts.Node, file: AnalyzedFile): void;
}

/**
 * Walks every file once and hands each node to the visitors that asked for its
 * kind. Adapters record facts here; nothing else walks the tree again.
 */
export function walkFiles(files: Iterable<AnalyzedFile>, visitors: readonly NodeVisitor[]): void {
  const byKind = new Map<ts.SyntaxKind, NodeVisitor[]>();
  for (const visitor of visitors) {
    for (const kind of visitor.kinds) {
      const list = byKind.get(kind) ?? [];
      list.push(visitor);
      byKind.set(kind, list);
    }
  }
  for (const file of files) {
    const visit = (node: ts.Node): void => {
      const interested = byKind.get(node.kind);
      if (interested) for (const visitor of interested) visitor.visit(node, file);
      ts.forEachChild(node, visit);
    };
    visit(file.sourceFile);
  }
}
