import ts from '../../project/typescript.cjs';
import type { HttpMethod } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { getStringValue, skipOuterExpressions } from '../../project/lexical-scope.js';
import { joinPaths } from '../express/expand-routes.js';
import { GUARD_HOOKS, type FastifyEvent } from './fastify-model.js';

/** fastify-decorators: classes whose decorated methods become Fastify routes when `bootstrap` loads them. */
export const DECORATORS_MODULE = 'fastify-decorators';

const METHOD_DECORATORS: ReadonlyMap<string, HttpMethod> = new Map([
  ['GET', 'GET'], ['POST', 'POST'], ['PUT', 'PUT'], ['PATCH', 'PATCH'], ['DELETE', 'DELETE'],
  ['HEAD', 'HEAD'], ['OPTIONS', 'OPTIONS'], ['ALL', 'ALL'],
]);

/** A route or hook a fastify-decorators decorator declares, and the class it belongs to. */
export interface DecoratedEvent {
  controller: ts.ClassLikeDeclaration;
  event: FastifyEvent;
}

/**
 * Reads a decorator call from fastify-decorators: `@GET('/:id', { onRequest: [auth] })`
 * or `@POST({ url, options })` on a controller method, `@GET('/')` on a
 * request-handler class (its `handle` method answers), and `@Hook('onRequest')`
 * on a method, which runs before every route of the controller. The
 * controller's `@Controller('/users')` / `@Controller({ route })` prefixes the paths.
 */
export function readDecoratorCall(call: ts.CallExpression, file: AnalyzedFile): DecoratedEvent | undefined {
  const imported = getImportedName(call.expression, file);
  if (imported === undefined) return undefined;
  const decorated = call.parent.parent;
  const controller = ts.isClassLike(decorated) ? decorated : decorated && ts.isMethodDeclaration(decorated) && ts.isClassLike(decorated.parent) ? decorated.parent : undefined;
  if (!controller) return undefined;

  const method = METHOD_DECORATORS.get(imported);
  if (method) {
    const [first, second] = call.arguments;
    const url = first && (getStringValue(skipOuterExpressions(first)) ?? getObjectProperty(first, 'url'));
    const path = url === undefined ? (first ? undefined : '') : typeof url === 'string' ? url : getStringValue(url);
    if (path === undefined) return undefined;
    const options = second ?? (first && ts.isObjectLiteralExpression(skipOuterExpressions(first)) ? asExpression(getObjectProperty(first, 'options')) : undefined);
    const handler = ts.isMethodDeclaration(decorated!) ? decorated : findHandleMethod(controller);
    return {
      controller,
      event: {
        type: 'route',
        methods: [method],
        path: joinPaths(getControllerPrefix(controller, file), path),
        ...(options ? { options } : {}),
        ...(handler ? { handler: handler as unknown as ts.Expression } : {}),
        call,
        file,
      },
    };
  }
  if (imported === 'Hook' && decorated && ts.isMethodDeclaration(decorated)) {
    const hook = getStringValue(call.arguments[0]);
    if (!hook || !GUARD_HOOKS.includes(hook)) return undefined;
    return { controller, event: { type: 'hook', hook, fn: decorated as unknown as ts.Expression, call, file } };
  }
  return undefined;
}

/** Whether a `register` call loads fastify-decorators' `bootstrap`, which registers the controllers in the registering context. */
export function isDecoratorsBootstrap(plugin: ts.Expression, file: AnalyzedFile): boolean {
  return getImportedName(plugin, file) === 'bootstrap';
}

/** `bootstrap(app, { controllers: [UserController] })`: the classes named; undefined when it loads a directory (all of them). */
export function getBootstrappedControllers(options: ts.Expression | undefined): string[] | undefined {
  const list = options && asExpression(getObjectProperty(options, 'controllers'));
  const node = list && skipOuterExpressions(list);
  if (!node || !ts.isArrayLiteralExpression(node)) return undefined;
  return node.elements.flatMap((element) => (ts.isIdentifier(element) ? [element.text] : []));
}

function getImportedName(expression: ts.Expression, file: AnalyzedFile): string | undefined {
  const node = skipOuterExpressions(expression);
  if (!ts.isIdentifier(node)) return undefined;
  const binding = file.imports.get(node.text);
  return binding?.specifier === DECORATORS_MODULE ? binding.imported : undefined;
}

function getControllerPrefix(controller: ts.ClassLikeDeclaration, file: AnalyzedFile): string {
  for (const decorator of ts.getDecorators(controller) ?? []) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call) || getImportedName(call.expression, file) !== 'Controller') continue;
    const argument = call.arguments[0];
    if (!argument) return '';
    const route = getStringValue(skipOuterExpressions(argument)) ?? getObjectProperty(argument, 'route');
    return typeof route === 'string' ? route : getStringValue(route) ?? '/?';
  }
  return '';
}

/** A request-handler class answers in `handle()`. */
function findHandleMethod(controller: ts.ClassLikeDeclaration): ts.MethodDeclaration | undefined {
  return controller.members.find((member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && member.name.getText() === 'handle');
}

function getObjectProperty(node: ts.Expression, name: string): ts.Node | undefined {
  const object = skipOuterExpressions(node);
  if (!ts.isObjectLiteralExpression(object)) return undefined;
  const property = object.properties.find((candidate) => candidate.name?.getText() === name);
  return property && ts.isPropertyAssignment(property) ? property.initializer : undefined;
}

function asExpression(node: ts.Node | undefined): ts.Expression | undefined {
  return node as ts.Expression | undefined;
}
