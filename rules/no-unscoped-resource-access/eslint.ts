import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  BY_FILTER_LOOKUP_METHODS,
  BY_KEY_LOOKUP_METHODS,
  INSTANCE_WRITE_METHODS,
  PRISMA_LOOKUP_METHODS,
  PUBLIC_MODEL_NAMES,
  REPOSITORY_LOOKUP_METHODS,
  looksLikeAuthCheckName,
  looksLikeRoleCheckName,
  splitIdentifierWords,
  type RecordAction,
} from '@redline/core';
import { createRule } from '../utils/create-rule.js';
import {
  getCalleeName,
  getCalleePath,
  getMemberPath,
  getMemberPropertyName,
  getPropertyKeyName,
  getStaticKey,
  isFunctionNode,
  unwrapExpression,
} from '../utils/ast.js';
import { getDecoratorName } from '../utils/response-sinks.js';
import { createConfigCache } from '../utils/config-cache.js';
import { getRedlineSettings, type RedlineSettings } from '../utils/settings.js';
import { mayMentionWord } from '../utils/text-gate.js';

type MessageIds = 'unscopedAccess';
type Options = [
  {
    scopingFields?: string[];
    policyHelpers?: string[];
    publicModels?: string[];
  },
];

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** Columns that tie a record to its owner: a query filtering on one of them is scoped. */
const DEFAULT_SCOPING_FIELDS = [
  'userId', 'user', 'ownerId', 'owner', 'authorId', 'author', 'createdBy', 'createdById', 'creatorId', 'creator',
  'accountId', 'tenantId', 'organizationId', 'organisationId', 'orgId', 'teamId', 'workspaceId', 'customerId',
  'companyId', 'memberId', 'profileId', 'uid', 'user_id', 'owner_id', 'tenant_id', 'account_id', 'organization_id',
];

/** Calls that decide access: `authorize(user, 'read', doc)`, `ability.can(...)`, `assertOwner(order, user)`. */
const DEFAULT_POLICY_HELPERS = [
  'authorize', 'can', 'cannot', 'assertOwner', 'assertOwnership', 'checkOwnership', 'checkOwner', 'ensureOwner',
  'ensureOwnership', 'isOwner', 'canAccess', 'hasAccess', 'canEdit', 'canView', 'canRead', 'canWrite', 'canDelete',
  'canUpdate', 'canManage', 'checkAccess', 'verifyOwnership', 'requireOwner', 'enforce', 'permit', 'checkPermission',
  'checkPermissions', 'hasPermission', 'assertCan', 'assertAccess', 'authorizeResource', 'policy',
];

/** Suffixes of a model class or repository name: `OrderModel`, `ordersRepository`. */
const MODEL_SUFFIXES = new Set(['model', 'models', 'entity', 'schema', 'repository', 'repo', 'collection', 'table', 'delegate']);
/** PascalCase receivers that are no model: `OrderService.findById(id)` decides its own scoping. */
const NON_MODEL_SUFFIXES = new Set(['service', 'services', 'controller', 'helper', 'helpers', 'api', 'client', 'store', 'cache', 'util', 'utils', 'manager', 'handler', 'dao', 'provider', 'loader']);

/** Methods that create records: the caller in their payload sets an owner, it checks nothing. */
const CREATE_METHODS = new Set(['create', 'insert', 'insertMany', 'bulkCreate', 'build', 'save', 'createMany', 'insertOne', 'push', 'unshift', 'values', 'set']);
/** Mongoose statics whose first argument is a filter and second an update. */
const FILTER_THEN_UPDATE = new Set(['findOneAndUpdate', 'updateOne', 'updateMany', 'findOneAndReplace', 'replaceOne']);
/** Properties of the caller that say the handler checks a role: `req.user.role`, `user.isAdmin`. */
const ROLE_PROPERTIES = new Set(['role', 'roles', 'isAdmin', 'admin', 'isSuperAdmin', 'isSuperuser', 'superuser', 'isStaff', 'permissions', 'scopes', 'scope', 'isModerator', 'userRole', 'userType', 'accountType', 'type', 'level', 'access', 'ability']);
/** Request properties that carry the authenticated caller (`req.user`, `req.auth`, `ctx.state.user`). */
const CALLER_PROPERTIES = new Set(['user', 'auth', 'currentUser', 'userId', 'authUser', 'account', 'principal', 'claims', 'identity', 'uid', 'decoded', 'jwtPayload', 'tokenPayload']);
/** Containers of the caller on the request: `req.session.user`, `ctx.state.user`, `res.locals.user`. */
const CALLER_CONTAINERS = new Set(['session', 'state', 'locals', 'raw', 'context']);
/** Calls that return the caller's session inside a handler (Next.js, Auth.js, Clerk, Lucia). */
const SESSION_CALLS = new Set(['auth', 'getServerSession', 'currentUser', 'getCurrentUser', 'getSession', 'getAuth', 'requireUser', 'validateRequest', 'verifySession', 'getServerAuthSession', 'getUserFromSession', 'requireSession', 'getLoggedInUser', 'getAuthUser', 'getSessionUser']);
/** Where a client puts an id: `req.params`, `req.body`, `req.query`, `ctx.request.body`. */
const CLIENT_CONTAINERS = new Set(['params', 'body', 'query']);
/** Conversions that keep a client value client-chosen: `Number(id)`, `new ObjectId(id)`. */
const PASS_THROUGH_CALLS = new Set(['Number', 'String', 'parseInt', 'parseFloat', 'BigInt', 'ObjectId', 'toString', 'trim', 'toObjectId', 'Types.ObjectId', 'isValidObjectId']);
/** Nest decorators that inject the caller: `@User()`, `@CurrentUser()`, `@AuthUser()`, `@Session()`. */
const CALLER_DECORATOR_WORDS = new Set(['user', 'session', 'auth', 'account', 'principal', 'me', 'actor', 'claims', 'identity', 'jwt', 'payload']);
/** Owner columns, policy helpers and public models with the team's own; built once per options and settings. */
const getVocabulary = createConfigCache((options: Options[0], settings: RedlineSettings) => ({
  scopingFields: new Set([...DEFAULT_SCOPING_FIELDS, ...(options.scopingFields ?? [])].map((name) => name.toLowerCase())),
  policyHelpers: new Set([...DEFAULT_POLICY_HELPERS, ...(options.policyHelpers ?? []), ...(settings.roleChecks ?? [])]),
  publicModels: new Set([...PUBLIC_MODEL_NAMES, ...(options.publicModels ?? [])].map((name) => name.toLowerCase())),
}));

