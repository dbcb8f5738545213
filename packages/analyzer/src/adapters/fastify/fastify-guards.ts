import ts from '../../project/typescript.cjs';
import { looksLikeAuthName, looksLikeOptionalAuthName, type GuardFact } from '@redline/core';
import type { AnalyzedFile } from '../../project/analyzed-file.js';
import { getCodeSpan } from '../../project/code-span.js';
import { getStringValue, skipOuterExpressions } from '../../project/lexical-scope.js';
import type { ProjectModel } from '../../project/project-model.js';
import type { GuardClassifier, GuardKind } from '../../guards/classify-guard.js';
import { getProperty, type FastifyAdapter } from './fastify-adapter.js';
import { GUARD_HOOKS } from './fastify-model.js';

const RATE_LIMIT_MODULE = '@fastify/rate-limit';

/**
 * Classifies Fastify hooks the way Fastify runs them: a hook function, an
 * array of them, `fastify.auth([a, b], { relation })` (@fastify/auth), a
 * decorator (`fastify.authenticate`, whose body is read when its name says
 * nothing), and an inline wrapper around one call (`(req, reply) => req.isAdmin(reply)`).
 */
export class FastifyGuards {
  constructor(private readonly classifier: GuardClassifier, private readonly adapter: FastifyAdapter, private readonly project: ProjectModel) {}

  /** The route-level hooks of a route's options, in lifecycle order, after its own rate limit (`config: { rateLimit }`). */
  fromRouteOptions(options: ts.Expression | undefined, file: AnalyzedFile): GuardFact[] {
    if (!options) return [];
    const config = getProperty(options, 'config');
    const rateLimit = config && getProperty(config, 'rateLimit');
    const limiter: GuardFact[] = rateLimit && skipOuterExpressions(rateLimit).kind !== ts.SyntaxKind.FalseKeyword
      ? [{ name: 'config.rateLimit', scope: 'route', authenticates: false, checksRole: false, at: getCodeSpan(rateLimit, file.sourceFile, file.relativePath) }]
      : [];
    return [...limiter, ...GUARD_HOOKS.flatMap((hook) => {
      const value = getProperty(options, hook);
      return value ? this.fromHookValue(value, file, 'route', hook) : [];
    })];
  }

  /**
   * `register(rateLimit, { max })` with @fastify/rate-limit: a limiter for
   * every route of the registering context (it is a `fastify-plugin`), unless
   * `global: false` leaves it to routes that ask for it.
   */
  fromRateLimitRegistration(plugin: ts.Expression, options: ts.Expression | undefined, file: AnalyzedFile): GuardFact[] {
    const node = skipOuterExpressions(plugin);
    const root = ts.isPropertyAccessExpression(node) ? skipOuterExpressions(node.expression) : node;
    if (!ts.isIdentifier(root) || file.imports.get(root.text)?.specifier !== RATE_LIMIT_MODULE) return [];
    const global = options && getProperty(options, 'global');
    if (global && skipOuterExpressions(global).kind === ts.SyntaxKind.FalseKeyword) return [];
    return [{ name: RATE_LIMIT_MODULE, scope: 'hook', authenticates: false, checksRole: false, at: getCodeSpan(plugin, file.sourceFile, file.relativePath) }];
  }

  /**
   * Whether a route's own hooks say anonymous callers are welcome
   * (`onRequest: [fastify.authenticate_optional]`): like `@OptionalAuth()`, an
   * explicit choice in code.
   */
  declaresOptionalAuth(options: ts.Expression | undefined): boolean {
    if (!options) return false;
    return GUARD_HOOKS.some((hook) => {
      const value = getProperty(options, hook);
      const node = value && skipOuterExpressions(value);
      const hooks = node && ts.isArrayLiteralExpression(node) ? [...node.elements] : node ? [node] : [];
      return hooks.some((entry) => {
        const name = getHookName(skipOuterExpressions(entry));
        return name !== undefined && looksLikeAuthName(name) && looksLikeOptionalAuthName(name);
      });
    });
  }

  /** An `addHook` function or a route option's value: one hook or an array of them; inline ones are named after their hook. */
  fromHookValue(value: ts.Expression, file: AnalyzedFile, scope: GuardFact['scope'], hook: string): GuardFact[] {
    const node = skipOuterExpressions(value);
    if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((element) => this.fromHookValue(element, file, scope, hook));
    const kind = this.classify(node, file);
    const name = ts.isFunctionLike(node) && kind.name === 'inline middleware' ? `${hook} hook` : kind.name;
    return [{ ...kind, name, scope, at: getCodeSpan(node, file.sourceFile, file.relativePath) }];
  }

