import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { RATE_LIMITER_NAME, looksLikeAuthCheckName, splitIdentifierWords } from '@redline/core';
import { getCalleeName, getMemberPropertyName, getPropertyKeyName, unwrapExpression } from './ast.js';

/** A procedure of a tRPC router: its key, whether it changes data, and whether the procedure it is built on authenticates. */
export interface TrpcProcedure {
  key: string;
  node: TSESTree.Property;
  mutation: boolean;
  /** Built on `protectedProcedure`, `authedProcedure`, `adminProcedure`, or a `.use(isAuthed)` middleware. */
  authenticated: boolean;
  /** Built on `publicProcedure` or a bare `t.procedure` with no such middleware; a project's own base (`enterpriseProcedure`) is neither. */
  open: boolean;
  /** A rate limiter runs in its chain (`.use(createRateLimitMiddleware(…))`): left open on purpose, with its callers limited. */
  rateLimited: boolean;
  /** The name of the procedure it is built on, for messages. */
  base: string;
  /** Its resolver checks a credential it is given itself: `verifyBlockToken(input.token)`, `throw new TRPCError({ code: 'UNAUTHORIZED' })`. */
  checksCallerItself: boolean;
}

/** What a resolver that checks its caller itself says: a token verification, an authorize helper, an UNAUTHORIZED error. */
const CALLER_CHECK = /\bUNAUTHORIZED\b|\bverify\w*Token\s*\(|\bauthori[sz]e\w*\s*\(|\b(?:check|assert|ensure)\w*(?:Access|Permission)\w*\s*\(/;

const ROUTER_FACTORIES: ReadonlySet<string> = new Set(['router', 'createTRPCRouter', 'createRouter', 'createTrpcRouter']);

/** `router({ … })`, `t.router({ … })`, `createTRPCRouter({ … })`: the object that lists a router's procedures. */
export function isTrpcRouterObject(node: TSESTree.ObjectExpression): boolean {
  const call = node.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === node && ROUTER_FACTORIES.has(getCalleeName(call) ?? '');
}

/** The procedures a router object lists (nested routers and spreads are not procedures). */
export function readTrpcProcedures(router: TSESTree.ObjectExpression, sourceCode: Readonly<TSESLint.SourceCode>): TrpcProcedure[] {
  const procedures: TrpcProcedure[] = [];
  for (const property of router.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = getPropertyKeyName(property);
    const value = unwrapExpression(property.value);
    if (key === undefined || value.type !== AST_NODE_TYPES.CallExpression || value.callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const kind = getMemberPropertyName(value.callee);
    if (kind !== 'mutation' && kind !== 'query') continue;
    const chain = readChain(value.callee.object);
    const resolver = value.arguments[0];
    const checksCallerItself = resolver !== undefined && (resolver.type === AST_NODE_TYPES.ArrowFunctionExpression || resolver.type === AST_NODE_TYPES.FunctionExpression) &&
      CALLER_CHECK.test(sourceCode.getText(resolver));
    if (chain) procedures.push({ key, node: property, mutation: kind === 'mutation', checksCallerItself, ...chain });
  }
  return procedures;
}

/** Walks `base.use(mw).input(schema)` down to its base: `publicProcedure`, `ctx.protectedProcedure`, `t.procedure`. */
function readChain(node: TSESTree.Node): { authenticated: boolean; open: boolean; rateLimited: boolean; base: string } | undefined {
  let authenticated = false;
  let rateLimited = false;
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
    if (getMemberPropertyName(current.callee) === 'use') {
      const [middleware] = current.arguments;
      const name = middleware && getMiddlewareName(middleware);
      if (name !== undefined && looksLikeAuthCheckName(name)) authenticated = true;
      if (name !== undefined && RATE_LIMITER_NAME.test(name)) rateLimited = true;
    }
    current = unwrapExpression(current.callee.object);
  }
  const base = current.type === AST_NODE_TYPES.Identifier ? current.name : current.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(current) : undefined;
  if (base === undefined || !/procedure$/i.test(base)) return undefined;
  const signedIn = authenticated || isAuthenticatingProcedure(base);
  return { authenticated: signedIn, open: !signedIn && (base === 'procedure' || splitIdentifierWords(base).some((word) => OPEN_PROCEDURE_WORDS.has(word))), rateLimited, base };
}

/** `isAuthed`, `createRateLimitMiddleware({ … })`: a middleware by its name or the name of the factory that made it. */
function getMiddlewareName(node: TSESTree.Node): string | undefined {
  const middleware = unwrapExpression(node);
  if (middleware.type === AST_NODE_TYPES.Identifier) return middleware.name;
  return middleware.type === AST_NODE_TYPES.CallExpression ? getCalleeName(middleware) : undefined;
}

const OPEN_PROCEDURE_WORDS: ReadonlySet<string> = new Set(['public', 'open', 'anonymous', 'unauthenticated']);

/**
 * `protectedProcedure`, `authedProcedure`, `privateProcedure`, `adminProcedure`, `orgProcedure`: a base that
 * requires a caller. `publicProcedure` and `t.procedure` do not.
 */
function isAuthenticatingProcedure(base: string): boolean {
  return splitIdentifierWords(base).some((word) => SIGNED_IN_PROCEDURE_WORDS.has(word));
}

const SIGNED_IN_PROCEDURE_WORDS: ReadonlySet<string> = new Set([
  'protected', 'authed', 'auth', 'authenticated', 'authorized', 'private', 'user', 'admin', 'org', 'organization', 'team',
  'workspace', 'project', 'member', 'owner', 'session', 'signed', 'logged', 'account',
]);
