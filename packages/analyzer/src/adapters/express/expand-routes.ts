import ts from '../../project/typescript.cjs';
import { CalleeResolver } from '../../summaries/resolve-callee.js';
import { isTestFile, type GuardFact, type RedlineVocabulary, type RouteFact } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { getCodeSpan } from '../../project/code-span.js';
import { findEnclosingClass, findLocalDeclaration, getLocalInitializer, getStringValue, getThisFieldName, skipOuterExpressions } from '../../project/lexical-scope.js';
import type { ProjectModel } from '../../project/project-model.js';
import { resolveCallable, resolveNamespaceMember, type GuardClassifier } from '../../guards/classify-guard.js';
import { mayNeedHandlerAuth, type HandlerInspector } from '../../guards/handler-checks.js';
import { isDeclaredPublicInComment, isPublicHandlerName, isPublicPath } from '../../guards/public-paths.js';
import { readOwnRateLimit } from '../../guards/own-rate-limit.js';
import type { RouterAdapter } from './router-adapter.js';
import type { RouterEvent, RouterObject } from './router-model.js';
import { dedupeRoutes, describeAppLocation } from '../route-list.js';
import { resolveDirectoryLoads } from './directory-loads.js';
import { readOpenApiRoute } from '../hono/openapi-route.js';
import { getPropertyValue } from '../../project/object-literal.js';
import { readsCallerFromRequest } from '../../guards/caller-reads.js';
import { answersOnlyPlainValues } from '../../guards/plain-answers.js';
import { answersOnlyWithErrors } from '../../guards/error-only-handlers.js';
import { onlyLogsAndAnswers } from '../../guards/log-only-handlers.js';
import { resolveConfiguredPath } from './configured-paths.js';
import { isUnlessPath, readEarlyExitPaths, readUnlessPaths, type UnlessPaths } from './unless-paths.js';

const MAX_MOUNT_DEPTH = 12;

/** A guard that applies only under a path (`router.use('/admin', requireAdmin)`). */
interface ScopedGuard {
  prefix: string;
  guard: GuardFact;
}

/**
 * Turns the recorded routers into routes: follows every mount from the apps
 * down (across files), carrying the path prefix and the middleware registered
 * before each mount, in Express's order-of-registration semantics.
 */
/** How many functions deep a context object handed on whole is followed (`registerRoutes` → `registerAuthRoutes`). */
const MAX_FORWARD_DEPTH = 4;

