import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { RECORD_INSTANCE_METHODS, RECORD_SERIALIZE_METHODS, isSensitiveColumnName, isUserModelName, namesPassword } from '@redline/core';
import { createRule } from '../utils/create-rule.js';
import { findProperty, getCalleeName, getMemberPath, getMemberPropertyName, getPropertyKeyName, getStaticKey, isFunctionNode, unwrapExpression } from '../utils/ast.js';
import {
  getObjectKeys,
  getOrmRecordQuery,
  getRepositoryCallEntity,
  newQuery,
  normalizeModelName,
  type OrmModelResolver,
  type OrmRecordQuery,
} from '../utils/orm-records.js';
import {
  getAssignmentResponsePayload,
  getCallResponsePayload,
  getDecoratorName,
  getArrowBodyResponsePayload,
  getReturnResponsePayload,
  mayHaveResponseSink,
  type ResponsePayload,
} from '../utils/response-sinks.js';
import { createConfigCache, memoizeNameTest } from '../utils/config-cache.js';
import { getRedlineSettings, type RedlineSettings } from '../utils/settings.js';

type Options = [
  {
    sensitiveModels?: string[];
    safeModels?: string[];
    sensitiveFields?: string[];
    checkAllModels?: boolean;
  },
];
type MessageIds = 'entityLeak' | 'sensitiveEntityLeak' | 'relationLeak';

/** Module paths that hold ORM models: `../models/user`, `./user.model`, `@/entities`, `src/db/schema`. */
const MODEL_MODULE = /(?:^|[/@.])(?:models?|entities|entity|schemas?|db|database|orm)(?:[/.]|$)/i;
/** Calls whose name says they take fields off a record before it is sent. */
const SANITIZER_NAME = /sanitiz|strip|omit|remove|clean|redact|mask|scrub|exclude|hide|filter/i;
/** Bases of classes that are ORM models (Sequelize, TypeORM active record, Objection). */
const MODEL_BASE_CLASSES = new Set(['Model', 'BaseEntity']);
/** Class decorators that declare an entity/model. */
const ENTITY_DECORATORS = new Set(['Entity', 'Table', 'Schema', 'ViewEntity']);
/** Calls that define a model or table from a column object: Mongoose, Sequelize, Drizzle. */
const TABLE_FACTORIES = new Set(['pgTable', 'mysqlTable', 'sqliteTable', 'table']);

/** A column a model declares in this file. */
interface DeclaredColumn {
  name: string;
  /** Not sent by default: `select: false`, or `@Exclude()` with the class serializer in the file. */
  hidden: boolean;
}

/** What one file declares about its models. */
interface FileModels extends OrmModelResolver {
  /** Columns declared in this file for a model, by normalised name. */
  columns: Map<string, DeclaredColumn[]>;
  /** Models whose serialisation drops fields (`toJSON` override, `defaultScope`, Prisma client `omit`). */
  selfShaping: Set<string>;
  /** Whether Nest's `ClassSerializerInterceptor` is applied in this file. */
  classSerializer: boolean;
}

/** Where a value sent to the client came from. */
interface RecordOrigin {
  query: OrmRecordQuery;
  kind: OrmRecordQuery['result'];
  /** Columns the handler itself sets on the record (`user.password = hash`). */
  assignedColumns: string[];
  /** Columns the handler takes off before sending (`delete user.password`): the others still go out. */
  strippedColumns?: string[];
}

/** The column test with the team's extra sensitive words; verdicts are kept (column names repeat in every file). */
const getVocabulary = createConfigCache((options: Options[0], settings: RedlineSettings) => {
  const extraWords = [...(options.sensitiveFields ?? []), ...(settings.secretWords ?? [])].map((word) => word.toLowerCase());
  return { isSensitiveColumn: memoizeNameTest((name) => isSensitiveColumnName(name, extraWords)) };
});

