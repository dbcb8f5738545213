import ts from './typescript.cjs';
import type { ExportBinding, ImportBinding } from './analyzed-file.js';

/** The import, export and declaration tables of a file, read from its top-level statements. */
export function readModuleFacts(sourceFile: ts.SourceFile): {
  imports: Map<string, ImportBinding>;
  exports: Map<string, ExportBinding>;
  starExports: string[];
  declarations: Map<string, ts.Node>;
} {
  const imports = new Map<string, ImportBinding>();
  const exports = new Map<string, ExportBinding>();
  const starExports: string[] = [];
  const declarations = new Map<string, ts.Node>();

  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      readImportClause(statement.importClause, statement.moduleSpecifier.text, imports);
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const expression = statement.moduleReference.expression;
      if (ts.isStringLiteral(expression)) imports.set(statement.name.text, { specifier: expression.text, imported: '*' });
    } else if (ts.isExportDeclaration(statement)) {
      readExportDeclaration(statement, exports, starExports);
    } else if (ts.isExportAssignment(statement)) {
      exports.set('default', ts.isIdentifier(statement.expression)
        ? { kind: 'local', local: statement.expression.text }
        : { kind: 'expression', node: statement.expression });
    } else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
      readNamedDeclaration(statement, exports, declarations);
    } else if (ts.isVariableStatement(statement)) {
      const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
      for (const declaration of statement.declarationList.declarations) {
        readVariableDeclaration(declaration, exported, imports, exports, declarations);
      }
    } else if (ts.isExpressionStatement(statement)) {
      readCommonJsExport(statement.expression, exports);
    }
  }
  return { imports, exports, starExports, declarations };
}

function readImportClause(clause: ts.ImportClause | undefined, specifier: string, imports: Map<string, ImportBinding>): void {
  if (!clause) return;
  if (clause.name) imports.set(clause.name.text, { specifier, imported: 'default' });
  const bindings = clause.namedBindings;
  if (!bindings) return;
  if (ts.isNamespaceImport(bindings)) {
    imports.set(bindings.name.text, { specifier, imported: '*' });
    return;
  }
  for (const element of bindings.elements) {
    imports.set(element.name.text, { specifier, imported: (element.propertyName ?? element.name).text });
  }
}

function readExportDeclaration(statement: ts.ExportDeclaration, exports: Map<string, ExportBinding>, starExports: string[]): void {
  const specifier = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
  const clause = statement.exportClause;
  if (!clause) {
    if (specifier) starExports.push(specifier);
    return;
  }
  if (ts.isNamespaceExport(clause)) {
    if (specifier) exports.set(clause.name.text, { kind: 'reexport', specifier, imported: '*' });
    return;
  }
  for (const element of clause.elements) {
    const local = (element.propertyName ?? element.name).text;
    exports.set(element.name.text, specifier
      ? { kind: 'reexport', specifier, imported: local }
      : { kind: 'local', local });
  }
}

function readNamedDeclaration(
  statement: ts.FunctionDeclaration | ts.ClassDeclaration,
  exports: Map<string, ExportBinding>,
  declarations: Map<string, ts.Node>,
): void {
  const name = statement.name?.text;
  if (name) declarations.set(name, statement);
  if (!hasModifier(statement, ts.SyntaxKind.ExportKeyword)) return;
  const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
  if (isDefault) {
    exports.set('default', name ? { kind: 'local', local: name } : { kind: 'expression', node: statement as unknown as ts.Expression });
  } else if (name) {
    exports.set(name, { kind: 'local', local: name });
  }
}

function readVariableDeclaration(
  declaration: ts.VariableDeclaration,
  exported: boolean,
  imports: Map<string, ImportBinding>,
  exports: Map<string, ExportBinding>,
  declarations: Map<string, ts.Node>,
): void {
  const initializer = declaration.initializer;
  // `const imageRouter = module.exports = Router()`: an export made inside a declaration.
  if (initializer) readCommonJsExport(initializer, exports);
  const required = initializer ? getRequiredSpecifier(initializer) : undefined;
  if (ts.isIdentifier(declaration.name)) {
    const name = declaration.name.text;
    if (required !== undefined) imports.set(name, { specifier: required, imported: '*' });
    else if (initializer) declarations.set(name, initializer);
    if (exported) exports.set(name, { kind: 'local', local: name });
    return;
  }
  if (ts.isObjectBindingPattern(declaration.name) && required !== undefined) {
    // const { Router } = require('express')
    for (const element of declaration.name.elements) {
      if (!ts.isIdentifier(element.name)) continue;
      const imported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
      imports.set(element.name.text, { specifier: required, imported });
    }
  }
}

/** `module.exports = x`, `module.exports.name = x`, `exports.name = x`. */
function readCommonJsExport(expression: ts.Expression, exports: Map<string, ExportBinding>): void {
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const target = expression.left.getText();
  let value = expression.right;
  // module.exports = exports = fn
  while (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.EqualsToken) value = value.right;
  const binding: ExportBinding = ts.isIdentifier(value) ? { kind: 'local', local: value.text } : { kind: 'expression', node: value };
  if (target === 'module.exports') {
    exports.set('default', binding);
    if (ts.isObjectLiteralExpression(value)) {
      for (const property of value.properties) {
        if (ts.isShorthandPropertyAssignment(property)) exports.set(property.name.text, { kind: 'local', local: property.name.text });
        else if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name)) {
          exports.set(property.name.text, ts.isIdentifier(property.initializer)
            ? { kind: 'local', local: property.initializer.text }
            : { kind: 'expression', node: property.initializer });
        }
      }
    }
    return;
  }
  const match = /^(?:module\.)?exports\.(\w+)$/.exec(target);
  if (match) exports.set(match[1]!, binding);
}

/** `require('x')` or `require('x').y` → `'x'`. */
function getRequiredSpecifier(node: ts.Expression): string | undefined {
  let expression = node;
  if (ts.isPropertyAccessExpression(expression)) expression = expression.expression;
  if (
    ts.isCallExpression(expression) &&
    ts.isIdentifier(expression.expression) &&
    expression.expression.text === 'require' &&
    expression.arguments.length === 1 &&
    ts.isStringLiteral(expression.arguments[0]!)
  ) {
    return (expression.arguments[0] as ts.StringLiteral).text;
  }
  return undefined;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === kind);
}
