import ts from '../../project/typescript.cjs';
import type { HttpMethod } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import type { ProjectModel } from '../../project/project-model.js';
import { findEnclosingClass, findLocalDeclaration, getStringValue, getThisFieldName, skipOuterExpressions } from '../../project/lexical-scope.js';
import type { NodeVisitor } from '../../walk/walker.js';
import { CHAINABLE_METHODS, ROUTE_METHODS, type DirectoryLoad, type RouterFramework, type RouterObject } from './router-model.js';

const EXPRESS_MODULES = new Set(['express']);
const KOA_ROUTER_MODULES = new Set(['@koa/router', 'koa-router']);
const REQUIRE_DIRECTORY_MODULES = new Set(['require-directory']);
/** How many factories deep a router is followed (`createApplication` → `createApp` → `createRouter`). */
const MAX_FACTORY_DEPTH = 6;
/** Hono's app classes: `new Hono()`, and @hono/zod-openapi's `new OpenAPIHono()`. */
const HONO_CLASSES = new Set(['Hono', 'OpenAPIHono']);

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
  /** Routers a function reads off an object parameter (`ctx.app.get(…)`) → by parameter, by property. */
  private readonly routerByParameterProperty = new Map<ts.Node, Map<string, RouterObject>>();
  /** Routers held in a class's field (`this.router = express()`, `app = new Hono()`) → by class, by field name. */
  readonly routerByClassField = new Map<ts.ClassLikeDeclaration, Map<string, RouterObject>>();
  /** `use` calls on function parameters that no other call shows to be routers (see `rememberParameterUse`). */
  private readonly parameterUses = new Map<ts.ParameterDeclaration, { call: ts.CallExpression; file: AnalyzedFile }[]>();
  /** Folders of modules loaded with require-directory whose routers a visitor mounts. */
  readonly directoryLoads: DirectoryLoad[] = [];
  /** Calls on an imported name (`import { app } from './server'; app.use(...)`), resolved after the walk. */
  private readonly importedReceiverCalls: { call: ts.CallExpression; method: string; name: string; file: AnalyzedFile }[] = [];
  /**
   * Router calls and hand-offs on what a project function returns
   * (`createRouter().openapi(…)`, `const app = createApp(); register(app)`):
   * whether the function makes a router is known after the walk.
   */
  /** Route registrations with a computed method (`router[method](…)`), which the inventory cannot list. */
  computedRoutes = 0;
  private readonly factoryCalls: { root: ts.CallExpression; file: AnalyzedFile; call: ts.CallExpression; method?: string; argumentIndex?: number }[] = [];

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

  /**
   * `app.basePath('/api').route('/auth', authRoute)`: Hono's `basePath` returns
   * an instance whose routes land on `app` under the base path, read as a
   * sub-app mounted there, with the calls chained on it and the variable it is
   * bound to. (`new Hono().basePath('/api')` is read with the creation.)
   */
  private readBasePaths(expression: ts.Expression, file: AnalyzedFile): void {
    const calls: ts.CallExpression[] = [];
    for (let node = expression; ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression); node = skipOuterExpressions(node.expression.expression)) {
      if (node.expression.name.text === 'basePath') calls.unshift(node);
    }
    for (const call of calls) {
      if (this.routerByNode.has(call)) continue;
      const parent = this.getRouterOf((call.expression as ts.PropertyAccessExpression).expression);
      const path = getStringValue(call.arguments[0]);
      if (parent?.framework !== 'hono' || path === undefined) continue;
      this.bindCreation(call, { framework: 'hono', isApp: false, file, creation: call, prefix: '', events: [], mounted: false });
      parent.events.push({ type: 'use', path, args: [call], call, file });
    }
  }

  /** The router a receiver expression stands for, if any: a router, or a chain of calls on one (`app.use(a).openapi(r, h)`). */
  getRouterOf(expression: ts.Expression): RouterObject | undefined {
    const target = skipOuterExpressions(expression);
    const byNode = this.routerByNode.get(target);
    if (byNode) return byNode;
    if (ts.isIdentifier(target)) {
      const declaration = findLocalDeclaration(target) ?? findParameterSlot(target)?.declaration;
      if (!declaration) return undefined;
      return this.routerByDeclaration.get(declaration) ??
        (ts.isVariableDeclaration(declaration) && declaration.initializer ? this.getWrappedApp(declaration.initializer) : undefined);
    }
    if (ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression)) {
      const slot = findParameterSlot(target);
      const router = slot && this.getSlotRouter(slot);
      if (router) return router;
    }
    const field = getThisFieldName(target);
    if (field !== undefined) {
      const owner = findEnclosingClass(target);
      return owner ? this.getClassFieldRouter(owner, field) : undefined;
    }
    const chained = getChainReceiver(target);
    return chained ? this.getRouterOf(chained) : undefined;
  }

  /**
   * `const ws = expressWs(express()); const app = ws.app`: a wrapper that adds to an app (express-ws) hands the same
   * app back as `.app`.
   */
  private getWrappedApp(initializer: ts.Expression): RouterObject | undefined {
    const access = skipOuterExpressions(initializer);
    if (!ts.isPropertyAccessExpression(access) || access.name.text !== 'app') return undefined;
    let wrapper: ts.Expression | undefined = skipOuterExpressions(access.expression);
    if (ts.isIdentifier(wrapper)) {
      const declaration = findLocalDeclaration(wrapper);
      wrapper = declaration && ts.isVariableDeclaration(declaration) && declaration.initializer ? skipOuterExpressions(declaration.initializer) : undefined;
    }
    if (!wrapper || !ts.isCallExpression(wrapper)) return undefined;
    for (const argument of wrapper.arguments) {
      const router = this.getRouterOf(argument);
      if (router?.isApp) return router;
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
        if (HONO_CLASSES.has(callee.text)) return make('hono', true, readHonoBasePath(node));
        if (callee.text === 'Koa') return make('koa', true);
        if (source && KOA_ROUTER_MODULES.has(source)) return make('koa', false, readKoaPrefix(node));
        return undefined;
      }
      if (source && EXPRESS_MODULES.has(source)) {
        const imported = file.imports.get(callee.text)?.imported;
        if (imported === 'Router') return make('express', false);
        if (imported === 'default' || imported === '*') return make('express', true);
      }
      // koa-router also makes a router when called without `new`: `const router = Router()`.
      if (source && KOA_ROUTER_MODULES.has(source)) return make('koa', false, readKoaPrefix(node));
      return undefined;
    }
    // `require('koa-router')()`
    if (ts.isCallExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'require' && KOA_ROUTER_MODULES.has(getStringValue(callee.arguments[0]) ?? '')) {
      return make('koa', false, readKoaPrefix(node));
    }
    // Hono's `createFactory().createApp()`: `factory.createApp()` with the factory made here or imported.
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'createApp' && isHonoFactory(callee.expression, file)) return make('hono', true);
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
    // `const imageRouter = module.exports = Router()`: the variable holds what the export does.
    let holder = chain.parent;
    while (holder && ts.isBinaryExpression(holder) && holder.operatorToken.kind === ts.SyntaxKind.EqualsToken && holder.right === chain) {
      // `this.router = express()` in a constructor: the class's other methods register routes on `this.router`.
      const field = getThisFieldName(holder.left);
      if (field !== undefined) this.bindClassField(holder, field, router);
      chain = holder;
      this.routerByNode.set(chain, router);
      holder = holder.parent;
    }
    if (holder && ts.isVariableDeclaration(holder) && holder.initializer === chain) {
      this.routerByDeclaration.set(holder, router);
    }
    if (holder && ts.isPropertyDeclaration(holder) && holder.initializer === chain && ts.isIdentifier(holder.name)) {
      this.bindClassField(holder, holder.name.text, router);
    }
  }

  private bindClassField(at: ts.Node, field: string, router: RouterObject): void {
    const owner = findEnclosingClass(at);
    if (!owner) return;
    const fields = this.routerByClassField.get(owner) ?? new Map<string, RouterObject>();
    if (!fields.has(field)) fields.set(field, router);
    this.routerByClassField.set(owner, fields);
  }

  /** The router a class keeps in `field`, for `this.router` in its methods or `apiRouter.router` from outside. */
  getClassFieldRouter(owner: ts.Node, field: string): RouterObject | undefined {
    return ts.isClassLike(owner) ? this.routerByClassField.get(owner)?.get(field) : undefined;
  }

  private readCall(call: ts.CallExpression, file: AnalyzedFile): void {
    const callee = call.expression;
    if (isComputedRouteRegistration(call)) this.computedRoutes++;
    if (ts.isIdentifier(callee) && REQUIRE_DIRECTORY_MODULES.has(file.imports.get(callee.text)?.specifier ?? '')) this.readDirectoryLoad(call, file);
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (isRouterMethodName(method)) this.readRouterMethodCall(call, callee, method, file);
    }
    this.readRouterHandOff(call, file);
  }

  private readRouterMethodCall(call: ts.CallExpression, callee: ts.PropertyAccessExpression, method: string, file: AnalyzedFile): void {
    const receiver = skipOuterExpressions(callee.expression);
    this.readChainRoot(receiver, file);
    this.readBasePaths(receiver, file);
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
    if (!router && method !== 'use') router = this.getParameterRouter(receiver, call, method, file);
    if (!router && method === 'use') this.rememberParameterUse(receiver, call, file);
    if (!router && ts.isIdentifier(receiver) && file.imports.has(receiver.text)) {
      this.importedReceiverCalls.push({ call, method, name: receiver.text, file });
    }
    if (!router && isRouterShapedCall(call, method)) {
      const root = findFactoryCall(receiver);
      if (root) this.factoryCalls.push({ root, file, call, method });
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
      if (!router) continue;
      this.recordEvent(router, call, method, undefined, file);
      // `app.route('/auth', auth).route('/admin', admin)`: a Hono chain goes on on the same app.
      for (let current = call; ts.isPropertyAccessExpression(current.parent) && ts.isCallExpression(current.parent.parent) && current.parent.parent.expression === current.parent;) {
        const next = current.parent.parent;
        const nextMethod = current.parent.name.text;
        if (!isRouterMethodName(nextMethod) || !isRouterShapedCall(next, nextMethod)) break;
        this.recordEvent(router, next, nextMethod, undefined, file);
        current = next;
      }
    }
  }

  /**
   * Routers made by project functions (`createRouter()` returning
   * `new OpenAPIHono()`, `createApp()` calling it), one for each call that
   * routes are registered on or that hands its result to a function, with
   * those calls recorded on it. Runs once, after the walk.
   */
  resolveFactoryRouters(project: ProjectModel): void {
    const notFactories = new Set<ts.CallExpression>();
    const instantiate = (root: ts.CallExpression, file: AnalyzedFile, depth: number): RouterObject | undefined => {
      const known = this.routerByNode.get(root);
      if (known || notFactories.has(root) || depth > MAX_FACTORY_DEPTH || !ts.isIdentifier(root.expression)) return known;
      notFactories.add(root);
      const factory = project.resolveName(file, root.expression.text);
      if (!factory || !ts.isFunctionLike(factory.node)) return undefined;
      const fn = factory.node;
      // Routers the factory itself makes through other factories (`const app = createRouter()` in `createApp`).
      for (const pending of this.factoryCalls) if (isWithin(pending.root, fn)) instantiate(pending.root, pending.file, depth + 1);
      // The router the factory returns: one made in it, or by the factory it calls (`getTestServer()` returning a
      // `new TestServer(app)` is no router, whatever it creates on the way).
      const returned = findReturnedRouterExpression(fn);
      const template = returned && (this.getRouterOf(returned) ?? (ts.isCallExpression(returned) ? instantiate(returned, factory.file, depth + 1) : undefined));
      if (!template) return undefined;
      const router: RouterObject = { ...template, file, creation: root, events: [], mounted: false, template };
      notFactories.delete(root);
      this.bindCreation(root, router);
      return router;
    };
    for (const { root, file, call, method, argumentIndex } of this.factoryCalls) {
      const router = instantiate(root, file, 0);
      if (!router) continue;
      if (method !== undefined) this.recordEvent(router, call, method, undefined, file);
      else router.events.push({ type: 'pass', callee: call.expression, argumentIndex: argumentIndex!, call, file });
    }
  }

  private recordEvent(router: RouterObject, call: ts.CallExpression, method: string, routePath: string | undefined, file: AnalyzedFile): void {
    const args = [...call.arguments];
    if (method === 'route') {
      // Hono mounts a sub-app with `app.route('/prefix', subApp)`; Express's `route(path)` is read with its chain.
      const path = getStringValue(args[0]);
      if ((router.framework === 'hono' || router.parameterOf) && path !== undefined && args.length === 2) {
        router.events.push({ type: 'use', path, args: args.slice(1), call, file });
      }
      return;
    }
    if (method === 'on') {
      // Hono's `app.on(['GET', 'POST'], '/auth/*', handler)`: one route per method.
      const path = getStringValue(args[1]);
      const handlers = args.slice(2);
      if ((router.framework !== 'hono' && !router.parameterOf) || path === undefined || handlers.length === 0) return;
      for (const method of readHonoMethods(args[0]!)) router.events.push({ type: 'route', method, path, args: handlers, call, file });
      return;
    }
    if (method === 'openapi') {
      // `openapi(routeConfig, handler, hook?)`: the third argument validates, it does not handle.
      const [config, handler] = args;
      if ((router.framework === 'hono' || router.parameterOf) && config && handler) router.events.push({ type: 'openapi', config, handler, call, file });
      return;
    }
    if (method === 'use') {
      // Hono's `app.route('/x', sub)` is handled as a mount below; `use` may start with a path.
      const path = getStringValue(args[0]);
      router.events.push({ type: 'use', ...(path !== undefined ? { path } : {}), args: path !== undefined ? args.slice(1) : args, call, file });
      return;
    }
    const paths = routePath !== undefined ? [routePath] : readRoutePaths(args[0]);
    const handlers = routePath !== undefined ? args : args.slice(1);
    // `app.get('env')` reads a setting; a route has a path and at least one handler.
    if (paths.length === 0 || handlers.length === 0) return;
    // `router.get(['/', '/:id'], handler)`: Express serves each path of the array.
    for (const path of paths) router.events.push({ type: 'route', method: ROUTE_METHODS.get(method)!, path, args: handlers, call, file });
  }

  /**
   * `module.exports = (app) => { app.get('/x', h) }`: a parameter used as a
   * router. Only a call that looks like a route registration (a path, then a
   * handler) makes it one, so `cache.get('key')` never does.
   */
  private getParameterRouter(receiver: ts.Expression, call: ts.CallExpression, method: string, file: AnalyzedFile): RouterObject | undefined {
    if (!isRouterShapedCall(call, method)) return undefined;
    const slot = findParameterSlot(receiver);
    if (!slot) return undefined;
    const existing = this.getSlotRouter(slot);
    if (existing) return existing;
    const router: RouterObject = {
      // `app.route('/api', users)` and `app.openapi(config, handler)` are Hono's; Express's `route` takes a path alone.
      framework: method === 'route' || method === 'openapi' || method === 'on' ? 'hono' : 'express',
      isApp: false,
      parameterOf: { fn: slot.fn, index: slot.index, ...(slot.property !== undefined ? { property: slot.property } : {}) },
      file,
      creation: slot.declaration,
      prefix: '',
      events: [],
      mounted: false,
    };
    this.routers.push(router);
    if (slot.readOffParameter === undefined) {
      this.routerByDeclaration.set(slot.declaration, router);
      // `function setup(app) { app.use('/api/file', fileRouter); app.get('/health', h) }`: the `use` calls met before
      // the route showed the parameter to be a router are its first events.
      const uses = ts.isParameter(slot.declaration) ? this.parameterUses.get(slot.declaration) : undefined;
      if (uses) {
        this.parameterUses.delete(slot.declaration as ts.ParameterDeclaration);
        for (const use of uses) this.recordEvent(router, use.call, 'use', undefined, use.file);
      }
    } else {
      const byProperty = this.routerByParameterProperty.get(slot.declaration) ?? new Map<string, RouterObject>();
      byProperty.set(slot.readOffParameter, router);
      this.routerByParameterProperty.set(slot.declaration, byProperty);
    }
    return router;
  }

  private getSlotRouter(slot: ParameterSlot): RouterObject | undefined {
    return slot.readOffParameter === undefined
      ? this.routerByDeclaration.get(slot.declaration)
      : this.routerByParameterProperty.get(slot.declaration)?.get(slot.readOffParameter);
  }

  /**
   * `export function applyJwtValidation(app) { app.use('/api/*', verifyJwt) }`: `use` alone on a parameter does
   * not make it a router (`i18n.use(…)`, `chai.use(…)`), so the call waits until a hand-off shows that a router
   * is given there (`routerForHandOff`). Only middleware-shaped calls: a path, or a function.
   */
  private rememberParameterUse(receiver: ts.Expression, call: ts.CallExpression, file: AnalyzedFile): void {
    const first = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
    if (!ts.isIdentifier(receiver) || !first || !(getStringValue(first)?.match(/^[/*]/) || ts.isFunctionLike(first))) return;
    const declaration = findLocalDeclaration(receiver);
    if (!declaration || !ts.isParameter(declaration) || !ts.isFunctionLike(declaration.parent)) return;
    this.parameterUses.set(declaration, [...(this.parameterUses.get(declaration) ?? []), { call, file }]);
  }

  /** The router a function's parameter becomes when a router is handed to it, made from its remembered `use` calls. */
  routerForHandOff(fn: ts.Node, index: number, framework: RouterObject['framework']): RouterObject | undefined {
    if (!ts.isFunctionLike(fn)) return undefined;
    const declaration = fn.parameters[index];
    const uses = declaration && this.parameterUses.get(declaration);
    if (!declaration || !uses) return undefined;
    const router: RouterObject = {
      framework,
      isApp: false,
      parameterOf: { fn, index },
      file: uses[0]!.file,
      creation: declaration,
      prefix: '',
      events: [],
      mounted: false,
    };
    this.routers.push(router);
    this.routerByDeclaration.set(declaration, router);
    this.parameterUses.delete(declaration);
    for (const { call, file } of uses) this.recordEvent(router, call, 'use', undefined, file);
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
      // `registerRoutes({ app, ...dependencies })`: the router goes in an object, under its key.
      if (ts.isObjectLiteralExpression(argument)) {
        for (const property of argument.properties) {
          const value = ts.isShorthandPropertyAssignment(property) ? property.name : ts.isPropertyAssignment(property) ? property.initializer : undefined;
          const key = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
          const router = value && key !== undefined ? this.getRouterOf(value) : undefined;
          if (router) router.events.push({ type: 'pass', callee: call.expression, argumentIndex, property: key, call, file });
        }
        return;
      }
      if (!ts.isIdentifier(argument)) return;
      const router = this.getRouterOf(argument);
      if (router) {
        router.events.push({ type: 'pass', callee: call.expression, argumentIndex, call, file });
        return;
      }
      // `const app = createApp(); registerRoutes(app);`: a router only if `createApp` turns out to make one.
      // A registration is a statement of its own; `return toDto(user)` or `const x = f(user)` hand nothing off.
      if (!ts.isExpressionStatement(call.parent)) return;
      const root = findFactoryCall(argument);
      if (root) this.factoryCalls.push({ root, file, call, argumentIndex });
    });
  }
}

/** Router methods that register routes or middleware: `use`, Hono's `route`, `openapi` and `on`, and the HTTP verbs. */
/**
 * `router[method](base + path, async (ctx) => …)`: a route registered with a computed method, as apps that read
 * their routes from a table do. Its method and path are not known, so it is counted, not listed.
 */
function isComputedRouteRegistration(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isElementAccessExpression(callee) || ts.isStringLiteralLike(callee.argumentExpression) || call.arguments.length < 2) return false;
  const receiver = skipOuterExpressions(callee.expression);
  const handler = call.arguments.at(-1);
  return ts.isIdentifier(receiver) && /router|app/i.test(receiver.text) && handler !== undefined && ts.isFunctionLike(skipOuterExpressions(handler));
}

function isRouterMethodName(method: string): boolean {
  return method === 'use' || method === 'route' || method === 'openapi' || method === 'on' || ROUTE_METHODS.has(method);
}

/**
 * Whether a call has the shape of a router call: `use`, `openapi(config,
 * handler)`, a Hono mount, or a route method given a path and a handler
 * (so `cache.get('key')` is none).
 */
function isRouterShapedCall(call: ts.CallExpression, method: string): boolean {
  if (method === 'use') return call.arguments.length > 0;
  if (method === 'openapi') return call.arguments.length >= 2;
  if (method === 'route') return isHonoMount(call, method);
  if (method === 'on') return call.arguments.length >= 3 && readHonoMethods(call.arguments[0]!).length > 0 && getStringValue(call.arguments[1])?.startsWith('/') === true;
  if (!ROUTE_METHODS.has(method) || call.arguments.length < 2) return false;
  const handler = call.arguments[call.arguments.length - 1]!;
  // The handler may be made by a factory (`signupHandler(app)`, `asyncHandler(fn)`).
  return getStringValue(call.arguments[0])?.startsWith('/') === true &&
    (ts.isFunctionLike(handler) || ts.isIdentifier(handler) || ts.isPropertyAccessExpression(handler) || ts.isCallExpression(handler));
}

/** The methods of Hono's `app.on('PURGE' | ['GET', 'POST'], path, …)` that are HTTP methods we list. */
function readHonoMethods(node: ts.Expression): HttpMethod[] {
  const expression = skipOuterExpressions(node);
  const values = ts.isArrayLiteralExpression(expression) ? expression.elements.map((element) => getStringValue(element)) : [getStringValue(expression)];
  return values.flatMap((value) => {
    const method = value === undefined ? undefined : ROUTE_METHODS.get(value.toLowerCase());
    return method ? [method] : [];
  });
}

/** `app.route('/api', users)`: Hono mounts a sub-app at a path (Express's `route` takes the path alone). */
function isHonoMount(call: ts.CallExpression, method: string): boolean {
  return method === 'route' && call.arguments.length === 2 && getStringValue(call.arguments[0])?.startsWith('/') === true;
}

/** In `app.use(a).openapi(r, h)`, the receiver of the last call: a chained router call returns the router. */
function getChainReceiver(expression: ts.Expression): ts.Expression | undefined {
  if (!ts.isCallExpression(expression) || !ts.isPropertyAccessExpression(expression.expression)) return undefined;
  const method = expression.expression.name.text;
  return CHAINABLE_METHODS.has(method) || isHonoMount(expression, method) ? expression.expression.expression : undefined;
}

/**
 * The call of a project function a receiver comes from: `createRouter()` in
 * `createRouter().openapi(…)`, or the initialiser of a local variable
 * (`const app = createApp()`).
 */
function findFactoryCall(receiver: ts.Expression): ts.CallExpression | undefined {
  let node = skipChain(receiver);
  if (ts.isIdentifier(node)) {
    const declaration = findLocalDeclaration(node);
    // Routers are made synchronously; `const user = await findUser(id)` is a record.
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer || ts.isAwaitExpression(declaration.initializer)) return undefined;
    node = skipChain(declaration.initializer);
  }
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text !== 'require' ? node : undefined;
}

