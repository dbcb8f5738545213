import type { ts } from 'ts-morph';
import type { HttpMethod } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';

export type RouterFramework = 'express' | 'koa' | 'hono';

/** A call on a router in registration order: `use(...)`, `get(path, ...)`, a call that hands it to a function. */
export type RouterEvent =
  | { type: 'use'; path?: string; args: ts.Expression[]; call: ts.CallExpression; file: AnalyzedFile }
  | { type: 'route'; method: HttpMethod; path: string; args: ts.Expression[]; call: ts.CallExpression; file: AnalyzedFile }
  /** Hono's `app.openapi(routeConfig, handler)`: method, path and middleware are read from the config after the walk. */
  | { type: 'openapi'; config: ts.Expression; handler: ts.Expression; call: ts.CallExpression; file: AnalyzedFile }
  /**
   * `registerRoutes(app)`: the function's parameter routes are registered on this router here; with `property`,
   * the router went in an object (`registerRoutes({ app, db })`) and the function reads it from there.
   */
  | { type: 'pass'; callee: ts.Expression; argumentIndex: number; property?: string; call: ts.CallExpression; file: AnalyzedFile };

/** An Express app or router, a Koa app or koa-router, a Hono app, or a function parameter used as one. */
export interface RouterObject {
  framework: RouterFramework;
  /** An application (`express()`, `new Koa()`, `new Hono()`) is where requests enter. */
  isApp: boolean;
  /**
   * A function parameter that routes are registered on (`module.exports = (app) => { app.get(...) }`), or a
   * property of one (`function setup({ app }: Context)`, `ctx.app.get(…)`).
   */
  parameterOf?: { fn: ts.SignatureDeclaration; index: number; property?: string };
  file: AnalyzedFile;
  /** The call that creates it, or the parameter declaration for a parameter router. */
  creation: ts.Node;
  /** koa-router's `new Router({ prefix })`. */
  prefix: string;
  events: RouterEvent[];
  /** Set when another router mounts this one or a function receives it. */
  mounted: boolean;
  /**
   * For a router made by calling a project function (`createRouter()`), the
   * router that function creates: its events (`app.use(logger)` in the
   * factory) run before this router's own.
   */
  template?: RouterObject;
}

/**
 * `requireDirectory(module, dir, { visit: (obj) => { if (obj instanceof Router) app.use(obj.routes()) } })`:
 * every router a module in `dir` exports is mounted by the `use` call in the visitor.
 */
export interface DirectoryLoad {
  file: AnalyzedFile;
  /** The `requireDirectory(…)` call. */
  call: ts.CallExpression;
  dir: ts.Expression;
  options: ts.ObjectLiteralExpression;
  /** The visitor's parameter: the loaded module. */
  parameter: string;
  /** The `x.use(obj)` / `x.use(obj.routes())` in the visitor, whose argument is the loaded module. */
  use: ts.CallExpression;
}

/** Methods whose call returns the router itself, so more calls can be chained on it (`app.use(a).openapi(r, h)`). */
export const CHAINABLE_METHODS = new Set(['use', 'openapi', 'on', 'get', 'post', 'put', 'patch', 'delete', 'all', 'head', 'options']);

/** Methods that register a route on an Express/Koa/Hono router. */
export const ROUTE_METHODS: ReadonlyMap<string, HttpMethod> = new Map([
  ['get', 'GET'], ['post', 'POST'], ['put', 'PUT'], ['patch', 'PATCH'], ['delete', 'DELETE'], ['del', 'DELETE'],
  ['all', 'ALL'], ['head', 'HEAD'], ['options', 'OPTIONS'],
]);
