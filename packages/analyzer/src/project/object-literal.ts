import ts from './typescript.cjs';

/** The value of a property of an object literal: `{ path: '/user' }` → `'/user'`; `{ route }` (shorthand) → the identifier. */
export function getPropertyValue(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (property.name?.getText() !== name) continue;
    if (ts.isPropertyAssignment(property)) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property)) return property.name;
  }
  return undefined;
}
