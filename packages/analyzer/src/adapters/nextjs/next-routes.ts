import ts from '../../project/typescript.cjs';
import type { GuardFact, HttpMethod, RedlineVocabulary, RouteFact } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { getCodeSpan } from '../../project/code-span.js';
import { getStringValue, skipOuterExpressions } from '../../project/lexical-scope.js';
import type { ProjectModel } from '../../project/project-model.js';
import type { GuardClassifier } from '../../guards/classify-guard.js';
import type { HandlerInspector } from '../../guards/handler-checks.js';
import { isPublicPath } from '../../guards/public-paths.js';
import { readHandlerGuards } from './handler-guards.js';
import { buildNextPagesRoutes } from './pages-routes.js';
import { buildNextAuthCredentialRoutes } from './nextauth-credentials.js';

const HTTP_EXPORTS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
// `app/<folders>/route.ts` (also under `src/`): the Next.js app router's route handlers (`_route.ts` is a private file).
const ROUTE_FILE = /(?:^|\/)app\/(?:(.*)\/)?route\.[cm]?[jt]sx?$/;
const MIDDLEWARE_FILE = /(?:^|\/)(?:src\/)?(?:middleware|proxy)\.[cm]?[jt]s$/;
const MIDDLEWARE_AUTH = /\b(?:auth|withAuth|clerkMiddleware|authMiddleware|getToken|getServerSession|verifyToken|jwtVerify|NextAuth|createMiddlewareClient|updateSession|getSession)\b/;

/** A `middleware.ts` that authenticates, and which paths its `matcher` covers. */
export interface NextMiddleware {
  guard: GuardFact;
  covers: (path: string) => boolean;
}

/**
 * Next.js routes: the app router's handlers (each exported GET, POST, … of a
 * `route.ts`, with the path from its folder), the pages router's API routes
 * (`pages/api/**`), and NextAuth's credentials sign-in. Each is protected by
 * a `middleware.ts` that authenticates and whose `matcher` covers it, or by
 * its own checks (see handler-guards).
 */
export function buildNextRoutes(project: ProjectModel, classifier: GuardClassifier, inspector: HandlerInspector, vocabulary: RedlineVocabulary): RouteFact[] {
  const files = [...project.files.values()];
  const middleware = files.map((file) => readAuthMiddleware(file, files)).find((found) => found !== undefined);
  const routes: RouteFact[] = [];
  for (const file of files) {
    const match = ROUTE_FILE.exec(file.relativePath);
    if (!match) continue;
    const path = toRoutePath(match[1] ?? '');
    for (const [name, binding] of file.exports) {
      if (!HTTP_EXPORTS.has(name)) continue;
      const handler = followLocalAlias(binding.kind === 'local' ? file.declarations.get(binding.local) : binding.kind === 'expression' ? binding.node : undefined, file);
      if (!handler) continue;
      const method = name as HttpMethod;
      const middlewareGuards: GuardFact[] = middleware && middleware.covers(path) ? [middleware.guard] : [];
      const publicFlow = isPublicPath(path, method, vocabulary.publicRoutes);
      routes.push({
        framework: 'nextjs',
        app: 'nextjs',
        method,
        path,
        at: getCodeSpan(handler, file.sourceFile, file.relativePath),
        handler: getCodeSpan(handler, file.sourceFile, file.relativePath),
        guards: [...middlewareGuards, ...readWrapperGuards(handler, file, classifier), ...readHandlerGuards(handler, file, inspector)],
        isPublic: publicFlow || inspector.optsOutOfAuth(handler),
        handlerChecksAuth: inspector.checksAuth(handler, file),
        handlerChecksRole: inspector.checksRole(handler),
        mountedFromOtherFile: middlewareGuards.length > 0,
        mountKnown: true,
      });
    }
  }
  routes.push(...buildNextPagesRoutes(project, classifier, inspector, vocabulary, middleware));
  routes.push(...buildNextAuthCredentialRoutes(project, inspector, middleware, routes));
  return routes;
}

