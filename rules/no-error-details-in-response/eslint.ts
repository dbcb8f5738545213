import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getCalleeName, getFunctionName, getMemberPath, getMemberPropertyName, getPropertyKeyName, isFunctionNode, unwrapExpression } from '../utils/ast.js';
import { findNode, someNode } from '../utils/walk.js';
import { isAdminName, looksLikeRoleCheckName, splitIdentifierWords } from '@redline/core';
import { createRule } from '../utils/create-rule.js';
import { isTestFile } from '../utils/file-kind.js';
import {
  getArrowBodyResponsePayload,
  getAssignmentResponsePayload,
  getCallResponsePayload,
  getDecoratorName,
  getReturnResponsePayload,
  mayHaveResponseSink,
  type ResponsePayload,
} from '../utils/response-sinks.js';
import { mayMentionModule, mayMentionWord } from '../utils/text-gate.js';

type Options = [{ safeErrorClasses: string[]; debugFlags: string[] }];
type MessageIds = 'errorDetails';

/** Properties of an error that carry internals: the trace, the raw message, the SQL and driver details. */
/** Errors a database driver or ORM throws, whose messages carry SQL, table, column or constraint names. */
const DRIVER_ERROR = /QueryFailedError|TypeORMError|PrismaClient\w*Error|Mongo\w*Error|SequelizeDatabaseError|DatabaseError|UniqueConstraintError|ForeignKeyConstraintError|DriverException/;
const LEAKY_PROPERTIES: ReadonlyMap<string, string> = new Map([
  ['stack', 'the stack trace'],
  ['message', 'the raw error message'],
  ['sql', 'the failing SQL'],
  ['sqlMessage', 'the database error message'],
  ['original', 'the driver error'],
  ['parent', 'the driver error'],
  ['detail', 'the database error detail'],
  ['query', 'the failing query'],
  ['errmsg', 'the database error message'],
  ['cause', 'the underlying error'],
]);

/** Words of an endpoint wrapper's name, and of the trusted callers it lets in. */
const ENDPOINT_WORDS: ReadonlySet<string> = new Set(['endpoint', 'handler', 'route', 'api']);
const TRUSTED_CALLER_WORDS: ReadonlySet<string> = new Set(['mod', 'moderator', 'webhook', 'job', 'cron', 'internal', 'secured']);

/** JavaScript's own error classes but `Error` (which every error is): their fields are not enumerable. */
const BUILTIN_ERROR_CLASSES: ReadonlySet<string> = new Set(['SyntaxError', 'TypeError', 'RangeError', 'URIError', 'EvalError', 'ReferenceError']);

/** `instanceof` targets that do not narrow to the app's own errors. */
const GENERIC_ERROR_CLASSES: ReadonlySet<string> = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'Object', 'DOMException']);

/** Calls in a `try` that only throw validation errors meant for the client. */
const VALIDATION_CALLS: ReadonlySet<string> = new Set([
  'parse', 'parseAsync', 'safeParse', 'validate', 'validateAsync', 'validateSync', 'validateOrReject', 'assert', 'transformAndValidate',
]);

/** Nest exceptions whose first argument becomes the response body or message. */
const NEST_EXCEPTION = /^(?:HttpException|[A-Z]\w*Exception)$/;

const ERROR_MESSAGE_HELPERS = /^(?:get|to|extract)?ErrorMessage$|^errorToString$/i;

const STATUS_NAMES = /^(?:status|statusCode|httpStatus|INTERNAL_SERVER_ERROR|isServerError|isClientError|expose|isOperational)$/;
const ARRAY_METHODS: ReadonlySet<string> = new Set(['map', 'forEach', 'filter', 'reduce', 'find', 'some', 'every', 'flatMap', 'findIndex']);

const REQUEST_NAMES: ReadonlySet<string> = new Set(['req', 'request', '_req', '_request', 'ctx']);
const RESPONSE_NAMES: ReadonlySet<string> = new Set(['res', 'response', 'reply', 'resp', '_res']);
const DEV_HANDLER = /dev(?:elopment)?|debug/i;

// `isProductionEnv`, `IS_DEV`, `inDevMode`, `isLocal`: flags that say which environment runs.
const DEBUG_NAMES = /^(?:NODE_ENV|APP_ENV|debug|DEBUG|dev|production|development|exposeErrors|showStack|(?:is|in)_?(?:dev|development|prod|production|debug|local)(?:_?(?:env|environment|mode))?)$/i;

