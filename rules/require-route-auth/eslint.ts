import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import {
  ACCOUNT_RESOURCES,
  AUTH_HELPER_CALLS,
  SIGN_UP_COLLECTIONS,
  CREDENTIAL_QUERY_PARAMETERS,
  AUTH_MIDDLEWARE_NAMES,
  MORE_PUBLIC_PATH_PATTERNS,
  NON_ENFORCING_AUTH_NAMES,
  PUBLIC_PATH_PATTERNS,
  PUBLIC_ROUTE_DECORATORS,
  ROLE_CHECK_NAMES,
  ROUTER_FACTORY_NAMES,
  declaresPublicRoute,
  getResourceKey,
  hasCredentialParameter,
  hasPublicFlowSegment,
  isCredentialHeaderName,
  isAccountConfirmationPath,
  EXISTENCE_WORDS,
  isAvailabilityCheck,
  isInPublicSection,
  isPublicAssetRead,
  isReadThroughPost,
  looksLikeAuthCheckName,
  looksLikeOptionalAuthName,
  looksLikeRoleCheckName,
  splitIdentifierWords,
} from '@redline/core';
import { createRule } from '../utils/create-rule.js';
import { isTrpcRouterObject, readTrpcProcedures } from '../utils/trpc-procedures.js';
import { isTestFile } from '../utils/file-kind.js';
import { getCalleePath, getMemberPath, getMemberPropertyName, getPropertyKeyName, getStaticKey, isFunctionNode, unwrapExpression } from '../utils/ast.js';
import { getDecoratorName } from '../utils/response-sinks.js';
import { createConfigCache, memoizeNameTest } from '../utils/config-cache.js';
import { getRedlineSettings, type RedlineSettings } from '../utils/settings.js';
import { mayMentionWord } from '../utils/text-gate.js';
import { answersOnlyWithErrors } from '../utils/error-only-handlers.js';

type Options = [
  {
    authMiddleware?: string[];
    roleChecks?: string[];
    publicRoutes?: string[];
    userDataPaths?: string[];
  },
];
type MessageIds = 'missingAuth' | 'missingGuard' | 'missingRoleCheck' | 'missingHandlerAuth';

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** How a middleware, guard or handler protects a request. */
interface Protection {
  /** An authentication check that rejects anonymous requests. */
  auth: boolean;
  /** Auth that lets anonymous requests through (`auth.optional`): a deliberate choice, never evidence. */
  optional: boolean;
  /** A role or permission check (implies authentication). */
  role: boolean;
  /** A check we cannot read decides access (`security.denyAll()`, `loadUser`): protects, is no evidence. */
  assumes: boolean;
  /** Text naming the check, for messages. */
  label: string | undefined;
  roleLabel: string | undefined;
}

interface RouteRecord {
  owner: unknown;
  ownerName: string;
  method: string;
  path: string | undefined;
  order: number;
  protection: Protection;
  report: TSESTree.Node | TSESTree.SourceLocation;
  /** The handler only answers (`c.json({ ok: true })`) or only turns requests down (a 405/501 stub): it cannot change data. Asked only of routes that could be reported: it reads the handler. */
  isTrivial: () => boolean;
  /** Its auth, if any, is only its own handler's check (`if (!member) throw new HTTPError('…', 401)`), no middleware's. */
  authInHandlerOnly: boolean;
  /** A middleware made by a factory this file cannot read (`route({ permission: 'MANAGE_GUILD' })`) runs before the handler. */
  unreadMiddleware: boolean;
  /** The handler's name says sign-in or sign-up (`registerUser`, `authController.login`) on a relative path, or the comment above the route declares it public. Asked lazily, like `isTrivial`. */
  isMeantPublic: () => boolean;
}

interface UseRecord {
  owner: unknown;
  /** Path prefix the middleware is scoped to; undefined = every route. */
  prefix: string | undefined;
  /** Exact path and method for `app.post('/x', auth)` (a route made of middleware only). */
  exact: { path: string; method: string } | undefined;
  order: number;
  protection: Protection;
  /** Routers mounted by this call (`app.use('/admin', auth, adminRouter)`). */
  mounts: unknown[];
}

const ROUTE_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all']);
const REGISTRATION_METHODS: ReadonlySet<string> = new Set(['use', 'addHook', 'register', 'route']);
const MUTATING_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch', 'delete', 'del']);
const ROUTER_NAMES: ReadonlySet<string> = new Set(['app', 'router', 'api', 'routes', 'server', 'fastify', 'instance', 'r', 'apiRouter', 'v1', 'koaRouter', 'hono']);
const FASTIFY_HOOK_KEYS: ReadonlySet<string> = new Set(['preHandler', 'onRequest', 'preValidation', 'preParsing']);
const NEST_ROUTE_DECORATORS: ReadonlySet<string> = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All']);
/** fastify-decorators' route decorators: `@GET('/:id', { onRequest: [auth] })`, `@POST({ url, options })`. */
const FASTIFY_ROUTE_DECORATORS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'ALL']);
/** inversify-express-utils' route decorators: `@httpPost('/users', authMiddleware)`; the arguments after the path are middleware. */
const INVERSIFY_ROUTE_DECORATORS: ReadonlyMap<string, string> = new Map([
  ['httpGet', 'get'], ['httpPost', 'post'], ['httpPut', 'put'], ['httpPatch', 'patch'], ['httpDelete', 'delete'],
]);
const isRouteDecoratorName = (name: string | undefined) =>
  name !== undefined && (NEST_ROUTE_DECORATORS.has(name) || FASTIFY_ROUTE_DECORATORS.has(name) || INVERSIFY_ROUTE_DECORATORS.has(name));
/**
 * GraphQL operations of a `@Resolver()` class (@nestjs/graphql, type-graphql): a `@Mutation()` changes data like a
 * POST, a `@Query()` reads like a GET. Field resolvers and subscriptions run under the operation that reaches them.
 */
const GRAPHQL_OPERATION_DECORATORS: ReadonlyMap<string, string> = new Map([['Mutation', 'post'], ['Query', 'get']]);
/**
 * Class decorators that make a class's decorated methods routes: NestJS and fastify-decorators `@Controller`,
 * routing-controllers `@JsonController`, inversify-express-utils `@controller(path, ...middleware)`, tsoa `@Route`,
 * and GraphQL's `@Resolver()`, whose operations are the endpoints.
 */
const CONTROLLER_DECORATORS: ReadonlySet<string> = new Set(['Controller', 'JsonController', 'controller', 'Route', 'Resolver']);
const NEXT_HANDLER_NAMES: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const ROUTE_WORDS: readonly string[] = [...ROUTE_METHODS, 'route', 'openapi', ...CONTROLLER_DECORATORS, ...NEXT_HANDLER_NAMES, 'mutation'];
/** Path words that make a GET a user-data route; other GETs (articles, products, tags) may be public. */
const USER_DATA_WORDS: readonly string[] = [
  'me', 'my', 'profile', 'account', 'accounts', 'user', 'users', 'admin', 'settings', 'billing', 'order', 'orders',
  'invoice', 'invoices', 'payment', 'payments', 'wallet', 'dashboard', 'private', 'cart', 'basket', 'addresses',
  'cards', 'notifications', 'inbox', 'whoami', 'person', 'persons', 'people', 'customer', 'customers', 'employee', 'employees', 'patient', 'patients',
  // Not a singular `client`: `/api/v1/client/…` is the API a browser SDK calls, public by design.
  'clients', 'contacts',
];
/** Handler-name words of sign-in, sign-up and inbound callbacks (`registerUser`, `authUser`, `handleStripeWebhook`). */
const PUBLIC_HANDLER_WORDS: ReadonlySet<string> = new Set([
  'login', 'logout', 'signin', 'signup', 'signout', 'register', 'registration', 'authenticate', 'auth', 'oauth', 'sso', 'webhook',
  'callback', 'health', 'healthcheck',
]);
/**
 * Words of a tRPC procedure key that is public by what it does: trades or checks a credential it is given
 * (`exchange`, `validate`, `accept` an invitation, `redeem` a code), or answers a third party (`webhook`, `callback`).
 */
const PUBLIC_PROCEDURE_WORDS: ReadonlySet<string> = new Set([
  'exchange', 'validate', 'verify', 'accept', 'redeem', 'confirm', 'unsubscribe', 'subscribe', 'callback', 'webhook', 'track', 'ping', 'contact',
  // `publicList`, `publicDetail`: named for callers who are not signed in.
  'public',
]);
/** Members of a request/response/context object that only read the request or write the answer. */
const RESPONSE_MEMBERS: ReadonlySet<string> = new Set([
  'json', 'send', 'status', 'sendStatus', 'set', 'header', 'text', 'html', 'body', 'redirect', 'code', 'end', 'throw', 'type',
  'render', 'cookie', 'get', 'req', 'param', 'query', 'params', 'newResponse', 'notFound', 'setHeader', 'append', 'vary', 'format',
]);
/** Helper names that are also common data-access names: they count as auth only with no argument or the request. */
const AMBIGUOUS_HELPERS: ReadonlySet<string> = new Set(['getUser', 'getSession', 'getToken', 'validateRequest', 'getCurrentUser', 'currentUser', 'auth']);
/** Request properties that hold client input, never the authenticated user. */
const CLIENT_INPUT_KEYS: ReadonlySet<string> = new Set(['body', 'params', 'query', 'headers', 'cookies', 'files', 'file', 'request', 'req']);

