import ts from '../project/typescript.cjs';
import { findLocalDeclaration, skipOuterExpressions } from '../project/lexical-scope.js';

/** Status-setting calls in a response chain: `res.status(405)`, `reply.code(501)`, `res.sendStatus(404)`. */
const STATUS_METHODS = new Set(['status', 'code', 'sendStatus']);
/** How deep a chain of local helpers (`unsupportedAlphaFeature` → `unsupportedFeatureResponse`) is followed. */
const MAX_DEPTH = 3;

/**
 * Whether a handler can only turn the request down: it awaits nothing and
 * every way out answers with an error status (`return c.json(body, 405)`,
 * `res.status(501).json(…)`, `throw new NotImplementedException()`), itself
 * or through a helper of the same file. A feature-flag or "not implemented"
 * stub reads and changes nothing. The per-file rule reads handlers the same way.
 */
export function answersOnlyWithErrors(fn: ts.Node, depth = 0): boolean {
  if (!ts.isFunctionLike(fn) || depth > MAX_DEPTH) return false;
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (!body || (fn as ts.FunctionLikeDeclaration).asteriskToken || containsAwait(body)) return false;
  if (!ts.isBlock(body)) return isErrorAnswer(body, depth);

  const exits: ts.Node[] = [];
  const collect = (node: ts.Node): void => {
    if (ts.isReturnStatement(node) || ts.isThrowStatement(node)) exits.push(node);
    if (!ts.isFunctionLike(node)) ts.forEachChild(node, collect);
  };
  ts.forEachChild(body, collect);
  // Express style: no `return`, the last statement answers (`res.status(501).json(…)`).
  const last = body.statements.at(-1);
  if (last && ts.isExpressionStatement(last)) exits.push(last);
  else if (!last || (!ts.isReturnStatement(last) && !ts.isThrowStatement(last))) return false;
  return exits.every((exit) => {
    if (ts.isThrowStatement(exit)) return isErrorObject(exit.expression);
    const value = ts.isReturnStatement(exit) ? exit.expression : (exit as ts.ExpressionStatement).expression;
    return value !== undefined && isErrorAnswer(value, depth);
  });
}

function containsAwait(node: ts.Node): boolean {
  return ts.isAwaitExpression(node) || ts.forEachChild(node, containsAwait) === true;
}

function isErrorAnswer(node: ts.Expression, depth: number): boolean {
  const expression = skipOuterExpressions(node);
  if (ts.isConditionalExpression(expression)) return isErrorAnswer(expression.whenTrue, depth) && isErrorAnswer(expression.whenFalse, depth);
  if (ts.isNewExpression(expression)) return isErrorObject(expression) || hasErrorStatusArgument(expression);
  if (!ts.isCallExpression(expression)) return false;
  // `unsupportedFeature(c)`: a helper of this file that answers with an error itself.
  const callee = skipOuterExpressions(expression.expression);
  if (ts.isIdentifier(callee)) {
    const declaration = findLocalDeclaration(callee);
    const helper = declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : declaration;
    return helper !== undefined && answersOnlyWithErrors(skipOuterExpressions(helper as ts.Expression), depth + 1);
  }
  // `c.json(body, 405)`, `NextResponse.json(body, { status: 405 })`, `res.status(405).json(…)` anywhere in the chain.
  for (let current: ts.Expression = expression; ; ) {
    if (ts.isCallExpression(current)) {
      if (hasErrorStatusArgument(current)) return true;
      const member = skipOuterExpressions(current.expression);
      if (!ts.isPropertyAccessExpression(member)) return false;
      if (STATUS_METHODS.has(member.name.text) && isErrorStatus(current.arguments[0])) return true;
      current = skipOuterExpressions(member.expression);
    } else if (ts.isPropertyAccessExpression(current)) {
      current = skipOuterExpressions(current.expression);
    } else {
      return false;
    }
  }
}

/** `(body, 405)` or `(body, { status: 405 })`. */
function hasErrorStatusArgument(call: ts.CallExpression | ts.NewExpression): boolean {
  return (call.arguments ?? []).slice(1).some((argument) => {
    const value = skipOuterExpressions(argument);
    if (!ts.isObjectLiteralExpression(value)) return isErrorStatus(value);
    const status = value.properties.find((property) => ts.isPropertyAssignment(property) && property.name.getText() === 'status');
    return status !== undefined && isErrorStatus((status as ts.PropertyAssignment).initializer);
  });
}

function isErrorStatus(node: ts.Expression | undefined): boolean {
  if (!node || !ts.isNumericLiteral(node)) return false;
  const status = Number(node.text);
  return status >= 400 && status < 600;
}

/** `new NotImplementedException()`, `new HTTPException(405)`, `new Error('…')`. */
function isErrorObject(node: ts.Expression): boolean {
  const expression = skipOuterExpressions(node);
  if (!ts.isNewExpression(expression)) return false;
  const callee = skipOuterExpressions(expression.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return name !== undefined && /(?:Error|Exception)$/.test(name);
}