export default createRule<Options, MessageIds>({
  name: 'no-error-details-in-response',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending stack traces, raw error messages or error objects of caught errors to the client',
      category: 'error-leak',
      cwe: ['CWE-209'],
      recommended: 'strict',
      severity: 'error',
      requiresTypeChecking: false,
    },
    messages: {
      errorDetails:
        '`{{expression}}` sends {{what}} of a caught error to the client through `{{sink}}`, which tells an attacker about your code, libraries and database (and can leak data inside the message); log the error and respond with a generic message or a mapped problem response instead.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          safeErrorClasses: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra error classes whose message is written for the client (checked with `instanceof`), besides any class other than `Error`.',
          },
          debugFlags: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra names of flags that mean "development mode" (a detail guarded by one is not reported).',
          },
        },
      },
    ],
    defaultOptions: [{ safeErrorClasses: [], debugFlags: [] }],
  },
  create(context, [options]) {
    if (isTestFile(context.filename)) return {};
    const sourceCode = context.sourceCode;
    if (!maySendCaughtError(sourceCode)) return {};
    const debugFlags = new Set(options.debugFlags);
    const reported = new Set<TSESTree.Node>();
    /**
     * Names that may hold a caught error (catch parameters, first parameters of
     * handlers and callbacks) or a value derived from one: a cheap filter before
     * any scope lookup.
     */
    const candidateNames = new Set<string>();
    /** Leaks found in a `const`'s initialiser, with how many candidate names there were then (the set only grows). */
    const aliasLeaks = new Map<TSESTree.Node, { candidates: number; leak: { node: TSESTree.Node; what: string } | undefined }>();

    /**
     * How many catch clauses and error-taking functions the walk is in: a `const`
     * outside all of them cannot alias a caught error, so its initialiser is not read.
     */
    let errorScopes = 0;
    const errorFunctions = new Set<TSESTree.Node>();

    return {
      CatchClause(node) {
        if (node.param?.type === AST_NODE_TYPES.Identifier) candidateNames.add(node.param.name);
        errorScopes++;
      },
      'CatchClause:exit'() {
        errorScopes--;
      },
      ':function'(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression) {
        const first = fn.params[0];
        if (first?.type !== AST_NODE_TYPES.Identifier || !mayTakeCaughtError(fn, first.name)) return;
        candidateNames.add(first.name);
        errorFunctions.add(fn);
        errorScopes++;
      },
      ':function:exit'(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression) {
        if (errorFunctions.has(fn)) errorScopes--;
      },
      VariableDeclarator(node) {
        if (errorScopes > 0 && node.id.type === AST_NODE_TYPES.Identifier && node.init && mentionsCandidate(node.init)) candidateNames.add(node.id.name);
      },
      CallExpression(call) {
        const payload = getCallResponsePayload(call) ?? getHonoTextPayload(call);
        if (payload) check(payload);
      },
      NewExpression(node) {
        const payload = getCallResponsePayload(node);
        if (payload) return check(payload);
        // `throw new InternalServerErrorException(err.message)`: Nest sends the message as the body.
        const name = node.callee.type === AST_NODE_TYPES.Identifier ? node.callee.name : undefined;
        const [first] = node.arguments;
        if (name !== undefined && NEST_EXCEPTION.test(name) && isNestImport(node.callee) && first && first.type !== AST_NODE_TYPES.SpreadElement) {
          check({ payload: first, sink: node });
        }
      },
      AssignmentExpression(node) {
        const payload = getAssignmentResponsePayload(node);
        if (payload) check(payload);
      },
      ReturnStatement(node) {
        const payload = getReturnResponsePayload(node);
        if (payload) check(payload);
      },
      ArrowFunctionExpression(node) {
        const payload = getArrowBodyResponsePayload(node);
        if (payload) check(payload);
      },
    };

    /**
     * Whether a function's first parameter may be an error `getCaughtError` accepts: an Express error handler's
     * (four parameters), an error-named one (`err`, `(e, c)` of Hono's), a `.catch`/`onError`/`setErrorHandler`
     * callback's, a Nest exception filter's `catch(exception, host)`. A cheap filter: `req` of every handler is none.
     */
    function mayTakeCaughtError(fn: TSESTree.FunctionLike, name: string): boolean {
      if (fn.params.length === 4 || /^(?:e|err|error|exception)$/.test(name)) return true;
      const parent = fn.parent;
      if (parent?.type === AST_NODE_TYPES.MethodDefinition) return parent.key.type === AST_NODE_TYPES.Identifier && parent.key.name === 'catch';
      if (parent?.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = getCalleeName(parent);
      return callee === 'catch' || callee === 'onError' || callee === 'setErrorHandler';
    }

    /** Whether an exception class comes from `@nestjs/common` (a custom `ApiException` may not reach the client as is). */
    function isNestImport(callee: TSESTree.Node): boolean {
      if (callee.type !== AST_NODE_TYPES.Identifier) return false;
      const def = ASTUtils.findVariable(sourceCode.getScope(callee), callee)?.defs[0];
      return def?.type === 'ImportBinding' && def.parent.type === AST_NODE_TYPES.ImportDeclaration && def.parent.source.value === '@nestjs/common';
    }

    function mentionsCandidate(root: TSESTree.Node): boolean {
      return someNode(root, (node) => node.type === AST_NODE_TYPES.Identifier && candidateNames.has(node.name), sourceCode.visitorKeys);
    }

    function check({ payload, sink }: ResponsePayload): void {
      if (candidateNames.size === 0) return;
      // The payload first: most carry no error, and then where the response is sent does not matter.
      const leak = findLeak(payload, 0);
      if (!leak || reported.has(leak.node) || isReachedOnlyWithoutNext(sink) || servesAdminsOnly(sink)) return;
      reported.add(leak.node);
      context.report({
        node: leak.node,
        messageId: 'errorDetails',
        data: { expression: sourceCode.getText(leak.node), what: leak.what, sink: getSinkLabel(sink) },
      });
    }

    function getSinkLabel(sink: TSESTree.Node): string {
      if (sink.type === AST_NODE_TYPES.CallExpression || sink.type === AST_NODE_TYPES.NewExpression) {
        const text = sourceCode.getText(sink.callee);
        return text.length <= 40 && !text.includes('\n') ? text : (getCalleeName(sink) ?? 'the response');
      }
      if (sink.type === AST_NODE_TYPES.AssignmentExpression) return sourceCode.getText(sink.left);
      return 'the returned body';
    }

    /** The first expression in a payload that carries a caught error's internals, following one `const` alias. */
    function findLeak(payload: TSESTree.Node, depth: number): { node: TSESTree.Node; what: string } | undefined {
      let found: { node: TSESTree.Node; what: string } | undefined;
      const inspect = (node: TSESTree.Node): void => {
        if (node.type !== AST_NODE_TYPES.Identifier || !candidateNames.has(node.name)) return;
        const parent = node.parent;
        // Property keys and member names are not references.
        if (parent.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) return;
        if (parent.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && !parent.shorthand) return;
        const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
        if (!variable) return;
        const error = getCaughtError(variable);
        if (error) {
          const leak = getLeakingUse(node);
          // A message from a `try` that reaches no database, file or network call is the app's own ("Email already
          // taken", a service's domain error); the stack and the error object stay internals.
          // The error object of a `try` that awaits nothing and reaches no internals (`if (!isTeamLead(req.user)) …`) is a
          // programming error, whose fields JSON leaves out (`{}`).
          const feedback = (leak?.what === 'the raw error message' && !error.reachesInternals) ||
            (leak?.what === 'the error object' && (isNarrowedToBuiltinError(node) || (error.awaitsNothing === true && !error.reachesInternals)));
          if (leak && !feedback && !isGuarded(leak.node, node.name, error)) found = leak;
          return;
        }
        // `const message = err instanceof Error ? err.message : 'unknown'; res.json({ message })`
        if (depth === 0) {
          const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
          if (def?.type === 'Variable' && def.node.init && def.node.id.type === AST_NODE_TYPES.Identifier) {
            const aliased = getAliasLeak(def.node.init);
            if (aliased && !isDevGuarded(node) && !isOverwrittenWithText(variable, def.node.init, aliased.node)) {
              // A copy of the error object (`const error = { ...err }`) leaks only through its leaky parts.
              found = aliased.what === 'the error object' ? getLeakingUse(node) : { node, what: aliased.what };
            }
          }
        }
      };
      // The walk stops at the first leak.
      findNode(payload, (node) => {
        inspect(node);
        return found !== undefined;
      });
      return found;
    }

    /**
     * Whether the property of an alias that carries the leak is overwritten with
     * the app's own text somewhere in the function (`responseBody.message =
     * 'Internal server error'` when the status is 500): the author masks it
     * where it matters, and what is left is the app's own messages.
     */
    function isOverwrittenWithText(variable: TSESLint.Scope.Variable, init: TSESTree.Node, leak: TSESTree.Node): boolean {
      const object = unwrapExpression(init);
      if (object.type !== AST_NODE_TYPES.ObjectExpression) return false;
      const property = object.properties.find((candidate) => candidate.type === AST_NODE_TYPES.Property && isWithin(leak, candidate.value));
      const key = property?.type === AST_NODE_TYPES.Property ? getPropertyKeyName(property) : undefined;
      if (key === undefined) return false;
      return variable.references.some((reference) => {
        const member = reference.identifier.parent;
        const assignment = member?.parent;
        return member?.type === AST_NODE_TYPES.MemberExpression && member.object === reference.identifier && getMemberPropertyName(member) === key &&
          assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === member && isOwnText(assignment.right);
      });
    }

    /** `findLeak` of an alias's initialiser, read once per set of candidate names: the same alias is often sent twice. */
    function getAliasLeak(init: TSESTree.Node): { node: TSESTree.Node; what: string } | undefined {
      const known = aliasLeaks.get(init);
      if (known && known.candidates === candidateNames.size) return known.leak;
      const leak = findLeak(init, 1);
      aliasLeaks.set(init, { candidates: candidateNames.size, leak });
      return leak;
    }

    /** How a reference to a caught error leaks: `err.stack`, `err.message`, `String(err)`, or the object itself. */
    function getLeakingUse(identifier: TSESTree.Identifier): { node: TSESTree.Node; what: string } | undefined {
      let node: TSESTree.Node = identifier;
      while (
        node.parent &&
        (node.parent.type === AST_NODE_TYPES.TSAsExpression ||
          node.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
          node.parent.type === AST_NODE_TYPES.ChainExpression ||
          node.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
      ) {
        node = node.parent;
      }
      const parent = node.parent;
      if (!parent) return undefined;
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
        const property = getMemberPropertyName(parent);
        if (property === undefined) return undefined;
        const what = LEAKY_PROPERTIES.get(property);
        if (what) return { node: parent.parent?.type === AST_NODE_TYPES.ChainExpression ? parent.parent : parent, what };
        // `err.toString()`
        if (property === 'toString' && parent.parent?.type === AST_NODE_TYPES.CallExpression) return { node: parent.parent, what: 'the raw error message' };
        return undefined;
      }
      // Compared or tested, not sent.
      if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator !== '+') return undefined;
      if (parent.type === AST_NODE_TYPES.UnaryExpression) return undefined;
      if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test === node) return undefined;
      if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.left === node && parent.operator === '&&') return undefined;
      // The sink's own argument: `res.json(err)`, `c.text(err)`.
      if (parent.type === AST_NODE_TYPES.CallExpression && (getCallResponsePayload(parent) ?? getHonoTextPayload(parent))?.payload === node) {
        return { node, what: 'the error object' };
      }
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== node) {
        const callee = getCalleeName(parent);
        // `String(err)` and `JSON.stringify(err)` send it; other helpers (`mapError(err)`, `toProblem(err)`) translate it.
        if (callee === 'String' || callee === 'stringify') return { node: parent, what: 'the raw error message' };
        // `getErrorMessage(err)` / `utils.getErrorMessage(err)`: a helper that says it extracts the message.
        if (callee !== undefined && ERROR_MESSAGE_HELPERS.test(callee)) return { node: parent, what: 'the raw error message' };
        return undefined;
      }
      if (parent.type === AST_NODE_TYPES.NewExpression) return undefined;
      return { node, what: 'the error object' };
    }

    /**
     * Whether a leak only happens in development (`NODE_ENV` checked) or only
     * for errors the app classified (`err instanceof AppError`, `err.status`,
     * `err.expose`, `isHttpError(err)`) — those messages are written for the client.
     */
    /**
     * `if (e instanceof SyntaxError) res.status(400).send(e)`: a built-in error's own fields are not enumerable,
     * so the object serialises to `{}`; a driver's error (`QueryFailedError`) carries its query in enumerable ones.
     */
    function isNarrowedToBuiltinError(reference: TSESTree.Identifier): boolean {
      for (let child: TSESTree.Node = reference, current: TSESTree.Node | undefined = reference.parent; current && !isFunctionNode(current); child = current, current = current.parent) {
        if (current.type !== AST_NODE_TYPES.IfStatement || child !== current.consequent) continue;
        const test = unwrapExpression(current.test);
        if (test.type === AST_NODE_TYPES.BinaryExpression && test.operator === 'instanceof' && test.left.type === AST_NODE_TYPES.Identifier &&
          test.left.name === reference.name && test.right.type === AST_NODE_TYPES.Identifier && BUILTIN_ERROR_CLASSES.has(test.right.name)) return true;
      }
      return false;
    }

    function isGuarded(node: TSESTree.Node, errorName: string, error: CaughtError): boolean {
      if (error.appErrorsOnly) return true;
      // `developmentErrors(err, req, res, next)`: a handler that says it is only for development.
      if (error.scopeFunction && isFunctionNode(error.scopeFunction) && DEV_HANDLER.test(getFunctionName(error.scopeFunction) ?? '')) return true;
      let inScope = true;
      for (let child: TSESTree.Node = node, current = node.parent; current; child = current, current = current.parent) {
        if (isFunctionNode(current) && current === error.scopeFunction) break;
        if (current === error.scope) inScope = false;
        if (inScope && hasEarlyExitForOtherErrors(current, child, errorName)) return true;
        let test: TSESTree.Node | undefined;
        if (current.type === AST_NODE_TYPES.IfStatement && child !== current.test) test = current.test;
        if (current.type === AST_NODE_TYPES.ConditionalExpression && child !== current.test) test = current.test;
        if (current.type === AST_NODE_TYPES.LogicalExpression && child === current.right) test = current.left;
        if (current.type === AST_NODE_TYPES.SwitchCase && current.test) test = current.test;
        if (current.type === AST_NODE_TYPES.SwitchStatement) test = current.discriminant;
        if (test && (mentionsDebug(test) || classifiesError(test, errorName))) return true;
      }
      return false;
    }

    /**
     * `if (!(err instanceof AppError)) return next(err);` or
     * `if (err.name !== 'ValidationError') throw err;` in the same block,
     * before the leak: only the errors the app classified get that far.
     */
    function hasEarlyExitForOtherErrors(block: TSESTree.Node, child: TSESTree.Node, errorName: string): boolean {
      const statements = block.type === AST_NODE_TYPES.BlockStatement ? block.body : block.type === AST_NODE_TYPES.SwitchCase ? block.consequent : undefined;
      if (!statements) return false;
      for (const statement of statements) {
        if (statement === child) return false;
        if (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && alwaysExits(statement.consequent) && excludesOtherErrors(statement.test, errorName)) {
          return true;
        }
      }
      return false;
    }

    /** A test that holds for every error but the classified ones: `!(err instanceof AppError)`, `err.code !== 'P2002'`, both sides of `&&`. */
    function excludesOtherErrors(test: TSESTree.Node, errorName: string): boolean {
      const expression = unwrapExpression(test);
      if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') return classifiesError(expression.argument, errorName);
      if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '&&') {
        return excludesOtherErrors(expression.left, errorName) && excludesOtherErrors(expression.right, errorName);
      }
      if (expression.type === AST_NODE_TYPES.BinaryExpression && (expression.operator === '!==' || expression.operator === '!=')) {
        const [member, other] = expression.left.type === AST_NODE_TYPES.MemberExpression ? [expression.left, expression.right] : [expression.right, expression.left];
        const object = member.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(member.object) : undefined;
        return object?.type === AST_NODE_TYPES.Identifier && object.name === errorName && other.type === AST_NODE_TYPES.Literal && other.value !== null;
      }
      return false;
    }

    /**
     * A route only administrators reach (`router.post('/x', isAdmin, error_catcher(async (req, res) => …))`, a Nest
     * method with `@Roles('admin')` or an admin guard): the people who run the app read its errors to fix it.
     */
    function servesAdminsOnly(sink: TSESTree.Node): boolean {
      for (let current: TSESTree.Node | undefined = sink.parent; current; current = current.parent) {
        if (isFunctionNode(current) && current.body.type === AST_NODE_TYPES.BlockStatement && checksAdminBefore(current.body, sink)) return true;
        if (current.type === AST_NODE_TYPES.MethodDefinition) {
          return current.decorators.some((decorator) => isRoleCheck(decorator.expression) || (decorator.expression.type === AST_NODE_TYPES.CallExpression && decorator.expression.arguments.some(isRoleCheck)));
        }
        // `export default ModEndpoint(async (req, res) => …)`, `WebhookEndpoint(…)`: a wrapper that lets in only moderators,
        // or only the services that hold the webhook or job token.
        if (current.type === AST_NODE_TYPES.CallExpression && isTrustedCallerWrapper(getCalleeName(current))) return true;
        if (current.type !== AST_NODE_TYPES.CallExpression || !ROUTE_REGISTRATIONS.has(getCalleeName(current) ?? '')) continue;
        const handlerIndex = current.arguments.findIndex((argument) => isWithin(sink, argument));
        if (handlerIndex > 0 && current.arguments.slice(1, handlerIndex).some(isRoleCheck)) return true;
      }
      return false;
    }

    /** `AdminEndpoint`, `ModEndpoint`, `WebhookEndpoint`, `JobEndpoint`, `TokenSecuredEndpoint`: an endpoint wrapper for trusted callers. */
    function isTrustedCallerWrapper(name: string | undefined): boolean {
      if (name === undefined) return false;
      const words = splitIdentifierWords(name);
      return words.some((word) => ENDPOINT_WORDS.has(word)) && (isAdminName(name) || words.some((word) => TRUSTED_CALLER_WORDS.has(word)));
    }

    /**
     * A handler that turns away everyone but administrators before it answers: `await requireAdmin(request)`,
     * `if (!user.admin) return redirect('/')`, `if (user.role !== 'admin') throw new Response(null, { status: 403 })`.
     */
    function checksAdminBefore(body: TSESTree.BlockStatement, sink: TSESTree.Node): boolean {
      return body.body.some((statement) => statement.range[1] <= sink.range[0] && (
        (statement.type === AST_NODE_TYPES.IfStatement && mentionsAdmin(statement.test) && exitsEarly(statement.consequent)) ||
        ((statement.type === AST_NODE_TYPES.ExpressionStatement || statement.type === AST_NODE_TYPES.VariableDeclaration) && callsAdminCheck(statement))));
    }

    function mentionsAdmin(test: TSESTree.Node): boolean {
      return someNode(test, (node) =>
        (node.type === AST_NODE_TYPES.Identifier && isAdminName(node.name)) ||
        (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && isAdminName(node.value)), sourceCode.visitorKeys);
    }

    function callsAdminCheck(statement: TSESTree.Node): boolean {
      const call = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression
        : statement.type === AST_NODE_TYPES.VariableDeclaration ? statement.declarations[0]?.init : undefined;
      const unwrapped = call && unwrapExpression(call.type === AST_NODE_TYPES.AwaitExpression ? call.argument : call);
      if (unwrapped?.type !== AST_NODE_TYPES.CallExpression) return false;
      const name = getMemberPath(unwrapped.callee)?.at(-1);
      return name !== undefined && isAdminName(name) && looksLikeRoleCheckName(name);
    }

    function exitsEarly(node: TSESTree.Node): boolean {
      if (node.type === AST_NODE_TYPES.ThrowStatement || node.type === AST_NODE_TYPES.ReturnStatement) return true;
      return node.type === AST_NODE_TYPES.BlockStatement && node.body.some((statement) => statement.type === AST_NODE_TYPES.ThrowStatement || statement.type === AST_NODE_TYPES.ReturnStatement);
    }

    /** `isAdmin`, `auth.requireRole('admin')`, `RolesGuard`, `@Roles(Role.Admin)`: a middleware, guard or decorator that checks a role. */
    function isRoleCheck(node: TSESTree.Node): boolean {
      const expression = unwrapExpression(node);
      const name = expression.type === AST_NODE_TYPES.CallExpression ? getMemberPath(expression.callee)?.at(-1) : getMemberPath(expression)?.at(-1);
      return name !== undefined && looksLikeRoleCheckName(name);
    }

    /**
     * `return next ? next(err) : res.status(401).json(err)`: a handler written to run with or without a
     * `next` callback answers only without one, and Express always passes it, so the error goes to the app's
     * error handler instead.
     */
    function isReachedOnlyWithoutNext(node: TSESTree.Node): boolean {
      for (let child: TSESTree.Node = node, current = node.parent; current; child = current, current = current.parent) {
        if (isFunctionNode(current)) return false;
        if (current.type !== AST_NODE_TYPES.IfStatement && current.type !== AST_NODE_TYPES.ConditionalExpression) continue;
        const test = unwrapExpression(current.test);
        if (child === current.alternate && test.type === AST_NODE_TYPES.Identifier && test.name === 'next') return true;
        if (child === current.consequent && test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' &&
          test.argument.type === AST_NODE_TYPES.Identifier && test.argument.name === 'next') return true;
      }
      return false;
    }

    /** A first parameter whose name says what else it holds: `type`, `field`, `name`, `options` — anything but an error. */
    function isNonErrorName(name: string): boolean {
      return !/^_?(?:e|er|err|error|errors|ex|exc|exception|reason|problem|failure|fault)$/i.test(name) && !/(?:err|error|exception)$/i.test(name);
    }

    function isDevGuarded(node: TSESTree.Node): boolean {
      for (let child: TSESTree.Node = node, current = node.parent; current; child = current, current = current.parent) {
        if (isFunctionNode(current)) return false;
        if ((current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression) && child !== current.test && mentionsDebug(current.test)) {
          return true;
        }
        if (current.type === AST_NODE_TYPES.LogicalExpression && child === current.right && mentionsDebug(current.left)) return true;
      }
      return false;
    }

    function mentionsDebug(test: TSESTree.Node): boolean {
      return someNode(test, (node) =>
        (node.type === AST_NODE_TYPES.Identifier && (DEBUG_NAMES.test(node.name) || debugFlags.has(node.name)))
        || (node.type === AST_NODE_TYPES.Literal && (node.value === 'development' || node.value === 'production' || node.value === 'env')), sourceCode.visitorKeys);
    }

    /**
     * A test that sorts errors: `err instanceof AppError`, `err.status`,
     * `err.name === …`, `err.message.includes(…)`, `isHttpError(err)`, `status < 500`.
     * Not a bare `if (err)`, `!err`, `err == null` or `err instanceof Error`.
     */
    function classifiesError(test: TSESTree.Node, errorName: string): boolean {
      return someNode(test, (node) =>
        (node.type === AST_NODE_TYPES.Identifier && node.name === errorName && isSortingUse(node, test))
        // `status < 500 ? err.message : 'Internal error'`: only client errors show their message.
        || (node.type === AST_NODE_TYPES.Identifier && STATUS_NAMES.test(node.name))
        || (node.type === AST_NODE_TYPES.Literal && node.value === 500), sourceCode.visitorKeys);
    }

    function isSortingUse(identifier: TSESTree.Identifier, test: TSESTree.Node): boolean {
      if (identifier === test) return false;
      const parent = identifier.parent;
      if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') return false;
      if (parent.type === AST_NODE_TYPES.LogicalExpression) return false;
      if (parent.type === AST_NODE_TYPES.BinaryExpression) {
        if (parent.operator === 'instanceof') {
          const right = getMemberPath(parent.right)?.at(-1);
          return right !== undefined && (!GENERIC_ERROR_CLASSES.has(right) || options.safeErrorClasses.includes(right));
        }
        const other = parent.left === identifier ? parent.right : parent.left;
        return !(other.type === AST_NODE_TYPES.Literal && other.value === null) && !(other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined');
      }
      return true;
    }

    interface CaughtError {
      /** The function whose body the error lives in (guards outside it do not count). */
      scopeFunction: TSESTree.Node | undefined;
      /** The `catch` clause or function that binds the error. */
      scope: TSESTree.Node;
      /** A `try` that can only throw the app's own errors (`throw new NotFoundError()`), or validation errors. */
      appErrorsOnly: boolean;
      /** Whether the error may come from a database, file or network call (see `reachesInternalCall`); assumed for handlers and callbacks. */
      reachesInternals: boolean;
      /** A `try` that awaits nothing: what it throws is a programming error, not a driver's or a service's. */
      awaitsNothing?: boolean;
    }

    /**
     * Whether a variable holds a caught error: a `catch (err)` parameter, the
     * first parameter of an Express error handler `(err, req, res, next)`, of a
     * `.catch(err => …)` / `onError` / `setErrorHandler` callback, of a Nest
     * catch-all exception filter, or of a Node-style callback `(err, result) => …`.
     */
    function getCaughtError(variable: TSESLint.Scope.Variable): CaughtError | undefined {
      const def = variable.defs[0];
      if (!def) return undefined;
      if (def.type === 'CatchClause') {
        const clause = def.node;
        const tryStatement = clause.parent;
        return {
          scopeFunction: undefined,
          scope: clause,
          appErrorsOnly: tryStatement.type === AST_NODE_TYPES.TryStatement && onlyThrowsOwnErrors(tryStatement.block, sourceCode),
          reachesInternals: tryStatement.type !== AST_NODE_TYPES.TryStatement || reachesInternalCall(tryStatement.block, sourceCode),
          awaitsNothing: tryStatement.type === AST_NODE_TYPES.TryStatement && !findNode(tryStatement.block, (node) =>
            node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(node) === 'then')),
        };
      }
      if (def.type !== 'Parameter') return undefined;
      const fn = def.node;
      if (!isFunctionNode(fn) || fn.params[0] !== def.name) return undefined;
      // Express error handler: `(err, req, res, next)`, not `byType(type, req, res, next)` (a route helper taking a lookup field).
      if (fn.params.length === 4 && isNamedParam(fn.params[1], REQUEST_NAMES) && isNamedParam(fn.params[2], RESPONSE_NAMES) && !isNonErrorName(variable.name)) {
        return { scopeFunction: fn, scope: fn, appErrorsOnly: false, reachesInternals: true };
      }
      // Hono's error handler declared apart from `app.onError(handleError)`: `function handleError(err: Error, c: Context)`.
      if (fn.params.length === 2 && /^(?:e|err|error|exception)$/.test(variable.name) && isHonoContextParam(fn.params[1])) {
        return { scopeFunction: fn, scope: fn, appErrorsOnly: false, reachesInternals: true };
      }
      const parent = fn.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
        const callee = getCalleeName(parent);
        // `verifyToken(dto.token).catch((e) => …)`: the promise's own call says whether a database or network failed.
        if (callee === 'catch' && parent.callee.type === AST_NODE_TYPES.MemberExpression) {
          return { scopeFunction: fn, scope: fn, appErrorsOnly: false, reachesInternals: reachesInternalCall(parent.callee.object, sourceCode) };
        }
        if (callee === 'catch' || callee === 'onError' || callee === 'setErrorHandler') return { scopeFunction: fn, scope: fn, appErrorsOnly: false, reachesInternals: true };
        // Node-style callbacks `(err, rows) => …`, `upload(req, res, (err) => …)`, `.on('error', (err) => …)`.
        if (/^(?:err|error)$/.test(variable.name) && !(callee !== undefined && ARRAY_METHODS.has(callee))) {
          // `User.findById(id, (err, user) => …)` hands on a driver's error; `validator.validate(body, (err) => …)` its own.
          return { scopeFunction: fn, scope: fn, appErrorsOnly: false, reachesInternals: reachesInternalCall(parent, sourceCode) };
        }
      }
      // A Nest exception filter: `@Catch() class AllFilter { catch(exception, host) { … } }`
      if (parent?.type === AST_NODE_TYPES.MethodDefinition && !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier && parent.key.name === 'catch') {
        const classNode = parent.parent.parent;
        if (classNode.type !== AST_NODE_TYPES.ClassDeclaration && classNode.type !== AST_NODE_TYPES.ClassExpression) return undefined;
        const catchDecorator = classNode.decorators.find((decorator) => getDecoratorName(decorator) === 'Catch');
        if (!catchDecorator) return undefined;
        const expression = catchDecorator.expression;
        const caught = expression.type === AST_NODE_TYPES.CallExpression ? expression.arguments : [];
        const catchesAll = expression.type === AST_NODE_TYPES.CallExpression && caught.length === 0;
        // `@Catch(QueryFailedError)`: a driver's message names tables, columns and constraints.
        const catchesDriverErrors = caught.some((argument) => DRIVER_ERROR.test(sourceCode.getText(argument)));
        return { scopeFunction: fn, scope: fn, appErrorsOnly: !catchesAll && !catchesDriverErrors, reachesInternals: true };
      }
      return undefined;
    }
  },
});