export default createRule<Options, MessageIds>({
  name: 'require-route-auth',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require authentication on routes that change data or expose user data when their sibling routes are protected',
      category: 'missing-auth',
      cwe: ['CWE-306', 'CWE-862'],
      recommended: 'recommended',
      severity: 'error',
      requiresTypeChecking: false,
    },
    messages: {
      missingAuth:
        '{{route}} is registered on `{{owner}}` without authentication while its sibling routes are protected ({{auth}}), so anyone can {{action}}. Protect it the same way, or list its path in `publicRoutes` if it is public by design.',
      missingGuard:
        '`{{name}}` ({{route}}) has no guard while sibling handlers of `{{controller}}` are protected ({{auth}}), so anyone can {{action}}. Protect it the same way, or mark it `@Public()` if it is public by design.',
      missingRoleCheck:
        'Admin route {{route}} checks authentication but no role, while its sibling routes check one ({{role}}), so any signed-in user can call it. Add the same role check to this route.',
      missingHandlerAuth:
        'Exported handler `{{name}}` changes data without the auth check that `{{sibling}}` in this file performs ({{auth}}), so anyone can call it. Authenticate the request in `{{name}}` too and reject it when there is no session.',
    },
    schema: [
      {
        type: 'object',
        description: 'Names of your auth middleware, role checks and public paths; they add to the defaults and to `settings.redline`.',
        properties: {
          authMiddleware: {
            type: 'array',
            description: 'Middleware, guards and helpers that authenticate a request (`requireSession`, `auth.required`, `getSessionUser`).',
            items: { type: 'string' },
          },
          roleChecks: {
            type: 'array',
            description: 'Middleware, guards and decorators that check a role or permission (`requireRole`, `RolesGuard`).',
            items: { type: 'string' },
          },
          publicRoutes: {
            type: 'array',
            description: 'Route paths that are public by design; `*` matches one segment and `**` the rest (`/api/feedback`, `/share/**`).',
            items: { type: 'string' },
          },
          userDataPaths: {
            type: 'array',
            description: 'Extra path words that make a GET route a user-data route that needs auth (`statements`, `documents`).',
            items: { type: 'string' },
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ authMiddleware: [], roleChecks: [], publicRoutes: [], userDataPaths: [] }],
  },
  create(context, [options]) {
    // A route a test registers (on a test app, or on a controller in a spec) is not one the app serves.
    if (isTestFile(context.filename)) return {};
    const settings = getRedlineSettings(context);
    const sourceCode = context.sourceCode;
    // Routes are registered by a router method, declared by a Nest `@Controller`, or exported as Next.js handlers.
    if (!mayMentionWord(sourceCode, ROUTE_WORDS)) return {};
    const { authNames, helperNames, nonEnforcing, publicPatterns, userDataWords, publicDecorators, routerFactories, isAuthName, isRoleName } = getVocabulary(options, settings);

    const routes: RouteRecord[] = [];
    const uses: UseRecord[] = [];
    /** Owners whose every route is protected by how they are mounted or hooked (order-independent). */
    const protectedOwners = new Map<unknown, Protection>();
    const ownerNames = new Map<unknown, string>();
    const functionProtectionCache = new Map<TSESTree.Node, Protection>();
    const handlerProtectionCache = new Map<TSESTree.Node, Protection>();

    return {
      CallExpression(node) {
        collectRouterCall(node);
      },
      ClassDeclaration(node) {
        checkNestController(node);
      },
      ObjectExpression(node) {
        if (isTrpcRouterObject(node)) checkTrpcRouter(node);
      },
      'Program:exit'(program: TSESTree.Program) {
        checkRouters();
        checkNextRouteFile(program);
      },
    };

    // ---------------------------------------------------------------- routers

    /**
     * Records `router.post('/x', auth, h)`, `router.route('/x').get(auth, h)`,
     * `app.use(auth)`, `fastify.addHook('onRequest', auth)`, `fastify.route({…})`.
     */
    function collectRouterCall(call: TSESTree.CallExpression): void {
      const callee = unwrapExpression(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = getMemberPropertyName(callee);
      // Cheap test first: most calls in a file are not router calls.
      if (method === undefined || !(ROUTE_METHODS.has(method) || REGISTRATION_METHODS.has(method) || method === 'openapi')) return;

      const chain = getChainOwner(callee.object);
      if (!chain) return;
      const { ownerNode, routePath } = chain;
      // Most `.get()`/`.use()` receivers are maps, params and clients: rule them out before keying the owner.
      if (!isRouterOwner(ownerNode)) return;
      const owner = getOwnerKey(ownerNode);
      if (owner === undefined) return;
      const ownerName = sourceCode.getText(ownerNode);
      ownerNames.set(owner, ownerName);
      const args = call.arguments.map((argument) => unwrapExpression(argument));

      if (method === 'use') {
        collectUse(call, owner, args);
        return;
      }
      if (method === 'addHook') {
        const [hook, handler] = args;
        if (hook && getStaticKey(hook) !== undefined && FASTIFY_HOOK_KEYS.has(getStaticKey(hook)!) && handler) {
          const protection = classifyMiddleware(handler);
          if (protection.auth || protection.role) protectedOwners.set(owner, protection);
        }
        return;
      }
      if (method === 'register') {
        collectFastifyRegister(call, owner, args);
        return;
      }
      if (method === 'route' && routePath === undefined && args[0]?.type === AST_NODE_TYPES.ObjectExpression) {
        collectFastifyRoute(call, owner, ownerName, args[0]);
        return;
      }
      if (method === 'openapi') {
        collectOpenApiRoute(call, callee, owner, ownerName, args);
        return;
      }
      if (method === 'route' && args.length === 2) {
        // Hono `app.route('/api', sub)`: mounts a sub-app.
        const mounted = getOwnerKey(args[1]!);
        if (mounted !== undefined) uses.push({ owner, prefix: getPathString(args[0]!), exact: undefined, order: call.range[0], protection: emptyProtection(), mounts: [mounted] });
        return;
      }
      if (!ROUTE_METHODS.has(method)) return;

      let path = routePath;
      let handlers = args;
      if (path === undefined) {
        // Skip koa-router's route name: `router.get('user', '/users/:id', h)`.
        let index = 0;
        while (index < args.length && getPathString(args[index]!) !== undefined) index++;
        if (index === 0) return;
        path = getPathString(args[index - 1]!);
        handlers = args.slice(index);
      }
      if (handlers.length === 0 || !handlers.every(isHandlerLike)) return;
      const last = handlers.at(-1)!;
      if (last.type === AST_NODE_TYPES.ObjectExpression && !findKey(last, 'handler')) return;

      const middlewareProtections = new Map<TSESTree.Node, Protection>();
      const protection = classifyRouteHandlers(handlers, path, middlewareProtections);
      const onlyMiddleware = handlers.every((handler) => {
        if (isFunctionNode(handler)) return false;
        const result = middlewareProtections.get(handler) ?? classifyMiddleware(handler);
        return result.auth || result.role;
      });
      if (method === 'all' || onlyMiddleware) {
        // `app.all('/api/*', requireAuth)`, juice-shop's `app.post('/api/Products', security.isAuthorized())`.
        if (protection.auth || protection.role) {
          uses.push({
            owner,
            prefix: method === 'all' ? (path ?? undefined) : undefined,
            exact: method === 'all' || path === undefined ? undefined : { path, method },
            order: call.range[0],
            protection,
            mounts: [],
          });
        }
        if (method === 'all') return;
      }
      const middleware = handlers.slice(0, -1).map((handler) => middlewareProtections.get(handler) ?? emptyProtection());
      pushRoute(call, callee, owner, ownerName, method, path, protection, last, {
        authInHandlerOnly: protection.auth && !middleware.some((entry) => entry.auth),
        unreadMiddleware: handlers.slice(0, -1).some((handler, index) => unwrapExpression(handler).type === AST_NODE_TYPES.CallExpression && isEmptyProtection(middleware[index]!)),
      });
    }

    /** A route `call` registers, answered by `handler` (its last argument). */
    function pushRoute(
      call: TSESTree.CallExpression,
      callee: TSESTree.MemberExpression,
      owner: unknown,
      ownerName: string,
      method: string,
      path: string | undefined,
      protection: Protection,
      handler: TSESTree.Node,
      chain: Pick<RouteRecord, 'authInHandlerOnly' | 'unreadMiddleware'> = { authInHandlerOnly: false, unreadMiddleware: false },
    ): void {
      routes.push({
        ...chain,
        owner,
        ownerName,
        method,
        path,
        order: call.range[0],
        protection,
        report: getRouteReportLocation(call, callee),
        isTrivial: () => isTrivialHandler(handler) || answersOnlyWithErrors(handler, resolveLocalFunction),
        // Only on relative paths (`/`, `/:id`): an absolute path says more than the handler's name.
        isMeantPublic: () => (getResourceKey(path) === '' && isPublicHandlerName(getExpressionName(handler))) || isDeclaredPublic(call) ||
          (method === 'get' && isExistenceCheckName(getExpressionName(handler))),
      });
    }

    /** Whether the statement that registers a route says it is public on purpose (see `isCommentedPublic`). */
    function isDeclaredPublic(call: TSESTree.CallExpression): boolean {
      let statement: TSESTree.Node | null | undefined = call;
      while (statement && statement.type !== AST_NODE_TYPES.ExpressionStatement) statement = statement.parent;
      return !!statement && isCommentedPublic(statement);
    }

    /** Nest's Swagger description says the route is public: `@ApiOperation({ summary: 'Evaluate flags (public endpoint)' })`. */
    function isApiOperationDeclaringPublic(decorator: TSESTree.Decorator): boolean {
      return getDecoratorName(decorator) === 'ApiOperation' && decorator.expression.type === AST_NODE_TYPES.CallExpression &&
        declaresPublicRoute(decorator.expression.arguments.map((argument) => sourceCode.getText(argument)).join('\n'));
    }

    /**
     * Whether the comment right above a route's statement or method, or the
     * heading of the section it sits in, declares it public on purpose. Only
     * comments on lines of their own: `// ok: …` after the route above belongs to that route.
     */
    function isCommentedPublic(node: TSESTree.Node): boolean {
      return sourceCode.getCommentsBefore(node).some((comment) =>
        sourceCode.lines[comment.loc.start.line - 1]!.slice(0, comment.loc.start.column).trim() === '' && declaresPublicRoute(comment.value)) ||
        isInPublicSection(sourceCode.lines, node.loc.start.line - 1);
    }

    /**
     * @hono/zod-openapi's `app.openapi(createRoute({ method, path, middleware }), handler)`,
     * with the config inline or in a variable of this file. Its `middleware` runs
     * before the handler, like route middleware. A config from another file, or
     * middleware this file cannot list (a spread, an imported list), is left to
     * the analyzer, which follows them.
     */
    function collectOpenApiRoute(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, owner: unknown, ownerName: string, args: TSESTree.Node[]): void {
      const [configArgument, handler] = args;
      const config = configArgument && getOpenApiConfig(configArgument, 0);
      if (!config || !handler || !isHandlerLike(handler)) return;
      const methodNode = findKey(config, 'method');
      const method = methodNode && getStaticKey(methodNode)?.toLowerCase();
      const rawPath = findKey(config, 'path');
      const path = rawPath && getPathString(rawPath)?.replace(/\{([^{}]+)\}/g, ':$1');
      if (!method || !ROUTE_METHODS.has(method) || method === 'all' || path === undefined) return;
      const middleware = getOpenApiMiddleware(config);
      if (!middleware) return;
      pushRoute(call, callee, owner, ownerName, method, path, classifyRouteHandlers([...middleware, handler], path), handler);
    }

    /** The route config object: `createRoute({ … })`, `{ … }`, or a `const` of this file holding either. */
    function getOpenApiConfig(node: TSESTree.Node, depth: number): TSESTree.ObjectExpression | undefined {
      const expression = unwrapExpression(node);
      if (expression.type === AST_NODE_TYPES.ObjectExpression) return expression;
      if (expression.type === AST_NODE_TYPES.CallExpression && expression.arguments.length === 1 && expression.arguments[0]!.type !== AST_NODE_TYPES.SpreadElement) {
        return depth < 3 ? getOpenApiConfig(expression.arguments[0]!, depth + 1) : undefined;
      }
      if (expression.type !== AST_NODE_TYPES.Identifier || depth >= 3) return undefined;
      const definition = ASTUtils.findVariable(sourceCode.getScope(expression), expression.name)?.defs[0];
      return definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init ? getOpenApiConfig(definition.node.init, depth + 1) : undefined;
    }

    /**
     * The config's `middleware` as a list: none, one handler, or an array
     * literal (here or in a `const` of this file). Undefined when a part of
     * it cannot be read here (a spread, a list imported from another file).
     */
    function getOpenApiMiddleware(config: TSESTree.ObjectExpression): TSESTree.Node[] | undefined {
      if (config.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement)) return undefined;
      const value = findKey(config, 'middleware');
      if (!value) return [];
      let list: TSESTree.Node = value;
      if (list.type === AST_NODE_TYPES.Identifier) {
        const definition = ASTUtils.findVariable(sourceCode.getScope(list), list.name)?.defs[0];
        if (definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init) list = unwrapExpression(definition.node.init);
        // An imported name may be a list as well as one middleware.
        else if (definition?.type === 'ImportBinding') return undefined;
      }
      if (list.type !== AST_NODE_TYPES.ArrayExpression) return [list];
      if (list.elements.some((element) => !element || element.type === AST_NODE_TYPES.SpreadElement)) return undefined;
      return list.elements as TSESTree.Node[];
    }

    function collectUse(call: TSESTree.CallExpression, owner: unknown, args: TSESTree.Node[]): void {
      const first = args[0];
      const prefix = first ? getPathString(first) : undefined;
      const rest = prefix === undefined ? args : args.slice(1);
      const protection = emptyProtection();
      const mounts: unknown[] = [];
      for (const argument of rest) {
        const mounted = getMountedRouter(argument);
        if (mounted !== undefined) {
          mounts.push(mounted);
          continue;
        }
        mergeProtection(protection, classifyMiddleware(argument));
      }
      uses.push({ owner, prefix, exact: undefined, order: call.range[0], protection, mounts });
    }

    /** `fastify.register(async (instance) => { … })`: the child inherits the parent's hooks. */
    function collectFastifyRegister(call: TSESTree.CallExpression, owner: unknown, args: TSESTree.Node[]): void {
      const [plugin, opts] = args;
      if (!plugin || !isFunctionNode(plugin)) return;
      const param = plugin.params[0];
      if (param?.type !== AST_NODE_TYPES.Identifier) return;
      const variable = ASTUtils.findVariable(sourceCode.getScope(plugin), param.name);
      if (!variable) return;
      const prefix = opts?.type === AST_NODE_TYPES.ObjectExpression ? getPathString(findKey(opts, 'prefix') ?? opts) : undefined;
      uses.push({ owner, prefix, exact: undefined, order: call.range[0], protection: emptyProtection(), mounts: [variable] });
    }

    /** `fastify.route({ method: 'POST', url: '/x', preHandler: [auth], handler })`. */
    function collectFastifyRoute(call: TSESTree.CallExpression, owner: unknown, ownerName: string, object: TSESTree.ObjectExpression): void {
      const methodNode = findKey(object, 'method');
      const urlNode = findKey(object, 'url') ?? findKey(object, 'path');
      if (!methodNode || !urlNode) return;
      const methodValues = methodNode.type === AST_NODE_TYPES.ArrayExpression ? methodNode.elements : [methodNode];
      const methods = methodValues.flatMap((element) => (element && getStaticKey(element) ? [getStaticKey(element)!.toLowerCase()] : []));
      if (methods.length === 0) return;
      const protection = classifyRouteHandlers([object]);
      routes.push({
        owner,
        ownerName,
        method: methods.find((method) => MUTATING_METHODS.has(method)) ?? methods[0]!,
        path: getPathString(urlNode),
        order: call.range[0],
        protection,
        report: call,
        authInHandlerOnly: false,
        unreadMiddleware: false,
        isTrivial: () => false,
        isMeantPublic: () => false,
      });
    }

    /** Decides, per router, which unprotected routes to report once the file is read. */
    function checkRouters(): void {
      resolveMountedProtection();
      const byOwner = new Map<unknown, RouteRecord[]>();
      for (const route of routes) {
        const list = byOwner.get(route.owner) ?? [];
        list.push(route);
        byOwner.set(route.owner, list);
      }
      for (const [owner, ownerRoutes] of byOwner) {
        const effective = ownerRoutes.map((route) => ({ route, ...getEffectiveProtection(route, owner) }));
        // Evidence is authentication on a sibling of the same resource (`/posts` and `/posts/:id`), or an
        // app-wide `use(auth)` registered later. Not a role check alone (it presumes auth done elsewhere),
        // not a login route's own 401, not a path-scoped `use` (its scope is a deliberate choice).
        const authUse = uses.find((use) => use.owner === owner && use.prefix === undefined && !use.exact && use.protection.auth);
        const findEvidence = (route: RouteRecord): string | undefined => {
          // A sibling's own handler check says little next to a middleware factory we cannot read
          // (`route({ permission })`): that factory may well be the auth, and the handler's check an extra one.
          const sibling = effective.find((candidate) => candidate.evidence && candidate.route !== route
            && !(candidate.route.authInHandlerOnly && route.unreadMiddleware)
            && !(candidate.route.path !== undefined && isPublicPath(candidate.route.path))
            && getResourceKey(candidate.route.path) === getResourceKey(route.path));
          if (sibling) return sibling.protection.label ?? 'an auth check';
          // `router.use(auth)` registered after this route protects only what follows it.
          return authUse && authUse.order > route.order ? `${authUse.protection.label ?? 'an auth check'}, applied by a later \`use\`` : undefined;
        };
        const protectedSiblings = (key: string): number => effective.filter((candidate) => candidate.evidence
          && !(candidate.route.path !== undefined && isPublicPath(candidate.route.path)) && getResourceKey(candidate.route.path) === key).length;
        const unprotected: { route: RouteRecord; evidence: string }[] = [];
        const ownerIsAdmin = splitIdentifierWords(ownerNames.get(owner) ?? '').includes('admin');
        const roleEvidence = effective.find(({ route }) => route.protection.role);
        for (const { route, protection } of effective) {
          if (protection.auth || protection.role) {
            if (roleEvidence && !protection.role && (ownerIsAdmin || pathHasWord(route.path, 'admin'))) {
              context.report({
                ...toReportTarget(route.report),
                messageId: 'missingRoleCheck',
                data: { route: describeRoute(route.method, route.path), role: roleEvidence.route.protection.roleLabel ?? 'a role check' },
              });
            }
            continue;
          }
          if (protection.optional || protection.assumes || !isSensitiveRoute(route.method, route.path)) continue;
          if (route.isTrivial() || route.isMeantPublic()) continue;
          const evidence = findEvidence(route);
          if (evidence) unprotected.push({ route, evidence });
        }
        for (const { route, evidence } of unprotected) {
          const key = getResourceKey(route.path);
          if (isOpenByDesign(unprotected.filter((other) => getResourceKey(other.route.path) === key).length, protectedSiblings(key), key)) continue;
          context.report({
            ...toReportTarget(route.report),
            messageId: 'missingAuth',
            data: {
              route: describeRoute(route.method, route.path),
              owner: route.ownerName,
              auth: evidence,
              action: MUTATING_METHODS.has(route.method) ? 'change data through it' : 'read the user data it returns',
            },
          });
        }
      }
    }

    /** Route-level checks, then `use`/hooks registered before it on the same owner, then how the owner is mounted. */
    function getEffectiveProtection(route: RouteRecord, owner: unknown): { protection: Protection; evidence: boolean } {
      const protection = { ...route.protection };
      let evidence = route.protection.auth;
      for (const use of uses) {
        if (use.owner !== owner || use.order > route.order) continue;
        if (use.exact && (use.exact.method !== route.method || normalizePath(use.exact.path) !== normalizePath(route.path ?? ''))) continue;
        if (use.prefix !== undefined && !pathHasPrefix(route.path, use.prefix)) continue;
        // An app-wide `use` of something we cannot read (`app.use(security.loadUser())`) populates, it does not enforce.
        mergeProtection(protection, use.prefix === undefined && !use.exact ? { ...use.protection, assumes: false } : use.protection);
        if (use.prefix === undefined && use.protection.auth) evidence = true;
      }
      const inherited = protectedOwners.get(owner);
      if (inherited) mergeProtection(protection, inherited);
      return { protection, evidence };
    }

    /**
     * Routers mounted behind auth (`app.use('/admin', auth, adminRouter)`, a
     * Fastify child registered after `addHook('onRequest', auth)`) are protected as a whole.
     */
    function resolveMountedProtection(): void {
      for (let pass = 0; pass < 3; pass++) {
        for (const use of uses) {
          if (use.mounts.length === 0) continue;
          const protection = { ...use.protection };
          for (const other of uses) {
            if (other.owner !== use.owner || other.order >= use.order || other.mounts.length > 0 || other.exact) continue;
            if (other.prefix !== undefined && use.prefix !== undefined && !pathHasPrefix(use.prefix, other.prefix)) continue;
            mergeProtection(protection, other.protection);
          }
          const parent = protectedOwners.get(use.owner);
          if (parent) mergeProtection(protection, parent);
          if (!protection.auth && !protection.role) continue;
          for (const mounted of use.mounts) {
            const existing = protectedOwners.get(mounted) ?? emptyProtection();
            protectedOwners.set(mounted, mergeProtection(existing, protection));
          }
        }
      }
    }

    // ------------------------------------------------------------------- tRPC

    /**
     * A tRPC router whose procedures are built on an authenticating procedure (`protectedProcedure`), but one
     * mutation on `publicProcedure`: the same evidence as a route without the middleware its siblings carry.
     * Sign-in, sign-up and other public flows by their key (`signUp`, `resetPassword`) are public by design.
     */
    function checkTrpcRouter(router: TSESTree.ObjectExpression): void {
      const procedures = readTrpcProcedures(router, sourceCode);
      const authenticated = procedures.filter((procedure) => procedure.authenticated);
      const [evidence] = authenticated;
      if (!evidence) return;
      const declarator = router.parent.parent;
      const owner = declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier ? declarator.id.name : 'router';
      // `usersRouter.create`: creating an account is signing up.
      const signsUp = (key: string) => (key === 'create' || key === 'register') && splitIdentifierWords(owner).some((word) => SIGN_UP_COLLECTIONS.has(word));
      const open = procedures.filter((procedure) => procedure.open && procedure.mutation && !procedure.rateLimited && !procedure.checksCallerItself && !signsUp(procedure.key) && !isPublicHandlerName(procedure.key) &&
        !hasPublicFlowSegment(procedure.key) && !isExistenceCheckName(procedure.key) && !isPublicPath(`/${procedure.key}`) &&
        !splitIdentifierWords(procedure.key).some((word) => PUBLIC_PROCEDURE_WORDS.has(word)) && !isCommentedPublic(procedure.node));
      if (isOpenByDesign(open.length, authenticated.length, '')) return;
      for (const procedure of open) {
        context.report({
          node: procedure.node.key,
          messageId: 'missingAuth',
          data: { route: `The \`${procedure.key}\` mutation (on \`${procedure.base}\`)`, owner, auth: `\`${evidence.base}\``, action: 'change data through it' },
        });
      }
    }

    // ----------------------------------------------------------------- NestJS

    function checkNestController(node: TSESTree.ClassDeclaration): void {
      const controller = node.decorators.find((decorator) => CONTROLLER_DECORATORS.has(getDecoratorName(decorator) ?? ''));
      if (!controller) return;
      const classProtection = classifyDecorators(node.decorators);
      // `@controller('/orders', authMiddleware)`: middleware for every route of the class.
      mergeProtection(classProtection, classifyDecoratorMiddleware(controller));
      // fastify-decorators: a `@Hook('onRequest')` method runs before every route of the controller.
      for (const member of node.body.body) {
        if (member.type === AST_NODE_TYPES.MethodDefinition && member.value.type === AST_NODE_TYPES.FunctionExpression && member.decorators.some(isGuardHookDecorator)) {
          mergeProtection(classProtection, classifyFunctionBody(member.value));
        }
      }
      const isResolver = getDecoratorName(controller) === 'Resolver';
      // `@Resolver(() => User)` names the type it resolves, not a path.
      const prefix = isResolver ? undefined : getNestPath(controller);
      const isEndpointDecorator = (decorator: TSESTree.Decorator) =>
        isResolver ? GRAPHQL_OPERATION_DECORATORS.has(getDecoratorName(decorator) ?? '') : isRouteDecoratorName(getDecoratorName(decorator));
      const methods = node.body.body.filter(
        (member): member is TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression } =>
          member.type === AST_NODE_TYPES.MethodDefinition && member.value.type === AST_NODE_TYPES.FunctionExpression && member.decorators.some(isEndpointDecorator),
      );
      // `@Public()` anywhere means a global guard protects the rest by default.
      const hasGlobalGuard = methods.some((method) => method.decorators.some((decorator) => publicDecorators.has(getDecoratorName(decorator) ?? '')));
      const records = methods.map((method) => {
        const routeDecorator = method.decorators.find(isEndpointDecorator)!;
        const protection = classifyDecorators(method.decorators);
        mergeProtection(protection, classifyRouteDecoratorHooks(routeDecorator));
        mergeProtection(protection, classifyFunctionBody(method.value, undefined, true));
        const isPublic = method.decorators.some((decorator) => publicDecorators.has(getDecoratorName(decorator) ?? '') || isApiOperationDeclaringPublic(decorator)) || isCommentedPublic(method);
        return {
          method,
          routeDecorator,
          verb: (isResolver ? GRAPHQL_OPERATION_DECORATORS : INVERSIFY_ROUTE_DECORATORS).get(getDecoratorName(routeDecorator) ?? '') ?? (getDecoratorName(routeDecorator) ?? 'Get').toLowerCase(),
          // An operation is named by its field (`@Mutation(() => User, { name: 'signUp' })`, else the method): paths are
          // judged by the words of that name, as `/sign-up` would be.
          path: isResolver ? `/${getOperationName(routeDecorator) ?? getMethodName(method)}` : joinPaths(prefix, getNestPath(routeDecorator)),
          operation: isResolver ? getDecoratorName(routeDecorator) : undefined,
          protection,
          isPublic,
        };
      });
      const guarded = records.find((record) => record.protection.auth && !record.isPublic && !isPublicPath(record.path));
      const className = node.id?.name ?? 'controller';
      const classGuarded = classProtection.auth || classProtection.role;

      // Admin methods without the role check that their siblings carry.
      const roleEvidence = records.find((record) => record.protection.role);
      for (const record of records) {
        const authed = classGuarded || record.protection.auth || record.protection.role || hasGlobalGuard;
        if (roleEvidence && authed && !record.protection.role && !classProtection.role && !record.isPublic && pathHasWord(record.path, 'admin')) {
          context.report({
            node: record.routeDecorator,
            messageId: 'missingRoleCheck',
            data: { route: describeRecord(record), role: roleEvidence.protection.roleLabel ?? 'a role check' },
          });
        }
      }

      if (classGuarded || hasGlobalGuard || !guarded) return;
      const unguarded: typeof records = [];
      for (const record of records) {
        const { protection } = record;
        if (record.isPublic || protection.auth || protection.role || protection.optional || protection.assumes) continue;
        if (getResourceKey(record.path) === '' && isPublicHandlerName(getMethodName(record.method))) continue;
        if (!isSensitiveRoute(record.verb, record.path)) continue;
        // `getHello(): string`: a read declared to answer a plain value returns no one's records.
        if (record.verb === 'get' && returnsPlainValue(record.method.value)) continue;
        // `return { ok: true }`: a read stub that only answers returns no one's records.
        if (record.verb === 'get' && isTrivialHandler(record.method.value)) continue;
        // `throw new NotImplementedException()`: a stub that only turns requests down exposes nothing.
        if (answersOnlyWithErrors(record.method.value, resolveLocalFunction)) continue;
        unguarded.push(record);
      }
      const guardedCount = records.filter((record) => record.protection.auth && !record.isPublic && !isPublicPath(record.path)).length;
      if (isOpenByDesign(unguarded.length, guardedCount, getResourceKey(prefix))) return;
      for (const record of unguarded) {
        context.report({
          node: record.routeDecorator,
          messageId: 'missingGuard',
          data: {
            name: getMethodName(record.method),
            route: describeRecord(record),
            controller: className,
            auth: guarded.protection.label ?? 'a guard',
            action: MUTATING_METHODS.has(record.verb) ? 'change data through it' : 'read the user data it returns',
          },
        });
      }
    }

    /** `@UseGuards(AuthGuard('jwt'))`, `@Auth()`, `@Roles('admin')`, `@HasPermission(…)` on a class or method. */
    function classifyDecorators(decorators: TSESTree.Decorator[]): Protection {
      const protection = emptyProtection();
      for (const decorator of decorators) {
        const name = getDecoratorName(decorator);
        // Swagger's `@ApiBearerAuth()` documents auth, it does not enforce it.
        if (name === undefined || name.startsWith('Api')) continue;
        const expression = decorator.expression;
        if (name === 'UseGuards' && expression.type === AST_NODE_TYPES.CallExpression) {
          for (const guard of expression.arguments) {
            const guardNode = unwrapExpression(guard);
            const guardName = getExpressionName(guardNode);
            if (guardName === undefined || isThrottleName(guardName)) continue;
            const text = `\`@UseGuards(${sourceCode.getText(guardNode)})\``;
            if (isRoleName(guardName)) {
              protection.role = true;
              protection.roleLabel ??= text;
              protection.label ??= text;
            } else {
              // Any other guard on a route decides who may call it (API keys, sessions, JWT).
              protection.auth = true;
              protection.label ??= text;
            }
          }
          continue;
        }
        // routing-controllers: `@UseBefore(authMiddleware)` runs middleware first; `@Authorized()` requires a signed-in
        // user, `@Authorized('admin')` a role. tsoa: `@Security('jwt')` authenticates.
        // overnightjs: `@Middleware(auth)` / `@Middleware([auth, limiter])` on a method, `@ClassMiddleware(…)` on a controller.
        if ((name === 'UseBefore' || name === 'Middleware' || name === 'ClassMiddleware') && expression.type === AST_NODE_TYPES.CallExpression) {
          for (const argument of expression.arguments) {
            const value = unwrapExpression(argument);
            const middleware = value.type === AST_NODE_TYPES.ArrayExpression ? value.elements : [argument];
            for (const element of middleware) if (element && element.type !== AST_NODE_TYPES.SpreadElement) mergeProtection(protection, classifyMiddleware(element));
          }
          continue;
        }
        if (name === 'Authorized' || name === 'Security') {
          protection.auth = true;
          protection.label ??= `\`@${name}()\``;
          if (name === 'Authorized' && expression.type === AST_NODE_TYPES.CallExpression && expression.arguments.length > 0) {
            protection.role = true;
            protection.roleLabel ??= `\`@${name}(…)\``;
          }
          continue;
        }
        if (isRoleName(name) && !['Controller'].includes(name)) {
          protection.role = true;
          protection.roleLabel ??= `\`@${name}()\``;
        } else if (isAuthName(name) && !looksLikeOptionalAuthName(name)) {
          protection.auth = true;
          protection.label ??= `\`@${name}()\``;
        }
      }
      return protection;
    }


    /** inversify-express-utils: the middleware after a `@controller`/`@httpGet` decorator's path. */
    function classifyDecoratorMiddleware(decorator: TSESTree.Decorator): Protection {
      const expression = decorator.expression;
      const protection = emptyProtection();
      const name = getDecoratorName(decorator) ?? '';
      if (expression.type !== AST_NODE_TYPES.CallExpression || (name !== 'controller' && !INVERSIFY_ROUTE_DECORATORS.has(name))) return protection;
      for (const argument of expression.arguments.slice(1)) mergeProtection(protection, classifyMiddleware(argument));
      return protection;
    }

    /** Nest's `@Controller('users')` / `{ path }`, fastify-decorators' `@Controller({ route })` and `@GET({ url })`. */
    function getNestPath(decorator: TSESTree.Decorator): string | undefined {
      if (decorator.expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const [first] = decorator.expression.arguments;
      if (!first) return undefined;
      const value = unwrapExpression(first);
      if (value.type === AST_NODE_TYPES.ObjectExpression) {
        const path = findKey(value, 'path') ?? findKey(value, 'url') ?? findKey(value, 'route');
        return path ? getPathString(path) : undefined;
      }
      return getPathString(value);
    }

    /**
     * The middleware a route decorator carries: fastify-decorators' route options (`@GET('/', { onRequest })`,
     * `@GET({ url, options: { preHandler } })`), inversify's arguments after the path (`@httpPost('/', auth)`).
     */
    function classifyRouteDecoratorHooks(decorator: TSESTree.Decorator): Protection {
      const expression = decorator.expression;
      if (INVERSIFY_ROUTE_DECORATORS.has(getDecoratorName(decorator) ?? '')) return classifyDecoratorMiddleware(decorator);
      if (expression.type !== AST_NODE_TYPES.CallExpression || !FASTIFY_ROUTE_DECORATORS.has(getDecoratorName(decorator) ?? '')) return emptyProtection();
      const [first, second] = expression.arguments.map((argument) => unwrapExpression(argument));
      const options = second ?? (first?.type === AST_NODE_TYPES.ObjectExpression ? findKey(first, 'options') : undefined);
      return options ? classifyMiddleware(options) : emptyProtection();
    }

    // ---------------------------------------------------------------- Next.js

    /** Route files that export `GET`/`POST`/…: a mutating export without the auth call its siblings make. */
    function checkNextRouteFile(program: TSESTree.Program): void {
      const handlers: { name: string; id: TSESTree.Identifier; protection: Protection }[] = [];
      // Read the file's own auth helpers only for a route file: most files export no `GET`/`POST`.
      let localAuthFunctions: Set<string> | undefined;
      const getAuthFunctions = (): Set<string> => (localAuthFunctions ??= getLocalAuthFunctions(program));
      for (const statement of program.body) {
        if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || !statement.declaration) continue;
        const declaration = statement.declaration;
        if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id && NEXT_HANDLER_NAMES.has(declaration.id.name)) {
          handlers.push({ name: declaration.id.name, id: declaration.id, protection: classifyFunctionBody(declaration, getAuthFunctions(), true) });
        } else if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const declarator of declaration.declarations) {
            if (declarator.id.type !== AST_NODE_TYPES.Identifier || !NEXT_HANDLER_NAMES.has(declarator.id.name) || !declarator.init) continue;
            const init = unwrapExpression(declarator.init);
            let protection: Protection;
            if (isFunctionNode(init)) {
              protection = classifyFunctionBody(init, getAuthFunctions(), true);
            } else if (init.type === AST_NODE_TYPES.CallExpression) {
              // `export const POST = withAuth(async (req) => …)`: the wrapper or the wrapped function.
              protection = classifyMiddleware(init.callee);
              for (const argument of init.arguments) {
                const inner = unwrapExpression(argument);
                if (isFunctionNode(inner)) mergeProtection(protection, classifyFunctionBody(inner, getAuthFunctions(), true));
              }
            } else {
              continue;
            }
            handlers.push({ name: declarator.id.name, id: declarator.id, protection });
          }
        }
      }
      const evidence = handlers.find((handler) => handler.protection.auth && !handler.protection.optional);
      if (!evidence) return;
      const filePath = getNextRoutePath(context.filename);
      if (filePath !== undefined && isPublicPath(filePath)) return;
      for (const handler of handlers) {
        const { protection } = handler;
        if (handler.name === 'GET' || protection.auth || protection.role || protection.optional || protection.assumes) continue;
        context.report({
          node: handler.id,
          messageId: 'missingHandlerAuth',
          data: { name: handler.name, sibling: evidence.name, auth: evidence.protection.label ?? 'an auth check' },
        });
      }
    }

    /** Module-level functions whose body authenticates (`async function requireUser() { const s = await auth(); … }`). */
    function getLocalAuthFunctions(program: TSESTree.Program): Set<string> {
      const names = new Set<string>();
      for (const statement of program.body) {
        const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
        if (!declaration) continue;
        if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id && !NEXT_HANDLER_NAMES.has(declaration.id.name)) {
          const protection = classifyFunctionBody(declaration);
          if (protection.auth && !protection.optional) names.add(declaration.id.name);
        }
      }
      return names;
    }

    // ------------------------------------------------------ classification

    function emptyProtection(): Protection {
      return { auth: false, optional: false, role: false, assumes: false, label: undefined, roleLabel: undefined };
    }

    /** Nothing read: no auth, optional auth, role check or unreadable gate. */
    function isEmptyProtection(protection: Protection): boolean {
      return !protection.auth && !protection.optional && !protection.role && !protection.assumes;
    }

    function mergeProtection(target: Protection, source: Protection): Protection {
      target.auth ||= source.auth;
      target.optional ||= source.optional;
      target.role ||= source.role;
      target.assumes ||= source.assumes;
      target.label ??= source.label;
      target.roleLabel ??= source.roleLabel;
      return target;
    }

    /** Every middleware of a route and its final handler's body; `middlewareProtections` gets what each middleware does. */
    function classifyRouteHandlers(handlers: TSESTree.Node[], path?: string, middlewareProtections?: Map<TSESTree.Node, Protection>): Protection {
      const protection = emptyProtection();
      handlers.forEach((handler, index) => {
        const isLast = index === handlers.length - 1;
        // Reading the handler's body only matters when its middleware left something open:
        // auth, or the role check of an admin route.
        if (isLast && isFunctionNode(unwrapExpression(handler)) && protection.auth && (protection.role || !path?.includes('admin'))) return;
        const handlerProtection = classifyMiddleware(handler, !isLast);
        if (!isLast) middlewareProtections?.set(handler, handlerProtection);
        mergeProtection(protection, handlerProtection);
      });
      return protection;
    }

    /**
     * What one middleware argument does: by its name (`requireAuth`, `auth.required`,
     * `passport.authenticate('jwt')`, `requireRole('admin')`), or by its body when
     * it is a function of this file (`(req, res, next) => { if (!req.user) return res.sendStatus(401) … }`).
     */
    function classifyMiddleware(input: TSESTree.Node, isMiddleware = true): Protection {
      const node = unwrapExpression(input);
      const protection = emptyProtection();
      if (node.type === AST_NODE_TYPES.ArrayExpression) {
        for (const element of node.elements) if (element && element.type !== AST_NODE_TYPES.SpreadElement) mergeProtection(protection, classifyMiddleware(element));
        return protection;
      }
      if (node.type === AST_NODE_TYPES.ObjectExpression) {
        // Fastify route options: `{ preHandler: [fastify.authenticate], handler }`.
        for (const property of node.properties) {
          if (property.type !== AST_NODE_TYPES.Property) continue;
          const key = getPropertyKeyName(property);
          if (key !== undefined && (FASTIFY_HOOK_KEYS.has(key) || key === 'handler')) mergeProtection(protection, classifyMiddleware(property.value));
        }
        return protection;
      }
      if (isFunctionNode(node)) return classifyFunctionBody(node, undefined, !isMiddleware);

      const name = getExpressionName(node);
      const text = truncate(sourceCode.getText(node));
      if (name !== undefined && !nonEnforcing.has(name)) {
        const optional = looksLikeOptionalAuthName(name) || hasOptionalFlag(node);
        if (optional && name.split('.').some((segment) => authNames.has(segment) || looksLikeAuthCheckName(segment))) {
          protection.optional = true;
          protection.label = `\`${text}\``;
          return protection;
        }
        if (isRoleName(name) || hasRoleOption(node)) {
          protection.role = true;
          protection.roleLabel = `\`${text}\``;
          protection.label = `\`${text}\``;
          return protection;
        }
        if (isAuthName(name)) {
          if (optional) protection.optional = true;
          else protection.auth = true;
          protection.label = `\`${text}\``;
          return protection;
        }
        if (looksLikeGatekeeper(name, isMiddleware)) {
          // `security.denyAll()`, `loadUser`, `acl.check('x')`: some access decision we cannot read; stay quiet.
          protection.assumes = true;
          return protection;
        }
      }
      // A handler or middleware defined in this file: judge it by its body.
      const local = resolveLocalFunction(node);
      if (local) return classifyFunctionBody(local, undefined, !isMiddleware);
      // `const middlewares = [upload.array('files'), middleware.ensureLoggedIn]`, `const mw = middleware.ensureLoggedIn`.
      const listed = resolveLocalMiddlewareList(node);
      if (listed) return classifyMiddleware(listed, isMiddleware);
      if (node.type === AST_NODE_TYPES.CallExpression) {
        // `asyncHandler(async (req, res) => …)`, `catchAsync(handler)`.
        for (const argument of node.arguments) {
          const inner = unwrapExpression(argument);
          if (isFunctionNode(inner) || inner.type === AST_NODE_TYPES.Identifier) mergeProtection(protection, classifyMiddleware(inner, isMiddleware));
        }
      }
      return protection;
    }

    /** See `looksLikeGatekeeperName`. */
    function looksLikeGatekeeper(dotted: string, isMiddleware: boolean): boolean {
      return isMiddleware ? isGatekeeperMiddlewareName(dotted) : isGatekeeperName(dotted);
    }

    /** The dotted name of a middleware: `requireAuth`, `auth.required`, `passport.authenticate` for `passport.authenticate('jwt')`. */
    function getExpressionName(node: TSESTree.Node): string | undefined {
      const expression = unwrapExpression(node);
      if (expression.type === AST_NODE_TYPES.Identifier) return getImportedName(expression) ?? expression.name;
      if (expression.type === AST_NODE_TYPES.CallExpression && unwrapExpression(expression.callee).type === AST_NODE_TYPES.Identifier) {
        const callee = unwrapExpression(expression.callee) as TSESTree.Identifier;
        return getImportedName(callee) ?? callee.name;
      }
      if (expression.type === AST_NODE_TYPES.CallExpression) {
        const path = getCalleePath(expression);
        if (path) return path.join('.');
        // `security.isAuthorized()()` or `auth()()`.
        return expression.callee.type === AST_NODE_TYPES.CallExpression ? getExpressionName(expression.callee) : undefined;
      }
      if (expression.type === AST_NODE_TYPES.NewExpression) return getCalleePath(expression)?.join('.');
      return getMemberPath(expression)?.filter((segment) => segment !== 'this').join('.');
    }

    /** The exported name behind an aliased import: `import { requireAuth as authed }` → `requireAuth`. */
    function getImportedName(identifier: TSESTree.Identifier): string | undefined {
      const definition = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier.name)?.defs[0];
      if (definition?.node.type !== AST_NODE_TYPES.ImportSpecifier) return undefined;
      const imported = definition.node.imported;
      return imported.type === AST_NODE_TYPES.Identifier ? imported.name : String(imported.value);
    }

    function isThrottleName(name: string): boolean {
      const words = splitIdentifierWords(name);
      return words.some((word) => ['throttle', 'throttler', 'rate', 'limit', 'limiter', 'cache', 'logging', 'timeout'].includes(word));
    }

    /** `auth({ optional: true })`, `passport.authenticate(['jwt', 'anonymous'])`. */
    function hasOptionalFlag(node: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      return node.arguments.some((argument) => {
        const value = unwrapExpression(argument);
        if (value.type === AST_NODE_TYPES.ObjectExpression) {
          const optional = findKey(value, 'optional') ?? findKey(value, 'credentialsRequired');
          if (!optional || optional.type !== AST_NODE_TYPES.Literal) return false;
          return findKey(value, 'optional') ? optional.value === true : optional.value === false;
        }
        if (value.type === AST_NODE_TYPES.ArrayExpression) return value.elements.some((element) => element && getStaticKey(element) === 'anonymous');
        return false;
      });
    }

    /** `auth({ role: 'admin' })`, `auth({ admin: true })`. */
    function hasRoleOption(node: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.CallExpression || !isAuthName(getExpressionName(node) ?? '')) return false;
      return node.arguments.some((argument) => {
        const value = unwrapExpression(argument);
        return value.type === AST_NODE_TYPES.ObjectExpression && ['role', 'roles', 'admin', 'permission', 'permissions', 'scope', 'scopes'].some((key) => findKey(value, key));
      });
    }

    /** A function declared in this file that an identifier names (`const requireOwner = (req, res, next) => …`). */
    function resolveLocalFunction(node: TSESTree.Node): FunctionNode | undefined {
      if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), node.name);
      const definition = variable?.defs[0];
      if (!definition) return undefined;
      if (definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node;
      if (definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init) {
        const init = unwrapExpression(definition.node.init);
        if (isFunctionNode(init)) return init;
      }
      return undefined;
    }

    /** The array or member expression a local `const` holds, when middleware is passed by that name. */
    function resolveLocalMiddlewareList(node: TSESTree.Node): TSESTree.Expression | undefined {
      if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
      const definition = ASTUtils.findVariable(sourceCode.getScope(node), node.name)?.defs[0];
      if (definition?.node.type !== AST_NODE_TYPES.VariableDeclarator || definition.parent?.type !== AST_NODE_TYPES.VariableDeclaration ||
        definition.parent.kind !== 'const' || !definition.node.init) return undefined;
      const init = unwrapExpression(definition.node.init);
      return init.type === AST_NODE_TYPES.ArrayExpression || init.type === AST_NODE_TYPES.MemberExpression ? init : undefined;
    }

    /**
     * What a function's body proves: it rejects anonymous callers (401,
     * `UnauthorizedException`, an auth helper, `jwt.verify`, a webhook signature
     * check) or checks a role. Reading `req.user` alone proves nothing: without the
     * middleware its siblings carry, it is simply undefined. A 403 from a middleware
     * turns away callers without credentials as often as callers without rights; from
     * a route's own handler (`asHandler`) it refuses a caller already signed in
     * (`if (!user.isSuperAdmin) throw new HttpException('Forbidden', 403)`): a role check.
     */
    function classifyFunctionBody(fn: FunctionNode, authFunctions?: ReadonlySet<string>, asHandler = false): Protection {
      const cache = asHandler ? handlerProtectionCache : functionProtectionCache;
      const cached = authFunctions ? undefined : cache.get(fn);
      if (cached) return cached;
      const protection = emptyProtection();
      if (!authFunctions) cache.set(fn, protection);
      const requestNames = new Set(['req', 'request', 'ctx', 'context', 'c']);
      const first = fn.params[0];
      if (first?.type === AST_NODE_TYPES.Identifier) requestNames.add(first.name);
      const visit = (node: TSESTree.Node): void => {
        inspectNode(node, protection, requestNames, authFunctions, asHandler);
        for (const key of sourceCode.visitorKeys[node.type] ?? []) {
          const child = (node as unknown as Record<string, unknown>)[key];
          if (Array.isArray(child)) {
            for (const item of child) if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
          } else if (child && typeof child === 'object' && 'type' in child) {
            visit(child as TSESTree.Node);
          }
        }
      };
      visit(fn.body);
      return protection;
    }

    function inspectNode(node: TSESTree.Node, protection: Protection, requestNames: ReadonlySet<string>, authFunctions: ReadonlySet<string> | undefined, asHandler: boolean): void {
      const markDenial = (statuses: readonly TSESTree.Node[]) => {
        const status = getDenyStatus(statuses);
        if (status === 401 || (status === 403 && !asHandler)) markAuth(protection, 'a 401 response');
        else if (status === 403) markRole(protection, 'a 403 response');
      };
      switch (node.type) {
        case AST_NODE_TYPES.CallExpression: {
          const path = getCalleePath(node);
          const dotted = path?.join('.');
          const last = path?.at(-1);
          if (dotted === undefined || last === undefined) {
            markDenial(node.arguments);
            return;
          }
          if (isAuthHelperCall(node, path!, requestNames, authFunctions)) {
            markAuth(protection, `\`${last}()\``);
          } else if (handsOverRequest(node, requestNames)) {
            // `return trashCipherById(c)`: a function of this file given the request does the handler's work, checks included.
            const local = resolveLocalFunction(node.callee);
            if (local) {
              const inner = classifyFunctionBody(local, authFunctions, asHandler);
              if (inner.auth) markAuth(protection, inner.label ?? `\`${last}()\``);
              if (inner.role) {
                protection.role = true;
                protection.roleLabel ??= inner.roleLabel;
              }
            }
          } else if (isRoleName(dotted) && !isRequestDataCall(path!) && (!asHandler || asksAboutCaller(node, requestNames))) {
            protection.role = true;
            protection.roleLabel ??= `\`${last}()\``;
          }
          const words = splitIdentifierWords(last);
          if (words.includes('unauthorized') || words.includes('unauthenticated')
            || ((words.includes('authentication') || words.includes('authorization')) && (words.includes('error') || words.includes('exception')))) {
            markAuth(protection, 'a 401 response');
          } else if (words.includes('forbidden')) {
            markDenial([node]);
          }
          if (isSignatureCheck(words)) markAuth(protection, 'a signature check');
          if (isStatusCall(last)) markDenial(node.arguments);
          // `req.header('x-api-key')`, `request.headers.get('authorization')`, `c.req.query('token')`.
          const [first] = node.arguments;
          const name = first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value : undefined;
          if (name !== undefined && requestNames.has(path![0]!) &&
            (((last === 'header' || last === 'get') && isCredentialHeaderName(name)) || (last === 'query' && CREDENTIAL_QUERY_PARAMETERS.has(name)))) {
            markCredentialRead(protection);
          }
          return;
        }
        case AST_NODE_TYPES.VariableDeclarator: {
          // `const { 'x-api-key': apiKey } = req.headers`, `const { token } = req.query`.
          const source = node.init && getMemberPath(node.init);
          if (node.id.type !== AST_NODE_TYPES.ObjectPattern || !source || !requestNames.has(source[0]!)) return;
          for (const property of node.id.properties) {
            const key = property.type === AST_NODE_TYPES.Property ? getPropertyKeyName(property) : undefined;
            if (key !== undefined && isCredentialRead(source.at(-1)!, key)) markCredentialRead(protection);
          }
          return;
        }
        case AST_NODE_TYPES.NewExpression: {
          const name = getCalleePath(node)?.at(-1) ?? '';
          const words = splitIdentifierWords(name);
          if (words.includes('unauthorized') || words.includes('unauthenticated') || (words.includes('authentication') && words.includes('error'))) {
            markAuth(protection, `\`${name}\``);
          } else if (words.includes('forbidden')) {
            protection.role = true;
            protection.roleLabel ??= `\`${name}\``;
          } else if (words.includes('exception') || words.includes('error') || name === 'Response' || name === 'NextResponse') {
            markDenial(node.arguments);
          }
          return;
        }
        case AST_NODE_TYPES.Property: {
          if (getPropertyKeyName(node) === 'status') markDenial([node.value]);
          return;
        }
        case AST_NODE_TYPES.AssignmentExpression: {
          const path = node.left.type === AST_NODE_TYPES.MemberExpression ? getMemberPath(node.left) : undefined;
          if (path?.at(-1) === 'status') markDenial([node.right]);
          return;
        }
        case AST_NODE_TYPES.MemberExpression: {
          const path = getMemberPath(node);
          if (!path) return;
          const last = path.at(-1)!;
          if (/^(UNAUTHORIZED|FORBIDDEN|Unauthorized|Forbidden)$/.test(last) && path.length === 2) {
            markDenial([node]);
            return;
          }
          // `req.headers['x-api-key']`, `req.headers.authorization`, `req.query.apiKey`: the handler checks a credential itself.
          if (path.length >= 3 && requestNames.has(path[0]!) && isCredentialRead(path.at(-2)!, last)) {
            markCredentialRead(protection);
            return;
          }
          if (['role', 'roles', 'isAdmin', 'permissions', 'scopes', 'isSuperAdmin', 'isStaff'].includes(last) && path.length >= 2) {
            protection.role = true;
            protection.roleLabel ??= `a \`${last}\` check`;
          }
          return;
        }
        default:
          return;
      }
    }

    /**
     * Whether a role-named call in a handler asks about the caller: `isAdmin(req.user)`, `requireRole(req, 'admin')`,
     * `checkAdmin()`, not `canModifyAdmin(userToModify, updates)` about the record being changed.
     */
    function asksAboutCaller(call: TSESTree.CallExpression, requestNames: ReadonlySet<string>): boolean {
      return call.arguments.every((argument) => {
        const value = unwrapExpression(argument);
        if (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.ArrayExpression) return true;
        if (value.type === AST_NODE_TYPES.Identifier && !requestNames.has(value.name)) return isCallerBinding(value, requestNames);
        const root = value.type === AST_NODE_TYPES.Identifier ? value.name : getMemberPath(value)?.[0];
        return root !== undefined && (requestNames.has(root) || root === 'res' || root === 'response' || root === 'session');
      });
    }

    /** `@CurrentUser() user` (a parameter) or `const user = req.user`: the caller, not a record the handler loaded. */
    function isCallerBinding(identifier: TSESTree.Identifier, requestNames: ReadonlySet<string>): boolean {
      const definition = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier)?.defs[0];
      if (definition?.type === 'Parameter') return true;
      if (definition?.type !== 'Variable' || !definition.node.init) return false;
      const root = getMemberPath(unwrapExpression(definition.node.init))?.[0];
      return root !== undefined && (requestNames.has(root) || root === 'res' || root === 'response');
    }

    /** A call that passes the request object on (`trashCipherById(c)`, `handle(req, res)`). */
    function handsOverRequest(call: TSESTree.CallExpression, requestNames: ReadonlySet<string>): boolean {
      return call.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && requestNames.has(argument.name));
    }

    function markAuth(protection: Protection, label: string): void {
      protection.auth = true;
      protection.label ??= label;
    }

    /**
     * A credential the code reads off the request itself (`req.headers['x-api-key']`): it checks its caller, but
     * how, this file may not show (a lookup, a comparison, a session helper that repeats the app's global hook),
     * so it protects its own route without being the evidence its siblings are held to.
     */
    function markCredentialRead(protection: Protection): void {
      protection.assumes = true;
    }

    function markRole(protection: Protection, label: string): void {
      protection.role = true;
      protection.roleLabel ??= label;
    }



    /** A call to the auth helper: `auth()`, `getServerSession(authOptions)`, `supabase.auth.getUser()`, `jwt.verify(token, …)`. */
    function isAuthHelperCall(
      call: TSESTree.CallExpression,
      path: string[],
      requestNames: ReadonlySet<string>,
      authFunctions: ReadonlySet<string> | undefined,
    ): boolean {
      const last = path.at(-1)!;
      const dotted = path.join('.');
      if (authFunctions?.has(dotted)) return true;
      if (dotted === 'jwt.verify' || last === 'jwtVerify' || last === 'verifyIdToken' || last === 'isAuthenticated') return true;
      if (path.length > 1 && path.slice(0, -1).includes('auth') && ['getUser', 'getSession', 'getClaims', 'api'].includes(last)) return true;
      if (helperNames.has(dotted) || helperNames.has(last)) {
        if (!AMBIGUOUS_HELPERS.has(last)) return true;
        // `getUser(id)` reads a row; `getUser()` / `getUser(req)` reads the session.
        return call.arguments.every((argument) => {
          const value = unwrapExpression(argument);
          if (value.type === AST_NODE_TYPES.Identifier) return requestNames.has(value.name) || /options|config/i.test(value.name);
          if (value.type === AST_NODE_TYPES.CallExpression) return ['cookies', 'headers'].includes(getCalleePath(value)?.at(-1) ?? '');
          return value.type === AST_NODE_TYPES.ObjectExpression;
        });
      }
      if (isAuthName(dotted) && !isRequestDataCall(path) && /^(require|ensure|verify|check|assert|authenticate|validate)/.test(last)) return true;
      return false;
    }

    /** `req.body.role`, `c.req.param()`: reads of client input, not checks. */
    function isRequestDataCall(path: string[]): boolean {
      return path.some((segment) => CLIENT_INPUT_KEYS.has(segment) && segment !== 'request' && segment !== 'req');
    }

    function isSignatureCheck(words: string[]): boolean {
      return (words.includes('signature') && (words.includes('verify') || words.includes('validate') || words.includes('check')))
        || (words.includes('construct') && words.includes('event'))
        || (words.includes('webhook') && (words.includes('verify') || words.includes('validate')))
        || (words.includes('safe') && (words.includes('equal') || words.includes('compare')));
    }

    function isStatusCall(name: string): boolean {
      return ['status', 'sendStatus', 'code', 'throw', 'json', 'text', 'send', 'redirect', 'createError', 'assert', 'error', 'HttpError', 'httpError', 'fail'].includes(name);
    }

    /**
     * The refusal among these values: 401 when one says the caller is unknown (`401`, `UNAUTHORIZED`),
     * else 403 when one says they may not (`403`, `FORBIDDEN`, a call named for it).
     */
    function getDenyStatus(nodes: readonly TSESTree.Node[]): 401 | 403 | undefined {
      let found: 403 | undefined;
      for (const node of nodes) {
        const value = unwrapExpression(node);
        let name: string | undefined;
        if (value.type === AST_NODE_TYPES.Literal) {
          if (value.value === 401) return 401;
          if (value.value === 403) found = 403;
          continue;
        }
        if (value.type === AST_NODE_TYPES.MemberExpression) name = getMemberPath(value)?.at(-1);
        else if (value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.NewExpression) name = getCalleePath(value)?.at(-1);
        if (name === undefined) continue;
        if (/^(?:UNAUTHORIZED|Unauthorized)$/.test(name)) return 401;
        if (/^(?:FORBIDDEN|Forbidden)$/.test(name) || splitIdentifierWords(name).includes('forbidden')) found = 403;
      }
      return found;
    }

    // ------------------------------------------------------------- owners

    /**
     * The router a route is registered on, through chains:
     * `router.route('/x').get(a).post(b)` → `router` with path `/x`;
     * `new Hono().get(…).post(…)` → the `new Hono()` expression.
     */
    function getChainOwner(node: TSESTree.Node): { ownerNode: TSESTree.Node; routePath: string | undefined } | undefined {
      let current = unwrapExpression(node);
      let routePath: string | undefined;
      for (;;) {
        if (current.type !== AST_NODE_TYPES.CallExpression) break;
        const callee = unwrapExpression(current.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) break;
        const method = getMemberPropertyName(callee);
        if (method === 'route' && current.arguments[0] && current.arguments.length === 1) {
          routePath ??= getPathString(current.arguments[0]);
          if (routePath === undefined) return undefined;
        } else if (method === undefined || !(ROUTE_METHODS.has(method) || method === 'use' || method === 'openapi' || method === 'basePath' || method === 'prefix')) {
          break;
        }
        current = unwrapExpression(callee.object);
      }
      return { ownerNode: current, routePath };
    }

    /** A stable key for the router object: its variable, or the node for `new Hono()` / `this.router`. */
    function getOwnerKey(node: TSESTree.Node): unknown {
      const expression = unwrapExpression(node);
      if (expression.type === AST_NODE_TYPES.Identifier) {
        return ASTUtils.findVariable(sourceCode.getScope(expression), expression.name) ?? `global:${expression.name}`;
      }
      if (expression.type === AST_NODE_TYPES.MemberExpression) {
        const path = getMemberPath(expression);
        if (!path) return undefined;
        // `this.router` in a class: one key per class.
        let scopeNode: TSESTree.Node | undefined = expression;
        while (scopeNode && scopeNode.type !== AST_NODE_TYPES.ClassBody && scopeNode.type !== AST_NODE_TYPES.Program) scopeNode = scopeNode.parent;
        return `${path.join('.')}@${scopeNode?.range[0] ?? 0}`;
      }
      if (expression.type === AST_NODE_TYPES.NewExpression || expression.type === AST_NODE_TYPES.CallExpression) {
        return isRouterFactory(expression) ? expression : undefined;
      }
      return undefined;
    }

    /** `router.routes()` (Koa), a router variable: what `app.use(...)` mounts. */
    function getMountedRouter(node: TSESTree.Node): unknown {
      const expression = unwrapExpression(node);
      if (expression.type === AST_NODE_TYPES.CallExpression) {
        const callee = unwrapExpression(expression.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && ['routes', 'middleware'].includes(getMemberPropertyName(callee) ?? '')) {
          return getOwnerKey(callee.object);
        }
        return undefined;
      }
      if (expression.type !== AST_NODE_TYPES.Identifier && expression.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const key = getOwnerKey(expression);
      return key !== undefined && routes.some((route) => route.owner === key) ? key : isDeclaredRouter(expression) ? key : undefined;
    }

    /** Whether the receiver is a router or app: made by a router factory here, or named like one. */
    function isRouterOwner(node: TSESTree.Node): boolean {
      const expression = unwrapExpression(node);
      if (expression.type === AST_NODE_TYPES.NewExpression || expression.type === AST_NODE_TYPES.CallExpression) return isRouterFactory(expression);
      if (expression.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression.name);
        const definition = variable?.defs[0];
        if (definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init) {
          // `const api = axios.create()` is a client, however it is named.
          return isRouterFactory(unwrapExpression(definition.node.init));
        }
        return isRouterName(expression.name);
      }
      const path = getMemberPath(expression);
      return path !== undefined && isRouterName(path.at(-1)!);
    }

    function isDeclaredRouter(node: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.Identifier) return false;
      const definition = ASTUtils.findVariable(sourceCode.getScope(node), node.name)?.defs[0];
      return definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init !== null && isRouterFactory(unwrapExpression(definition.node.init));
    }

    function isRouterName(name: string): boolean {
      if (ROUTER_NAMES.has(name)) return true;
      const words = splitIdentifierWords(name);
      return words.at(-1) === 'router' || words.at(-1) === 'app' || words.at(-1) === 'routes' || words.at(-1) === 'server';
    }

    /** `express()`, `express.Router()`, `Router({ mergeParams: true })`, `new Hono<Env>().basePath('/api')`. */
    function isRouterFactory(node: TSESTree.Node): boolean {
      let current = unwrapExpression(node);
      while (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
        const name = getMemberPropertyName(current.callee);
        if (name === 'basePath' || name === 'prefix' || ROUTE_METHODS.has(name ?? '') || name === 'use' || name === 'openapi') {
          current = unwrapExpression(current.callee.object);
        } else {
          break;
        }
      }
      if (current.type !== AST_NODE_TYPES.CallExpression && current.type !== AST_NODE_TYPES.NewExpression) return false;
      const path = getCalleePath(current);
      if (!path) return false;
      return routerFactories.has(path.join('.')) || routerFactories.has(path.at(-1)!);
    }

    // --------------------------------------------------------------- paths

    /** A route path from a string, a template literal (`${prefix}/users` → `:prefix/users`) or an array's first string. */
    function getPathString(node: TSESTree.Node): string | undefined {
      const value = unwrapExpression(node);
      if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return value.value;
      if (value.type === AST_NODE_TYPES.Literal && 'regex' in value && value.regex) return `/${value.regex.pattern}`;
      if (value.type === AST_NODE_TYPES.TemplateLiteral) {
        return value.quasis.map((quasi) => quasi.value.cooked ?? '').join(':param');
      }
      if (value.type === AST_NODE_TYPES.ArrayExpression && value.elements.length > 0) {
        const strings = value.elements.map((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? getPathString(element) : undefined));
        return strings.every((item) => item !== undefined) ? strings[0] : undefined;
      }
      return undefined;
    }

    /**
     * Whether an inline handler only answers: every call in it goes to the response
     * (`ctx.set`, `res.status(405).json`, `c.json`) and it awaits nothing.
     */
    function isTrivialHandler(node: TSESTree.Node): boolean {
      const handler = unwrapExpression(node);
      if (!isFunctionNode(handler)) return false;
      const responseNames = new Set(['res', 'reply', 'ctx', 'c', 'context', 'response', 'h', 'JSON', 'console', 'next']);
      for (const param of handler.params) if (param.type === AST_NODE_TYPES.Identifier) responseNames.add(param.name);
      let trivial = true;
      const visit = (current: TSESTree.Node): void => {
        if (!trivial) return;
        if (current.type === AST_NODE_TYPES.AwaitExpression || current.type === AST_NODE_TYPES.YieldExpression) {
          trivial = false;
          return;
        }
        if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) {
          let root: TSESTree.Node = unwrapExpression(current.callee);
          let firstMember: string | undefined;
          while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
            if (root.type === AST_NODE_TYPES.MemberExpression) firstMember = getMemberPropertyName(root);
            root = unwrapExpression(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
          }
          // `res.status(405).json(…)`, `ctx.set('Allow', 'POST')`, `c.req.param('id')` — not `c.env.DB.prepare(…)`.
          const isResponseCall = root.type === AST_NODE_TYPES.Identifier
            && (root.name === 'Response' || root.name === 'NextResponse' || root.name === 'JSON' || root.name === 'console'
              || (responseNames.has(root.name) && (firstMember === undefined || RESPONSE_MEMBERS.has(firstMember))));
          if (!isResponseCall) {
            trivial = false;
            return;
          }
        }
        for (const key of sourceCode.visitorKeys[current.type] ?? []) {
          const child = (current as unknown as Record<string, unknown>)[key];
          if (Array.isArray(child)) {
            for (const item of child) if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
          } else if (child && typeof child === 'object' && 'type' in child) {
            visit(child as TSESTree.Node);
          }
        }
      };
      visit(handler.body);
      return trivial;
    }

    /**
     * Router files often use relative paths (`router.route('/').post(registerUser)` mounted at `/api/users`):
     * there the handler's name is what says the route is sign-in or sign-up.
     */
    function isPublicHandlerName(dotted: string | undefined): boolean {
      if (dotted === undefined) return false;
      const words = splitIdentifierWords(dotted.split('.').at(-1)!);
      const joined = words.join(' ');
      return words.some((word) => PUBLIC_HANDLER_WORDS.has(word)) || /\b(sign|log) (in|up|out)\b/.test(joined)
        || (words.includes('forgot') && words.includes('password'))
        || (words.includes('reset') && words.includes('password') && !words.includes('admin'));
    }

    /** `checkSuperadminExists`, `isEmailAvailable`: a read that answers whether something exists, for a sign-up or setup page. */
    function isExistenceCheckName(dotted: string | undefined): boolean {
      if (dotted === undefined) return false;
      const words = splitIdentifierWords(dotted.split('.').at(-1)!);
      return ['check', 'is', 'has', 'does'].includes(words[0] ?? '') && words.some((word) => EXISTENCE_WORDS.has(word));
    }

    function isHandlerLike(node: TSESTree.Node): boolean {
      return (
        isFunctionNode(node) ||
        node.type === AST_NODE_TYPES.Identifier ||
        node.type === AST_NODE_TYPES.MemberExpression ||
        node.type === AST_NODE_TYPES.CallExpression ||
        node.type === AST_NODE_TYPES.ArrayExpression ||
        node.type === AST_NODE_TYPES.ObjectExpression
      );
    }

    /** Mutating routes, and GETs whose path names user data (`/me`, `/users/:id`, `/admin/stats`, `/orders`). */
    function isSensitiveRoute(method: string, path: string | undefined): boolean {
      if (path !== undefined && isPublicPath(path)) return false;
      // `POST /products/get-by-ids` reads; `GET /account/is-existed-email/:email` serves a sign-up form.
      if (path !== undefined && ((method === 'post' && isReadThroughPost(path)) || isAvailabilityCheck(path))) return false;
      if (MUTATING_METHODS.has(method)) {
        if (path === undefined) return true;
        const segments = toSegments(path);
        const last = segments.at(-1);
        // `POST /users` with no id is sign-up (RealWorld, Ghostfolio); admin creation lives under /admin.
        return !(method === 'post' && last !== undefined && SIGN_UP_COLLECTIONS.has(last) && !segments.includes('admin'));
      }
      if (method !== 'get' || path === undefined) return false;
      // `GET /profile/photo/:fileName`: an image pages load in an `<img>`, public by design.
      if (isPublicAssetRead(path)) return false;
      // A segment made only of user-data words (`me`, `my-orders`, `userSettings`), not `user-agent`.
      return toCasedSegments(path).some((segment) => {
        const words = splitIdentifierWords(segment);
        return words.length > 0 && words.every((word) => userDataWords.has(word) || word === 'current');
      });
    }

    function isPublicPath(path: string): boolean {
      const segments = toSegments(path);
      // Sign-in machinery and inbound callbacks by their words: `passkeys.generateAuthenticationOptions`, `stripe-webhook`.
      // Under the signed-in account (`/account/webauthn/register`, `/me/password`) only whole-path patterns count.
      const underAccount = ACCOUNT_RESOURCES.has(getResourceKey(path));
      // `POST /resend-activation`, `GET /activate`: the account cannot sign in yet.
      if (!underAccount && isAccountConfirmationPath(path)) return true;
      // `POST /invitations/:token`: the token in the link is the credential.
      if (hasCredentialParameter(path)) return true;
      if (hasPublicFlowSegment(path)) return true;
      return publicPatterns.some((pattern) => matchesPattern(segments, pattern, underAccount));
    }

    function pathHasWord(path: string | undefined, word: string): boolean {
      return path !== undefined && toCasedSegments(path).some((segment) => splitIdentifierWords(segment).includes(word));
    }

    function getRouteReportLocation(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): TSESTree.Node | TSESTree.SourceLocation {
      // In a chain (`router.route('/x').get(a).post(b)`) point at `.post(...)`, not at `router`.
      return unwrapExpression(callee.object).type === AST_NODE_TYPES.CallExpression
        ? { start: callee.property.loc.start, end: call.loc.end }
        : call;
    }

    function toReportTarget(target: TSESTree.Node | TSESTree.SourceLocation): { node: TSESTree.Node } | { loc: TSESTree.SourceLocation } {
      return 'type' in target ? { node: target } : { loc: target };
    }

    function truncate(text: string): string {
      const single = text.replace(/\s+/g, ' ');
      return single.length > 48 ? `${single.slice(0, 45)}...` : single;
    }
  },
});

