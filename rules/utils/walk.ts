import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from './ast.js';

type EntersFunction = (fn: TSESTree.Node) => boolean;
type VisitorKeys = TSESLint.SourceCode.VisitorKeys;

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

/**
 * Whether `root` or one of the descendants `walkNodes` visits matches (for any
 * root but `Program`, whose tokens and comments are not visited). The order of
 * the visit is unspecified (it follows `visitorKeys`, which is cheaper than
 * reading every key of every node), so `matches` must be a plain test.
 */
export function someNode(root: TSESTree.Node, matches: (node: TSESTree.Node) => boolean, visitorKeys: VisitorKeys, entersFunction: EntersFunction = neverEnters): boolean {
  if (matches(root)) return true;
  const keys = visitorKeys[root.type];
  if (!keys) return findNode(root, matches, entersFunction) !== undefined;
  for (const key of keys) {
    const value = (root as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const child of value) {
        if (isVisitedChild(child, entersFunction) && someNode(child, matches, visitorKeys, entersFunction)) return true;
      }
    } else if (isVisitedChild(value, entersFunction) && someNode(value, matches, visitorKeys, entersFunction)) {
      return true;
    }
  }
  return false;
}

function isVisitedChild(value: unknown, entersFunction: EntersFunction): value is TSESTree.Node {
  return isNode(value) && (!isFunctionNode(value) || entersFunction(value));
}

function findInChild(value: unknown, matches: (node: TSESTree.Node) => boolean, entersFunction: EntersFunction): TSESTree.Node | undefined {
  if (!isNode(value) || (isFunctionNode(value) && !entersFunction(value))) return undefined;
  return findNode(value, matches, entersFunction);
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
