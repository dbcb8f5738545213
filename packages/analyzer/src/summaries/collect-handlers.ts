import ts from '../project/typescript.cjs';
import type { ProjectModel } from '../project/project-model.js';
import { skipOuterExpressions } from '../project/lexical-scope.js';
import type { RouterAdapter } from '../adapters/express/router-adapter.js';
import type { NestAdapter } from '../adapters/nestjs/nest-adapter.js';
import type { HandlerToTrace } from './response-tracer.js';
import type { FastifyAdapter } from '../adapters/fastify/fastify-adapter.js';
import { resolveFastifyHandler } from '../adapters/fastify/route-handler.js';
import { hasResponseSchema } from '../adapters/fastify/response-schema.js';
import { resolveCallable } from '../guards/classify-guard.js';

const NEXT_ROUTE_FILE = /(?:^|\/)app\/(?:.*\/)?route\.[cm]?[jt]sx?$/;
const HTTP_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Every route handler the adapters found: Express/Koa/Hono route callbacks, Nest controller methods, Next.js route exports. */
export function collectHandlers(project: ProjectModel, routers: RouterAdapter, nest: NestAdapter): HandlerToTrace[] {
  const handlers: HandlerToTrace[] = [];
  for (const router of routers.routers) {
    // A Fastify plugin's parameter looks like an Express router here; the Fastify adapter traces its handlers.
    if (router.parameterOf) continue;
    for (const event of router.events) {
      if (event.type !== 'route' && event.type !== 'openapi') continue;
      const last = skipOuterExpressions(event.type === 'route' ? event.args.at(-1)! : event.handler);
      if (ts.isFunctionLike(last)) handlers.push({ fn: last, file: event.file, returnIsResponse: false });
      else if (ts.isIdentifier(last) || (event.type === 'openapi' && ts.isPropertyAccessExpression(last))) {
        // A zod-openapi handler is often `handlers.list` on `import * as handlers from './tasks.handlers'`.
        const resolved = resolveCallable(last, event.file, project);
        if (resolved && ts.isFunctionLike(resolved.node)) handlers.push({ fn: resolved.node, file: resolved.file, returnIsResponse: false });
      }
    }
  }
  // A GraphQL operation's result is shaped by the schema's types: only the fields they declare reach the client.
  for (const endpoint of nest.endpoints) if (!endpoint.operation) handlers.push({ fn: endpoint.handler, file: endpoint.file, returnIsResponse: true });
  for (const file of project.files.values()) {
    if (!NEXT_ROUTE_FILE.test(file.relativePath)) continue;
    for (const [name, binding] of file.exports) {
      if (!HTTP_EXPORTS.has(name) || binding.kind !== 'local') continue;
      const fn = file.declarations.get(binding.local);
      if (fn && ts.isFunctionLike(fn)) handlers.push({ fn, file, returnIsResponse: false });
    }
  }
  return handlers;
}

/**
 * Fastify route handlers: what a handler returns is its response
 * (`returnIsResponse`), as is what it passes to `reply.send`. A route with a
 * response schema is left out: Fastify sends only the fields the schema lists.
 * Reads `fastify.routed`, so it runs after `buildFastifyRoutes`.
 */
export function collectFastifyHandlers(project: ProjectModel, fastify: FastifyAdapter): HandlerToTrace[] {
  const handlers: HandlerToTrace[] = [];
  for (const instance of fastify.routed) {
    for (const event of instance.events) {
      if (event.type !== 'route' || !event.handler || hasResponseSchema(event, project)) continue;
      const resolved = resolveFastifyHandler(event.handler, event.file, project);
      if (resolved) handlers.push({ fn: resolved.node, file: resolved.file, returnIsResponse: true });
    }
  }
  return handlers;
}
