import ts from '../../project/typescript.cjs';
import type { HttpMethod } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { findLocalDeclaration, getStringValue, skipOuterExpressions } from '../../project/lexical-scope.js';
import type { ProjectModel } from '../../project/project-model.js';
import type { NodeVisitor } from '../../walk/walker.js';
import { FASTIFY_MODULE, FASTIFY_ROUTE_METHODS, GUARD_HOOKS, SAME_INSTANCE_METHODS, type FastifyInstance } from './fastify-model.js';
import { readDecoratorCall } from './decorator-controllers.js';

const MAX_ALIAS_DEPTH = 6;
const DECORATE_METHODS = new Set(['decorate', 'decorateRequest', 'decorateReply']);

/**
 * Records Fastify apps and plugin instances, and their routes, hooks and
 * plugin registrations, in the one walk. Registrations are resolved after the
 * walk (`buildFastifyRoutes`), when every file's instances are known.
 */
export class FastifyAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.CallExpression] as const;
  readonly instances: FastifyInstance[] = [];
  /**
   * The instances whose routes became route facts (reached from an app, or
   * listed as an unregistered Fastify plugin), filled by `buildFastifyRoutes`;
   * a parameter of an Express `(app) => app.get(…)` module is not among them.
   */
  readonly routed = new Set<FastifyInstance>();
  /** `fastify.decorate('authenticate', fn)`: decorator name → the functions registered under it. */
  readonly decorations = new Map<string, { fn: ts.Expression; file: AnalyzedFile }[]>();
  /** fastify-decorators controllers, each an instance that `bootstrap` registers: class → its routes and hooks. */
  readonly decoratedControllers = new Map<ts.ClassLikeDeclaration, FastifyInstance>();
  private readonly instanceByNode = new Map<ts.Node, FastifyInstance>();
  private readonly filesWithInstances = new Set<ts.SourceFile>();
  /** Per class, `this.<member>` → the instance assigned to it, or null when none is. */
  private readonly memberInstances = new Map<ts.Node, Map<string, FastifyInstance | null>>();
  /** Calls on an imported instance (`import { app } from './app'`), resolved once every file is walked. */
  private readonly importedReceivers: { name: string; call: ts.CallExpression; method: string; file: AnalyzedFile }[] = [];

  visit(node: ts.Node, file: AnalyzedFile): void {
    const call = node as ts.CallExpression;
    if (this.instanceByNode.has(call)) return;
    if (ts.isDecorator(call.parent)) {
      this.readDecorator(call, file);
      return;
    }
    if (isFastifyFactoryCall(call, file)) {
      this.bindApp(call, file);
      return;
    }
    const callee = call.expression;
    if (ts.isPropertyAccessExpression(callee) && DECORATE_METHODS.has(callee.name.text)) this.readDecoration(call, file);
    // Shape first: `map.get(key)` and `cache.delete(id)` are most of these calls, and need no scope lookup.
    if (ts.isPropertyAccessExpression(callee) && isInstanceMethod(callee.name.text) && looksLikeInstanceCall(call, callee.name.text)) {
      const method = callee.name.text;
      const receiver = skipOuterExpressions(callee.expression);
      const instance = this.getInstanceOf(receiver, file) ?? this.getParameterInstance(receiver, file);
      if (instance) this.readInstanceCall(instance, call, method, file);
      else if (ts.isIdentifier(receiver) && file.imports.has(receiver.text)) this.importedReceivers.push({ name: receiver.text, call, method, file });
    }
    this.readHandOff(call, file);
  }

  /** Attaches calls made on an instance another file exports (`app.register(routes)` in `server.ts`). */
  resolveImportedReceivers(project: ProjectModel): void {
    for (const { name, call, method, file } of this.importedReceivers.splice(0)) {
      const resolved = project.resolveName(file, name);
      const instance = resolved && this.getInstanceOf(resolved.node as ts.Expression, resolved.file);
      if (instance) this.readInstanceCall(instance, call, method, file);
    }
  }

  /** The instance an expression stands for: a factory call, a variable or parameter bound to one, or a call that returns it. */
  getInstanceOf(expression: ts.Expression, file: AnalyzedFile, depth = 0): FastifyInstance | undefined {
    if (depth > MAX_ALIAS_DEPTH) return undefined;
    const node = skipOuterExpressions(expression);
    const known = this.instanceByNode.get(node);
    if (known) return known;
    if (ts.isCallExpression(node)) {
      if (isFastifyFactoryCall(node, file)) return this.bindApp(node, file);
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) && SAME_INSTANCE_METHODS.has(callee.name.text)) return this.getInstanceOf(callee.expression, file, depth + 1);
      return undefined;
    }
    if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) return this.getMemberInstance(node, file, depth);
    if (!ts.isIdentifier(node)) return undefined;
    const declaration = findLocalDeclaration(node);
    if (!declaration) return undefined;
    const bound = this.instanceByNode.get(declaration);
    if (bound) return bound;
    // `const app = fastify.withTypeProvider<T>()`, `const server = app`
    if (ts.isVariableDeclaration(declaration) && declaration.initializer) return this.getInstanceOf(declaration.initializer, file, depth + 1);
    return undefined;
  }

  /**
   * `this.#server.register(…)` in a class that builds its app in the
   * constructor (`this.#server = Fastify()`) or a field initialiser.
   */
  private getMemberInstance(access: ts.PropertyAccessExpression, file: AnalyzedFile, depth: number): FastifyInstance | undefined {
    let owner: ts.Node | undefined = access.parent;
    while (owner && !ts.isClassLike(owner)) owner = owner.parent;
    if (!owner) return undefined;
    const name = access.name.getText();
    const cached = this.memberInstances.get(owner)?.get(name);
    if (cached !== undefined) return cached ?? undefined;
    let found: FastifyInstance | undefined;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isPropertyDeclaration(node) && node.name.getText() === name && node.initializer) found = this.getInstanceOf(node.initializer, file, depth + 1);
      else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) &&
        node.left.expression.kind === ts.SyntaxKind.ThisKeyword && node.left.name.getText() === name) {
        found = this.getInstanceOf(node.right, file, depth + 1);
      }
      if (!found) ts.forEachChild(node, visit);
    };
    visit(owner);
    const members = this.memberInstances.get(owner) ?? new Map<string, FastifyInstance | null>();
    members.set(name, found ?? null);
    this.memberInstances.set(owner, members);
    return found;
  }

  /** The instance a plugin function's parameter stands for, if that function uses it as one. */
  getInstanceOfPlugin(fn: ts.Node): FastifyInstance | undefined {
    if (!ts.isFunctionLike(fn)) return undefined;
    const parameter = fn.parameters[0];
    return parameter ? this.instanceByNode.get(parameter) : undefined;
  }

  private bindApp(call: ts.CallExpression, file: AnalyzedFile): FastifyInstance {
    const instance: FastifyInstance = { isApp: true, file, creation: call, events: [] };
    this.instances.push(instance);
    this.filesWithInstances.add(call.getSourceFile());
    this.instanceByNode.set(call, instance);
    const holder = call.parent;
    if (holder && ts.isVariableDeclaration(holder) && holder.initializer === call) this.instanceByNode.set(holder, instance);
    return instance;
  }

  /**
   * `export default async function (fastify) { fastify.get(…) }`: a parameter
   * becomes an instance through a call shaped like Fastify's API (checked by
   * `visit`), also at the end of a chain (`app.withTypeProvider<T>().register(auth).delete(…)`).
   */
  private getParameterInstance(receiver: ts.Expression, file: AnalyzedFile): FastifyInstance | undefined {
    const root = skipSameInstanceCalls(receiver);
    if (!ts.isIdentifier(root)) return undefined;
    let declaration = findLocalDeclaration(root);
    // `const server = originalServer.withTypeProvider<T>()`: a local alias of the parameter.
    for (let depth = 0; depth < MAX_ALIAS_DEPTH && declaration && ts.isVariableDeclaration(declaration) && declaration.initializer; depth++) {
      const aliased = skipSameInstanceCalls(skipOuterExpressions(declaration.initializer));
      declaration = ts.isIdentifier(aliased) ? findLocalDeclaration(aliased) : undefined;
    }
    if (!declaration || !ts.isParameter(declaration) || !ts.isFunctionLike(declaration.parent)) return undefined;
    const existing = this.instanceByNode.get(declaration);
    if (existing) return existing;
    const fn = declaration.parent;
    const instance: FastifyInstance = {
      isApp: false,
      parameterOf: { fn, index: fn.parameters.indexOf(declaration) },
      file,
      creation: declaration,
      events: [],
    };
    this.instances.push(instance);
    this.filesWithInstances.add(declaration.getSourceFile());
    this.instanceByNode.set(declaration, instance);
    return instance;
  }

  /**
   * `register(async (instance) => { await recipeRoutes(instance, prisma) })`: an inline plugin's parameter is an
   * instance even when the plugin only hands it on, so the hand-offs inside it are followed.
   */
  private bindInlinePluginParameter(plugin: ts.Expression, file: AnalyzedFile): void {
    const fn = skipOuterExpressions(plugin);
    if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return;
    const parameter = fn.parameters[0];
    if (!parameter || !ts.isIdentifier(parameter.name) || this.instanceByNode.has(parameter)) return;
    const instance: FastifyInstance = { isApp: false, parameterOf: { fn, index: 0 }, file, creation: parameter, events: [] };
    this.instances.push(instance);
    this.filesWithInstances.add(parameter.getSourceFile());
    this.instanceByNode.set(parameter, instance);
  }

  private readInstanceCall(instance: FastifyInstance, call: ts.CallExpression, method: string, file: AnalyzedFile): void {
    const args = call.arguments;
    if (method === 'register' && args[0]) {
      instance.events.push({ type: 'register', plugin: args[0], ...(args[1] ? { options: args[1] } : {}), call, file });
      this.bindInlinePluginParameter(args[0], file);
    } else if (method === 'addHook') {
      const hook = getStringValue(args[0]);
      if (hook && GUARD_HOOKS.includes(hook) && args[1]) instance.events.push({ type: 'hook', hook, fn: args[1], call, file });
    } else if (method === 'route') {
      this.readRouteObject(instance, call, file);
    } else {
      this.readShorthandRoute(instance, call, FASTIFY_ROUTE_METHODS.get(method)!, file);
    }
  }

  /** `@GET('/:id')`, `@Hook('onRequest')` from fastify-decorators: an event of the decorated class's controller. */
  private readDecorator(call: ts.CallExpression, file: AnalyzedFile): void {
    const found = readDecoratorCall(call, file);
    if (!found) return;
    let instance = this.decoratedControllers.get(found.controller);
    if (!instance) {
      instance = { isApp: false, file, creation: found.controller, events: [] };
      this.instances.push(instance);
      this.decoratedControllers.set(found.controller, instance);
    }
    instance.events.push(found.event);
  }

  /**
   * `decorate('authenticate', fn)`, `decorateRequest('verifyAccess', fn)`:
   * recorded on any receiver, since a plugin that only decorates never shows
   * its parameter to be an instance otherwise.
   */
  private readDecoration(call: ts.CallExpression, file: AnalyzedFile): void {
    const [nameArgument, value] = call.arguments;
    const name = getStringValue(nameArgument);
    if (!name || !value || !ts.isFunctionLike(skipOuterExpressions(value)) && !ts.isIdentifier(value)) return;
    this.decorations.set(name, [...(this.decorations.get(name) ?? []), { fn: value, file }]);
  }

  /** `get(path, handler)`, `get(path, options, handler)`, `get(path, { handler, … })`. */
  private readShorthandRoute(instance: FastifyInstance, call: ts.CallExpression, method: HttpMethod, file: AnalyzedFile): void {
    const [pathArgument, second, third] = call.arguments;
    const path = pathArgument && getRoutePath(pathArgument);
    if (path === undefined || !second) return;
    const options = third ? second : isObjectWithHandler(second) ? second : undefined;
    const handler = third ?? (options ? getProperty(options, 'handler') : second);
    instance.events.push({ type: 'route', methods: [method], path, ...(options ? { options } : {}), ...(handler ? { handler } : {}), call, file });
  }

  /** `route({ method: 'GET' | ['GET', 'HEAD'], url, handler, onRequest, … })`. */
  private readRouteObject(instance: FastifyInstance, call: ts.CallExpression, file: AnalyzedFile): void {
    const options = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
    if (!options || !ts.isObjectLiteralExpression(options)) return;
    const pathValue = getProperty(options, 'url') ?? getProperty(options, 'path');
    const path = pathValue && getRoutePath(pathValue);
    const methodValue = getProperty(options, 'method');
    const methodNodes = methodValue && ts.isArrayLiteralExpression(methodValue) ? [...methodValue.elements] : methodValue ? [methodValue] : [];
    const methods = methodNodes.map((node) => getStringValue(node)?.toLowerCase()).flatMap((name) => {
      const method = name ? FASTIFY_ROUTE_METHODS.get(name) : undefined;
      return method ? [method] : [];
    });
    if (path === undefined || methods.length === 0) return;
    const handler = getProperty(options, 'handler');
    instance.events.push({ type: 'route', methods, path, options, ...(handler ? { handler } : {}), call, file });
  }

  /** `registerUserRoutes(fastify)`: remember the hand-off; the callee is resolved after the walk. */
  private readHandOff(call: ts.CallExpression, file: AnalyzedFile): void {
    // An instance is passed by a name declared in its own file: skip the scope lookups everywhere else.
    if (!this.filesWithInstances.has(file.sourceFile)) return;
    call.arguments.forEach((argument, argumentIndex) => {
      if (!ts.isIdentifier(argument)) return;
      const instance = this.getInstanceOf(argument, file);
      if (instance) instance.events.push({ type: 'pass', callee: call.expression, argumentIndex, call, file });
    });
  }
}