/**
 * Whether a file may send a caught error, from its text (see `text-gate.ts`): a
 * response sink, Hono's `c.text`, or a Nest exception; and a `catch`, an error
 * callback (`.catch`, `onError`, `(err) => …`) or an Express error handler
 * `(e, req, res, next)` — the shapes `getCaughtError` reads.
 */
function maySendCaughtError(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const maySend =
    mayHaveResponseSink(sourceCode) ||
    (mayMentionWord(sourceCode, HONO_TEXT_METHODS) && mayMentionWord(sourceCode, HONO_CONTEXT_NAMES)) ||
    mayMentionModule(sourceCode, NEST_MODULES);
  if (!maySend) return false;
  return mayMentionWord(sourceCode, CAUGHT_ERROR_WORDS) || (mayMentionWord(sourceCode, REQUEST_NAMES) && mayMentionWord(sourceCode, RESPONSE_NAMES));
}

const HONO_TEXT_METHODS: readonly string[] = ['text', 'html'];
/** Route registrations whose arguments before the handler are middleware. */
const ROUTE_REGISTRATIONS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'use']);
const HONO_CONTEXT_NAMES: readonly string[] = ['c', 'ctx'];
const NEST_MODULES: readonly string[] = ['@nestjs/common'];
/** A `catch`, a `.catch`/`onError`/`setErrorHandler` callback, a Node-style `(err) =>` callback. */
const CAUGHT_ERROR_WORDS: readonly string[] = ['catch', 'onError', 'setErrorHandler', 'err', 'error'];

