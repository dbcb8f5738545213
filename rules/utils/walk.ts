import type { TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from './ast.js';

type EntersFunction = (fn: TSESTree.Node) => boolean;

const neverEnters: EntersFunction = () => false;

/**
 * Visits `root` and its descendants in source order. Nested functions are
 * skipped (what they do happens later, if at all) unless `entersFunction`
 * says otherwise, e.g. for a `new Promise(executor)` that runs at once.
 */
export function walkNodes(root: TSESTree.Node, visit: (node: TSESTree.Node) => void, entersFunction: EntersFunction = neverEnters): void {
  findNode(
    root,
    (node) => {
      visit(node);
      return false;
    },
    entersFunction,
  );
}

/**
 * The first node of `root` and its descendants, in the order `walkNodes` visits
 * them, for which `matches` is true; the walk stops there.
 */
export function findNode(root: TSESTree.Node, matches: (node: TSESTree.Node) => boolean, entersFunction: EntersFunction = neverEnters): TSESTree.Node | undefined {
  if (matches(root)) return root;
  // Children by the node's own keys (what the parser set, in its order), not by
  // visitor keys: this allocates nothing per node, and walks run on hot paths.
  for (const key in root) {
    if (key === 'parent') continue;
    const value = (root as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const child of value) {
        const found = findInChild(child, matches, entersFunction);
        if (found) return found;
      }
    } else {
      const found = findInChild(value, matches, entersFunction);
      if (found) return found;
    }
  }
  return undefined;
}

function findInChild(value: unknown, matches: (node: TSESTree.Node) => boolean, entersFunction: EntersFunction): TSESTree.Node | undefined {
  if (!isNode(value) || (isFunctionNode(value) && !entersFunction(value))) return undefined;
  return findNode(value, matches, entersFunction);
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