export default createRule<Options, MessageIds>({
  name: 'no-entity-leak',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending whole ORM records of people and accounts, or records with sensitive columns, in a response',
      category: 'entity-leak',
      cwe: ['CWE-213', 'CWE-200'],
      recommended: 'recommended',
      severity: 'error',
      requiresTypeChecking: false,
    },
    messages: {
      entityLeak:
        'The whole `{{model}}` record from `{{query}}` is sent to the client: every column it has now or gains later (password hashes, tokens, internal flags) goes with it. Pick the fields (`select`/`omit`, `attributes`, a projection) or map it to a response DTO.',
      sensitiveEntityLeak:
        'The whole `{{model}}` record from `{{query}}` is sent to the client, and it carries `{{field}}`. Pick the fields (`select`/`omit`, `attributes`, a projection) or map it to a response DTO that leaves `{{field}}` out.',
      relationLeak:
        '`{{query}}` pulls the whole `{{relation}}` record into this response, with every column of that person\'s row (password hash, email, tokens). Select the fields of `{{relation}}` that the client needs.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          sensitiveModels: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra model, table or repository names whose records must never be sent whole (e.g. `Tenant`, `Invoice`).',
          },
          safeModels: {
            type: 'array',
            items: { type: 'string' },
            description: 'Model names whose records may be sent whole although they name people (e.g. a public `Author` model).',
          },
          sensitiveFields: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra words that make a declared or written column sensitive (e.g. `pin`, `iban`).',
          },
          checkAllModels: {
            type: 'boolean',
            description: 'Report every unshaped record sent to the client, not only people/accounts and models with visible sensitive columns.',
          },
        },
      },
    ],
    defaultOptions: [{ sensitiveModels: [], safeModels: [], sensitiveFields: [], checkAllModels: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // A file that sends nothing to a client cannot leak a record.
    if (!mayHaveResponseSink(sourceCode)) return {};
    const settings = getRedlineSettings(context);
    const { isSensitiveColumn } = getVocabulary(options, settings);
    const sensitiveModels = new Set((options.sensitiveModels ?? []).map(normalizeModelName));
    const safeModels = new Set((options.safeModels ?? []).map(normalizeModelName));
    const checkAllModels = options.checkAllModels ?? false;
    let fileModels: FileModels | undefined;
    /** Per spread in a response object, the keys written after it (`{ ...webhook, user: … }` → `user`). */
    const replacedAfterSpread = new WeakMap<TSESTree.Node, ReadonlySet<string>>();

    return {
      CallExpression(node) {
        const payload = getCallResponsePayload(node);
        if (payload) checkPayload(payload);
      },
      NewExpression(node) {
        const payload = getCallResponsePayload(node);
        if (payload) checkPayload(payload);
      },
      AssignmentExpression(node) {
        const payload = getAssignmentResponsePayload(node);
        if (payload) checkPayload(payload);
      },
      ReturnStatement(node) {
        const payload = getReturnResponsePayload(node);
        if (payload) checkPayload(payload);
      },
      // `fastify.get('/x', async () => prisma.user.findMany())`, `publicProcedure.query(() => prisma.user.findMany())`.
      ArrowFunctionExpression(node) {
        const payload = getArrowBodyResponsePayload(node);
        if (payload) checkPayload(payload);
      },
    };

    function checkPayload({ payload }: ResponsePayload): void {
      for (const carrier of getCarriers(payload, 0)) {
        for (const origin of getRecordOrigins(carrier, new Set(), 0)) {
          if (reportOrigin(carrier, origin)) break;
        }
      }
    }

    /**
     * The parts of a response body that may each be a record: the body itself,
     * and the values of `{ user }`, `{ data: users }`, `[a, b]`, `x ?? y`, `c ? a : b`.
     */
    function getCarriers(node: TSESTree.Node, depth: number): TSESTree.Node[] {
      const expression = unwrapExpression(node);
      if (depth > 4) return [];
      switch (expression.type) {
        case AST_NODE_TYPES.ObjectExpression: {
          const carriers: TSESTree.Node[] = [];
          const overridesSensitive = expression.properties.some(
            (property) => property.type === AST_NODE_TYPES.Property && isSensitiveColumn(getPropertyKeyName(property) ?? ''),
          );
          expression.properties.forEach((property, index) => {
            if (property.type === AST_NODE_TYPES.SpreadElement) {
              // `{ ...webhook, user: webhook.user.toPartialUser() }`: a relation shaped after the spread replaces the whole one.
              const replaced = expression.properties.slice(index + 1).flatMap((later) => (later.type === AST_NODE_TYPES.Property ? [getPropertyKeyName(later)] : []));
              replacedAfterSpread.set(property.argument, new Set(replaced.filter((key): key is string => key !== undefined)));
              // `{ ...user, password: undefined }` takes the field off on purpose.
              if (!overridesSensitive) carriers.push(...getCarriers(property.argument, depth + 1));
            } else if (!isSensitiveColumn(getPropertyKeyName(property) ?? '')) {
              carriers.push(...getCarriers(property.value, depth + 1));
            }
          });
          return carriers;
        }
        case AST_NODE_TYPES.ArrayExpression:
          return expression.elements.flatMap((element) =>
            element ? getCarriers(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, depth + 1) : [],
          );
        case AST_NODE_TYPES.ConditionalExpression:
          return [...getCarriers(expression.consequent, depth + 1), ...getCarriers(expression.alternate, depth + 1)];
        case AST_NODE_TYPES.LogicalExpression:
          return [...getCarriers(expression.left, depth + 1), ...getCarriers(expression.right, depth + 1)];
        default:
          return [node];
      }
    }

    /** Where the value of `node` comes from, when it is (or holds) records of an ORM query. */
    function getRecordOrigins(node: TSESTree.Node, seen: Set<TSESTree.Node>, depth: number): RecordOrigin[] {
      const expression = unwrapExpression(node);
      if (depth > 5 || seen.has(expression)) return [];
      seen.add(expression);
      switch (expression.type) {
        case AST_NODE_TYPES.CallExpression: {
          const query = getOrmRecordQuery(expression, getFileModels());
          if (query) return [{ query, kind: query.result, assignedColumns: [] }];
          const callee = unwrapExpression(expression.callee);
          // `user.toObject()`, `user.toJSON()`, `row.get({ plain: true })`: the record as a plain object, every column kept.
          if (callee.type === AST_NODE_TYPES.MemberExpression && isPlainRecordCall(expression, getMemberPropertyName(callee))) {
            return getRecordOrigins(callee.object, seen, depth + 1).filter((origin) => origin.kind === 'record' && !isEntitySerializer(origin, expression));
          }
          // `users.map((user) => user.toObject())`: each record as a plain object.
          if (callee.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(callee) === 'map' && isPlainRecordCallback(expression.arguments[0])) {
            const each = unwrapExpression((expression.arguments[0] as TSESTree.ArrowFunctionExpression).body) as TSESTree.CallExpression;
            return getRecordOrigins(callee.object, seen, depth + 1).filter((origin) => origin.kind === 'record' && !isEntitySerializer(origin, each));
          }
          // `await user.update({...})` / `await user.save()` resolve to the record itself.
          if (callee.type === AST_NODE_TYPES.MemberExpression && isRecordInstanceMethod(getMemberPropertyName(callee))) {
            return getRecordOrigins(callee.object, seen, depth + 1)
              .filter((origin) => origin.kind === 'record')
              .map((origin) => ({ ...origin, assignedColumns: [...origin.assignedColumns, ...getObjectKeys(expression.arguments[0] ?? expression)] }));
          }
          return [];
        }
        case AST_NODE_TYPES.NewExpression: {
          // Mongoose/TypeORM/Sequelize: `new User({ email, password: hash })`.
          const callee = unwrapExpression(expression.callee);
          if (!getFileModels().isModelReference(callee)) return [];
          // `new UserEntity(user)` wraps a record for class-transformer; `new User({ email })` builds one.
          const [fields] = expression.arguments;
          if (fields && unwrapExpression(fields).type !== AST_NODE_TYPES.ObjectExpression) return [];
          const model = getMemberPath(callee)!.at(-1)!;
          const query = newQuery('mongoose-or-sequelize', model, 'new', expression, `new ${model}()`);
          query.knownColumns.push(...(expression.arguments[0] ? getObjectKeys(expression.arguments[0]) : []));
          return [{ query, kind: 'record', assignedColumns: [] }];
        }
        case AST_NODE_TYPES.Identifier:
          return getVariableOrigins(expression, seen, depth);
        case AST_NODE_TYPES.MemberExpression: {
          const property = getMemberPropertyName(expression);
          const origins = getRecordOrigins(expression.object, seen, depth + 1);
          return origins
            .filter(
              (origin) =>
                (origin.kind === 'rows-container' && property === 'rows') ||
                (origin.kind === 'tuple' && property === '0') ||
                (origin.kind === 'record' && (property === 'dataValues' || property === '_doc')),
            )
            .map((origin) => ({ ...origin, kind: 'record' as const }));
        }
        case AST_NODE_TYPES.ObjectExpression:
        case AST_NODE_TYPES.ArrayExpression:
        case AST_NODE_TYPES.ConditionalExpression:
        case AST_NODE_TYPES.LogicalExpression:
          // `const payload = { user }` sent later as `res.json(payload)`.
          return getCarriers(expression, 0)
            .filter((carrier) => carrier !== expression)
            .flatMap((carrier) => getRecordOrigins(carrier, seen, depth + 1));
        default:
          return [];
      }
    }

    /**
     * The origins of a local variable: every write to it must be a record
     * (`const user = await prisma.user.findUnique(...)`, `user = await user.save()`),
     * declared inside a function, and never stripped before it is sent
     * (`delete user.password`, `user.password = undefined`, `sanitize(user)`).
     */
    function getVariableOrigins(identifier: TSESTree.Identifier, seen: Set<TSESTree.Node>, depth: number): RecordOrigin[] {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      if (!variable || variable.defs.length === 0) return [];
      if (variable.scope.type === 'module' || variable.scope.type === 'global') return [];
      const origins: RecordOrigin[] = [];
      for (const definition of variable.defs) {
        if (definition.type === 'Variable') {
          const declarator = definition.node;
          if (!declarator.init) continue;
          origins.push(...getPatternOrigins(declarator.id, identifier.name, declarator.init, seen, depth));
        } else if (definition.type === 'Parameter') {
          origins.push(...getCallbackParameterOrigins(definition.node, identifier.name));
        } else {
          return [];
        }
      }
      if (origins.length === 0) return [];
      const assignedColumns: string[] = [];
      const strippedColumns: string[] = [];
      for (const reference of variable.references) {
        if (reference.init) continue;
        if (reference.isWrite()) {
          const written = reference.writeExpr;
          if (!written || getRecordOrigins(written, seen, depth + 1).length === 0) return [];
          continue;
        }
        const use = getRecordUse(reference.identifier);
        if (use === 'stripped') return [];
        if ('stripped' in use) strippedColumns.push(use.stripped);
        else assignedColumns.push(...use);
      }
      return origins.map((origin) => ({
        ...origin,
        assignedColumns: [...origin.assignedColumns, ...assignedColumns],
        ...(strippedColumns.length > 0 ? { strippedColumns } : {}),
      }));
    }

    /** `const user = …`, `const [users, total] = await repo.findAndCount()`, `const { rows } = await User.findAndCountAll()`. */
    function getPatternOrigins(
      pattern: TSESTree.Node,
      name: string,
      init: TSESTree.Expression,
      seen: Set<TSESTree.Node>,
      depth: number,
    ): RecordOrigin[] {
      if (pattern.type === AST_NODE_TYPES.Identifier) return getRecordOrigins(init, seen, depth + 1);
      if (pattern.type === AST_NODE_TYPES.ArrayPattern) {
        const first = pattern.elements[0];
        if (first?.type !== AST_NODE_TYPES.Identifier || first.name !== name) return [];
        // `[users, total] = findAndCount()`, and `[user] = db.select().from(users)…` (a list of records).
        return getRecordOrigins(init, seen, depth + 1)
          .filter((origin) => origin.kind === 'tuple' || origin.kind === 'record')
          .map((origin) => ({ ...origin, kind: 'record' as const }));
      }
      if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
        for (const property of pattern.properties) {
          if (property.type !== AST_NODE_TYPES.Property || getPropertyKeyName(property) !== 'rows') continue;
          const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
          if (value.type !== AST_NODE_TYPES.Identifier || value.name !== name) continue;
          return getRecordOrigins(init, seen, depth + 1)
            .filter((origin) => origin.kind === 'rows-container')
            .map((origin) => ({ ...origin, kind: 'record' as const }));
        }
      }
      return [];
    }

    /**
     * Parameters bound to records by the query that calls them:
     * `prisma.user.findMany().then((users) => …)` and Mongoose's
     * `User.findById(id, (err, user) => …)`.
     */
    function getCallbackParameterOrigins(fn: TSESTree.Node, name: string): RecordOrigin[] {
      if (!isFunctionNode(fn)) return [];
      const call = fn.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression) return [];
      const index = fn.params.findIndex((param) => param.type === AST_NODE_TYPES.Identifier && param.name === name);
      if (index === -1) return [];
      const callee = unwrapExpression(call.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(callee) === 'then' && call.arguments[0] === fn && index === 0) {
        const query = getOrmRecordQuery(callee.object, getFileModels());
        return query ? [{ query, kind: query.result, assignedColumns: [] }] : [];
      }
      if (call.arguments.at(-1) === fn && index === 1 && call.arguments.length >= 2) {
        const query = getOrmRecordQuery(call, getFileModels());
        if (query && query.orm === 'mongoose-or-sequelize') return [{ query, kind: query.result, assignedColumns: [] }];
      }
      return [];
    }

    /**
     * What a use of a record variable says: `'stripped'` when it takes a
     * sensitive field off (`delete user.password`, `user.password = undefined`,
     * `user.set('password', undefined)`, `sanitize(user)`), otherwise the
     * columns it sets (`user.passwordHash = hash`, `user.update({ password })`).
     */
    function getRecordUse(identifier: TSESTree.Node): 'stripped' | { stripped: string } | string[] {
      let node: TSESTree.Node = identifier;
      while (node.parent && isTransparentWrapper(node.parent)) node = node.parent;
      const parent = node.parent;
      if (!parent) return [];
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
        const property = getMemberPropertyName(parent);
        const grand = parent.parent;
        // One field taken off: what else the record carries still goes out (`delete user.password` leaves `totpSecret`).
        if (grand?.type === AST_NODE_TYPES.UnaryExpression && grand.operator === 'delete') return property !== undefined ? { stripped: property } : 'stripped';
        if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent && property !== undefined) {
          return isClearingValue(grand.right) ? { stripped: property } : [property];
        }
        if (grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === parent) {
          const [key, value] = grand.arguments;
          if (property === 'set' || property === 'setDataValue') {
            const keyName = key && getStaticKey(key);
            if (keyName !== undefined && isSensitiveColumn(keyName) && (!value || isClearingValue(value))) return 'stripped';
            return keyName !== undefined ? [keyName] : key ? getObjectKeys(key) : [];
          }
          if (property === 'update' && key) return getObjectKeys(key);
        }
        return [];
      }
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
        if (getCallResponsePayload(parent)) return [];
        // `Reflect.deleteProperty(user, 'password')`: `delete user.password` by another name.
        if (parent.arguments[0] === node && getMemberPath(parent.callee)?.join('.') === 'Reflect.deleteProperty') {
          const key = parent.arguments[1] && getStaticKey(parent.arguments[1]);
          return key !== undefined ? { stripped: key } : 'stripped';
        }
        const name = getCalleeName(parent);
        if (name !== undefined && SANITIZER_NAME.test(name)) return 'stripped';
      }
      return [];
    }

    /** Reports one record origin at the carrier; returns whether it reported. */
    function reportOrigin(carrier: TSESTree.Node, origin: RecordOrigin): boolean {
      const { query } = origin;
      const models = getFileModels();
      const key = normalizeModelName(query.model);
      if (safeModels.has(key)) return reportRelations(carrier, query);
      const declared = models.columns.get(key);
      const isUserModel = isUserModelName(query.model) || sensitiveModels.has(key);
      const stripped = new Set(origin.strippedColumns ?? []);
      const forced = query.forcedColumns.find((column) => isSensitiveColumn(column) && !stripped.has(column));
      if (forced) {
        context.report({ node: carrier, messageId: 'sensitiveEntityLeak', data: { model: query.model, query: query.label, field: forced } });
        return true;
      }
      if (query.shaped || models.selfShaping.has(key)) return reportRelations(carrier, query);
      if ((!declared && isUnderClassSerializer(carrier)) || hasFastifyResponseSchema(carrier)) {
        // Nest's ClassSerializerInterceptor applies `@Exclude()` of an entity declared elsewhere.
        return reportRelations(carrier, query);
      }

      const visible = declared
        ? declared.filter((column) => !column.hidden && !stripped.has(column.name)).map((column) => column.name)
        : [];
      const written = [...query.knownColumns, ...origin.assignedColumns].filter((column) => !stripped.has(column));
      // Columns written or filtered on prove the column exists; on a model that
      // does not hold people only a password-like one makes the record sensitive
      // (a webhook's `secret` is shown once on purpose).
      // A token the handler itself generates on a record it creates (`token: createToken()`) is handed over once on purpose.
      const creates = CREATE_METHODS.has(query.method) || query.call.type === AST_NODE_TYPES.NewExpression;
      const sensitive =
        visible.find((column) => isSensitiveColumn(column)) ??
        written.find((column) => (isUserModel && !creates ? isSensitiveColumn(column) : isPasswordLike(column)));
      if (sensitive !== undefined) {
        context.report({ node: carrier, messageId: 'sensitiveEntityLeak', data: { model: query.model, query: query.label, field: sensitive } });
        return true;
      }
      // A model declared in this file whose columns are all harmless, or all hidden, is fine; so is a record whose
      // secret the handler took off, when the schema that would show others is not at hand.
      if ((declared && !sensitiveModels.has(key)) || stripped.size > 0) return reportRelations(carrier, query);
      if (isUserModel || checkAllModels) {
        context.report({ node: carrier, messageId: 'entityLeak', data: { model: query.model, query: query.label } });
        return true;
      }
      return reportRelations(carrier, query);
    }

    function reportRelations(carrier: TSESTree.Node, query: OrmRecordQuery): boolean {
      const replaced = replacedAfterSpread.get(carrier);
      const relation = query.userRelations.find((name) => !safeModels.has(normalizeModelName(name)) && !replaced?.has(name));
      if (relation === undefined) return false;
      context.report({ node: carrier, messageId: 'relationLeak', data: { query: query.label, relation } });
      return true;
    }

    /** A Nest route whose method or controller has `@UseInterceptors(ClassSerializerInterceptor)` or `@SerializeOptions()`. */
    function isUnderClassSerializer(node: TSESTree.Node): boolean {
      if (!getFileModels().classSerializer) return false;
      for (let current = node.parent; current; current = current.parent) {
        if (current.type === AST_NODE_TYPES.MethodDefinition || current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) {
          if (current.decorators.some((decorator) => isSerializerDecorator(decorator))) return true;
        }
      }
      return false;
    }

    /**
     * A Fastify route with a response schema (`{ schema: { response: { 200: … } } }`):
     * fast-json-stringify drops every property the schema does not list.
     */
    function hasFastifyResponseSchema(node: TSESTree.Node): boolean {
      for (let current = node.parent; current; current = current.parent) {
        if (!isFunctionNode(current)) continue;
        const parent = current.parent;
        const options =
          parent?.type === AST_NODE_TYPES.CallExpression
            ? parent.arguments
            : parent?.type === AST_NODE_TYPES.Property
              ? [parent.parent]
              : [];
        for (const option of options) {
          const value = unwrapExpression(option);
          if (value.type !== AST_NODE_TYPES.ObjectExpression) continue;
          const schema = findProperty(value, 'schema');
          if (!schema) continue;
          const schemaValue = unwrapExpression(schema.value);
          // A schema built elsewhere may well declare the response.
          if (schemaValue.type !== AST_NODE_TYPES.ObjectExpression || findProperty(schemaValue, 'response')) return true;
        }
      }
      return false;
    }

    function isPasswordLike(column: string): boolean {
      return namesPassword(column) && isSensitiveColumn(column);
    }

    function getFileModels(): FileModels {
      fileModels ??= collectFileModels(sourceCode);
      return fileModels;
    }
  },
});