export function expandRoutes(
  adapter: RouterAdapter,
  project: ProjectModel,
  classifier: GuardClassifier,
  inspector: HandlerInspector,
  vocabulary: RedlineVocabulary,
): RouteFact[] {
  adapter.resolveFactoryRouters(project);
  adapter.resolveImportedReceivers((name, file) => resolveRouterName(name, file, adapter, project));
  // Mounts made per element of a loop, each at its element's path.
  const elementPaths = new Map<ts.Node, Map<RouterObject, string>>();
  const mounts = resolveMounts(adapter, project, elementPaths);
  const routes: RouteFact[] = [];
  /** Middleware that skips some paths (`expressjwt(…).unless({ path: ['/login'] })`), by the guard made of it. */
  const unlessPaths = new Map<GuardFact, UnlessPaths>();
  const appliesTo = (path: string) => (guard: GuardFact) => {
    const exemption = unlessPaths.get(guard);
    return !exemption || !isUnlessPath(exemption, path);
  };

  /**
   * Expands one router's events into routes and returns what a request meets
   * when it only passes through the router on its way to a later route of
   * the router that mounts it: Express runs every `use()` of a router mounted
   * without a path (`app.use(globalMiddleware)`) for any request under its
   * mount point, whether or not one of its own routes matches.
   */
  const reached = new Set<RouterObject>();
  const expand = (app: string, router: RouterObject, prefix: string, inherited: GuardFact[], scoped: ScopedGuard[], crossedFiles: boolean, reachesApp: boolean, depth: number): ScopedGuard[] => {
    if (depth > MAX_MOUNT_DEPTH) return [];
    reached.add(router);
    const base = joinPaths(prefix, router.prefix);
    const guards = [...inherited];
    const scopedGuards = [...scoped];
    const passThrough: ScopedGuard[] = [];
    // Later routes whose chain runs through middleware from another file are the analyzer's to judge.
    let crossed = crossedFiles;
    for (const event of getEvents(router)) {
      if (event.type === 'route' || event.type === 'openapi') {
        const declared = event.type === 'route'
          ? { method: event.method, path: event.path, handlerArg: event.args.at(-1)!, middleware: event.args.slice(0, -1).map((node) => ({ node, file: event.file })), middlewareKnown: true }
          : readOpenApiDeclaration(event.config, event.handler, event.file);
        if (!declared) continue;
        const path = joinPaths(base, declared.path);
        const handler = resolveHandler(declared.handlerArg, event.file, project);
        const routeGuards = declared.middleware.flatMap(({ node, file }) => flattenArray(node).map((arg) => toGuard(arg, file, 'route')));
        const applicable = [...guards, ...scopedGuards.filter((entry) => isUnder(path, entry.prefix)).map((entry) => entry.guard), ...routeGuards];
        const routeChain = applicable.filter(appliesTo(path));
        // A path the auth middleware is told to skip is public by the author's decision.
        const isPublic = isPublicRoute(path, declared.method, declared.handlerArg, handler?.node) || !applicable.every(appliesTo(path));
        routes.push({
          framework: router.framework,
          app,
          method: declared.method,
          path,
          // A chain of route calls starts on one line; each route is where its own method is written.
          at: getCodeSpan(getRegistrationNode(event.call), event.file.sourceFile, event.file.relativePath),
          ...(handler ? { handler: getCodeSpan(handler.node, handler.file.sourceFile, handler.file.relativePath) } : {}),
          // A handler that limits its callers itself (`await checkRateLimit(ip)`) counts as a limiter on the route.
          guards: handler ? [...routeChain, ...readOwnRateLimit(handler.node, handler.file, inspector)] : routeChain,
          isPublic,
          handlerChecksAuth: handler !== undefined && mayNeedHandlerAuth(routeChain, isPublic) && inspector.checksAuth(handler.node, handler.file),
          handlerChecksRole: inspector.checksRole(handler?.node),
          handlerReadsCaller: handler !== undefined && readsCallerFromRequest(handler.node),
          handlerTakesCredentials: declared.method === 'POST' && handler !== undefined && inspector.takesCredentials(handler.node),
          handlerOnlyRejects: handler !== undefined && answersOnlyWithErrors(handler.node),
          handlerOnlyLogs: handler !== undefined && onlyLogsAndAnswers(handler.node),
          handlerReturnsPlainValue: declared.method === 'GET' && handler !== undefined && answersOnlyPlainValues(handler.node),
          mountedFromOtherFile: crossed,
          // Route middleware the analyzer could not follow may authenticate: the chain is not known.
          mountKnown: reachesApp && declared.middlewareKnown,
        });
      } else if (event.type === 'use') {
        // `app.use(config.api.prefix, routes())`: a path kept in the app's settings object.
        const configuredPath = event.path === undefined && event.args.length > 1 ? resolveConfiguredPath(event.args[0], event.file, project) : undefined;
        const path = event.path ?? configuredPath;
        const usePath = path === undefined ? undefined : joinPaths(base, stripWildcard(path));
        const mountGuards: GuardFact[] = [];
        const childPaths = elementPaths.get(event.args[0]!);
        for (const arg of event.args.flatMap((value) => flattenArray(value))) {
          if ((childPaths || configuredPath !== undefined) && arg === event.args[0]) continue;
          const children = mounts.get(arg);
          if (children) {
            for (const child of children) {
              const childPath = childPaths?.get(child);
              const through = expand(app, child, childPath !== undefined ? joinPaths(base, childPath) : usePath ?? base, [...guards, ...mountGuards], scopedGuards, crossed || child.file !== event.file, reachesApp, depth + 1);
              // koa-router runs its `use()` middleware only for requests one of its own routes matches.
              if (child.framework !== 'express') continue;
              scopedGuards.push(...through);
              passThrough.push(...through);
              if (usePath === undefined && child.file !== event.file) crossed = true;
            }
            continue;
          }
          const guard = toGuard(arg, event.file, usePath === undefined ? (router.isApp ? 'global' : 'router') : 'mount');
          mountGuards.push(guard);
          passThrough.push({ prefix: usePath ?? base, guard });
          // `app.use('/admin', requireAdmin)` guards later routes under /admin; `app.use(auth)` guards all later routes.
          if (usePath === undefined || usePath === '/') guards.push(guard);
          else scopedGuards.push({ prefix: usePath, guard });
          if (usePath === undefined && isFromOtherFile(arg, event.file)) crossed = true;
        }
      } else {
        for (const child of mounts.get(event.call.arguments[event.argumentIndex]!) ?? []) {
          const through = expand(app, child, base, guards, scopedGuards, crossed || child.file !== event.file, reachesApp, depth + 1);
          // `registerRoutes(app)` registers on this very router, so its middleware applies to later routes here;
          // routers a folder load mounts through the hand-off (`initCore(app)`) are children like any other.
          if (!child.parameterOf && child.framework !== 'express') continue;
          scopedGuards.push(...through);
          passThrough.push(...through);
          if (child.file !== event.file) crossed = true;
        }
      }
    }
    return passThrough;
  };

  const mounted = new Set([...mounts.values()].flat());
  // Apps and routers a test builds (`const app = express(); app.post('/x', handler)` in a spec) are not the app's routes.
  const inTest = (router: RouterObject) => isTestFile(router.file.relativePath);
  // A factory's router (`new OpenAPIHono()` in `createRouter`) is an app through the routers its calls make.
  const templates = new Set(adapter.routers.flatMap((router) => (router.template ? [router.template] : [])));
  for (const router of adapter.routers) {
    if (router.isApp && !mounted.has(router) && !templates.has(router) && !inTest(router)) expand(describeAppLocation(router.file, router.creation), router, '', [], [], false, true, 0);
  }
  for (const router of adapter.routers) {
    // A router nobody mounts (or mounts in a way we could not follow) is listed on its own, marked as such.
    if (!router.isApp && !mounted.has(router) && !router.parameterOf && !templates.has(router) && !inTest(router)) {
      project.unresolved.mounts++;
      expand(describeAppLocation(router.file, router.creation), router, '', [], [], false, false, 0);
    }
  }
  // A function's parameter used as a router (`export default ({ app }) => { app.get(…); app.use('/api', routes()) }`)
  // that no call the analyzer follows hands a router to: its routes, and those of the routers it mounts, are listed
  // on their own too.
  for (const router of adapter.routers) {
    if (router.parameterOf && !reached.has(router) && !inTest(router)) {
      project.unresolved.mounts++;
      expand(describeAppLocation(router.file, router.creation), router, '', [], [], false, false, 0);
    }
  }
  return dedupeRoutes(routes);

  /** Method, path, handler and middleware of `app.openapi(config, handler)`, from its route config. */
  function readOpenApiDeclaration(config: ts.Expression, handlerArg: ts.Expression, file: AnalyzedFile) {
    const declared = readOpenApiRoute(config, file, project);
    return declared && { ...declared, handlerArg };
  }

  function toGuard(arg: ts.Expression, file: AnalyzedFile, scope: GuardFact['scope']): GuardFact {
    const kind = classifier.classify(arg, file);
    const guard = { ...kind, scope, at: getCodeSpan(arg, file.sourceFile, file.relativePath) };
    const exemption = readUnlessPaths(getLocalInitializer(arg) ?? arg) ?? readEarlyExitPaths(skipOuterExpressions(arg));
    if (exemption) unlessPaths.set(guard, exemption);
    return guard;
  }

  /**
   * A public path or flow (`/login`, `signupUser`), unless the handler creates admin accounts; a handler that opts
   * out itself; or a route its author declares public in the comment above it.
   */
  function isPublicRoute(path: string, method: string, handlerArg: ts.Expression, handler: ts.Node | undefined): boolean {
    const publicFlow = isPublicPath(path, method, vocabulary.publicRoutes) || isPublicHandlerName(getHandlerName(handlerArg));
    return (publicFlow && !inspector.createsAdminAccount(handler)) || inspector.optsOutOfAuth(handler) || isDeclaredPublicInComment(handlerArg) ||
      (method === 'POST' && !path.includes(':') && inspector.takesCredentials(handler));
  }

  /** `app.use(globalMiddleware)` where the name is declared in another project file. */
  function isFromOtherFile(arg: ts.Expression, file: AnalyzedFile): boolean {
    const node = skipOuterExpressions(arg);
    const root = ts.isCallExpression(node) ? node.expression : node;
    const name = ts.isIdentifier(root) ? root.text : ts.isPropertyAccessExpression(root) && ts.isIdentifier(root.expression) ? root.expression.text : undefined;
    const resolved = name === undefined ? undefined : project.resolveName(file, name);
    return resolved !== undefined && resolved.file !== file;
  }
}



