import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { RESPONSE_OBJECT_NAMES, RESPONSE_SEND_METHODS } from '@redline/core';
import type { TSESLint } from '@typescript-eslint/utils';
import { getCalleePath, getMemberPath, getMemberPropertyName, getEnclosingFunction, getPropertyKeyName, unwrapExpression } from './ast.js';
import { mayMentionWord } from './text-gate.js';

/** Names of Hono/Koa-style context parameters whose `.json(x)` sends `x`. */
const CONTEXT_NAMES: ReadonlySet<string> = new Set(['c', 'ctx', 'context']);

/** NestJS method decorators that make a controller method a route handler. */
const NEST_ROUTE_DECORATORS: ReadonlySet<string> = new Set([
  'Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head', 'Search',
  // fastify-decorators (`@GET('/:id')` in a `@Controller`): an async handler's return value is the body too.
  'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'ALL', 'OPTIONS', 'HEAD',
  // inversify-express-utils: what a `@httpGet` method returns is sent as JSON.
  'httpGet', 'httpPost', 'httpPut', 'httpPatch', 'httpDelete',
]);
/** Controller classes whose route methods answer with what they return: NestJS, routing-controllers, inversify, tsoa. */
const CONTROLLER_DECORATORS: ReadonlySet<string> = new Set(['Controller', 'JsonController', 'controller', 'Route']);

/** Fastify instance methods that register a route whose handler's return value is the body. */
const FASTIFY_ROUTE_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'head', 'options']);
const FASTIFY_INSTANCE_NAMES: ReadonlySet<string> = new Set(['fastify', 'app', 'server', 'instance', 'f']);

/** What a response sink sends, and the node a reviewer should look at. */
export interface ResponsePayload {
  /** The expression whose value becomes the response body. */
  payload: TSESTree.Node;
  /** The call, assignment or return that sends it. */
  sink: TSESTree.Node;
}

/**
 * The body sent by a call, if the call is a response sink:
 * `res.json(x)`, `res.status(200).send(x)`, `reply.code(201).send(x)`,
 * `c.json(x)` (Hono), `NextResponse.json(x)`, `Response.json(x)`,
 * `new Response(JSON.stringify(x))`.
 */
export function getCallResponsePayload(call: TSESTree.CallExpression | TSESTree.NewExpression): ResponsePayload | undefined {
  const first = call.arguments[0];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;

  if (call.type === AST_NODE_TYPES.NewExpression) {
    const path = getCalleePath(call);
    const name = path?.join('.');
    if (name !== 'Response' && name !== 'NextResponse') return undefined;
    const body = unwrapExpression(first);
    if (body.type === AST_NODE_TYPES.CallExpression && getCalleePath(body)?.join('.') === 'JSON.stringify') {
      const [value] = body.arguments;
      return value && value.type !== AST_NODE_TYPES.SpreadElement ? { payload: value, sink: call } : undefined;
    }
    return undefined;
  }

  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getMemberPropertyName(callee);
  // Every sink below ends in one of these methods: most calls stop here, before any path is built.
  if (method === undefined || (method !== 'json' && !RESPONSE_SEND_METHODS.has(method))) return undefined;

  const staticPath = getMemberPath(callee)?.join('.');
  if (staticPath === 'NextResponse.json' || staticPath === 'Response.json') {
    return { payload: first, sink: call };
  }

  const root = getChainRootName(callee.object);
  if (root === undefined) return undefined;
  if (RESPONSE_SEND_METHODS.has(method) && RESPONSE_OBJECT_NAMES.has(root) && method !== 'end') {
    return { payload: first, sink: call };
  }
  if (method === 'json' && CONTEXT_NAMES.has(root)) {
    return { payload: first, sink: call };
  }
  return undefined;
}

