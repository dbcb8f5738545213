import ts from '../../project/typescript.cjs';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { getStringValue, skipOuterExpressions } from '../../project/lexical-scope.js';
import { getPropertyValue } from '../../project/object-literal.js';
import type { ProjectModel } from '../../project/project-model.js';
import { joinPaths, resolveArray } from '../express/expand-routes.js';
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
    const list = routes && skipOuterExpressions(routes.node as ts.Expression);
    if (!routes || !list || !ts.isArrayLiteralExpression(list) || depth > MAX_DEPTH) return;
    for (const element of list.elements) {
      const route = skipOuterExpressions(element);
      if (!ts.isObjectLiteralExpression(route)) continue;
      const path = joinPaths(prefix, getStringValue(getPropertyValue(route, 'path')) ?? '');
      const module = getPropertyValue(route, 'module');
      if (module && ts.isIdentifier(module)) modulePrefixes.set(module.text, path);
      const children = getPropertyValue(route, 'children');
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