/** Every method `getLookup` reads. */
const LOOKUP_METHODS: ReadonlySet<string> = new Set([
  ...Object.keys(PRISMA_LOOKUP_METHODS), ...Object.keys(REPOSITORY_LOOKUP_METHODS), ...Object.keys(BY_KEY_LOOKUP_METHODS), ...Object.keys(BY_FILTER_LOOKUP_METHODS), 'update',
]);
/** Where `getClientIdSource` finds a client id: `req.params`/`body`/`query`, Hono's `param()`, Nest's `@Param()`/`@Body()`/`@Query()`. */
const CLIENT_ID_WORDS = [...CLIENT_CONTAINERS, 'param', 'Param', 'Body', 'Query'];
/** Route-registration methods whose last argument is a handler. */
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'route', 'options', 'head']);


interface Lookup {
  call: TSESTree.CallExpression;
  model: string;
  action: RecordAction;
  /** The client-chosen key: `req.params.id`, `id`. */
  source: TSESTree.Node;
  handler: FunctionNode;
  /** Whether the id came in the body (`req.body.productId`) rather than the URL. */
  fromBody: boolean;
}

type ClientId = Pick<Lookup, 'source' | 'handler' | 'fromBody'>;

export default createRule<Options, MessageIds>({
  name: 'no-unscoped-resource-access',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow loading, changing or deleting a record by a client-supplied id without scoping it to the authenticated user',
      category: 'missing-ownership-check',
      cwe: ['CWE-639', 'CWE-284'],
      recommended: 'strict',
      severity: 'error',
      requiresTypeChecking: false,
    },
    messages: {
      unscopedAccess:
        '`{{model}}` is {{action}} by {{source}}, an id the client chose, and this handler knows the caller but neither scopes the query to them nor checks who owns the record: any signed-in user can reach another user\'s {{model}} by changing the id (IDOR). Add the owner to the query (`where: { id, userId: <caller id> }`), or compare the record\'s owner with the caller or call a policy check before using it.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          scopingFields: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra column names that tie a record to its owner or tenant (`shopId`); a query filtering on one of them with a value the client did not choose is scoped.',
          },
          policyHelpers: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra function names that check access (`assertCanEditInvoice`); a handler calling one is trusted.',
          },
          publicModels: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra model names that everyone may read (`Recipe`); reading one by id is not reported, changing or deleting it still is.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ scopingFields: [], policyHelpers: [], publicModels: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // A lookup is one of the ORM methods below, keyed by something the client sent.
    if (!mayMentionWord(sourceCode, LOOKUP_METHODS) || !mayMentionWord(sourceCode, CLIENT_ID_WORDS)) return {};
    const settings = getRedlineSettings(context);
    const { scopingFields, policyHelpers, publicModels } = getVocabulary(options, settings);
    const handlerFacts = new Map<FunctionNode, CallerUse & { guarded: boolean; inlineAuth: boolean }>();
    const reportedPerHandler = new Map<FunctionNode, Set<string>>();

    const lookups: Lookup[] = [];
    /** Models this file scopes to the caller somewhere (`Order.find({ user: req.user._id })`, `new Order({ user: req.user._id })`). */
    const ownedModels = new Set<string>();

    return {
      CallExpression(node) {
        collectOwnershipEvidence(node);
        const lookup = getLookup(node);
        if (lookup) lookups.push(lookup);
      },
      'Program:exit'() {
        for (const lookup of lookups) check(lookup);
      },
    };

    function check(lookup: Lookup): void {
      const node = lookup.call;
      const action = lookup.action === 'read' ? getLoadedRecordWrite(node) ?? 'read' : lookup.action;
      if (action === 'read' && isPublicModel(lookup.model)) return;
      // A body id read to reference another record (`Item.findById(req.body.itemId)` while adding to a cart) is
      // usually a catalogue lookup; the URL's resource is the one an IDOR reads. Changes by body id still count.
      if (action === 'read' && lookup.fromBody) return;
      // `const clash = await Appointment.findOne({ doctorId, … }); if (clash) throw …`: only whether one exists is used.
      if (action === 'read' && isExistenceCheckOnly(node)) return;
      // `data: { favoritedBy: { connect: { id: userId } } }`: the caller links themselves to a shared record (a like,
      // a bookmark, a view); nothing of the record itself changes.
      if (action === 'change' && linksOnlyTheCaller(node)) return;
      if (!isUnguardedAccess(lookup.handler, normalizeModel(lookup.model))) return;
      const reported = reportedPerHandler.get(lookup.handler) ?? new Set<string>();
      const modelKey = normalizeModel(lookup.model);
      if (reported.has(modelKey)) return;
      reported.add(modelKey);
      reportedPerHandler.set(lookup.handler, reported);
      context.report({
        node,
        messageId: 'unscopedAccess',
        data: {
          model: lookup.model,
          action: action === 'read' ? 'loaded' : action === 'change' ? 'changed' : 'deleted',
          source: `\`${sourceCode.getText(lookup.source)}\``,
        },
      });
    }

    /**
     * Whether the loaded record is only tested for existence: kept in a local
     * whose every use is a condition (`if (clash)`, `if (!doctor)`, `clash ? … : …`,
     * `!!clash`, `clash === null`), so nothing of it reaches the caller.
     */
    function isExistenceCheckOnly(call: TSESTree.CallExpression): boolean {
      let value: TSESTree.Node = call;
      while (value.parent && (value.parent.type === AST_NODE_TYPES.AwaitExpression || isTransparentParent(value.parent))) value = value.parent;
      const declarator = value.parent;
      if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(declarator), declarator.id);
      const uses = variable?.references.filter((reference) => !reference.init) ?? [];
      return uses.length > 0 && uses.every((reference) => isConditionUse(reference.identifier));
    }

    /**
     * Records `Order` as owned when a query in this file filters it by an owner
     * column set to the caller (`Order.find({ user: req.user._id })`). Creates
     * stamping `createdBy` prove nothing: audit columns are set on shared records too.
     */
    function collectOwnershipEvidence(node: TSESTree.CallExpression): void {
      const callee = unwrapExpression(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = getMemberPropertyName(callee) ?? '';
      if (CREATE_METHODS.has(method) || /^(?:create|insert|save|build)/.test(method)) return;
      // Only an object argument can name an owner: most calls stop here, before the receiver is read.
      if (!node.arguments.some((argument) => unwrapExpression(argument).type === AST_NODE_TYPES.ObjectExpression)) return;
      const receiver = unwrapExpression(callee.object);
      const model = getPrismaModel(receiver) ?? getRepositoryEntity(receiver) ?? getModelName(receiver);
      if (model === undefined) return;
      const visit = (value: TSESTree.Node, depth: number): boolean => {
        const object = unwrapExpression(value);
        if (object.type !== AST_NODE_TYPES.ObjectExpression || depth > 3) return false;
        return object.properties.some((property) => {
          if (property.type !== AST_NODE_TYPES.Property) return false;
          const key = getPropertyKeyName(property) ?? '';
          if (scopingFields.has(key.toLowerCase()) && looksLikeCallerValue(property.value)) return true;
          return !['data', 'create', 'update', '$set', '$push', '$addToSet', 'values'].includes(key) && visit(property.value, depth + 1);
        });
      };
      // Mongoose/Sequelize/TypeORM updates carry the payload in a later argument: only the filter counts.
      const filters = node.arguments.length > 1 && /update|replace/i.test(method) ? node.arguments.slice(0, 1) : node.arguments;
      if (filters.some((argument) => visit(argument, 0))) ownedModels.add(normalizeModel(model));
    }

    /** A Prisma update whose `data` only connects or disconnects the caller in relations of the record. */
    function linksOnlyTheCaller(call: TSESTree.CallExpression): boolean {
      const options = call.arguments[0] && unwrapExpression(call.arguments[0]);
      const data = options?.type === AST_NODE_TYPES.ObjectExpression ? getPropertyValue(options, 'data') : undefined;
      if (data?.type !== AST_NODE_TYPES.ObjectExpression || data.properties.length === 0) return false;
      return data.properties.every((relation) => {
        const operations = relation.type === AST_NODE_TYPES.Property ? unwrapExpression(relation.value) : undefined;
        if (operations?.type !== AST_NODE_TYPES.ObjectExpression || operations.properties.length === 0) return false;
        return operations.properties.every((operation) => {
          if (operation.type !== AST_NODE_TYPES.Property || !['connect', 'disconnect'].includes(getPropertyKeyName(operation) ?? '')) return false;
          const target = unwrapExpression(operation.value);
          return target.type === AST_NODE_TYPES.ObjectExpression && target.properties.length === 1 &&
            target.properties[0]!.type === AST_NODE_TYPES.Property && isCallerIdValue(target.properties[0]!.value);
        });
      });
    }

    /** The caller's id: `req.user.id`, or a local initialised with it (`const userId = request.user!.userId`). */
    function isCallerIdValue(node: TSESTree.Node): boolean {
      const value = unwrapExpression(node);
      if (looksLikeCallerValue(value)) return true;
      if (value.type !== AST_NODE_TYPES.Identifier) return false;
      const definition = ASTUtils.findVariable(sourceCode.getScope(value), value)?.defs[0];
      return definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.id.type === AST_NODE_TYPES.Identifier &&
        definition.node.init !== null && looksLikeCallerValue(definition.node.init);
    }

    /** `req.user._id`, `req.user.id`, `ctx.state.user.id`, `session.user.id`, `res.locals.user._id`, `req.userId`. */
    function looksLikeCallerValue(node: TSESTree.Node): boolean {
      let value = unwrapExpression(node);
      if (value.type === AST_NODE_TYPES.CallExpression && ['toString', 'String', 'ObjectId'].includes(getCalleeName(value) ?? '')) {
        const callee = unwrapExpression(value.callee);
        value = getCalleeName(value) === 'toString' && callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : unwrapExpression(value.arguments[0] ?? value);
      }
      const path = getMemberPath(value);
      if (!path || path.length < 2) return false;
      if (CALLER_PROPERTIES.has(path[1]!) || (CALLER_CONTAINERS.has(path[1]!) && CALLER_PROPERTIES.has(path[2] ?? ''))) return true;
      return path[0] === 'session' && path[1] === 'user';
    }

    /** The ORM call as a lookup by a client-chosen id, when it is one and its filter names no owner. */
    function getLookup(call: TSESTree.CallExpression): Lookup | undefined {
      const callee = unwrapExpression(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const method = getMemberPropertyName(callee);
      if (method === undefined || !LOOKUP_METHODS.has(method)) return undefined;
      const receiver = unwrapExpression(callee.object);
      const args = call.arguments;
      const first = args[0] && args[0].type !== AST_NODE_TYPES.SpreadElement ? unwrapExpression(args[0]) : undefined;
      if (!first) return undefined;

      // Prisma: `prisma.order.findUnique({ where: { id } })`, `db.order.delete({ where: { id } })`.
      const prismaModel = getPrismaModel(receiver);
      if (prismaModel !== undefined && Object.hasOwn(PRISMA_LOOKUP_METHODS, method)) {
        if (first.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
        const where = getPropertyValue(first, 'where');
        return where ? fromFilter(call, prismaModel, PRISMA_LOOKUP_METHODS[method]!, where) : undefined;
      }
      // TypeORM repositories: `this.ordersRepository.findOneBy({ id })`, `getRepository(Order).delete(id)`.
      const repositoryEntity = getRepositoryEntity(receiver);
      if (repositoryEntity !== undefined && Object.hasOwn(REPOSITORY_LOOKUP_METHODS, method)) {
        const action = REPOSITORY_LOOKUP_METHODS[method]!;
        if (first.type === AST_NODE_TYPES.ObjectExpression) {
          const where = method.endsWith('By') || method.endsWith('ByOrFail') || action !== 'read' ? first : getPropertyValue(first, 'where');
          return where ? fromFilter(call, repositoryEntity, action, where) : undefined;
        }
        return fromKey(call, repositoryEntity, action, first);
      }
      // Mongoose / Sequelize model statics: `Order.findById(id)`, `db.Order.findByPk(id)`, `this.orderModel.findOne({ _id })`.
      const model = getModelName(receiver);
      if (model === undefined) return undefined;
      if (Object.hasOwn(BY_KEY_LOOKUP_METHODS, method)) return fromKey(call, model, BY_KEY_LOOKUP_METHODS[method]!, first);
      if (Object.hasOwn(BY_FILTER_LOOKUP_METHODS, method) && first.type === AST_NODE_TYPES.ObjectExpression) {
        const where = getPropertyValue(first, 'where') ?? (method === 'destroy' ? undefined : first);
        return where ? fromFilter(call, model, BY_FILTER_LOOKUP_METHODS[method]!, where) : undefined;
      }
      // Sequelize `Order.update(values, { where: { id } })`.
      if (method === 'update' && args.length >= 2 && args[1]!.type !== AST_NODE_TYPES.SpreadElement) {
        const second = unwrapExpression(args[1]!);
        const where = second.type === AST_NODE_TYPES.ObjectExpression ? getPropertyValue(second, 'where') : undefined;
        return where ? fromFilter(call, model, 'change', where) : undefined;
      }
      return undefined;
    }

    function fromKey(call: TSESTree.CallExpression, model: string, action: RecordAction, key: TSESTree.Node): Lookup | undefined {
      const source = getClientIdSource(key);
      return source ? { call, model, action, ...source } : undefined;
    }

    /** A filter object whose id-like key holds a client value and that names no owner column. */
    function fromFilter(call: TSESTree.CallExpression, model: string, action: RecordAction, filter: TSESTree.Node): Lookup | undefined {
      const object = unwrapExpression(filter);
      if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      let found: ClientId | undefined;
      for (const property of object.properties) {
        // `{ ...where }`, `AND: [...]`, `$or`: the filter is built elsewhere or combined; it may well scope.
        if (property.type !== AST_NODE_TYPES.Property) return undefined;
        const key = getPropertyKeyName(property);
        if (key === undefined) return undefined;
        if (key.startsWith('$') || key === 'AND' || key === 'OR' || key === 'NOT') return undefined;
        if (scopingFields.has(key.toLowerCase())) {
          // `userId: req.params.userId` scopes to whoever the client names: still unscoped. Anything else scopes.
          if (!getClientIdSource(property.value)) return undefined;
          continue;
        }
        if (!found && isIdKey(key)) found = getClientIdSource(property.value);
      }
      return found ? { call, model, action, ...found } : undefined;
    }

    /**
     * Where a value comes from, when the client chose it: `req.params.id`,
     * `ctx.request.body.orderId`, a Nest `@Param('id')` parameter, Next.js
     * `params.id`, or a local holding one of them (`const { id } = req.params`).
     */
    function getClientIdSource(node: TSESTree.Node, depth = 0): ClientId | undefined {
      if (depth > 4) return undefined;
      const value = unwrapExpression(node);
      if (value.type === AST_NODE_TYPES.CallExpression) {
        const path = getCalleePath(value)?.join('.');
        const name = getCalleeName(value);
        // Hono `c.req.param('id')`.
        if (name === 'param' && value.arguments.length === 1) {
          const object = unwrapExpression(value.callee) as TSESTree.MemberExpression;
          const receiverPath = getMemberPath(object.object);
          const key = getStaticKey(value.arguments[0]!);
          const handler = receiverPath?.length === 2 && receiverPath[1] === 'req' && key !== undefined && isIdKey(key) ? getParameterFunction(rootIdentifier(object.object)) : undefined;
          return handler ? { source: value, handler, fromBody: false } : undefined;
        }
        if ((path !== undefined && PASS_THROUGH_CALLS.has(path)) || (name !== undefined && PASS_THROUGH_CALLS.has(name))) {
          const inner = value.arguments[0];
          if (name === 'toString' || name === 'trim') {
            const object = unwrapExpression(value.callee);
            return object.type === AST_NODE_TYPES.MemberExpression ? getClientIdSource(object.object, depth + 1) : undefined;
          }
          return inner && inner.type !== AST_NODE_TYPES.SpreadElement ? getClientIdSource(inner, depth + 1) : undefined;
        }
        return undefined;
      }
      if (value.type === AST_NODE_TYPES.NewExpression) {
        const name = getCalleeName(value);
        const inner = value.arguments[0];
        return name === 'ObjectId' && inner && inner.type !== AST_NODE_TYPES.SpreadElement ? getClientIdSource(inner, depth + 1) : undefined;
      }
      if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '+') return getClientIdSource(value.argument, depth + 1);
      if (value.type === AST_NODE_TYPES.MemberExpression) {
        const property = getMemberPropertyName(value);
        if (property === undefined || !isIdKey(property)) return undefined;
        const container = unwrapExpression(value.object);
        const handler = getClientContainerHandler(container);
        return handler ? { source: value, handler, fromBody: isBodyContainer(container) } : undefined;
      }
      if (value.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(value), value);
        const definition = variable?.defs[0];
        if (!variable || !definition || variable.defs.length !== 1) return undefined;
        // Reassigned locals may have been replaced by a scoped value.
        if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== definition.name && !reference.init)) return undefined;
        if (definition.type === 'Parameter') {
          const fn = definition.node as TSESTree.Node;
          if (!isFunctionNode(fn)) return undefined;
          const param = getTopParameter(definition.name);
          // Nest `@Param('id') id: string`, `@Body('orderId') orderId`.
          if (param && hasClientDecorator(param) && isIdKey(getDecoratorArgument(param) ?? value.name)) return { source: value, handler: fn, fromBody: hasBodyDecorator(param) };
          // Next.js `{ params: { id } }` / Fastify `({ params: { id } })` destructured in the signature.
          if (param && isPatternUnder(definition.name, CLIENT_CONTAINERS) && isIdKey(value.name)) return { source: value, handler: fn, fromBody: isPatternUnder(definition.name, new Set(['body'])) };
          return undefined;
        }
        if (definition.type === 'Variable') {
          const declarator = definition.node;
          if (!declarator.init) return undefined;
          if (declarator.id.type === AST_NODE_TYPES.Identifier) {
            const result = getClientIdSource(declarator.init, depth + 1);
            return result ? { source: value, handler: result.handler, fromBody: result.fromBody } : undefined;
          }
          // `const { id } = req.params`, `const { id: orderId } = await params`.
          const key = getPatternKey(declarator.id, definition.name);
          if (key === undefined || !isIdKey(key)) return undefined;
          const container = unwrapExpression(declarator.init);
          const handler = getClientContainerHandler(container);
          return handler ? { source: value, handler, fromBody: isBodyContainer(container) } : undefined;
        }
      }
      return undefined;
    }

    /**
     * The handler whose request a container comes from: `req.params`, `req.body`,
     * `ctx.request.body`, `request.query`, Next.js `params` / `context.params`,
     * Nest `@Param() params`, `@Body() dto`.
     */
    function getClientContainerHandler(container: TSESTree.Node): FunctionNode | undefined {
      const path = getMemberPath(container);
      if (!path) return undefined;
      if (path.length >= 2 && CLIENT_CONTAINERS.has(path.at(-1)!)) {
        // `req.params`, `ctx.request.body`, `context.params`
        if (path.length === 2 || (path.length === 3 && path[1] === 'request')) return getParameterFunction(rootIdentifier(container));
        return undefined;
      }
      if (path.length === 1) {
        const identifier = rootIdentifier(container);
        if (!identifier) return undefined;
        const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
        const definition = variable?.defs[0];
        if (!definition || definition.type !== 'Parameter') {
          // `const params = await context.params` / `const { params } = context`
          if (definition?.type === 'Variable' && definition.node.init) {
            const init = unwrapExpression(definition.node.init);
            if (definition.node.id.type === AST_NODE_TYPES.Identifier) return init.type === AST_NODE_TYPES.MemberExpression ? getClientContainerHandler(init) : undefined;
            const key = getPatternKey(definition.node.id, definition.name);
            if (key !== undefined && CLIENT_CONTAINERS.has(key)) return getParameterFunction(rootIdentifier(init));
          }
          return undefined;
        }
        const param = getTopParameter(definition.name);
        if (!param || !isFunctionNode(definition.node as TSESTree.Node)) return undefined;
        const fn = definition.node as FunctionNode;
        if (hasClientDecorator(param) && getDecoratorArgument(param) === undefined) return fn;
        // Next.js `export async function GET(req, { params })`.
        if (identifier.name === 'params' && definition.name.parent?.type === AST_NODE_TYPES.Property) return fn;
      }
      return undefined;
    }

    /** `req.body`, `ctx.request.body`, a Nest `@Body() dto`. */
    function isBodyContainer(container: TSESTree.Node): boolean {
      const path = getMemberPath(container);
      if (path?.at(-1) === 'body') return true;
      const identifier = path?.length === 1 ? rootIdentifier(container) : undefined;
      const definition = identifier ? ASTUtils.findVariable(sourceCode.getScope(identifier), identifier)?.defs[0] : undefined;
      if (definition?.type !== 'Parameter') return false;
      const param = getTopParameter(definition.name);
      return param !== undefined && hasBodyDecorator(param);
    }

    /** The function whose parameter an identifier is (`req` in `(req, res) => …`), or undefined. */
    function getParameterFunction(identifier: TSESTree.Identifier | undefined): FunctionNode | undefined {
      if (!identifier) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      const definition = variable?.defs[0];
      if (!definition || definition.type !== 'Parameter') return undefined;
      const fn = definition.node as TSESTree.Node;
      return isFunctionNode(fn) ? fn : undefined;
    }

    /**
     * Whether the handler serves a known caller and checks nothing: it reads the
     * caller (beyond stamping it on records), or the model is owned in this file
     * and the handler stamps the caller or sits behind inline auth middleware.
     */
    function isUnguardedAccess(handler: FunctionNode, model: string): boolean {
      let facts = handlerFacts.get(handler);
      if (!facts) {
        const route = getRouteGuards(handler);
        facts = { ...analyzeCallerUse(handler), guarded: route.roleChecked, inlineAuth: route.authenticated };
        handlerFacts.set(handler, facts);
      }
      if (facts.guarded || facts.checks) return false;
      if (facts.readsCaller) return true;
      return ownedModels.has(model) && (facts.stampsCaller || facts.inlineAuth);
    }

    /** Role/policy and auth middleware in the same registration, or Nest role/policy decorators. */
    function getRouteGuards(handler: FunctionNode): { roleChecked: boolean; authenticated: boolean } {
      let authenticated = false;
      let current: TSESTree.Node | undefined = handler;
      // `asyncHandler(async (req, res) => …)` inside the registration.
      while (current.parent?.type === AST_NODE_TYPES.CallExpression && current.parent.arguments.length === 1 && current.parent.callee !== current) {
        current = current.parent;
      }
      const parent = current.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && ROUTE_METHODS.has(getCalleeName(parent) ?? '')) {
        for (const argument of parent.arguments) {
          if (argument === current) break;
          const name = getGuardName(argument);
          if (name !== undefined && isGuardName(name)) return { roleChecked: true, authenticated: true };
          if (name !== undefined && (looksLikeAuthCheckName(name) || (settings.authMiddleware ?? []).includes(name))) authenticated = true;
        }
      }
      if (handler.parent?.type === AST_NODE_TYPES.MethodDefinition) {
        const method = handler.parent;
        const classNode = method.parent.parent;
        const decorators = [...method.decorators, ...('decorators' in classNode && classNode.decorators ? classNode.decorators : [])];
        const roleChecked = decorators.some((decorator) => {
          const name = getDecoratorName(decorator);
          if (name !== undefined && isGuardName(name)) return true;
          const expression = decorator.expression;
          return name === 'UseGuards' && expression.type === AST_NODE_TYPES.CallExpression &&
            expression.arguments.some((argument) => {
              const guard = getGuardName(argument);
              return guard !== undefined && isGuardName(guard);
            });
        });
        return { roleChecked, authenticated };
      }
      return { roleChecked: false, authenticated };
    }

    function getGuardName(node: TSESTree.Node): string | undefined {
      const value = unwrapExpression(node);
      if (value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.NewExpression) {
        return getCalleeName(value);
      }
      const path = getMemberPath(value);
      return path?.at(-1);
    }

    function isGuardName(name: string): boolean {
      return policyHelpers.has(name) || looksLikeRoleCheckName(name);
    }

    /**
     * Whether the handler reads the caller at all ('no-caller'), uses the caller
     * in a comparison, a filter, a policy or service call ('checks'), or only
     * reads it to stamp new records, log or respond ('unused-for-checks').
     */
    function analyzeCallerUse(handler: FunctionNode): CallerUse {
      const callerVariables = new Set<TSESLint.Scope.Variable>();
      let readsCaller = false;
      let stampsCaller = false;
      let checks = false;

      // Nest `@CurrentUser() user`, `@User('id') userId`, `@Session() session`.
      for (const param of handler.params) {
        const decorated = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
        if (!('decorators' in decorated) || !decorated.decorators?.some(isCallerDecorator)) continue;
        for (const variable of sourceCode.getDeclaredVariables(decorated)) callerVariables.add(variable);
      }

      const visit = (node: TSESTree.Node): void => {
        if (checks) return;
        if (node.type === AST_NODE_TYPES.CallExpression) {
          const name = getCalleeName(node);
          if (name !== undefined && isPolicyCall(node, name)) {
            checks = true;
            return;
          }
        }
        if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init) {
          if (isCallerSource(node.init, handler, callerVariables)) {
            for (const variable of sourceCode.getDeclaredVariables(node)) callerVariables.add(variable);
          } else if (node.id.type === AST_NODE_TYPES.ObjectPattern && isRequestObject(node.init, handler)) {
            // `const { user } = req`, `const { user } = ctx.state`.
            for (const property of node.id.properties) {
              if (property.type !== AST_NODE_TYPES.Property || !CALLER_PROPERTIES.has(getPropertyKeyName(property) ?? '')) continue;
              for (const variable of sourceCode.getDeclaredVariables(node)) {
                if (variable.identifiers.some((identifier) => identifier.range[0] >= property.range[0] && identifier.range[1] <= property.range[1])) callerVariables.add(variable);
              }
            }
          }
        }
        if (isCallerExpression(node, handler, callerVariables)) {
          const use = getCallerUse(node);
          if (use === 'check') {
            checks = true;
            return;
          }
          if (use === 'stamp') stampsCaller = true;
          else if (!isDeclarationInit(node)) readsCaller = true;
          // `req.user.role`: keep walking the members for role reads.
        }
        for (const key of Object.keys(node) as (keyof typeof node)[]) {
          if (key === 'parent') continue;
          const child = node[key] as unknown;
          if (Array.isArray(child)) {
            for (const item of child) if (isNode(item)) visit(item);
          } else if (isNode(child)) {
            visit(child);
          }
        }
      };
      visit(handler.body);
      const decoratedCaller = handler.params.some((param) => {
        const decorated = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
        return 'decorators' in decorated && decorated.decorators?.some(isCallerDecorator);
      });
      return { checks, readsCaller: readsCaller || decoratedCaller, stampsCaller };
    }

    /** `req`, `ctx.state`, `res.locals`: the handler's request or one of its caller containers. */
    function isRequestObject(node: TSESTree.Node, handler: FunctionNode): boolean {
      const path = getMemberPath(node);
      if (!path || path[0] === 'this' || path.length > 2 || (path.length === 2 && !CALLER_CONTAINERS.has(path[1]!))) return false;
      return getParameterFunction(rootIdentifier(node)) === handler;
    }

    function isPolicyCall(call: TSESTree.CallExpression, name: string): boolean {
      if (policyHelpers.has(name)) return true;
      const path = getCalleePath(call);
      // `ability.can(...)`, `this.caslAbilityFactory.createForUser(user)`, `policy.check(...)`
      if (path?.some((segment) => /^(?:ability|abilities|policy|policies|acl|rbac|casl|permissions?|guard|enforcer)$/i.test(segment))) return true;
      return looksLikeRoleCheckName(name);
    }

    /** The value is the caller or part of it: `req.user`, `await auth()`, `c.get('user')`, `session.user`. */
    function isCallerSource(node: TSESTree.Node, handler: FunctionNode, callerVariables: Set<TSESLint.Scope.Variable>): boolean {
      const value = unwrapExpression(node);
      if (isCallerExpression(value, handler, callerVariables)) return true;
      if (value.type === AST_NODE_TYPES.MemberExpression) return isCallerSource(value.object, handler, callerVariables);
      if (value.type === AST_NODE_TYPES.CallExpression) {
        const name = getCalleeName(value);
        if (name !== undefined && SESSION_CALLS.has(name)) return true;
        // `c.get('user')`, `c.get('jwtPayload')` (Hono), `ctx.get('user')`.
        // A bare `get('keywords')` (an imported function, not a context) is no caller read.
        const callee = unwrapExpression(value.callee);
        if (name === 'get' && value.arguments.length === 1 && callee.type === AST_NODE_TYPES.MemberExpression) {
          const key = getStaticKey(value.arguments[0]!);
          const receiver = getMemberPath(callee.object);
          if (key !== undefined && receiver?.length === 1 && CALLER_PROPERTIES.has(key) && getParameterFunction(rootIdentifier(value.callee)) === handler) return true;
        }
      }
      return false;
    }

    /**
     * Whether a node is (the start of) an expression naming the caller:
     * `req.user`, `req.session.userId`, `ctx.state.user`, `res.locals.user`,
     * `this.request.user`, or a local holding it. Only the outermost node of
     * a member chain counts once: `req.user` inside `req.user.id` is skipped.
     */
    function isCallerExpression(node: TSESTree.Node, handler: FunctionNode, callerVariables: Set<TSESLint.Scope.Variable>): boolean {
      if (node.type === AST_NODE_TYPES.Identifier) {
        if (node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.property === node && !node.parent.computed) return false;
        if (node.parent?.type === AST_NODE_TYPES.Property && node.parent.key === node && !node.parent.shorthand) return false;
        const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
        return variable !== null && callerVariables.has(variable) && !isDeclarationId(node);
      }
      if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
      const path = getMemberPath(node);
      if (!path || path.length < 2) return false;
      const last = path.at(-1)!;
      if (!CALLER_PROPERTIES.has(last)) return false;
      if (path[0] === 'this') return path.length === 3 && path[1] === 'request';
      const root = rootIdentifier(node);
      const fn = getParameterFunction(root);
      if (fn !== handler) return false;
      return path.length === 2 || (path.length === 3 && CALLER_CONTAINERS.has(path[1]!));
    }

    /** How a use of the caller serves: a check (comparison, filter, policy or service call), a stamp on a record, or a plain read. */
    function getCallerUse(start: TSESTree.Node): 'check' | 'stamp' | 'read' {
      const result = isCheckUse(start);
      return result === true ? 'check' : result === 'stamp' ? 'stamp' : 'read';
    }

    function isCheckUse(start: TSESTree.Node): boolean | 'stamp' {
      let node: TSESTree.Node = start;
      // Climb through member reads and conversions: `req.user._id.toString()`, `String(user.id)`.
      for (;;) {
        const parent: TSESTree.Node | undefined = node.parent;
        if (!parent) return false;
        if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
          const property = getMemberPropertyName(parent);
          if (property !== undefined && ROLE_PROPERTIES.has(property)) return true;
          if (property === 'equals' || property === 'includes' || property === 'some' || property === 'has' || property === 'every') {
            return parent.parent?.type === AST_NODE_TYPES.CallExpression;
          }
          node = parent;
          continue;
        }
        if (
          parent.type === AST_NODE_TYPES.ChainExpression || parent.type === AST_NODE_TYPES.TSAsExpression ||
          parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.AwaitExpression ||
          parent.type === AST_NODE_TYPES.TSSatisfiesExpression
        ) {
          node = parent;
          continue;
        }
        if (parent.type === AST_NODE_TYPES.LogicalExpression || (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== node)) {
          // `deletedBy: req.user?.id || null`
          node = parent;
          continue;
        }
        if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node) {
          // `req.user.id.toString()`
          node = parent;
          continue;
        }
        if (parent.type === AST_NODE_TYPES.CallExpression && ['String', 'Number', 'toString', 'ObjectId'].includes(getCalleeName(parent) ?? '')) {
          node = parent;
          continue;
        }
        break;
      }
      const parent = node.parent!;
      if (parent.type === AST_NODE_TYPES.BinaryExpression) {
        if (!['===', '!==', '==', '!='].includes(parent.operator)) return false;
        const other = parent.left === node ? parent.right : parent.left;
        return !isNullish(other);
      }
      if (parent.type === AST_NODE_TYPES.SwitchStatement) return true;
      // `order.user = req.user._id`: stamping a record.
      if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node && parent.left.type === AST_NODE_TYPES.MemberExpression) return 'stamp';
      if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) {
        return isCheckingCall(parent, node, []);
      }
      if (parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.ArrayExpression) {
        // Climb the object literal to the call it is an argument of, noting the keys on the way.
        const keys: string[] = [];
        let current: TSESTree.Node = node;
        while (current.parent && (current.parent.type === AST_NODE_TYPES.Property || current.parent.type === AST_NODE_TYPES.ObjectExpression || current.parent.type === AST_NODE_TYPES.ArrayExpression)) {
          if (current.parent.type === AST_NODE_TYPES.Property) {
            if (current.parent.value !== current) return false;
            keys.push(getPropertyKeyName(current.parent) ?? '');
          }
          current = current.parent;
        }
        const holder = current.parent;
        if (holder && (holder.type === AST_NODE_TYPES.CallExpression || holder.type === AST_NODE_TYPES.NewExpression) && holder.callee !== current) {
          return isCheckingCall(holder, current, keys) || (isStampCall(holder, keys) ? 'stamp' : false);
        }
        // `const filter = { _id: id, user: req.user._id }` built for a query later: treat as scoping.
        return holder?.type === AST_NODE_TYPES.VariableDeclarator;
      }
      return false;
    }

    /** An ORM write or log call that stores or records the caller: `create({ user })`, `update(id, { deletedBy })`. */
    function isStampCall(call: TSESTree.CallExpression | TSESTree.NewExpression, keys: string[]): boolean {
      if (call.type === AST_NODE_TYPES.NewExpression) return true;
      const name = getCalleeName(call) ?? '';
      return CREATE_METHODS.has(name) || /update|upsert|replace|insert/i.test(name) || keys.some((key) => /By(?:Id)?$|^(?:data|create|update|values|\$set)$/.test(key));
    }

    /** Whether passing the caller into this call checks access (a filter, a policy, a service) rather than storing, logging or answering. */
    function isCheckingCall(call: TSESTree.CallExpression | TSESTree.NewExpression, argument: TSESTree.Node, keys: string[]): boolean {
      const name = getCalleeName(call) ?? '';
      const path = getCalleePath(call) ?? [];
      if (call.type === AST_NODE_TYPES.NewExpression) return false;
      if (CREATE_METHODS.has(name)) return false;
      if (keys.some((key) => ['data', 'create', 'update', 'values', '$set', '$push', '$addToSet', '$pull', 'include', 'select', 'set'].includes(key))) return false;
      if (path[0] === 'console' || /^(?:log|logger|debug|info|warn|error|trace)$/i.test(path.at(-2) ?? '') || ['log', 'info', 'debug', 'warn', 'error', 'trace'].includes(name) && path.length > 1) return false;
      if (['json', 'send', 'render', 'status', 'redirect', 'sendStatus', 'end', 'write', 'header', 'cookie', 'emit', 'push', 'unshift', 'set', 'append'].includes(name)) return false;
      const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
      // `findByIdAndUpdate(id, { editor: user.id })`, `updateOne(filter, { $set: … })`: the second argument is the update.
      if (index >= 1 && (FILTER_THEN_UPDATE.has(name) || name === 'findByIdAndUpdate' || name === 'update' && !keys.includes('where'))) return false;
      if (index === 0 && name === 'update' && call.arguments.length >= 2 && !keys.includes('where')) {
        // Sequelize `Model.update(values, { where })`: the first argument is the payload.
        const second = call.arguments[1]!;
        if (second.type === AST_NODE_TYPES.ObjectExpression && second.properties.some((property) => property.type === AST_NODE_TYPES.Property && getPropertyKeyName(property) === 'where')) return false;
      }
      return true;
    }

    function isCallerDecorator(decorator: TSESTree.Decorator): boolean {
      const name = getDecoratorName(decorator);
      if (name === undefined || name === 'Param' || name === 'Body' || name === 'Query' || name === 'Req' || name === 'Request') return false;
      return splitIdentifierWords(name).some((word) => CALLER_DECORATOR_WORDS.has(word));
    }

    /** For a read lookup assigned to a local, the first write made through that record (`order.save()`), if any. */
    function getLoadedRecordWrite(call: TSESTree.CallExpression): RecordAction | undefined {
      let node: TSESTree.Node = call;
      while (node.parent && (node.parent.type === AST_NODE_TYPES.AwaitExpression || node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression || (node.parent.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node) || (node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node))) {
        node = node.parent;
      }
      const declarator = node.parent;
      if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node) return undefined;
      for (const variable of sourceCode.getDeclaredVariables(declarator)) {
        for (const reference of variable.references) {
          const identifier = reference.identifier;
          const member = identifier.parent;
          if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === identifier && member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member) {
            const method = getMemberPropertyName(member);
            if (method !== undefined && Object.hasOwn(INSTANCE_WRITE_METHODS, method)) return INSTANCE_WRITE_METHODS[method];
          }
          // `repository.remove(order)`, `repository.save(order)`.
          const parent = identifier.parent;
          if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === identifier) {
            const method = getCalleeName(parent);
            if (method === 'remove' || method === 'softRemove' || method === 'destroy') return 'delete';
            if (method === 'save') return 'change';
          }
        }
      }
      return undefined;
    }

    function isPublicModel(model: string): boolean {
      const words = splitIdentifierWords(model);
      while (words.length > 1 && MODEL_SUFFIXES.has(words.at(-1)!)) words.pop();
      const noun = words.at(-1);
      if (noun === undefined) return false;
      const singular = noun.endsWith('ies') ? `${noun.slice(0, -3)}y` : noun.endsWith('s') ? noun.slice(0, -1) : noun;
      return publicModels.has(noun) || publicModels.has(singular) || publicModels.has(model.toLowerCase());
    }

    /** `prisma.order`, `this.prisma.order`, `db.order`, `tx.order`, `ctx.prisma.order` → `order`. */
    function getPrismaModel(receiver: TSESTree.Node): string | undefined {
      if (receiver.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const model = getMemberPropertyName(receiver);
      if (model === undefined || !/^[a-z]/.test(model)) return undefined;
      const client = getMemberPath(receiver.object);
      if (!client) return undefined;
      const last = client.at(-1)!.toLowerCase();
      return client.some((segment) => segment.toLowerCase().includes('prisma')) || ['db', 'tx', 'client', 'database', 'trx', 'dbclient'].includes(last) ? model : undefined;
    }

    /** `this.ordersRepository` → `orders`, `getRepository(Order)` / `dataSource.getRepository(Order)` → `Order`. */
    function getRepositoryEntity(receiver: TSESTree.Node): string | undefined {
      if (receiver.type === AST_NODE_TYPES.CallExpression && getCalleeName(receiver) === 'getRepository') {
        const [entity] = receiver.arguments;
        return entity?.type === AST_NODE_TYPES.Identifier ? entity.name : undefined;
      }
      const path = getMemberPath(receiver);
      const last = path?.at(-1);
      if (last === undefined) return undefined;
      const match = /^(.+?)(?:Repository|Repo)$/.exec(last);
      if (!match) return undefined;
      // `ordersRepository` → `Order`
      const entity = match[1]!.replace(/([^s])s$/, '$1');
      return entity.charAt(0).toUpperCase() + entity.slice(1);
    }

    /** `Order`, `OrderModel`, `db.Order`, `models.Order`, `this.orderModel` → the model's name. */
    function getModelName(receiver: TSESTree.Node): string | undefined {
      const path = getMemberPath(receiver);
      const last = path?.at(-1);
      if (!path || last === undefined) return undefined;
      const words = splitIdentifierWords(last);
      if (words.some((word) => NON_MODEL_SUFFIXES.has(word))) return undefined;
      if (path.length === 1 || (path.length === 2 && ['db', 'models', 'model', 'sequelize'].includes(path[0]!))) {
        return /^[A-Z][A-Za-z0-9]*$/.test(last) && last !== last.toUpperCase() ? last : undefined;
      }
      // `this.orderModel` (Nest @InjectModel).
      if (path[0] === 'this' && path.length === 2 && /Model$/.test(last)) return last.replace(/Model$/, '').replace(/^./, (c) => c.toUpperCase());
      return undefined;
    }

    function normalizeModel(model: string): string {
      return model.toLowerCase().replace(/(?:model|repository|repo)$/, '').replace(/s$/, '');
    }
  },
});

