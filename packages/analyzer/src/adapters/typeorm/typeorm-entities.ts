import ts from '../../project/typescript.cjs';
import { isSecretName, type ColumnFact, type EntityFact, type PrimaryKeyKind, type RelationFact } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { getCodeSpan } from '../../project/code-span.js';
import { getStringValue } from '../../project/lexical-scope.js';
import { getDecoratorArguments, getDecoratorName } from '../nestjs/nest-adapter.js';
import type { NodeVisitor } from '../../walk/walker.js';

const COLUMN_DECORATORS = new Set([
  'Column', 'PrimaryColumn', 'PrimaryGeneratedColumn', 'CreateDateColumn', 'UpdateDateColumn', 'DeleteDateColumn',
  'VersionColumn', 'ObjectIdColumn', 'Prop', // sequelize-typescript uses Column too; @nestjs/mongoose uses Prop
]);

/** MikroORM's column decorators (`@Property()`, `@PrimaryKey()`), on `@Entity()` classes. */
const MIKRO_ORM_COLUMN_DECORATORS = new Set(['Property', 'PrimaryKey', 'SerializedPrimaryKey', 'Enum']);

const RELATION_DECORATORS = new Set(['ManyToOne', 'OneToOne', 'OneToMany', 'ManyToMany', 'BelongsTo', 'HasOne', 'HasMany', 'BelongsToMany']);

/**
 * TypeORM and MikroORM entities (`@Entity()` classes), sequelize-typescript models
 * (`@Table` classes) and @nestjs/mongoose schemas (`@Schema()` classes):
 * columns, primary key kind, `select: false` and `@Exclude()` hidden columns.
 */
export class DecoratedEntityAdapter implements NodeVisitor {
  readonly kinds = [ts.SyntaxKind.ClassDeclaration] as const;
  readonly entities: EntityFact[] = [];
  /** Columns marked `@Exclude()`: hidden only when a class serializer applies it. */
  private readonly excludedColumns = new Set<string>();

  visit(node: ts.Node, file: AnalyzedFile): void {
    const declaration = node as ts.ClassDeclaration;
    const decorators = ts.getDecorators(declaration) ?? [];
    const kind = decorators.map(getDecoratorName).find((name) => name === 'Entity' || name === 'Table' || name === 'Schema');
    if (!kind || !declaration.name) return;

    const columns: ColumnFact[] = [];
    const relations: RelationFact[] = [];
    const strippedBySerializer = getFieldsStrippedByToJson(declaration);
    let primaryKey: { name: string; kind: PrimaryKeyKind } | undefined;
    for (const member of declaration.members) {
      if (!ts.isPropertyDeclaration(member) || !ts.isIdentifier(member.name)) continue;
      const memberDecorators = ts.getDecorators(member) ?? [];
      const names = memberDecorators.map(getDecoratorName);
      const target = getRelationTarget(member, memberDecorators);
      if (target) relations.push({ name: member.name.text, target, at: getCodeSpan(member, file.sourceFile, file.relativePath) });
      const isMikroOrmColumn = kind === 'Entity' && names.some((name) => name && MIKRO_ORM_COLUMN_DECORATORS.has(name));
      if (!names.some((name) => name && COLUMN_DECORATORS.has(name)) && !isMikroOrmColumn) continue;
      const name = member.name.text;
      const generated = memberDecorators.find((decorator) => getDecoratorName(decorator) === 'PrimaryGeneratedColumn');
      if (generated) {
        const strategy = getStringValue(getDecoratorArguments(generated)[0]);
        primaryKey = { name, kind: strategy === 'uuid' ? 'uuid' : strategy === undefined || strategy === 'increment' || strategy === 'identity' ? 'autoincrement' : 'other' };
      } else if (names.includes('PrimaryColumn')) {
        primaryKey = { name, kind: 'other' };
      } else if (names.includes('ObjectIdColumn')) {
        primaryKey = { name, kind: 'objectid' };
      } else if (names.includes('AutoIncrement') || (kind === 'Table' && names.includes('PrimaryKey'))) {
        primaryKey = { name, kind: names.includes('AutoIncrement') ? 'autoincrement' : 'other' };
      } else if (kind === 'Entity' && names.includes('PrimaryKey')) {
        primaryKey = { name, kind: readMikroOrmKeyKind(member) };
      }
      // MikroORM leaves `@Property({ hidden: true })` and `Hidden<string>` / `string & Hidden` out of the serialized entity.
      const hidden = strippedBySerializer.has(name) ||
        memberDecorators.some((decorator) => /select\s*:\s*false|hidden\s*:\s*true/.test(decorator.getText())) ||
        (member.type !== undefined && /\bHidden\b/.test(member.type.getText()));
      if (names.includes('Exclude')) this.excludedColumns.add(`${declaration.name.text}.${name}`);
      columns.push({ name, sensitive: isSecretName(name), hidden, internalForeignKey: false, at: getCodeSpan(member, file.sourceFile, file.relativePath) });
    }
    this.entities.push({
      name: declaration.name.text,
      orm: kind === 'Entity' ? 'typeorm' : kind === 'Table' ? 'sequelize' : 'mongoose',
      at: getCodeSpan(declaration.name, file.sourceFile, file.relativePath),
      ...(primaryKey ? { primaryKey } : kind === 'Schema' ? { primaryKey: { name: '_id', kind: 'objectid' as const } } : {}),
      columns,
      relations,
      serializerStripsHidden: strippedBySerializer.size > 0,
    });
  }

