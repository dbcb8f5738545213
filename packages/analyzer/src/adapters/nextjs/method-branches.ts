import ts from '../../project/typescript.cjs';
import type { HttpMethod } from '@redline/core';
import { getStringValue, skipOuterExpressions } from '../../project/lexical-scope.js';

const METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** One method a pages-router handler serves: where its branch starts, and the branches of other methods to leave out. */
export interface MethodBranch {
  method: HttpMethod;
  /** The `if (req.method === 'POST')` or `case 'POST':` a reviewer looks at; the handler when it does not branch. */
  at: ts.Node;
  /** Parts of the handler that only other methods run. */
  excluded: ts.Node[];
}

/**
 * The methods a Next.js pages-router handler serves, read from how it
 * branches on `req.method`: `if (req.method === 'POST') {…}`, a `switch` with
 * `case 'POST':`, or a guard `if (req.method !== 'POST') return res.status(405)…`.
 * A handler that does not branch serves every method (`ALL`).
 */
export function readMethodBranches(handler: ts.SignatureDeclaration): MethodBranch[] {
  const isMethod = createMethodTest(handler);
  const branches = new Map<HttpMethod, ts.Node[]>();
  const starts = new Map<HttpMethod, ts.Node>();
  let allowed: Set<HttpMethod> | undefined;

  const add = (method: HttpMethod, at: ts.Node, body: ts.Node): void => {
    if (!starts.has(method)) starts.set(method, at);
    branches.set(method, [...(branches.get(method) ?? []), body]);
  };
  const visit = (node: ts.Node): void => {
    // A nested function is another handler's business (a callback, a helper).
    if (node !== handler && ts.isFunctionLike(node)) return;
    if (ts.isIfStatement(node)) {
      const test = readMethodTest(node.expression, isMethod);
      if (test && !test.negated) {
        for (const method of test.methods) add(method, node, node.thenStatement);
      } else if (test?.negated && exits(node.thenStatement)) {
        // `if (req.method !== 'POST') return …`: the rest of the handler serves POST only.
        allowed = new Set([...(allowed ?? test.methods)].filter((method) => test.methods.has(method)));
      }
    } else if (ts.isSwitchStatement(node) && isMethod(node.expression)) {
      let pending: HttpMethod[] = [];
      for (const clause of node.caseBlock.clauses) {
        if (ts.isDefaultClause(clause)) {
          pending = [];
          continue;
        }
        const value = getStringValue(skipOuterExpressions(clause.expression))?.toUpperCase();
        if (value !== undefined && METHODS.has(value)) pending.push(value as HttpMethod);
        // `case 'PUT': case 'PATCH': {…}` share the statements of the last one.
        if (clause.statements.length === 0) continue;
        for (const method of pending) add(method, clause, clause);
        pending = [];
      }
    }
    ts.forEachChild(node, visit);
  };
  const body = (handler as ts.FunctionLikeDeclaration).body;
  if (body) visit(body);

  if (starts.size === 0) {
    return [...(allowed ?? new Set<HttpMethod>(['ALL']))].map((method) => ({ method, at: handler, excluded: [] }));
  }
  const excludedFor = (method: HttpMethod) => [...branches].filter(([other]) => other !== method).flatMap(([, bodies]) => bodies);
  // `if (!['GET', 'POST'].includes(req.method)) return …; if (req.method === 'GET') {…}`: POST is the rest of the handler.
  const unbranched = [...(allowed ?? [])].filter((method) => !starts.has(method)).map((method) => ({ method, at: handler as ts.Node, excluded: excludedFor(method) }));
  return [...[...starts].map(([method, at]) => ({ method, at, excluded: excludedFor(method) })), ...unbranched];
}

/** `req.method`, or a local taken from it (`const { method } = req`, `const method = req.method`). */
function createMethodTest(handler: ts.SignatureDeclaration): (expression: ts.Expression) => boolean {
  const request = handler.parameters[0]?.name;
  const requestName = request && ts.isIdentifier(request) ? request.text : undefined;
  const isRequestMethod = (node: ts.Expression): boolean =>
    ts.isPropertyAccessExpression(node) && node.name.text === 'method' && ts.isIdentifier(node.expression) &&
    (node.expression.text === requestName || /^req(?:uest)?$/.test(node.expression.text));
  const methodLocals = new Set<string>();
  const collect = (node: ts.Node): void => {
    if (node !== handler && ts.isFunctionLike(node)) return;
    if (ts.isVariableDeclaration(node) && node.initializer) {
      const initializer = skipOuterExpressions(node.initializer);
      if (ts.isIdentifier(node.name) && isRequestMethod(initializer)) methodLocals.add(node.name.text);
      if (ts.isObjectBindingPattern(node.name) && ts.isIdentifier(initializer) && initializer.text === requestName) {
        for (const element of node.name.elements) {
          if (ts.isIdentifier(element.name) && (element.propertyName?.getText() ?? element.name.text) === 'method') methodLocals.add(element.name.text);
        }
      }
    }
    ts.forEachChild(node, collect);
  };
  collect(handler);
  return (expression) => {
    const node = skipOuterExpressions(expression);
    return isRequestMethod(node) || (ts.isIdentifier(node) && methodLocals.has(node.text));
  };
}

/**
 * The methods a condition selects: `m === 'POST'`, `m === 'GET' || m === 'HEAD'`,
 * `['PUT', 'PATCH'].includes(m)`; negated for `m !== 'POST'` (and `&&` of those)
 * or `!['GET'].includes(m)`.
 */
function readMethodTest(condition: ts.Expression, isMethod: (expression: ts.Expression) => boolean): { methods: Set<HttpMethod>; negated: boolean } | undefined {
  const node = skipOuterExpressions(condition);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = readMethodTest(node.operand, isMethod);
    return inner && { methods: inner.methods, negated: !inner.negated };
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'includes' && node.arguments[0] && isMethod(node.arguments[0])) {
    const list = skipOuterExpressions(node.expression.expression);
    if (!ts.isArrayLiteralExpression(list)) return undefined;
    const methods = list.elements.map((element) => getStringValue(element)?.toUpperCase());
    return methods.every((method) => method !== undefined && METHODS.has(method)) ? { methods: new Set(methods as HttpMethod[]), negated: false } : undefined;
  }
  if (!ts.isBinaryExpression(node)) return undefined;
  const operator = node.operatorToken.kind;
  if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.AmpersandAmpersandToken) {
    const left = readMethodTest(node.left, isMethod);
    const right = readMethodTest(node.right, isMethod);
    // `||` of positive tests, or `&&` of negated ones (`m !== 'GET' && m !== 'POST'`).
    const negated = operator === ts.SyntaxKind.AmpersandAmpersandToken;
    if (!left || !right || left.negated !== negated || right.negated !== negated) return undefined;
    return { methods: new Set([...left.methods, ...right.methods]), negated };
  }
  const equal = operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken;
  const notEqual = operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken;
  if (!equal && !notEqual) return undefined;
  const literal = isMethod(node.left) ? node.right : isMethod(node.right) ? node.left : undefined;
  const method = literal && getStringValue(skipOuterExpressions(literal))?.toUpperCase();
  return method !== undefined && METHODS.has(method) ? { methods: new Set([method as HttpMethod]), negated: notEqual } : undefined;
}

/** Whether a statement always leaves the handler (`return res.status(405).end()`, `throw …`). */
function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements.at(-1);
    return last !== undefined && exits(last);
  }
  return false;
}