/** Hono's `c.text(x)` / `c.html(x)` send `x`. */
function getHonoTextPayload(call: TSESTree.CallExpression): ResponsePayload | undefined {
  const path = getMemberPath(call.callee);
  const [first] = call.arguments;
  if (!path || path.length !== 2 || !first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if ((path[0] === 'c' || path[0] === 'ctx') && (path[1] === 'text' || path[1] === 'html')) return { payload: first, sink: call };
  return undefined;
}

/** Receivers and callees whose errors carry a driver's or a remote's text: SQL, file paths, hosts. */
const INTERNAL_RECEIVER = /^(?:prisma|db|database|knex|sequelize|mongoose|pool|pg|mysql|sql|redis|cache|fs|storage|s3|bucket|supabase|drizzle|em|entityManager|dataSource|connection|orm|collection|axios|got|http|https)$|(?:repository|repo|model|client|pool|collection|storage|db)$/i;
const INTERNAL_CALLEES: ReadonlySet<string> = new Set(['fetch', 'query', 'execute', 'exec', 'spawn', 'readFile', 'writeFile', 'readFileSync', 'writeFileSync', 'request', 'upload']);

/**
 * Whether a `try` block visibly reaches a database, file or network call — directly, or in a function of this file
 * it calls (one level): `await prisma.member.create(…)`, `User.findOne(…)`, `fs.readFile(…)`, `fetch(…)`. A call to a
 * service in another file says nothing either way, and the app's messages are what a 4xx answer usually carries.
 */
function reachesInternalCall(block: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const visit = (root: TSESTree.Node, depth: number): boolean => findNode(root, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const path = getMemberPath(node.callee);
    if (path && (path.slice(0, -1).some((segment) => INTERNAL_RECEIVER.test(segment)) || (path.length === 1 && INTERNAL_CALLEES.has(path[0]!)) ||
      (path.length > 1 && /^[A-Z]/.test(path[0]!) && ORM_STATIC_METHODS.has(path.at(-1)!)))) return true;
    // `this.payments.charge(…)` with `constructor(private readonly payments: PaymentsClient)`: the member's declared type says.
    if (path && path[0] === 'this' && path.length >= 3 && INTERNAL_RECEIVER.test(getMemberTypeName(node, path[1]!) ?? '')) return true;
    const local = depth === 0 ? getLocalFunction(node, sourceCode) : undefined;
    return local !== undefined && visit(local.body, depth + 1);
  }) !== undefined;
  return visit(block, 0);
}