/** `id`, `_id`, `uuid`, `orderId`, `order_id`, `postID` — keys that pick one record. */
function isIdKey(key: string): boolean {
  return key === 'id' || key === '_id' || key === 'uuid' || /[a-z0-9](?:Id|ID|_id|Uuid)$/.test(key);
}

/** How the handler uses the caller. */
interface CallerUse {
  checks: boolean;
  readsCaller: boolean;
  stampsCaller: boolean;
}

/** `const userId = req.user.id`: binding the caller to a local is no use of it by itself. */
function isDeclarationInit(node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  while (current.parent && (current.parent.type === AST_NODE_TYPES.MemberExpression || current.parent.type === AST_NODE_TYPES.ChainExpression || current.parent.type === AST_NODE_TYPES.TSAsExpression || current.parent.type === AST_NODE_TYPES.AwaitExpression)) {
    current = current.parent;
  }
  return current.parent?.type === AST_NODE_TYPES.VariableDeclarator && current.parent.init === current;
}

function isNullish(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return (value.type === AST_NODE_TYPES.Literal && value.value === null) || (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') ||
    (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'typeof') || value.type === AST_NODE_TYPES.Literal && typeof value.value === 'boolean';
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function isDeclarationId(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === node) return true;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === node && parent.parent?.type === AST_NODE_TYPES.ObjectPattern) return true;
  return false;
}