/**
 * A router's calls in registration order: for a router a factory made, the
 * factory's own calls (`app.use(logger)` in `createApp`) first. Calls are
 * ordered by where their method is written, so a chain
 * (`app.use(auth).openapi(r, h)`, which the walk meets outside in) reads
 * left to right.
 */
function getEvents(router: RouterObject, depth = 0): RouterEvent[] {
  const position = (event: RouterEvent) => getRegistrationNode(event.call).getStart();
  const own = [...router.events].sort((a, b) => position(a) - position(b) || a.file.absolutePath.localeCompare(b.file.absolutePath));
  return router.template && depth < MAX_MOUNT_DEPTH ? [...getEvents(router.template, depth + 1), ...own] : own;
}

/**
 * The node a reviewer looks at for a router call: the call, or in a chain
 * (`new Hono().get(a, h).post(b, h)`, `router.route('/x').get(h)`) its
 * method name, where that call is written (as the plugin reports it).
 */
function getRegistrationNode(call: ts.CallExpression): ts.Node {
  const callee = call.expression;
  // In a chain (`new Hono().post(…)`, `router.route('/x').get(…)`) the call starts where the chain does: point at the method.
  if (!ts.isPropertyAccessExpression(callee)) return call;
  const receiver = skipOuterExpressions(callee.expression);
  return ts.isCallExpression(receiver) || ts.isNewExpression(receiver) ? callee.name : call;
}

