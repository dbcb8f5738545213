import ts from '../project/typescript.cjs';

/** Names of the response object a handler sends through (`res.json`, `reply.send`) and of Koa/Hono contexts. */
const RESPONSE_OBJECTS = new Set(['res', 'response', 'reply', 'resp']);
const CONTEXT_OBJECTS = new Set(['c', 'ctx', 'context']);

/**
 * The body a node sends, if it is a response sink: `res.json(x)`,
 * `res.status(200).send(x)`, `reply.send(x)`, `c.json(x)`, `NextResponse.json(x)`,
 * `Response.json(x)`, `ctx.body = x`; `receiver` names the object it is sent through.
 */
export function getSinkPayload(node: ts.Node): { value: ts.Expression; receiver: string } | undefined {
  if (ts.isBinaryExpression(node)) {
    const isBody = node.operatorToken.kind === ts.SyntaxKind.EqualsToken && /^(?:ctx|context)(?:\.response)?\.body$/.test(node.left.getText());
    return isBody ? { value: node.right, receiver: node.left.getText().split('.')[0]! } : undefined;
  }
  if (!ts.isCallExpression(node)) return undefined;
  const callee = node.expression;
  const first = node.arguments[0];
  if (!first || !ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const owner = callee.expression.getText();
  if (method === 'json' && (owner === 'NextResponse' || owner === 'Response')) return { value: first, receiver: owner };
  let root: ts.Expression = callee.expression;
  while (ts.isCallExpression(root) || ts.isPropertyAccessExpression(root)) root = root.expression;
  if (!ts.isIdentifier(root)) return undefined;
  if ((method === 'json' || method === 'send') && RESPONSE_OBJECTS.has(root.text)) return { value: first, receiver: root.text };
  if (method === 'json' && CONTEXT_OBJECTS.has(root.text)) return { value: first, receiver: root.text };
  return undefined;
}

/** Whether an argument is a handler's response object or context, handed to a helper (`sendResponse(res, …)`). */
export function isResponseObjectArgument(node: ts.Expression): boolean {
  return ts.isIdentifier(node) && (RESPONSE_OBJECTS.has(node.text) || CONTEXT_OBJECTS.has(node.text));
}
