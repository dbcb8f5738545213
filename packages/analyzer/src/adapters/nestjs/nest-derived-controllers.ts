import ts from '../../project/typescript.cjs';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { getExtendedExpression, getStringValue, skipOuterExpressions } from '../../project/lexical-scope.js';
import type { ProjectModel } from '../../project/project-model.js';
import type { NestAdapter } from './nest-adapter.js';

/** How many levels of base classes (`CategoryController` → `CrudController` → `BaseController`) are followed. */
const MAX_BASE_DEPTH = 3;

/**
 * Controllers the walk alone cannot see, once the project is read:
 *
 * - a class decorated by a project decorator that applies `Controller()`
 *   (`@GenericController('categories')` with
 *   `return applyDecorators(ApiTags(name), Controller(name), Auth())`);
 * - routes a controller inherits (`class CategoryController extends
 *   ControllerFactory<Category>() {}`, where the factory returns a class with
 *   `@Post() create()`, `@Delete(':id') remove()`): they are served under the
 *   subclass's path, with its class guards.
 */
export function addDerivedNestControllers(adapter: NestAdapter, project: ProjectModel): void {
  for (const candidate of adapter.composedCandidates) {
    const controllerPath = readComposedControllerPath(candidate.decorator, candidate.file, project);
    if (controllerPath === undefined) continue;
    const controller = { node: candidate.node, file: candidate.file, controllerPath };
    adapter.controllers.push(controller);
    adapter.addEndpoints(controller, candidate.node, candidate.file);
  }
  for (const controller of adapter.controllers) {
    let current: { node: ts.ClassLikeDeclaration; file: AnalyzedFile } = controller;
    for (let depth = 0; depth < MAX_BASE_DEPTH; depth++) {
      const base = resolveBaseClass(current.node, current.file, project);
      if (!base) break;
      adapter.addEndpoints(controller, base.node, base.file);
      current = base;
    }
  }
}

/**
 * The path a project's controller decorator gives `Controller()`: a literal,
 * or the decorator's own argument it passes on (`Controller(name)`). None
 * when the decorator does not apply `Controller()`.
 */
function readComposedControllerPath(decorator: ts.Decorator, file: AnalyzedFile, project: ProjectModel): string | undefined {
  const call = decorator.expression as ts.CallExpression;
  const callee = skipOuterExpressions(call.expression);
  const resolved = ts.isIdentifier(callee) ? project.resolveName(file, callee.text) : undefined;
  const fn = resolved?.node;
  if (!fn || !ts.isFunctionLike(fn)) return undefined;
  let controllerCall: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (controllerCall) return;
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Controller') controllerCall = node;
    else ts.forEachChild(node, visit);
  };
  visit(fn);
  if (!controllerCall) return undefined;
  const argument = controllerCall.arguments[0] && skipOuterExpressions(controllerCall.arguments[0]);
  if (!argument) return '';
  const literal = getStringValue(argument);
  if (literal !== undefined) return literal;
  // `Controller(name)` with `name` the decorator's parameter: what the class passed (`@GenericController('categories')`).
  const index = ts.isIdentifier(argument)
    ? (fn as ts.SignatureDeclaration).parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === argument.text)
    : -1;
  return getStringValue(call.arguments[index >= 0 ? index : 0]) ?? '';
}

/** The class a class extends: a project class (`extends BaseController`), or the one a factory returns (`extends ControllerFactory<T>()`). */
function resolveBaseClass(node: ts.ClassLikeDeclaration, file: AnalyzedFile, project: ProjectModel): { node: ts.ClassLikeDeclaration; file: AnalyzedFile } | undefined {
  const heritage = getExtendedExpression(node);
  if (!heritage) return undefined;
  const base = skipOuterExpressions(heritage);
  const target = ts.isCallExpression(base) ? skipOuterExpressions(base.expression) : base;
  if (!ts.isIdentifier(target)) return undefined;
  const resolved = project.resolveName(file, target.text);
  if (!resolved) return undefined;
  if (ts.isClassDeclaration(resolved.node) || ts.isClassExpression(resolved.node)) return { node: resolved.node, file: resolved.file };
  if (!ts.isCallExpression(base) || !ts.isFunctionLike(resolved.node)) return undefined;
  let found: ts.ClassLikeDeclaration | undefined;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isClassDeclaration(child) || ts.isClassExpression(child)) found = child;
    else ts.forEachChild(child, visit);
  };
  visit(resolved.node);
  return found && { node: found, file: resolved.file };
}