  /**
   * Entity facts with `@Exclude()` honoured when the project wires
   * `ClassSerializerInterceptor` (globally or on controllers) anywhere.
   */
  getEntities(files: Iterable<AnalyzedFile>): EntityFact[] {
    const usesClassSerializer = [...files].some((file) => file.text.includes('ClassSerializerInterceptor'));
    return this.entities.map((entity) => ({
      ...entity,
      serializerStripsHidden: usesClassSerializer,
      columns: entity.columns.map((column) => ({
        ...column,
        hidden: column.hidden || (usesClassSerializer && this.excludedColumns.has(`${entity.name}.${column.name}`)),
      })),
    }));
  }
}

/** `@PrimaryKey() id!: number` counts up; `@PrimaryKey() id = v4()` / `randomUUID()` is a uuid. */
function readMikroOrmKeyKind(member: ts.PropertyDeclaration): PrimaryKeyKind {
  if (member.initializer && /\b(?:v4|uuid\w*|randomUUID)\s*\(/.test(member.initializer.getText())) return 'uuid';
  if (member.type?.kind === ts.SyntaxKind.NumberKeyword || member.type?.kind === ts.SyntaxKind.BigIntKeyword) return 'autoincrement';
  return 'other';
}

/**
 * The entity a relation property points at: TypeORM `@ManyToOne(() => User)`
 * (and OneToOne, OneToMany, ManyToMany), sequelize-typescript `@BelongsTo(() => User)`
 * (and HasOne, HasMany, BelongsToMany), @nestjs/mongoose `@Prop({ ref: 'User' })`;
 * the property's type (`User`, `User[]`) when the decorator names none.
 */
function getRelationTarget(member: ts.PropertyDeclaration, decorators: readonly ts.Decorator[]): string | undefined {
  for (const decorator of decorators) {
    const name = getDecoratorName(decorator);
    const [first] = getDecoratorArguments(decorator);
    if (name && RELATION_DECORATORS.has(name)) {
      const returned = first && ts.isArrowFunction(first) && !ts.isBlock(first.body) ? first.body : first;
      const named = returned && (ts.isIdentifier(returned) ? returned.text : getStringValue(returned));
      return named ?? getTypeName(member.type);
    }
    if (name === 'Prop' && first) {
      const ref = /\bref\s*:\s*(?:['"](\w+)['"]|(\w+)\.name\b)/.exec(first.getText());
      if (ref) return ref[1] ?? ref[2];
    }
  }
  return undefined;
}

/** `User`, `User[]`, `Array<User>`, `Relation<User>` → `User`. */
function getTypeName(type: ts.TypeNode | undefined): string | undefined {
  if (!type) return undefined;
  if (ts.isArrayTypeNode(type)) return getTypeName(type.elementType);
  if (!ts.isTypeReferenceNode(type)) return undefined;
  const name = type.typeName.getText();
  return (name === 'Array' || name === 'Relation' || name === 'Promise') && type.typeArguments?.[0] ? getTypeName(type.typeArguments[0]) : name;
}

/**
 * Fields an entity's own `toJSON()` leaves out when it is serialised:
 * `const { password, ...rest } = this; return rest;` or `delete copy.password`.
 */
function getFieldsStrippedByToJson(declaration: ts.ClassDeclaration): Set<string> {
  const toJson = declaration.members.find((member) => ts.isMethodDeclaration(member) && member.name.getText() === 'toJSON');
  if (!toJson) return new Set();
  const text = toJson.getText();
  const fields = new Set([...text.matchAll(/delete\s+\w+\.(\w+)/g)].map((match) => match[1]!));
  const rest = /\{([^{}]*)\.\.\.\s*\w+\s*\}\s*=\s*this\b/.exec(text);
  for (const name of rest?.[1]?.split(',') ?? []) {
    const field = name.split(':')[0]!.trim();
    if (field) fields.add(field);
  }
  return fields;
}
