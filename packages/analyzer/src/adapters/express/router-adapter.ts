import { ts } from 'ts-morph';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { findLocalDeclaration, getStringValue, skipOuterExpressions } from '../../project/lexical-scope.js';
import type { NodeVisitor } from '../../walk/walker.js';
import { ROUTE_METHODS, type DirectoryLoad, type RouterFramework, type RouterObject } from './router-model.js';

const EXPRESS_MODULES = new Set(['express']);
const KOA_ROUTER_MODULES = new Set(['@koa/router', 'koa-router']);
const REQUIRE_DIRECTORY_MODULES = new Set(['require-directory']);

/**
 * Records Express, Koa and Hono apps and routers, and every `use`/route call
 * on them, in the one walk. Mounts and middleware are resolved afterwards
 * (`expandRoutes`), when every file's routers are known.
 */
export class RouterAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression] as const;
  readonly routers: RouterObject[] = [];
  /** The creation call and each chained call on it (`Router().use(a)`) → its router. */
  readonly routerByNode = new Map<ts.Node, RouterObject>();
  /** Routers bound to a declaration (variable, parameter) → the router. */
  readonly routerByDeclaration = new Map<ts.Node, RouterObject>();
  /** Folders of modules loaded with require-directory whose routers a visitor mounts. */
  readonly directoryLoads: DirectoryLoad[] = [];
  /** Calls on an imported name (`import { app } from './server'; app.use(...)`), resolved after the walk. */
  private readonly importedReceiverCalls: { call: ts.CallExpression; method: string; name: string; file: AnalyzedFile }[] = [];

  visit(node: ts.Node, file: AnalyzedFile): void {
    // A creation already read from the outside of its chain (see readChainRoot).
    if (this.routerByNode.get(node)?.creation === node) return;
    const created = this.readCreation(node as ts.CallExpression | ts.NewExpression, file);
    if (created) {
      this.bindCreation(node, created);
      return;
    }
    if (ts.isCallExpression(node)) this.readCall(node, file);
  }

  /**
   * The walk meets `Router().use(a).use(b)` from the outside in, so the
   * creation at the bottom of a chain is read before the calls on it.
   */
  private readChainRoot(expression: ts.Expression, file: AnalyzedFile): void {
    let root: ts.Expression = expression;
    while (ts.isCallExpression(root) && ts.isPropertyAccessExpression(root.expression)) root = root.expression.expression;
    if ((ts.isCallExpression(root) || ts.isNewExpression(root)) && !this.routerByNode.has(root)) {
      const created = this.readCreation(root, file);
      if (created) this.bindCreation(root, created);
    }
  }

  /** The router a receiver expression stands for, if any. */
  getRouterOf(expression: ts.Expression): RouterObject | undefined {
    const target = skipOuterExpressions(expression);
    const byNode = this.routerByNode.get(target);
    if (byNode) return byNode;
    if (ts.isIdentifier(target)) {
      const declaration = findLocalDeclaration(target);
      return declaration ? this.routerByDeclaration.get(declaration) : undefined;
    }
    return undefined;
  }

  private readCreation(node: ts.CallExpression | ts.NewExpression, file: AnalyzedFile): RouterObject | undefined {
    const callee = node.expression;
    const make = (framework: RouterFramework, isApp: boolean, prefix = ''): RouterObject => ({
      framework, isApp, file, creation: node, prefix, events: [], mounted: false,
    });
    if (ts.isIdentifier(callee)) {
      const source = file.imports.get(callee.text)?.specifier;
      if (ts.isNewExpression(node)) {
        if (callee.text === 'Hono') return make('hono', true);
        if (callee.text === 'Koa') return make('koa', true);
        if (source && KOA_ROUTER_MODULES.has(source)) return make('koa', false, readKoaPrefix(node));
        return undefined;
      }
      if (source && EXPRESS_MODULES.has(source)) {
        const imported = file.imports.get(callee.text)?.imported;
        if (imported === 'Router') return make('express', false);
        if (imported === 'default' || imported === '*') return make('express', true);
      }
      return undefined;
    }
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'Router') {
      const owner = callee.expression;
      // express.Router(), or require('express').Router()
      const source = ts.isIdentifier(owner)
        ? file.imports.get(owner.text)?.specifier
        : ts.isCallExpression(owner) && ts.isIdentifier(owner.expression) && owner.expression.text === 'require'
          ? getStringValue(owner.arguments[0])
          : undefined;
      if (source && EXPRESS_MODULES.has(source)) return make('express', false);
    }
    return undefined;
  }

  /** Registers a new router under its creation call, the calls chained on it, and the variable it is bound to. */
  private bindCreation(node: ts.Node, router: RouterObject): void {
    this.routers.push(router);
    let chain: ts.Node = node;
    this.routerByNode.set(chain, router);
    while (
      ts.isPropertyAccessExpression(chain.parent) &&
      ts.isCallExpression(chain.parent.parent) &&
      chain.parent.parent.expression === chain.parent
    ) {
      chain = chain.parent.parent;
      this.routerByNode.set(chain, router);
    }
    const holder = chain.parent;
    if (holder && ts.isVariableDeclaration(holder) && holder.initializer === chain) {
      this.routerByDeclaration.set(holder, router);
    }
  }

  private readCall(call: ts.CallExpression, file: AnalyzedFile): void {
    const callee = call.expression;
    if (ts.isIdentifier(callee) && REQUIRE_DIRECTORY_MODULES.has(file.imports.get(callee.text)?.specifier ?? '')) this.readDirectoryLoad(call, file);
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (method === 'use' || method === 'route' || ROUTE_METHODS.has(method)) this.readRouterMethodCall(call, callee, method, file);
    }
    this.readRouterHandOff(call, file);
  }

  private readRouterMethodCall(call: ts.CallExpression, callee: ts.PropertyAccessExpression, method: string, file: AnalyzedFile): void {
    const receiver = skipOuterExpressions(callee.expression);
    this.readChainRoot(receiver, file);
    let router = this.getRouterOf(receiver);
    let routePath: string | undefined;
    // router.route('/x').get(h).post(h)
    if (!router && ROUTE_METHODS.has(method)) {
      const routeCall = findRouteCall(receiver);
      if (routeCall) {
        router = this.getRouterOf((routeCall.expression as ts.PropertyAccessExpression).expression);
        routePath = getStringValue(routeCall.arguments[0]);
      }
    }
    if (!router && ROUTE_METHODS.has(method)) router = this.getParameterRouter(receiver, call, file);
    if (!router && ts.isIdentifier(receiver) && file.imports.has(receiver.text)) {
      this.importedReceiverCalls.push({ call, method, name: receiver.text, file });
    }
    if (!router) return;
    this.recordEvent(router, call, method, routePath, file);
  }

  /**
   * Calls on a router imported from another module (an app created in
   * `server.ts` and extended in `routes.ts`): recorded once every file's
   * routers are known. `findRouter` resolves the imported name.
   */
  resolveImportedReceivers(findRouter: (name: string, file: AnalyzedFile) => RouterObject | undefined): void {
    for (const { call, method, name, file } of this.importedReceiverCalls) {
      const router = findRouter(name, file);
      if (router) this.recordEvent(router, call, method, undefined, file);
    }
  }

  private recordEvent(router: RouterObject, call: ts.CallExpression, method: string, routePath: string | undefined, file: AnalyzedFile): void {
    const args = [...call.arguments];
    if (method === 'route') {
      // Hono mounts a sub-app with `app.route('/prefix', subApp)`; Express's `route(path)` is read with its chain.
      const path = getStringValue(args[0]);
      if (router.framework === 'hono' && path !== undefined && args.length === 2) {
        router.events.push({ type: 'use', path, args: args.slice(1), call, file });
      }
      return;
    }
    if (method === 'use') {
      // Hono's `app.route('/x', sub)` is handled as a mount below; `use` may start with a path.
      const path = getStringValue(args[0]);
      router.events.push({ type: 'use', ...(path !== undefined ? { path } : {}), args: path !== undefined ? args.slice(1) : args, call, file });
      return;
    }
    const path = routePath ?? getStringValue(args[0]);
    const handlers = routePath !== undefined ? args : args.slice(1);
    // `app.get('env')` reads a setting; a route has a path and at least one handler.
    if (path === undefined || handlers.length === 0) return;
    router.events.push({
      type: 'route',
      method: ROUTE_METHODS.get(method)!,
      path,
      args: handlers,
      call,
      file,
    });
  }

  /**
   * `module.exports = (app) => { app.get('/x', h) }`: a parameter used as a
   * router. Only a call that looks like a route registration (a path, then a
   * handler) makes it one, so `cache.get('key')` never does.
   */
  private getParameterRouter(receiver: ts.Expression, call: ts.CallExpression, file: AnalyzedFile): RouterObject | undefined {
    if (!ts.isIdentifier(receiver) || call.arguments.length < 2) return undefined;
    const path = getStringValue(call.arguments[0]);
    const handler = call.arguments[call.arguments.length - 1]!;
    if (!path?.startsWith('/') || !(ts.isFunctionLike(handler) || ts.isIdentifier(handler) || ts.isPropertyAccessExpression(handler))) {
      return undefined;
    }
    const declaration = findLocalDeclaration(receiver);
    if (!declaration || !ts.isParameter(declaration) || !ts.isFunctionLike(declaration.parent)) return undefined;
    const existing = this.routerByDeclaration.get(declaration);
    if (existing) return existing;
    const fn = declaration.parent;
    const router: RouterObject = {
      framework: 'express',
      isApp: false,
      parameterOf: { fn, index: fn.parameters.indexOf(declaration) },
      file,
      creation: declaration,
      prefix: '',
      events: [],
      mounted: false,
    };
    this.routers.push(router);
    this.routerByDeclaration.set(declaration, router);
    return router;
  }

  /**
   * `requireDirectory(module, dir, { visit })` whose visitor mounts what it
   * is given (`app.use(obj.routes())`, `router.use(obj)`). Which routers the
   * folder holds, and what the receiver is, are resolved after the walk.
   */
  private readDirectoryLoad(call: ts.CallExpression, file: AnalyzedFile): void {
    const [, dir, options] = call.arguments;
    const optionsNode = options && skipOuterExpressions(options);
    if (!dir || !optionsNode || !ts.isObjectLiteralExpression(optionsNode)) return;
    const visitProperty = optionsNode.properties.find((property) => property.name?.getText() === 'visit');
    let visitor: ts.Node | undefined;
    if (visitProperty && ts.isPropertyAssignment(visitProperty)) {
      const value = skipOuterExpressions(visitProperty.initializer);
      visitor = ts.isIdentifier(value) ? findLocalDeclaration(value) : value;
    } else if (visitProperty && (ts.isMethodDeclaration(visitProperty) || ts.isShorthandPropertyAssignment(visitProperty))) {
      visitor = ts.isShorthandPropertyAssignment(visitProperty) ? findLocalDeclaration(visitProperty.name) : visitProperty;
    }
    if (visitor && ts.isVariableDeclaration(visitor)) visitor = visitor.initializer && skipOuterExpressions(visitor.initializer);
    if (!visitor || !ts.isFunctionLike(visitor)) return;
    const parameter = visitor.parameters[0]?.name;
    if (!parameter || !ts.isIdentifier(parameter)) return;
    const use = findUseOf(visitor, parameter.text);
    if (use) this.directoryLoads.push({ file, call, dir, options: optionsNode, parameter: parameter.text, use });
  }

  /** `registerRoutes(app)`: remember the hand-off; the callee is resolved after the walk. */
  private readRouterHandOff(call: ts.CallExpression, file: AnalyzedFile): void {
    call.arguments.forEach((argument, argumentIndex) => {
      if (!ts.isIdentifier(argument)) return;
      const router = this.getRouterOf(argument);
      if (router) router.events.push({ type: 'pass', callee: call.expression, argumentIndex, call, file });
    });
  }
}

