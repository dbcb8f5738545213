import ts from '../../project/typescript.cjs';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { findLocalDeclaration, getStringValue, skipOuterExpressions } from '../../project/lexical-scope.js';
import type { ProjectModel } from '../../project/project-model.js';
import { joinPaths } from '../express/expand-routes.js';
import type { NestAdapter } from './nest-adapter.js';

/** How deep `children` of `RouterModule` routes are followed. */
const MAX_DEPTH = 4;

/**
 * The path prefix `RouterModule.register(routes)` gives each controller, by
 * the controller's class name:
 *
 *     const routes: Routes = [{ path: '/api/private', module: PrivateApiModule, children: [...] }];
 *     @Module({ controllers: [UsersController] }) export class PrivateApiModule {}
 *
 * puts `UsersController`'s routes under `/api/private`.
 */
export function getRouterModulePrefixes(adapter: NestAdapter, project: ProjectModel): Map<string, string> {
  const modulePrefixes = new Map<string, string>();
  const readRoutes = (expression: ts.Expression, file: AnalyzedFile, prefix: string, depth: number): void => {
    const routes = resolveArray(expression, file, project);
    if (!routes || depth > MAX_DEPTH) return;
    for (const element of routes.node.elements) {
      const route = skipOuterExpressions(element);
      if (!ts.isObjectLiteralExpression(route)) continue;
      const path = joinPaths(prefix, getStringValue(getProperty(route, 'path')) ?? '');
      const module = getProperty(route, 'module');
      if (module && ts.isIdentifier(module)) modulePrefixes.set(module.text, path);
      const children = getProperty(route, 'children');
      if (children) readRoutes(children, routes.file, path, depth + 1);
    }
  };
  for (const { routes, file } of adapter.routerModules) readRoutes(routes, file, '', 0);
  const byController = new Map<string, string>();
  for (const module of adapter.modules) {
    const prefix = module.node.name && modulePrefixes.get(module.node.name.text);
    if (prefix !== undefined) for (const controller of module.controllers) byController.set(controller.text, prefix);
  }
  return byController;
}

function getProperty(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  const property = object.properties.find((candidate) => ts.isPropertyAssignment(candidate) && candidate.name.getText() === name);
  return property && ts.isPropertyAssignment(property) ? skipOuterExpressions(property.initializer) : undefined;
}

/** An array literal as written, or the one a variable of this file (or an imported one) holds. */
function resolveArray(expression: ts.Expression, file: AnalyzedFile, project: ProjectModel): { node: ts.ArrayLiteralExpression; file: AnalyzedFile } | undefined {
  const node = skipOuterExpressions(expression);
  if (ts.isArrayLiteralExpression(node)) return { node, file };
  if (!ts.isIdentifier(node)) return undefined;
  const local = findLocalDeclaration(node);
  const resolved = local && ts.isVariableDeclaration(local) && local.initializer ? { node: local.initializer, file } : project.resolveName(file, node.text);
  const value = resolved && skipOuterExpressions(resolved.node as ts.Expression);
  return value && ts.isArrayLiteralExpression(value) ? { node: value, file: resolved.file } : undefined;
}