/** `fastify()`, `Fastify({ logger })`, `require('fastify')()`: a new app. */
function isFastifyFactoryCall(call: ts.CallExpression, file: AnalyzedFile): boolean {
  const callee = skipOuterExpressions(call.expression);
  if (ts.isIdentifier(callee)) {
    const binding = file.imports.get(callee.text);
    return binding?.specifier === FASTIFY_MODULE && ['default', '*', 'fastify'].includes(binding.imported);
  }
  return ts.isCallExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'require' &&
    getStringValue(callee.arguments[0]) === FASTIFY_MODULE;
}

function isInstanceMethod(method: string): boolean {
  return FASTIFY_ROUTE_METHODS.has(method) || method === 'route' || method === 'register' || method === 'addHook';
}

/** `app.withTypeProvider<T>().after()` → `app`: calls that answer the instance they are made on. */
function skipSameInstanceCalls(expression: ts.Expression): ts.Expression {
  let root = expression;
  while (ts.isCallExpression(root) && ts.isPropertyAccessExpression(root.expression) && SAME_INSTANCE_METHODS.has(root.expression.name.text)) {
    root = skipOuterExpressions(root.expression.expression);
  }
  return root;
}

/** Whether a call on a parameter has the shape of Fastify's API rather than of a map, a cache or an HTTP client. */
function looksLikeInstanceCall(call: ts.CallExpression, method: string): boolean {
  const [first, second] = call.arguments;
  if (method === 'register') return first !== undefined;
  if (method === 'addHook') return GUARD_HOOKS.includes(getStringValue(first) ?? '');
  if (method === 'route') return first !== undefined && ts.isObjectLiteralExpression(skipOuterExpressions(first)) && getProperty(first, 'method') !== undefined;
  const handler = call.arguments.at(-1);
  const path = first && getRoutePath(first);
  return path !== undefined && second !== undefined && handler !== undefined &&
    (ts.isFunctionLike(skipOuterExpressions(handler)) || ts.isIdentifier(handler) || ts.isPropertyAccessExpression(handler) || isObjectWithHandler(handler) ||
      // A handler made by a factory (`instance.get('/:id', opts, getFilm(instance))`), on a path that reads as one.
      (ts.isCallExpression(skipOuterExpressions(handler)) && (path === '' || path.startsWith('/'))));
}

