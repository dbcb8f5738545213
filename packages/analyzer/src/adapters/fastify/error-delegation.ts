import ts from '../../project/typescript.cjs';
import type { FastifyErrorFacts } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { getCodeSpan } from '../../project/code-span.js';
import { skipOuterExpressions } from '../../project/lexical-scope.js';
import type { NodeVisitor } from '../../walk/walker.js';

const REPLY_OBJECTS = new Set(['reply', 'rep', 'res']);

/**
 * Fastify treats `reply.send(error)` like a thrown error: it goes through the
 * instance's `setErrorHandler`. Records where the project sets one, and where
 * handlers send a caught error as it is (`catch (e) { return reply.send(e) }`),
 * so the checks can tell a delegation to the app's error handler from a leak.
 */
export class FastifyErrorDelegationAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.CallExpression] as const;
  readonly facts: FastifyErrorFacts = { errorHandlers: [], sentErrors: [] };

  visit(node: ts.Node, file: AnalyzedFile): void {
    const call = node as ts.CallExpression;
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee)) return;
    if (callee.name.text === 'setErrorHandler' && call.arguments.length === 1) {
      this.facts.errorHandlers.push(getCodeSpan(call, file.sourceFile, file.relativePath));
      return;
    }
    const [payload] = call.arguments;
    if (callee.name.text !== 'send' || call.arguments.length !== 1 || !payload || !isReply(callee.expression)) return;
    if (isCaughtError(skipOuterExpressions(payload))) this.facts.sentErrors.push(getCodeSpan(call, file.sourceFile, file.relativePath));
  }
}

/** `reply`, `reply.code(500)`, `reply.status(400).header(…)`. */
function isReply(expression: ts.Expression): boolean {
  let node = skipOuterExpressions(expression);
  while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) node = skipOuterExpressions(node.expression.expression);
  return ts.isIdentifier(node) && REPLY_OBJECTS.has(node.text);
}

/** The variable of a `catch` clause, or the parameter of a `.catch((error) => …)` callback. */
export function isCaughtError(node: ts.Expression): boolean {
  if (!ts.isIdentifier(node)) return false;
  for (let scope: ts.Node | undefined = node.parent; scope; scope = scope.parent) {
    if (ts.isCatchClause(scope)) {
      const name = scope.variableDeclaration?.name;
      if (name && ts.isIdentifier(name) && name.text === node.text) return true;
    }
    if (ts.isFunctionLike(scope)) {
      const parameter = scope.parameters.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === node.text);
      if (!parameter) continue;
      const call = scope.parent;
      return ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'catch';
    }
  }
  return false;
}
