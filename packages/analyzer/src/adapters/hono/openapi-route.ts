import ts from '../../project/typescript.cjs';
import type { HttpMethod } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { findLocalDeclaration, getStringValue, skipOuterExpressions } from '../../project/lexical-scope.js';
import type { ProjectModel } from '../../project/project-model.js';
import { getPropertyValue } from '../../project/object-literal.js';
import { resolveCallable } from '../../guards/classify-guard.js';

/** The methods a @hono/zod-openapi route config may name. */
const OPENAPI_METHODS: ReadonlyMap<string, HttpMethod> = new Map([
  ['get', 'GET'], ['post', 'POST'], ['put', 'PUT'], ['patch', 'PATCH'], ['delete', 'DELETE'], ['head', 'HEAD'], ['options', 'OPTIONS'],
]);
/** How many references (`routes.list` → `listRoute` → `createRoute({…})`) are followed to the config object. */
const MAX_REFERENCE_DEPTH = 5;

/** A middleware expression and the file it is written in (a config may live in a `*.routes.ts` file). */
export interface LocatedExpression {
  node: ts.Expression;
  file: AnalyzedFile;
}

/** What a route config passed to `app.openapi(config, handler)` declares. */
export interface OpenApiRoute {
  method: HttpMethod;
  /** The path in Hono's syntax: OpenAPI's `/users/{id}` is `/users/:id`. */
  path: string;
  /** The config's `middleware`, in the order it runs. */
  middleware: LocatedExpression[];
  /** False when some of the middleware could not be followed (a spread of an array the analyzer cannot see). */
  middlewareKnown: boolean;
}

/**
 * Reads the route config of `app.openapi(config, handler)`: `createRoute({
 * method, path, middleware })` inline, in a variable, imported, or a member
 * of a namespace import (`routes.list`). Undefined when the method or path
 * is not written as a literal.
 */
export function readOpenApiRoute(config: ts.Expression, file: AnalyzedFile, project: ProjectModel): OpenApiRoute | undefined {
  const found = findConfigObject(config, file, project, 0);
  if (!found) return undefined;
  const { object, file: configFile } = found;
  const method = OPENAPI_METHODS.get(getStringValue(getPropertyValue(object, 'method'))?.toLowerCase() ?? '');
  const path = getStringValue(getPropertyValue(object, 'path'));
  if (!method || path === undefined) return undefined;
  const middlewareValue = getPropertyValue(object, 'middleware');
  // `{ ...base, method, path }` may bring middleware the spread hides.
  const hasSpread = object.properties.some(ts.isSpreadAssignment);
  const middleware = middlewareValue ? readMiddleware(middlewareValue, configFile, project) : { list: [], known: !hasSpread };
  return { method, path: path.replace(/\{([^{}]+)\}/g, ':$1'), middleware: middleware.list, middlewareKnown: middleware.known };
}

/** The object literal a config expression stands for, and the file it is written in. */
function findConfigObject(
  expression: ts.Expression,
  file: AnalyzedFile,
  project: ProjectModel,
  depth: number,
): { object: ts.ObjectLiteralExpression; file: AnalyzedFile } | undefined {
  if (depth > MAX_REFERENCE_DEPTH) return undefined;
  const node = skipOuterExpressions(expression);
  if (ts.isObjectLiteralExpression(node)) return getPropertyValue(node, 'method') && getPropertyValue(node, 'path') ? { object: node, file } : undefined;
  // `createRoute({ … })` returns its argument; so does any helper of that shape.
  if (ts.isCallExpression(node)) {
    const [argument] = node.arguments;
    return node.arguments.length === 1 && argument ? findConfigObject(argument, file, project, depth + 1) : undefined;
  }
  const resolved = resolveReference(node, file, project);
  return resolved && ts.isExpression(resolved.node) ? findConfigObject(resolved.node, resolved.file, project, depth + 1) : undefined;
}

/**
 * `middleware: [requireAuth(), requireRole('admin')]`, a single handler, or
 * a variable holding the list (here or imported). A spread of a list that
 * cannot be followed makes the chain unknown.
 */
function readMiddleware(value: ts.Expression, file: AnalyzedFile, project: ProjectModel, depth = 0): { list: LocatedExpression[]; known: boolean } {
  const node = skipOuterExpressions(value);
  if (ts.isArrayLiteralExpression(node)) {
    const list: LocatedExpression[] = [];
    let known = true;
    for (const element of node.elements) {
      const inner = ts.isSpreadElement(element) ? resolveList(element.expression, file, project, depth) : readMiddleware(element, file, project, depth);
      list.push(...inner.list);
      known &&= inner.known;
    }
    return { list, known };
  }
  if (ts.isIdentifier(node)) {
    const resolved = resolveReference(node, file, project);
    const target = resolved && ts.isExpression(resolved.node) ? skipOuterExpressions(resolved.node) : undefined;
    if (resolved && target && ts.isArrayLiteralExpression(target) && depth < MAX_REFERENCE_DEPTH) return readMiddleware(target, resolved.file, project, depth + 1);
  }
  return { list: [{ node: value, file }], known: true };
}

function resolveList(expression: ts.Expression, file: AnalyzedFile, project: ProjectModel, depth: number): { list: LocatedExpression[]; known: boolean } {
  const resolved = depth < MAX_REFERENCE_DEPTH ? resolveReference(skipOuterExpressions(expression), file, project) : undefined;
  const target = resolved && ts.isExpression(resolved.node) ? skipOuterExpressions(resolved.node) : undefined;
  return resolved && target && ts.isArrayLiteralExpression(target) ? readMiddleware(target, resolved.file, project, depth + 1) : { list: [], known: false };
}

/** What an identifier or a namespace member (`routes.list`) refers to: a local variable's initialiser, or an imported declaration. */
function resolveReference(node: ts.Expression, file: AnalyzedFile, project: ProjectModel): { node: ts.Node; file: AnalyzedFile } | undefined {
  if (ts.isIdentifier(node)) {
    const local = findLocalDeclaration(node);
    if (local && ts.isVariableDeclaration(local)) return local.initializer ? { node: local.initializer, file } : undefined;
    if (local) return undefined;
    return project.resolveName(file, node.text);
  }
  return ts.isPropertyAccessExpression(node) ? resolveCallable(node, file, project) : undefined;
}
