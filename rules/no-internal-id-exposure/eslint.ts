import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  DEFAULT_INTERNAL_FIELDS,
  MONGOOSE_RECORD_METHODS,
  ROLE_CHECK_NAMES,
  PRISMA_RECORD_METHODS,
  SEQUELIZE_RECORD_METHODS,
  TYPEORM_RECORD_METHODS,
  splitIdentifierWords,
} from '@redline/core';
import {
  findProperty,
  getEnclosingFunction,
  getMemberPath,
  getMemberPropertyName,
  getPropertyKeyName,
  getStaticKey,
  isFunctionNode,
  unwrapExpression,
} from '../utils/ast.js';
import { createRule } from '../utils/create-rule.js';
import { findNode } from '../utils/walk.js';
import {
  getArrowBodyResponsePayload,
  getAssignmentResponsePayload,
  getCallResponsePayload,
  getDecoratorName,
  getReturnResponsePayload,
  mayHaveResponseSink,
  type ResponsePayload,
} from '../utils/response-sinks.js';
import { getRedlineSettings } from '../utils/settings.js';

type Options = [{ internalFields?: string[]; reportMongoId?: boolean }];
type MessageIds = 'mongoIdKey' | 'mongoIdSelected' | 'internalField' | 'internalFieldSelected' | 'autoIncrementId';

/** Methods that hand back records of the model or repository they are called on. */
const RECORD_METHODS: ReadonlySet<string> = new Set([
  ...PRISMA_RECORD_METHODS, ...TYPEORM_RECORD_METHODS, ...MONGOOSE_RECORD_METHODS, ...SEQUELIZE_RECORD_METHODS,
]);

/** Query-builder links that keep the projection of the query they are called on. */
const QUERY_CHAIN_METHODS: ReadonlySet<string> = new Set([
  'lean', 'exec', 'populate', 'sort', 'limit', 'skip', 'where', 'orderBy', 'first', 'from', 'returning',
  'toArray', 'orFail', 'session', 'hint', 'collation',
]);

/** Instance methods that resolve to the same record (`await user.save()`). */
const SELF_RETURNING_METHODS: ReadonlySet<string> = new Set(['save', 'reload', 'update', 'increment', 'decrement']);

/** Wrappers that pass a value through as text or number: `String(x.id)`, `x.id.toString()`. */
const CONVERSION_FUNCTIONS: ReadonlySet<string> = new Set(['String', 'Number', 'BigInt']);
const CONVERSION_METHODS: ReadonlySet<string> = new Set(['toString', 'toHexString', 'valueOf']);

/** TypeORM primary key strategies that produce sequential numbers (the default is `increment`). */
const SEQUENTIAL_STRATEGIES: ReadonlySet<string> = new Set(['increment', 'identity', 'rowid']);

/** Array methods whose callback builds the elements of the result. */
const MAPPING_METHODS: ReadonlySet<string> = new Set(['map', 'flatMap']);
/** Array methods whose callback receives the elements of the array (for binding the callback's parameter). */
const ELEMENT_CALLBACK_METHODS: ReadonlySet<string> = new Set(['map', 'flatMap', 'forEach', 'filter', 'find', 'some', 'every']);

/** Mongoose model methods whose second argument is a projection. */
const MONGOOSE_PROJECTION_METHODS: ReadonlySet<string> = new Set(['find', 'findOne', 'findById']);

/** Words of a route path, controller path or file path that mark a back-office surface. */
const STAFF_WORDS: ReadonlySet<string> = new Set(['admin', 'admins', 'staff', 'backoffice', 'internal', 'superadmin']);
/** The same for file paths, where `internal/` usually means a private module rather than a back office. */
const STAFF_FILE_WORDS: ReadonlySet<string> = new Set(['admin', 'admins', 'staff', 'backoffice', 'superadmin']);

/** Words of middleware and guard names that check a role (`admin`, `isAdmin`, `RolesGuard`, `requirePermission`). */
const ROLE_WORDS: ReadonlySet<string> = new Set(['admin', 'role', 'roles', 'permission', 'permissions', 'staff', 'superadmin']);

const HTTP_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'route', 'use']);

/** Methods whose call can send a response body (`res.json`, `reply.send`, `c.json`, `NextResponse.json`). */
const SINK_METHODS: ReadonlySet<string> = new Set(['json', 'send', 'jsonp']);

const DEFAULT_ROLE_CHECKS: ReadonlySet<string> = new Set(ROLE_CHECK_NAMES);
/** Field names repeat (`id`, `email`, `user`): their keys are computed once. */
const fieldKeys = new Map<string, string>();
const FIELD_KEY_CACHE_LIMIT = 20_000;

const DEFAULT_INTERNAL_FIELD_KEYS: readonly string[] = DEFAULT_INTERNAL_FIELDS.map((name) => toFieldKey(name));
const internalFieldKeyCache = new Map<string, ReadonlySet<string>>();

/** The word keys of the default internal fields plus a team's own, computed once per distinct list. */
function getInternalFieldKeys(extra: readonly string[]): ReadonlySet<string> {
  const cacheKey = extra.join('\0');
  let keys = internalFieldKeyCache.get(cacheKey);
  if (!keys) {
    keys = new Set([...DEFAULT_INTERNAL_FIELD_KEYS, ...extra.map((name) => toFieldKey(name))]);
    internalFieldKeyCache.set(cacheKey, keys);
  }
  return keys;
}

const MAX_DEPTH = 8;

/** Response keys that hand a client its credential at login or sign-up. */
const TOKEN_RESPONSE_KEYS: ReadonlySet<string> = new Set(['token', 'accessToken', 'access_token', 'jwt', 'idToken', 'authToken']);
/** Words of a call that makes a credential (`createJwt`, `generateAuthToken`, `getSignedJwtToken`, `issueToken`, `signAsync`). */
const TOKEN_WORDS: ReadonlySet<string> = new Set(['token', 'tokens', 'jwt']);
const ISSUING_WORDS: ReadonlySet<string> = new Set(['create', 'generate', 'sign', 'signed', 'issue', 'make', 'mint', 'new', 'build']);

/**
 * A call whose name says it creates or signs a token: `user.createJwt()`,
 * `generateToken(id)`, `this.authService.getSignedJwtToken(user)`, `issueToken()`,
 * and `sign`/`signAsync` on a JWT module or service (`jwt.sign`, `this.jwtService.signAsync`).
 * Not `getToken`, `verifyToken` or `decodeJwt`, which read one.
 */
function isTokenIssuingCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(callee) : undefined;
  if (name === undefined) return false;
  const words = splitIdentifierWords(name);
  if (words.some((word) => TOKEN_WORDS.has(word)) && words.some((word) => ISSUING_WORDS.has(word))) return true;
  const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? getMemberPath(callee.object)?.at(-1) : undefined;
  return (name === 'sign' || name === 'signAsync') && receiver !== undefined && splitIdentifierWords(receiver).includes('jwt');
}

/**
 * A file that looks documents up by the Mongo id in the URL (`findById(req.params.id)`, `{ _id: req.params.leadId }`,
 * `new ObjectId(req.params.id)`) takes `_id` as the API's public id: sending it back is the contract, not a leak.
 */