/** `createRouter().use(a).openapi(r, h)` → `createRouter()`. */
function skipChain(expression: ts.Expression): ts.Expression {
  let node = skipOuterExpressions(expression);
  for (let chained = getChainReceiver(node); chained; chained = getChainReceiver(node)) node = skipOuterExpressions(chained);
  return node;
}

/**
 * What a factory returns, as a router expression: `return new OpenAPIHono()`,
 * `return createRouter()`, or the initialiser of the variable it returns
 * (`const app = createRouter(); …; return app`), chains skipped.
 */
function findReturnedRouterExpression(fn: ts.SignatureDeclaration): ts.Expression | undefined {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (!body) return undefined;
  let returned: ts.Expression | undefined;
  if (!ts.isBlock(body)) returned = body;
  const visit = (node: ts.Node): void => {
    if (returned || (ts.isFunctionLike(node) && node !== fn)) return;
    if (ts.isReturnStatement(node) && node.expression) returned = node.expression;
    else ts.forEachChild(node, visit);
  };
  if (ts.isBlock(body)) ts.forEachChild(body, visit);
  if (!returned) return undefined;
  let node = skipChain(returned);
  if (ts.isIdentifier(node)) {
    const declaration = findLocalDeclaration(node);
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
    node = skipChain(declaration.initializer);
  }
  return node;
}

