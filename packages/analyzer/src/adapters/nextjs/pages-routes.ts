import ts from '../../project/typescript.cjs';
import type { GuardFact, HttpMethod, RedlineVocabulary, RouteFact } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { getCodeSpan } from '../../project/code-span.js';
import { skipOuterExpressions } from '../../project/lexical-scope.js';
import type { ProjectModel } from '../../project/project-model.js';
import type { GuardClassifier } from '../../guards/classify-guard.js';
import type { HandlerInspector } from '../../guards/handler-checks.js';
import { isPublicPath } from '../../guards/public-paths.js';
import { readMethodBranches, type MethodBranch } from './method-branches.js';
import { readHandlerGuards } from './handler-guards.js';
import { toRoutePath, type NextMiddleware } from './next-routes.js';

/** `pages/api/**` (also under `src/`): the pages router's API routes; `index` names its folder. */
const PAGES_API_FILE = /(?:^|\/)pages\/(api(?:\/.*)?)\.[cm]?[jt]sx?$/;
/** Tests, type declarations and Next 12's `_middleware` sit next to the routes but serve nothing. */
const NOT_A_ROUTE = /\.(?:test|spec)\.[cm]?[jt]sx?$|\.d\.[cm]?ts$|(?:^|\/)__tests__\/|(?:^|\/)_middleware\.[cm]?[jt]sx?$/;
const HTTP_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const MAX_UNWRAP = 5;

/** A function that serves one or more methods of an API route, in its file (or the factory call that makes it). */
interface ServingFunction {
  fn: ts.Node;
  file: AnalyzedFile;
  /** Its methods, or one fixed method when a method map names it (`{ POST: create }`). */
  branches: MethodBranch[];
}

/**
 * Next.js pages-router API routes: each `pages/api/**` file's default export
 * serves the methods it branches on (`req.method === 'POST'`, `switch`,
 * a method map), or every method. Each route carries the wrappers around the
 * handler (`export default withAuth(handler)`), the auth middleware whose
 * matcher covers it, and what the method's own code checks (see handler-guards).
 */
export function buildNextPagesRoutes(
  project: ProjectModel,
  classifier: GuardClassifier,
  inspector: HandlerInspector,
  vocabulary: RedlineVocabulary,
  middleware: NextMiddleware | undefined,
): RouteFact[] {
  const routes: RouteFact[] = [];
  for (const file of project.files.values()) {
    const match = PAGES_API_FILE.exec(file.relativePath);
    if (!match || NOT_A_ROUTE.test(file.relativePath)) continue;
    const path = toRoutePath(match[1]!.replace(/\/index$/, ''));
    const resolved = resolveDefaultHandler(file, project);
    if (!resolved) continue;
    const wrapperGuards = resolved.wrappers.map(({ call, file: wrapperFile }) => ({
      ...classifier.classify(call, wrapperFile),
      scope: 'route' as const,
      at: getCodeSpan(call, wrapperFile.sourceFile, wrapperFile.relativePath),
    }));
    const middlewareGuards: GuardFact[] = middleware?.covers(path) ? [middleware.guard] : [];
    for (const serving of resolved.serving) {
      // A React app's `src/pages/api/login.ts` may hold a client helper (`login(email, password)`), not a handler.
      if (!ts.isCallExpression(serving.fn) && !isRequestHandler(serving.fn as ts.SignatureDeclaration)) continue;
      for (const branch of serving.branches) {
        const { fn, file: fnFile } = serving;
        const publicFlow = isPublicPath(path, branch.method, vocabulary.publicRoutes) && !inspector.createsAdminAccount(fn, branch.excluded);
        const guards = [...middlewareGuards, ...wrapperGuards, ...readHandlerGuards(fn, fnFile, inspector, branch.excluded)];
        routes.push({
          framework: 'nextjs',
          app: 'nextjs',
          method: branch.method,
          path,
          at: getCodeSpan(branch.at, fnFile.sourceFile, fnFile.relativePath),
          handler: getCodeSpan(fn, fnFile.sourceFile, fnFile.relativePath),
          guards,
          isPublic: publicFlow || inspector.optsOutOfAuth(fn, branch.excluded),
          handlerChecksAuth: inspector.checksAuth(fn, fnFile, branch.excluded),
          handlerChecksRole: inspector.checksRole(fn, branch.excluded),
          mountedFromOtherFile: middlewareGuards.length > 0,
          mountKnown: true,
        });
      }
    }
  }
  return routes;
}

