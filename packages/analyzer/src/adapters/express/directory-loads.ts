import { dirname, relative, sep } from 'node:path';
import ts from '../../project/typescript.cjs';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { skipOuterExpressions } from '../../project/lexical-scope.js';
import type { ProjectModel } from '../../project/project-model.js';
import { evaluateStaticPath } from '../fastify/static-path.js';
import { isLoadedModule, type RouterAdapter } from './router-adapter.js';
import type { DirectoryLoad, RouterObject } from './router-model.js';

/**
 * What each require-directory load mounts, keyed by the node a mount is read
 * from: the `use` argument when the visitor's receiver is a router we know
 * (`app.use(obj.routes())` on the app of this file), or else the argument of
 * the call that hands the app to the code holding the load
 * (`InitManager.initCore(app)`, whose class stores the app and loads the
 * folder). The routers are those the folder's modules export; a load whose
 * folder or filters cannot be read without running the code mounts nothing.
 */
export function resolveDirectoryLoads(
  adapter: RouterAdapter,
  project: ProjectModel,
  exportsRouter: (file: AnalyzedFile, router: RouterObject) => boolean,
): Map<ts.Node, RouterObject[]> {
  const mounts = new Map<ts.Node, RouterObject[]>();
  for (const load of adapter.directoryLoads) {
    const dir = evaluateStaticPath(load.dir, load.file, project.root);
    const filter = dir === undefined ? undefined : readFilter(load.options);
    if (dir === undefined || filter === undefined) continue;
    const children = adapter.routers.filter((router) => !router.isApp && !router.parameterOf && isLoaded(router.file, dir, filter) && exportsRouter(router.file, router));
    if (children.length === 0) continue;
    const receiver = skipOuterExpressions((load.use.expression as ts.PropertyAccessExpression).expression);
    const argument = load.use.arguments.find((candidate) => isLoadedModule(candidate, load.parameter));
    if (adapter.getRouterOf(receiver) && argument) {
      mounts.set(argument, children);
      continue;
    }
    // `InitManager.app.use(obj.routes())`: the app was stored elsewhere; the hand-off into this code says which.
    if (load.use.arguments.length !== 1) continue;
    const handOff = findHandOff(load, adapter, project);
    if (handOff) mounts.set(handOff, children);
  }
  return mounts;
}

/** require-directory's `recurse` (default true) and `include`/`exclude` regular expressions; undefined for filter functions. */
function readFilter(options: ts.ObjectLiteralExpression): { recurse: boolean; include?: RegExp; exclude?: RegExp } | undefined {
  const filter: { recurse: boolean; include?: RegExp; exclude?: RegExp } = { recurse: true };
  for (const property of options.properties) {
    const key = property.name?.getText();
    if (!ts.isPropertyAssignment(property)) continue;
    const value = skipOuterExpressions(property.initializer);
    if (key === 'recurse') filter.recurse = value.kind !== ts.SyntaxKind.FalseKeyword;
    if (key === 'include' || key === 'exclude') {
      const pattern = ts.isRegularExpressionLiteral(value) ? toRegExp(value.text) : undefined;
      if (!pattern) return undefined;
      filter[key] = pattern;
    }
  }
  return filter;
}

function isLoaded(file: AnalyzedFile, dir: string, filter: { recurse: boolean; include?: RegExp; exclude?: RegExp }): boolean {
  const path = relative(dir, file.absolutePath);
  if (path === '' || path.startsWith('..') || path.split(sep).includes('node_modules')) return false;
  if (!filter.recurse && dirname(file.absolutePath) !== dir) return false;
  return (!filter.include || filter.include.test(file.absolutePath)) && !(filter.exclude?.test(file.absolutePath) ?? false);
}

/** The app argument of a call, in the app's own events, into the function, class or object whose code holds the load. */
function findHandOff(load: DirectoryLoad, adapter: RouterAdapter, project: ProjectModel): ts.Node | undefined {
  for (const router of adapter.routers) {
    if (!router.isApp) continue;
    for (const event of router.events) {
      if (event.type !== 'pass') continue;
      let callee = skipOuterExpressions(event.callee);
      while (ts.isPropertyAccessExpression(callee)) callee = skipOuterExpressions(callee.expression);
      if (!ts.isIdentifier(callee)) continue;
      const target = project.resolveName(event.file, callee.text);
      if (target && contains(target.node, load.call)) return event.call.arguments[event.argumentIndex];
    }
  }
  return undefined;
}

function contains(container: ts.Node, node: ts.Node): boolean {
  return container.getSourceFile() === node.getSourceFile() && node.pos >= container.pos && node.end <= container.end;
}

function toRegExp(literal: string): RegExp | undefined {
  const match = /^\/(.*)\/([a-z]*)$/s.exec(literal);
  try {
    return match ? new RegExp(match[1]!, match[2]) : undefined;
  } catch {
    return undefined;
  }
}