function isWithin(node: ts.Node, container: ts.Node): boolean {
  return node.getSourceFile() === container.getSourceFile() && node.pos >= container.pos && node.end <= container.end;
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

/** `new Hono().basePath('/api')`: the app's routes are under its base path. */
function readHonoBasePath(node: ts.NewExpression): string {
  const access = node.parent;
  const call = access?.parent;
  if (!ts.isPropertyAccessExpression(access) || access.name.text !== 'basePath' || !call || !ts.isCallExpression(call) || call.expression !== access) return '';
  return getStringValue(call.arguments[0]) ?? '';
}

function readKoaPrefix(node: ts.NewExpression | ts.CallExpression): string {
  const options = node.arguments?.[0];
  if (!options || !ts.isObjectLiteralExpression(options)) return '';
  for (const property of options.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText() === 'prefix') return getStringValue(property.initializer) ?? '';
  }
  return '';
}

/** A route's path, or each path of an array of them (`['/', '/:id']`); none when one is not a literal. */
function readRoutePaths(argument: ts.Expression | undefined): string[] {
  const single = getStringValue(argument);
  if (single !== undefined) return [single];
  const list = argument && skipOuterExpressions(argument);
  if (!list || !ts.isArrayLiteralExpression(list)) return [];
  const paths = list.elements.map((element) => getStringValue(element));
  return paths.every((path): path is string => path !== undefined) ? paths : [];
}

