import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  DRIZZLE_QUERY_METHODS,
  MONGOOSE_CHAIN_METHODS,
  MONGOOSE_RECORD_METHODS,
  PRISMA_ONLY_METHODS,
  PRISMA_RECORD_METHODS,
  ROWS_CONTAINER_METHODS,
  SEQUELIZE_RECORD_METHODS,
  TUPLE_RESULT_METHODS,
  TYPEORM_RECORD_METHODS,
  isUserModelName,
  isSensitiveColumnName,
  isUserRelationName,
  splitIdentifierWords,
} from '@redline/core';
import { findProperty, getMemberPath, getMemberPropertyName, getPropertyKeyName, getStaticKey, unwrapExpression } from './ast.js';

/** The ORM families whose query shapes are recognised. */
export type OrmKind = 'prisma' | 'typeorm' | 'mongoose-or-sequelize' | 'drizzle';

/** What one ORM query returns, as far as its call shows. */
export interface OrmRecordQuery {
  orm: OrmKind;
  /** The model, table or entity as written: `user`, `User`, `UserModel`, `users`. */
  model: string;
  method: string;
  /** The outermost call of the query chain (`User.findById(id).lean()`). */
  call: TSESTree.CallExpression | TSESTree.NewExpression;
  /** A short label for messages: `prisma.user.findUnique`, `User.findById`. */
  label: string;
  /** Whether the query picks or drops columns (`select`, `omit`, `attributes`, a projection). */
  shaped: boolean;
  /** Relations that the query pulls in whole and whose names denote people (`include: { author: true }`). */
  userRelations: string[];
  /** Column names the query writes or filters on (`data`, `where`, `values`): they prove the columns exist. */
  knownColumns: string[];
  /** Column names the query asks for on purpose even if hidden by default (`.select('+password')`). */
  forcedColumns: string[];
  /** The result's shape: records, a `{ rows, count }` object, or a `[records, …]` tuple. */
  result: 'record' | 'rows-container' | 'tuple';
}

/** How a file tells which identifiers are ORM models and TypeORM repositories. */
export interface OrmModelResolver {
  /** Whether `node` (the receiver of `.findOne()`…) is a Mongoose/Sequelize/TypeORM model class. */
  isModelReference(node: TSESTree.Node): boolean;
  /** Whether `node` is a variable holding `new PrismaClient()` (whatever its name: `prism`, `orm`). */
  isPrismaClient(node: TSESTree.Node): boolean;
  /** The entity of a TypeORM repository expression (`this.usersRepository` → `User`), if known. */
  getRepositoryEntity(node: TSESTree.Node): string | undefined;
}

/** Options keys that shape a Sequelize / TypeORM / Mongoose query. */
const SHAPING_OPTION_KEYS = ['attributes', 'select', 'projection'];
/** Sequelize option keys: an object with these is an options object, not a Mongoose projection. */
const SEQUELIZE_OPTION_KEYS = new Set(['where', 'include', 'raw', 'transaction', 'paranoid', 'lock', 'plain', 'logging', 'order', 'limit', 'offset', 'rejectOnEmpty', 'nest', 'useMaster']);
/** Prisma client names that are not a Prisma-named variable: `db.user`, `tx.user`. */
const PRISMA_CLIENT_NAMES = new Set(['db', 'tx', 'client', 'database', 'trx', 'prismaclient', 'orm', 'dbclient', 'transaction']);
/** Drizzle select-chain methods that keep the selected rows whole. */
const DRIZZLE_CHAIN_METHODS = new Set([
  'from', 'where', 'limit', 'offset', 'orderBy', 'groupBy', 'having', 'execute', 'prepare', 'all', 'get',
  'leftJoin', 'rightJoin', 'innerJoin', 'fullJoin', 'for', '$dynamic', 'returning', 'values', 'set',
  'onConflictDoUpdate', 'onConflictDoNothing', 'run',
]);
/** TypeORM query-builder methods that return entities. */
const QUERY_BUILDER_RESULTS = new Set(['getOne', 'getMany', 'getOneOrFail', 'getManyAndCount']);

/**
 * The ORM query a call expression is, if it returns records (or a chain of
 * one: `.lean()`, `.exec()`, `.populate()`): Prisma `prisma.user.findUnique`,
 * TypeORM repositories, managers and query builders, Mongoose/Sequelize/TypeORM
 * model statics, Drizzle selects and relational queries.
 */
