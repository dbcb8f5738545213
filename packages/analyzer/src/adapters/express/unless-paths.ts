import ts from '../../project/typescript.cjs';
import { skipOuterExpressions } from '../../project/lexical-scope.js';
import { getPropertyValue } from '../../project/object-literal.js';

/** The paths a middleware made with express-unless skips: exact paths and regular expressions. */
export interface UnlessPaths {
  paths: string[];
  patterns: RegExp[];
}

/**
 * `expressjwt({ … }).unless({ path: ['/api/auth/login', /^\/api\/public\//] })`:
 * express-unless runs the middleware for every request but those paths, so a
 * route on one of them is not behind it. Paths written as `{ url, methods }`
 * count for every method (the method list is not read).
 */
export function readUnlessPaths(middleware: ts.Expression): UnlessPaths | undefined {
  const call = skipOuterExpressions(middleware);
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'unless') return undefined;
  const options = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  const value = getPropertyValue(options, 'path');
  if (!value) return undefined;
  const entries = ts.isArrayLiteralExpression(value) ? [...value.elements] : [value];
  const exemption: UnlessPaths = { paths: [], patterns: [] };
  for (const entry of entries) {
    let node = skipOuterExpressions(entry);
    if (ts.isObjectLiteralExpression(node)) {
      const url = getPropertyValue(node, 'url');
      if (!url) continue;
      node = skipOuterExpressions(url);
    }
    if (ts.isStringLiteralLike(node)) exemption.paths.push(node.text);
    else if (ts.isRegularExpressionLiteral(node)) {
      const pattern = toRegExp(node.text);
      if (pattern) exemption.patterns.push(pattern);
    }
  }
  return exemption.paths.length + exemption.patterns.length > 0 ? exemption : undefined;
}

export function isUnlessPath(exemption: UnlessPaths, path: string): boolean {
  return exemption.paths.includes(path) || exemption.patterns.some((pattern) => pattern.test(path));
}

function toRegExp(literal: string): RegExp | undefined {
  const end = literal.lastIndexOf('/');
  try {
    return new RegExp(literal.slice(1, end), literal.slice(end + 1).replace(/[gy]/g, ''));
  } catch {
    return undefined;
  }
}
