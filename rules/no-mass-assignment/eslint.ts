import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { ORM_WRITE_METHODS, isOwnerColumnName, isPrivilegedColumnName, isValidatorName } from '@redline/core';
import { createRule } from '../utils/create-rule.js';
import {
  findProperty,
  getCalleeName,
  getEnclosingFunction,
  getMemberPath,
  getMemberPropertyName,
  getPropertyKeyName,
  isFunctionNode,
  unwrapExpression,
} from '../utils/ast.js';
import { getDecoratorName } from '../utils/response-sinks.js';
import { mayMentionWord } from '../utils/text-gate.js';

type MessageIds = 'massAssignment' | 'spreadBeforeServerKeys' | 'spreadOverServerKeys';
type Options = [
  {
    validators?: string[];
    ormObjects?: string[];
  },
];

/** Calls that check or reshape a body: after one of them in the same function, the body is treated as validated. */

/** Mongoose and Sequelize statics whose name alone says "ORM write". */
const UNAMBIGUOUS_WRITE_METHODS: ReadonlySet<string> = new Set([
  'findByIdAndUpdate', 'findOneAndUpdate', 'findOneAndReplace', 'replaceOne', 'insertMany', 'bulkCreate', 'updateOne', 'updateMany',
]);

/** `<object>.<method>(…)` objects that are database handles: `prisma.user`, `this.userRepository`, `db`, `knex`. */
const ORM_OBJECT_WORDS = /prisma|repo|repository|model|manager|entitymanager|knex|^db$|database|collection|dao/i;

/** Methods whose object must also look like a database handle (they are common names elsewhere). */
const WRITE_METHODS: ReadonlySet<string> = new Set([...ORM_WRITE_METHODS, 'build', 'insertOne', 'values', 'set', 'assign', 'preload']);

/** Option keys of a route middleware factory that give the request body's schema. */
const BODY_SCHEMA_KEYS = ['requestBody', 'body', 'bodySchema', 'validate', 'validation', 'schema'];

/** Names without which no request body is in reach (see `getDirectBodySource`, `isUnvalidatedNestBody`). */
const BODY_WORDS = ['body', 'Body', 'json', 'parseBody'];

/** Finders whose result is an entity that `Object.assign(entity, body)` then overwrites. */
const ENTITY_FINDERS = /^(?:find|get|load|preload|create|build)/;

/** Fields of a body that hold a record or its changes: `req.body.profile`, `req.body.updates` (and one named for the model written). */
const RECORD_FIELD_NAMES = /^(?:profile|user|account|item|record|entity|data|payload|attributes|fields|changes|updates?|values|input|settings)$/;