/** The type a class declares for `this.<name>`, as a constructor parameter property or a property: `PaymentsClient`. */
function getMemberTypeName(from: TSESTree.Node, name: string): string | undefined {
  let classBody: TSESTree.Node | undefined = from.parent;
  while (classBody && classBody.type !== AST_NODE_TYPES.ClassBody) classBody = classBody.parent;
  if (!classBody || classBody.type !== AST_NODE_TYPES.ClassBody) return undefined;
  for (const member of classBody.body) {
    const candidates: TSESTree.Node[] = member.type === AST_NODE_TYPES.PropertyDefinition ? [member]
      : member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor'
        ? member.value.params.flatMap((param) => (param.type === AST_NODE_TYPES.TSParameterProperty ? [param.parameter] : []))
        : [];
    for (const candidate of candidates) {
      const key = candidate.type === AST_NODE_TYPES.PropertyDefinition ? candidate.key : candidate;
      if (key.type !== AST_NODE_TYPES.Identifier || key.name !== name) continue;
      const wrapper = candidate.type === AST_NODE_TYPES.PropertyDefinition || candidate.type === AST_NODE_TYPES.Identifier ? candidate.typeAnnotation : undefined;
      const annotation = wrapper?.typeAnnotation;
      return annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier ? annotation.typeName.name : undefined;
    }
  }
  return undefined;
}

