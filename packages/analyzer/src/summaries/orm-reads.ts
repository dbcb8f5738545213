import { ts } from 'ts-morph';
import { MONGOOSE_RECORD_METHODS, PRISMA_RECORD_METHODS, SEQUELIZE_RECORD_METHODS, TYPEORM_RECORD_METHODS } from '@redline/core';
import { skipOuterExpressions } from '../project/lexical-scope.js';

/** An ORM call that returns records, and whether it shapes them. */
export interface OrmRead {
  /** The model or entity name as the code refers to it (`user` for `prisma.user`, `User`, `UserEntity`). */
  model: string;
  /** `model`: a model class used directly (`new User(...)`), whichever ORM declared it. */
  orm: 'prisma' | 'typeorm' | 'mongoose' | 'sequelize' | 'model';
  /** `select`/`omit`/`attributes`/a projection/`.select()` limit what comes back. */
  shaped: boolean;
  /** The fields a Prisma/TypeORM `select: { a: true }` keeps, when it is a literal. */
  selected?: string[];
  many: boolean;
}

const PRISMA_CLIENT = /(?:^|\.)(?:prisma|prismaService|prismaClient|db|client|database|tx|trx)$/i;
const MANY_METHODS = /^(?:find|findMany|findAll|findBy|getMany|findAndCount|findAndCountAll|findAndCountBy)$/;

/**
 * Recognises an ORM read in an expression (through `await`, `as`, and chained
 * query helpers like `.lean()`, `.exec()`, `.populate()`):
 * `prisma.user.findUnique(...)`, `this.userRepository.findOne(...)`,
 * `User.findById(id)`, `User.findByPk(id)`. `repositoryEntities` maps a
 * repository property (`userRepository`) to its entity, from `@InjectRepository`.
 */
export function readOrmCall(expression: ts.Expression, repositoryEntities: ReadonlyMap<string, string>): OrmRead | undefined {
  let node = skipOuterExpressions(expression);
  let shapedByChain = false;
  // User.findOne(...).select('-password').lean()
  while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['lean', 'exec', 'populate', 'select', 'sort', 'limit', 'skip', 'orFail'].includes(node.expression.name.text)) {
    if (node.expression.name.text === 'select') shapedByChain = true;
    node = skipOuterExpressions(node.expression.expression);
  }
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const method = node.expression.name.text;
  const receiver = skipOuterExpressions(node.expression.expression);
  const options = node.arguments[0];
  const optionText = (options && ts.isObjectLiteralExpression(options) ? options : undefined)?.properties.map((property) => property.name?.getText() ?? '') ?? [];

  // prisma.user.findUnique({ where, select })
  if (ts.isPropertyAccessExpression(receiver) && PRISMA_RECORD_METHODS.has(method) && PRISMA_CLIENT.test(receiver.expression.getText())) {
    const selected = readSelectedFields(options);
    return {
      model: receiver.name.text,
      orm: 'prisma',
      shaped: optionText.includes('select') || optionText.includes('omit'),
      many: method === 'findMany',
      ...(selected ? { selected } : {}),
    };
  }
  const receiverName = ts.isPropertyAccessExpression(receiver) ? receiver.name.text : ts.isIdentifier(receiver) ? receiver.text : undefined;
  if (!receiverName) return undefined;
  // this.userRepository.findOne({ where, select })
  const repositoryEntity = repositoryEntities.get(receiverName);
  if (repositoryEntity && TYPEORM_RECORD_METHODS.has(method)) {
    return { model: repositoryEntity, orm: 'typeorm', shaped: optionText.includes('select'), many: MANY_METHODS.test(method) };
  }
  // User.findById(id), User.findAll({ attributes })
  if (ts.isIdentifier(receiver) && /^[A-Z]/.test(receiverName)) {
    if (SEQUELIZE_RECORD_METHODS.has(method) && !MONGOOSE_RECORD_METHODS.has(method)) {
      return { model: receiverName, orm: 'sequelize', shaped: optionText.includes('attributes'), many: MANY_METHODS.test(method) };
    }
    if (MONGOOSE_RECORD_METHODS.has(method)) {
      // Mongoose's second argument is a projection (the update, for `…AndUpdate`, whose options may carry one);
      // Sequelize's findOne takes `{ attributes }`.
      const projected = /AndUpdate$/.test(method)
        ? /\b(?:projection|select)\s*:/.test(node.arguments[2]?.getText() ?? '')
        : node.arguments.length >= 2 && method.startsWith('find') && !/AndDelete$/.test(method);
      return { model: receiverName, orm: 'mongoose', shaped: shapedByChain || projected || optionText.includes('attributes'), many: MANY_METHODS.test(method) };
    }
  }
  return undefined;
}

/**
 * A record built from a model class: `new User(body)` (a Mongoose document,
 * a TypeORM or Sequelize instance) carries every column it is given or gets
 * by default once saved. Whether `User` is an entity the caller decides
 * against the entity facts.
 */
export function readRecordConstruction(expression: ts.Expression): OrmRead | undefined {
  const node = skipOuterExpressions(expression);
  if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression) || !/^[A-Z]/.test(node.expression.text)) return undefined;
  return { model: node.expression.text, orm: 'model', shaped: false, many: false };
}

/** `{ select: { id: true, email: true } }` → `['id', 'email']`. */
function readSelectedFields(options: ts.Expression | undefined): string[] | undefined {
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  const select = options.properties.find((property): property is ts.PropertyAssignment => ts.isPropertyAssignment(property) && property.name.getText() === 'select');
  if (!select || !ts.isObjectLiteralExpression(select.initializer)) return undefined;
  return select.initializer.properties
    .filter((property): property is ts.PropertyAssignment => ts.isPropertyAssignment(property) && property.initializer.kind === ts.SyntaxKind.TrueKeyword)
    .map((property) => property.name.getText());
}
