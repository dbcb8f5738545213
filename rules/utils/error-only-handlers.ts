import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, getMemberPropertyName, isFunctionNode, unwrapExpression } from './ast.js';
import { findNode, walkNodes } from './walk.js';

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
type ResolveLocalFunction = (node: TSESTree.Node) => FunctionNode | undefined;

/** Status-setting calls in a response chain: `res.status(405)`, `reply.code(501)`, `res.sendStatus(404)`. */
const STATUS_METHODS = new Set(['status', 'code', 'sendStatus']);
/** How deep a chain of local helpers (`unsupportedAlphaFeature` → `unsupportedFeatureResponse`) is followed. */
const MAX_DEPTH = 3;

/**
 * Whether a handler can only turn the request down: it awaits nothing and
 * every way out answers with an error status (`return c.json(body, 405)`,
 * `res.status(501).json(…)`, `throw new NotImplementedException()`), itself
 * or through a helper of the same file. A feature-flag or "not implemented"
 * stub reads and changes nothing, so leaving it open exposes nothing.
 */
export function answersOnlyWithErrors(node: TSESTree.Node, resolveLocalFunction: ResolveLocalFunction, depth = 0): boolean {
  const handler = unwrapExpression(node);
  const fn = isFunctionNode(handler) ? handler : resolveLocalFunction(handler);
  if (!fn || depth > MAX_DEPTH) return false;
  if (fn.generator || findNode(fn.body, (inner) => inner.type === AST_NODE_TYPES.AwaitExpression)) return false;
  const isError = (expression: TSESTree.Node) => isErrorAnswer(expression, resolveLocalFunction, depth);
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isError(fn.body);

  const exits: TSESTree.Node[] = [];
  walkNodes(fn.body, (inner) => {
    if (inner.type === AST_NODE_TYPES.ReturnStatement || inner.type === AST_NODE_TYPES.ThrowStatement) exits.push(inner);
  });
  // Express style: no `return`, the last statement answers (`res.status(501).json(…)`).
  const last = fn.body.body.at(-1);
  if (last?.type === AST_NODE_TYPES.ExpressionStatement) exits.push(last);
  else if (last?.type !== AST_NODE_TYPES.ReturnStatement && last?.type !== AST_NODE_TYPES.ThrowStatement) return false;
  return exits.every((exit) => {
    if (exit.type === AST_NODE_TYPES.ThrowStatement) return isErrorObject(exit.argument);
    const value = exit.type === AST_NODE_TYPES.ReturnStatement ? exit.argument : (exit as TSESTree.ExpressionStatement).expression;
    return value !== null && isError(value);
  });
}

function isErrorAnswer(node: TSESTree.Node, resolveLocalFunction: ResolveLocalFunction, depth: number): boolean {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.ConditionalExpression) {
    return isErrorAnswer(expression.consequent, resolveLocalFunction, depth) && isErrorAnswer(expression.alternate, resolveLocalFunction, depth);
  }
  if (expression.type === AST_NODE_TYPES.NewExpression) return isErrorObject(expression) || hasErrorStatusArgument(expression);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  // `unsupportedFeature(c)`: a helper of this file that answers with an error itself.
  const callee = unwrapExpression(expression.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return answersOnlyWithErrors(callee, resolveLocalFunction, depth + 1);
  // `c.json(body, 405)`, `NextResponse.json(body, { status: 405 })`, `res.status(405).json(…)` anywhere in the chain.
  for (let current: TSESTree.Node = expression; ; ) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      if (hasErrorStatusArgument(current)) return true;
      const member = unwrapExpression(current.callee);
      if (member.type !== AST_NODE_TYPES.MemberExpression) return false;
      if (STATUS_METHODS.has(getMemberPropertyName(member) ?? '') && isErrorStatus(current.arguments[0])) return true;
      current = unwrapExpression(member.object);
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = unwrapExpression(current.object);
    } else {
      return false;
    }
  }
}

/** `(body, 405)` or `(body, { status: 405 })`. */
function hasErrorStatusArgument(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  return call.arguments.slice(1).some((argument) => {
    const value = unwrapExpression(argument);
    if (value.type === AST_NODE_TYPES.ObjectExpression) return isErrorStatus(findProperty(value, 'status')?.value);
    return isErrorStatus(value);
  });
}

function isErrorStatus(node: TSESTree.Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'number' && node.value >= 400 && node.value < 600;
}

/** `new NotImplementedException()`, `new HTTPException(405)`, `new Error('…')`. */
function isErrorObject(node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.NewExpression) return false;
  const callee = unwrapExpression(expression.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(callee) : undefined;
  return name !== undefined && /(?:Error|Exception)$/.test(name);
}