export function getOrmRecordQuery(node: TSESTree.Node, models: OrmModelResolver): OrmRecordQuery | undefined {
  const outer = unwrapExpression(node);
  if (outer.type !== AST_NODE_TYPES.CallExpression) return undefined;
  return getDrizzleQuery(outer) ?? getQueryBuilderQuery(outer, models) ?? getChainedModelQuery(outer, models);
}

/** Prisma, TypeORM repository/manager and model-static queries, with a Mongoose chain on top. */
function getChainedModelQuery(outer: TSESTree.CallExpression, models: OrmModelResolver): OrmRecordQuery | undefined {
  // Walk down `.lean().populate('x').exec()` to the query call itself.
  const chain: TSESTree.CallExpression[] = [];
  let current: TSESTree.CallExpression = outer;
  for (;;) {
    const callee = unwrapExpression(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = getMemberPropertyName(callee);
    const object = unwrapExpression(callee.object);
    if (method !== undefined && (MONGOOSE_CHAIN_METHODS.has(method) || method === 'select') && object.type === AST_NODE_TYPES.CallExpression) {
      chain.push(current);
      current = object;
      continue;
    }
    break;
  }
  const query = getPrismaQuery(current, models) ?? getRepositoryQuery(current, models) ?? getModelStaticQuery(current, models);
  if (!query) return undefined;
  if (chain.length > 0 && query.orm !== 'mongoose-or-sequelize') return undefined;
  for (const link of chain) applyMongooseChainLink(query, link);
  query.call = outer;
  return query;
}

function applyMongooseChainLink(query: OrmRecordQuery, link: TSESTree.CallExpression): void {
  const name = getMemberPropertyName(unwrapExpression(link.callee) as TSESTree.MemberExpression);
  const [first, second] = link.arguments;
  if (name === 'select') {
    // `.select('+password')` asks for a hidden column on purpose; anything else picks or drops columns.
    const text = first && getStaticKey(first);
    const forced = text?.split(/\s+/).filter((part) => part.startsWith('+')).map((part) => part.slice(1)) ?? [];
    if (forced.length > 0 && text!.split(/\s+/).every((part) => part.startsWith('+'))) {
      query.forcedColumns.push(...forced);
    } else if (first) {
      query.shaped = true;
    }
  } else if (name === 'populate' && first) {
    for (const relation of getPopulatedRelations(first, second)) query.userRelations.push(relation);
  }
}

/** `.populate('author')`, `.populate(['author', 'tags'])`, `.populate({ path: 'author' })` without a field list. */
function getPopulatedRelations(first: TSESTree.Node, second: TSESTree.Node | undefined): string[] {
  if (second && second.type !== AST_NODE_TYPES.SpreadElement) return [];
  const paths: string[] = [];
  const visit = (node: TSESTree.Node) => {
    const text = getStaticKey(node);
    if (text !== undefined) {
      paths.push(...text.split(/\s+/));
    } else if (node.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of node.elements) if (element) visit(element);
    } else if (node.type === AST_NODE_TYPES.ObjectExpression && !findProperty(node, 'select')) {
      const path = findProperty(node, 'path');
      if (path) visit(path.value);
    }
  };
  visit(first);
  return paths.map((path) => path.split('.').at(-1)!).filter((name) => isUserRelationName(name));
}

