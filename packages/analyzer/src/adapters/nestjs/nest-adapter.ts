import ts from '../../project/typescript.cjs';
import { splitIdentifierWords, type HttpMethod } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { getLocalInitializer, getStringValue, skipOuterExpressions } from '../../project/lexical-scope.js';
import type { NodeVisitor } from '../../walk/walker.js';
import { getDevelopmentOnlyImports } from './development-modules.js';

const ROUTE_DECORATORS: ReadonlyMap<string, HttpMethod> = new Map([
  ['Get', 'GET'], ['Post', 'POST'], ['Put', 'PUT'], ['Patch', 'PATCH'], ['Delete', 'DELETE'],
  ['All', 'ALL'], ['Head', 'HEAD'], ['Options', 'OPTIONS'],
]);

/**
 * GraphQL operations of a `@Resolver()` class (@nestjs/graphql, type-graphql): a `@Mutation()` changes data like a
 * POST, a `@Query()` reads like a GET. Field resolvers and subscriptions run under the operation that reaches them.
 */
const GRAPHQL_OPERATIONS: ReadonlyMap<string, { method: HttpMethod; operation: 'query' | 'mutation' }> = new Map([
  ['Mutation', { method: 'POST', operation: 'mutation' }],
  ['Query', { method: 'GET', operation: 'query' }],
]);

/** A controller method with a route decorator, or a resolver method with an operation decorator. */
export interface NestEndpoint {
  file: AnalyzedFile;
  method: HttpMethod;
  controllerPath: string;
  methodPath: string;
  /** The route decorator (`@Post('x')`): where a reviewer looks. */
  decorator: ts.Decorator;
  handler: ts.MethodDeclaration;
  /** `@UseGuards(...)` arguments on the class, then on the method. */
  guards: ts.Expression[];
  /** Decorators on the class, then the method: `@Public()`-style metadata, composite decorators. */
  decorators: ts.Decorator[];
  /** For a route inherited from a base class (`file` and `decorator` are the base's): the controller that serves it, whose class decorators apply. */
  inheritedBy?: NestController;
  /** For a GraphQL operation: its kind; `methodPath` is then the field it resolves. */
  operation?: 'query' | 'mutation';
}

/**
 * Decorators whose arguments run before a route: Nest's `@UseGuards(…)`, and overnightjs's
 * `@Middleware(fn | [fns])` on a method and `@ClassMiddleware(…)` on a controller (its `@Controller`
 * and `@Get` read like Nest's).
 */
const METHOD_GUARD_DECORATORS = new Set(['UseGuards', 'Middleware', 'UseBefore']);
const CLASS_GUARD_DECORATORS = new Set(['UseGuards', 'ClassMiddleware', 'UseBefore']);
/** Controller decorators: Nest's and overnightjs's `@Controller`, routing-controllers' `@JsonController` too. */
const CONTROLLER_DECORATORS = new Set(['Controller', 'JsonController']);

/**
 * `@UseGuards(A, B)` → `A`, `B`; `@Middleware([auth, limiter])` and routing-controllers' `@UseBefore(auth)` →
 * their middleware; routing-controllers' and type-graphql's `@Authorized()` / `@Authorized(['admin'])` is a check
 * of its own (the app's `authorizationChecker`), so the decorator call itself is the guard.
 */
function getGuardArguments(decorator: ts.Decorator): ts.Expression[] {
  if (getDecoratorName(decorator) === 'Authorized') return [decorator.expression];
  return getDecoratorArguments(decorator).flatMap((argument) => {
    const value = skipOuterExpressions(argument);
    return ts.isArrayLiteralExpression(value) ? value.elements.filter((element) => !ts.isSpreadElement(element)) : [argument];
  });
}

/** A controller class and its path. */
export interface NestController {
  node: ts.ClassDeclaration;
  file: AnalyzedFile;
  controllerPath: string;
}

/** `consumer.apply(AuthMiddleware).forRoutes(...)`: middleware and the routes it covers. */
export interface NestMiddlewareBinding {
  file: AnalyzedFile;
  middleware: ts.Expression[];
  /** Paths (`'articles/:slug'`, `'*'`) with an optional method, or controller class names. */
  targets: { path?: string; method?: HttpMethod; controller?: string }[];
  excludes: { path: string; method?: HttpMethod }[];
}