/**
 * Which router each `use(...)` argument and each hand-off call mounts:
 * a router variable (here or imported), `router.routes()` (Koa),
 * `require('./routes')`, or a factory function that creates and returns one.
 */
function resolveMounts(adapter: RouterAdapter, project: ProjectModel, elementPaths: Map<ts.Node, Map<RouterObject, string>>): Map<ts.Node, RouterObject[]> {
  const mounts = new Map<ts.Node, RouterObject[]>();
  for (const router of adapter.routers) {
    // A test that mounts the app's router on an app of its own does not say where the app mounts it.
    if (isTestFile(router.file.relativePath)) continue;
    for (const event of router.events) {
      if (event.type === 'use') {
        const elementMounts = event.path === undefined ? resolveElementMounts(event.args, event.file, adapter, project) : undefined;
        if (elementMounts) {
          for (const { router: child } of elementMounts.children) child.mounted = true;
          mounts.set(elementMounts.routerArg, elementMounts.children.map(({ router: child }) => child));
          elementPaths.set(elementMounts.pathArg, new Map(elementMounts.children.map(({ router: child, path }) => [child, path])));
          continue;
        }
        for (const arg of event.args.flatMap((value) => flattenArray(value))) {
          const children = resolveRouterList(arg, event.file, adapter, project).filter((child) => child !== router);
          for (const child of children) child.mounted = true;
          if (children.length > 0) mounts.set(arg, children);
        }
      } else if (event.type === 'pass') {
        const children = resolveParameterRouters(event.callee, event.argumentIndex, event.property, event.file, adapter, project, router.framework);
        for (const child of children) child.mounted = true;
        if (children.length > 0) mounts.set(event.call.arguments[event.argumentIndex]!, children);
      }
    }
  }
  const isDefaultExport = (file: AnalyzedFile, router: RouterObject) => {
    const exported = project.resolveExport(file, 'default');
    return exported !== undefined && findRouterAt(exported.node, adapter) === router;
  };
  for (const [node, children] of resolveDirectoryLoads(adapter, project, isDefaultExport)) {
    for (const child of children) child.mounted = true;
    mounts.set(node, [...(mounts.get(node) ?? []), ...children]);
  }
  return mounts;
}

/**
 * `moduleRoutes.forEach((route) => router.use(route.path, route.route))` over
 * `const moduleRoutes = [{ path: '/user', route: UserRoutes }, …]`: each
 * element mounts its router at its own path.
 */
function resolveElementMounts(args: ts.Expression[], file: AnalyzedFile, adapter: RouterAdapter, project: ProjectModel) {
  const [pathArg, routerArg] = args.map((arg) => skipOuterExpressions(arg));
  if (args.length !== 2 || !pathArg || !routerArg || !ts.isPropertyAccessExpression(pathArg) || !ts.isPropertyAccessExpression(routerArg)) return undefined;
  const item = pathArg.expression;
  if (!ts.isIdentifier(item) || !ts.isIdentifier(routerArg.expression) || routerArg.expression.text !== item.text) return undefined;
  const iterated = findIteratedArray(item);
  const resolved = iterated ? resolveArray(iterated, file, project) : undefined;
  const array = resolved && ts.isExpression(resolved.node) ? skipOuterExpressions(resolved.node) : undefined;
  if (!resolved || !array || !ts.isArrayLiteralExpression(array)) return undefined;
  const children = array.elements.flatMap((element) => {
    const object = skipOuterExpressions(element);
    if (!ts.isObjectLiteralExpression(object)) return [];
    const path = getStringValue(getPropertyValue(object, pathArg.name.text));
    const value = getPropertyValue(object, routerArg.name.text);
    const router = value ? resolveRouterExpression(value, resolved.file, adapter, project) : undefined;
    return path !== undefined && router ? [{ router, path }] : [];
  });
  return children.length > 0 ? { pathArg: args[0]!, routerArg: args[1]!, children } : undefined;
}

/**
 * The routers an argument mounts: one, each of an array exported elsewhere
 * (`module.exports = [users, posts]`), or each element of the array a loop
 * mounts (`routes.forEach((route) => app.route('/', route))`,
 * `for (const route of routes)`).
 */
function resolveRouterList(arg: ts.Expression, file: AnalyzedFile, adapter: RouterAdapter, project: ProjectModel): RouterObject[] {
  const single = resolveRouterExpression(arg, file, adapter, project);
  if (single) return [single];
  const node = skipOuterExpressions(arg);
  if (!ts.isIdentifier(node)) return [];
  const iterated = findIteratedArray(node);
  const resolved = iterated ? resolveArray(iterated, file, project) : project.resolveName(file, node.text);
  const array = resolved && ts.isExpression(resolved.node) ? skipOuterExpressions(resolved.node) : undefined;
  if (!resolved || !array || !ts.isArrayLiteralExpression(array)) return [];
  return array.elements.flatMap((element) => {
    const child = resolveRouterExpression(element, resolved.file, adapter, project);
    return child ? [child] : [];
  });
}

