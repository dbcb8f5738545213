import ts from '../project/typescript.cjs';
import type { UnscopedListReadFact } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getCodeSpan } from '../project/code-span.js';
import { getEnclosingFunction, getLocalObjectLiteral, skipOuterExpressions } from '../project/lexical-scope.js';
import { PRISMA_CLIENT } from '../summaries/orm-reads.js';
import type { NodeVisitor } from '../walk/walker.js';
import { findCallerScopedLookup } from './caller-scoped-lookups.js';

/**
 * Reads of every record of a model (`Order.find()`, `Order.find({})`,
 * `prisma.order.findMany()` with no `where`) in a file that elsewhere picks
 * the same model's records by their owner (`Order.find({ user: req.user._id })`):
 * the records are each user's, and this read hands over all of them.
 */
export class UnscopedListAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.CallExpression] as const;
  readonly found: UnscopedListReadFact[] = [];

  visit(node: ts.Node, file: AnalyzedFile): void {
    const call = node as ts.CallExpression;
    const model = readWholeListModel(call);
    const fn = model !== undefined ? getEnclosingFunction(call) : undefined;
    if (model === undefined || !fn) return;
    const scoped = findCallerScopedLookup(file.sourceFile, model, call);
    if (!scoped) return;
    this.found.push({
      at: getCodeSpan(call, file.sourceFile, file.relativePath),
      inFunction: getCodeSpan(fn, file.sourceFile, file.relativePath),
      model,
      scopedToCallerAt: getCodeSpan(scoped, file.sourceFile, file.relativePath),
    });
  }
}

/** The model of `Order.find()` / `Order.findAll()` / `prisma.order.findMany()` read with no filter at all. */
function readWholeListModel(call: ts.CallExpression): string | undefined {
  if (!ts.isPropertyAccessExpression(call.expression)) return undefined;
  const method = call.expression.name.text;
  const receiver = skipOuterExpressions(call.expression.expression);
  const [first] = call.arguments;
  const options = first ? getLocalObjectLiteral(first) : undefined;
  const unfiltered = !first || (options !== undefined && options.properties.length === 0);
  if ((method === 'find' || method === 'findAll') && ts.isIdentifier(receiver) && /^[A-Z]/.test(receiver.text) && unfiltered) return receiver.text;
  if (method === 'findMany' && ts.isPropertyAccessExpression(receiver) && PRISMA_CLIENT.test(receiver.expression.getText()) &&
    (!first || (options !== undefined && !options.properties.some((property) => property.name?.getText() === 'where')))) return receiver.name.text;
  return undefined;
}
