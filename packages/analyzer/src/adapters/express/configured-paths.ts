import ts from '../../project/typescript.cjs';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import type { ProjectModel } from '../../project/project-model.js';
import { getStringValue, skipOuterExpressions } from '../../project/lexical-scope.js';

const MAX_PROPERTY_DEPTH = 6;

/**
 * A mount path read from the app's settings object: `app.use(config.api.prefix, routes())`
 * with `export default { api: { prefix: '/api' } }` in `config/index.ts`. Only a
 * path that resolves to a string literal starting with `/` counts, so a middleware
 * read off an object (`app.use(middlewares.auth, router)`) is never taken for one.
 */
export function resolveConfiguredPath(expression: ts.Expression | undefined, file: AnalyzedFile, project: ProjectModel): string | undefined {
  if (!expression) return undefined;
  const names: string[] = [];
  let node = skipOuterExpressions(expression);
  while (ts.isPropertyAccessExpression(node) && names.length < MAX_PROPERTY_DEPTH) {
    names.unshift(node.name.text);
    node = skipOuterExpressions(node.expression);
  }
  if (!ts.isIdentifier(node) || names.length === 0) return undefined;
  const root = project.resolveName(file, node.text);
  let value = root && ts.isExpression(root.node) ? skipOuterExpressions(root.node) : undefined;
  for (const name of names) {
    if (!value || !ts.isObjectLiteralExpression(value)) return undefined;
    const property = value.properties.find((candidate) => ts.isPropertyAssignment(candidate) && candidate.name.getText().replace(/^['"]|['"]$/g, '') === name);
    value = property && ts.isPropertyAssignment(property) ? skipOuterExpressions(property.initializer) : undefined;
  }
  const path = getStringValue(value);
  return path?.startsWith('/') ? path : undefined;
}
