import type { TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from './ast.js';

/**
 * Visits `root` and its descendants in source order. Nested functions are
 * skipped (what they do happens later, if at all) unless `entersFunction`
 * says otherwise, e.g. for a `new Promise(executor)` that runs at once.
 */
export function walkNodes(
  root: TSESTree.Node,
  visit: (node: TSESTree.Node) => void,
  entersFunction: (fn: TSESTree.Node) => boolean = () => false,
): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const children: TSESTree.Node[] = [];
    for (const key of Object.keys(node)) {
      if (key === 'parent') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (!isNode(child)) continue;
        if (isFunctionNode(child) && !entersFunction(child)) continue;
        children.push(child);
      }
    }
    // Reversed, so that the stack visits in source order.
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
