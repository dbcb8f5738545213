import ts from '../project/typescript.cjs';
import type { CodeSpan } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getCodeSpan } from '../project/code-span.js';
import { findLocalDeclaration, skipOuterExpressions, getEnclosingFunction } from '../project/lexical-scope.js';
import type { ProjectModel } from '../project/project-model.js';
import { CalleeResolver } from '../summaries/resolve-callee.js';
import type { NodeVisitor } from '../walk/walker.js';
import { isCaughtError } from '../adapters/fastify/error-delegation.js';

const MAX_DEPTH = 4;
/** What an error carries that the client must not see as it is. */
const DETAIL_PROPERTIES = new Set(['message', 'stack', 'sqlMessage', 'sql', 'detail', 'original', 'parent', 'meta']);
/** Methods that take a part of a message (`err.message.substring(…)` to pick the duplicated field's name). */
const PART_METHODS = new Set(['substring', 'substr', 'slice', 'split', 'match', 'lastIndexOf', 'indexOf', 'includes', 'startsWith', 'endsWith', 'test']);

/**
 * Error-message helpers: `errorHandler.getErrorMessage(err)` on a caught error.
 * A helper that turns errors into messages the app wrote (`'Email already
 * exists'`, `'Something went wrong'`, validation messages from `err.errors`)
 * never returns the error's own message, stack or the error itself; the
 * per-file rule cannot see its body, so the calls to such helpers are
 * recorded here and their findings refuted. A helper that returns
 * `err.message` (`e instanceof Error ? e.message : String(e)`) keeps them.
 */
export class ErrorHelperCallAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.CallExpression] as const;
  private readonly calls: { call: ts.CallExpression; file: AnalyzedFile; index: number }[] = [];

  visit(node: ts.Node, file: AnalyzedFile): void {
    const call = node as ts.CallExpression;
    const index = call.arguments.findIndex((argument) => isCaughtError(skipOuterExpressions(argument)));
    if (index >= 0) this.calls.push({ call, file, index });
  }

  /** The calls whose helper provably masks the error. */
  findMaskingCalls(project: ProjectModel): CodeSpan[] {
    const resolver = new CalleeResolver(project);
    const verdicts = new Map<ts.Node, boolean>();
    const spans: CodeSpan[] = [];
    for (const { call, file, index } of this.calls) {
      const fn = getEnclosingFunction(call);
      const callee = fn && resolver.resolve(call, fn, file);
      if (!callee) continue;
      const key = callee.node;
      if (!verdicts.has(key)) verdicts.set(key, masksParameter(callee.node, index, callee.file, resolver, 0));
      if (verdicts.get(key)) spans.push(getCodeSpan(call, file.sourceFile, file.relativePath));
    }
    return spans;
  }
}

/** Whether `fn` returns a value, and none of its returns hands on parameter `index` (or its message) as it is. */
function masksParameter(fn: ts.Node, index: number, file: AnalyzedFile, resolver: CalleeResolver, depth: number): boolean {
  if (!ts.isFunctionLike(fn) || depth > MAX_DEPTH) return false;
  const parameter = fn.parameters[index];
  if (!parameter || !ts.isIdentifier(parameter.name)) return false;
  const returned = getReturnedExpressions(fn);
  if (returned.length === 0) return false;
  const exposes = (expression: ts.Expression, seen: Set<ts.Node>): boolean => {
    const node = skipOuterExpressions(expression);
    if (ts.isIdentifier(node)) {
      if (node.text === (parameter.name as ts.Identifier).text) return true;
      const declaration = findLocalDeclaration(node);
      if (!declaration || seen.has(declaration) || !ts.isVariableDeclaration(declaration)) return false;
      seen.add(declaration);
      return getAssignedValues(declaration, fn).some((value) => exposes(value, seen));
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const owner = skipOuterExpressions(node.expression);
      const property = ts.isPropertyAccessExpression(node) ? node.name.text : ts.isStringLiteral(node.argumentExpression) ? node.argumentExpression.text : '';
      // `err.message`, `err.stack`; `err.errors[name].message` is a validation message, `err.code` a code.
      if (ts.isIdentifier(owner) && owner.text === (parameter.name as ts.Identifier).text) return DETAIL_PROPERTIES.has(property);
      return false;
    }
    if (ts.isCallExpression(node)) {
      const callee = skipOuterExpressions(node.expression);
      if (ts.isPropertyAccessExpression(callee) && PART_METHODS.has(callee.name.text)) return false;
      if (ts.isPropertyAccessExpression(callee) && exposes(callee.expression, seen)) return true;
      const inner = resolver.resolve(node, fn, file);
      if (inner) {
        return node.arguments.some((argument, argumentIndex) => exposes(argument, seen) && !masksParameter(inner.node, argumentIndex, inner.file, resolver, depth + 1));
      }
      // `String(err)`, `format(err.message)`: an unknown call hands on what it is given.
      return node.arguments.some((argument) => exposes(argument, seen));
    }
    if (ts.isTemplateExpression(node)) return node.templateSpans.some((span) => exposes(span.expression, seen));
    if (ts.isBinaryExpression(node)) return exposes(node.left, seen) || exposes(node.right, seen);
    if (ts.isConditionalExpression(node)) return exposes(node.whenTrue, seen) || exposes(node.whenFalse, seen);
    if (ts.isObjectLiteralExpression(node)) {
      return node.properties.some((property) =>
        ts.isPropertyAssignment(property) ? exposes(property.initializer, seen) : ts.isShorthandPropertyAssignment(property) ? exposes(property.name, seen) : ts.isSpreadAssignment(property) && exposes(property.expression, seen));
    }
    if (ts.isArrayLiteralExpression(node)) return node.elements.some((element) => exposes(element, seen));
    return false;
  };
  return returned.every((expression) => !exposes(expression, new Set()));
}

/** The values a function returns: an arrow's expression body, or its own `return x` statements. */
function getReturnedExpressions(fn: ts.SignatureDeclaration): ts.Expression[] {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body];
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

/** A local's initialiser and every value assigned to it inside `fn` (`message = …`, `message += …`). */
function getAssignedValues(declaration: ts.VariableDeclaration, fn: ts.Node): ts.Expression[] {
  const name = declaration.name.getText();
  const values = declaration.initializer ? [declaration.initializer] : [];
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && ts.isIdentifier(node.left) && node.left.text === name) {
      const kind = node.operatorToken.kind;
      if (kind === ts.SyntaxKind.EqualsToken || kind === ts.SyntaxKind.PlusEqualsToken) values.push(node.right);
    }
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return values;
}
