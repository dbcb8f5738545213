import ts from '../project/typescript.cjs';
import { MONGOOSE_RECORD_METHODS, PRISMA_RECORD_METHODS, SEQUELIZE_RECORD_METHODS, TYPEORM_RECORD_METHODS } from '@redline/core';
import { skipOuterExpressions } from '../project/lexical-scope.js';
import { readPopulate, readPrismaShape, readProjection, readSequelizeShape, readTypeOrmShape, type IncludedRelation, type QueryShape } from './orm-options.js';
import { findEnclosingClass } from './resolve-callee.js';

/** An ORM call that returns records, and whether it shapes them. */
export interface OrmRead {
  /** The model or entity name as the code refers to it (`user` for `prisma.user`, `User`, `UserEntity`). */
  model: string;
  /** `model`: a model class used directly (`new User(...)`), whichever ORM declared it. */
  orm: 'prisma' | 'typeorm' | 'mongoose' | 'sequelize' | 'drizzle' | 'model';
  /** `select`/`omit`/`attributes`/a projection/`.select()` limit what comes back. */
  shaped: boolean;
  /** The fields a Prisma/TypeORM `select: { a: true }` keeps, when it is a literal. */
  selected?: string[];
  /** Columns the query leaves out (`attributes: { exclude: [...] }`, `.select('-password')`). */
  omitted?: string[];
  /** Hidden columns the query asks for on purpose (`.select('+password')`, `.addSelect('user.password')`). */
  forced?: string[];
  /** Relations loaded with the records (`include: { author: true }`, `.populate('author')`, `relations: ['author']`). */
  relations?: IncludedRelation[];
  many: boolean;
}

export const PRISMA_CLIENT = /(?:^|\.)(?:prisma|prismaService|prismaClient|db|client|database|tx|trx)$/i;
/** TypeORM's EntityManager and DataSource take the entity as their first argument: `manager.findOne(User, …)`. */
const TYPEORM_MANAGER = /(?:^|\.)(?:manager|entityManager|em|dataSource|connection|getManager\(\))$/i;
const MANY_METHODS = /^(?:find|findMany|findAll|findBy|getMany|findAndCount|findAndCountAll|findAndCountBy)$/;
/** Reads on an injected repository beyond TypeORM's: MikroORM's `EntityRepository` (`this.userRepository.findAll()`). */
const REPOSITORY_ONLY_METHODS = new Set(['findAll', 'findByCursor']);
/** TypeORM methods no other ORM has: on a class, it extends `BaseEntity`. */
const TYPEORM_ONLY_METHODS = new Set(['findOneBy', 'findBy', 'findOneOrFail', 'findOneByOrFail', 'findAndCount', 'findAndCountBy']);
/** Mongoose query helpers chained onto a read. */
const QUERY_CHAIN_METHODS = new Set(['lean', 'exec', 'populate', 'select', 'sort', 'limit', 'skip', 'orFail', 'session']);

/**
 * Recognises an ORM read in an expression (through `await`, `as`, and chained
 * query helpers like `.lean()`, `.exec()`, `.populate()`):
 * `prisma.user.findUnique(...)`, `this.userRepository.findOne(...)`,
 * `dataSource.getRepository(User).findOneBy(...)`, `manager.findOne(User, …)`,
 * `User.findById(id)`, `User.findByPk(id)`, `User.findOneBy(...)` on a
 * `BaseEntity`. `repositoryEntities` maps a repository property or local
 * (`userRepository`) to its entity, from `@InjectRepository` or `getRepository(User)`.
 */