/**
 * Records NestJS controllers and their endpoints, global guards (`APP_GUARD`
 * providers, `app.useGlobalGuards`), middleware bindings and the global prefix.
 */
export class NestAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.ClassDeclaration, ts.SyntaxKind.CallExpression, ts.SyntaxKind.ObjectLiteralExpression] as const;
  readonly endpoints: NestEndpoint[] = [];
  /** Classes with `@Controller()`, and those a project decorator made controllers (see nest-derived-controllers.ts). */
  readonly controllers: NestController[] = [];
  /** Classes with a project decorator named like a controller (`@GenericController('tags')`), not yet known to apply `Controller()`. */
  readonly composedCandidates: { node: ts.ClassDeclaration; file: AnalyzedFile; decorator: ts.Decorator }[] = [];
  readonly globalGuards: { file: AnalyzedFile; guard: ts.Expression }[] = [];
  readonly middleware: NestMiddlewareBinding[] = [];
  /** `RouterModule.register(routes)`: the routes argument, resolved once the project is read (see router-module.ts). */
  readonly routerModules: { file: AnalyzedFile; routes: ts.Expression }[] = [];
  /** `@Module({ controllers: [UsersController] })`: each module class with the controllers it declares. */
  readonly modules: { node: ts.ClassDeclaration; controllers: ts.Identifier[] }[] = [];
  /** Modules imported in development only (`isDev && DebugModule`): their controllers serve no production request. */
  readonly developmentModules = new Set<string>();
  globalPrefix = '';

  visit(node: ts.Node, file: AnalyzedFile): void {
    if (ts.isClassDeclaration(node)) this.readController(node, file);
    else if (ts.isCallExpression(node)) this.readCall(node, file);
    else if (ts.isObjectLiteralExpression(node)) this.readProvider(node, file);
  }

  private readController(node: ts.ClassDeclaration, file: AnalyzedFile): void {
    const classDecorators = getDecorators(node);
    const controller = classDecorators.find((decorator) => CONTROLLER_DECORATORS.has(getDecoratorName(decorator) ?? ''));
    if (controller) {
      const found = { node, file, controllerPath: readDecoratorPath(controller) };
      this.controllers.push(found);
      this.addEndpoints(found, node, file);
      return;
    }
    // `@GenericController('categories')`: a project decorator that may apply `Controller()`; confirmed once the project is read.
    if (classDecorators.some((decorator) => getDecoratorName(decorator) === 'Resolver')) {
      this.addOperations(node, file);
      return;
    }
    const composed = classDecorators.find((decorator) => ts.isCallExpression(decorator.expression) && splitIdentifierWords(getDecoratorName(decorator) ?? '').at(-1) === 'controller');
    if (composed) this.composedCandidates.push({ node, file, decorator: composed });
  }

  /**
   * Adds the route methods of `source` (the controller class itself, or a base
   * class it inherits them from) as endpoints of `controller`, under its path,
   * class guards and class decorators. A method the controller overrides is its own.
   */
  addEndpoints(controller: NestController, source: ts.ClassLikeDeclaration, sourceFile: AnalyzedFile): void {
    const classDecorators = getDecorators(controller.node);
    const classGuards = classDecorators.filter((decorator) => CLASS_GUARD_DECORATORS.has(getDecoratorName(decorator) ?? '') || getDecoratorName(decorator) === 'Authorized').flatMap(getGuardArguments);
    const overridden = new Set(source === controller.node ? [] : controller.node.members.flatMap((member) => (member.name ? [member.name.getText()] : [])));
    for (const member of source.members) {
      if (!ts.isMethodDeclaration(member) || overridden.has(member.name.getText())) continue;
      const decorators = getDecorators(member);
      const route = decorators.find((decorator) => ROUTE_DECORATORS.has(getDecoratorName(decorator) ?? ''));
      if (!route) continue;
      this.endpoints.push({
        file: sourceFile,
        method: ROUTE_DECORATORS.get(getDecoratorName(route)!)!,
        controllerPath: controller.controllerPath,
        methodPath: readDecoratorPath(route),
        decorator: route,
        handler: member,
        guards: [...classGuards, ...decorators.filter((decorator) => METHOD_GUARD_DECORATORS.has(getDecoratorName(decorator) ?? '') || getDecoratorName(decorator) === 'Authorized').flatMap(getGuardArguments)],
        decorators: [...classDecorators, ...decorators],
        ...(source === controller.node ? {} : { inheritedBy: controller }),
      });
    }
  }

  /** A resolver's `@Query()` and `@Mutation()` methods, under the class's and the method's guards. */
  private addOperations(resolver: ts.ClassDeclaration, file: AnalyzedFile): void {
    const classDecorators = getDecorators(resolver);
    const isGuard = (decorator: ts.Decorator) => getDecoratorName(decorator) === 'UseGuards' || getDecoratorName(decorator) === 'Authorized';
    const classGuards = classDecorators.filter(isGuard).flatMap(getGuardArguments);
    for (const member of resolver.members) {
      if (!ts.isMethodDeclaration(member)) continue;
      const decorators = getDecorators(member);
      const decorator = decorators.find((candidate) => GRAPHQL_OPERATIONS.has(getDecoratorName(candidate) ?? ''));
      if (!decorator) continue;
      const { method, operation } = GRAPHQL_OPERATIONS.get(getDecoratorName(decorator)!)!;
      this.endpoints.push({
        file,
        method,
        operation,
        controllerPath: 'graphql',
        methodPath: readOperationName(decorator) ?? member.name.getText(),
        decorator,
        handler: member,
        guards: [...classGuards, ...decorators.filter(isGuard).flatMap(getGuardArguments)],
        decorators: [...classDecorators, ...decorators],
      });
    }
  }

  private readCall(call: ts.CallExpression, file: AnalyzedFile): void {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee)) return;
    const name = callee.name.text;
    if (name === 'useGlobalGuards') {
      for (const guard of call.arguments) this.globalGuards.push({ file, guard: unwrapProviderLookup(guard) });
    } else if (name === 'setGlobalPrefix') {
      this.globalPrefix = getStringValue(call.arguments[0]) ?? this.globalPrefix;
    } else if (name === 'forRoutes') {
      this.readMiddlewareBinding(call, file);
    } else if (name === 'register' && callee.expression.getText() === 'RouterModule' && call.arguments[0]) {
      this.routerModules.push({ file, routes: call.arguments[0] });
    }
  }

  /** `consumer.apply(A, B).exclude(...).forRoutes(...)`. */
  private readMiddlewareBinding(call: ts.CallExpression, file: AnalyzedFile): void {
    let middleware: ts.Expression[] | undefined;
    const excludes: NestMiddlewareBinding['excludes'] = [];
    for (let current: ts.Expression = (call.expression as ts.PropertyAccessExpression).expression;
      ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression);
      current = current.expression.expression) {
      const step = current.expression.name.text;
      if (step === 'apply') middleware = expandLocalSpreads(current.arguments);
      if (step === 'exclude') excludes.push(...expandLocalSpreads(current.arguments).flatMap(readRouteInfo).filter((target): target is { path: string; method?: HttpMethod } => target.path !== undefined));
    }
    if (!middleware) return;
    this.middleware.push({ file, middleware, targets: expandLocalSpreads(call.arguments).flatMap(readRouteInfo), excludes });
  }

  /** `@Module({ controllers: [UsersController, …] })` on `class PrivateApiModule`. */
  private readModuleControllers(node: ts.ObjectLiteralExpression): void {
    const call = node.parent;
    const decorator = call?.parent;
    if (!call || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'Module') return;
    if (!decorator || !ts.isDecorator(decorator) || !ts.isClassDeclaration(decorator.parent) || !decorator.parent.name) return;
    const imports = node.properties.find((property) => ts.isPropertyAssignment(property) && property.name.getText() === 'imports');
    if (imports && ts.isPropertyAssignment(imports)) for (const name of getDevelopmentOnlyImports(imports.initializer)) this.developmentModules.add(name);
    const controllers = node.properties.find((property) => ts.isPropertyAssignment(property) && property.name.getText() === 'controllers');
    const list = controllers && ts.isPropertyAssignment(controllers) ? skipOuterExpressions(controllers.initializer) : undefined;
    if (!list || !ts.isArrayLiteralExpression(list)) return;
    this.modules.push({ node: decorator.parent, controllers: list.elements.filter(ts.isIdentifier) });
  }

  /** `{ provide: APP_GUARD, useClass: JwtAuthGuard }`; `@Module({ controllers: [...] })`. */
  private readProvider(node: ts.ObjectLiteralExpression, file: AnalyzedFile): void {
    this.readModuleControllers(node);
    let isGlobalGuard = false;
    let guard: ts.Expression | undefined;
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property)) continue;
      const key = property.name.getText();
      if (key === 'provide' && property.initializer.getText() === 'APP_GUARD') isGlobalGuard = true;
      if (key === 'useClass' || key === 'useExisting') guard = property.initializer;
    }
    if (isGlobalGuard && guard) this.globalGuards.push({ file, guard });
  }
}

