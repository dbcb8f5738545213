import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { AUTH_MIDDLEWARE_NAMES, RATE_LIMIT_MODULES, RATE_LIMITER_NAME as LIMITER_NAME, describeCredentialAbuse, isCredentialPath } from '@redline/core';
import { createRule } from '../utils/create-rule.js';
import { isTestFile } from '../utils/file-kind.js';
import { findProperty, findRootIdentifier, getCalleeName, getMemberPath, getMemberPropertyName, getStaticKey, unwrapExpression } from '../utils/ast.js';
import { getModuleBinding, getRequiredModule } from '../utils/module-bindings.js';
import { getDecoratorName } from '../utils/response-sinks.js';
import { getRedlineSettings } from '../utils/settings.js';
import { mayMentionModule } from '../utils/text-gate.js';

type MessageIds = 'noLimiterInApp' | 'noLimiterLikeSiblings' | 'throttlerSkipped';
type Options = [
  {
    rateLimiters?: string[];
    authPaths?: string[];
  },
];

/** HTTP methods of a credential attempt (`all` is usually a 405 fallback). */
const ATTEMPT_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch']);

/** Factories whose result is the top-level app, per module. */
const APP_FACTORIES: Readonly<Record<string, 'call' | 'new'>> = { express: 'call', fastify: 'call', koa: 'new' };
const APP_FACTORY_MODULES: readonly string[] = Object.keys(APP_FACTORIES);

/** Parameters that receive a router or app in plugin/route files: `(app) => { app.post(…) }`. */
const ROUTER_PARAMETER_NAMES = /^(?:app|router|server|fastify|instance|routes|api[A-Z]\w*Router|\w*Router)$/;

type RouteChain = {
  node: TSESTree.Node;
  path: string;
  method: string;
  owner: string | undefined;
  limited: boolean;
  ownerIsFileApp: boolean;
  /** Registered after `app.use(globalMiddleware)` from a project module, which may hold a limiter (a Router's own `use`). */
  afterProjectMiddleware: boolean;
};

