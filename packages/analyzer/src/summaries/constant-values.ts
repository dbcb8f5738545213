import ts from '../project/typescript.cjs';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { findLocalDeclaration, skipOuterExpressions } from '../project/lexical-scope.js';
import { getPropertyValue } from '../project/object-literal.js';
import type { ProjectModel } from '../project/project-model.js';

/** An expression a name stands for, and the file it is written in. */
export interface ConstantValue {
  node: ts.Expression;
  file: AnalyzedFile;
}

const MAX_DEPTH = 6;

/**
 * What a name holds when the code fixes it once: a `const` in scope, a
 * top-level variable imported from another module (`RETRY_FOREVER` from
 * `config/retry.ts`), or a property of an object literal reached that way
 * (`config.retry.maxAttempts`). Anything else (a parameter, a call's result,
 * a global) is returned as it is, for the caller to read.
 */
export function resolveConstant(expression: ts.Expression, file: AnalyzedFile, project: ProjectModel, depth = 0): ConstantValue {
  const node = skipOuterExpressions(expression);
  if (depth > MAX_DEPTH) return { node, file };
  if (ts.isIdentifier(node)) {
    const declared = findDeclaredValue(node, file, project);
    return declared ? resolveConstant(declared.node, declared.file, project, depth + 1) : { node, file };
  }
  if (ts.isPropertyAccessExpression(node)) {
    const owner = resolveConstant(node.expression, file, project, depth + 1);
    if (!ts.isObjectLiteralExpression(owner.node)) return { node, file };
    const member = getPropertyValue(owner.node, node.name.text);
    return member ? resolveConstant(member, owner.file, project, depth + 1) : { node, file };
  }
  return { node, file };
}

/** The initializer of the `const` or top-level variable an identifier names, in this file or the one it is imported from. */
function findDeclaredValue(identifier: ts.Identifier, file: AnalyzedFile, project: ProjectModel): ConstantValue | undefined {
  const local = findLocalDeclaration(identifier);
  if (local) {
    const isConst = ts.isVariableDeclaration(local) && (ts.getCombinedNodeFlags(local) & ts.NodeFlags.Const) !== 0;
    return isConst && local.initializer ? { node: local.initializer, file } : undefined;
  }
  const resolved = project.resolveName(file, identifier.text);
  return resolved && ts.isExpression(resolved.node) ? { node: resolved.node, file: resolved.file } : undefined;
}
