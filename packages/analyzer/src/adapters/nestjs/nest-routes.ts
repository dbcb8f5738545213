import ts from '../../project/typescript.cjs';
import { splitIdentifierWords, type GuardFact, type HttpMethod, type RedlineVocabulary, type RouteFact } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { getCodeSpan } from '../../project/code-span.js';
import type { GuardClassifier } from '../../guards/classify-guard.js';
import type { HandlerInspector } from '../../guards/handler-checks.js';
import { isDeclaredPublicInComment, isPublicControllerName, isPublicHandlerName, isPublicPath } from '../../guards/public-paths.js';
import { joinPaths } from '../express/expand-routes.js';
import type { ProjectModel } from '../../project/project-model.js';
import { getRouterModulePrefixes } from './router-module.js';
import { returnsOnlyPlainValues } from '../../guards/plain-answers.js';
import { getDecoratorName, type NestAdapter, type NestEndpoint, type NestMiddlewareBinding } from './nest-adapter.js';
import { readsCallerFromRequest } from '../../guards/caller-reads.js';
import { answersOnlyWithErrors } from '../../guards/error-only-handlers.js';
import { getLocalInitializer, getTrailingName, skipOuterExpressions } from '../../project/lexical-scope.js';
import { getPropertyValue } from '../../project/object-literal.js';

/** How deep project decorators that call other project decorators (`GenericController` → `Auth`) are followed. */
const MAX_COMPOSITE_DEPTH = 2;

/**
 * NestJS endpoints as routes: global guards, then middleware bound with
 * `forRoutes` (matched by path, method or controller), then `@UseGuards` on
 * the class and the method. `@Public()`-style decorators mark a route public.
 */
export function buildNestRoutes(
  adapter: NestAdapter,
  project: ProjectModel,
  classifier: GuardClassifier,
  inspector: HandlerInspector,
  vocabulary: RedlineVocabulary,
): RouteFact[] {
  const modulePrefixes = getRouterModulePrefixes(adapter, project);
  const developmentControllers = new Set(adapter.modules.filter((module) => adapter.developmentModules.has(module.node.name?.text ?? ''))
    .flatMap((module) => module.controllers.map((controller) => controller.text)));
  const getControllerName = (endpoint: NestEndpoint) => {
    const controllerNode = endpoint.inheritedBy?.node ?? endpoint.handler.parent;
    return controllerNode && ts.isClassDeclaration(controllerNode) ? controllerNode.name?.text : undefined;
  };
  return adapter.endpoints.filter((endpoint) => !developmentControllers.has(getControllerName(endpoint) ?? '')).map((endpoint) => {
    const localPath = joinPaths(endpoint.controllerPath, endpoint.methodPath);
    const controllerName = getControllerName(endpoint);
    // GraphQL is served on its own path (`/graphql`), outside the global prefix and router modules.
    const path = endpoint.operation
      ? joinPaths('/', localPath)
      : joinPaths(adapter.globalPrefix, joinPaths((controllerName && modulePrefixes.get(controllerName)) ?? '', localPath));
    const toGuard = (expression: ts.Expression, file: AnalyzedFile, scope: GuardFact['scope']): GuardFact => ({
      ...classifier.classify(expression, file),
      scope,
      at: getCodeSpan(expression, file.sourceFile, file.relativePath),
    });
    // A route inherited from a base class has its class decorators in the controller's file.
    const controller = endpoint.inheritedBy;
    const fileOf = (node: ts.Node) => (controller && node.getSourceFile() !== endpoint.file.sourceFile ? controller.file : endpoint.file);
    const guards: GuardFact[] = [
      ...adapter.globalGuards.map(({ guard, file }) => toGuard(guard, file, 'global')),
      ...adapter.middleware
        .filter((binding) => bindingCovers(binding, endpoint, localPath))
        .flatMap((binding) => binding.middleware.map((middleware) => toGuard(middleware, binding.file, 'mount'))),
      ...endpoint.guards.map((guard) => toGuard(guard, fileOf(guard), 'guard')),
      ...endpoint.decorators.flatMap((decorator) => getCompositeGuards(decorator, fileOf(decorator), project))
        .map(({ guard, file }) => toGuard(guard, file, 'guard')),
    ];
    const optsOutOfGuards = endpoint.decorators.some((decorator) => isPublicDecorator(getDecoratorName(decorator) ?? ''));
    // `@UseGuards(SitePublicReadGuard)`, `@UseGuards(EndpointAnonymousIdGuard)`: a guard that admits callers by the
    // resource's public-access policy, or tags anonymous visitors, opens the route on purpose.
    const admitsThePublic = endpoint.guards.some((guard) => splitIdentifierWords(getTrailingName(skipOuterExpressions(guard))).some((word) => word === 'public' || word === 'anonymous'));
    return {
      framework: 'nestjs' as const,
      // GraphQL operations are judged among themselves: guarded mutations say nothing of the REST controllers beside
      // them (an IdP callback, a billing webhook), nor these of them.
      app: endpoint.operation ? 'nestjs-graphql' : 'nestjs',
      ...(endpoint.operation ? { graphql: endpoint.operation } : {}),
      method: endpoint.method,
      path,
      // An inherited route is served, and protected or not, by the controller that extends the base: it is where a reviewer looks.
      at: controller
        ? getCodeSpan(controller.node.name ?? controller.node, controller.file.sourceFile, controller.file.relativePath)
        : getCodeSpan(endpoint.decorator, endpoint.file.sourceFile, endpoint.file.relativePath),
      handler: getCodeSpan(endpoint.handler, endpoint.file.sourceFile, endpoint.file.relativePath),
      guards,
      // `class NoAuthIntegrationsController`: named for serving callers who are not signed in.
      isPublic: optsOutOfGuards || admitsThePublic || isPublicControllerName(controllerName) || isPublicHandlerName(endpoint.handler.name.getText()) ||
        inspector.optsOutOfAuth(endpoint.handler) || isPublicPath(path, endpoint.method, vocabulary.publicRoutes) || isDeclaredPublicInComment(endpoint.handler),
      optsOutOfGuards,
      handlerChecksAuth: inspector.checksAuth(endpoint.handler, endpoint.file),
      handlerChecksRole: inspector.checksRole(endpoint.handler),
      handlerReadsCaller: readsCallerFromRequest(endpoint.handler),
      handlerOnlyRejects: answersOnlyWithErrors(endpoint.handler),
      handlerReturnsPlainValue: returnsPlainValue(endpoint.handler),
      mountedFromOtherFile: guards.some((guard) => guard.at.file !== endpoint.file.relativePath),
      mountKnown: true,
    };
  });
}