/** Static model methods: `User.findOne(…)`, `Order.create(…)`. */
const ORM_STATIC_METHODS: ReadonlySet<string> = new Set([
  'find', 'findOne', 'findById', 'findAll', 'findByPk', 'findMany', 'findUnique', 'findFirst', 'create', 'insert', 'insertMany', 'update', 'updateOne',
  'updateMany', 'save', 'delete', 'deleteOne', 'deleteMany', 'destroy', 'upsert', 'aggregate', 'count', 'countDocuments', 'findOneAndUpdate', 'bulkCreate',
]);

/**
 * Whether a `try` block can only throw errors the app wrote for the client:
 * what a `catch` receives is decided by what its `try` calls, and every call
 * here is inside `throw new …(…)`, validation (`schema.parse`, `validateX`,
 * `assertX`), the success response, or a check declared in this file
 * (`await verifyLinkLimit(user.id)`).
 */
function onlyThrowsOwnErrors(block: TSESTree.BlockStatement, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const checks = new Map<TSESTree.Node, boolean>();
  const foreign = findNode(block, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || isInsideThrow(node, block)) return false;
    if (isValidationCall(node) || isConversionCall(node)) return false;
    // Sending the success response, building it (`ctx.body = format(query)`) or setting its headers and
    // cookies (`ctx.cookies.set(…)`, `res.setHeader(…)`) does not throw anything worth hiding.
    if (isPartOfResponse(node, block) || isConsoleCall(node)) return false;
    const callee = getLocalFunction(node, sourceCode);
    return !(callee && isCheckFunction(callee, sourceCode, checks, 0));
  });
  return foreign === undefined;
}