/** `app.get(MainAuthGuard)`, `app.select(AuthModule).get(JwtGuard)`: the guard class the app's container hands over. */
function unwrapProviderLookup(guard: ts.Expression): ts.Expression {
  const node = skipOuterExpressions(guard);
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'get' || node.arguments.length === 0) return guard;
  const [provider] = node.arguments;
  return provider && ts.isIdentifier(skipOuterExpressions(provider)) ? provider : guard;
}

/**
 * Arguments with `...list` replaced by the elements of the array `list` holds, when it is
 * declared in this file (`const authenticatedControllers = [UsersController, …]`).
 */
function expandLocalSpreads(args: readonly ts.Expression[]): ts.Expression[] {
  return args.flatMap((argument) => {
    if (!ts.isSpreadElement(argument)) return [argument];
    const list = getLocalInitializer(argument.expression);
    const array = list && skipOuterExpressions(list);
    return array && ts.isArrayLiteralExpression(array) ? expandLocalSpreads(array.elements) : [];
  });
}

function readRouteInfo(argument: ts.Expression): { path?: string; method?: HttpMethod; controller?: string }[] {
  const node = skipOuterExpressions(argument);
  const path = getStringValue(node);
  if (path !== undefined) return [{ path }];
  if (ts.isIdentifier(node)) return [{ controller: node.text }];
  if (ts.isObjectLiteralExpression(node)) {
    let routePath: string | undefined;
    let method: HttpMethod | undefined;
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property)) continue;
      const key = property.name.getText();
      if (key === 'path') routePath = getStringValue(property.initializer);
      if (key === 'method') {
        const value = property.initializer.getText().split('.').at(-1)?.toUpperCase();
        if (value && value !== 'ALL') method = value as HttpMethod;
      }
    }
    return routePath !== undefined ? [{ path: routePath, ...(method ? { method } : {}) }] : [];
  }
  return [];
}