/** The array whose elements a loop variable takes: `list.forEach((item) => …)`, `for (const item of list)`. */
function findIteratedArray(identifier: ts.Identifier): ts.Expression | undefined {
  for (let node: ts.Node = identifier; node.parent; node = node.parent) {
    const loop = node.parent;
    // The lexical-scope lookup sees block statements, not a loop's own declaration list.
    if (ts.isForOfStatement(loop) && node === loop.statement && ts.isVariableDeclarationList(loop.initializer) &&
      loop.initializer.declarations.some((declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === identifier.text)) {
      return loop.expression;
    }
    if (ts.isFunctionLike(loop)) break;
  }
  const declaration = findLocalDeclaration(identifier);
  if (!declaration || !ts.isParameter(declaration)) return undefined;
  const fn = declaration.parent;
  const call = fn.parent;
  const isFirstParameter = ts.isFunctionLike(fn) && fn.parameters[0] === declaration;
  return isFirstParameter && ts.isCallExpression(call) && call.arguments[0] === fn && ts.isPropertyAccessExpression(call.expression) &&
    call.expression.name.text === 'forEach' ? call.expression.expression : undefined;
}

/** An array expression as written, or the initialiser of the variable (here or imported) that holds it. */
export function resolveArray(expression: ts.Expression, file: AnalyzedFile, project: ProjectModel): { node: ts.Node; file: AnalyzedFile } | undefined {
  const node = skipOuterExpressions(expression);
  if (!ts.isIdentifier(node)) return { node, file };
  const local = findLocalDeclaration(node);
  if (local) return ts.isVariableDeclaration(local) && local.initializer ? { node: local.initializer, file } : undefined;
  return project.resolveName(file, node.text);
}

function resolveRouterExpression(arg: ts.Expression, file: AnalyzedFile, adapter: RouterAdapter, project: ProjectModel): RouterObject | undefined {
  const node = skipOuterExpressions(arg);
  const local = adapter.getRouterOf(node);
  if (local) return local;
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee) && ['routes', 'middleware', 'allowedMethods'].includes(callee.name.text)) {
      return callee.name.text === 'allowedMethods' ? undefined : resolveRouterExpression(callee.expression, file, adapter, project);
    }
    if (isRequireCall(node)) {
      const exported = resolveRequiredExport(node, 'default', file, project);
      return exported ? findRouterAt(exported.node, adapter) : undefined;
    }
    return resolveFactoryRouter(node, file, adapter, project);
  }
  if (ts.isIdentifier(node)) {
    // `const [apiRouter, adminRouter] = require('./apiv3')(crowi)`: the routers the factory returns, by position.
    const destructured = findArrayBinding(node);
    if (destructured) {
      const made = resolveFactoryRouter(destructured.call, file, adapter, project, destructured.index);
      if (made) return made;
    }
    return resolveRouterName(node.text, file, adapter, project);
  }
  // `app.use('/admin', adminApp.handlers)`, with `import * as adminApp from './app-admin.js'` and
  // `export { app as handlers }` there: an export of a namespace import.
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
    const binding = file.imports.get(node.expression.text);
    const target = binding?.imported === '*' ? project.resolveModule(file, binding.specifier) : undefined;
    return resolveRouterDeclaration(target && project.resolveExport(target, node.name.text), adapter, project);
  }
  // `this.apiRouter.router` with `this.apiRouter = new ApiRouter(this)`, `apiRouter.router` with `const apiRouter =
  // new ApiRouter()`: the router that class keeps in that field.
  if (ts.isPropertyAccessExpression(node)) {
    const owner = resolveInstanceClass(node.expression, file, project);
    const router = owner && adapter.getClassFieldRouter(owner.node, node.name.text);
    if (router) return router;
  }
  // `app.use(require('./lib/routes').router)` with `exports.router = appRouter` there; also through a name
  // (`const routerConfig = require('./router-config'); app.use(routerConfig.api.routes())`).
  if (ts.isPropertyAccessExpression(node)) {
    const owner = skipOuterExpressions(node.expression);
    const initializer = ts.isIdentifier(owner) ? getLocalInitializer(owner) : owner;
    const required = initializer && skipOuterExpressions(initializer);
    if (required && isRequireCall(required)) return resolveRouterDeclaration(resolveRequiredExport(required, node.name.text, file, project), adapter, project);
  }
  return undefined;
}