/** The `x.use(module)` or `x.use(module.routes())` call in a require-directory visitor. */
function findUseOf(visitor: ts.SignatureDeclaration, parameter: string): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'use' &&
      node.arguments.some((argument) => isLoadedModule(argument, parameter))) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(visitor);
  return found;
}

/** `obj`, `obj.routes()`, `obj.middleware()`: the module a require-directory visitor receives. */
export function isLoadedModule(argument: ts.Expression, parameter: string): boolean {
  let node = skipOuterExpressions(argument);
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['routes', 'middleware'].includes(node.expression.name.text)) {
    node = skipOuterExpressions(node.expression.expression);
  }
  return ts.isIdentifier(node) && node.text === parameter;
}

/** In `router.route('/x').get(a).post(b)`, the `route('/x')` call under a chain. */
function findRouteCall(receiver: ts.Expression): ts.CallExpression | undefined {
  let current: ts.Expression = receiver;
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
    if (current.expression.name.text === 'route' && current.arguments.length === 1) return current;
    current = current.expression.expression;
  }
  return undefined;
}

function readKoaPrefix(node: ts.NewExpression): string {
  const options = node.arguments?.[0];
  if (!options || !ts.isObjectLiteralExpression(options)) return '';
  for (const property of options.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText() === 'prefix') return getStringValue(property.initializer) ?? '';
  }
  return '';
}