  private classify(node: ts.Expression, file: AnalyzedFile): GuardKind {
    const fastifyAuth = this.classifyFastifyAuth(node, file);
    if (fastifyAuth) return fastifyAuth;
    const kind = this.classifier.classify(node, file);
    const wrapper = this.resolveFunction(node, file);
    const inner = wrapper && getSingleCall(wrapper.fn);
    const innerKind = inner && this.classifier.classify(inner, wrapper.file);
    // `fastify.authenticate_optional` verifies a token when there is one: its body looks like auth, its name says it is not enforced.
    const decorated = ts.isPropertyAccessExpression(node) && !kind.authenticates && !looksLikeOptionalAuthName(node.name.text)
      ? this.classifyDecoration(node.name.text)
      : undefined;
    return {
      name: innerKind?.name ?? kind.name,
      authenticates: kind.authenticates || Boolean(innerKind?.authenticates) || Boolean(decorated?.authenticates),
      checksRole: kind.checksRole || Boolean(innerKind?.checksRole) || Boolean(decorated?.checksRole),
    };
  }

  /** An inline hook, or a project function named as one (`requireSuperadmin`, imported). */
  private resolveFunction(node: ts.Expression, file: AnalyzedFile): { fn: ts.Node; file: AnalyzedFile } | undefined {
    if (ts.isFunctionLike(node)) return { fn: node, file };
    if (!ts.isIdentifier(node)) return undefined;
    const resolved = this.project.resolveName(file, node.text);
    return resolved && ts.isFunctionLike(resolved.node) ? { fn: resolved.node, file: resolved.file } : undefined;
  }

  /** `fastify.auth([verifyJwt, verifyApiKey])`: any one may let the request in, unless `relation: 'and'`. */
  private classifyFastifyAuth(node: ts.Expression, file: AnalyzedFile): GuardKind | undefined {
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'auth') return undefined;
    const list = node.arguments[0] && skipOuterExpressions(node.arguments[0]);
    if (!list || !ts.isArrayLiteralExpression(list) || list.elements.length === 0) return undefined;
    const parts = list.elements.map((element) => this.classify(skipOuterExpressions(element), file));
    const options = node.arguments[1];
    const allRequired = options !== undefined && getStringValue(getProperty(options, 'relation')) === 'and';
    return {
      name: `${node.expression.getText(file.sourceFile)}([${parts.map((part) => part.name).join(', ')}])`,
      authenticates: allRequired ? parts.some((part) => part.authenticates) : parts.every((part) => part.authenticates),
      checksRole: allRequired ? parts.some((part) => part.checksRole) : parts.every((part) => part.checksRole),
    };
  }

  /** What the functions registered with `decorate(name, fn)` do, when the name alone does not tell. */
  private classifyDecoration(name: string): GuardKind | undefined {
    const decorations = this.adapter.decorations.get(name);
    if (!decorations) return undefined;
    const kinds = decorations.map(({ fn, file }) => this.classifier.classify(fn, file));
    return { name, authenticates: kinds.some((kind) => kind.authenticates), checksRole: kinds.some((kind) => kind.checksRole) };
  }
}

function getHookName(node: ts.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return undefined;
}

/**
 * `(request, reply) => request.isAdmin(reply)`, `{ return verify(request) }`,
 * `{ return requireRole('admin')(request, reply) }` → the one call it wraps
 * (for a curried call, the factory call that names it).
 */
function getSingleCall(node: ts.Node): ts.CallExpression | undefined {
  if (!(ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node)) || !node.body) return undefined;
  let body: ts.Node = node.body;
  if (ts.isBlock(body)) {
    if (body.statements.length !== 1) return undefined;
    const statement = body.statements[0]!;
    if (ts.isReturnStatement(statement) && statement.expression) body = statement.expression;
    else if (ts.isExpressionStatement(statement)) body = statement.expression;
    else return undefined;
  }
  let expression = skipOuterExpressions(body as ts.Expression);
  while (ts.isCallExpression(expression) && ts.isCallExpression(skipOuterExpressions(expression.expression))) expression = skipOuterExpressions(expression.expression);
  return ts.isCallExpression(expression) ? expression : undefined;
}