/** The names and paths the rule matches, with the team's own; built once per options and settings. */
const getVocabulary = createConfigCache((options: Options[0], settings: RedlineSettings) => {
  const authNames = new Set([...AUTH_MIDDLEWARE_NAMES, ...(settings.authMiddleware ?? []), ...(options.authMiddleware ?? [])]);
  const roleNames = new Set([...ROLE_CHECK_NAMES, ...(settings.roleChecks ?? []), ...(options.roleChecks ?? [])]);
  const nonEnforcing = new Set(NON_ENFORCING_AUTH_NAMES);
  return {
    authNames,
    helperNames: new Set([...AUTH_HELPER_CALLS, ...(settings.authMiddleware ?? []), ...(options.authMiddleware ?? [])]),
    nonEnforcing,
    publicPatterns: [...PUBLIC_PATH_PATTERNS, ...MORE_PUBLIC_PATH_PATTERNS, ...(settings.publicRoutes ?? []), ...(options.publicRoutes ?? [])].map(toSegments),
    userDataWords: new Set([...USER_DATA_WORDS, ...(options.userDataPaths ?? []).map((word) => word.toLowerCase())]),
    publicDecorators: new Set(PUBLIC_ROUTE_DECORATORS),
    routerFactories: new Set(ROUTER_FACTORY_NAMES),
    /** `requireAuth`, `auth.required`, `jwt.protect`, `middlewares.auth.verify`: a check that rejects anonymous requests. */
    isAuthName: memoizeNameTest((dotted) => {
      if (authNames.has(dotted)) return true;
      const segments = dotted.split('.');
      const last = segments.at(-1)!;
      if (nonEnforcing.has(last) || ['initialize', 'session', 'optional'].includes(last)) return false;
      if (authNames.has(last) || looksLikeAuthCheckName(last)) return true;
      // `auth.required`, `jwt.protect`, `middlewares.auth.verify`: an auth namespace with a non-optional member.
      return segments.slice(0, -1).some((segment) => authNames.has(segment) || looksLikeAuthCheckName(segment)) && !looksLikeOptionalAuthName(last);
    }),
    /** `requireRole`, `roles.admin`, `RolesGuard`: a role or permission check. */
    isRoleName: memoizeNameTest((dotted) => {
      if (roleNames.has(dotted)) return true;
      const last = dotted.split('.').at(-1)!;
      return roleNames.has(last) || looksLikeRoleCheckName(last);
    }),
  };
});