/**
 * A call that sends or builds the success response (what it is given is
 * judged on its own: `res.json(await db.find())` may throw from the database),
 * or that sets the response's headers and cookies, arguments included
 * (`ctx.cookies.set('_uid', id, { expires: days(7) })`).
 */
function isPartOfResponse(call: TSESTree.CallExpression, block: TSESTree.Node): boolean {
  if (getCallResponsePayload(call) || isResponseValue(call)) return true;
  for (let node: TSESTree.Node | undefined = call; node && node !== block; node = node.parent) {
    if (node.type === AST_NODE_TYPES.CallExpression && isResponseSetter(node)) return true;
  }
  return false;
}

/** `console.log(ctx.response)`: writing to the console throws nothing. */
function isConsoleCall(call: TSESTree.CallExpression): boolean {
  return getMemberPath(call.callee)?.[0] === 'console';
}

/** A call whose result is assigned as the response body: `ctx.body = yapi.commons.resReturn(query)`. */
function isResponseValue(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  return parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === call && getAssignmentResponsePayload(parent) !== undefined;
}

const RESPONSE_OBJECTS: ReadonlySet<string> = new Set(['ctx', 'res', 'reply', 'response', 'c']);
const RESPONSE_SETTERS: ReadonlySet<string> = new Set(['set', 'setHeader', 'header', 'cookie', 'clearCookie', 'status', 'type', 'append', 'vary']);

/** `ctx.set('X-Id', id)`, `ctx.cookies.set('_uid', id)`, `res.cookie(…)`: headers and cookies of the response. */
function isResponseSetter(call: TSESTree.CallExpression): boolean {
  const path = getMemberPath(call.callee);
  if (!path || path.length < 2 || !RESPONSE_OBJECTS.has(path[0]!)) return false;
  return RESPONSE_SETTERS.has(path.at(-1)!) && (path.length === 2 || (path.length === 3 && path[1] === 'cookies'));
}

function isValidationCall(call: TSESTree.CallExpression): boolean {
  const name = getCalleeName(call);
  return name !== undefined && (VALIDATION_CALLS.has(name) || /^(?:validate|assert)[A-Z]/.test(name));
}

