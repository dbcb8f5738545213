import { ts } from 'ts-morph';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import type { NodeVisitor } from '../walk/walker.js';
import type { HandlerToTrace } from './response-tracer.js';

// Fastify's `reply` is left to the Fastify adapter, which knows when a route's response schema filters the body.
const SINK_CALL = /^(?:res|response|resp|c|ctx|context)(?:\.status\([^)]*\))?\.(?:json|send)$|^(?:NextResponse|Response)\.json$/;

/**
 * Functions that send a response themselves, wherever they are registered
 * (a Koa controller's static method, a handler the router adapters could not
 * follow): `ctx.body = x`, `res.json(x)`, `c.json(x)`, `NextResponse.json(x)`.
 * Recorded in the walk so responses are traced even when the route is not known.
 */
export class ResponseFunctionAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.CallExpression, ts.SyntaxKind.BinaryExpression] as const;
  readonly functions: HandlerToTrace[] = [];
  private readonly seen = new Set<ts.Node>();

  visit(node: ts.Node, file: AnalyzedFile): void {
    if (!isResponseSink(node)) return;
    const fn = getEnclosingFunction(node);
    if (!fn || this.seen.has(fn)) return;
    this.seen.add(fn);
    this.functions.push({ fn, file, returnIsResponse: false });
  }
}

function isResponseSink(node: ts.Node): boolean {
  if (ts.isBinaryExpression(node)) {
    return node.operatorToken.kind === ts.SyntaxKind.EqualsToken && /^(?:ctx|context)(?:\.response)?\.body$/.test(node.left.getText());
  }
  return ts.isCallExpression(node) && node.arguments.length > 0 && SINK_CALL.test(node.expression.getText());
}

function getEnclosingFunction(node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return current;
  }
  return undefined;
}