/**
 * Middleware that decides access in a way we cannot classify: denies everyone
 * (`denyAll`), lives in a security namespace (`security.x()`, `guards.x`), or, in
 * middleware position, loads the user from the token (`appendUserId`, `loadSession`) or
 * checks a privilege (`canViewUsers`).
 */
function looksLikeGatekeeperName(dotted: string, isMiddleware: boolean): boolean {
  const segments = dotted.split('.');
  const lastWords = splitIdentifierWords(segments.at(-1)!);
  if (lastWords.some((word) => ['deny', 'block', 'forbid', 'forbidden', 'reject', 'disallow', 'restrict', 'restricted'].includes(word))) return true;
  const namespaceWords = segments.slice(0, -1).flatMap((segment) => splitIdentifierWords(segment));
  if (namespaceWords.some((word) => ['security', 'guard', 'guards', 'acl', 'policy', 'policies', 'permissions', 'access'].includes(word))) return true;
  // `middleware.canViewUsers`, `canEditPost`: a privilege check, whoever the caller turns out to be.
  if (isMiddleware && lastWords[0] === 'can' && lastWords.length > 1) return true;
  return isMiddleware && lastWords.some((word) => ['user', 'session', 'token', 'identity', 'principal', 'account', 'tenant', 'access', 'owner', 'ownership', 'apikey', 'key', 'signature', 'captcha'].includes(word));
}