/**
 * A route path: a string, or one built from the plugin's options
 * (`opts.prefix + 'articles'`, in plugins that apply their prefix by hand
 * because `fastify-plugin` makes Fastify ignore it). The options part counts
 * as empty; any other dynamic part is `?`.
 */
function getRoutePath(node: ts.Expression): string | undefined {
  const value = skipOuterExpressions(node);
  const literal = getStringValue(value);
  if (literal !== undefined) return literal;
  if (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = getRoutePath(value.left) ?? getDynamicPart(value.left);
    const right = getRoutePath(value.right) ?? getDynamicPart(value.right);
    return left === '?' && right === '?' ? undefined : `${left}${right}`;
  }
  if (ts.isTemplateExpression(value)) {
    return value.head.text + value.templateSpans.map((span) => getDynamicPart(span.expression) + span.literal.text).join('');
  }
  return undefined;
}

function getDynamicPart(node: ts.Expression): string {
  const value = skipOuterExpressions(node);
  return ts.isPropertyAccessExpression(value) && value.name.text === 'prefix' ? '' : '?';
}

function isObjectWithHandler(node: ts.Expression): boolean {
  return getProperty(node, 'handler') !== undefined;
}

/** A property's value in an object literal: `handler: fn`, or the shorthand `{ handler }`. */
export function getProperty(node: ts.Expression, name: string): ts.Expression | undefined {
  const object = skipOuterExpressions(node);
  if (!ts.isObjectLiteralExpression(object)) return undefined;
  for (const property of object.properties) {
    if (!property.name || property.name.getText() !== name) continue;
    if (ts.isPropertyAssignment(property)) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property)) return property.name;
    if (ts.isMethodDeclaration(property)) return property as unknown as ts.Expression;
  }
  return undefined;
}