/** The body set by `ctx.body = x` or `ctx.response.body = x` (Koa). */
export function getAssignmentResponsePayload(assignment: TSESTree.AssignmentExpression): ResponsePayload | undefined {
  if (assignment.operator !== '=' || assignment.left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const path = getMemberPath(assignment.left);
  if (!path || path.at(-1) !== 'body') return undefined;
  const owner = path.slice(0, -1).join('.');
  if (owner === 'ctx' || owner === 'context' || owner === 'ctx.response' || owner === 'context.response') {
    return { payload: assignment.right, sink: assignment };
  }
  return undefined;
}

/**
 * The body returned by a framework handler whose return value is the response:
 * a NestJS controller route method, or a Fastify route handler.
 */
export function getReturnResponsePayload(statement: TSESTree.ReturnStatement): ResponsePayload | undefined {
  if (!statement.argument) return undefined;
  const fn = getEnclosingFunction(statement);
  if (!fn) return undefined;
  if (isNestRouteMethod(fn) || isFastifyRouteHandler(fn) || isTrpcProcedure(fn)) {
    return { payload: statement.argument, sink: statement };
  }
  if (isRemixDataFunction(fn)) return { payload: unwrapDataHelper(statement.argument), sink: statement };
  return undefined;
}

/**
 * A tRPC procedure's resolver, whose return value is the response:
 * `publicProcedure.input(schema).query(async ({ ctx }) => …)`, `t.procedure.mutation(…)`, and a project's
 * own builder (`withPermission('member', 'read').query(async ({ ctx, input }) => …)`) by the resolver's
 * `{ ctx, input }`. Not with an `.output(schema)` in the chain: tRPC parses the result with it, and a zod
 * object drops every key it does not list.
 */
function isTrpcProcedure(fn: TSESTree.Node): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return false;
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !['query', 'mutation'].includes(getMemberPropertyName(callee) ?? '')) return false;
  let procedure = takesResolverOptions(fn);
  for (let current: TSESTree.Node = callee.object; ; ) {
    if (current.type === AST_NODE_TYPES.CallExpression) current = current.callee;
    else if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = getMemberPropertyName(current) ?? '';
      if (name === 'output') return false;
      if (/procedure$/i.test(name)) procedure = true;
      current = current.object;
    } else return procedure || (current.type === AST_NODE_TYPES.Identifier && /procedure$/i.test(current.name));
  }
}

/** `async ({ ctx, input }) => …`: the options object tRPC hands a resolver. */
function takesResolverOptions(fn: TSESTree.Node): boolean {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) return false;
  const [first] = fn.params;
  return first?.type === AST_NODE_TYPES.ObjectPattern && first.properties.some((property) =>
    property.type === AST_NODE_TYPES.Property && ['ctx', 'input'].includes(getPropertyKeyName(property) ?? ''));
}

/** A Remix / React Router route module's `loader` or `action`, whose return value the page (and anyone fetching it) receives. */
function isRemixDataFunction(fn: TSESTree.Node): boolean {
  const name = fn.type === AST_NODE_TYPES.FunctionDeclaration
    ? fn.id?.name
    : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier ? fn.parent.id.name : undefined;
  if (name !== 'loader' && name !== 'action') return false;
  const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent?.parent;
  return declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
}

/** `json(user)`, `typedjson(user)`, `data(user)`: Remix's helpers around the returned data. */
function unwrapDataHelper(node: TSESTree.Expression): TSESTree.Node {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.CallExpression || expression.callee.type !== AST_NODE_TYPES.Identifier) return node;
  const [first] = expression.arguments;
  return REMIX_DATA_HELPERS.has(expression.callee.name) && first && first.type !== AST_NODE_TYPES.SpreadElement ? first : node;
}

const REMIX_DATA_HELPERS: ReadonlySet<string> = new Set(['json', 'typedjson', 'data', 'defer']);

/**
 * The body returned by an arrow route handler with an expression body, whose
 * value is the response: `fastify.get('/x', async () => ({ ok: true }))`.
 */
export function getArrowBodyResponsePayload(fn: TSESTree.ArrowFunctionExpression): ResponsePayload | undefined {
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) return undefined;
  return isFastifyRouteHandler(fn) || isTrpcProcedure(fn) ? { payload: fn.body, sink: fn.body } : undefined;
}

/**
 * Whether a file may contain one of the sinks above, from its text (see
 * `text-gate.ts`): a send method (`json`, `send`, `end`), a `Response`, a Koa
 * `ctx.body =`, a Nest `@Controller`, or a Fastify route handler.
 */
export function mayHaveResponseSink(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  // Three rules ask about the same file.
  let answer = sinkAnswers.get(sourceCode);
  if (answer === undefined) {
    answer =
      mayMentionWord(sourceCode, SINK_WORDS) ||
      // `publicProcedure`, `protectedProcedure`: a tRPC router file names its procedures' builders.
      TRPC_PROCEDURE_NAME.test(sourceCode.text) ||
      (mayMentionWord(sourceCode, BODY_WORDS) && mayMentionWord(sourceCode, KOA_CONTEXT_WORDS)) ||
      mayHaveFastifyRouteHandler(sourceCode);
    sinkAnswers.set(sourceCode, answer);
  }
  return answer;
}

