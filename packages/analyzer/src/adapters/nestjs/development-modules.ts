import ts from '../../project/typescript.cjs';
import { skipOuterExpressions } from '../../project/lexical-scope.js';

/** `isDev`, `IS_DEVELOPMENT`, `isDevelopment()`: a flag that holds in development only. */
const DEVELOPMENT_FLAG = /^is_?dev(?:elopment)?(?:_?mode)?$/i;

/**
 * The modules an `@Module({ imports })` list takes in development only:
 * `isDev && DebugModule`, `isDev ? DebugModule : null`,
 * `...(process.env.NODE_ENV === 'development' ? [DebugModule] : [])`.
 * Their controllers serve no production request.
 */
export function getDevelopmentOnlyImports(imports: ts.Expression): string[] {
  let list = skipOuterExpressions(imports);
  // `[…, isDev && DebugModule].filter(Boolean)`
  if (ts.isCallExpression(list) && ts.isPropertyAccessExpression(list.expression) && list.expression.name.text === 'filter') list = skipOuterExpressions(list.expression.expression);
  if (!ts.isArrayLiteralExpression(list)) return [];
  return list.elements.flatMap((element) => {
    const entry = skipOuterExpressions(ts.isSpreadElement(element) ? element.expression : element);
    if (ts.isBinaryExpression(entry) && entry.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && isDevelopmentTest(entry.left)) {
      return getModuleNames(entry.right);
    }
    if (ts.isConditionalExpression(entry) && isDevelopmentTest(entry.condition)) return getModuleNames(entry.whenTrue);
    return [];
  });
}

function getModuleNames(expression: ts.Expression): string[] {
  const node = skipOuterExpressions(expression);
  if (ts.isIdentifier(node)) return [node.text];
  return ts.isArrayLiteralExpression(node) ? node.elements.flatMap((element) => (ts.isIdentifier(element) ? [element.text] : [])) : [];
}

function isDevelopmentTest(expression: ts.Expression): boolean {
  const node = skipOuterExpressions(expression);
  if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) return DEVELOPMENT_FLAG.test(ts.isIdentifier(node) ? node.text : node.name.text);
  if (ts.isCallExpression(node) && node.arguments.length === 0) return isDevelopmentTest(node.expression);
  if (!ts.isBinaryExpression(node) || !/^process\.env\.NODE_ENV$/.test(node.left.getText())) return false;
  const value = skipOuterExpressions(node.right);
  if (!ts.isStringLiteralLike(value)) return false;
  const operator = node.operatorToken.kind;
  const equals = operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken;
  const differs = operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken;
  return (equals && (value.text === 'development' || value.text === 'dev')) || (differs && value.text === 'production');
}