/** The class of the instance an expression holds: `new ApiRouter(…)` in a variable or a field of `this`. */
function resolveInstanceClass(expression: ts.Expression, file: AnalyzedFile, project: ProjectModel): { node: ts.Node; file: AnalyzedFile } | undefined {
  const target = skipOuterExpressions(expression);
  let value: ts.Expression | undefined;
  if (ts.isIdentifier(target)) {
    value = getLocalInitializer(target);
  } else {
    const field = getThisFieldName(target);
    const owner = field !== undefined ? findEnclosingClass(target) : undefined;
    value = owner && field !== undefined ? findFieldInitializer(owner, field) : undefined;
  }
  const created = value && skipOuterExpressions(value);
  if (!created || !ts.isNewExpression(created) || !ts.isIdentifier(created.expression)) return undefined;
  const resolved = project.resolveName(file, created.expression.text);
  return resolved && ts.isClassLike(resolved.node) ? resolved : undefined;
}

/** What a class puts in a field: `apiRouter = new ApiRouter()`, or `this.apiRouter = …` in one of its methods. */
function findFieldInitializer(owner: ts.ClassLikeDeclaration, field: string): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === field && node.initializer) found = node.initializer;
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && getThisFieldName(node.left) === field) found = node.right;
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(owner, visit);
  return found;
}

/** The router a name stands for, through aliases (`export const UserRoutes: Router = router`). */
function resolveRouterName(name: string, file: AnalyzedFile, adapter: RouterAdapter, project: ProjectModel, depth = 0): RouterObject | undefined {
  return resolveRouterDeclaration(project.resolveName(file, name), adapter, project, depth);
}

function resolveRouterDeclaration(
  resolved: { node: ts.Node; file: AnalyzedFile } | undefined,
  adapter: RouterAdapter,
  project: ProjectModel,
  depth = 0,
): RouterObject | undefined {
  if (!resolved) return undefined;
  const node = skipOuterExpressions(resolved.node as ts.Expression);
  if (ts.isIdentifier(node) && depth < 3) return resolveRouterName(node.text, resolved.file, adapter, project, depth + 1);
  // `exports.api = apiRouter.get('/a', a).post('/b', b)`: the router the chain is called on.
  return findRouterAt(resolved.node, adapter) ?? (ts.isCallExpression(node) ? adapter.getRouterOf(node) : undefined);
}

/** The router a declaration stands for: its initialiser chain, or the one a factory function returns. */
function findRouterAt(node: ts.Node, adapter: RouterAdapter): RouterObject | undefined {
  return adapter.routerByNode.get(node) ?? findRouterCreatedIn(node, adapter);
}

/**
 * The router a factory call makes: `makeRouter(deps)`, `require('./users')(crowi)` (a CommonJS module that exports
 * the factory): created in the factory, or created beside it and returned (`return router`); with `index`, the
 * element of the array it returns (`return [router, adminRouter]`).
 */
function resolveFactoryRouter(call: ts.CallExpression, file: AnalyzedFile, adapter: RouterAdapter, project: ProjectModel, index?: number): RouterObject | undefined {
  const callee = skipOuterExpressions(call.expression);
  let factory: { node: ts.Node; file: AnalyzedFile } | undefined;
  if (ts.isIdentifier(callee)) factory = project.resolveName(file, callee.text);
  else if (isRequireCall(callee)) factory = resolveRequiredExport(callee, 'default', file, project);
  if (!factory) return undefined;
  const fn = ts.isExpression(factory.node) ? skipOuterExpressions(factory.node) : factory.node;
  return findReturnedRouter(fn, adapter, index) ?? (index === undefined ? findRouterCreatedIn(fn, adapter) : undefined);
}

/** `const [apiRouter, adminRouter] = makeRouters(deps)` in an enclosing block: the call and the name's position. */
function findArrayBinding(identifier: ts.Identifier): { call: ts.CallExpression; index: number } | undefined {
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        const initializer = declaration.initializer && skipOuterExpressions(declaration.initializer);
        if (!ts.isArrayBindingPattern(declaration.name) || !initializer || !ts.isCallExpression(initializer)) continue;
        const index = declaration.name.elements.findIndex((element) => ts.isBindingElement(element) && ts.isIdentifier(element.name) && element.name.text === identifier.text);
        if (index >= 0) return { call: initializer, index };
      }
    }
  }
  return undefined;
}

/** `require('./routes')`. */
function isRequireCall(node: ts.Expression): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require';
}

/** The export `name` of the project module a `require('./x')` call loads (`default`: `module.exports`). */
function resolveRequiredExport(call: ts.CallExpression, name: string, file: AnalyzedFile, project: ProjectModel): { node: ts.Node; file: AnalyzedFile } | undefined {
  const specifier = getStringValue(call.arguments[0]);
  const module = specifier ? project.resolveModule(file, specifier) : undefined;
  return module ? project.resolveExport(module, name) : undefined;
}

