import ts from '../project/typescript.cjs';
import type { CodeSpan } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getCodeSpan } from '../project/code-span.js';
import { findLocalDeclaration, skipOuterExpressions } from '../project/lexical-scope.js';
import type { NodeVisitor } from '../walk/walker.js';

/** `id`, `userId`, `post_id`, `linkID`: names of record identifiers. */
const ID_NAME = /^(?:id|\w+Id|\w+_id|\w+ID)$/;
/** Request objects whose `params`/`query` carry what the URL said. */
const REQUEST_PARTS = /^(?:req|request|ctx|context|ctx\.request)\.(?:params|query)$/;
/** `Number(x)`, `parseInt(x)`, `Number.parseInt(x)`, `BigInt(x)`. */
const NUMBER_CONVERSIONS = new Set(['Number', 'parseInt', 'BigInt']);

/**
 * Where the API takes a numeric record id from the URL: `Number(req.params.id)`,
 * `parseInt(req.query.linkId, 10)`, `+ctx.params.id`, `Number(c.req.param('id'))`,
 * `Number(params.id)` in a Next.js route, `@Param('id', ParseIntPipe)`,
 * `@Param('id') id: number`, `+id` of a `@Param('id') id: string`. An API that addresses its records by their
 * sequential ids has made those ids its public identifiers.
 */
export class NumericIdParameterAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.CallExpression, ts.SyntaxKind.PrefixUnaryExpression, ts.SyntaxKind.Decorator] as const;
  readonly found: CodeSpan[] = [];

  visit(node: ts.Node, file: AnalyzedFile): void {
    if (this.isNumericIdParameter(node)) this.found.push(getCodeSpan(node, file.sourceFile, file.relativePath));
  }

  private isNumericIdParameter(node: ts.Node): boolean {
    if (ts.isPrefixUnaryExpression(node)) return node.operator === ts.SyntaxKind.PlusToken && isUrlId(node.operand);
    if (ts.isDecorator(node)) return isNestNumericParam(node);
    const call = node as ts.CallExpression;
    if (isZodNumericUrlId(call)) return true;
    const callee = call.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && callee.expression.getText() === 'Number' ? callee.name.text : '';
    return NUMBER_CONVERSIONS.has(name) && call.arguments[0] !== undefined && isUrlId(call.arguments[0]);
  }
}

/**
 * A route's URL parameters declared as a zod schema with a numeric id (`@hono/zod-openapi`, a validator):
 * `request: { params: z.object({ id: z.coerce.number().openapi({ … }) }) }`; or a tRPC procedure's input
 * (`.input(z.object({ id: z.number() }))`), its RPC equivalent.
 */
function isZodNumericUrlId(call: ts.CallExpression): boolean {
  if (!/(?:^|\.)(?:coerce\.)?number$/.test(call.expression.getText()) || !/^z\b/.test(call.expression.getText())) return false;
  // Up through the schema's own chain (`.int().positive().openapi({ … })`) to the key it is declared under.
  let node: ts.Node = call;
  while ((ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node) || (ts.isCallExpression(node.parent) && node.parent.expression === node)) node = node.parent;
  const property = node.parent;
  if (!property || !ts.isPropertyAssignment(property) || !ID_NAME.test(property.name.getText())) return false;
  const objectCall = property.parent.parent;
  if (!objectCall || !ts.isCallExpression(objectCall) || !/\.object$/.test(objectCall.expression.getText())) return false;
  let schema: ts.Node = objectCall;
  while ((ts.isPropertyAccessExpression(schema.parent) && schema.parent.expression === schema) || (ts.isCallExpression(schema.parent) && schema.parent.expression === schema)) schema = schema.parent;
  if (ts.isPropertyAssignment(schema.parent) && /^params?$/.test(schema.parent.name.getText())) return true;
  // A tRPC procedure's input (`.input(z.object({ id: z.number() }))`): what its clients address records by.
  const input = schema.parent;
  return ts.isCallExpression(input) && input.arguments[0] === schema && ts.isPropertyAccessExpression(input.expression) && input.expression.name.text === 'input';
}

/** An id-named value read from the URL: `req.params.id`, `c.req.param('id')`, `params.id`, or a local destructured from them. */
export function isUrlId(expression: ts.Expression): boolean {
  const node = skipOuterExpressions(expression);
  if (ts.isPropertyAccessExpression(node)) {
    const owner = skipOuterExpressions(node.expression).getText();
    return ID_NAME.test(node.name.text) && (REQUEST_PARTS.test(owner) || owner === 'params' || owner === 'query');
  }
  if (ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression)) {
    return ID_NAME.test(node.argumentExpression.text) && REQUEST_PARTS.test(skipOuterExpressions(node.expression).getText());
  }
  if (ts.isCallExpression(node)) {
    // Hono: c.req.param('id'), c.req.query('id')
    const [first] = node.arguments;
    return /\.req\.(?:param|query)$/.test(node.expression.getText()) && first !== undefined && ts.isStringLiteral(first) && ID_NAME.test(first.text);
  }
  // const { id } = req.params; … Number(id) — or NestJS `findOne(@Param('id') id: string) { … +id }`.
  return ts.isIdentifier(node) && ID_NAME.test(node.text) && (findBindingSource(node) !== undefined || isNestParamIdentifier(node));
}

/** A method parameter NestJS fills from the URL: `@Param('id') id: string`. */
function isNestParamIdentifier(identifier: ts.Identifier): boolean {
  const declaration = findLocalDeclaration(identifier);
  if (!declaration || !ts.isParameter(declaration)) return false;
  return (ts.getDecorators(declaration) ?? []).some((decorator) => {
    const call = decorator.expression;
    return ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === 'Param';
  });
}

/** The request part a destructured local comes from (`const { id } = req.params`), by lexical scope. */
function findBindingSource(identifier: ts.Identifier): string | undefined {
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isObjectBindingPattern(declaration.name) || !declaration.initializer) continue;
        const source = skipOuterExpressions(declaration.initializer).getText();
        const binds = declaration.name.elements.some((element) => ts.isIdentifier(element.name) && element.name.text === identifier.text);
        if (binds && (REQUEST_PARTS.test(source) || source === 'params')) return source;
      }
    }
  }
  return undefined;
}

/** NestJS: `@Param('id', ParseIntPipe)`, `@Param('id', new ParseIntPipe())`, or `@Param('id') id: number`. */
function isNestNumericParam(decorator: ts.Decorator): boolean {
  const call = decorator.expression;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'Param') return false;
  const [key, ...pipes] = call.arguments;
  if (!key || !ts.isStringLiteral(key) || !ID_NAME.test(key.text)) return false;
  if (pipes.some((pipe) => /\bParseIntPipe\b/.test(pipe.getText()))) return true;
  const parameter = decorator.parent;
  return ts.isParameter(parameter) && parameter.type?.kind === ts.SyntaxKind.NumberKeyword;
}