const MONGO_ID_FROM_URL =
  /\bfindById\w*\(\s*(?:req|request|ctx)\.params\b|\b_id\s*:\s*(?:new\s+)?(?:[\w.]*ObjectId\(\s*)?(?:req|request|ctx)\.params\b|\bObjectId\(\s*(?:req|request|ctx)\.params\b/;

/** `const id = req.params.id`, `const { id } = req.params`: the URL's ids under local names. */
const URL_ID_ALIAS = /\b(?:const|let|var)\s+(?:(\w+)\s*=\s*(?:req|request|ctx)\.params\.\w+|\{([^{}]*)\}\s*=\s*(?:req|request|ctx)\.params\b)/g;

/** Whether the file looks documents up by the Mongo id in the URL, directly or through a local name (`{ _id: id, teamId }`). */
function looksUpByUrlId(text: string): boolean {
  if (MONGO_ID_FROM_URL.test(text)) return true;
  for (const match of text.matchAll(URL_ID_ALIAS)) {
    const names = match[1] ? [match[1]] : (match[2] ?? '').split(',').map((part) => part.split(':').at(-1)!.split('=')[0]!.trim());
    for (const name of names.filter((candidate) => /^\w+$/.test(candidate))) {
      if (new RegExp(`\\b_id\\s*:\\s*(?:new\\s+)?(?:[\\w.]*ObjectId\\(\\s*)?${name}\\b|\\bfindById\\w*\\(\\s*${name}\\b`).test(text)) return true;
    }
  }
  return false;
}

export default createRule<Options, MessageIds>({
  name: 'no-internal-id-exposure',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending Mongo `_id` keys, internal fields and autoincrement primary keys in responses',
      category: 'internal-id-exposure',
      cwe: ['CWE-200', 'CWE-639'],
      recommended: 'recommended',
      severity: 'warning',
      requiresTypeChecking: false,
    },
    messages: {
      mongoIdKey:
        'The response sent by `{{sink}}` has an `_id` key: the database document key goes to clients as it is stored, which ties every client to the storage layer and hands out the key all queries accept. Expose an id the API owns (`id`, a slug or a public id) and leave `_id` out.',
      mongoIdSelected:
        'The query whose result is sent by `{{sink}}` explicitly selects `_id`, so the database document key goes to clients as it is stored. Select `-_id` and expose an id the API owns (`id`, a slug or a public id) instead.',
      internalField:
        '`{{field}}` is an internal field and is sent to clients by `{{sink}}`; it is meant for the server only (billing, support, cross-system references). Leave it out of the response, or map the record to a response shape without it.',
      internalFieldSelected:
        'The query whose result is sent by `{{sink}}` explicitly selects the internal field `{{field}}`, which is meant for the server only. Remove it from the projection, or map the record to a response shape without it.',
      autoIncrementId:
        '`{{expression}}` is the autoincrement primary key of `{{entity}}` and is sent to clients by `{{sink}}`: sequential ids let anyone count the records and guess valid ids of other users\' data. Expose a random public id (a UUID column) instead.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          internalFields: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Field names that are internal and must never reach a response; added to the defaults (internalId, internalNotes, stripeCustomerId, …) and to `settings.redline.internalFields`.',
          },
          reportMongoId: {
            type: 'boolean',
            description: 'Report `_id` keys in responses and projections that select `_id`; turn off when the API deliberately uses Mongo ids under `_id`.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ internalFields: [], reportMongoId: true }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // Only what a response carries is checked: a file that sends nothing has nothing to expose.
    if (!mayHaveResponseSink(sourceCode)) return {};
    const settings = getRedlineSettings(context);
    const internalFieldKeys = getInternalFieldKeys([...(settings.internalFields ?? []), ...(options.internalFields ?? [])]);
    const reportMongoId = options.reportMongoId !== false && sourceCode.text.includes('_id') && !looksUpByUrlId(sourceCode.text);
    const roleCheckNames = settings.roleChecks?.length ? new Set([...ROLE_CHECK_NAMES, ...settings.roleChecks]) : DEFAULT_ROLE_CHECKS;
    // Internal fields are internal to the company, not to the server: a back-office route shows them to staff.
    // Decided when a payload first carries an internal field name: most never do.
    let isStaffFile: boolean | undefined;
    const getIsStaffFile = (): boolean => (isStaffFile ??= context.filename.split(/[\\/]/).some((segment) => splitIdentifierWords(segment).some((word) => STAFF_FILE_WORDS.has(word))));
    /** Files whose router or app is put behind a role check as a whole (`router.use(requireAdmin)`). */
    let hasRouterRoleCheck = false;

    /** Entities declared in this file with a sequential primary key: entity name → primary key fields. */
    const sequentialKeys = new Map<string, Set<string>>();
    const payloads: ResponsePayload[] = [];
    const modelCalls: TSESTree.CallExpression[] = [];
    const reported = new Set<string>();
    /** Whether a function's `return` sends the response (NestJS route, Fastify handler), decided once per function. */
    const returnSinks = new Map<TSESTree.Node, boolean>();
    let importsSequelize = false;

    return {
      ImportDeclaration(node) {
        if (isSequelizeModule(node.source.value)) importsSequelize = true;
      },
      CallExpression(node) {
        // Most calls are none of these: dispatch on the callee's shape before any deeper look.
        const callee = node.callee;
        if (callee.type === AST_NODE_TYPES.Identifier) {
          if (callee.name === 'require' && isRequireOf(node)) importsSequelize = true;
          return;
        }
        if (callee.type !== AST_NODE_TYPES.MemberExpression || node.arguments.length === 0) return;
        const method = getMemberPropertyName(callee);
        if (method === 'define' || method === 'init') {
          if (isModelDefinitionCall(node)) modelCalls.push(node);
        } else if (method === 'use') {
          if (isRouterWideRoleCheck(node)) hasRouterRoleCheck = true;
        } else if (method !== undefined && SINK_METHODS.has(method)) {
          const payload = getCallResponsePayload(node);
          if (payload) payloads.push(payload);
        }
      },
      NewExpression(node) {
        if (node.callee.type !== AST_NODE_TYPES.Identifier || !node.callee.name.endsWith('Response')) return;
        const payload = getCallResponsePayload(node);
        if (payload) payloads.push(payload);
      },
      AssignmentExpression(node) {
        const payload = getAssignmentResponsePayload(node);
        if (payload) payloads.push(payload);
      },
      ReturnStatement(node) {
        if (!node.argument) return;
        const fn = getEnclosingFunction(node);
        if (!fn || returnSinks.get(fn) === false) return;
        const payload = getReturnResponsePayload(node);
        returnSinks.set(fn, payload !== undefined);
        if (payload) payloads.push(payload);
      },
      ArrowFunctionExpression(node) {
        if (node.body.type === AST_NODE_TYPES.BlockStatement || !node.parent || node.parent.type === AST_NODE_TYPES.VariableDeclarator) return;
        const payload = getArrowBodyResponsePayload(node);
        if (payload) payloads.push(payload);
      },
      ClassDeclaration(node) {
        collectClassEntity(node);
      },
      VariableDeclarator(node) {
        if (node.init?.type === AST_NODE_TYPES.CallExpression && node.init.callee.type === AST_NODE_TYPES.Identifier && DRIZZLE_TABLE_FUNCTIONS.has(node.init.callee.name)) {
          collectDrizzleTable(node);
        }
      },
      // Entities may be declared below the handlers that use them, so the
      // payloads are judged once the whole file has been seen.
      'Program:exit'() {
        for (const call of modelCalls) collectSequelizeModel(call);
        for (const payload of payloads) {
          let reportInternalFields: boolean | undefined;
          const reportsInternalFields = (): boolean => (reportInternalFields ??= !getIsStaffFile() && !hasRouterRoleCheck && !isStaffRoute(payload.sink));
          inspect(payload.payload, payload.payload, { name: describeSink(payload.sink), reportsInternalFields }, new Set(), 0);
        }
      },
    };

    /**
     * Walks what a response carries: object and array literals (also through a
     * local variable, a ternary or a `.map` callback), member reads in value
     * positions, and the projection of a query whose result is sent.
     */
    function inspect(node: TSESTree.Node, reportAt: TSESTree.Node, sink: Sink, seen: Set<TSESTree.Node>, depth: number): void {
      const expression = unwrapExpression(node);
      if (depth > MAX_DEPTH || seen.has(expression)) return;
      seen.add(expression);
      switch (expression.type) {
        case AST_NODE_TYPES.ObjectExpression:
          for (const property of expression.properties) {
            if (property.type === AST_NODE_TYPES.SpreadElement) {
              inspect(property.argument, property.argument, sink, seen, depth + 1);
            } else {
              inspectProperty(property, sink, seen, depth);
            }
          }
          return;
        case AST_NODE_TYPES.ArrayExpression:
          for (const element of expression.elements) {
            if (element) inspect(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, element, sink, seen, depth + 1);
          }
          return;
        case AST_NODE_TYPES.ConditionalExpression:
          inspect(expression.consequent, expression.consequent, sink, seen, depth + 1);
          inspect(expression.alternate, expression.alternate, sink, seen, depth + 1);
          return;
        case AST_NODE_TYPES.LogicalExpression:
          inspect(expression.left, expression.left, sink, seen, depth + 1);
          inspect(expression.right, expression.right, sink, seen, depth + 1);
          return;
        case AST_NODE_TYPES.MemberExpression:
          inspectValueRead(expression, reportAt, sink);
          return;
        case AST_NODE_TYPES.Identifier: {
          inspectDestructuredKey(expression, reportAt, sink);
          const init = getSingleInit(expression);
          if (init) inspect(init, reportAt, sink, seen, depth + 1);
          const query = getDestructuredQuery(expression);
          if (query) inspectProjection(query, reportAt, sink);
          return;
        }
        case AST_NODE_TYPES.CallExpression:
          inspectCall(expression, reportAt, sink, seen, depth);
          return;
        default:
          return;
      }
    }

    /**
     * `_id: user._id` where the same handler issues the caller's token or
     * session for `user` (`generateToken(user._id)`, `jwt.sign({ id: user._id })`,
     * `await user.createJwt()`, `authService.signToken(user)`), or where the
     * response carries a token just issued next to it (`{ token, user: { _id } }`):
     * the client is told its own id at sign-up or login, which exposes no one else.
     */
    function isCallerOwnRecordId(property: TSESTree.Property): boolean {
      const expression = unwrapExpression(property.value);
      if (expression.type !== AST_NODE_TYPES.MemberExpression || expression.object.type !== AST_NODE_TYPES.Identifier) return false;
      const fn = getEnclosingFunction(expression);
      if (!fn) return false;
      const record = expression.object.name;
      const issuesCredential = new RegExp(`\\b\\w*(?:[Tt]oken|[Cc]ookie|[Ss]ession|[Jj]wt|sign|[Ll]ogin)\\w*\\s*\\([^)]*\\b${record}\\b`);
      if (issuesCredential.test(sourceCode.getText(fn))) return true;
      // `await user.createJwt()`, `this.auth.generateToken(user)`: a token issued on the record or given it.
      const issuedForRecord = findNode(fn.body, (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression || !isTokenIssuingCall(node)) return false;
        const callee = unwrapExpression(node.callee);
        const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : undefined;
        if (receiver?.type === AST_NODE_TYPES.Identifier && receiver.name === record) return true;
        return node.arguments.some((argument) => findNode(argument, (inner) => inner.type === AST_NODE_TYPES.Identifier && inner.name === record) !== undefined);
      });
      return issuedForRecord !== undefined || isNextToIssuedToken(property);
    }

    /**
     * `{ project_id: project._id, owner: { _id: user._id } }`: the same response sends a document's
     * `_id` under a name of the API's own, so Mongo ids are the API's public ids, `_id` key or not.
     */
    function sendsMongoIdAsPublicId(property: TSESTree.Property): boolean {
      let root: TSESTree.Node = property.parent;
      while (root.parent?.type === AST_NODE_TYPES.Property && root.parent.parent.type === AST_NODE_TYPES.ObjectExpression) root = root.parent.parent;
      return findNode(root, (node) => {
        if (node.type !== AST_NODE_TYPES.Property || getPropertyKeyName(node) === '_id') return false;
        const value = unwrapExpression(node.value);
        return value.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(value) === '_id';
      }) !== undefined;
    }

    /**
     * `{ token, user: { _id: user._id } }` or `{ accessToken, _id: user._id }`,
     * where the token key holds a token issued here: a login or sign-up answer.
     */
    function isNextToIssuedToken(property: TSESTree.Property): boolean {
      const object = property.parent;
      if (object.type !== AST_NODE_TYPES.ObjectExpression) return false;
      const holder = object.parent;
      const outer = holder?.type === AST_NODE_TYPES.Property && holder.value === object && holder.parent.type === AST_NODE_TYPES.ObjectExpression ? holder.parent : undefined;
      return [object, outer].some((candidate) =>
        candidate?.properties.some((sibling) => {
          if (sibling.type !== AST_NODE_TYPES.Property) return false;
          const key = getPropertyKeyName(sibling);
          return key !== undefined && TOKEN_RESPONSE_KEYS.has(key) && isIssuedToken(sibling.value);
        }),
      );
    }

    /** A value that comes from a token-issuing call: the call itself or a `const` set to it. */
    function isIssuedToken(node: TSESTree.Node): boolean {
      let value = unwrapExpression(node);
      if (value.type === AST_NODE_TYPES.Identifier) {
        const init = getSingleInit(value);
        if (!init) return false;
        value = unwrapExpression(init);
      }
      return value.type === AST_NODE_TYPES.CallExpression && isTokenIssuingCall(value);
    }

    function inspectProperty(property: TSESTree.Property, sink: Sink, seen: Set<TSESTree.Node>, depth: number): void {
      const key = getPropertyKeyName(property);
      // `{ _id: undefined }` sends nothing; `{ _id: req.params.id }` echoes what the client sent.
      if (key !== undefined && !isEmptyValue(property.value) && !isRequestInput(property.value)) {
        if (key === '_id') {
          if (reportMongoId && isDocumentIdValue(property.value, 0) && !isCallerOwnRecordId(property) && !sendsMongoIdAsPublicId(property)) {
            report(property, 'mongoIdKey', { sink: sink.name });
          }
          return;
        }
        if (isInternalField(key, sink)) {
          report(property, 'internalField', { field: key, sink: sink.name });
          return;
        }
      }
      inspect(property.value, property.value, sink, seen, depth + 1);
    }

    /**
     * Whether the value under an `_id` key is a document's id: `user._id`,
     * `user.id`, `String(doc._id)`, `result.insertedId`, a destructured `_id`.
     * `{ _id: stage, count }` mirrors an aggregation group whose key is not an
     * id, and `{ _id: g._id }` over `.aggregate(…)` output is a group key too.
     */
    function isDocumentIdValue(node: TSESTree.Node, depth: number): boolean {
      const value = unwrapExpression(node);
      if (depth > 3) return false;
      if (value.type === AST_NODE_TYPES.MemberExpression) {
        const name = getMemberPropertyName(value);
        return (name === '_id' || name === 'id' || name === 'insertedId') && !isAggregateOutput(value.object, 0);
      }
      if (value.type === AST_NODE_TYPES.CallExpression) {
        const callee = unwrapExpression(value.callee);
        const [first] = value.arguments;
        if (callee.type === AST_NODE_TYPES.Identifier && CONVERSION_FUNCTIONS.has(callee.name) && first) return isDocumentIdValue(first, depth + 1);
        if (callee.type === AST_NODE_TYPES.MemberExpression && CONVERSION_METHODS.has(getMemberPropertyName(callee) ?? '')) {
          return isDocumentIdValue(callee.object, depth + 1);
        }
        return false;
      }
      if (value.type === AST_NODE_TYPES.Identifier) {
        const definition = resolveVariable(value)?.defs[0];
        if (definition?.type === 'Variable' && definition.node.id.type === AST_NODE_TYPES.ObjectPattern) {
          // const { _id, name } = user
          const property = definition.node.id.properties.find(
            (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && candidate.value === definition.name,
          );
          return property !== undefined && getPropertyKeyName(property) === '_id' && !isAggregateOutput(definition.node.init ?? property, 0);
        }
        const init = getSingleInit(value);
        return init !== undefined && isDocumentIdValue(init, depth + 1);
      }
      return false;
    }

    /** Whether an expression holds the output of a Mongo aggregation (`Model.aggregate([...])`), directly or as a `.map` element. */
    function isAggregateOutput(node: TSESTree.Node, depth: number): boolean {
      if (depth > MAX_DEPTH) return false;
      const expression = unwrapExpression(node);
      if (expression.type === AST_NODE_TYPES.CallExpression) {
        for (let current: TSESTree.Node = expression; current.type === AST_NODE_TYPES.CallExpression; ) {
          const callee: TSESTree.Node = unwrapExpression(current.callee);
          if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
          if (getMemberPropertyName(callee) === 'aggregate') return true;
          current = unwrapExpression(callee.object);
        }
        return false;
      }
      if (expression.type === AST_NODE_TYPES.MemberExpression) return isAggregateOutput(expression.object, depth + 1);
      if (expression.type !== AST_NODE_TYPES.Identifier) return false;
      const definition = resolveVariable(expression)?.defs[0];
      if (definition?.type === 'Variable') return definition.node.init ? isAggregateOutput(definition.node.init, depth + 1) : false;
      if (definition?.type === 'Parameter') {
        const fn = definition.node;
        const call = fn.parent;
        return (
          isFunctionNode(fn) &&
          call?.type === AST_NODE_TYPES.CallExpression &&
          call.arguments[0] === fn &&
          call.callee.type === AST_NODE_TYPES.MemberExpression &&
          ELEMENT_CALLBACK_METHODS.has(getMemberPropertyName(call.callee) ?? '') &&
          isAggregateOutput(call.callee.object, depth + 1)
        );
      }
      return false;
    }

    /** `order.internalNotes` or `order.id` (sequential key) read into a response, under any key. */
    function inspectValueRead(member: TSESTree.MemberExpression, reportAt: TSESTree.Node, sink: Sink): void {
      const field = getMemberPropertyName(member);
      if (field === undefined || isRequestInput(member)) return;
      if (isInternalField(field, sink)) {
        report(reportAt, 'internalField', { field, sink: sink.name });
        return;
      }
      const entity = getEntityOf(member.object, 0);
      if (entity && sequentialKeys.get(entity)?.has(field)) {
        report(reportAt, 'autoIncrementId', { expression: sourceCode.getText(member), entity, sink: sink.name });
      }
    }

    /** The query behind `const [user] = await knex(…).select(…)` or `const { data } = await supabase.from(…).select(…)`. */
    function getDestructuredQuery(identifier: TSESTree.Identifier): TSESTree.CallExpression | undefined {
      const definition = resolveVariable(identifier)?.defs[0];
      if (definition?.type !== 'Variable' || !definition.node.init) return undefined;
      const pattern = definition.node.id;
      const init = unwrapExpression(definition.node.init);
      if (init.type !== AST_NODE_TYPES.CallExpression) return undefined;
      if (pattern.type === AST_NODE_TYPES.ArrayPattern && pattern.elements[0] === definition.name) return init;
      if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
        const property = pattern.properties.find(
          (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && candidate.value === definition.name,
        );
        if (property && getPropertyKeyName(property) === 'data') return init;
      }
      return undefined;
    }

    /** `const { id } = order; res.json({ id })` where `id` is `Order`'s sequential key. */
    function inspectDestructuredKey(identifier: TSESTree.Identifier, reportAt: TSESTree.Node, sink: Sink): void {
      const definition = resolveVariable(identifier)?.defs[0];
      if (definition?.type !== 'Variable' || definition.node.id.type !== AST_NODE_TYPES.ObjectPattern || !definition.node.init) return;
      const property = definition.node.id.properties.find(
        (candidate): candidate is TSESTree.Property =>
          candidate.type === AST_NODE_TYPES.Property && candidate.value === definition.name,
      );
      const field = property && getPropertyKeyName(property);
      if (field === undefined || isRequestInput(definition.node.init)) return;
      if (isInternalField(field, sink)) {
        report(reportAt, 'internalField', { field, sink: sink.name });
        return;
      }
      const entity = getEntityOf(definition.node.init, 0);
      if (entity && sequentialKeys.get(entity)?.has(field)) {
        report(reportAt, 'autoIncrementId', { expression: field, entity, sink: sink.name });
      }
    }

    function inspectCall(call: TSESTree.CallExpression, reportAt: TSESTree.Node, sink: Sink, seen: Set<TSESTree.Node>, depth: number): void {
      const callee = unwrapExpression(call.callee);
      const [first] = call.arguments;
      // String(order.id), Number(order.id)
      if (callee.type === AST_NODE_TYPES.Identifier && CONVERSION_FUNCTIONS.has(callee.name) && first) {
        const value = unwrapExpression(first);
        if (value.type === AST_NODE_TYPES.MemberExpression) inspectValueRead(value, reportAt, sink);
        return;
      }
      // toUserResponse(user): a mapper declared in this file is read, not trusted blindly.
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const fn = getLocalFunction(callee);
        if (fn) for (const returned of getReturnedExpressions(fn)) inspect(returned, returned, sink, seen, depth + 1);
        return;
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = getMemberPropertyName(callee);
      if (method === undefined) return;
      // JSON.stringify({ … }) inside res.send / res.end
      if (method === 'stringify' && getMemberPath(callee)?.join('.') === 'JSON.stringify' && first) {
        inspect(first, first, sink, seen, depth + 1);
        return;
      }
      // order.id.toString()
      if (CONVERSION_METHODS.has(method) && call.arguments.length === 0) {
        const value = unwrapExpression(callee.object);
        if (value.type === AST_NODE_TYPES.MemberExpression) inspectValueRead(value, reportAt, sink);
        return;
      }
      // users.map((u) => ({ _id: u._id, … })), users.map(toUserResponse)
      const mapper = first && (isFunctionNode(first) ? first : first.type === AST_NODE_TYPES.Identifier ? getLocalFunction(first) : undefined);
      if (MAPPING_METHODS.has(method) && mapper) {
        for (const returned of getReturnedExpressions(mapper)) inspect(returned, returned, sink, seen, depth + 1);
        return;
      }
      inspectProjection(call, reportAt, sink);
    }

    /**
     * The fields a query explicitly selects, when its result is what the
     * response sends: Mongoose `.select('…')` and projections, Prisma and
     * TypeORM `select`, Sequelize `attributes`, knex `.select(…)`.
     */
    function inspectProjection(call: TSESTree.CallExpression, reportAt: TSESTree.Node, sink: Sink): void {
      for (const field of getSelectedFields(call)) {
        if (field === '_id') {
          if (reportMongoId) report(reportAt, 'mongoIdSelected', { sink: sink.name });
        } else if (isInternalField(field, sink)) {
          report(reportAt, 'internalFieldSelected', { field, sink: sink.name });
        }
      }
    }

    function getSelectedFields(call: TSESTree.CallExpression): string[] {
      const fields: string[] = [];
      let current: TSESTree.Node = call;
      for (let steps = 0; steps < 12; steps++) {
        current = unwrapExpression(current);
        if (current.type !== AST_NODE_TYPES.CallExpression) return fields;
        const callee = unwrapExpression(current.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return fields;
        const method = getMemberPropertyName(callee);
        if (method === 'select' || method === 'project') {
          for (const argument of current.arguments) fields.push(...getProjectionFields(argument));
        } else if (method !== undefined && RECORD_METHODS.has(method)) {
          fields.push(...getQueryArgumentFields(current, method));
          return fields;
        } else if (method === undefined || !QUERY_CHAIN_METHODS.has(method)) {
          return fields;
        }
        current = callee.object;
      }
      return fields;
    }

    /** Fields a record method's own arguments select: `find(filter, '…')`, `{ select }`, `{ attributes }`, `{ projection }`. */
    function getQueryArgumentFields(call: TSESTree.CallExpression, method: string): string[] {
      const fields: string[] = [];
      call.arguments.forEach((argument, index) => {
        const value = unwrapExpression(argument);
        // Mongoose: find(filter, projection) — a string or object in second place.
        if (index === 1 && MONGOOSE_PROJECTION_METHODS.has(method)) {
          if (value.type !== AST_NODE_TYPES.ObjectExpression || !hasOptionKeys(value)) fields.push(...getProjectionFields(value));
        }
        if (value.type !== AST_NODE_TYPES.ObjectExpression) return;
        for (const name of ['select', 'attributes', 'projection']) {
          const option = findProperty(value, name);
          if (option) fields.push(...getProjectionFields(option.value));
        }
      });
      return fields;
    }

    /** `'name -_id'`, `'id, name'`, `{ _id: 1 }`, `{ email: true }`, `['id', ['name', 'alias']]`. */
    function getProjectionFields(node: TSESTree.Node): string[] {
      const value = unwrapExpression(node);
      if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') {
        return value.value
          .split(/[\s,]+/)
          .filter((token) => token.length > 0 && !token.startsWith('-'))
          .map((token) => token.replace(/^\+/, '').split(/\s+as\s+/i)[0]!.trim());
      }
      if (value.type === AST_NODE_TYPES.ArrayExpression) {
        return value.elements.flatMap((element) => {
          if (!element || element.type === AST_NODE_TYPES.SpreadElement) return [];
          const inner = unwrapExpression(element);
          if (inner.type === AST_NODE_TYPES.ArrayExpression && inner.elements[0]) return getProjectionFields(inner.elements[0]);
          return getProjectionFields(inner);
        });
      }
      if (value.type === AST_NODE_TYPES.ObjectExpression) {
        const fields: string[] = [];
        for (const property of value.properties) {
          if (property.type !== AST_NODE_TYPES.Property) continue;
          const key = getPropertyKeyName(property);
          // { _id: 1 } (Mongo), { email: true } (Prisma, TypeORM), { email: users.email } (Drizzle)
          if (key !== undefined && (isInclusion(property.value) || unwrapExpression(property.value).type === AST_NODE_TYPES.MemberExpression)) {
            fields.push(key);
          }
        }
        return fields;
      }
      return [];
    }

    /** The entity whose record(s) an expression evaluates to, if this file can tell. */
    function getEntityOf(node: TSESTree.Node, depth: number): string | undefined {
      if (depth > MAX_DEPTH || sequentialKeys.size === 0) return undefined;
      const expression = unwrapExpression(node);
      if (expression.type === AST_NODE_TYPES.NewExpression) {
        return getEntityName(expression.callee);
      }
      if (expression.type === AST_NODE_TYPES.Identifier) {
        return getEntityOfIdentifier(expression, depth);
      }
      if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const callee = unwrapExpression(expression.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const method = getMemberPropertyName(callee);
      if (method === undefined) return undefined;
      if (RECORD_METHODS.has(method)) {
        // User.findByPk(id) (Sequelize, TypeORM BaseEntity), manager.findOne(User, …), repo.findOne(…)
        const owner = getEntityName(callee.object);
        if (owner) return owner;
        const [first] = expression.arguments;
        const target = first && getEntityName(first);
        if (target) return target;
        const repository = getRepositoryEntity(callee.object, depth + 1);
        if (repository) return repository;
      }
      if (SELF_RETURNING_METHODS.has(method)) return getEntityOf(callee.object, depth + 1);
      return getDrizzleRowsEntity(expression);
    }

    /**
     * The table whose whole rows a Drizzle query returns: `db.select().from(orders)`,
     * `db.insert(orders).values(…).returning()`, `db.query.orders.findFirst(…)`.
     * A `select({ … })` with its own shape returns what it names, not rows.
     */
    function getDrizzleRowsEntity(call: TSESTree.CallExpression): string | undefined {
      let table: string | undefined;
      let wholeRows = false;
      for (let current: TSESTree.Node = call; current.type === AST_NODE_TYPES.CallExpression; ) {
        const callee: TSESTree.Node = unwrapExpression(current.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
        const method = getMemberPropertyName(callee);
        const [first] = current.arguments;
        if ((method === 'select' || method === 'selectDistinct') && current.arguments.length > 0) return undefined;
        if (method === 'select' || method === 'selectDistinct' || (method === 'returning' && current.arguments.length === 0)) wholeRows = true;
        if ((method === 'from' || method === 'insert' || method === 'update') && first) table = getEntityName(first) ?? table;
        // db.query.orders.findFirst()
        const owner = unwrapExpression(callee.object);
        if (
          owner.type === AST_NODE_TYPES.MemberExpression &&
          getMemberPropertyName(owner) !== undefined &&
          sequentialKeys.has(getMemberPropertyName(owner)!) &&
          owner.object.type === AST_NODE_TYPES.MemberExpression &&
          getMemberPropertyName(owner.object) === 'query'
        ) {
          return getMemberPropertyName(owner);
        }
        current = owner;
      }
      return wholeRows ? table : undefined;
    }

    function getEntityOfIdentifier(identifier: TSESTree.Identifier, depth: number): string | undefined {
      const variable = resolveVariable(identifier);
      const definition = variable?.defs[0];
      if (!definition) return undefined;
      if (definition.type === 'Variable' && definition.node.id.type === AST_NODE_TYPES.Identifier) {
        const fromType = getEntityOfType(definition.node.id.typeAnnotation?.typeAnnotation);
        if (fromType) return fromType;
        return definition.node.init ? getEntityOf(definition.node.init, depth + 1) : undefined;
      }
      // const [order] = await db.select().from(orders)…; const [items, count] = await repo.findAndCount()
      if (
        definition.type === 'Variable' &&
        definition.node.id.type === AST_NODE_TYPES.ArrayPattern &&
        definition.node.id.elements[0] === definition.name &&
        definition.node.init
      ) {
        return getEntityOf(definition.node.init, depth + 1);
      }
      if (definition.type === 'Parameter') {
        const parameter = definition.name as TSESTree.Identifier;
        const fromType = getEntityOfType(parameter.typeAnnotation?.typeAnnotation);
        if (fromType) return fromType;
        // orders.map((order) => …): the callback's first parameter is an element.
        const fn = definition.node;
        const call = fn.parent;
        if (
          isFunctionNode(fn) &&
          fn.params[0] === parameter &&
          call?.type === AST_NODE_TYPES.CallExpression &&
          call.arguments[0] === fn &&
          call.callee.type === AST_NODE_TYPES.MemberExpression &&
          ELEMENT_CALLBACK_METHODS.has(getMemberPropertyName(call.callee) ?? '')
        ) {
          return getEntityOf(call.callee.object, depth + 1);
        }
      }
      return undefined;
    }

    /** The entity of a TypeORM repository expression: `getRepository(User)`, `this.users` (`@InjectRepository(User)`), `repo: Repository<User>`. */
    function getRepositoryEntity(node: TSESTree.Node, depth: number): string | undefined {
      if (depth > MAX_DEPTH) return undefined;
      const expression = unwrapExpression(node);
      if (expression.type === AST_NODE_TYPES.CallExpression) {
        const name = getCalleeLastName(expression);
        const [first] = expression.arguments;
        if (name && /^get\w*Repository$/.test(name) && first) return getEntityName(first);
        return undefined;
      }
      if (expression.type === AST_NODE_TYPES.Identifier) {
        const definition = resolveVariable(expression)?.defs[0];
        if (definition?.type === 'Variable' && definition.node.id.type === AST_NODE_TYPES.Identifier) {
          return (
            getRepositoryTypeEntity(definition.node.id.typeAnnotation?.typeAnnotation) ??
            (definition.node.init ? getRepositoryEntity(definition.node.init, depth + 1) : undefined)
          );
        }
        if (definition?.type === 'Parameter') {
          return getRepositoryTypeEntity((definition.name as TSESTree.Identifier).typeAnnotation?.typeAnnotation);
        }
        return undefined;
      }
      // this.userRepository: a class property or constructor parameter property
      if (expression.type === AST_NODE_TYPES.MemberExpression && expression.object.type === AST_NODE_TYPES.ThisExpression) {
        const name = getMemberPropertyName(expression);
        const classBody = getEnclosingClassBody(expression);
        if (!name || !classBody) return undefined;
        return getClassMemberRepository(classBody, name, depth);
      }
      return undefined;
    }

    function getClassMemberRepository(classBody: TSESTree.ClassBody, name: string, depth: number): string | undefined {
      for (const member of classBody.body) {
        if (member.type === AST_NODE_TYPES.PropertyDefinition && getPropertyKeyName(member) === name) {
          return (
            getInjectedEntity(member.decorators) ??
            getRepositoryTypeEntity(member.typeAnnotation?.typeAnnotation) ??
            (member.value ? getRepositoryEntity(member.value, depth + 1) : undefined)
          );
        }
        if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
          for (const parameter of member.value.params) {
            if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
            const inner = parameter.parameter;
            if (inner.type !== AST_NODE_TYPES.Identifier || inner.name !== name) continue;
            return getInjectedEntity(parameter.decorators) ?? getRepositoryTypeEntity(inner.typeAnnotation?.typeAnnotation);
          }
        }
      }
      return undefined;
    }

    /** `@InjectRepository(User)` → `User`. */
    function getInjectedEntity(decorators: readonly TSESTree.Decorator[]): string | undefined {
      for (const decorator of decorators) {
        if (getDecoratorName(decorator) !== 'InjectRepository' && getDecoratorName(decorator) !== 'InjectModel') continue;
        const expression = decorator.expression;
        const [first] = expression.type === AST_NODE_TYPES.CallExpression ? expression.arguments : [];
        if (first) return getEntityName(first);
      }
      return undefined;
    }

    /** `Repository<User>` → `User`. */
    function getRepositoryTypeEntity(type: TSESTree.TypeNode | undefined): string | undefined {
      if (type?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
      const [argument] = type.typeArguments?.params ?? [];
      return /Repository$/.test(getTypeName(type.typeName)) && argument ? getEntityOfType(argument) : undefined;
    }

    /** `User`, `User[]`, `Array<User>`, `User | null` → `User` when `User` is a sequential-key entity. */
    function getEntityOfType(type: TSESTree.TypeNode | undefined): string | undefined {
      if (!type) return undefined;
      switch (type.type) {
        case AST_NODE_TYPES.TSTypeReference: {
          const name = getTypeName(type.typeName);
          if (sequentialKeys.has(name)) return name;
          const [argument] = type.typeArguments?.params ?? [];
          return (name === 'Array' || name === 'ReadonlyArray') && argument ? getEntityOfType(argument) : undefined;
        }
        case AST_NODE_TYPES.TSArrayType:
          return getEntityOfType(type.elementType);
        case AST_NODE_TYPES.TSUnionType:
          for (const member of type.types) {
            const entity = getEntityOfType(member);
            if (entity) return entity;
          }
          return undefined;
        default:
          return undefined;
      }
    }

    function getEntityName(node: TSESTree.Node): string | undefined {
      const expression = unwrapExpression(node);
      return expression.type === AST_NODE_TYPES.Identifier && sequentialKeys.has(expression.name) ? expression.name : undefined;
    }

    /**
     * TypeORM `@PrimaryGeneratedColumn()` (not `'uuid'`), sequelize-typescript
     * `@AutoIncrement`, `@Column({ autoIncrement: true })`, and the implicit
     * `id` of a sequelize-typescript `@Table` model that declares no key.
     */
    function collectClassEntity(node: TSESTree.ClassDeclaration): void {
      if (!node.id) return;
      const keys = new Set<string>();
      let declaresPrimaryKey = false;
      for (const member of node.body.body) {
        if (member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
        const name = getPropertyKeyName(member);
        if (name === undefined) continue;
        for (const decorator of member.decorators) {
          const decoratorName = getDecoratorName(decorator);
          const options = getDecoratorOptions(decorator);
          if (decoratorName === 'PrimaryGeneratedColumn' || decoratorName === 'PrimaryColumn' || decoratorName === 'PrimaryKey') {
            declaresPrimaryKey = true;
          }
          if (decoratorName === 'PrimaryGeneratedColumn' && isSequentialStrategy(decorator)) keys.add(name);
          if (decoratorName === 'AutoIncrement') keys.add(name);
          if (options && isTrue(findProperty(options, 'autoIncrement')?.value)) keys.add(name);
          if (options && isTrue(findProperty(options, 'primaryKey')?.value)) declaresPrimaryKey = true;
          const generated = options && findProperty(options, 'generated')?.value;
          if (decoratorName === 'PrimaryColumn' && generated && isSequentialGenerated(generated)) keys.add(name);
        }
      }
      const isSequelizeTable =
        node.decorators.some((decorator) => getDecoratorName(decorator) === 'Table') && isModelSubclass(node);
      if (isSequelizeTable && !declaresPrimaryKey) keys.add('id');
      if (keys.size > 0) sequentialKeys.set(node.id.name, keys);
    }

    /**
     * Drizzle: `const orders = pgTable('orders', { id: serial('id').primaryKey() })`,
     * `integer('id').primaryKey({ autoIncrement: true })` (SQLite), `int().autoincrement().primaryKey()` (MySQL),
     * `integer().primaryKey().generatedAlwaysAsIdentity()` (Postgres identity).
     */
    function collectDrizzleTable(declarator: TSESTree.VariableDeclarator): void {
      const call = declarator.init as TSESTree.CallExpression;
      const columns = call.arguments[1] && unwrapExpression(call.arguments[1]);
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || columns?.type !== AST_NODE_TYPES.ObjectExpression) return;
      const keys = new Set<string>();
      for (const property of columns.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const name = getPropertyKeyName(property);
        if (name !== undefined && isSequentialDrizzleColumn(property.value)) keys.add(name);
      }
      if (keys.size > 0) sequentialKeys.set(declarator.id.name, keys);
    }

    /**
     * Sequelize models: `const User = sequelize.define('User', attributes)` and
     * `User.init(attributes, { sequelize })`. An attribute with
     * `autoIncrement: true` is sequential; a model that declares no primary key
     * gets Sequelize's implicit autoincrement `id`.
     */
    function collectSequelizeModel(call: TSESTree.CallExpression): void {
      const callee = unwrapExpression(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = getMemberPropertyName(callee);
      let modelName: string | undefined;
      let attributes: TSESTree.Node | undefined;
      if (method === 'define' && call.arguments.length >= 2) {
        const [name, attributeArgument] = call.arguments;
        const declarator = call.parent;
        if (
          name?.type !== AST_NODE_TYPES.Literal ||
          typeof name.value !== 'string' ||
          declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
          declarator.id.type !== AST_NODE_TYPES.Identifier
        ) {
          return;
        }
        modelName = declarator.id.name;
        attributes = attributeArgument;
      } else if (method === 'init' && call.arguments.length >= 2) {
        const owner = unwrapExpression(callee.object);
        const optionsArgument = unwrapExpression(call.arguments[1]!);
        if (
          owner.type !== AST_NODE_TYPES.Identifier ||
          optionsArgument.type !== AST_NODE_TYPES.ObjectExpression ||
          !findProperty(optionsArgument, 'sequelize')
        ) {
          return;
        }
        modelName = owner.name;
        attributes = call.arguments[0];
      }
      const attributeObject = attributes && unwrapExpression(attributes);
      if (!modelName || attributeObject?.type !== AST_NODE_TYPES.ObjectExpression) return;
      if (!importsSequelize && !usesDataTypes(attributeObject)) return;
      const keys = new Set<string>();
      let declaresPrimaryKey = false;
      for (const property of attributeObject.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const name = getPropertyKeyName(property);
        const definition = unwrapExpression(property.value);
        if (name === undefined || definition.type !== AST_NODE_TYPES.ObjectExpression) continue;
        if (isTrue(findProperty(definition, 'primaryKey')?.value)) declaresPrimaryKey = true;
        if (isTrue(findProperty(definition, 'autoIncrement')?.value)) keys.add(name);
      }
      if (!declaresPrimaryKey) keys.add('id');
      const existing = sequentialKeys.get(modelName);
      sequentialKeys.set(modelName, new Set([...(existing ?? []), ...keys]));
    }

    function isInternalField(name: string, sink: Sink): boolean {
      return internalFieldKeys.has(toFieldKey(name)) && sink.reportsInternalFields();
    }

    /**
     * Whether the handler that sends a response is a back-office route: its path
     * has an `admin`/`staff`/`internal` segment, a role check runs before it
     * (`router.get('/x', protect, admin, handler)`, `@Roles('admin')`,
     * `@UseGuards(RolesGuard)`), or its NestJS controller is mounted under such a path.
     */
    function isStaffRoute(sink: TSESTree.Node): boolean {
      for (let current: TSESTree.Node | undefined = sink.parent; current; current = current.parent) {
        // The handler, or `asyncHandler(handler)`, as an argument of `router.get(path, …middleware, handler)`.
        if (current.parent?.type === AST_NODE_TYPES.CallExpression && current.parent.callee !== current) {
          const call = current.parent;
          const callee = unwrapExpression(call.callee);
          const method = callee.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(callee) : undefined;
          if (method !== undefined && HTTP_METHODS.has(method)) {
            if (call.arguments.some((argument) => argument !== current && (isStaffPath(argument) || isRoleCheck(argument)))) return true;
            // app.route('/admin/x').get(handler)
            if (callee.type === AST_NODE_TYPES.MemberExpression && isStaffRouteChain(callee.object)) return true;
          }
        }
        if (current.type === AST_NODE_TYPES.MethodDefinition) {
          if (current.decorators.some((decorator) => isRoleDecorator(decorator) || decoratorHasStaffPath(decorator))) return true;
        }
        if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) {
          return current.decorators.some((decorator) => isRoleDecorator(decorator) || decoratorHasStaffPath(decorator));
        }
      }
      return false;
    }

    function isStaffRouteChain(node: TSESTree.Node): boolean {
      const expression = unwrapExpression(node);
      if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = unwrapExpression(expression.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      if (getMemberPropertyName(callee) === 'route' && expression.arguments[0] && isStaffPath(expression.arguments[0])) return true;
      return isStaffRouteChain(callee.object);
    }

    /**
     * `router.use(requireAdmin)` without a path: every route registered in the
     * file sits behind a role check. `app.use('/admin', adminRouter)` mounts
     * another router and says nothing about this file's routes.
     */
    function isRouterWideRoleCheck(call: TSESTree.CallExpression): boolean {
      const callee = unwrapExpression(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || getMemberPropertyName(callee) !== 'use') return false;
      if (call.arguments.some((argument) => getStaticKey(unwrapExpression(argument)) !== undefined)) return false;
      return call.arguments.some((argument) => isRoleCheck(argument) && !isMountedRouter(argument));
    }

    /** A middleware argument that checks a role: `admin`, `isAdmin`, `requireRole('admin')`, `authorize(['staff'])`. */
    function isRoleCheck(argument: TSESTree.Node): boolean {
      let expression = unwrapExpression(argument);
      if (expression.type === AST_NODE_TYPES.CallExpression) expression = unwrapExpression(expression.callee);
      const path = getMemberPath(expression);
      const name = path?.at(-1);
      if (!name) return false;
      return roleCheckNames.has(name) || roleCheckNames.has(path!.join('.')) || splitIdentifierWords(name).some((word) => ROLE_WORDS.has(word));
    }

    function isRoleDecorator(decorator: TSESTree.Decorator): boolean {
      const name = getDecoratorName(decorator);
      if (name === undefined) return false;
      if (name === 'UseGuards') {
        const expression = decorator.expression;
        return expression.type === AST_NODE_TYPES.CallExpression && expression.arguments.some((argument) => isRoleCheck(argument));
      }
      return roleCheckNames.has(name) || splitIdentifierWords(name).some((word) => ROLE_WORDS.has(word));
    }

    /** `@Controller('admin/users')`, `@Get('internal/stats')`. */
    function decoratorHasStaffPath(decorator: TSESTree.Decorator): boolean {
      const expression = decorator.expression;
      return expression.type === AST_NODE_TYPES.CallExpression && expression.arguments.some((argument) => isStaffPath(argument));
    }

    function report(node: TSESTree.Node, messageId: MessageIds, data: Record<string, string>): void {
      const key = `${node.range[0]}:${node.range[1]}:${messageId}:${data['field'] ?? ''}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.report({ node, messageId, data });
    }

    function resolveVariable(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
      return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    }

    /** The initializer of a local variable that is assigned once (`const body = { … }`). */
    function getSingleInit(identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
      const variable = resolveVariable(identifier);
      const definition = variable?.defs[0];
      if (!variable || variable.defs.length !== 1 || definition?.type !== 'Variable') return undefined;
      if (definition.node.id.type !== AST_NODE_TYPES.Identifier || !definition.node.init) return undefined;
      const writes = variable.references.filter((reference) => reference.isWrite());
      return writes.length <= 1 ? definition.node.init : undefined;
    }

    /** A function declared in this file under a name that is never reassigned: `function f() {}`, `const f = () => …`. */
    function getLocalFunction(identifier: TSESTree.Identifier): TSESTree.FunctionLike | undefined {
      const variable = resolveVariable(identifier);
      const definition = variable?.defs[0];
      if (!variable || variable.defs.length !== 1 || !definition) return undefined;
      if (definition.type === 'FunctionName' && isFunctionNode(definition.node)) return definition.node;
      const init = getSingleInit(identifier);
      const value = init && unwrapExpression(init);
      return value && isFunctionNode(value) ? value : undefined;
    }

    /** The expressions a function returns, without looking into nested functions. */
    function getReturnedExpressions(fn: TSESTree.FunctionLike): TSESTree.Node[] {
      if (!fn.body) return [];
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
      const returned: TSESTree.Node[] = [];
      const visit = (node: TSESTree.Node): void => {
        if (node.type === AST_NODE_TYPES.ReturnStatement) {
          if (node.argument) returned.push(node.argument);
          return;
        }
        if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) return;
        for (const key of sourceCode.visitorKeys[node.type] ?? []) {
          const child = (node as unknown as Record<string, unknown>)[key];
          if (Array.isArray(child)) {
            for (const item of child) if (isNode(item)) visit(item);
          } else if (isNode(child)) {
            visit(child);
          }
        }
      };
      for (const statement of fn.body.body) visit(statement);
      return returned;
    }

    function describeSink(sink: TSESTree.Node): string {
      if (sink.type === AST_NODE_TYPES.CallExpression || sink.type === AST_NODE_TYPES.NewExpression) {
        const callee = unwrapExpression(sink.callee);
        if (sink.type === AST_NODE_TYPES.NewExpression) return `new ${sourceCode.getText(callee)}`;
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const path = getMemberPath(callee);
          if (path) return path.join('.');
          const root = getChainRoot(callee);
          return `${root ?? '…'}.${getMemberPropertyName(callee) ?? '…'}`;
        }
        return sourceCode.getText(callee);
      }
      if (sink.type === AST_NODE_TYPES.AssignmentExpression) return sourceCode.getText(sink.left);
      return 'return';
    }
  },
});

/** Drizzle's table constructors. */
const DRIZZLE_TABLE_FUNCTIONS: ReadonlySet<string> = new Set(['pgTable', 'mysqlTable', 'sqliteTable']);

/** A Drizzle column chain that is a sequential primary key. */
function isSequentialDrizzleColumn(node: TSESTree.Node): boolean {
  let isPrimaryKey = false;
  let isSequential = false;
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(current.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      if (callee.name === 'serial' || callee.name === 'bigserial' || callee.name === 'smallserial') isSequential = true;
      break;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) break;
    const method = getMemberPropertyName(callee);
    if (method === 'primaryKey') {
      isPrimaryKey = true;
      const [options] = current.arguments;
      const value = options && unwrapExpression(options);
      if (value?.type === AST_NODE_TYPES.ObjectExpression && isTrue(findProperty(value, 'autoIncrement')?.value)) isSequential = true;
    }
    if (method === 'autoincrement' || method === 'generatedAlwaysAsIdentity' || method === 'generatedByDefaultAsIdentity') isSequential = true;
    current = unwrapExpression(callee.object);
  }
  return isPrimaryKey && isSequential;
}

/** `adminRouter`, `adminRoutes`, `AdminModule`: a router mounted with `use`, not a middleware. */
function isMountedRouter(node: TSESTree.Node): boolean {
  const path = getMemberPath(node);
  const name = path?.at(-1);
  return name !== undefined && splitIdentifierWords(name).some((word) => ['router', 'routes', 'route', 'app', 'controller', 'module'].includes(word));
}

/** `req.body.x`, `request.params.id`, `ctx.request.body`, `c.req.param('id')`: what the client itself sent. */
function isRequestInput(node: TSESTree.Node): boolean {
  let current = unwrapExpression(node);
  const path: string[] = [];
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      path.unshift(getMemberPropertyName(current) ?? '');
      current = unwrapExpression(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      current = unwrapExpression(current.callee);
    } else {
      break;
    }
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return false;
  // `req.user`, `req.session`, `req.auth` hold what the server loaded, not what the client sent.
  if (current.name === 'req' || current.name === 'request') return path.length > 0 && !['user', 'session', 'auth', 'locals'].includes(path[0]!);
  return ['ctx', 'context', 'c'].includes(current.name) && ['request', 'req', 'params', 'query'].includes(path[0] ?? '');
}

/** What a payload is sent by, and whether internal fields count there. */
interface Sink {
  name: string;
  /** False on a back-office route (staff file or path, a role check before the handler); decided on first need. */
  reportsInternalFields: () => boolean;
}

/** A path or file segment that names a back-office surface: `/admin/users`, `staff`, `adminController.js`. */
function hasStaffWord(segment: string): boolean {
  return splitIdentifierWords(segment).some((word) => STAFF_WORDS.has(word));
}

/** A route path literal with a staff segment; `{ path: … }` objects of `@Controller({ path })` too. */
function isStaffPath(node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) {
    const path = findProperty(expression, 'path');
    return path ? isStaffPath(path.value) : false;
  }
  const text =
    expression.type === AST_NODE_TYPES.TemplateLiteral
      ? expression.quasis.map((quasi) => quasi.value.cooked ?? '').join('/')
      : getStaticKey(expression);
  return text !== undefined && text.split('/').some((segment) => hasStaffWord(segment));
}

function toFieldKey(name: string): string {
  let key = fieldKeys.get(name);
  if (key === undefined) {
    key = splitIdentifierWords(name).join(' ');
    if (fieldKeys.size >= FIELD_KEY_CACHE_LIMIT) fieldKeys.clear();
    fieldKeys.set(name, key);
  }
  return key;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** `x.define('Name', { … })` or `Name.init({ … }, { … })`: candidates for a Sequelize model. */
function isModelDefinitionCall(call: TSESTree.CallExpression): boolean {
  if (call.arguments.length < 2 || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getMemberPropertyName(call.callee);
  return method === 'define' || method === 'init';
}

function isSequelizeModule(source: unknown): boolean {
  return source === 'sequelize' || source === 'sequelize-typescript';
}

/** `require('sequelize')`. */
function isRequireOf(call: TSESTree.CallExpression): boolean {
  const [first] = call.arguments;
  return (
    call.callee.type === AST_NODE_TYPES.Identifier &&
    call.callee.name === 'require' &&
    first?.type === AST_NODE_TYPES.Literal &&
    isSequelizeModule(first.value)
  );
}

/** Whether a Sequelize attribute map uses `DataTypes.X` / `Sequelize.X` types (the model-factory file shape). */
function usesDataTypes(attributes: TSESTree.ObjectExpression): boolean {
  return attributes.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const value = unwrapExpression(property.value);
    const type = value.type === AST_NODE_TYPES.ObjectExpression ? findProperty(value, 'type')?.value : value;
    const root = type && getChainRoot(type);
    return root === 'DataTypes' || root === 'Sequelize';
  });
}

/** Whether an options object carries query options rather than a projection (`{ new: true }`, `{ lean: true }`). */
function hasOptionKeys(object: TSESTree.ObjectExpression): boolean {
  return ['new', 'lean', 'sort', 'limit', 'skip', 'session', 'upsert', 'populate', 'projection'].some((name) => findProperty(object, name));
}

/** A projection value that includes the field: `1`, `true`, `'$field'`. */
function isInclusion(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type !== AST_NODE_TYPES.Literal) return false;
  return value.value === true || value.value === 1;
}

function isTrue(node: TSESTree.Node | undefined): boolean {
  const value = node && unwrapExpression(node);
  return value?.type === AST_NODE_TYPES.Literal && value.value === true;
}

/** `undefined`, `null`, `void 0`: a key that sends nothing. */
function isEmptyValue(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return (
    (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') ||
    (value.type === AST_NODE_TYPES.Literal && value.value === null) ||
    (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void')
  );
}

/** `@PrimaryGeneratedColumn()`, `('increment')`, `('identity')`, `({ type: 'bigint' })` — not `('uuid')`. */
function isSequentialStrategy(decorator: TSESTree.Decorator): boolean {
  const expression = decorator.expression;
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  const [first] = expression.arguments;
  if (!first) return true;
  const value = unwrapExpression(first);
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    const type = findProperty(value, 'type')?.value;
    const typeName = type && getStaticKey(unwrapExpression(type));
    return typeName === undefined ? !type : !/uuid|char|text|string/i.test(typeName);
  }
  const strategy = getStaticKey(value);
  return strategy !== undefined && SEQUENTIAL_STRATEGIES.has(strategy);
}

function isSequentialGenerated(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type !== AST_NODE_TYPES.Literal) return false;
  return value.value === true || value.value === 'increment' || value.value === 'identity';
}

function getDecoratorOptions(decorator: TSESTree.Decorator): TSESTree.ObjectExpression | undefined {
  const expression = decorator.expression;
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const options = expression.arguments.find((argument) => unwrapExpression(argument).type === AST_NODE_TYPES.ObjectExpression);
  return options ? (unwrapExpression(options) as TSESTree.ObjectExpression) : undefined;
}

/** `class User extends Model` or `extends Model<User>`. */
function isModelSubclass(node: TSESTree.ClassDeclaration): boolean {
  const superClass = node.superClass && unwrapExpression(node.superClass);
  if (!superClass) return false;
  const path = getMemberPath(superClass);
  return path?.at(-1) === 'Model';
}

function getTypeName(name: TSESTree.EntityName): string {
  if (name.type === AST_NODE_TYPES.Identifier) return name.name;
  if (name.type === AST_NODE_TYPES.TSQualifiedName) return name.right.name;
  return '';
}

function getCalleeLastName(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return getMemberPropertyName(callee);
  return undefined;
}

function getEnclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
  }
  return undefined;
}

/** The identifier at the root of a member/call chain: `res.status(200).json` → `res`. */
function getChainRoot(node: TSESTree.Node): string | undefined {
  let current = unwrapExpression(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.Identifier) return current.name;
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) current = unwrapExpression(current.callee);
    else return undefined;
  }
}
