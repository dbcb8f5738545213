import ts from '../../project/typescript.cjs';
import { isSensitiveColumnName, type ColumnFact, type EntityFact, type PrimaryKeyKind } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { getCodeSpan } from '../../project/code-span.js';
import { skipOuterExpressions } from '../../project/lexical-scope.js';
import type { NodeVisitor } from '../../walk/walker.js';

/** Drizzle's table builders: `pgTable`, `mysqlTable`, `sqliteTable`, `singlestoreTable`. */
const TABLE_BUILDERS = /^(?:pg|mysql|sqlite|singlestore)Table$/;
/** Column builders that number rows themselves: Postgres `serial` types. */
const SERIAL_BUILDERS = /^(?:serial|bigserial|smallserial)$/;

/**
 * Drizzle tables: `export const users = pgTable('users', { id: serial('id').primaryKey(), passwordHash: text('password_hash') })`
 * (or a callback returning the columns, `pgTable('users', (t) => ({ … }))`). The entity goes by the variable the
 * queries name (`db.select().from(users)`), with its columns and the kind of its primary key.
 */
export class DrizzleTableAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.CallExpression] as const;
  readonly entities: EntityFact[] = [];

  visit(node: ts.Node, file: AnalyzedFile): void {
    const call = node as ts.CallExpression;
    if (!ts.isIdentifier(call.expression) || !TABLE_BUILDERS.test(call.expression.text)) return;
    const declaration = call.parent;
    if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== call || !ts.isIdentifier(declaration.name)) return;
    const definition = getColumnsObject(call.arguments[1]);
    if (!definition) return;
    const columns: ColumnFact[] = [];
    let primaryKey: { name: string; kind: PrimaryKeyKind } | undefined;
    for (const property of definition.properties) {
      if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
      const name = property.name.text;
      const builder = readColumnBuilder(property.initializer);
      if (builder.primaryKey) primaryKey = { name, kind: builder.keyKind };
      columns.push({ name, sensitive: isSensitiveColumnName(name), hidden: false, internalForeignKey: false, at: getCodeSpan(property, file.sourceFile, file.relativePath) });
    }
    this.entities.push({
      name: declaration.name.text,
      orm: 'drizzle',
      at: getCodeSpan(declaration.name, file.sourceFile, file.relativePath),
      ...(primaryKey ? { primaryKey } : {}),
      columns,
      serializerStripsHidden: false,
    });
  }
}

/** The columns object: the literal itself, or what a column callback returns. */
function getColumnsObject(argument: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  const node = argument && skipOuterExpressions(argument);
  if (!node) return undefined;
  if (ts.isObjectLiteralExpression(node)) return node;
  if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) {
    const body = skipOuterExpressions(node.body);
    return ts.isObjectLiteralExpression(body) ? body : undefined;
  }
  return undefined;
}

/** `serial('id').primaryKey()`, `integer('id').primaryKey({ autoIncrement: true })`, `uuid('id').defaultRandom().primaryKey()`. */
function readColumnBuilder(initializer: ts.Expression): { primaryKey: boolean; keyKind: PrimaryKeyKind } {
  let primaryKey = false;
  let generated = false;
  let node = skipOuterExpressions(initializer);
  while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const step = node.expression.name.text;
    if (step === 'primaryKey') {
      primaryKey = true;
      generated ||= /autoIncrement\s*:\s*true/.test(node.arguments.map((argument) => argument.getText()).join(','));
    }
    if (step === 'generatedAlwaysAsIdentity' || step === 'generatedByDefaultAsIdentity' || step === 'autoincrement') generated = true;
    node = skipOuterExpressions(node.expression.expression);
  }
  // The builder itself: `serial('id')`, or `t.serial()` in a column callback.
  const builder = ts.isCallExpression(node) ? (ts.isIdentifier(node.expression) ? node.expression.text : ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : '') : '';
  const keyKind: PrimaryKeyKind = SERIAL_BUILDERS.test(builder) || generated ? 'autoincrement' : builder === 'uuid' ? 'uuid' : 'other';
  return { primaryKey, keyKind };
}