/** The router a function returns (`return router`), or the `index`th of the array it returns. */
function findReturnedRouter(fn: ts.Node, adapter: RouterAdapter, index: number | undefined): RouterObject | undefined {
  if (!ts.isFunctionLike(fn)) return undefined;
  let found: RouterObject | undefined;
  const visit = (node: ts.Node): void => {
    if (found || (node !== fn && ts.isFunctionLike(node))) return;
    if (ts.isReturnStatement(node) && node.expression) {
      const returned = skipOuterExpressions(node.expression);
      const element = index === undefined ? returned : ts.isArrayLiteralExpression(returned) ? returned.elements[index] : undefined;
      found = element ? adapter.getRouterOf(element) : undefined;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn, visit);
  return found;
}

function findRouterCreatedIn(node: ts.Node, adapter: RouterAdapter): RouterObject | undefined {
  if (!ts.isFunctionLike(node)) return undefined;
  return adapter.routers.find((router) => !router.parameterOf && isWithin(router.creation, node));
}

/**
 * The routers a function makes of what it is handed at `index`: its parameter used as a router, or with
 * `property`, the router it reads off an object parameter (`function setup({ app })`, `ctx.app.get(…)`) — itself
 * or in the functions it hands that parameter on to whole (`registerAuthRoutes(context)`).
 */
function resolveParameterRouters(
  callee: ts.Expression,
  index: number,
  property: string | undefined,
  file: AnalyzedFile,
  adapter: RouterAdapter,
  project: ProjectModel,
  framework: RouterObject['framework'],
  depth = 0,
): RouterObject[] {
  const target = skipOuterExpressions(callee);
  let resolved: { node: ts.Node; file: AnalyzedFile } | undefined;
  if (ts.isIdentifier(target)) resolved = project.resolveName(file, target.text);
  // `Router.initialize(webRouter)`, `SubscriptionRouter.apply(webRouter)`: a method of an imported module or object.
  else if (ts.isPropertyAccessExpression(target)) resolved = new CalleeResolver(project).resolveFunction(target, file);
  // require('./routes')(app)
  else if (isRequireCall(target)) resolved = resolveRequiredExport(target, 'default', file, project);
  // require('./loaders').default({ expressApp: app })
  if (!resolved && ts.isPropertyAccessExpression(target) && isRequireCall(skipOuterExpressions(target.expression))) {
    resolved = resolveRequiredExport(skipOuterExpressions(target.expression) as ts.CallExpression, target.name.text, file, project);
  }
  if (!resolved) return [];
  const fn = resolved.node;
  const own = adapter.routers.find((router) => router.parameterOf?.fn === fn && router.parameterOf.index === index && router.parameterOf.property === property) ??
    (property === undefined ? adapter.routerForHandOff(fn, index, framework) : undefined);
  if (own || depth >= MAX_FORWARD_DEPTH) {
    if (property === undefined || depth >= MAX_FORWARD_DEPTH) return own ? [own] : [];
  } else if (property === undefined) {
    // `function initRoutes(app) { initRootRoutes(app); initAuthorRoutes(app); }`: a function that only hands the app
    // on is no router itself; the functions it hands it to are.
    return findParameterForwards(fn, index)
      .flatMap((forward) => resolveParameterRouters(forward.callee, forward.argumentIndex, undefined, resolved.file, adapter, project, framework, depth + 1));
  }
  const forwarded = [
    ...findParameterForwards(fn, index).map((forward) => ({ ...forward, property })),
    ...findPropertyForwards(fn, index, property),
  ].flatMap((forward) => resolveParameterRouters(forward.callee, forward.argumentIndex, forward.property, resolved.file, adapter, project, framework, depth + 1));
  return own ? [own, ...forwarded] : forwarded;
}

/**
 * `async ({ expressApp }) => { await expressLoader({ app: expressApp }) }`: the calls that hand the property
 * `property` of parameter `index`, taken out by destructuring, on in an object, under its key there.
 */
function findPropertyForwards(fn: ts.Node, index: number, property: string): { callee: ts.Expression; argumentIndex: number; property: string }[] {
  const parameter = ts.isFunctionLike(fn) ? fn.parameters[index] : undefined;
  const body = parameter && (fn as ts.FunctionLikeDeclaration).body;
  if (!parameter || !body || !ts.isObjectBindingPattern(parameter.name)) return [];
  const element = parameter.name.elements.find((candidate) => ((candidate.propertyName ?? candidate.name) as ts.Node).getText() === property);
  if (!element || !ts.isIdentifier(element.name)) return [];
  const local = element.name.text;
  const forwards: { callee: ts.Expression; argumentIndex: number; property: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      node.arguments.forEach((argument, argumentIndex) => {
        if (!ts.isObjectLiteralExpression(argument)) return;
        for (const entry of argument.properties) {
          const value = ts.isShorthandPropertyAssignment(entry) ? entry.name : ts.isPropertyAssignment(entry) ? entry.initializer : undefined;
          if (value && ts.isIdentifier(value) && value.text === local && entry.name && ts.isIdentifier(entry.name)) {
            forwards.push({ callee: node.expression, argumentIndex, property: entry.name.text });
          }
        }
      });
    }
    if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return forwards;
}

/** `registerAuthRoutes(context)` in `registerRoutes(context)`: the calls that hand parameter `index` on whole. */
function findParameterForwards(fn: ts.Node, index: number): { callee: ts.Expression; argumentIndex: number }[] {
  const parameter = ts.isFunctionLike(fn) ? fn.parameters[index] : undefined;
  const body = parameter && (fn as ts.FunctionLikeDeclaration).body;
  if (!parameter || !body || !ts.isIdentifier(parameter.name)) return [];
  const forwards: { callee: ts.Expression; argumentIndex: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node) && ts.isCallExpression(skipOuterExpressions(node.expression))) {
      const call = skipOuterExpressions(node.expression) as ts.CallExpression;
      call.arguments.forEach((argument, argumentIndex) => {
        if (ts.isIdentifier(argument) && findLocalDeclaration(argument) === parameter) forwards.push({ callee: call.expression, argumentIndex });
      });
    }
    if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return forwards;
}

