import ts from '../../project/typescript.cjs';
import type { GuardFact, RouteFact } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { getCodeSpan } from '../../project/code-span.js';
import { getStringValue, skipOuterExpressions } from '../../project/lexical-scope.js';
import type { ProjectModel } from '../../project/project-model.js';
import type { HandlerInspector } from '../../guards/handler-checks.js';
import { readHandlerGuards } from './handler-guards.js';
import type { NextMiddleware } from './next-routes.js';

const CREDENTIALS_MODULES = new Set(['next-auth/providers/credentials', '@auth/core/providers/credentials']);
/** NextAuth's catch-all route: `/api/auth/*nextauth` serves sign-in, callbacks, session. */
const NEXTAUTH_ROUTE = /^(.*)\/\*nextauth$/;
const DEFAULT_BASE = '/api/auth';

/**
 * NextAuth's credentials sign-in as a route: a `CredentialsProvider({ authorize })`
 * (from `next-auth/providers/credentials`) is posted to at
 * `<base>/callback/<id>`, where `<base>` is the path of the app's
 * `[...nextauth]` route. The route is the `authorize` function, where the
 * password is checked.
 */
export function buildNextAuthCredentialRoutes(project: ProjectModel, inspector: HandlerInspector, middleware: NextMiddleware | undefined, nextRoutes: readonly RouteFact[]): RouteFact[] {
  const base = nextRoutes.map((route) => NEXTAUTH_ROUTE.exec(route.path)?.[1]).find((found) => found !== undefined) ?? DEFAULT_BASE;
  const routes: RouteFact[] = [];
  for (const file of project.files.values()) {
    if (!file.text.includes('providers/credentials')) continue;
    const providerNames = [...file.imports].filter(([, binding]) => CREDENTIALS_MODULES.has(binding.specifier) && (binding.imported === 'default' || binding.imported === '*')).map(([name]) => name);
    if (providerNames.length === 0) continue;
    for (const { authorize, id } of findCredentialProviders(file, new Set(providerNames))) {
      const path = `${base}/callback/${id}`;
      const middlewareGuards: GuardFact[] = middleware?.covers(path) ? [middleware.guard] : [];
      routes.push({
        framework: 'nextjs',
        app: 'nextjs',
        method: 'POST',
        path,
        at: getCodeSpan(authorize, file.sourceFile, file.relativePath),
        handler: getCodeSpan(authorize, file.sourceFile, file.relativePath),
        guards: [...middlewareGuards, ...readHandlerGuards(authorize, file, inspector)],
        isPublic: true,
        handlerChecksAuth: false,
        handlerChecksRole: false,
        mountedFromOtherFile: middlewareGuards.length > 0,
        mountKnown: true,
      });
    }
  }
  return routes;
}

/** `CredentialsProvider({ id: 'ldap', authorize(credentials) {…} })` → the `authorize` function and the provider id. */
function findCredentialProviders(file: AnalyzedFile, names: ReadonlySet<string>): { authorize: ts.Node; id: string }[] {
  const found: { authorize: ts.Node; id: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = skipOuterExpressions(node.expression);
      // `Credentials(…)`, or `Credentials.default(…)` when compiled from CommonJS.
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && callee.name.text === 'default' && ts.isIdentifier(callee.expression) ? callee.expression.text : undefined;
      const options = node.arguments[0] && skipOuterExpressions(node.arguments[0]);
      if (name !== undefined && names.has(name) && options && ts.isObjectLiteralExpression(options)) {
        const authorize = options.properties.find((property) => property.name?.getText() === 'authorize');
        const idProperty = options.properties.find((property): property is ts.PropertyAssignment => ts.isPropertyAssignment(property) && property.name.getText() === 'id');
        const id = (idProperty && getStringValue(skipOuterExpressions(idProperty.initializer))) ?? 'credentials';
        if (authorize && (ts.isMethodDeclaration(authorize) || ts.isPropertyAssignment(authorize))) found.push({ authorize, id });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file.sourceFile);
  return found;
}