function isSerializerDecorator(decorator: TSESTree.Decorator): boolean {
  const name = getDecoratorName(decorator);
  if (name === 'SerializeOptions') return true;
  if (name !== 'UseInterceptors' || decorator.expression.type !== AST_NODE_TYPES.CallExpression) return false;
  return decorator.expression.arguments.some((argument) => {
    const value = unwrapExpression(argument);
    const target = value.type === AST_NODE_TYPES.NewExpression ? value.callee : value;
    return getMemberPath(target)?.at(-1) === 'ClassSerializerInterceptor';
  });
}

/** `user.toObject()`, `user.toJSON()`, Sequelize's `row.get({ plain: true })`. */
function isPlainRecordCall(call: TSESTree.CallExpression, method: string | undefined): boolean {
  if (method !== undefined && RECORD_SERIALIZE_METHODS.has(method)) return true;
  const [options] = call.arguments;
  if (method !== 'get' || !options || options.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const plain = findProperty(options, 'plain')?.value;
  return plain?.type === AST_NODE_TYPES.Literal && plain.value === true;
}

/**
 * `message.toJSON()` on a TypeORM entity: TypeORM adds no `toJSON`, so the entity class wrote its own, which is
 * how it shapes itself (Mongoose's and Sequelize's built-in `toJSON` keep every column).
 */
function isEntitySerializer(origin: RecordOrigin, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getMemberPropertyName(callee) !== 'toJSON') return false;
  return origin.query.orm === 'typeorm' || usesTypeormFindOptions(origin.query.call);
}