/** Module specifiers of the project's own files: relative paths and the usual aliases (`@/`, `~/`, `#…`). */
const PROJECT_MODULE = /^(?:\.|\/|~|#|@\/)/;

export default createRule<Options, MessageIds>({
  name: 'require-auth-rate-limit',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a rate limiter on login, registration, password reset and one-time code routes',
      category: 'missing-rate-limit',
      cwe: ['CWE-307'],
      recommended: 'strict',
      severity: 'error',
      requiresTypeChecking: false,
    },
    messages: {
      noLimiterInApp:
        '`{{method}} {{path}}` takes credentials with no rate limiter in its chain, and this file creates the app without a global one, so {{abuse}}. Add a limiter (express-rate-limit, @fastify/rate-limit, koa-ratelimit, …) to the route or the app.',
      noLimiterLikeSiblings:
        '`{{method}} {{path}}` has no rate limiter while other credential routes in this file do, so attackers brute-force this one instead. Add the same limiter to it.',
      throttlerSkipped:
        '`{{path}}` is a credential route with `@SkipThrottle()`, which turns off the throttler exactly where guessing is cheapest. Remove it, or set a stricter `@Throttle()` for this route.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          rateLimiters: {
            type: 'array',
            items: { type: 'string' },
            description: 'Names of your own rate-limiting middleware, plugins or guards (`loginGuard`), counted as limiters wherever they appear.',
          },
          authPaths: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra route paths (exact, `:param` allowed) that take credentials, e.g. `/session/new`.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ rateLimiters: [], authPaths: [] }],
  },
  create(context, [options]) {
    // An app a test builds (to check the limiter itself, or a handler) serves nobody.
    if (isTestFile(context.filename)) return {};
    const sourceCode = context.sourceCode;
    const mayCreateApp = mayMentionModule(sourceCode, APP_FACTORY_MODULES);
    const rateLimiters = new Set(options.rateLimiters ?? []);
    const authPaths = new Set(options.authPaths ?? []);
    const authMiddleware = new Set([
      ...AUTH_MIDDLEWARE_NAMES.filter((name) => name !== 'passport.authenticate'),
      ...(getRedlineSettings(context).authMiddleware ?? []),
    ]);

    const routes: RouteChain[] = [];
    /** Path prefixes under a limiter (`app.use('/auth', limiter)`); `''` means every route. */
    const limitedPrefixes: string[] = [];
    let createsApp = false;
    let importsRateLimitModule = false;
    let projectMiddlewareSeen = false;

    return {
      ImportDeclaration(node) {
        if (RATE_LIMIT_MODULES.has(node.source.value)) importsRateLimitModule = true;
      },
      CallExpression(node) {
        const required = getRequiredModule(node);
        if (required !== undefined && RATE_LIMIT_MODULES.has(required)) importsRateLimitModule = true;
        if (isAppFactory(node)) createsApp = true;
        recordUse(node);
        recordRoute(node);
      },
      NewExpression(node) {
        if (isAppFactory(node)) createsApp = true;
      },
      MethodDefinition(node) {
        checkNestRoute(node);
      },
      'Program:exit'() {
        const isCovered = (route: RouteChain) =>
          route.limited || limitedPrefixes.some((prefix) => prefix === '' || route.path === prefix || route.path.startsWith(`${prefix.replace(/\/$/, '')}/`));
        const anyLimitedSibling = routes.find((route) => route.limited);
        for (const route of routes) {
          if (isCovered(route)) continue;
          const data = { method: route.method.toUpperCase(), path: route.path };
          if (anyLimitedSibling) {
            context.report({ node: route.node, messageId: 'noLimiterLikeSiblings', data });
          } else if (createsApp && route.ownerIsFileApp && !importsRateLimitModule && !route.afterProjectMiddleware) {
            context.report({ node: route.node, messageId: 'noLimiterInApp', data: { method: data.method, path: data.path, abuse: describeCredentialAbuse(route.path) } });
          }
        }
      },
    };

    /** `express()`, `Fastify()`, `new Koa()` from their packages. */
    function isAppFactory(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
      // Asked of every call: without one of the modules in the file, no call is one (and no scope lookup is needed).
      if (!mayCreateApp) return false;
      const callee = unwrapExpression(node.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier) return false;
      const binding = getModuleBinding(sourceCode, callee);
      if (!binding || !(binding.source in APP_FACTORIES)) return false;
      if (binding.imported !== 'default' && binding.imported !== '*' && binding.imported !== 'fastify') return false;
      return APP_FACTORIES[binding.source] === (node.type === AST_NODE_TYPES.NewExpression ? 'new' : 'call');
    }

    /** `app.use(limiter)`, `app.use('/auth', limiter)`, `fastify.register(rateLimit, …)`, `app.use(ratelimit({…}))` (Koa). */
    function recordUse(node: TSESTree.CallExpression): void {
      const method = getCalleeName(node);
      if (method !== 'use' && method !== 'register' && method !== 'addHook') return;
      const args = node.arguments;
      const first = args[0] ? unwrapExpression(args[0]) : undefined;
      const prefix = first ? getStaticKey(first) : undefined;
      const rest = prefix !== undefined ? args.slice(1) : args;
      if (method === 'register') {
        // @fastify/rate-limit is global unless `{ global: false }`.
        const plugin = rest[0];
        if (plugin && isLimiter(plugin)) {
          const pluginOptions = rest[1] ? unwrapExpression(rest[1]) : undefined;
          const globalOption = pluginOptions?.type === AST_NODE_TYPES.ObjectExpression ? findProperty(pluginOptions, 'global')?.value : undefined;
          if (!(globalOption?.type === AST_NODE_TYPES.Literal && globalOption.value === false)) limitedPrefixes.push(prefix ?? '');
        }
        return;
      }
      if (rest.some((argument) => isLimiter(argument))) limitedPrefixes.push(prefix === '/' ? '' : (prefix ?? ''));
      // What runs inside `app.use(globalMiddleware)` is in another file (the analyzer follows it there).
      if (prefix === undefined && rest.some((argument) => isProjectModuleValue(argument))) projectMiddlewareSeen = true;
    }

    /** `globalMiddleware` or `globalMiddleware()` imported or required from a project file. */
    function isProjectModuleValue(node: TSESTree.Node): boolean {
      let expression = unwrapExpression(node);
      for (let depth = 0; expression.type === AST_NODE_TYPES.CallExpression && depth < 2; depth++) {
        // `require('./middleware/global')`, `require('./middleware/global')()`
        const required = getRequiredModule(expression);
        if (required !== undefined) return PROJECT_MODULE.test(required);
        expression = unwrapExpression(expression.callee);
      }
      if (expression.type !== AST_NODE_TYPES.Identifier) return false;
      const binding = getModuleBinding(sourceCode, expression);
      return binding !== undefined && PROJECT_MODULE.test(binding.source);
    }

    /** `app.post('/login', limiter, handler)`, `router.route('/login').post(handler)`, Fastify route options. */
    function recordRoute(node: TSESTree.CallExpression): void {
      const callee = unwrapExpression(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = getMemberPropertyName(callee)?.toLowerCase();
      if (method === undefined || !ATTEMPT_METHODS.has(method)) return;
      const object = unwrapExpression(callee.object);
      let path: string | undefined;
      let chain: TSESTree.Node[];
      let owner: TSESTree.Node = object;
      if (object.type === AST_NODE_TYPES.CallExpression && getCalleeName(object) === 'route' && object.arguments[0]) {
        path = getStaticKey(unwrapExpression(object.arguments[0]));
        chain = node.arguments.slice(0, -1);
        const routeCallee = unwrapExpression(object.callee);
        owner = routeCallee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(routeCallee.object) : object;
      } else {
        const first = node.arguments[0];
        path = first ? getStaticKey(unwrapExpression(first)) : undefined;
        chain = node.arguments.slice(1, -1);
      }
      if (path === undefined || node.arguments.length < (object.type === AST_NODE_TYPES.CallExpression ? 1 : 2)) return;
      if (!isAuthPath(path)) return;
      const ownerKind = getRouterOwnerKind(owner);
      if (!ownerKind) return;
      // A route behind authentication (`/account/2fa/verify` with `isAuthenticated`) is not a public guessing target.
      if (chain.some((element) => isAuthMiddleware(element))) return;
      // A lone handler that never reads the request (`(req, res) => res.status(403).json(…)`: signup disabled) checks no credentials.
      const handler = node.arguments[node.arguments.length - 1];
      if (chain.length === 0 && handler && isHandlerIgnoringRequest(handler)) return;
      routes.push({
        node,
        path,
        method,
        owner: getMemberPath(owner)?.join('.'),
        limited: chain.some((element) => isLimiter(element)),
        ownerIsFileApp: ownerKind === 'created',
        afterProjectMiddleware: projectMiddlewareSeen,
      });
    }

    function isHandlerIgnoringRequest(node: TSESTree.Node): boolean {
      const handler = unwrapExpression(node);
      if (handler.type !== AST_NODE_TYPES.ArrowFunctionExpression && handler.type !== AST_NODE_TYPES.FunctionExpression) return false;
      const request = handler.params[0];
      if (!request) return true;
      if (request.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = sourceCode.getDeclaredVariables(handler).find((candidate) => candidate.name === request.name);
      return variable !== undefined && variable.references.length === 0;
    }

    function isAuthPath(path: string): boolean {
      return authPaths.has(path) || isCredentialPath(path);
    }

    /**
     * `created`: an app or router this file creates (`express()`, `express.Router()`,
     * `Router()`, `new Router()`, `new Hono()`, `Fastify()`); `parameter`: a router
     * handed to this file (`(app) => …`, `async function routes(fastify)`);
     * undefined for anything else (`axios.post('/login', data)` is a client call).
     */
    function getRouterOwnerKind(node: TSESTree.Node): 'created' | 'parameter' | undefined {
      const expression = unwrapExpression(node);
      if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
      const definition = variable?.defs[0];
      if (!definition) return undefined;
      if (definition.type === 'Parameter') return ROUTER_PARAMETER_NAMES.test(expression.name) ? 'parameter' : undefined;
      if (definition.type !== 'Variable' || !definition.node.init) return undefined;
      const init = unwrapExpression(definition.node.init);
      if (init.type !== AST_NODE_TYPES.CallExpression && init.type !== AST_NODE_TYPES.NewExpression) return undefined;
      if (isAppFactory(init)) return 'created';
      const name = getCalleeName(init);
      if (name === 'Router' || name === 'Hono' || name === 'OpenAPIHono') return 'parameter';
      return undefined;
    }

    /** A middleware, plugin, route option or guard that limits rates. */
    function isLimiter(node: TSESTree.Node, depth = 0): boolean {
      const expression = unwrapExpression(node);
      if (depth > 3) return false;
      switch (expression.type) {
        case AST_NODE_TYPES.ArrayExpression:
          return expression.elements.some((element) => element !== null && isLimiter(element, depth + 1));
        // `app.post('/login', ...credentialLimiters, login)`
        case AST_NODE_TYPES.SpreadElement:
          return isLimiter(expression.argument, depth + 1);
        case AST_NODE_TYPES.Identifier: {
          if (rateLimiters.has(expression.name) || LIMITER_NAME.test(expression.name)) return true;
          const binding = getModuleBinding(sourceCode, expression);
          if (binding) return RATE_LIMIT_MODULES.has(binding.source);
          const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
          const definition = variable?.defs[0];
          return definition?.type === 'Variable' && definition.node.init !== null && isLimiter(definition.node.init, depth + 1);
        }
        case AST_NODE_TYPES.CallExpression:
        case AST_NODE_TYPES.NewExpression: {
          const callee = unwrapExpression(expression.callee);
          const path = getMemberPath(callee);
          if (path?.some((segment) => rateLimiters.has(segment) || LIMITER_NAME.test(segment))) return true;
          const root = path ? path[0] : undefined;
          if (root !== undefined && callee.type !== AST_NODE_TYPES.ThisExpression) {
            const rootNode = callee.type === AST_NODE_TYPES.Identifier ? callee : findRootIdentifier(callee);
            const binding = rootNode ? getModuleBinding(sourceCode, rootNode) : undefined;
            if (binding && RATE_LIMIT_MODULES.has(binding.source)) return true;
          }
          // `bruteforce.prevent`, `limiter.middleware()`
          return false;
        }
        case AST_NODE_TYPES.MemberExpression: {
          const path = getMemberPath(expression);
          return path?.some((segment) => rateLimiters.has(segment) || LIMITER_NAME.test(segment)) ?? false;
        }
        case AST_NODE_TYPES.ObjectExpression: {
          // Fastify route options: `{ config: { rateLimit: { max: 5 } } }`, `{ preHandler: [fastify.rateLimit()] }`.
          const config = findProperty(expression, 'config')?.value;
          if (config && unwrapExpression(config).type === AST_NODE_TYPES.ObjectExpression) {
            const rateLimit = findProperty(unwrapExpression(config) as TSESTree.ObjectExpression, 'rateLimit')?.value;
            if (rateLimit && !(rateLimit.type === AST_NODE_TYPES.Literal && rateLimit.value === false)) return true;
          }
          return ['onRequest', 'preHandler', 'preValidation'].some((hook) => {
            const value = findProperty(expression, hook)?.value;
            return value !== undefined && isLimiter(value, depth + 1);
          });
        }
        default:
          return false;
      }
    }

    function isAuthMiddleware(node: TSESTree.Node): boolean {
      const expression = unwrapExpression(node);
      const target = expression.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(expression.callee) : expression;
      const path = getMemberPath(target)?.join('.');
      if (path === 'passport.authenticate') {
        // `passport.authenticate('local')` IS the login; `'jwt'`/`'bearer'`/`'session'` guard an authenticated route.
        const strategy = expression.type === AST_NODE_TYPES.CallExpression && expression.arguments[0] ? getStaticKey(unwrapExpression(expression.arguments[0])) : undefined;
        return strategy === 'jwt' || strategy === 'bearer' || strategy === 'session';
      }
      return path !== undefined && (authMiddleware.has(path) || authMiddleware.has(path.split('.').pop()!));
    }

    /**
     * NestJS: `@SkipThrottle()` on a credential route, or a credential route
     * without `@Throttle()` / a throttler guard in a controller whose other
     * credential routes have one. A global `ThrottlerGuard` lives in the module
     * file, so a controller without any throttling is left alone.
     */
    function checkNestRoute(node: TSESTree.MethodDefinition): void {
      const post = node.decorators.find((decorator) => /^(?:Post|Put|Patch|All)$/.test(getDecoratorName(decorator) ?? ''));
      if (!post) return;
      const path = getNestPath(post);
      const classNode = node.parent.parent;
      if (classNode.type !== AST_NODE_TYPES.ClassDeclaration && classNode.type !== AST_NODE_TYPES.ClassExpression) return;
      const controller = classNode.decorators.find((decorator) => getDecoratorName(decorator) === 'Controller');
      if (!controller) return;
      const fullPath = `/${getNestPath(controller)}/${path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
      if (!isAuthPath(`/${path}`) && !isAuthPath(fullPath)) return;
      if (node.decorators.some((decorator) => isNestAuthGuard(decorator))) return;

      const skip = node.decorators.find((decorator) => getDecoratorName(decorator) === 'SkipThrottle');
      if (skip && !isSkipThrottleOff(skip)) {
        context.report({ node: skip, messageId: 'throttlerSkipped', data: { path: fullPath } });
        return;
      }
      if (classNode.decorators.some(isNestThrottling) || node.decorators.some(isNestThrottling)) return;
      const siblingThrottled = classNode.body.body.some(
        (member) => member !== node && member.type === AST_NODE_TYPES.MethodDefinition && member.decorators.some(isNestThrottling),
      );
      if (siblingThrottled) {
        context.report({ node: post, messageId: 'noLimiterLikeSiblings', data: { method: getDecoratorName(post)!.toUpperCase(), path: fullPath } });
      }
    }

    function getNestPath(decorator: TSESTree.Decorator): string {
      const expression = decorator.expression;
      if (expression.type !== AST_NODE_TYPES.CallExpression || !expression.arguments[0]) return '';
      const first = unwrapExpression(expression.arguments[0]);
      if (first.type === AST_NODE_TYPES.ObjectExpression) {
        const value = findProperty(first, 'path')?.value;
        return value ? (getStaticKey(unwrapExpression(value)) ?? '') : '';
      }
      return getStaticKey(first) ?? '';
    }

    /** `@Throttle(…)`, `@UseGuards(ThrottlerGuard)`, `@UseGuards(MyThrottlerGuard)`. */
    function isNestThrottling(decorator: TSESTree.Decorator): boolean {
      const name = getDecoratorName(decorator);
      if (name === 'Throttle' || (name !== undefined && rateLimiters.has(name))) return true;
      if (name !== 'UseGuards' || decorator.expression.type !== AST_NODE_TYPES.CallExpression) return false;
      return decorator.expression.arguments.some((argument) => isLimiter(argument));
    }

    /** `@UseGuards(JwtAuthGuard)` on a credential route: an authenticated action, not a guessing target. */
    function isNestAuthGuard(decorator: TSESTree.Decorator): boolean {
      if (getDecoratorName(decorator) !== 'UseGuards' || decorator.expression.type !== AST_NODE_TYPES.CallExpression) return false;
      return decorator.expression.arguments.some((argument) => {
        const text = sourceCode.getText(argument);
        return /Jwt|AuthGuard\(['"]jwt|Authenticated|Session/i.test(text) && !/local/i.test(text);
      });
    }

    /** `@SkipThrottle({ default: false })` re-enables the throttler. */
    function isSkipThrottleOff(decorator: TSESTree.Decorator): boolean {
      const expression = decorator.expression;
      if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
      const first = expression.arguments[0];
      if (first?.type === AST_NODE_TYPES.Literal && first.value === false) return true;
      if (first?.type !== AST_NODE_TYPES.ObjectExpression) return false;
      return first.properties.every(
        (property) => property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Literal && property.value.value === false,
      );
    }
  },
});