function getDecorators(node: ts.HasDecorators): readonly ts.Decorator[] {
  return ts.getDecorators(node) ?? [];
}

/** `@Get()` → `Get`, `@nest.Get()` → `Get`. */
export function getDecoratorName(decorator: ts.Decorator): string | undefined {
  let expression: ts.Expression = decorator.expression;
  if (ts.isCallExpression(expression)) expression = expression.expression;
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

/** The arguments of a decorator call: `@UseGuards(A, B)` → `A`, `B`. */
export function getDecoratorArguments(decorator: ts.Decorator): ts.Expression[] {
  return ts.isCallExpression(decorator.expression) ? [...decorator.expression.arguments] : [];
}

/** The field a GraphQL operation resolves, when the decorator names it: `@Query('users')`, `@Mutation(() => User, { name: 'signUp' })`. */
function readOperationName(decorator: ts.Decorator): string | undefined {
  for (const argument of getDecoratorArguments(decorator)) {
    const name = getStringValue(argument);
    if (name !== undefined) return name;
    if (!ts.isObjectLiteralExpression(argument)) continue;
    const property = argument.properties.find((candidate) => ts.isPropertyAssignment(candidate) && candidate.name.getText() === 'name');
    if (property && ts.isPropertyAssignment(property)) return getStringValue(property.initializer);
  }
  return undefined;
}

/** `@Controller('users')`, `@Controller({ path: 'users' })`, `@Get(':id')` → the path. */
function readDecoratorPath(decorator: ts.Decorator): string {
  const [written] = getDecoratorArguments(decorator);
  // `const paths = ['links', 'friends']; @Controller(paths)`
  const first = written && ts.isIdentifier(written) ? getLocalInitializer(written) ?? written : written;
  if (!first) return '';
  const direct = getStringValue(first);
  if (direct !== undefined) return direct;
  if (ts.isObjectLiteralExpression(first)) {
    for (const property of first.properties) {
      if (ts.isPropertyAssignment(property) && property.name.getText() === 'path') return getStringValue(property.initializer) ?? '';
    }
  }
  if (ts.isArrayLiteralExpression(first)) return getStringValue(first.elements[0]) ?? '';
  return '';
}