/**
 * The function(s) behind a file's default export, through wrappers
 * (`withAuth(handler)`, `withSentry(withAuth(handler))`), imports, and method
 * maps (`apiHandler({ GET: list, POST: create })`). Undefined for what cannot
 * be followed, such as a next-connect chain (`nc().use(auth).post(h)`).
 */
function resolveDefaultHandler(file: AnalyzedFile, project: ProjectModel): { serving: ServingFunction[]; wrappers: { call: ts.CallExpression; file: AnalyzedFile }[] } | undefined {
  const wrappers: { call: ts.CallExpression; file: AnalyzedFile }[] = [];
  let current = project.resolveExport(file, 'default');
  for (let depth = 0; current && depth < MAX_UNWRAP; depth++) {
    const node = ts.isExpression(current.node) ? skipOuterExpressions(current.node) : current.node;
    const at: AnalyzedFile = current.file;
    if (isFunctionWithBody(node)) return { serving: [{ fn: node, file: at, branches: readMethodBranches(node) }], wrappers };
    if (ts.isIdentifier(node)) {
      current = project.resolveName(at, node.text);
      continue;
    }
    if (!ts.isCallExpression(node)) {
      // `NextAuth(authOptions)`: what the call was given is configuration, so the call makes the handler.
      const factory = wrappers.pop();
      return factory && { serving: [{ fn: factory.call, file: factory.file, branches: [{ method: 'ALL', at: factory.call, excluded: [] }] }], wrappers };
    }
    if (isMethodChain(node)) return undefined;
    const methodMap = node.arguments.map((argument) => skipOuterExpressions(argument)).find(isMethodMap);
    if (methodMap) return { serving: readMethodMap(methodMap, at, project), wrappers: [...wrappers, { call: node, file: at }] };
    const inner = [...node.arguments].reverse().map((argument) => skipOuterExpressions(argument))
      .find((argument) => isFunctionWithBody(argument) || ts.isIdentifier(argument) || ts.isCallExpression(argument));
    // `export default NextAuth(authOptions)`, `createNextApiHandler({ router })`: a library makes the handler, for every method.
    if (!inner) return { serving: [{ fn: node, file: at, branches: [{ method: 'ALL', at: node, excluded: [] }] }], wrappers };
    wrappers.push({ call: node, file: at });
    current = { file: at, node: inner, name: '' };
  }
  return undefined;
}

/** `{ GET: listLinks, POST: async (req, res) => {…} }`: each method's own function. */
function readMethodMap(map: ts.ObjectLiteralExpression, file: AnalyzedFile, project: ProjectModel): ServingFunction[] {
  const serving: ServingFunction[] = [];
  for (const property of map.properties) {
    const method = property.name?.getText().replace(/['"]/g, '') as HttpMethod;
    let target: { node: ts.Node; file: AnalyzedFile } | undefined;
    if (ts.isMethodDeclaration(property)) target = { node: property, file };
    else if (ts.isPropertyAssignment(property)) {
      const value = skipOuterExpressions(property.initializer);
      target = ts.isIdentifier(value) ? project.resolveName(file, value.text) : { node: value, file };
    } else if (ts.isShorthandPropertyAssignment(property)) target = project.resolveName(file, property.name.text);
    if (target && isFunctionWithBody(target.node)) {
      serving.push({ fn: target.node, file: target.file, branches: [{ method, at: target.node, excluded: [] }] });
    }
  }
  return serving;
}

function isMethodMap(node: ts.Expression): node is ts.ObjectLiteralExpression {
  return ts.isObjectLiteralExpression(node) && node.properties.length > 0 &&
    node.properties.every((property) => HTTP_METHODS.has(property.name?.getText().replace(/['"]/g, '') ?? ''));
}

/** `nc().use(auth).post(handler)`: a router chain, not a wrapper around one handler. */
function isMethodChain(call: ts.CallExpression): boolean {
  return ts.isPropertyAccessExpression(call.expression) && ts.isCallExpression(skipOuterExpressions(call.expression.expression));
}

/** `(req, res) => …`, `(request: NextApiRequest, response)`: what Next.js calls for an API route. */
function isRequestHandler(fn: ts.SignatureDeclaration): boolean {
  const [request] = fn.parameters;
  if (!request) return false;
  return /Request\b/.test(request.type?.getText() ?? '') || (ts.isIdentifier(request.name) && /^_?req(?:uest)?$/i.test(request.name.text));
}

function isFunctionWithBody(node: ts.Node): node is ts.SignatureDeclaration {
  return (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) && node.body !== undefined;
}
