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

/** Where a middleware reads the request's path: `c.req.path`, `req.path`, `req.originalUrl`, `ctx.path`, `request.url`. */
const REQUEST_PATH = /^(?:c\.req|req|request|ctx|ctx\.request|context\.req)\.(?:path|url|originalUrl|routerPath)$/;

/**
 * The paths an inline middleware lets through before it checks anything:
 * `if (c.req.path.startsWith('/api/LoginService/')) return next();`,
 * `if (req.path === '/health' || req.path === '/login') return next();`,
 * `if (['/a', '/b'].includes(path)) return next();` where `path` holds the request's path.
 */
export function readEarlyExitPaths(middleware: ts.Node): UnlessPaths | undefined {
  const fn = ts.isFunctionLike(middleware) ? middleware : undefined;
  const body = fn && (fn as ts.FunctionLikeDeclaration).body;
  if (!body || !ts.isBlock(body)) return undefined;
  const pathNames = new Set<string>();
  const exemption: UnlessPaths = { paths: [], patterns: [] };
  for (const statement of body.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer && REQUEST_PATH.test(skipOuterExpressions(declaration.initializer).getText())) {
          pathNames.add(declaration.name.text);
        }
      }
    } else if (ts.isIfStatement(statement) && passesOn(statement.thenStatement)) {
      readCondition(statement.expression, (node) => REQUEST_PATH.test(node.getText()) || (ts.isIdentifier(node) && pathNames.has(node.text)), exemption);
    }
  }
  return exemption.paths.length + exemption.patterns.length > 0 ? exemption : undefined;
}

/** `return next()`, `{ return next(); }`, `{ await next(); return; }`: the request goes on unchecked. */
function passesOn(statement: ts.Statement): boolean {
  const statements = ts.isBlock(statement) ? [...statement.statements] : [statement];
  const callsNext = (node: ts.Node | undefined): boolean => {
    const expression = node && ts.isExpression(node) ? skipOuterExpressions(node) : undefined;
    return expression !== undefined && ts.isCallExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === 'next';
  };
  const first = statements[0];
  if (!first) return false;
  if (ts.isReturnStatement(first)) return callsNext(first.expression);
  return ts.isExpressionStatement(first) && callsNext(first.expression) && (statements.length === 1 || ts.isReturnStatement(statements[1]!));
}

function readCondition(condition: ts.Expression, isPath: (node: ts.Expression) => boolean, exemption: UnlessPaths): void {
  const node = skipOuterExpressions(condition);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
    readCondition(node.left, isPath, exemption);
    readCondition(node.right, isPath, exemption);
    return;
  }
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken].includes(node.operatorToken.kind)) {
    const [path, literal] = isPath(skipOuterExpressions(node.left)) ? [node.left, node.right] : [node.right, node.left];
    if (isPath(skipOuterExpressions(path)) && ts.isStringLiteralLike(skipOuterExpressions(literal))) exemption.paths.push((skipOuterExpressions(literal) as ts.StringLiteralLike).text);
    return;
  }
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
  const [argument] = node.arguments;
  const receiver = skipOuterExpressions(node.expression.expression);
  // `path.startsWith('/api/public/')`
  if (node.expression.name.text === 'startsWith' && isPath(receiver) && argument && ts.isStringLiteralLike(argument)) {
    exemption.patterns.push(new RegExp(`^${argument.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  }
  // `['/health', '/login'].includes(path)`
  if (node.expression.name.text === 'includes' && ts.isArrayLiteralExpression(receiver) && argument && isPath(skipOuterExpressions(argument))) {
    for (const element of receiver.elements) if (ts.isStringLiteralLike(element)) exemption.paths.push(element.text);
  }
}