/**
 * Guards a project's own composite decorator applies:
 * `export function Auth() { return applyDecorators(UseGuards(JwtGuard, RolesGuard)) }`.
 */
function getCompositeGuards(decorator: ts.Decorator, file: AnalyzedFile, project: ProjectModel): { guard: ts.Expression; file: AnalyzedFile }[] {
  const name = getDecoratorName(decorator);
  if (!name || name === 'UseGuards') return [];
  const resolved = project.resolveName(file, name);
  if (!resolved || !ts.isFunctionLike(resolved.node)) return [];
  const passed = ts.isCallExpression(decorator.expression) ? decorator.expression.arguments : undefined;
  return collectUseGuards(resolved.node, resolved.file, project, passed, 0);
}

/**
 * The `UseGuards(…)` calls in a composite decorator's body, and in the project
 * decorators it calls (`decs.push(Auth())`); a branch the caller switched off
 * (`if (secured) decs.push(Auth())` with `@GenericController('tags', false)`) adds none.
 */
function collectUseGuards(
  fn: ts.SignatureDeclaration,
  file: AnalyzedFile,
  project: ProjectModel,
  passed: ts.NodeArray<ts.Expression> | undefined,
  depth: number,
): { guard: ts.Expression; file: AnalyzedFile }[] {
  const guards: { guard: ts.Expression; file: AnalyzedFile }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIfStatement(node) && isSwitchedOff(node.expression, fn, passed)) {
      if (node.elseStatement) visit(node.elseStatement);
      return;
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      if (node.expression.text === 'UseGuards') {
        for (const guard of node.arguments.flatMap(expandSpreadGuards)) guards.push({ guard, file });
      } else if (depth < MAX_COMPOSITE_DEPTH) {
        const callee = project.resolveName(file, node.expression.text);
        if (callee && callee.node !== fn && ts.isFunctionLike(callee.node)) guards.push(...collectUseGuards(callee.node, callee.file, project, node.arguments, depth + 1));
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn, visit);
  return guards;
}

