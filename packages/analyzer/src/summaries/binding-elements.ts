import ts from '../project/typescript.cjs';

/** A name declared by destructuring: `const { user, token } = …`, `const [items, total] = …`, `const { password, ...rest } = user`. */
export interface BindingDeclaration {
  /** What is destructured. */
  initializer: ts.Expression;
  /** The property taken (`user`), or the position in an array pattern. */
  key: { property: string } | { index: number } | { rest: string[] };
}

/**
 * The destructuring that declares `identifier` in an enclosing block or the
 * file (one level of pattern: what real handlers write). `rest` lists the
 * properties the other elements take, which the rest leaves out.
 */
export function findBindingDeclaration(identifier: ts.Identifier): BindingDeclaration | undefined {
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope) && !ts.isModuleBlock(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        const found = declaration.initializer && readPattern(declaration.name, identifier.text);
        if (found) return { initializer: declaration.initializer!, key: found };
      }
    }
  }
  return undefined;
}

function readPattern(pattern: ts.BindingName, name: string): BindingDeclaration['key'] | undefined {
  if (ts.isArrayBindingPattern(pattern)) {
    const index = pattern.elements.findIndex((element) => ts.isBindingElement(element) && !element.dotDotDotToken && ts.isIdentifier(element.name) && element.name.text === name);
    return index === -1 ? undefined : { index };
  }
  if (!ts.isObjectBindingPattern(pattern)) return undefined;
  for (const element of pattern.elements) {
    if (!ts.isIdentifier(element.name) || element.name.text !== name) continue;
    if (element.dotDotDotToken) {
      const taken = pattern.elements.filter((other) => other !== element).map((other) => (other.propertyName ?? other.name).getText());
      return { rest: taken };
    }
    return { property: (element.propertyName ?? element.name).getText().replace(/^['"]|['"]$/g, '') };
  }
  return undefined;
}
