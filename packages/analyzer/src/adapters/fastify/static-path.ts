import { dirname, isAbsolute, join, resolve } from 'node:path';
import ts from '../../project/typescript.cjs';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { findLocalDeclaration, getStringValue, skipOuterExpressions } from '../../project/lexical-scope.js';

const MAX_DEPTH = 8;

/**
 * The absolute path a directory expression names, read without running it:
 * `path.join(__dirname, 'routes')`, `join(import.meta.dirname, 'routes')`,
 * `fileURLToPath(new URL('./routes', import.meta.url))`, `` `${__dirname}/routes` ``,
 * `` `${process.cwd()}/app/api` `` (the scan root stands for the working directory),
 * and the ESM shim `const __dirname = dirname(fileURLToPath(import.meta.url))`.
 * Undefined when any part is dynamic. A bare relative string is relative to the scan root.
 */
export function evaluateStaticPath(expression: ts.Expression, file: AnalyzedFile, root: string): string | undefined {
  const value = evaluate(expression, file, root, 0);
  return value === undefined || isAbsolute(value) ? value : resolve(root, value);
}

function evaluate(expression: ts.Expression, file: AnalyzedFile, root: string, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = skipOuterExpressions(expression);
  const next = (child: ts.Expression): string | undefined => evaluate(child, file, root, depth + 1);
  const literal = getStringValue(node);
  if (literal !== undefined) return literal;
  if (ts.isIdentifier(node)) {
    const declaration = findLocalDeclaration(node);
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) return next(declaration.initializer);
    if (node.text === '__dirname') return dirname(file.absolutePath);
    if (node.text === '__filename') return file.absolutePath;
    return undefined;
  }
  if (ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression)) {
    // import.meta.url stands for the file here; fileURLToPath/new URL() below treat it as a path.
    if (node.name.text === 'dirname') return dirname(file.absolutePath);
    if (node.name.text === 'filename' || node.name.text === 'url') return file.absolutePath;
    return undefined;
  }
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    for (const span of node.templateSpans) {
      const value = next(span.expression);
      if (value === undefined) return undefined;
      text += value + span.literal.text;
    }
    return text;
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
    // new URL('./routes', import.meta.url): relative to the file's folder
    const [relativePart, base] = node.arguments ?? [];
    const relativePath = relativePart && getStringValue(relativePart);
    const basePath = base && next(base);
    return relativePath !== undefined && basePath !== undefined ? resolve(dirname(basePath), relativePath) : undefined;
  }
  if (ts.isCallExpression(node) && node.arguments.length === 0 && node.expression.getText() === 'process.cwd') return root;
  if (ts.isCallExpression(node)) {
    const name = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : ts.isIdentifier(node.expression) ? node.expression.text : '';
    const parts = node.arguments.map((argument) => next(argument));
    if (parts.some((part) => part === undefined)) return undefined;
    const values = parts as string[];
    // desm's `join(import.meta.url, 'routes')`: the module's URL stands for its folder.
    if (name === 'join' && isImportMetaUrl(node.arguments[0])) return join(dirname(values[0]!), ...values.slice(1));
    if (name === 'join') return join(...values);
    if (name === 'resolve') return resolve(...values);
    // `dirname(x)`, and the project helpers that wrap it: `getDirName(import.meta.url)`
    if (/^(?:get)?_?dir_?name$/i.test(name) && values.length === 1) return dirname(values[0]!);
    if (name === 'fileURLToPath' && values.length === 1) return values[0];
  }
  return undefined;
}

function isImportMetaUrl(node: ts.Expression | undefined): boolean {
  const expression = node && skipOuterExpressions(node);
  return expression !== undefined && ts.isPropertyAccessExpression(expression) && ts.isMetaProperty(expression.expression) && expression.name.text === 'url';
}
