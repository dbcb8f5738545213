import ts from '../../project/typescript.cjs';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { findLocalDeclaration, skipOuterExpressions } from '../../project/lexical-scope.js';
import type { ProjectModel } from '../../project/project-model.js';

/**
 * The object literal an options expression stands for: written in place, or
 * a constant here or in another file (`{ onRequest: [fastify.authenticate] }`
 * named `authenticated`, a route schema exported from `schemas/`).
 */
export function resolveObjectLiteral(expression: ts.Expression, file: AnalyzedFile, project: ProjectModel): { node: ts.ObjectLiteralExpression; file: AnalyzedFile } | undefined {
  const node = skipOuterExpressions(expression);
  if (ts.isObjectLiteralExpression(node)) return { node, file };
  if (!ts.isIdentifier(node)) return undefined;
  const local = findLocalDeclaration(node);
  if (local) {
    const initializer = ts.isVariableDeclaration(local) && local.initializer ? skipOuterExpressions(local.initializer) : undefined;
    return initializer && ts.isObjectLiteralExpression(initializer) ? { node: initializer, file } : undefined;
  }
  const resolved = project.resolveName(file, node.text);
  const value = resolved && skipOuterExpressions(resolved.node as ts.Expression);
  return resolved && value && ts.isObjectLiteralExpression(value) ? { node: value, file: resolved.file } : undefined;
}
