import ts from '../project/typescript.cjs';
import { skipOuterExpressions } from '../project/lexical-scope.js';

/**
 * A tRPC procedure's resolver, whose return value is the response:
 * `publicProcedure.input(schema).query(async ({ ctx }) => …)`, `t.procedure.mutation(…)`,
 * or a project's own builder (`withPermission('member').query(async ({ ctx, input }) => …)`)
 * by the resolver's `{ ctx, input }`. Not with an `.output(schema)` in the chain:
 * tRPC parses the result with it, and a zod object drops every key it does not list.
 * (The ESLint half reads the same shapes in rules/utils/response-sinks.ts.)
 */
export function getTrpcResolver(call: ts.CallExpression): ts.FunctionLikeDeclaration | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'query' && callee.name.text !== 'mutation')) return undefined;
  const resolver = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
  if (!resolver || (!ts.isArrowFunction(resolver) && !ts.isFunctionExpression(resolver))) return undefined;
  let procedure = takesResolverOptions(resolver);
  for (let current: ts.Expression = callee.expression; ;) {
    if (ts.isCallExpression(current)) current = current.expression;
    else if (ts.isPropertyAccessExpression(current)) {
      if (current.name.text === 'output') return undefined;
      if (/procedure$/i.test(current.name.text)) procedure = true;
      current = current.expression;
    } else {
      return procedure || (ts.isIdentifier(current) && /procedure$/i.test(current.text)) ? resolver : undefined;
    }
  }
}

/** `async ({ ctx, input }) => …`: the options object tRPC hands a resolver. */
function takesResolverOptions(fn: ts.ArrowFunction | ts.FunctionExpression): boolean {
  const [first] = fn.parameters;
  return first !== undefined && ts.isObjectBindingPattern(first.name) &&
    first.name.elements.some((element) => ['ctx', 'input'].includes((element.propertyName ?? element.name).getText()));
}