export default createRule<Options, MessageIds>({
  name: 'no-mass-assignment',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow passing a request body wholesale into an ORM create or update',
      category: 'mass-assignment',
      cwe: ['CWE-915'],
      recommended: 'strict',
      severity: 'error',
      requiresTypeChecking: false,
    },
    messages: {
      massAssignment:
        '{{source}} is written wholesale by `{{sink}}`, so a client can set any column it names, such as `role`, `isAdmin` or `ownerId` (mass assignment). Pick the allowed fields, or parse the body with a schema that strips unknown keys first.',
      spreadBeforeServerKeys:
        '{{source}} is spread into what `{{sink}}` writes; the server sets {{keys}} after it, but a client can still set any other column it names, such as `role`, `isAdmin` or `status` (mass assignment). Pick the allowed fields, or parse the body with a schema that strips unknown keys first.',
      spreadOverServerKeys:
        '{{source}} is spread after {{keys}} in what `{{sink}}` writes, so a client can overwrite {{keys}} and set any other column it names, such as `role`, `isAdmin` or `status` (mass assignment). Pick the allowed fields; a key the server sets belongs after the body, never before it.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          validators: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra function names that validate and strip a body (`validateOrder`); a body passed to one in the same function counts as validated.',
          },
          ormObjects: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra object names that are database handles (`store`, `orders`), whose `create`/`update`/`save` write to the database.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ validators: [], ormObjects: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // What is written wholesale is `req.body`, `request.json()`, `c.req.parseBody()` or a Nest `@Body()`.
    if (!mayMentionWord(sourceCode, BODY_WORDS)) return {};
    const extraValidators = new Set(options.validators ?? []);
    const extraOrmObjects = new Set(options.ormObjects ?? []);

    return {
      CallExpression(node) {
        const sink = getWriteSink(node);
        if (!sink) return;
        for (const payload of sink.payloads) {
          const source = getWholeBodySource(payload, node, 0, sink.model?.name);
          if (!source) continue;
          reportBodyWrite(payload, source, sink.name, sink.model);
          return;
        }
      },
      NewExpression(node) {
        // `new User(req.body)` with a Mongoose/Sequelize model class.
        const callee = unwrapExpression(node.callee);
        if (callee.type !== AST_NODE_TYPES.Identifier || !isModelIdentifier(callee)) return;
        const [first] = node.arguments;
        if (!first || first.type === AST_NODE_TYPES.SpreadElement) return;
        if (isOnlyReshaped(node)) return;
        for (const payload of getPayloadCandidates(first)) {
          const source = getWholeBodySource(payload, node, 0, callee.name);
          if (source) {
            reportBodyWrite(payload, source, `new ${callee.name}`, callee);
            return;
          }
        }
      },
    };

    /**
     * `const newUser = new User(req.body)` used only as `newUser.toObject()`, `omit(newUser, …)`: the instance is
     * never saved; what is written is the reshaped copy, judged where it is written.
     */
    function isOnlyReshaped(construction: TSESTree.NewExpression): boolean {
      const declarator = construction.parent;
      if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== construction || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(declarator), declarator.id);
      const uses = variable?.references.filter((reference) => reference.identifier !== declarator.id) ?? [];
      return uses.length > 0 && uses.every(({ identifier }) => {
        const parent = identifier.parent;
        if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) {
          const method = getMemberPropertyName(parent);
          return (method === 'toObject' || method === 'toJSON') && parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent;
        }
        return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === identifier && /^(?:omit|pick)$/.test(getCalleeName(parent) ?? '');
      });
    }

    /**
     * Reports a body written whole. In an object literal the order decides who
     * wins: keys after the spread are the server's (`{ ...req.body, userId }`),
     * keys before it are the client's to overwrite (`{ userId, ...req.body }`).
     * When the model's schema is in this file, pins the owner after the spread
     * and has no other privileged column, the client only fills in its own
     * record: not reported.
     */
    function reportBodyWrite(payload: TSESTree.Node, source: string, sink: string, model: TSESTree.Identifier | undefined): void {
      if (isPrivilegeDeletedFirst(payload)) return;
      const keys = getKeysAroundSpread(payload);
      if (keys && keys.before.length > 0) {
        context.report({ node: payload, messageId: 'spreadOverServerKeys', data: { source, sink, keys: formatKeys(keys.before) } });
      } else if (keys && keys.after.length > 0) {
        if (model && keys.after.some(isOwnerColumnName) && hasOnlyClientColumns(model, keys.after)) return;
        context.report({ node: payload, messageId: 'spreadBeforeServerKeys', data: { source, sink, keys: formatKeys(keys.after) } });
      } else {
        context.report({ node: payload, messageId: 'massAssignment', data: { source, sink } });
      }
    }

    /**
     * `delete req.body.roles` before `new User(req.body)`: the author took the privileged field out of what the
     * client sends, and the write is that decision, not an oversight.
     */
    function isPrivilegeDeletedFirst(payload: TSESTree.Node): boolean {
      const fn = getEnclosingFunction(payload);
      if (!fn) return false;
      const text = sourceCode.getText(payload);
      let found = false;
      walk(fn.body, (node) => {
        if (found || node.type !== AST_NODE_TYPES.UnaryExpression || node.operator !== 'delete' || node.range[0] > payload.range[0]) return;
        const target = unwrapExpression(node.argument);
        if (target.type !== AST_NODE_TYPES.MemberExpression || sourceCode.getText(target.object) !== text) return;
        const key = getMemberPropertyName(target);
        found = key !== undefined && isPrivilegedColumnName(key);
      });
      return found;
    }

    /** The keys an object literal sets before and after the spread `payload` is the argument of. */
    function getKeysAroundSpread(payload: TSESTree.Node): { before: string[]; after: string[] } | undefined {
      const spread = payload.parent;
      if (spread?.type !== AST_NODE_TYPES.SpreadElement || spread.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      const properties = spread.parent.properties;
      const index = properties.indexOf(spread);
      const keysOf = (list: typeof properties) =>
        list.flatMap((property) => (property.type === AST_NODE_TYPES.Property ? [getPropertyKeyName(property)].filter((key): key is string => key !== undefined) : []));
      return { before: keysOf(properties.slice(0, index)), after: keysOf(properties.slice(index + 1)) };
    }

    /**
     * Whether `model` is defined in this file from a literal schema
     * (`mongoose.model('Address', new Schema({...}))`, `sequelize.define('Address', {...})`)
     * whose columns, once `pinned` are set by the server, hold nothing privileged.
     */
    function hasOnlyClientColumns(model: TSESTree.Identifier, pinned: readonly string[]): boolean {
      const columns = getSameFileSchemaColumns(model);
      return columns !== undefined && columns.every((column) => pinned.includes(column) || !isPrivilegedColumnName(column));
    }

    function getSameFileSchemaColumns(model: TSESTree.Identifier): string[] | undefined {
      const definition = getConstInit(model);
      if (definition?.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const name = getCalleeName(definition);
      if (name !== 'model' && name !== 'define') return undefined;
      let schema = definition.arguments[1] && unwrapExpression(definition.arguments[1]);
      if (schema?.type === AST_NODE_TYPES.Identifier) schema = getConstInit(schema);
      // `new mongoose.Schema({...})` / `new Schema({...})`, or Sequelize's attribute object itself.
      if ((schema?.type === AST_NODE_TYPES.NewExpression || schema?.type === AST_NODE_TYPES.CallExpression) && /Schema$/.test(getCalleeName(schema) ?? '')) {
        schema = schema.arguments[0] && unwrapExpression(schema.arguments[0]);
      }
      if (schema?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      const columns: string[] = [];
      for (const property of schema.properties) {
        const key = property.type === AST_NODE_TYPES.Property ? getPropertyKeyName(property) : undefined;
        // A spread of shared columns hides what the model holds.
        if (key === undefined) return undefined;
        columns.push(key);
      }
      return columns;
    }

    /** The initialiser of the `const` an identifier names, in this file. */
    function getConstInit(identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      const definition = variable?.defs[0];
      if (variable?.defs.length !== 1 || definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return undefined;
      return unwrapExpression(definition.node.init) as TSESTree.Expression;
    }

    /** `userId`, `` `userId` and `createdAt` ``, `` `a`, `b` and 2 more `` for a message. */
    function formatKeys(keys: readonly string[]): string {
      const shown = keys.slice(0, 3).map((key) => `\`${key}\``);
      if (keys.length > 3) return `${shown.join(', ')} and ${keys.length - 3} more`;
      return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
    }

    /** The expressions a write call stores, when the call is an ORM write. */
    function getWriteSink(node: TSESTree.CallExpression): { name: string; payloads: TSESTree.Node[]; model?: TSESTree.Identifier } | undefined {
      const method = getCalleeName(node);
      if (method === undefined) return undefined;
      const callee = unwrapExpression(node.callee);
      const args = node.arguments.filter((argument): argument is TSESTree.Expression => argument.type !== AST_NODE_TYPES.SpreadElement);

      // Object.assign(entity, body): only when `entity` is a record this function loaded or built.
      if (method === 'assign' && getMemberPath(callee)?.join('.') === 'Object.assign') {
        const [target, ...rest] = args;
        if (!target || !isEntityValue(target)) return undefined;
        return { name: 'Object.assign', payloads: rest.flatMap(getPayloadCandidates) };
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !WRITE_METHODS.has(method) && !UNAMBIGUOUS_WRITE_METHODS.has(method)) {
        return undefined;
      }
      const objectPath = getMemberPath(callee.object);
      const name = `${objectPath ? objectPath.join('.') : '…'}.${method}`;

      // Prisma: `prisma.user.create({ data })`, `update({ where, data })`, `upsert({ create, update })`.
      const [first] = args;
      if (first && unwrapExpression(first).type === AST_NODE_TYPES.ObjectExpression && isPrismaDelegate(callee.object)) {
        const object = unwrapExpression(first) as TSESTree.ObjectExpression;
        const payloads = ['data', 'create', 'update']
          .map((key) => findProperty(object, key)?.value)
          .filter((value): value is TSESTree.Expression => value !== undefined && value.type !== AST_NODE_TYPES.AssignmentPattern)
          .flatMap(getPayloadCandidates);
        return { name, payloads };
      }
      if (!isOrmObject(callee.object, method)) return undefined;
      // Drizzle `db.update(t).set(body)` / `db.insert(t).values(body)`, a model instance's `doc.set(body)`: one argument.
      if ((method === 'set' || method === 'values') && args.length !== 1) return undefined;
      const object = unwrapExpression(callee.object);
      return { name, payloads: args.flatMap(getPayloadCandidates), ...(object.type === AST_NODE_TYPES.Identifier ? { model: object } : {}) };
    }

    /** The expression itself, and what is spread into an object literal (`{ ...req.body, userId }`). */
    function getPayloadCandidates(node: TSESTree.Node): TSESTree.Node[] {
      const expression = unwrapExpression(node);
      if (expression.type === AST_NODE_TYPES.ObjectExpression) {
        // `{ ...req.body, authorId }` and Mongo's `{ $set: req.body }`.
        return expression.properties.flatMap((property) => {
          if (property.type === AST_NODE_TYPES.SpreadElement) return [property.argument];
          const key = getPropertyKeyName(property);
          return key === '$set' || key === '$setOnInsert' ? [property.value] : [];
        });
      }
      if (expression.type === AST_NODE_TYPES.ArrayExpression) return [];
      return [node];
    }

    /**
     * A description of the request body when `node` evaluates to it whole:
     * `req.body`, `request.body`, `ctx.request.body`,
     * `await c.req.json()`, `await request.json()`, a `const` holding one of
     * those, or an untyped / `any` NestJS `@Body()` parameter — and nothing in
     * the route validated it first.
     */
    function getWholeBodySource(node: TSESTree.Node, sink: TSESTree.Node, depth = 0, model?: string): string | undefined {
      if (depth > 3) return undefined;
      const expression = unwrapExpression(node);
      const direct = getDirectBodySource(expression, model);
      if (direct) return isValidatedInRoute(sink, direct.text) ? undefined : `\`${direct.text}\``;
      if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;

      const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
      const definition = variable?.defs[0];
      if (!variable || !definition || variable.defs.length !== 1) return undefined;
      if (definition.type === 'Parameter') {
        return isUnvalidatedNestBody(definition.name) && !isPassedToValidator(variable, sink)
          ? `The \`@Body()\` parameter \`${expression.name}\``
          : undefined;
      }
      if (definition.type !== 'Variable' || definition.node.id.type !== AST_NODE_TYPES.Identifier || !definition.node.init) return undefined;
      // A variable that is reassigned or handed to a validator may hold something else by now.
      if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== definition.node.id)) return undefined;
      if (isPassedToValidator(variable, sink)) return undefined;
      const inner = getWholeBodySource(definition.node.init, sink, depth + 1, model);
      return inner ? `${inner} (as \`${expression.name}\`)` : undefined;
    }

    function getDirectBodySource(expression: TSESTree.Node, model?: string): { text: string } | undefined {
      // The body itself; of its fields (`req.body.memo` may be a single string) only those named for a record or
      // a set of changes (`req.body.profile`, `req.body.product`, `req.body.data`): the client writes that object whole.
      if (expression.type === AST_NODE_TYPES.MemberExpression) {
        const path = getMemberPath(expression);
        const field = path?.at(-1);
        const namesRecord = field !== undefined && (RECORD_FIELD_NAMES.test(field) || field.toLowerCase() === model?.toLowerCase());
        if (path && (isBodyPath(path) || (namesRecord && isBodyPath(path.slice(0, -1))))) return { text: path.join('.') };
      }
      if (expression.type === AST_NODE_TYPES.CallExpression) {
        // `await c.req.json()` (Hono), `await request.json()` (Next.js route handlers).
        const method = getCalleeName(expression);
        const callee = unwrapExpression(expression.callee);
        if ((method === 'json' || method === 'parseBody') && callee.type === AST_NODE_TYPES.MemberExpression && expression.arguments.length === 0) {
          const path = getMemberPath(callee.object);
          const last = path?.[path.length - 1];
          if (last === 'req' || last === 'request') return { text: `${path!.join('.')}.${method}()` };
        }
      }
      return undefined;
    }

    function isBodyPath(path: readonly string[]): boolean {
      // `req.body`, `request.body` (Fastify), `ctx.request.body` (Koa).
      const owner = path[path.length - 2];
      return path[path.length - 1] === 'body' && (owner === 'req' || owner === 'request');
    }

    /**
     * Whether the route that runs this code validated the body: a validator call
     * on it in the same function before the sink (`schema.parse(req.body)`,
     * `validate(req.body)`), validation middleware in the same route
     * registration (`router.post('/', validate(schema), handler)`), or a Fastify
     * route schema for the body (`{ schema: { body } }`).
     */
    function isValidatedInRoute(sink: TSESTree.Node, text: string): boolean {
      const fn = getEnclosingFunction(sink);
      if (!fn) return false;
      let validated = false;
      walk(fn.body, (node) => {
        if (validated || node.type !== AST_NODE_TYPES.CallExpression || node.range[0] >= sink.range[0]) return;
        if (!isValidatorCall(node)) return;
        if (node.arguments.some((argument) => sourceCode.getText(unwrapExpression(argument)) === text)) validated = true;
      });
      return validated || isRouteWithValidation(fn);
    }

    function isPassedToValidator(variable: TSESLint.Scope.Variable, sink: TSESTree.Node): boolean {
      return variable.references.some((reference) => {
        const parent = reference.identifier.parent;
        return (
          parent?.type === AST_NODE_TYPES.CallExpression &&
          parent.arguments.includes(reference.identifier as TSESTree.Expression) &&
          parent.range[0] < sink.range[0] &&
          isValidatorCall(parent)
        );
      }) || isRouteWithValidation(getEnclosingFunction(sink));
    }

    function isValidatorCall(call: TSESTree.CallExpression): boolean {
      const name = getCalleeName(call);
      if (name === undefined) return false;
      return isValidatorName(name, extraValidators);
    }

    /** `router.post('/x', validate(schema), (req, res) => …)`, `fastify.post('/x', { schema: { body } }, handler)`. */
    function isRouteWithValidation(fn: TSESTree.Node | undefined): boolean {
      const call = fn?.parent;
      if (!fn || call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.Expression)) return false;
      return call.arguments.some((argument) => {
        if (argument === fn) return false;
        const value = unwrapExpression(argument);
        if (value.type === AST_NODE_TYPES.CallExpression) {
          return isValidatorCall(value) || /zValidator|vValidator|tbValidator/.test(getCalleeName(value) ?? '') || namesBodySchema(value);
        }
        if (value.type === AST_NODE_TYPES.Identifier) return isValidatorName(value.name, extraValidators);
        if (value.type === AST_NODE_TYPES.ObjectExpression) {
          const schema = findProperty(value, 'schema')?.value;
          return schema !== undefined && unwrapExpression(schema).type === AST_NODE_TYPES.ObjectExpression
            ? findProperty(unwrapExpression(schema) as TSESTree.ObjectExpression, 'body') !== undefined
            : false;
        }
        return false;
      });
    }

    /**
     * Route middleware made from options that name the body's schema: `route({ requestBody: 'GuildUpdateSchema' })`,
     * `endpoint({ body: UpdateUserSchema, permission })`. The factory checks the body against it before the handler.
     */
    function namesBodySchema(call: TSESTree.CallExpression): boolean {
      return call.arguments.some((argument) => {
        const options = unwrapExpression(argument);
        return options.type === AST_NODE_TYPES.ObjectExpression && BODY_SCHEMA_KEYS.some((key) => findProperty(options, key) !== undefined);
      });
    }

    /**
     * A NestJS `@Body()` parameter that no DTO class describes: no type, `any`,
     * `object`, `Record<…>`, a Prisma input type or an inline object type. A class-typed `@Body() dto:
     * CreateUserDto` is trusted: with the `ValidationPipe({ whitelist: true })`
     * that Nest apps install globally, unknown keys are stripped before the handler.
     */
    function isUnvalidatedNestBody(name: TSESTree.Node): boolean {
      const parameter = name.parent?.type === AST_NODE_TYPES.TSParameterProperty ? name.parent : name;
      const decorators = 'decorators' in parameter ? (parameter.decorators ?? []) : [];
      const body = decorators.find((decorator) => getDecoratorName(decorator) === 'Body');
      if (!body) return false;
      // `@Body('user')`, `@Body(new ValidationPipe())`, `@Body(ZodPipe)`: a property or a pipe.
      if (body.expression.type === AST_NODE_TYPES.CallExpression && body.expression.arguments.length > 0) return false;
      if (name.type !== AST_NODE_TYPES.Identifier) return false;
      const annotation = name.typeAnnotation?.typeAnnotation;
      if (!annotation) return true;
      if (annotation.type === AST_NODE_TYPES.TSAnyKeyword || annotation.type === AST_NODE_TYPES.TSObjectKeyword || annotation.type === AST_NODE_TYPES.TSTypeLiteral) {
        return true;
      }
      if (annotation.type !== AST_NODE_TYPES.TSTypeReference) return false;
      const typeName = annotation.typeName;
      // `Record<…>`, and Prisma's generated input types (`Prisma.UserUpdateInput`): nothing validates them at run time.
      return (typeName.type === AST_NODE_TYPES.Identifier && typeName.name === 'Record') ||
        (typeName.type === AST_NODE_TYPES.TSQualifiedName && typeName.left.type === AST_NODE_TYPES.Identifier && typeName.left.name === 'Prisma');
    }

    /** `prisma.user`, `this.prisma.user`, `tx.user` (inside `$transaction`), `db.post` — a Prisma model delegate. */
    function isPrismaDelegate(node: TSESTree.Node): boolean {
      const path = getMemberPath(node);
      if (!path || path.length < 2) return false;
      return path.slice(0, -1).some((segment) => /prisma|^tx$|^db$|^client$/i.test(segment) || extraOrmObjects.has(segment));
    }

    /** Whether `<object>.<method>()` writes to a database. */
    function isOrmObject(node: TSESTree.Node, method: string): boolean {
      const object = unwrapExpression(node);
      // `db.insert(users).values(x)`, `db.update(users).set(x)`, `knex('users').insert(x)`.
      if (object.type === AST_NODE_TYPES.CallExpression) {
        const inner = getCalleeName(object);
        const innerPath = getMemberPath(object.callee);
        if (method === 'values' || method === 'set') return inner === 'insert' || inner === 'update';
        if (innerPath?.length === 1 && /knex|^db$/i.test(innerPath[0]!)) return true;
        if (inner === 'getRepository' || inner === 'getMongoRepository' || inner === 'model') return true;
        return false;
      }
      if (method === 'values') return false;
      const path = getMemberPath(object);
      if (!path) return false;
      const last = path[path.length - 1]!;
      if (extraOrmObjects.has(last) || isInjectedOrmHandle(object)) return true;
      // `doc.set(body)` / `doc.update(body)` on a record this function loaded.
      if ((method === 'set' || method === 'update' || method === 'save' || method === 'assign') && object.type === AST_NODE_TYPES.Identifier && isEntityValue(object)) return true;
      if (method === 'set' || method === 'assign') return false;
      if (UNAMBIGUOUS_WRITE_METHODS.has(method) && !/^(?:hash|hmac|crypto|cache|redis|map|store)$/i.test(last)) return true;
      // `User.create(body)`, `models.User.update(body)`: a PascalCase model.
      if (/^[A-Z][A-Za-z0-9]*$/.test(last) && last !== 'Object' && object.type !== AST_NODE_TYPES.ThisExpression) {
        return object.type !== AST_NODE_TYPES.Identifier || isModelIdentifier(object);
      }
      return ORM_OBJECT_WORDS.test(last) && !/service|controller|client|api|queue|cache/i.test(last);
    }

    /**
     * `this.articles` where the class's constructor declares
     * `@InjectRepository(Article) private articles: Repository<Article>` or
     * `@InjectModel(User.name) private users: Model<User>`.
     */
    function isInjectedOrmHandle(node: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression) return false;
      const name = getMemberPath(node)?.[1];
      let classNode: TSESTree.Node | undefined = node.parent;
      while (classNode && classNode.type !== AST_NODE_TYPES.ClassBody) classNode = classNode.parent;
      if (!classNode || classNode.type !== AST_NODE_TYPES.ClassBody) return false;
      for (const member of classNode.body) {
        if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
          for (const parameter of member.value.params) {
            if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
            const inner = parameter.parameter;
            if (inner.type !== AST_NODE_TYPES.Identifier || inner.name !== name) continue;
            if (parameter.decorators.some((decorator) => /^Inject(?:Repository|Model|EntityManager)$/.test(getDecoratorName(decorator) ?? ''))) return true;
            return isOrmType(inner.typeAnnotation?.typeAnnotation);
          }
        }
        if (member.type === AST_NODE_TYPES.PropertyDefinition && getPropertyKeyName(member) === name) {
          return isOrmType(member.typeAnnotation?.typeAnnotation);
        }
      }
      return false;
    }

    function isOrmType(type: TSESTree.TypeNode | undefined): boolean {
      if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
      return /^(?:Repository|MongoRepository|TreeRepository|EntityManager|Model|ModelStatic|PrismaClient)$/.test(type.typeName.name);
    }

    /**
     * Whether a PascalCase identifier is a model rather than a class of anything:
     * imported (models come from their own files) or defined by
     * `mongoose.model(…)` / `sequelize.define(…)` / a class extending `Model`.
     */
    function isModelIdentifier(identifier: TSESTree.Identifier): boolean {
      if (!/^[A-Z]/.test(identifier.name)) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      const definition = variable?.defs[0];
      if (!definition) return /model/i.test(identifier.name);
      if (definition.type === 'ImportBinding') {
        const declaration = definition.parent;
        return declaration.type === AST_NODE_TYPES.ImportDeclaration && /model|entit|schema|db|database/i.test(declaration.source.value);
      }
      if (definition.type === 'ClassName') {
        const superClass = (definition.node as TSESTree.ClassDeclaration).superClass;
        return superClass?.type === AST_NODE_TYPES.Identifier && superClass.name === 'Model';
      }
      if (definition.type === 'Variable' && definition.node.init) {
        const init = unwrapExpression(definition.node.init);
        if (init.type === AST_NODE_TYPES.CallExpression) {
          const name = getCalleeName(init);
          if (name === 'model' || name === 'define') return true;
          // `const User = require('../models/user')`
          const [first] = init.arguments;
          return name === 'require' && first?.type === AST_NODE_TYPES.Literal && /model|entit|schema/i.test(String(first.value));
        }
        return false;
      }
      return false;
    }

    /** A record this function loaded or built: `const user = await repo.findOne(…)`, `new Post()`, `repo.create()`. */
    function isEntityValue(node: TSESTree.Node): boolean {
      const expression = unwrapExpression(node);
      if (expression.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
      const definition = variable?.defs[0];
      if (definition?.type !== 'Variable' || !definition.node.init) return false;
      const init = unwrapExpression(definition.node.init);
      if (init.type === AST_NODE_TYPES.NewExpression) {
        return init.callee.type === AST_NODE_TYPES.Identifier && /^[A-Z]/.test(init.callee.name) && isModelOrEntityName(init.callee);
      }
      if (init.type !== AST_NODE_TYPES.CallExpression) return false;
      const name = getCalleeName(init);
      const callee = unwrapExpression(init.callee);
      if (name === undefined || !ENTITY_FINDERS.test(name) || callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const path = getMemberPath(callee.object);
      const last = path?.[path.length - 1] ?? '';
      return ORM_OBJECT_WORDS.test(last) || /^[A-Z]/.test(last) || isPrismaDelegate(callee.object) || isInjectedOrmHandle(unwrapExpression(callee.object));
    }

    function isModelOrEntityName(identifier: TSESTree.Identifier): boolean {
      return isModelIdentifier(identifier) || /Entity$/.test(identifier.name);
    }

    function walk(root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
      const keys = sourceCode.visitorKeys;
      const stack: TSESTree.Node[] = [root];
      while (stack.length > 0) {
        const node = stack.pop()!;
        visit(node);
        for (const key of keys[node.type] ?? []) {
          const child = (node as unknown as Record<string, unknown>)[key];
          if (Array.isArray(child)) {
            for (const item of child) if (item && typeof item === 'object' && 'type' in item) stack.push(item as TSESTree.Node);
          } else if (child && typeof child === 'object' && 'type' in child) {
            if (!isFunctionNode(child as TSESTree.Node) || node === root) stack.push(child as TSESTree.Node);
          }
        }
      }
    }
  },
});
