import ts from '../project/typescript.cjs';
import { isOwnerColumnName } from '@redline/core';
import { getLocalInitializer, getLocalObjectLiteral, skipOuterExpressions } from '../project/lexical-scope.js';

/** The caller as an owner value: `req.user._id`, `ctx.state.user.id`, `res.locals.user.id`, `session.user.id`. */
const CALLER_VALUE = /\b(?:req|request|ctx|c)\.(?:user|auth)\b|\.state\.user\b|\.locals\.user\b|\bsession\.user\b/;

/**
 * Another call in the file on the same model whose filter picks records by an
 * owner column set to the caller: `Order.find({ user: req.user._id })`,
 * `prisma.order.findMany({ where: { userId: req.user.id } })`.
 */
export function findCallerScopedLookup(sourceFile: ts.SourceFile, model: string, except: ts.CallExpression): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && node !== except && ts.isPropertyAccessExpression(node.expression) && node.arguments[0]) {
      const receiver = skipOuterExpressions(node.expression.expression);
      const name = ts.isIdentifier(receiver) ? receiver.text : ts.isPropertyAccessExpression(receiver) ? receiver.name.text : undefined;
      const where = getLocalObjectLiteral(node.arguments[0])?.properties.find((property) => ts.isPropertyAssignment(property) && property.name.getText() === 'where');
      const filter = where && ts.isPropertyAssignment(where) ? where.initializer : node.arguments[0];
      if (name === model && scopesToCaller(filter)) found = node;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** `{ user: req.user._id }`, or `{ user }` / `const query = { user }` after `const user = req.user._id`. */
function scopesToCaller(filter: ts.Expression): boolean {
  const literal = getLocalObjectLiteral(filter);
  return literal !== undefined && literal.properties.some((property) => {
    if (!(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) return false;
    if (!isOwnerColumnName(property.name.text)) return false;
    const value = ts.isPropertyAssignment(property) ? skipOuterExpressions(property.initializer) : property.name;
    return CALLER_VALUE.test(value.getText()) || (ts.isIdentifier(value) && CALLER_VALUE.test(getLocalInitializer(value)?.getText() ?? ''));
  });
}