/** The identifier at the root of a member chain (`req` in `req.params.id`). */
function rootIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
  return current.type === AST_NODE_TYPES.Identifier ? current : undefined;
}

/** The value of a static-keyed property of an object literal. */
function getPropertyValue(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && getPropertyKeyName(property) === name) return property.value;
  }
  return undefined;
}

/** The function parameter (with its decorators) that a declared name belongs to. */
function getTopParameter(name: TSESTree.Node): TSESTree.Parameter | undefined {
  let current: TSESTree.Node = name;
  while (current.parent && !isFunctionNode(current.parent) && current.parent.type !== AST_NODE_TYPES.TSParameterProperty) current = current.parent;
  if (current.parent?.type === AST_NODE_TYPES.TSParameterProperty) return current.parent;
  return current.parent && isFunctionNode(current.parent) ? (current as TSESTree.Parameter) : undefined;
}

/** Nest `@Param()`, `@Body()`, `@Query()` on a parameter. */
function hasClientDecorator(param: TSESTree.Parameter): boolean {
  const decorated = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  return 'decorators' in decorated && (decorated.decorators ?? []).some((decorator) => ['Param', 'Body', 'Query'].includes(getDecoratorName(decorator) ?? ''));
}

/** Nest `@Body()` on a parameter. */
function hasBodyDecorator(param: TSESTree.Parameter): boolean {
  const decorated = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  return 'decorators' in decorated && (decorated.decorators ?? []).some((decorator) => getDecoratorName(decorator) === 'Body');
}

