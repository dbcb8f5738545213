import type { ts } from 'ts-morph';
import type { HttpMethod } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';

/** A call on a Fastify instance that matters for routes, in source order. */
export type FastifyEvent =
  /** `get(path, [options], handler)` or `route({ method, url, handler })`; `options` carries route-level hooks. */
  | { type: 'route'; methods: HttpMethod[]; path: string; options?: ts.Expression; handler?: ts.Expression; call: ts.CallExpression; file: AnalyzedFile }
  /** `addHook('onRequest', fn)`: runs before every route of the instance's context. */
  | { type: 'hook'; hook: string; fn: ts.Expression; call: ts.CallExpression; file: AnalyzedFile }
  /** `register(plugin, options)`: resolved after the walk (another file, autoload, `fastify-plugin`). */
  | { type: 'register'; plugin: ts.Expression; options?: ts.Expression; call: ts.CallExpression; file: AnalyzedFile }
  /** `registerUserRoutes(fastify)`: a plain function call that works on the same instance. */
  | { type: 'pass'; callee: ts.Expression; argumentIndex: number; call: ts.CallExpression; file: AnalyzedFile };

/** A Fastify app (`fastify()`) or a plugin function's parameter used as an instance. */
export interface FastifyInstance {
  isApp: boolean;
  /** The function whose parameter this is: `export default async function (fastify) { … }`. */
  parameterOf?: { fn: ts.SignatureDeclaration; index: number };
  file: AnalyzedFile;
  /** The factory call, or the parameter declaration. */
  creation: ts.Node;
  events: FastifyEvent[];
}

/** Shorthand route methods of a Fastify instance. */
export const FASTIFY_ROUTE_METHODS: ReadonlyMap<string, HttpMethod> = new Map([
  ['get', 'GET'], ['post', 'POST'], ['put', 'PUT'], ['patch', 'PATCH'], ['delete', 'DELETE'],
  ['all', 'ALL'], ['head', 'HEAD'], ['options', 'OPTIONS'],
]);

/** Lifecycle hooks that run before the handler and can reject the request, in the order Fastify runs them. */
export const GUARD_HOOKS: readonly string[] = ['onRequest', 'preParsing', 'preValidation', 'preHandler'];

/** Instance methods that return the instance itself, so `fastify.withTypeProvider<T>().get(…)` is still `fastify`. */
export const SAME_INSTANCE_METHODS = new Set(['withTypeProvider', 'register', 'addHook', 'decorate', 'get', 'post', 'put', 'patch', 'delete', 'all', 'route']);

export const FASTIFY_MODULE = 'fastify';
export const FASTIFY_PLUGIN_MODULE = 'fastify-plugin';
export const AUTOLOAD_MODULES = new Set(['@fastify/autoload', 'fastify-autoload']);

/** Whether a file imports Fastify or one of its plugins: the evidence that a parameter named like an app is a Fastify instance. */
export function importsFastify(file: AnalyzedFile): boolean {
  for (const binding of file.imports.values()) {
    const specifier = binding.specifier;
    if (specifier === FASTIFY_MODULE || specifier.startsWith('@fastify/') || specifier.startsWith('fastify-')) return true;
  }
  return false;
}