const sinkAnswers = new WeakMap<Readonly<TSESLint.SourceCode>, boolean>();
const TRPC_PROCEDURE_NAME = /[a-z]Procedure\b/;

const SINK_WORDS: readonly string[] = [...RESPONSE_SEND_METHODS, 'json', 'Response', 'NextResponse', ...CONTROLLER_DECORATORS, 'procedure', 'Procedure', 'loader', 'action'];
const BODY_WORDS: readonly string[] = ['body'];
const KOA_CONTEXT_WORDS: readonly string[] = ['ctx', 'context'];
const HANDLER_WORDS: readonly string[] = ['handler'];
const ROUTE_WORDS: readonly string[] = ['route'];
const FASTIFY_HANDLER_WORDS: readonly string[] = ['reply', 'async'];

/** `fastify.get('/x', async () => …)`, `app.post('/x', (request, reply) => …)`, `fastify.route({ handler })`. */
function mayHaveFastifyRouteHandler(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (mayMentionWord(sourceCode, HANDLER_WORDS) && mayMentionWord(sourceCode, ROUTE_WORDS)) return true;
  return (
    mayMentionWord(sourceCode, FASTIFY_INSTANCE_NAMES) &&
    mayMentionWord(sourceCode, FASTIFY_ROUTE_METHODS) &&
    mayMentionWord(sourceCode, FASTIFY_HANDLER_WORDS)
  );
}

/** Whether a function is a method of a `@Controller()` class decorated with `@Get()`, `@Post()`, … */
export function isNestRouteMethod(fn: TSESTree.Node): boolean {
  const method = fn.parent;
  if (!method || method.type !== AST_NODE_TYPES.MethodDefinition) return false;
  const hasRouteDecorator = method.decorators.some((decorator) => NEST_ROUTE_DECORATORS.has(getDecoratorName(decorator) ?? ''));
  const classNode = method.parent.parent;
  if (classNode.type !== AST_NODE_TYPES.ClassDeclaration && classNode.type !== AST_NODE_TYPES.ClassExpression) return false;
  return hasRouteDecorator && classNode.decorators.some((decorator) => CONTROLLER_DECORATORS.has(getDecoratorName(decorator) ?? ''));
}

/** The name of a decorator: `@Get()` → `Get`, `@nest.Get()` → `Get`, `@Exclude` → `Exclude`. */
export function getDecoratorName(decorator: TSESTree.Decorator): string | undefined {
  let expression: TSESTree.Node = decorator.expression;
  if (expression.type === AST_NODE_TYPES.CallExpression) expression = expression.callee;
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type === AST_NODE_TYPES.MemberExpression) return getMemberPropertyName(expression);
  return undefined;
}

/**
 * Whether a function is the handler of a Fastify route: the last argument of
 * `fastify.get('/x', handler)`, or `handler` in `fastify.route({ handler })`.
 * Express handlers are not, because Express ignores their return value.
 */
function isFastifyRouteHandler(fn: TSESTree.Node): boolean {
  const parent = fn.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.at(-1) === fn) {
    const path = getCalleePath(parent);
    if (!path || path.length < 2) return false;
    const method = path.at(-1)!;
    const owner = path.at(-2)!;
    return FASTIFY_ROUTE_METHODS.has(method) && FASTIFY_INSTANCE_NAMES.has(owner) && usesFastifyReply(fn);
  }
  if (parent.type === AST_NODE_TYPES.Property && getMemberlessKey(parent) === 'handler') {
    const call = parent.parent.parent;
    return call?.type === AST_NODE_TYPES.CallExpression && getCalleePath(call)?.at(-1) === 'route';
  }
  return false;
}

/**
 * Fastify handlers take `(request, reply)`; Express handlers take `(req, res)`.
 * A handler whose second parameter is named like an Express response is not Fastify's.
 */
function usesFastifyReply(fn: TSESTree.Node): boolean {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) return false;
  const second = fn.params[1];
  if (!second) return fn.async;
  return second.type === AST_NODE_TYPES.Identifier && second.name === 'reply';
}

function getMemberlessKey(property: TSESTree.Property): string | undefined {
  return !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
}

/** The identifier at the root of a call/member chain: `res.status(500)` → `res`. */
function getChainRootName(node: TSESTree.Node): string | undefined {
  let current = unwrapExpression(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.Identifier) return current.name;
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = unwrapExpression(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      current = unwrapExpression(current.callee);
    } else {
      return undefined;
    }
  }
}
