import ts from './typescript.cjs';

/**
 * The declaration an identifier refers to by lexical scope, without the type
 * checker: a parameter of an enclosing function, or a variable, function or
 * class declared in an enclosing block or the file. Undefined for globals and
 * imports (the module tables answer those).
 */
export function findLocalDeclaration(identifier: ts.Identifier): ts.Node | undefined {
  const name = identifier.text;
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope)) {
      for (const parameter of scope.parameters) {
        if (ts.isIdentifier(parameter.name) && parameter.name.text === name) return parameter;
      }
    }
    if (ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope)) {
      const found = findInStatements(scope.statements, name);
      if (found) return found;
    }
  }
  return undefined;
}

function findInStatements(statements: ts.NodeArray<ts.Statement>, name: string): ts.Node | undefined {
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text === name) return declaration;
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name) {
      return statement;
    }
  }
  return undefined;
}

/** Strips parentheses, `as`, `!`, `satisfies` and `await` around an expression. */
export function skipOuterExpressions(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) ||
        ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current) || ts.isAwaitExpression(current)) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** The static text of a string literal or a template without substitutions. */
export function getStringValue(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return undefined;
}

/** The innermost function (declaration, method, arrow, accessor) a node is in. */
export function getEnclosingFunction(node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return current;
  }
  return undefined;
}

/** The last name of an expression: `findAndCount` in `repo.findAndCount`, `canEdit` in `canEdit`; '' otherwise. */
export function getTrailingName(expression: ts.Expression): string {
  const node = skipOuterExpressions(expression);
  return ts.isPropertyAccessExpression(node) ? node.name.text : ts.isIdentifier(node) ? node.text : '';
}

/** What a class extends, as written: `AuthGuard('jwt')`, `JwtGuard`, `PassportStrategy(Strategy)`, `ControllerFactory<T>()`. */
export function getExtendedExpression(node: ts.ClassLikeDeclaration): ts.Expression | undefined {
  return node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
}

/** What a local constant holds: `const auth = expressjwt(…).unless(…)` for `auth`; nothing for a parameter or an import. */
export function getLocalInitializer(node: ts.Expression): ts.Expression | undefined {
  const unwrapped = skipOuterExpressions(node);
  if (!ts.isIdentifier(unwrapped)) return undefined;
  const declaration = findLocalDeclaration(unwrapped);
  return declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
}

/** An object literal written in place, or held by a local variable (`const query = { _id: req.params.id }; f(query)`). */
export function getLocalObjectLiteral(expression: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const node = skipOuterExpressions(expression);
  if (ts.isObjectLiteralExpression(node)) return node;
  const initializer = getLocalInitializer(node);
  const value = initializer && skipOuterExpressions(initializer);
  return value && ts.isObjectLiteralExpression(value) ? value : undefined;
}

/** `this.router` → `router`. */
export function getThisFieldName(expression: ts.Expression): string | undefined {
  const target = skipOuterExpressions(expression);
  return ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword ? target.name.text : undefined;
}

/** The class whose `this` a node sees: through arrow functions, not through a `function` of its own. */
export function findEnclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current;
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) return undefined;
  }
  return undefined;
}