/** `prisma.user.findUnique({...})`, `this.prisma.user.create(...)`, `db.user.findMany()`, `tx.user.update(...)`. */
function getPrismaQuery(call: TSESTree.CallExpression, models: OrmModelResolver): OrmRecordQuery | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getMemberPropertyName(callee);
  if (method === undefined || !PRISMA_RECORD_METHODS.has(method)) return undefined;
  const delegate = unwrapExpression(callee.object);
  if (delegate.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const model = getMemberPropertyName(delegate);
  // Prisma delegates are camelCase (`prisma.user`); `db.User` is a Sequelize model.
  if (model === undefined || !/^[a-z]/.test(model) || model === 'query') return undefined;
  const clientPath = getMemberPath(delegate.object);
  if (!clientPath) return undefined;
  const prismaNamed = clientPath.some((segment) => segment.toLowerCase().includes('prisma')) || models.isPrismaClient(delegate.object);
  const clientNamed = PRISMA_CLIENT_NAMES.has(clientPath.at(-1)!.toLowerCase());
  if (!prismaNamed && !clientNamed) return undefined;

  const [argument] = call.arguments;
  const options = argument ? unwrapExpression(argument) : undefined;
  if (options && options.type !== AST_NODE_TYPES.ObjectExpression) {
    // `prisma.user.findMany(query)`: the options are elsewhere; they may well select.
    return undefined;
  }
  if (!prismaNamed && !PRISMA_ONLY_METHODS.has(method)) {
    // `db.user.create(...)` is Prisma only with Prisma's argument shape.
    if (!options || !(findProperty(options, 'data') || findProperty(options, 'where'))) return undefined;
  }
  const query = newQuery('prisma', model, method, call, `${clientPath.at(-1)}.${model}.${method}`);
  if (!options) return query;
  if (options.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const select = findProperty(options, 'select');
  const omit = findProperty(options, 'omit');
  if (select || omit) query.shaped = true;
  if (select) collectPrismaRelations(select.value, query.userRelations);
  const include = findProperty(options, 'include');
  if (include) collectPrismaRelations(include.value, query.userRelations);
  // `include: { notes: true, password: false }`: the author turned the secret off by name, and sends the rest on purpose.
  if (include && turnsOffSecret(include.value)) query.shaped = true;
  for (const key of ['data', 'where', 'create', 'update']) {
    const property = findProperty(options, key);
    if (property) query.knownColumns.push(...getObjectKeys(property.value));
  }
  return query;
}

/**
 * Relations a Prisma `include`/`select` pulls in whole: `{ author: true }`,
 * `{ author: { include: {...} } }`, nested `{ posts: { include: { author: true } } }`.
 */
function collectPrismaRelations(node: TSESTree.Node, found: string[]): void {
  const value = unwrapExpression(node);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return;
  for (const property of value.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = getPropertyKeyName(property);
    if (name === undefined || name === '_count') continue;
    const inner = unwrapExpression(property.value);
    const whole = inner.type === AST_NODE_TYPES.Literal && inner.value === true;
    if (inner.type === AST_NODE_TYPES.ObjectExpression) {
      const innerSelect = findProperty(inner, 'select') ?? findProperty(inner, 'omit');
      if (!innerSelect && isUserRelationName(name)) found.push(name);
      const nestedSelect = findProperty(inner, 'select');
      const nestedInclude = findProperty(inner, 'include');
      if (nestedSelect) collectPrismaRelations(nestedSelect.value, found);
      if (nestedInclude) collectPrismaRelations(nestedInclude.value, found);
    } else if (whole && isUserRelationName(name)) {
      // In a `select` too: `author: true` is the whole related record (no scalar column is named like a person).
      found.push(name);
    }
  }
}

/**
 * TypeORM: `userRepository.findOne(...)`, `this.usersRepository.find()`,
 * `getRepository(User).find()`, `dataSource.getRepository(User).save(x)`,
 * `manager.findOne(User, {...})`.
 */
function getRepositoryQuery(call: TSESTree.CallExpression, models: OrmModelResolver): OrmRecordQuery | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getMemberPropertyName(callee);
  if (method === undefined || !(TYPEORM_RECORD_METHODS.has(method) || method === 'create')) return undefined;
  const receiver = unwrapExpression(callee.object);
  const receiverName = getReceiverName(receiver);

  let entity: string | undefined;
  let optionsIndex = 0;
  let label: string;
  const repositoryEntity = getRepositoryCallEntity(receiver) ?? models.getRepositoryEntity(receiver);
  if (repositoryEntity !== undefined) {
    entity = repositoryEntity;
    label = `${receiverName ?? `getRepository(${repositoryEntity})`}.${method}`;
  } else if (receiverName !== undefined && /(?:repository|repo)$/i.test(receiverName)) {
    entity = receiverName.replace(/(?:repository|repo)$/i, '');
    label = `${receiverName}.${method}`;
    if (entity === '') return undefined;
  } else if (receiverName !== undefined && (/manager$/i.test(receiverName) || receiverName === 'em')) {
    // EntityManager: the entity class is the first argument.
    const [target] = call.arguments;
    const entityNode = target && unwrapExpression(target);
    if (!entityNode || entityNode.type !== AST_NODE_TYPES.Identifier || !/^[A-Z]/.test(entityNode.name)) return undefined;
    entity = entityNode.name;
    optionsIndex = 1;
    label = `${receiverName}.${method}`;
  } else {
    return undefined;
  }
  if (method === 'create' && call.arguments.length === 0) return undefined;

  const query = newQuery('typeorm', entity, method, call, label);
  const argument = call.arguments[optionsIndex];
  const options = argument ? unwrapExpression(argument) : undefined;
  if (options?.type === AST_NODE_TYPES.ObjectExpression) {
    if (method === 'save' || method === 'create' || method === 'preload' || method.endsWith('By')) {
      // `save({...})`, `create({...})`, `findOneBy({ email })`: the object is the entity or the filter.
      query.knownColumns.push(...getObjectKeys(options));
    } else {
      if (options.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement) && !findProperty(options, 'where')) return undefined;
      if (findProperty(options, 'select')) query.shaped = true;
      const relations = findProperty(options, 'relations');
      if (relations) query.userRelations.push(...getNamedRelations(relations.value));
      const where = findProperty(options, 'where');
      if (where) query.knownColumns.push(...getObjectKeys(where.value));
      // TypeORM 0.2 `findOne({ email })`: the object is the filter itself.
      if (!where && !relations && !findProperty(options, 'select') && !findProperty(options, 'order')) {
        query.knownColumns.push(...getObjectKeys(options));
      }
    }
  } else if (options?.type === AST_NODE_TYPES.Identifier && method !== 'save' && method !== 'create' && !method.endsWith('By')) {
    // `find(options)` built elsewhere may select; `findOne(id)` (TypeORM 0.2) does not.
    if (!/id$/i.test(options.name)) return undefined;
  }
  return query;
}