const isGatekeeperName = memoizeNameTest((dotted) => looksLikeGatekeeperName(dotted, false));
const isGatekeeperMiddlewareName = memoizeNameTest((dotted) => looksLikeGatekeeperName(dotted, true));

/** `/api/users/:id/` → `['api', 'users', ':id']`; Outline-style `documents.create` splits on dots too. */
function toSegments(path: string): string[] {
  return toCasedSegments(path).map((segment) => segment.toLowerCase());
}

/** Segments with their case, for splitting camelCase words (`generateAuthenticationOptions`). */
function toCasedSegments(path: string): string[] {
  return path
    .replace(/^\^|\$$/g, '')
    .split(/[/.]+/)
    .filter((segment) => segment.length > 0);
}

function normalizePath(path: string): string {
  return toSegments(path).join('/');
}

/** Whether `path` lies under `prefix` by whole segments; `*` in Hono/Express prefixes (`/api/*`) matches the rest. */
function pathHasPrefix(path: string | undefined, prefix: string): boolean {
  const prefixSegments = toSegments(prefix).filter((segment) => segment !== '*' && segment !== '**' && segment !== '(.*)');
  if (prefixSegments.length === 0) return true;
  if (path === undefined) return false;
  const segments = toSegments(path);
  return prefixSegments.every((segment, index) => segment.replace(/\*$/, '') === (segment.endsWith('*') ? segments[index]?.slice(0, segment.length - 1) : segments[index]));
}

