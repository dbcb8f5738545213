import ts from '../project/typescript.cjs';
import { getLocalInitializer, getTrailingName, skipOuterExpressions } from '../project/lexical-scope.js';

/** Response calls whose argument is the body sent: `res.json(x)`, `res.send(x)`, `reply.send(x)`. */
const BODY_METHODS = new Set(['json', 'send']);
const COMPARISONS = new Set([
  ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.LessThanToken, ts.SyntaxKind.GreaterThanEqualsToken, ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken,
]);

/**
 * Whether every body a handler sends is a plain answer: a yes/no
 * (`res.json(ownerCount > 0)`, `!needsSetup()`), a literal, or an object of
 * literals (`{ error: 'Failed to count owners' }`). Such a route tells whether
 * something is set up; it hands out no one's records.
 */
export function answersOnlyPlainValues(fn: ts.Node): boolean {
  if (!ts.isFunctionLike(fn)) return false;
  const bodies: ts.Expression[] = [];
  const collect = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = skipOuterExpressions(node.expression);
      if (ts.isPropertyAccessExpression(callee) && BODY_METHODS.has(callee.name.text) && node.arguments[0]) bodies.push(node.arguments[0]);
    }
    ts.forEachChild(node, collect);
  };
  ts.forEachChild(fn, collect);
  return bodies.length > 0 && bodies.every(isPlainValue);
}

function isPlainValue(node: ts.Expression): boolean {
  const expression = skipOuterExpressions(node);
  switch (expression.kind) {
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return true;
  }
  if (ts.isPrefixUnaryExpression(expression)) return expression.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isBinaryExpression(expression)) return COMPARISONS.has(expression.operatorToken.kind);
  if (ts.isObjectLiteralExpression(expression)) {
    return expression.properties.every((property) => (ts.isPropertyAssignment(property) && isPlainValue(property.initializer)) ||
      (ts.isShorthandPropertyAssignment(property) && isPlainValue(property.name)));
  }
  // `const can = await this.linkService.canApplyLink()`: the answer to a yes-or-no question.
  if (ts.isIdentifier(expression)) {
    const initializer = getLocalInitializer(expression);
    return initializer !== undefined && isPredicateCall(initializer);
  }
  return isPredicateCall(expression);
}

/** `canApplyLink()`, `await this.users.isTaken(name)`, `hasAccess(x)`: a call that asks a yes-or-no question. */
function isPredicateCall(node: ts.Expression): boolean {
  let expression = skipOuterExpressions(node);
  if (ts.isAwaitExpression(expression)) expression = skipOuterExpressions(expression.expression);
  return ts.isCallExpression(expression) && /^(?:is|has|can|should)[A-Z]/.test(getTrailingName(expression.expression));
}

/**
 * Whether every value a Nest handler returns is a plain answer (see
 * `answersOnlyPlainValues`): `return { can }` after `const can = await this.links.canApply()`.
 */
export function returnsOnlyPlainValues(method: ts.MethodDeclaration): boolean {
  const values: ts.Expression[] = [];
  let bare = false;
  const collect = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node)) {
      if (node.expression) values.push(node.expression);
      else bare = true;
    }
    ts.forEachChild(node, collect);
  };
  if (method.body) ts.forEachChild(method.body, collect);
  return !bare && values.length > 0 && values.every(isPlainValue);
}