/** A function's parameter, or a property read off one: where a router handed to the function is used. */
interface ParameterSlot {
  fn: ts.SignatureDeclaration;
  index: number;
  /** The property of the parameter that holds the router (`{ app }`, `ctx.app`). */
  property?: string;
  /** The parameter, or the binding element of a destructured one. */
  declaration: ts.Node;
  /** For `ctx.app`, the property read off the parameter each time (no declaration of its own holds the router). */
  readOffParameter?: string;
}

/** `app` as a parameter, `{ app }` in a parameter's pattern, or `ctx.app` on a parameter `ctx`. */
function findParameterSlot(receiver: ts.Expression): ParameterSlot | undefined {
  const target = skipOuterExpressions(receiver);
  if (ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression)) {
    const owner = findLocalDeclaration(target.expression);
    if (!owner || !ts.isParameter(owner) || !ts.isFunctionLike(owner.parent)) return undefined;
    return { fn: owner.parent, index: owner.parent.parameters.indexOf(owner), property: target.name.text, declaration: owner, readOffParameter: target.name.text };
  }
  if (!ts.isIdentifier(target)) return undefined;
  const declaration = findLocalDeclaration(target);
  if (declaration && ts.isParameter(declaration) && ts.isFunctionLike(declaration.parent)) {
    return { fn: declaration.parent, index: declaration.parent.parameters.indexOf(declaration), declaration };
  }
  if (declaration) return undefined;
  // `function setupRoutes({ app, db }: RouteDefinitionContext)`.
  for (let scope: ts.Node | undefined = target.parent; scope; scope = scope.parent) {
    if (!ts.isFunctionLike(scope)) continue;
    for (const [index, parameter] of scope.parameters.entries()) {
      if (!ts.isObjectBindingPattern(parameter.name)) continue;
      const element = parameter.name.elements.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === target.text);
      if (!element) continue;
      const key = element.propertyName ?? element.name;
      return ts.isIdentifier(key) ? { fn: scope, index, property: key.text, declaration: element } : undefined;
    }
  }
  return undefined;
}

/**
 * A Hono factory (`createFactory()` from `hono/factory`): made here, or imported
 * under a name that says so (`honoFactory` from `utils/hono.ts`) into a file
 * that uses Hono.
 */
function isHonoFactory(receiver: ts.Expression, file: AnalyzedFile): boolean {
  const node = skipOuterExpressions(receiver);
  const made = ts.isIdentifier(node) ? getDeclaredValue(node) : node;
  if (made && ts.isCallExpression(made) && ts.isIdentifier(made.expression) && made.expression.text === 'createFactory') {
    return file.imports.get('createFactory')?.specifier === 'hono/factory';
  }
  if (!ts.isIdentifier(node) || !file.imports.has(node.text) || !/factory$/i.test(node.text)) return false;
  return [...file.imports.values()].some((binding) => binding.specifier === 'hono' || binding.specifier.startsWith('hono/'));
}

function getDeclaredValue(identifier: ts.Identifier): ts.Expression | undefined {
  const declaration = findLocalDeclaration(identifier);
  return declaration && ts.isVariableDeclaration(declaration) && declaration.initializer ? skipOuterExpressions(declaration.initializer) : undefined;
}