/** `@Param('id')` → `id`. */
function getDecoratorArgument(param: TSESTree.Parameter): string | undefined {
  const decorated = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  if (!('decorators' in decorated)) return undefined;
  for (const decorator of decorated.decorators ?? []) {
    if (!['Param', 'Body', 'Query'].includes(getDecoratorName(decorator) ?? '')) continue;
    const expression = decorator.expression;
    if (expression.type === AST_NODE_TYPES.CallExpression && expression.arguments[0]) return getStaticKey(expression.arguments[0]);
  }
  return undefined;
}

/** The key a destructured name was read from: `const { id: orderId } = …` → `id`. */
function getPatternKey(pattern: TSESTree.Node, name: TSESTree.Identifier): string | undefined {
  const parent = name.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === name && parent.parent === pattern) return getPropertyKeyName(parent);
  if (parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.parent?.type === AST_NODE_TYPES.Property && parent.parent.parent === pattern) {
    return getPropertyKeyName(parent.parent);
  }
  return undefined;
}

/** Whether a destructured parameter name sits under one of `containers`: `({ params: { id } })`. */
function isPatternUnder(name: TSESTree.Node, containers: ReadonlySet<string>): boolean {
  for (let current: TSESTree.Node | undefined = name.parent; current && !isFunctionNode(current); current = current.parent) {
    if (current.type === AST_NODE_TYPES.Property && containers.has(getPropertyKeyName(current) ?? '')) return true;
  }
  return false;
}

function isTransparentParent(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSNonNullExpression || node.type === AST_NODE_TYPES.ChainExpression;
}

/** A use of a value that only asks whether it is there: a test, its negation, a comparison with null. */
function isConditionUse(identifier: TSESTree.Node): boolean {
  let node: TSESTree.Node = identifier;
  while (node.parent?.type === AST_NODE_TYPES.UnaryExpression && node.parent.operator === '!') node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.WhileStatement:
      return parent.test === node;
    case AST_NODE_TYPES.LogicalExpression:
      return isConditionUse(parent);
    case AST_NODE_TYPES.BinaryExpression:
      return ['===', '!==', '==', '!='].includes(parent.operator) && [parent.left, parent.right].some(isNullish);
    case AST_NODE_TYPES.CallExpression:
      return parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'Boolean';
    default:
      // `!clash` anywhere is a boolean.
      return node !== identifier;
  }
}