/** TypeORM query builder: `repo.createQueryBuilder('user').where(...).getOne()`; `.select(...)` shapes it. */
function getQueryBuilderQuery(outer: TSESTree.CallExpression, models: OrmModelResolver): OrmRecordQuery | undefined {
  const callee = unwrapExpression(outer.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getMemberPropertyName(callee);
  if (method === undefined || !QUERY_BUILDER_RESULTS.has(method)) return undefined;
  let shaped = false;
  const relations: string[] = [];
  let current: TSESTree.Node = unwrapExpression(callee.object);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const link = unwrapExpression(current.callee);
    if (link.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = getMemberPropertyName(link);
    if (name === 'select') shaped = true;
    if (name === 'leftJoinAndSelect' || name === 'innerJoinAndSelect') {
      const alias = current.arguments[1] && getStaticKey(current.arguments[1]);
      const path = current.arguments[0] && getStaticKey(current.arguments[0]);
      const relation = alias ?? path?.split('.').at(-1);
      if (relation !== undefined && isUserRelationName(relation)) relations.push(relation);
    }
    if (name === 'createQueryBuilder') {
      const receiver = unwrapExpression(link.object);
      const [first] = current.arguments;
      const firstNode = first && unwrapExpression(first);
      let entity: string | undefined;
      if (firstNode?.type === AST_NODE_TYPES.Identifier && /^[A-Z]/.test(firstNode.name)) {
        entity = firstNode.name;
      } else {
        entity = getRepositoryCallEntity(receiver) ?? models.getRepositoryEntity(receiver);
        const receiverName = getReceiverName(receiver);
        if (entity === undefined && receiverName !== undefined && /(?:repository|repo)$/i.test(receiverName)) {
          entity = receiverName.replace(/(?:repository|repo)$/i, '');
        }
      }
      if (!entity) return undefined;
      const query = newQuery('typeorm', entity, method, outer, `createQueryBuilder(…).${method}`);
      query.shaped = shaped;
      query.userRelations.push(...relations);
      if (method === 'getManyAndCount') query.result = 'tuple';
      return query;
    }
    current = unwrapExpression(link.object);
  }
  return undefined;
}

/**
 * Mongoose, Sequelize and TypeORM active-record statics on a model class:
 * `User.findById(id)`, `UserModel.findAll()`, `db.User.findOne({...})`, `this.userModel.find()`.
 */
function getModelStaticQuery(call: TSESTree.CallExpression, models: OrmModelResolver): OrmRecordQuery | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getMemberPropertyName(callee);
  if (method === undefined) return undefined;
  if (!MONGOOSE_RECORD_METHODS.has(method) && !SEQUELIZE_RECORD_METHODS.has(method) && !TYPEORM_RECORD_METHODS.has(method)) return undefined;
  if (method === 'getOne' || method === 'getMany' || method === 'getOneOrFail' || method === 'preload' || method === 'save') return undefined;
  const receiver = unwrapExpression(callee.object);
  if (!models.isModelReference(receiver)) return undefined;
  const path = getMemberPath(receiver)!;
  const model = path.at(-1)!;
  const query = newQuery('mongoose-or-sequelize', model, method, call, `${model}.${method}`);
  if (ROWS_CONTAINER_METHODS.has(method)) query.result = 'rows-container';

  const args = call.arguments.map((argument) => unwrapExpression(argument));
  const [first, second, third] = args;
  const isFunction = (node: TSESTree.Node | undefined) =>
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression || node?.type === AST_NODE_TYPES.FunctionExpression;

  if (method === 'create' || method === 'bulkCreate' || method === 'insertMany') {
    if (first?.type === AST_NODE_TYPES.ObjectExpression) query.knownColumns.push(...getObjectKeys(first));
    return query;
  }
  // Options objects (Sequelize findAll/findOne, TypeORM find): `attributes`/`select` shape.
  for (const argument of args) {
    if (argument.type !== AST_NODE_TYPES.ObjectExpression) continue;
    if (SHAPING_OPTION_KEYS.some((key) => isShapingOption(argument, key))) query.shaped = true;
    const include = findProperty(argument, 'include');
    if (include) query.userRelations.push(...getSequelizeIncludes(include.value));
    const relations = findProperty(argument, 'relations');
    if (relations) query.userRelations.push(...getNamedRelations(relations.value));
    const where = findProperty(argument, 'where');
    if (where) query.knownColumns.push(...getObjectKeys(where.value));
  }
  const sequelizeOnly = method === 'findAll' || method === 'findAndCountAll' || method === 'findByPk';
  if (first && !isFunction(first) && first.type === AST_NODE_TYPES.Identifier && (method === 'findAll' || method === 'findAndCountAll')) {
    // `User.findAll(options)`: the options are built elsewhere and may pick attributes.
    return undefined;
  }
  if (first?.type === AST_NODE_TYPES.ObjectExpression && !findProperty(first, 'where') && !sequelizeOnly) {
    query.knownColumns.push(...getObjectKeys(first));
  }
  // Mongoose projection: `find(filter, 'name email')`, `findById(id, { password: 0 })`.
  if ((method === 'find' || method === 'findOne' || method === 'findById' || method === 'findByPk') && second && !isFunction(second)) {
    if (isMongooseProjection(second)) query.shaped = true;
  }
  if ((method === 'findOneAndUpdate' || method === 'findByIdAndUpdate') && third?.type === AST_NODE_TYPES.ObjectExpression) {
    if (findProperty(third, 'projection') || findProperty(third, 'select') || findProperty(third, 'fields')) query.shaped = true;
    if (second?.type === AST_NODE_TYPES.ObjectExpression) query.knownColumns.push(...getObjectKeys(second));
  }
  return query;
}

