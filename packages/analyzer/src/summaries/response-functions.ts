import ts from '../project/typescript.cjs';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import type { NodeVisitor } from '../walk/walker.js';
import type { HandlerToTrace } from './response-tracer.js';
import { RequestAssignmentAdapter } from './request-records.js';
import { getSinkPayload, isResponseObjectArgument } from './response-sinks.js';
import { getEnclosingFunction } from '../project/lexical-scope.js';
import { getTrpcResolver } from './trpc-resolvers.js';

/**
 * Functions that send a response themselves, wherever they are registered
 * (a Koa controller's static method, a handler the router adapters could not
 * follow): `ctx.body = x`, `res.json(x)`, `c.json(x)`, `NextResponse.json(x)`,
 * and those that hand their response object to a helper (`sendResponse(res, …)`),
 * which the tracer checks against the helper's summary; and tRPC resolvers,
 * whose return value is the response.
 * Recorded in the walk so responses are traced even when the route is not known.
 */
export class ResponseFunctionAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.CallExpression, ts.SyntaxKind.BinaryExpression, ts.SyntaxKind.ClassDeclaration] as const;
  readonly functions: HandlerToTrace[] = [];
  /** What middleware puts on the request for these functions to send (`req.user = …`), recorded in the same walk. */
  readonly requests = new RequestAssignmentAdapter();
  private readonly seen = new Set<ts.Node>();

  visit(node: ts.Node, file: AnalyzedFile): void {
    if (ts.isBinaryExpression(node) || ts.isClassDeclaration(node)) this.requests.visit(node, file);
    if (ts.isClassDeclaration(node)) return;
    // A tRPC resolver answers with what it returns.
    const resolver = ts.isCallExpression(node) ? getTrpcResolver(node) : undefined;
    if (resolver) {
      if (!this.seen.has(resolver)) this.functions.push({ fn: resolver, file, returnIsResponse: true });
      this.seen.add(resolver);
      return;
    }
    if (!isResponseSink(node) && !handsOnResponseObject(node)) return;
    const fn = getEnclosingFunction(node);
    if (!fn || this.seen.has(fn)) return;
    this.seen.add(fn);
    this.functions.push({ fn, file, returnIsResponse: false });
  }
}

/** Fastify's `reply` is left to the Fastify adapter, which knows when a route's response schema filters the body. */
function isResponseSink(node: ts.Node): boolean {
  const payload = getSinkPayload(node);
  return payload !== undefined && payload.receiver !== 'reply';
}

function handsOnResponseObject(node: ts.Node): boolean {
  return ts.isCallExpression(node) && node.arguments.some(isResponseObjectArgument);
}