/**
 * Whether route segments end with a public pattern (`/login` matches `/api/users/login`),
 * or contain one that ends in `**` (`/auth/**` matches `/api/auth/google/callback`).
 */
function matchesPattern(segments: string[], pattern: string[], anchored = false): boolean {
  const open = pattern.at(-1) === '**';
  const fixed = open ? pattern.slice(0, -1) : pattern;
  if (fixed.length === 0) return true;
  const matchAt = (offset: number) => fixed.every((part, index) => part === '*' || part === segments[offset + index]);
  if (anchored) return (open ? segments.length >= fixed.length : segments.length === fixed.length) && matchAt(0);
  if (!open) {
    // A tail right after a record's id acts on that record: `PATCH /:id/status`, `POST /orders/:id/confirm`.
    const start = segments.length - fixed.length;
    return start >= 0 && matchAt(start) && !(segments[start - 1]?.startsWith(':') ?? false);
  }
  for (let offset = 0; offset + fixed.length <= segments.length; offset++) if (matchAt(offset)) return true;
  return false;
}

function joinPaths(prefix: string | undefined, path: string | undefined): string {
  const parts = [prefix, path].filter((part): part is string => part !== undefined && part !== '').map((part) => part.replace(/^\/+|\/+$/g, ''));
  return `/${parts.filter((part) => part.length > 0).join('/')}`;
}