function isShapingOption(object: TSESTree.ObjectExpression, key: string): boolean {
  const property = findProperty(object, key);
  if (!property) return false;
  const value = unwrapExpression(property.value);
  // Sequelize `attributes: { include: [...] }` adds computed columns to all of them.
  if (key === 'attributes' && value.type === AST_NODE_TYPES.ObjectExpression && !findProperty(value, 'exclude')) return false;
  return true;
}

function isMongooseProjection(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' && node.value.trim() !== '';
  if (node.type === AST_NODE_TYPES.TemplateLiteral || node.type === AST_NODE_TYPES.ArrayExpression) return true;
  if (node.type === AST_NODE_TYPES.Identifier) return node.name !== 'undefined';
  if (node.type === AST_NODE_TYPES.ObjectExpression) {
    if (findProperty(node, 'attributes')) return true;
    // A Sequelize `findByPk(id, { include })` options object does not shape; a projection does.
    return !node.properties.some((property) => property.type === AST_NODE_TYPES.Property && SEQUELIZE_OPTION_KEYS.has(getPropertyKeyName(property) ?? ''));
  }
  return false;
}

/** Sequelize `include: [User]`, `include: [{ model: User, as: 'author' }]` without `attributes`. */
function getSequelizeIncludes(node: TSESTree.Node): string[] {
  const value = unwrapExpression(node);
  const entries = value.type === AST_NODE_TYPES.ArrayExpression ? value.elements : [value];
  const found: string[] = [];
  for (const entry of entries) {
    if (!entry || entry.type === AST_NODE_TYPES.SpreadElement) continue;
    const item = unwrapExpression(entry);
    if (item.type === AST_NODE_TYPES.Identifier || item.type === AST_NODE_TYPES.MemberExpression) {
      const name = getMemberPath(item)?.at(-1);
      if (name !== undefined && (isUserRelationName(name) || isUserModelName(name))) found.push(name);
    } else if (item.type === AST_NODE_TYPES.ObjectExpression) {
      if (findProperty(item, 'attributes')) continue;
      const model = findProperty(item, 'model');
      const as = findProperty(item, 'as');
      const modelName = model && getMemberPath(model.value)?.at(-1);
      const asName = as && getStaticKey(as.value);
      if ((asName !== undefined && isUserRelationName(asName)) || (modelName !== undefined && (isUserRelationName(modelName) || isUserModelName(modelName)))) {
        found.push(asName ?? modelName!);
      }
      const nested = findProperty(item, 'include');
      if (nested) found.push(...getSequelizeIncludes(nested.value));
    }
  }
  return found;
}