/** `Message.find({ where, relations })`: a BaseEntity static read, written like a Mongoose one but with TypeORM's options. */
function usesTypeormFindOptions(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const options = call.arguments[0] && unwrapExpression(call.arguments[0]);
  return options?.type === AST_NODE_TYPES.ObjectExpression && (findProperty(options, 'relations') !== undefined || findProperty(options, 'where') !== undefined);
}

/** `(user) => user.toObject()`: a callback that turns each record into a plain object and nothing else. */
function isPlainRecordCallback(node: TSESTree.Node | undefined): boolean {
  if (!node || node.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
  const [parameter] = node.params;
  const body = unwrapExpression(node.body);
  if (parameter?.type !== AST_NODE_TYPES.Identifier || body.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(body.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(callee.object).type === AST_NODE_TYPES.Identifier &&
    (unwrapExpression(callee.object) as TSESTree.Identifier).name === parameter.name && isPlainRecordCall(body, getMemberPropertyName(callee));
}

function isRecordInstanceMethod(name: string | undefined): boolean {
  return name !== undefined && RECORD_INSTANCE_METHODS.has(name);
}

function isTransparentWrapper(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.ChainExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression
  );
}

/** Queries that make a record rather than read one. */
const CREATE_METHODS: ReadonlySet<string> = new Set(['create', 'createMany', 'insert', 'save']);

/**
 * `undefined`, `null`, `''`, `void 0`, or a flag in its place (`file.password = true`: "has a password"):
 * assigning one takes the secret off the response.
 */
function isClearingValue(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'undefined';
  if (value.type === AST_NODE_TYPES.Literal) return value.value === null || value.value === '' || typeof value.value === 'boolean';
  return value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void';
}

/**
 * One pass over the file's top-level statements and classes: which names are
 * ORM models (imported from a models module, defined with `mongoose.model`,
 * `sequelize.define`, `class X extends Model`, `@Entity()`), the columns they
 * declare here, which repositories hold which entity, and what shapes output.
 */
function collectFileModels(sourceCode: Readonly<TSESLint.SourceCode>): FileModels {
  const modelNames = new Set<string>();
  /** Models known from their definition, whatever their case (`const { user } = sequelize.models`). */
  const trustedModels = new Set<string>();
  const prismaClients = new Set<string>();
  const columns = new Map<string, DeclaredColumn[]>();
  const selfShaping = new Set<string>();
  const repositories = new Map<string, string>();
  const injectedModels = new Set<string>();
  const schemaColumns = new Map<string, DeclaredColumn[]>();
  const text = sourceCode.text;
  const classSerializer = text.includes('ClassSerializerInterceptor');

  const addColumns = (model: string, list: DeclaredColumn[]) => {
    const key = normalizeModelName(model);
    columns.set(key, [...(columns.get(key) ?? []), ...list]);
  };

  const visitStatement = (statement: TSESTree.Node): void => {
    switch (statement.type) {
      case AST_NODE_TYPES.ImportDeclaration: {
        if (statement.importKind === 'type') return;
        const source = statement.source.value;
        const fromModels = MODEL_MODULE.test(source);
        for (const specifier of statement.specifiers) {
          const local = specifier.local.name;
          if (fromModels || (source.startsWith('.') && /(?:Model|Entity)$/.test(local))) {
            if (/^[A-Z]/.test(local) || /(?:Model|Entity)$/.test(local) || specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) modelNames.add(local);
          }
        }
        return;
      }
      case AST_NODE_TYPES.ExportNamedDeclaration:
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        if (statement.declaration) visitStatement(statement.declaration);
        return;
      case AST_NODE_TYPES.VariableDeclaration:
        for (const declarator of statement.declarations) visitDeclarator(declarator);
        return;
      case AST_NODE_TYPES.ClassDeclaration:
        visitClass(statement);
        return;
      case AST_NODE_TYPES.ExpressionStatement:
        visitExpressionStatement(statement.expression);
        return;
      default:
        return;
    }
  };

  const visitDeclarator = (declarator: TSESTree.VariableDeclarator): void => {
    if (!declarator.init) return;
    const init = unwrapExpression(declarator.init);
    const required = getRequireSource(init);
    if (required !== undefined) {
      if (!MODEL_MODULE.test(required)) return;
      if (declarator.id.type === AST_NODE_TYPES.Identifier) modelNames.add(declarator.id.name);
      if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
        for (const property of declarator.id.properties) {
          if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier) modelNames.add(property.value.name);
        }
      }
      return;
    }
    // `const { User, Post } = db` (db required from ../models), `const { user } = sequelize.models`.
    if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
      const source = getMemberPath(init);
      if (source && (source.at(-1) === 'models' || (source.length === 1 && modelNames.has(source[0]!)))) {
        for (const property of declarator.id.properties) {
          if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier) trustedModels.add(property.value.name);
        }
      }
      return;
    }
    if (declarator.id.type !== AST_NODE_TYPES.Identifier) return;
    const name = declarator.id.name;
    // `const User = db.User`, `const User = models.User`.
    if (init.type === AST_NODE_TYPES.MemberExpression) {
      const path = getMemberPath(init);
      if (path && path.length >= 2 && /^[A-Z]/.test(path.at(-1)!) && (modelNames.has(path[0]!) || isModelNamespace(path.slice(0, -1)))) {
        trustedModels.add(name);
      }
      return;
    }
    if (init.type === AST_NODE_TYPES.NewExpression && getMemberPath(init.callee)?.at(-1) === 'PrismaClient') prismaClients.add(name);
    if (
      init.type === AST_NODE_TYPES.CallExpression &&
      unwrapExpression(init.callee).type === AST_NODE_TYPES.MemberExpression &&
      getMemberPropertyName(unwrapExpression(init.callee) as TSESTree.MemberExpression) === '$extends'
    ) {
      prismaClients.add(name);
    }
    // `new Schema({...})` / `new mongoose.Schema({...}, { toJSON })`.
    if (init.type === AST_NODE_TYPES.NewExpression && getMemberPath(init.callee)?.at(-1) === 'Schema') {
      const [fields, schemaOptions] = init.arguments;
      if (fields) schemaColumns.set(name, getColumnsOf(fields));
      if (schemaOptions && hasToJsonOption(schemaOptions)) selfShaping.add(normalizeModelName(name));
      return;
    }
    const model = getModelDefinition(init);
    if (model) {
      modelNames.add(name);
      if (model.columns) addColumns(name, model.columns);
      if (model.schema !== undefined) {
        const schema = schemaColumns.get(model.schema);
        if (schema) addColumns(name, schema);
        if (selfShaping.has(normalizeModelName(model.schema))) selfShaping.add(normalizeModelName(name));
      }
      if (model.shaping) selfShaping.add(normalizeModelName(name));
      return;
    }
    // `new PrismaClient({ omit: { user: { password: true } } })`.
    if (init.type === AST_NODE_TYPES.NewExpression && getMemberPath(init.callee)?.at(-1) === 'PrismaClient') {
      const [config] = init.arguments;
      const omit = config && unwrapExpression(config).type === AST_NODE_TYPES.ObjectExpression
        ? findProperty(unwrapExpression(config) as TSESTree.ObjectExpression, 'omit')
        : undefined;
      if (omit) for (const key of getObjectKeys(omit.value)) selfShaping.add(normalizeModelName(key));
    }
    if (init.type === AST_NODE_TYPES.ClassExpression) visitClass(init, name);
  };

  const visitExpressionStatement = (expression: TSESTree.Expression): void => {
    const node = unwrapExpression(expression);
    // `UserSchema.set('toJSON', {...})`, `UserSchema.methods.toJSON = …`, `User.prototype.toJSON = …`.
    if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const path = getMemberPath(node.left);
      if (path?.at(-1) === 'toJSON' && path.length >= 2) selfShaping.add(normalizeModelName(path[0]!));
      return;
    }
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const path = getMemberPath(node.callee);
    if (path?.length === 2 && path[1] === 'set' && node.arguments[0] && getStaticKey(node.arguments[0]) === 'toJSON') {
      selfShaping.add(normalizeModelName(path[0]!));
    }
    // Sequelize `User.init({ ...columns }, { sequelize, defaultScope })`.
    if (path?.length === 2 && path[1] === 'init' && node.arguments[0]) {
      modelNames.add(path[0]!);
      addColumns(path[0]!, getColumnsOf(node.arguments[0]));
      const modelOptions = node.arguments[1] && unwrapExpression(node.arguments[1]);
      if (modelOptions?.type === AST_NODE_TYPES.ObjectExpression && findProperty(modelOptions, 'defaultScope')) {
        selfShaping.add(normalizeModelName(path[0]!));
      }
    }
  };

  const visitClass = (node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, fallbackName?: string): void => {
    const name = node.id?.name ?? fallbackName;
    const superName = node.superClass ? getMemberPath(node.superClass)?.at(-1) : undefined;
    const isEntity =
      node.decorators.some((decorator) => ENTITY_DECORATORS.has(getDecoratorName(decorator) ?? '')) ||
      (superName !== undefined && MODEL_BASE_CLASSES.has(superName));
    const declared: DeclaredColumn[] = [];
    for (const member of node.body.body) {
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
        for (const param of member.value.params) visitInjection(param);
        continue;
      }
      if (member.type === AST_NODE_TYPES.MethodDefinition && getPropertyKeyName(member) === 'toJSON' && name) {
        selfShaping.add(normalizeModelName(name));
        continue;
      }
      if (member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
      visitInjection(member);
      const columnName = getPropertyKeyName(member);
      if (!isEntity || columnName === undefined) continue;
      const hidden = member.decorators.some((decorator) => {
        const decoratorName = getDecoratorName(decorator);
        if (decoratorName === 'Exclude') return classSerializer;
        if (decorator.expression.type !== AST_NODE_TYPES.CallExpression) return false;
        const [argument] = decorator.expression.arguments;
        const config = argument && unwrapExpression(argument);
        return config?.type === AST_NODE_TYPES.ObjectExpression && isSelectFalse(config);
      });
      declared.push({ name: columnName, hidden });
    }
    if (isEntity && name) {
      modelNames.add(name);
      addColumns(name, declared);
    }
  };

  /** `@InjectRepository(User) private repo: Repository<User>`, `@InjectModel(User.name) private userModel: Model<User>`. */
  const visitInjection = (node: TSESTree.Node): void => {
    const target = node.type === AST_NODE_TYPES.TSParameterProperty ? node.parameter : node;
    const decorators = node.type === AST_NODE_TYPES.TSParameterProperty || node.type === AST_NODE_TYPES.PropertyDefinition || node.type === AST_NODE_TYPES.Identifier
      ? node.decorators
      : [];
    let name: string | undefined;
    let annotation: TSESTree.TypeNode | undefined;
    if (target.type === AST_NODE_TYPES.Identifier) {
      name = target.name;
      annotation = target.typeAnnotation?.typeAnnotation;
    } else if (target.type === AST_NODE_TYPES.PropertyDefinition) {
      name = getPropertyKeyName(target);
      annotation = target.typeAnnotation?.typeAnnotation;
    }
    if (name === undefined) return;
    for (const decorator of decorators) {
      const decoratorName = getDecoratorName(decorator);
      const argument = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.arguments[0] : undefined;
      const entity = argument ? getMemberPath(argument)?.[0] : undefined;
      if (decoratorName === 'InjectRepository' && entity) repositories.set(name, entity);
      if (decoratorName === 'InjectModel') injectedModels.add(name);
    }
    // `Repository<User>` without the decorator (custom providers).
    if (!repositories.has(name) && annotation?.type === AST_NODE_TYPES.TSTypeReference) {
      const typeName = annotation.typeName.type === AST_NODE_TYPES.Identifier ? annotation.typeName.name : undefined;
      const [typeArgument] = annotation.typeArguments?.params ?? [];
      if ((typeName === 'Repository' || typeName === 'MongoRepository') && typeArgument?.type === AST_NODE_TYPES.TSTypeReference && typeArgument.typeName.type === AST_NODE_TYPES.Identifier) {
        repositories.set(name, typeArgument.typeName.name);
      }
      if (typeName === 'Model' && typeArgument) injectedModels.add(name);
    }
  };

  for (const statement of sourceCode.ast.body) visitStatement(statement);

  return {
    columns,
    selfShaping,
    classSerializer,
    isModelReference(node) {
      const expression = unwrapExpression(node);
      const path = getMemberPath(expression);
      if (!path) return false;
      if (path.length === 1) return trustedModels.has(path[0]!) || (modelNames.has(path[0]!) && isModelLikeName(path[0]!));
      const last = path.at(-1)!;
      // `this.userModel` injected with `@InjectModel(User.name)`.
      if (path[0] === 'this' && path.length === 2) return injectedModels.has(last);
      // `db.User`, `models.User`, `sequelize.models.User`, `models.UserModel` from an imported models namespace.
      if (/^[A-Z]/.test(last)) {
        if (isModelNamespace(path.slice(0, -1))) return true;
        return path.length === 2 && modelNames.has(path[0]!);
      }
      return false;
    },
    isPrismaClient(node) {
      const path = getMemberPath(node);
      return path?.length === 1 && prismaClients.has(path[0]!);
    },
    getRepositoryEntity(node) {
      const expression = unwrapExpression(node);
      const path = getMemberPath(expression);
      if (path?.length === 2 && path[0] === 'this') return repositories.get(path[1]!);
      if (expression.type === AST_NODE_TYPES.Identifier) {
        // `const userRepo = AppDataSource.getRepository(User)`, at module level or in the function.
        const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
        const definition = variable?.defs[0];
        if (definition?.type === 'Variable' && definition.node.init) return getRepositoryCallEntity(definition.node.init);
        if (definition?.type === 'Parameter') return repositories.get(expression.name);
      }
      return undefined;
    },
  };

}