export function readOrmCall(expression: ts.Expression, repositoryEntities: ReadonlyMap<string, string>): OrmRead | undefined {
  let node = skipOuterExpressions(expression);
  const chain: { shaped: boolean; omitted: string[]; forced: string[]; relations: IncludedRelation[] } = { shaped: false, omitted: [], forced: [], relations: [] };
  // User.findOne(...).select('-password').populate('author').lean()
  while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && QUERY_CHAIN_METHODS.has(node.expression.name.text)) {
    const [first] = node.arguments;
    if (node.expression.name.text === 'select' && first) {
      const projection = readProjection(first);
      chain.shaped ||= projection.shaped;
      chain.omitted.push(...(projection.omitted ?? []));
      chain.forced.push(...(projection.forced ?? []));
    }
    if (node.expression.name.text === 'populate') chain.relations.push(...readPopulate(node.arguments));
    node = skipOuterExpressions(node.expression.expression);
  }
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const method = node.expression.name.text;
  const receiver = skipOuterExpressions(node.expression.expression);
  const many = MANY_METHODS.test(method);
  const options = node.arguments.find((argument) => ts.isObjectLiteralExpression(skipOuterExpressions(argument)));

  // prisma.user.findUnique({ where, select, include })
  if (ts.isPropertyAccessExpression(receiver) && PRISMA_RECORD_METHODS.has(method) && PRISMA_CLIENT.test(receiver.expression.getText())) {
    return toRead(receiver.name.text, 'prisma', method === 'findMany', readPrismaShape(node.arguments[0]));
  }
  if (TYPEORM_RECORD_METHODS.has(method) || REPOSITORY_ONLY_METHODS.has(method)) {
    // this.userRepository.findOne({ where, select, relations }), dataSource.getRepository(User).findOneBy(...)
    const repositoryEntity = getRepositoryEntity(receiver, repositoryEntities);
    if (repositoryEntity) return toRead(repositoryEntity, 'typeorm', many, readTypeOrmShape(options));
    // manager.findOne(User, { where }), queryRunner.manager.find(User)
    const [entityArgument] = node.arguments;
    if (TYPEORM_MANAGER.test(receiver.getText()) && entityArgument && ts.isIdentifier(entityArgument) && /^[A-Z]/.test(entityArgument.text)) {
      return toRead(entityArgument.text, 'typeorm', many, readTypeOrmShape(node.arguments[1]));
    }
  }
  if (!ts.isIdentifier(receiver) || !/^[A-Z]/.test(receiver.text)) return undefined;
  const model = receiver.text;
  // User.findOneBy({ id }) on a TypeORM BaseEntity
  if (TYPEORM_ONLY_METHODS.has(method)) return toRead(model, 'typeorm', many, readTypeOrmShape(options));
  // User.findAll({ attributes, include })
  if (SEQUELIZE_RECORD_METHODS.has(method) && !MONGOOSE_RECORD_METHODS.has(method)) return toRead(model, 'sequelize', many, readSequelizeShape(options));
  if (!MONGOOSE_RECORD_METHODS.has(method)) return undefined;
  // A shared name (`findOne`, `create`): Sequelize and BaseEntity options say which ORM it is.
  if (options && /\b(?:where|attributes|include|relations|select)\s*:/.test(options.getText().slice(0, 400))) {
    const typeOrm = readTypeOrmShape(options);
    const sequelize = readSequelizeShape(options);
    return toRead(model, 'model', many, { ...sequelize, shaped: sequelize.shaped || typeOrm.shaped, relations: [...sequelize.relations, ...typeOrm.relations] });
  }
  // Mongoose's second argument is a projection (the update, for `…AndUpdate`, whose options may carry one).
  const projection = /AndUpdate$/.test(method)
    ? readUpdateOptionsProjection(node.arguments[2])
    : node.arguments[1] && method.startsWith('find') && !/AndDelete$/.test(method) ? readProjection(node.arguments[1]) : { shaped: false };
  return toRead(model, 'mongoose', many, {
    shaped: chain.shaped || projection.shaped,
    omitted: [...chain.omitted, ...(projection.omitted ?? [])],
    relations: chain.relations,
  }, [...chain.forced, ...(projection.forced ?? [])]);
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

/** The entity of a repository expression: `this.users` / `users` (injected or local), `getRepository(User)`, `dataSource.getRepository(User)`. */
export function getRepositoryEntity(receiver: ts.Expression, repositoryEntities: ReadonlyMap<string, string>): string | undefined {
  const node = skipOuterExpressions(receiver);
  if (node.kind === ts.SyntaxKind.ThisKeyword) return getCustomRepositoryEntity(node);
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    const [entity] = node.arguments;
    return (name === 'getRepository' || name === 'getCustomRepository') && entity && ts.isIdentifier(entity) ? entity.text : undefined;
  }
  const name = ts.isPropertyAccessExpression(node) ? node.name.text : ts.isIdentifier(node) ? node.text : undefined;
  return name === undefined ? undefined : repositoryEntities.get(name);
}

/** TypeORM's repository classes a project extends with its own queries. */
const REPOSITORY_CLASSES = new Set(['Repository', 'TreeRepository', 'MongoRepository']);

/**
 * The entity of a custom repository `this` is in: `class UserRepository
 * extends Repository<User>` (whose `this.find()` reads users), or the older
 * `@EntityRepository(User)`.
 */
function getCustomRepositoryEntity(self: ts.Node): string | undefined {
  const classNode = findEnclosingClass(self);
  if (!classNode) return undefined;
  for (const clause of classNode.heritageClauses ?? []) {
    if (clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
    const [base] = clause.types;
    const [entity] = base?.typeArguments ?? [];
    if (base && REPOSITORY_CLASSES.has(base.expression.getText()) && entity && ts.isTypeReferenceNode(entity)) return entity.typeName.getText();
  }
  for (const decorator of ts.getDecorators(classNode) ?? []) {
    const match = /^EntityRepository\(\s*(\w+)\s*\)$/.exec(decorator.expression.getText());
    if (match) return match[1];
  }
  return undefined;
}

function toRead(model: string, orm: OrmRead['orm'], many: boolean, shape: QueryShape, forced: string[] = []): OrmRead {
  return {
    model,
    orm,
    shaped: shape.shaped,
    many,
    ...(shape.selected ? { selected: shape.selected } : {}),
    ...(shape.omitted?.length ? { omitted: shape.omitted } : {}),
    ...(forced.length ? { forced } : {}),
    ...(shape.relations.length ? { relations: shape.relations } : {}),
  };
}

/** `findByIdAndUpdate(id, update, { new: true, projection: 'name' })`: the options' projection or select. */
function readUpdateOptionsProjection(options: ts.Expression | undefined): ReturnType<typeof readProjection> {
  const node = options && skipOuterExpressions(options);
  if (!node || !ts.isObjectLiteralExpression(node)) return { shaped: false };
  const projection = node.properties.find((property): property is ts.PropertyAssignment => ts.isPropertyAssignment(property) && /^(?:projection|select|fields)$/.test(property.name.getText()));
  return projection ? readProjection(projection.initializer) : { shaped: false };
}