/**
 * `UseGuards(...options.guards)` with `const options = { guards: [JwtAuthGuard, PoliciesGuard], ...overrides }`:
 * the guards of the local array it spreads.
 */
function expandSpreadGuards(argument: ts.Expression): ts.Expression[] {
  if (!ts.isSpreadElement(argument)) return [argument];
  const spread = skipOuterExpressions(argument.expression);
  let list: ts.Expression | undefined;
  if (ts.isPropertyAccessExpression(spread)) {
    const owner = getLocalInitializer(spread.expression);
    const object = owner && skipOuterExpressions(owner);
    list = object && ts.isObjectLiteralExpression(object) ? getPropertyValue(object, spread.name.text) : undefined;
  } else {
    list = getLocalInitializer(spread);
  }
  const array = list && skipOuterExpressions(list);
  return array && ts.isArrayLiteralExpression(array) ? array.elements.filter((element) => !ts.isSpreadElement(element)) : [];
}

/** `if (secured)` where `secured` is the decorator's parameter and the caller passed `false` (or left out one that defaults to `false`). */
function isSwitchedOff(condition: ts.Expression, fn: ts.SignatureDeclaration, passed: ts.NodeArray<ts.Expression> | undefined): boolean {
  const flag = skipOuterExpressions(condition);
  if (!ts.isIdentifier(flag)) return false;
  const index = fn.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === flag.text);
  if (index < 0) return false;
  const value = passed?.[index] ?? fn.parameters[index]!.initializer;
  return value !== undefined && skipOuterExpressions(value).kind === ts.SyntaxKind.FalseKeyword;
}

/** `@Public()`, `@AllowAnonymous()`, `@SkipAuth()`, `@IsPublic()`, `@NoAuth()`. */
function isPublicDecorator(name: string): boolean {
  const words = splitIdentifierWords(name);
  return words.includes('public') || words.includes('anonymous') || (words.includes('skip') && words.includes('auth')) || (words.includes('no') && words.includes('auth'));
}

function bindingCovers(binding: NestMiddlewareBinding, endpoint: NestEndpoint, localPath: string): boolean {
  const controllerName = endpoint.handler.parent && ts.isClassDeclaration(endpoint.handler.parent) ? endpoint.handler.parent.name?.text : undefined;
  const covered = binding.targets.some((target) =>
    target.controller !== undefined
      ? target.controller === controllerName
      : target.path !== undefined && methodMatches(target.method, endpoint.method) && pathMatches(target.path, localPath),
  );
  const excluded = binding.excludes.some((target) => methodMatches(target.method, endpoint.method) && pathMatches(target.path, localPath));
  return covered && !excluded;
}

function methodMatches(target: HttpMethod | undefined, method: HttpMethod): boolean {
  return target === undefined || target === method || method === 'ALL';
}

/** Nest route patterns: `:param` matches a segment; `*`, `(.*)`, `*name`, `{*name}` match the rest; a pattern covers the paths below it. */
function pathMatches(pattern: string, path: string): boolean {
  const patternSegments = pattern.replace(/^\/+|\/+$/g, '').split('/').filter(Boolean);
  const pathSegments = path.replace(/^\/+|\/+$/g, '').split('/').filter(Boolean);
  for (let index = 0; index < patternSegments.length; index++) {
    const segment = patternSegments[index]!;
    if (/^(?:\*.*|\(\.\*\)|\{\*.*\})$/.test(segment)) return true;
    const actual = pathSegments[index];
    if (actual === undefined) return false;
    if (segment.startsWith(':') || actual.startsWith(':')) continue;
    if (segment !== actual) return false;
  }
  // `forRoutes('users')` is read as covering `users/...` too: reading it as exact would report routes
  // Nest may well protect, and a false alarm costs more than a miss.
  return patternSegments.length <= pathSegments.length;
}

/** A method declared to return a string, number or boolean, or a promise of one (`getHello(): string`). */
function returnsPlainValue(method: ts.MethodDeclaration): boolean {
  let type = method.type;
  if (type && ts.isTypeReferenceNode(type) && type.typeName.getText() === 'Promise') type = type.typeArguments?.[0];
  return (type !== undefined && [ts.SyntaxKind.StringKeyword, ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.BooleanKeyword].includes(type.kind)) ||
    returnsOnlyPlainValues(method);
}