/** `db`, `models`, `sequelize.models`: objects whose capitalised members are models. */
function isModelNamespace(path: readonly string[]): boolean {
  return path.some((segment) => ['db', 'models', 'model', 'sequelize', 'database', 'orm'].includes(segment));
}

/** `{ select: false }` on a column: Mongoose, TypeORM `@Column({ select: false })`, Nest `@Prop({ select: false })`. */
function isSelectFalse(config: TSESTree.ObjectExpression): boolean {
  const select = findProperty(config, 'select');
  if (!select) return false;
  const value = unwrapExpression(select.value);
  return value.type === AST_NODE_TYPES.Literal && value.value === false;
}

function hasToJsonOption(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return value.type === AST_NODE_TYPES.ObjectExpression && (findProperty(value, 'toJSON') !== undefined || findProperty(value, 'toObject') !== undefined);
}

/** Model identifiers are capitalised (`User`) or say so (`userModel`, `UserEntity`); `db`, `prisma` are not. */
function isModelLikeName(name: string): boolean {
  return /^[A-Z]/.test(name) || /(?:Model|Entity)$/.test(name);
}

/**
 * A model defined by a call: `mongoose.model('User', UserSchema)`, `model('User', schema)`,
 * `models.User || model('User', schema)`, `sequelize.define('User', {...}, { defaultScope })`,
 * Drizzle `pgTable('users', {...})`.
 */
