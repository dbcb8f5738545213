import ts from '../../project/typescript.cjs';
import { isSecretName, type ColumnFact, type EntityFact, type RelationFact } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { getCodeSpan } from '../../project/code-span.js';
import { findLocalDeclaration, getStringValue } from '../../project/lexical-scope.js';
import type { NodeVisitor } from '../../walk/walker.js';

/**
 * Mongoose models: `model('User', userSchema)` with the schema's fields,
 * `select: false` columns, and `toJSON`/`toObject` transforms that delete
 * fields (which make serialisation strip them). Also Sequelize
 * `sequelize.define('User', {...})` and `User.init({...})` with `autoIncrement`.
 */
export class ModelDefinitionAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.CallExpression] as const;
  readonly entities: EntityFact[] = [];

  visit(node: ts.Node, file: AnalyzedFile): void {
    const call = node as ts.CallExpression;
    const callee = call.expression;
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (method === 'model' && call.arguments.length >= 2) this.readMongooseModel(call, file);
    else if (method === 'define' && call.arguments.length >= 2) this.readSequelizeDefinition(getStringValue(call.arguments[0]), call.arguments[1]!, call, file);
    else if (method === 'init' && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && call.arguments.length >= 2 && /sequelize/.test(call.arguments[1]!.getText())) {
      this.readSequelizeDefinition(callee.expression.text, call.arguments[0]!, call, file);
    }
  }

  private readMongooseModel(call: ts.CallExpression, file: AnalyzedFile): void {
    const name = getStringValue(call.arguments[0]);
    const schemaArgument = call.arguments[1]!;
    const schema = ts.isIdentifier(schemaArgument) ? getInitializer(schemaArgument) : schemaArgument;
    // `new mongoose.Schema({...})`, and `mongoose.Schema({...})` called without `new`.
    if (!name || !schema || !(ts.isNewExpression(schema) || ts.isCallExpression(schema)) || !/Schema$/.test(schema.expression.getText())) return;
    const definition = schema.arguments?.[0];
    if (!definition || !ts.isObjectLiteralExpression(definition)) return;
    const schemaText = getSchemaText(schemaArgument, schema);
    const deletedInTransform = new Set([...schemaText.matchAll(/delete\s+\w+(?:\.|\[['"])(\w+)/g)].map((match) => match[1]!));
    // Plugins that drop flagged paths from JSON (`private: true` in the common toJSON plugin, mongoose-hidden's `hide: true`).
    const pluginStripsFlagged = /\.plugin\(/.test(schemaText);
    const columns: ColumnFact[] = definition.properties.filter(ts.isPropertyAssignment).map((property) => {
      const columnName = property.name.getText().replace(/['"]/g, '');
      const options = property.initializer.getText();
      return {
        name: columnName,
        sensitive: isSecretName(columnName) && !holdsNoText(options),
        hidden: /select\s*:\s*false/.test(options) || deletedInTransform.has(columnName) || (pluginStripsFlagged && /\b(?:private|hide|hidden)\s*:\s*true/.test(options)),
        internalForeignKey: false,
        at: getCodeSpan(property, file.sourceFile, file.relativePath),
      };
    });
    const relations: RelationFact[] = definition.properties.filter(ts.isPropertyAssignment).flatMap((property) => {
      const target = getReference(property.initializer);
      return target ? [{ name: property.name.getText().replace(/['"]/g, ''), target, at: getCodeSpan(property, file.sourceFile, file.relativePath) }] : [];
    });
    this.entities.push({
      name,
      orm: 'mongoose',
      at: getCodeSpan(call, file.sourceFile, file.relativePath),
      primaryKey: { name: '_id', kind: 'objectid' },
      columns,
      relations,
      serializerStripsHidden: deletedInTransform.size > 0,
    });
  }

  private readSequelizeDefinition(name: string | undefined, attributes: ts.Expression, call: ts.CallExpression, file: AnalyzedFile): void {
    if (!name || !ts.isObjectLiteralExpression(attributes)) return;
    let primaryKey: EntityFact['primaryKey'];
    const columns: ColumnFact[] = attributes.properties.filter(ts.isPropertyAssignment).map((property) => {
      const columnName = property.name.getText().replace(/['"]/g, '');
      const text = property.initializer.getText();
      if (/primaryKey\s*:\s*true/.test(text)) {
        primaryKey = { name: columnName, kind: /autoIncrement\s*:\s*true/.test(text) ? 'autoincrement' : /UUID/.test(text) ? 'uuid' : 'other' };
      }
      return { name: columnName, sensitive: isSecretName(columnName) && !holdsNoText(text), hidden: false, internalForeignKey: false, at: getCodeSpan(property, file.sourceFile, file.relativePath) };
    });
    // Sequelize adds an autoincrement `id` when no primary key is declared.
    primaryKey ??= { name: 'id', kind: 'autoincrement' };
    const optionsText = call.arguments[call.arguments.length - 1]!.getText();
    const excluded = /defaultScope[\s\S]*exclude\s*:\s*\[([^\]]*)\]/.exec(optionsText)?.[1] ?? '';
    this.entities.push({
      name,
      orm: 'sequelize',
      at: getCodeSpan(call, file.sourceFile, file.relativePath),
      primaryKey,
      columns: columns.map((column) => ({ ...column, hidden: excluded.includes(`'${column.name}'`) || excluded.includes(`"${column.name}"`) })),
      serializerStripsHidden: false,
    });
  }
}

/** The model a path references: `{ type: ObjectId, ref: 'User' }`, `[{ type: ObjectId, ref: 'User' }]`, `{ type: [ObjectId], ref: 'User' }`. */
function getReference(definition: ts.Expression): string | undefined {
  const node = ts.isArrayLiteralExpression(definition) && definition.elements.length === 1 ? definition.elements[0]! : definition;
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText() === 'ref') return getStringValue(property.initializer);
  }
  return undefined;
}

function getInitializer(identifier: ts.Identifier): ts.Expression | undefined {
  const declaration = findLocalDeclaration(identifier);
  return declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
}

/** The schema's declaration and everything done to it in the file (`schema.set('toJSON', …)`, `schema.methods.toJSON = …`). */
function getSchemaText(reference: ts.Expression, schema: ts.NewExpression | ts.CallExpression): string {
  if (!ts.isIdentifier(reference)) return schema.getText();
  const name = reference.text;
  const text = reference.getSourceFile().text;
  const uses = text.split('\n').filter((line) => line.includes(`${name}.`) || line.includes('toJSON') || line.includes('delete '));
  return `${schema.getText()}\n${uses.join('\n')}`;
}

/**
 * A column declared as a number, flag or date (`tokens: Number`, `{ type: DataTypes.INTEGER }`): an LLM token count or a
 * token's expiry, whatever its name says — no secret fits in it.
 */
function holdsNoText(declaration: string): boolean {
  return /^(?:Number|Boolean|Date|BigInt)$/.test(declaration.trim()) ||
    /^(?:(?:mongoose\.)?Schema\.Types\.(?:Number|Boolean|Date|Decimal128)|(?:DataTypes|Sequelize)\.(?:INTEGER|BIGINT|SMALLINT|FLOAT|DOUBLE|DECIMAL|REAL|BOOLEAN|DATE|DATEONLY|TIME)\b)/.test(declaration.trim()) ||
    /\btype\s*:\s*(?:Number|Boolean|Date|BigInt|(?:mongoose\.)?Schema\.Types\.(?:Number|Boolean|Date|Decimal128)|(?:DataTypes|Sequelize)\.(?:INTEGER|BIGINT|SMALLINT|FLOAT|DOUBLE|DECIMAL|REAL|BOOLEAN|DATE|DATEONLY|TIME))\b/.test(declaration);
}
