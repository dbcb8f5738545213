import ts from '../project/typescript.cjs';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getPropertyValue } from '../project/object-literal.js';
import { skipOuterExpressions } from '../project/lexical-scope.js';

/**
 * Whether a Fastify handler's answers go out through a response schema, which
 * sends only the fields it declares (fast-json-stringify for JSON schemas; a
 * zod type provider's serializer parses and strips): `{ schema: { response } }`
 * in the route's options, or the `schema` a route module exports beside its
 * handler (`export const schema = { response: { 200: … } }; export const run = …`).
 */
export function isShapedByResponseSchema(fn: ts.Node, file: AnalyzedFile): boolean {
  return routeOptionsDeclareResponse(fn) || moduleDeclaresResponse(file);
}

/** `fastify.get('/x', { schema: { response } }, handler)`, `fastify.route({ schema: { response }, handler })`. */
function routeOptionsDeclareResponse(fn: ts.Node): boolean {
  const parent = fn.parent;
  if (parent && ts.isCallExpression(parent) && parent.arguments.includes(fn as ts.Expression)) {
    return parent.arguments.some((argument) => argument !== fn && declaresResponse(argument));
  }
  if (parent && ts.isPropertyAssignment(parent) && parent.name.getText() === 'handler' && ts.isObjectLiteralExpression(parent.parent)) {
    return declaresResponse(parent.parent);
  }
  return false;
}

/** A top-level `const schema = { …, response: { … } }` in the handler's module. */
function moduleDeclaresResponse(file: AnalyzedFile): boolean {
  return file.sourceFile.statements.some((statement) => ts.isVariableStatement(statement) &&
    statement.declarationList.declarations.some((declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === 'schema' &&
      declaration.initializer !== undefined && hasResponse(declaration.initializer)));
}

/** Route options whose `schema` has a `response`. */
function declaresResponse(options: ts.Expression): boolean {
  const node = skipOuterExpressions(options);
  if (!ts.isObjectLiteralExpression(node)) return false;
  const schema = getPropertyValue(node, 'schema');
  return schema !== undefined && hasResponse(schema);
}

function hasResponse(schema: ts.Expression): boolean {
  const node = skipOuterExpressions(schema);
  return ts.isObjectLiteralExpression(node) && getPropertyValue(node, 'response') !== undefined;
}