function getModelDefinition(init: TSESTree.Node): { columns?: DeclaredColumn[]; schema?: string; shaping?: boolean } | undefined {
  let expression = unwrapExpression(init);
  if (expression.type === AST_NODE_TYPES.LogicalExpression) expression = unwrapExpression(expression.right);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const name = getCalleeName(expression);
  const [first, second, third] = expression.arguments;
  if (name === 'model' && first && getStaticKey(first) !== undefined) {
    const schema = second && unwrapExpression(second);
    // `model('User', new Schema({ … }))`: the schema written in place.
    if (schema?.type === AST_NODE_TYPES.NewExpression && getMemberPath(schema.callee)?.at(-1) === 'Schema' && schema.arguments[0]) {
      return { columns: getColumnsOf(schema.arguments[0]), shaping: schema.arguments[1] !== undefined && hasToJsonOption(schema.arguments[1]) };
    }
    return { schema: schema?.type === AST_NODE_TYPES.Identifier ? schema.name : undefined };
  }
  if (name === 'define' && first && getStaticKey(first) !== undefined && second) {
    const options = third && unwrapExpression(third);
    const shaping = options?.type === AST_NODE_TYPES.ObjectExpression && findProperty(options, 'defaultScope') !== undefined;
    return { columns: getColumnsOf(second), shaping };
  }
  if (name !== undefined && TABLE_FACTORIES.has(name) && first && getStaticKey(first) !== undefined && second) {
    return { columns: getColumnsOf(second) };
  }
  return undefined;
}

function getColumnsOf(node: TSESTree.Node): DeclaredColumn[] {
  const value = unwrapExpression(node);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return [];
  return value.properties.flatMap((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return [];
    const name = getPropertyKeyName(property);
    if (name === undefined) return [];
    const config = unwrapExpression(property.value);
    return [{ name, hidden: config.type === AST_NODE_TYPES.ObjectExpression && isSelectFalse(config) }];
  });
}

/** `require('x')` → `'x'`. */
function getRequireSource(node: TSESTree.Node): string | undefined {
  let expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.MemberExpression) expression = unwrapExpression(expression.object);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapExpression(expression.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require') return undefined;
  const [first] = expression.arguments;
  return first ? getStaticKey(first) : undefined;
}