function describeRoute(method: string, path: string | undefined): string {
  const verb = method === 'del' ? 'DELETE' : method.toUpperCase();
  return path === undefined ? `\`${verb}\` route` : `\`${verb} ${path}\``;
}

/** fastify-decorators' `@Hook('onRequest')` (or another hook that runs before the handler). */
function isGuardHookDecorator(decorator: TSESTree.Decorator): boolean {
  const expression = decorator.expression;
  if (expression.type !== AST_NODE_TYPES.CallExpression || getDecoratorName(decorator) !== 'Hook') return false;
  const hook = expression.arguments[0];
  return hook?.type === AST_NODE_TYPES.Literal && typeof hook.value === 'string' && FASTIFY_HOOK_KEYS.has(hook.value);
}

function findKey(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && getPropertyKeyName(property) === name) return unwrapExpression(property.value);
  }
  return undefined;
}

/** `\`POST /users\``; `GraphQL mutation` (for `createUser`), `GraphQL mutation \`removeUser\`` (for `deleteUser`, renamed). */
function describeRecord(record: { verb: string; path: string | undefined; operation: string | undefined; method: TSESTree.MethodDefinition }): string {
  if (!record.operation) return describeRoute(record.verb, record.path);
  const field = record.path?.slice(1);
  return `GraphQL ${record.operation.toLowerCase()}${field === getMethodName(record.method) ? '' : ` \`${field}\``}`;
}

/** The field a GraphQL operation decorator names: `@Query('users')` (schema first), `@Mutation(() => User, { name: 'signUp' })`. */
function getOperationName(decorator: TSESTree.Decorator): string | undefined {
  if (decorator.expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  for (const argument of decorator.expression.arguments) {
    if (argument.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') return argument.value;
    if (argument.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const name = findKey(argument, 'name');
    if (name?.type === AST_NODE_TYPES.Literal && typeof name.value === 'string') return name.value;
  }
  return undefined;
}

function getMethodName(method: TSESTree.MethodDefinition): string {
  return getPropertyKeyName(method) ?? 'handler';
}

/** The URL path of a Next.js route file: `app/api/users/[id]/route.ts` → `/api/users/[id]`. */
function getNextRoutePath(filename: string): string | undefined {
  const normalized = filename.replaceAll('\\', '/');
  const match = /\/app(\/.*)\/route\.[cm]?[jt]sx?$/.exec(normalized) ?? /\/pages(\/api\/.*?)(?:\/index)?\.[cm]?[jt]sx?$/.exec(normalized);
  return match?.[1];
}

/** A method declared to return a string, number or boolean (or a promise of one). */
function returnsPlainValue(fn: TSESTree.FunctionExpression): boolean {
  let type = fn.returnType?.typeAnnotation;
  if (type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && type.typeName.name === 'Promise') {
    type = type.typeArguments?.params[0];
  }
  return type?.type === AST_NODE_TYPES.TSStringKeyword || type?.type === AST_NODE_TYPES.TSNumberKeyword || type?.type === AST_NODE_TYPES.TSBooleanKeyword;
}

/**
 * One forgotten check stands out among protected siblings. When a resource's open routes outnumber its
 * protected ones (2 of 25 gateway routes behind a purchase-token middleware), the open ones are its design;
 * not under the signed-in account (`/me/orders`), which has no meaning without a caller.
 */
function isOpenByDesign(open: number, guarded: number, resource: string): boolean {
  return open > 1 && open > guarded && !ACCOUNT_RESOURCES.has(resource);
}

/** `headers.authorization`, `headers['x-api-key']`, `query.apiKey`: a credential read off the request. */
function isCredentialRead(container: string, name: string): boolean {
  return (container === 'headers' && isCredentialHeaderName(name)) || (container === 'query' && CREDENTIAL_QUERY_PARAMETERS.has(name));
}