/** `export const PUT = PATCH` (kept for old clients): the handler `PATCH` names, wrapper and all. */
function followLocalAlias(handler: ts.Node | undefined, file: AnalyzedFile): ts.Node | undefined {
  let current = handler;
  for (let hops = 0; hops < 3 && current && ts.isIdentifier(current); hops++) current = file.declarations.get(current.text);
  return current;
}

/**
 * `export const POST = withAuth(async (req) => …)`, `withApiWrapper({ auth: 'session', handler })`:
 * a wrapper around a function runs before it. `NextAuth(authOptions)` wraps no function: it is the handler.
 */
function readWrapperGuards(handler: ts.Node, file: AnalyzedFile, classifier: GuardClassifier): GuardFact[] {
  const node = ts.isExpression(handler) ? skipOuterExpressions(handler) : handler;
  if (!ts.isCallExpression(node) || !node.arguments.some((argument) => wrapsFunction(argument, file))) return [];
  return [{ ...classifier.classify(node, file), scope: 'route', at: getCodeSpan(node, file.sourceFile, file.relativePath) }];
}

/** A function, a local name for one, or options that carry one (`{ handler: async () => … }`). */
function wrapsFunction(argument: ts.Expression, file: AnalyzedFile): boolean {
  const node = skipOuterExpressions(argument);
  if (ts.isIdentifier(node)) {
    const declaration = file.declarations.get(node.text);
    return declaration !== undefined && ts.isFunctionLike(declaration);
  }
  return ts.isFunctionLike(node) || (ts.isObjectLiteralExpression(node) && node.properties.some((property) =>
    ts.isMethodDeclaration(property) || (ts.isPropertyAssignment(property) && ts.isFunctionLike(skipOuterExpressions(property.initializer)))));
}

/** `app/(shop)/orders/[id]` → `/orders/:id`, `api/auth/[...nextauth]` → `/api/auth/*nextauth`. */
export function toRoutePath(folder: string): string {
  const segments = folder
    .split('/')
    .filter((segment) => segment && !/^\(.*\)$/.test(segment) && !segment.startsWith('@'))
    .map((segment) => segment.replace(/^\[\[?\.{3}(.+?)\]?\]$/, '*$1').replace(/^\[(.+)\]$/, ':$1'));
  return `/${segments.join('/')}`;
}

function readAuthMiddleware(file: AnalyzedFile, files: readonly AnalyzedFile[]): NextMiddleware | undefined {
  if (!MIDDLEWARE_FILE.test(file.relativePath) || !MIDDLEWARE_AUTH.test(file.sourceFile.text)) return undefined;
  // Next.js runs the `middleware.ts` that sits beside `app/` or `pages/`; `utils/middleware.ts` is a helper module.
  const folder = file.relativePath.slice(0, file.relativePath.lastIndexOf('/') + 1);
  if (!files.some((other) => other.relativePath.startsWith(`${folder}app/`) || other.relativePath.startsWith(`${folder}pages/`))) return undefined;
  const matchers = readMatchers(file.sourceFile);
  return {
    guard: {
      name: 'middleware.ts',
      scope: 'global',
      authenticates: true,
      checksRole: false,
      at: getCodeSpan(file.sourceFile.statements[0] ?? file.sourceFile, file.sourceFile, file.relativePath),
    },
    covers: (path) => matchers.length === 0 || matchers.some((matcher) => matcher.test(path)),
  };
}

/** `export const config = { matcher: ['/api/:path*', '/dashboard/(.*)'] }` as regular expressions. */
function readMatchers(sourceFile: ts.SourceFile): RegExp[] {
  const matchers: RegExp[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && node.name.getText() === 'matcher') {
      const values = ts.isArrayLiteralExpression(node.initializer) ? [...node.initializer.elements] : [node.initializer];
      for (const value of values) {
        const text = getStringValue(value);
        if (text !== undefined) matchers.push(toMatcherRegExp(text));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return matchers;
}

function toMatcherRegExp(matcher: string): RegExp {
  const source = matcher
    .replace(/:(\w+)\*/g, '.*')
    .replace(/:(\w+)\+/g, '.+')
    .replace(/:(\w+)/g, '[^/]+');
  try {
    return new RegExp(`^${source}$`);
  } catch {
    return /$^/;
  }
}