/**
 * `const controller = wrapController(rawController)` with `import * as rawController from './x.controller'`:
 * `controller.upsert` is the module's `upsert`, run inside the wrapper (which adds error handling, not auth).
 */
function resolveWrappedMember(owner: { node: ts.Node; file: AnalyzedFile }, name: string, project: ProjectModel): { node: ts.Node; file: AnalyzedFile } | undefined {
  const call = ts.isExpression(owner.node) ? skipOuterExpressions(owner.node) : owner.node;
  const wrapped = ts.isCallExpression(call) ? call.arguments.at(-1) : undefined;
  if (!wrapped || !ts.isIdentifier(wrapped)) return undefined;
  const exported = resolveNamespaceMember(wrapped.text, name, owner.file, project);
  if (exported) return exported;
  const inner = project.resolveName(owner.file, wrapped.text);
  const member = inner ? findMember(inner.node, name) : undefined;
  return inner && member ? { node: member, file: inner.file } : undefined;
}

/**
 * The function that handles a route, and its file: inline, imported, a method
 * of an imported controller, wrapped (`asyncHandler(h)`), or made by a
 * factory (`uploadImage()`: the factory's body holds the handler).
 */
function resolveHandler(handler: ts.Expression, file: AnalyzedFile, project: ProjectModel, depth = 0): { node: ts.Node; file: AnalyzedFile } | undefined {
  const node = skipOuterExpressions(handler);
  if (ts.isFunctionLike(node)) return { node, file };
  if (ts.isCallExpression(node) && depth < 3) {
    const wrapped = node.arguments.at(-1);
    return (wrapped && resolveHandler(wrapped, file, project, depth + 1)) ?? resolveCallable(node.expression, file, project);
  }
  if (ts.isIdentifier(node)) return project.resolveName(file, node.text);
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
    // controller.create: find the method on the resolved object or class
    const owner = project.resolveName(file, node.expression.text);
    const member = owner ? findMember(owner.node, node.name.text) : undefined;
    if (owner && member) return { node: member, file: owner.file };
    // handlers.list on `import * as handlers from './tasks.handlers'`
    return resolveCallable(node, file, project) ?? (owner && resolveWrappedMember(owner, node.name.text, project)) ?? new CalleeResolver(project).resolveFunction(node, file);
  }
  // `controller.record.deleteRecord`, where `controller` is a barrel of required modules.
  if (ts.isPropertyAccessExpression(node)) return new CalleeResolver(project).resolveFunction(node, file);
  return undefined;
}

function findMember(owner: ts.Node, name: string): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if ((ts.isMethodDeclaration(node) || ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node)) && node.name.getText() === name) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(owner);
  return found;
}

/** `signup`, `authController.login`, `asyncHandler(register)` → the name a reader sees. */
function getHandlerName(handler: ts.Expression): string | undefined {
  const node = skipOuterExpressions(handler);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isCallExpression(node)) {
    const inner = node.arguments.at(-1);
    return inner ? getHandlerName(inner) : undefined;
  }
  if (ts.isFunctionExpression(node)) return node.name?.text;
  return undefined;
}

function flattenArray(node: ts.Expression): ts.Expression[] {
  const expression = skipOuterExpressions(node);
  return ts.isArrayLiteralExpression(expression) ? expression.elements.flatMap((element) => flattenArray(element)) : [node];
}

function isWithin(node: ts.Node, container: ts.Node): boolean {
  return node.getSourceFile() === container.getSourceFile() && node.pos >= container.pos && node.end <= container.end;
}

function stripWildcard(path: string): string {
  return path.replace(/\/?\*+$/, '') || '/';
}

/** Joins a mount prefix and a path: `/api` + `/orders/:id` → `/api/orders/:id`. */
export function joinPaths(prefix: string, path: string): string {
  const joined = `/${prefix}/${path}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : '/';
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