/** `String(x)`, `Number(req.query.id)`: conversions that throw nothing a client could learn from. */
function isConversionCall(call: TSESTree.CallExpression): boolean {
  return call.callee.type === AST_NODE_TYPES.Identifier && CONVERSION_FUNCTIONS.has(call.callee.name);
}

const CONVERSION_FUNCTIONS: ReadonlySet<string> = new Set(['String', 'Number', 'Boolean', 'parseInt', 'parseFloat']);

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/**
 * A function of this file that only checks: it throws errors the app wrote
 * (`throw new Error(\`Each owner can have ${MAX} links\`)`), and every call it
 * makes feeds a decision (`const count = await db.link.count(…)`) — none is an
 * effect of its own (a call standing as a statement, a call returned), except
 * other checks. Its `throw`s are why a caller wraps it in a `try`.
 */
function isCheckFunction(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>, checks: Map<TSESTree.Node, boolean>, depth: number): boolean {
  const known = checks.get(fn);
  if (known !== undefined) return known;
  // Recursion counts as not a check until proven.
  checks.set(fn, false);
  if (depth > MAX_CHECK_DEPTH || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  let throws = 0;
  const effect = findNode(fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.ThrowStatement) {
      throws += 1;
      return !isAppWrittenError(node.argument, sourceCode);
    }
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      return node.argument !== null && findNode(node.argument, (inner) => inner.type === AST_NODE_TYPES.CallExpression) !== undefined;
    }
    if (node.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    const expression = unwrapExpression(node.expression);
    if (expression.type !== AST_NODE_TYPES.CallExpression || isValidationCall(expression)) return false;
    const callee = getLocalFunction(expression, sourceCode);
    return !(callee && isCheckFunction(callee, sourceCode, checks, depth + 1));
  });
  const result = effect === undefined && throws > 0;
  checks.set(fn, result);
  return result;
}

const MAX_CHECK_DEPTH = 3;

/**
 * `new Error('Link not found')`, `new BadRequestException({ message: \`At most ${MAX} links\` })`,
 * `new HttpError(HttpStatus.CONFLICT, 'Taken')`, `new LimitError()`: an error whose
 * message the app wrote. Not `new Error(err.message)` or `new Error(\`${err}\`)`
 * (a caught error's text), nor a message held in a variable of unknown origin.
 */
function isAppWrittenError(argument: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const expression = unwrapExpression(argument);
  if (expression.type !== AST_NODE_TYPES.NewExpression) return false;
  return expression.arguments.every((value) => isAppWrittenValue(value, sourceCode, 0));
}

function isAppWrittenValue(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, depth: number): boolean {
  const value = unwrapExpression(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      // The app's sentence with values in it; not a caught error's text.
      return !value.expressions.some((part) => findNode(part, (inner) => inner.type === AST_NODE_TYPES.Identifier && isCaughtErrorReference(inner, sourceCode)));
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.every((property) => property.type === AST_NODE_TYPES.Property && isAppWrittenValue(property.value, sourceCode, depth));
    case AST_NODE_TYPES.MemberExpression: {
      // `HttpStatus.CONFLICT`, `Messages.LINK_LIMIT`: a constant of the app.
      const root = getMemberPath(value)?.[0];
      return root !== undefined && /^[A-Z]/.test(root);
    }
    case AST_NODE_TYPES.Identifier: {
      if (/^[A-Z][A-Z0-9_]*$/.test(value.name)) return true;
      const definition = ASTUtils.findVariable(sourceCode.getScope(value), value)?.defs[0];
      return (
        depth < 2 &&
        definition?.type === 'Variable' &&
        definition.parent.kind === 'const' &&
        definition.node.id === definition.name &&
        definition.node.init !== null &&
        isAppWrittenValue(definition.node.init, sourceCode, depth + 1)
      );
    }
    default:
      return false;
  }
}

function isCaughtErrorReference(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const definition = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier)?.defs[0];
  return definition?.type === 'CatchClause';
}

/** The function a call runs when it is declared in this file: `check(x)` for a function or `const` arrow, `this.check(x)` for a method of the class. */
function getLocalFunction(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee);
    if (!variable || variable.defs.length !== 1) return undefined;
    const definition = variable.defs[0]!;
    if (definition.type === 'FunctionName' && definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node;
    if (definition.type === 'Variable' && definition.parent.kind === 'const' && definition.node.init) {
      const init = unwrapExpression(definition.node.init);
      return init.type === AST_NODE_TYPES.ArrowFunctionExpression || init.type === AST_NODE_TYPES.FunctionExpression ? init : undefined;
    }
    return undefined;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = getMemberPropertyName(callee);
  for (let current: TSESTree.Node | undefined = call.parent; current; current = current.parent) {
    if (current.type !== AST_NODE_TYPES.ClassBody) continue;
    for (const member of current.body) {
      if (member.type === AST_NODE_TYPES.MethodDefinition && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name) {
        return member.value.type === AST_NODE_TYPES.FunctionExpression ? member.value : undefined;
      }
    }
    return undefined;
  }
  return undefined;
}

/** Whether a statement always leaves: `return`, `throw`, or a block ending in one. */
function alwaysExits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body.at(-1);
    return last !== undefined && alwaysExits(last);
  }
  return false;
}

function isInsideThrow(node: TSESTree.Node, stop: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== stop; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ThrowStatement) return true;
  }
  return false;
}

/** `c`, or any name typed as Hono's `Context`. */
function isHonoContextParam(param: TSESTree.Parameter | undefined): boolean {
  if (param?.type !== AST_NODE_TYPES.Identifier) return false;
  const type = param.typeAnnotation?.typeAnnotation;
  return param.name === 'c' || (type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && type.typeName.name === 'Context');
}

function isNamedParam(param: TSESTree.Parameter | undefined, names: ReadonlySet<string>): boolean {
  return param?.type === AST_NODE_TYPES.Identifier && names.has(param.name);
}


function isWithin(node: TSESTree.Node, ancestor: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** A string the app wrote: `'Internal server error'`, a template with no expressions. */
function isOwnText(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') ||
    (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0);
}