/** TypeORM `relations: ['author', 'comments.author']` or `relations: { author: true }`. */
function getNamedRelations(node: TSESTree.Node): string[] {
  const value = unwrapExpression(node);
  const names: string[] = [];
  if (value.type === AST_NODE_TYPES.ArrayExpression) {
    for (const element of value.elements) {
      const text = element && element.type !== AST_NODE_TYPES.SpreadElement ? getStaticKey(element) : undefined;
      if (text !== undefined) names.push(text.split('.').at(-1)!);
    }
  } else if (value.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of value.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const name = getPropertyKeyName(property);
      if (name === undefined) continue;
      const inner = unwrapExpression(property.value);
      if (inner.type === AST_NODE_TYPES.Literal && inner.value === true) names.push(name);
      if (inner.type === AST_NODE_TYPES.ObjectExpression) names.push(...getNamedRelations(inner));
    }
  }
  return names.filter((name) => isUserRelationName(name));
}

/**
 * Drizzle: `db.select().from(users)` (whole rows; `db.select({ id: users.id })` picks),
 * `db.insert(users).values({...}).returning()`, `db.query.users.findFirst({...})`.
 */
function getDrizzleQuery(outer: TSESTree.CallExpression): OrmRecordQuery | undefined {
  const callee = unwrapExpression(outer.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const outerMethod = getMemberPropertyName(callee);
  if (outerMethod === undefined) return undefined;

  // Relational queries: `db.query.users.findFirst({ columns, with })`.
  if (DRIZZLE_QUERY_METHODS.has(outerMethod)) {
    const path = getMemberPath(callee);
    if (!path || path.length < 4 || path.at(-3) !== 'query') return undefined;
    const table = path.at(-2)!;
    const query = newQuery('drizzle', table, outerMethod, outer, `db.query.${table}.${outerMethod}`);
    const [argument] = outer.arguments;
    const options = argument && unwrapExpression(argument);
    if (options && options.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    if (options && findProperty(options, 'columns')) query.shaped = true;
    const withRelations = options && findProperty(options, 'with');
    if (withRelations) collectDrizzleRelations(withRelations.value, query.userRelations);
    return query;
  }

  if (!DRIZZLE_CHAIN_METHODS.has(outerMethod)) return undefined;
  let table: string | undefined;
  let written: string[] = [];
  let returningWhole: boolean | undefined;
  let current: TSESTree.Node = outer;
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const link = unwrapExpression(current.callee);
    if (link.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = getMemberPropertyName(link);
    const [first] = current.arguments;
    const firstNode = first && unwrapExpression(first);
    if (name === 'from' || name === 'insert' || name === 'update') {
      // Knex takes table names as strings; Drizzle takes the table object.
      if (!firstNode || (firstNode.type !== AST_NODE_TYPES.Identifier && firstNode.type !== AST_NODE_TYPES.MemberExpression)) return undefined;
      table = getMemberPath(firstNode)?.at(-1);
    }
    if (name === 'values' || name === 'set') written = firstNode ? getObjectKeys(firstNode) : [];
    if (name === 'returning') returningWhole = current.arguments.length === 0;
    if (name === 'select' || name === 'insert' || name === 'update') {
      const object = unwrapExpression(link.object);
      if (object.type === AST_NODE_TYPES.CallExpression || table === undefined) return undefined;
      if (name === 'select') {
        const query = newQuery('drizzle', table, 'select', outer, `db.select().from(${table})`);
        query.shaped = current.arguments.length > 0;
        return query;
      }
      if (returningWhole === undefined) return undefined;
      const query = newQuery('drizzle', table, name, outer, `db.${name}(${table}).returning()`);
      query.shaped = !returningWhole;
      query.knownColumns.push(...written);
      return query;
    }
    if (name === undefined || !(DRIZZLE_CHAIN_METHODS.has(name))) return undefined;
    current = unwrapExpression(link.object);
  }
  return undefined;
}

function collectDrizzleRelations(node: TSESTree.Node, found: string[]): void {
  const value = unwrapExpression(node);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return;
  for (const property of value.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = getPropertyKeyName(property);
    if (name === undefined) continue;
    const inner = unwrapExpression(property.value);
    if (inner.type === AST_NODE_TYPES.Literal && inner.value === true && isUserRelationName(name)) found.push(name);
    if (inner.type === AST_NODE_TYPES.ObjectExpression) {
      if (!findProperty(inner, 'columns') && isUserRelationName(name)) found.push(name);
      const nested = findProperty(inner, 'with');
      if (nested) collectDrizzleRelations(nested.value, found);
    }
  }
}

/** `getRepository(User)`, `dataSource.getRepository(User)`, `manager.getRepository(User)` → `User`. */
export function getRepositoryCallEntity(node: TSESTree.Node): string | undefined {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapExpression(expression.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(callee) : undefined;
  if (name !== 'getRepository' && name !== 'getMongoRepository' && name !== 'getTreeRepository') return undefined;
  const [first] = expression.arguments;
  const entity = first && unwrapExpression(first);
  if (entity?.type === AST_NODE_TYPES.Identifier) return entity.name;
  if (entity?.type === AST_NODE_TYPES.Literal && typeof entity.value === 'string') return entity.value;
  return undefined;
}

/** The last name of a receiver: `this.usersRepository` → `usersRepository`, `userRepo` → `userRepo`. */
function getReceiverName(node: TSESTree.Node): string | undefined {
  return getMemberPath(node)?.at(-1);
}

/** The static keys of an object literal (spreads skipped). */
export function getObjectKeys(node: TSESTree.Node): string[] {
  const value = unwrapExpression(node);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const keys: string[] = [];
  for (const property of value.properties) {
    if (property.type === AST_NODE_TYPES.Property) {
      const key = getPropertyKeyName(property);
      if (key !== undefined) keys.push(key);
    }
  }
  return keys;
}

export function newQuery(orm: OrmKind, model: string, method: string, call: TSESTree.CallExpression | TSESTree.NewExpression, label: string): OrmRecordQuery {
  return {
    orm,
    model,
    method,
    call,
    label,
    shaped: false,
    userRelations: [],
    knownColumns: [],
    forcedColumns: [],
    result: ROWS_CONTAINER_METHODS.has(method) ? 'rows-container' : TUPLE_RESULT_METHODS.has(method) ? 'tuple' : 'record',
  };
}

/**
 * A model name reduced for comparison: `UserModel`, `users`, `usersRepository`,
 * `UserEntity`, `user_accounts` → `user`, `user`, `user`, `user`, `useraccount`.
 */
export function normalizeModelName(name: string): string {
  const words = splitIdentifierWords(name);
  while (words.length > 1 && ['model', 'entity', 'schema', 'repository', 'repo', 'table', 'document', 'doc', 'collection'].includes(words.at(-1)!)) {
    words.pop();
  }
  const joined = words.join('');
  if (joined.endsWith('ies')) return `${joined.slice(0, -3)}y`;
  if (joined.endsWith('ss')) return joined;
  return joined.endsWith('s') ? joined.slice(0, -1) : joined;
}

/** `{ password: false }` in a Prisma `include`: a secret relation or column left out by name. */
function turnsOffSecret(include: TSESTree.Node): boolean {
  const value = unwrapExpression(include);
  return value.type === AST_NODE_TYPES.ObjectExpression && value.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const key = getPropertyKeyName(property);
    const flag = unwrapExpression(property.value);
    return key !== undefined && isSensitiveColumnName(key) && flag.type === AST_NODE_TYPES.Literal && flag.value === false;
  });
}
