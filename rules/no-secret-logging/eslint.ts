import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  CLOCK_CALLS,
  CONSOLE_METHODS,
  LOG_METHODS,
  LOGGER_FACTORY_NAMES,
  LOGGER_PACKAGES,
  SIGN_UP_COLLECTIONS,
  isConstantLabel,
  isConnectionStringName,
  isLoggerObjectName,
  isRedactionHelperName,
  isSecretName,
  splitIdentifierWords,
} from '@redline/core';
import { createRule } from '../utils/create-rule.js';
import { findRootIdentifier, getCalleeName, getEnclosingFunction, getFunctionName, getMemberPath, getMemberPropertyName, getPropertyKeyName, getStaticKey, isFunctionNode, unwrapExpression } from '../utils/ast.js';
import { getRedlineSettings } from '../utils/settings.js';
import { isClientSideFile, isTestFile } from '../utils/file-kind.js';
import { getModuleBinding } from '../utils/module-bindings.js';
import { mayMentionWord } from '../utils/text-gate.js';
import { someNode, walkNodes } from '../utils/walk.js';
import { getEnclosingRoute } from '../utils/enclosing-route.js';

type MessageIds = 'secret' | 'payload' | 'record' | 'requestError';
type Options = [
  {
    loggers?: string[];
    redactionHelpers?: string[];
    secretWords?: string[];
    allowedNames?: string[];
    ignoreTestFiles?: boolean;
    checkClientFiles?: boolean;
  },
];

/** What a log argument leaks, and under which object key (for pino `redact` paths). */
interface Leak {
  kind: MessageIds;
  /** The variable, path or key that names the value: never the value itself. */
  name: string;
  /** For records: the secret field the record carries. */
  field?: string;
  /** For payloads: what the container is (`request body`, `environment`). */
  what?: string;
  /** Keys from the logged object's root to the leaked value, when it sits in an object literal. */
  keyPath?: string[];
}

/**
 * How a value reaches the log line: written as a value (objects are
 * serialised), or converted to a string by a template or `+` (objects become
 * `[object Object]`, so only scalars leak).
 */
type Mode = 'value' | 'string';

/** Request parts that carry credentials when logged whole, as dotted paths. */
const REQUEST_CONTAINERS: ReadonlyMap<string, string> = new Map([
  ['req.body', 'request body'], ['request.body', 'request body'], ['ctx.request.body', 'request body'],
  ['context.request.body', 'request body'], ['c.req.body', 'request body'],
  ['req.headers', 'request headers'], ['request.headers', 'request headers'], ['ctx.headers', 'request headers'],
  ['ctx.request.headers', 'request headers'], ['ctx.request.header', 'request headers'], ['ctx.header', 'request headers'],
  ['ctx.req.headers', 'request headers'], ['context.request.headers', 'request headers'],
  ['c.req.raw.headers', 'request headers'], ['event.headers', 'request headers'],
  ['req.cookies', 'request cookies'], ['req.signedCookies', 'request cookies'], ['request.cookies', 'request cookies'],
  ['process.env', 'environment'],
]);

/** HTTP clients whose errors carry the request's config (headers, body): axios's `error.config`, got's `error.options`. */
const REQUEST_ERROR_CLIENTS: ReadonlySet<string> = new Set(['axios', 'got']);

/** Receivers whose `.json()`, `.formData()`, `.text()` read the request body (Next.js, Hono, Fetch API). */
const REQUEST_BODY_READERS: ReadonlySet<string> = new Set(['req', 'request', 'c.req', 'ctx.req', 'context.req']);
type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** The last word of a name for who someone is (`username`, `userEmail`, `loginName`): no credential. */
const IDENTITY_WORDS: ReadonlySet<string> = new Set(['username', 'user', 'name', 'email', 'mail', 'login', 'account', 'authzid', 'authcid', 'uid']);

function isIdentityName(name: string): boolean {
  return IDENTITY_WORDS.has(splitIdentifierWords(name).at(-1) ?? '');
}

function isBooleanLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'boolean';
}

/** `parts[1]`, `(parts[1] || '').toString().trim()`, `parts[1] || parts[0]`: one element of an array. */
function isElementAccess(node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    return expression.computed && expression.property.type === AST_NODE_TYPES.Literal && typeof expression.property.value === 'number';
  }
  if (expression.type === AST_NODE_TYPES.LogicalExpression) {
    return [expression.left, expression.right].every((side) => side.type === AST_NODE_TYPES.Literal || isElementAccess(side)) &&
      (expression.left.type !== AST_NODE_TYPES.Literal || expression.right.type !== AST_NODE_TYPES.Literal);
  }
  // `.toString().trim()` keep the element what it is.
  return expression.type === AST_NODE_TYPES.CallExpression && expression.arguments.length === 0 && expression.callee.type === AST_NODE_TYPES.MemberExpression &&
    ['toString', 'trim', 'toLowerCase', 'toUpperCase'].includes(getMemberPropertyName(expression.callee) ?? '') && isElementAccess(expression.callee.object);
}

/** Whether a node sits in a function about a lock (`acquireLock`, `extendLock`, `withMutex`): its `token` is the holder's. */
function isInLockFunction(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const name = getFunctionName(current);
    if (name !== undefined && splitIdentifierWords(name).some((word) => LOCK_WORDS.has(word))) return true;
  }
  return false;
}
const LOCK_WORDS: ReadonlySet<string> = new Set(['lock', 'locks', 'mutex', 'lease', 'semaphore']);

/** Parts of a request that differ from route to route, unlike its session, cookies and headers. */
const PER_ROUTE_PARTS: ReadonlySet<string> = new Set(['params', 'body', 'query']);
/** Names of a handler's request or connection: each handler has its own, and they all hold the same parts. */
const REQUEST_ROOT_NAMES: ReadonlySet<string> = new Set(['req', 'request', 'ctx', 'c', 'context', 'res', 'reply', 'socket', 'client']);
const BODY_READ_METHODS: ReadonlySet<string> = new Set(['json', 'formData', 'text', 'parseBody', 'arrayBuffer']);

/** Names of request, response, error and framework objects: never treated as a user record. */
const NON_RECORD_NAMES: ReadonlySet<string> = new Set([
  'req', 'request', 'res', 'response', 'reply', 'ctx', 'context', 'c', 'event', 'next',
  'err', 'error', 'e', 'ex', 'exception', 'cause', 'args', 'argv', 'this',
]);

/** Calls that return their argument's content as a string: the secret survives. */
const STRINGIFYING_FUNCTIONS: ReadonlySet<string> = new Set([
  'String', 'encodeURIComponent', 'encodeURI', 'escape', 'btoa', 'Buffer.from',
]);
/** Calls that serialise or copy their argument whole. */
const SERIALISING_FUNCTIONS: ReadonlySet<string> = new Set([
  'JSON.stringify', 'util.inspect', 'inspect', 'util.format', 'format', 'structuredClone',
  'Object.assign', 'Object.entries', 'Object.values', 'Object.fromEntries',
  // `JSON.parse(rawBody)`: the same content as an object.
  'JSON.parse',
]);
/** String methods that keep the secret in their result (`auth.replace('Bearer ', '')`). */
const PRESERVING_STRING_METHODS: ReadonlySet<string> = new Set([
  'toString', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'replace', 'replaceAll',
  'split', 'concat', 'padStart', 'padEnd', 'normalize', 'join', 'toJSON', 'valueOf',
]);
/** Terminal colour helpers that wrap a string in escape codes: `chalk.red(token)`. */
const COLOUR_MODULES: ReadonlySet<string> = new Set(['chalk', 'colors', 'kleur', 'picocolors', 'pc', 'ansis', 'clc']);

/** Property words that describe a secret without holding it: `token.length`, `apiKey.id`. */
const METADATA_WORDS: ReadonlySet<string> = new Set([
  'length', 'size', 'count', 'id', 'ids', 'type', 'kind', 'name', 'at', 'expires', 'expiry', 'expiration',
  'expired', 'valid', 'prefix', 'suffix', 'last', 'version', 'status', 'provider', 'scope', 'scopes',
]);

const SCRIPT_FILE = /(?:^|[\\/])(?:scripts|cli|bin)[\\/]/;

/** Whether a name is sensitive, by vocabulary (secret words and allowed names): the answer holds in every file. */
const sensitiveNameCaches = new Map<string, Map<string, boolean>>();

export default createRule<Options, MessageIds>({
  name: 'no-secret-logging',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow writing passwords, tokens, API keys, cookies and whole request payloads to logs',
      category: 'secret-logging',
      cwe: ['CWE-532'],
      recommended: 'recommended',
      severity: 'error',
      requiresTypeChecking: false,
    },
    messages: {
      secret:
        '`{{name}}` holds a secret and `{{sink}}` writes it to the log, where everyone with access to the logs can use it. Log an id or a fixed marker instead, or pass the value through a redaction helper.',
      payload:
        '`{{name}}` ({{what}}) goes to the log whole through `{{sink}}`, and with it any password, token, cookie or API key it carries. Log only the fields you need, or redact the secret ones.',
      record:
        '`{{name}}` carries `{{field}}` and `{{sink}}` writes it whole to the log. Log its id instead, or leave `{{field}}` out before logging.',
      requestError:
        '`{{name}}` is the error of an HTTP request that sent `{{field}}`, and the client keeps the request (headers and body) on its errors, so `{{sink}}` writes `{{field}}` to the log. Log `{{name}}.message` and the response status instead.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          loggers: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra names of logger objects or log functions (`audit`, `telemetry`), added to `console`, `logger`, `log` and the logger packages.',
          },
          redactionHelpers: {
            type: 'array',
            items: { type: 'string' },
            description: 'Names of functions that redact or mask a value; their result is never reported (added to `redact`, `mask`, `sanitize`, …).',
          },
          secretWords: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra single words that make a name sensitive (`email`, `pin`, `dob`), matched like the built-in `password` or `token`.',
          },
          allowedNames: {
            type: 'array',
            items: { type: 'string' },
            description: 'Variable, property or path names that are never reported, such as a `sessionToken` your team stores hashed.',
          },
          ignoreTestFiles: {
            type: 'boolean',
            description: 'Skip test files and folders and test support code (`TestUtils.js`, `jest.setup.ts`), whose secrets are fixtures (default `true`).',
          },
          checkClientFiles: {
            type: 'boolean',
            description: 'Also check files that look like browser code (`\'use client\'`, `.tsx` components, React imports, `window`), whose console is the user\'s own devtools rather than a server log (default `false`).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ loggers: [], redactionHelpers: [], secretWords: [], allowedNames: [], ignoreTestFiles: true, checkClientFiles: false }],
  },
  create(context, [options]) {
    if (options.ignoreTestFiles !== false && isTestFile(context.filename)) return {};
    // A command-line script (`scripts/create-api-client.ts`, `cli/user.js` printing the password it generated) prints to
    // the terminal of whoever runs it: that is its output, not a log.
    if (SCRIPT_FILE.test(context.filename)) return {};

    const sourceCode = context.sourceCode;
    const settings = getRedlineSettings(context);
    const loggerNames = [...(settings.loggers ?? []), ...(options.loggers ?? [])];
    // Every log sink is a call of a log or console method, a debug instance (`debug`) or a team's logger.
    if (!mayMentionWord(sourceCode, LOG_METHODS) && !mayMentionWord(sourceCode, CONSOLE_METHODS) && !mayMentionWord(sourceCode, loggerNames)) return {};
    const redactionHelpers = [...(settings.redactionHelpers ?? []), ...(options.redactionHelpers ?? [])];
    const secretWords = [...(settings.secretWords ?? []), ...(options.secretWords ?? [])].map((word) => word.toLowerCase());
    const allowedNames = new Set(options.allowedNames ?? []);
    // pino `redact` paths found anywhere in this file, and whether one of them could not be read statically.
    const redactPaths: string[][] = [];
    let hasUnreadableRedact = false;
    const pendingCalls: TSESTree.CallExpression[] = [];
    // `req.session` → `accessToken` when the file reads or writes `req.session.accessToken`.
    const memberSecretFields = new Map<string, string>();
    // Names repeat across files: one cache per vocabulary, for the whole run.
    const vocabularyKey = `${secretWords.join(',')}|${[...allowedNames].join(',')}`;
    const sensitiveNameCache = sensitiveNameCaches.get(vocabularyKey) ?? new Map<string, boolean>();
    sensitiveNameCaches.set(vocabularyKey, sensitiveNameCache);

    return {
      MemberExpression(node) {
        if (node.object.type !== AST_NODE_TYPES.MemberExpression || node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node) return;
        const field = getMemberPropertyName(node);
        if (field === undefined || !isSensitiveName(field) || isSessionName(field)) return;
        const key = getMemberSecretKey(node.object);
        if (key !== undefined && !memberSecretFields.has(key)) memberSecretFields.set(key, field);
      },
      // `const { token, roomPassword } = checkXSS(req.query)`: the fields taken out of a request part are what it carries.
      VariableDeclarator(node) {
        if (node.id.type !== AST_NODE_TYPES.ObjectPattern || !node.init) return;
        let source = unwrapExpression(node.init);
        if (source.type === AST_NODE_TYPES.CallExpression && source.arguments[0]) source = unwrapExpression(source.arguments[0]);
        if (source.type !== AST_NODE_TYPES.MemberExpression) return;
        const field = node.id.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? getPropertyKeyName(property) : undefined))
          .find((name) => name !== undefined && isSensitiveName(name) && !isSessionName(name));
        const key = field === undefined ? undefined : getMemberSecretKey(source);
        if (key !== undefined && field !== undefined && !memberSecretFields.has(key)) memberSecretFields.set(key, field);
      },
      Property(node) {
        if (getPropertyKeyName(node) !== 'redact' || node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        collectRedactPaths(node.value);
      },
      CallExpression(node) {
        if (isLogSink(node) && !isDevelopmentOnly(node)) pendingCalls.push(node);
      },
      // Reports wait for the end of the file: a pino `redact` config may come after a log call.
      'Program:exit'() {
        if (pendingCalls.length === 0) return;
        // Browser code logs to the user's own devtools, not to a log pipeline others read.
        if (!options.checkClientFiles && isClientSideFile(context)) return;
        for (const call of pendingCalls) checkLogCall(call);
      },
    };

    function checkLogCall(call: TSESTree.CallExpression): void {
      // The sink's label, for messages: formatted only for a call that has something to report.
      const sinkLabel = () => {
        const callee = unwrapExpression(call.callee);
        return callee.type === AST_NODE_TYPES.MemberExpression ? formatCallee(callee) : sourceCode.getText(callee);
      };
      call.arguments.forEach((argument, index) => {
        const value = argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument;
        const leak = findLeak(value, 'value', [], 0);
        if (!leak) {
          const field = getRequestErrorSecret(value);
          if (field !== undefined) context.report({ node: argument, messageId: 'requestError', data: { name: sourceCode.getText(value), field, sink: sinkLabel() } });
          return;
        }
        if (isFailedResponseBody(call, value)) return;
        if (leak.kind === 'payload' && leak.what === 'request body' && !mayCarryCredentials(call)) return;
        // An ACME HTTP-01 challenge token is served to anyone at `/.well-known/acme-challenge/<token>`: public by design.
        if (leak.kind === 'secret' && leak.name === 'token' && sourceCode.text.includes('acme-challenge')) return;
        // pino redacts keys of the first (merging) object only.
        if (index === 0 && leak.keyPath && leak.name !== 'process.env' && isRedactedByPino(leak.keyPath, leak.kind !== 'secret')) return;
        // `logger.warn({ req }, 'blocked')`: bunyan and pino write the merging object's `req` through the logger's `req`
        // serializer (method, url, what the team configured), the way request loggers log every request.
        if (index === 0 && leak.kind === 'payload' && leak.what === 'whole request' && leak.keyPath?.length === 1 && leak.keyPath[0] === 'req') return;
        const data: Record<string, string> = { name: leak.name, sink: sinkLabel() };
        if (leak.kind === 'payload') data['what'] = leak.what ?? 'request body';
        if (leak.kind === 'record') data['field'] = leak.field ?? '';
        context.report({ node: argument, messageId: leak.kind, data });
      });
    }

    /**
     * Whether the body a route handler logs may hold a credential. A GET or DELETE has none to speak of; a
     * department, tag or label form has none either. A body does when the route is about signing in, keys or
     * settings (its path or file says so) or when the handler reads a secret off it (`req.body.password`).
     * Outside a route handler (a middleware that logs every request, a helper) any body passes, so it does.
     */
    function mayCarryCredentials(call: TSESTree.CallExpression): boolean {
      const route = getEnclosingRoute(call);
      if (!route) {
        // A controller's action whose route is registered in another file: its file, its name and what it reads off
        // the body say what form it takes (`AuthorController.update` reads `name` and `description`).
        const action = getEnclosingControllerAction(call);
        if (!action || namesCredentialFlow(context.filename) || namesCredentialFlow(action.name)) return true;
        // A users or accounts controller creates accounts, which take a password.
        const fileWords = splitIdentifierWords(context.filename.split(/[\\/]/).at(-1)!.replace(/\..*$/, ''));
        return fileWords.some((word) => SIGN_UP_COLLECTIONS.has(word)) || readsSecretOffBody(action.fn.body);
      }
      if (route.method === 'get' || route.method === 'delete' || route.method === 'head' || route.method === 'options') return false;
      if (route.path === undefined || namesCredentialFlow(route.path) || namesCredentialFlow(context.filename)) return true;
      // Creating an account (`POST /users`) takes its password.
      if (route.method === 'post' && [route.path, context.filename].some((path) => path.split(/[\\/.:]+/).some((segment) => SIGN_UP_COLLECTIONS.has(segment.toLowerCase())))) return true;
      return readsSecretOffBody(route.handler.body);
    }

    /** `req.body.password`, `const { apiKey } = req.body`: the handler takes a secret from the body. */
    function readsSecretOffBody(body: TSESTree.Node): boolean {
      return someNode(body, (node) => {
        if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(node.object) === 'body') {
          const field = getMemberPropertyName(node);
          return field !== undefined && isSensitiveName(field);
        }
        if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.ObjectPattern && node.init &&
          getMemberPath(node.init)?.at(-1) === 'body') {
          return node.id.properties.some((property) => property.type === AST_NODE_TYPES.Property && isSensitiveName(getPropertyKeyName(property) ?? ''));
        }
        return false;
      }, sourceCode.visitorKeys);
    }

    /**
     * The action of a controller that `node` sits in, when it takes a request and a response and no `next` (an
     * action, not a middleware): a method of a class named `…Controller`, or a method or function of a file in a
     * `controllers` folder (`export async function stripeWebhook(req, res)`).
     */
    function getEnclosingControllerAction(node: TSESTree.Node): { name: string; fn: FunctionNode } | undefined {
      for (let current = node.parent; current; current = current.parent) {
        if (!isFunctionNode(current)) continue;
        const holder = current.parent;
        const owner = holder?.type === AST_NODE_TYPES.MethodDefinition && holder.parent.type === AST_NODE_TYPES.ClassBody ? holder.parent.parent : undefined;
        const inController = /controller/i.test(owner?.id?.name ?? '') || /(?:^|[\\/])controllers?[\\/]|controller\.[cm]?[jt]s$/i.test(context.filename);
        const name = getFunctionName(current);
        if (name === undefined || !inController || current.params.length !== 2) return undefined;
        return { name, fn: current };
      }
      return undefined;
    }

    /**
     * `try { await axios.post(url, { license: LICENSE_KEY }) } catch (error) { console.error('…', error) }`: axios and
     * got keep the request's config on the error, so logging it whole logs the secret the request sent. The
     * secret's key, when the `try` sends one (in headers or body) through such a client.
     */
    function getRequestErrorSecret(value: TSESTree.Node): string | undefined {
      let logged = unwrapExpression(value);
      // `error.response` and `error.config` hold the request's config too.
      if (logged.type === AST_NODE_TYPES.MemberExpression && ['response', 'config', 'request'].includes(getMemberPropertyName(logged) ?? '')) logged = unwrapExpression(logged.object);
      if (logged.type !== AST_NODE_TYPES.Identifier || isNarrowedAwayFromRequestError(logged)) return undefined;
      const definition = ASTUtils.findVariable(sourceCode.getScope(logged), logged)?.defs[0];
      if (definition?.type !== 'CatchClause' || definition.node.parent.type !== AST_NODE_TYPES.TryStatement) return undefined;
      let found: string | undefined;
      const outerBlock = definition.node.parent.block;
      walkNodes(outerBlock, (node) => {
        if (found !== undefined || node.type !== AST_NODE_TYPES.CallExpression) return;
        const root = getMemberPath(node.callee)?.[0];
        if (root === undefined || !isRequestClient(root, node) || isCaughtOnTheWay(node, outerBlock)) return;
        for (const argument of node.arguments) found ??= findSentSecretKey(argument, 0) ?? findSecretInUrl(argument);
      });
      return found;
    }

    /** A call in an inner `try` whose `catch` does not throw: its error stops there and never reaches the outer `catch`. */
    function isCaughtOnTheWay(call: TSESTree.Node, outerBlock: TSESTree.Node): boolean {
      for (let child: TSESTree.Node = call, current: TSESTree.Node | undefined = call.parent; current && current !== outerBlock; child = current, current = current.parent) {
        if (current.type === AST_NODE_TYPES.TryStatement && child === current.block && current.handler &&
          !someNode(current.handler.body, (node) => node.type === AST_NODE_TYPES.ThrowStatement, sourceCode.visitorKeys)) return true;
      }
      return false;
    }

    /** In the `else` of `if (axios.isAxiosError(error))` the error is no client's: it carries no request. */
    function isNarrowedAwayFromRequestError(reference: TSESTree.Identifier): boolean {
      for (let child: TSESTree.Node = reference, current: TSESTree.Node | undefined = reference.parent; current && !isFunctionNode(current); child = current, current = current.parent) {
        if (current.type !== AST_NODE_TYPES.IfStatement || child !== current.alternate) continue;
        const test = unwrapExpression(current.test);
        if (test.type === AST_NODE_TYPES.CallExpression && getMemberPath(test.callee)?.at(-1) === 'isAxiosError') return true;
      }
      return false;
    }

    /** A URL that carries a secret in its text: `` `…/weather?appid=${apiKey}` ``, or a `const url` built so. */
    function findSecretInUrl(node: TSESTree.Node): string | undefined {
      let url = unwrapExpression(node);
      if (url.type === AST_NODE_TYPES.Identifier) {
        const definition = ASTUtils.findVariable(sourceCode.getScope(url), url)?.defs[0];
        const init = definition?.type === 'Variable' && definition.parent.kind === 'const' ? definition.node.init : undefined;
        if (!init) return undefined;
        url = unwrapExpression(init);
      }
      if (url.type !== AST_NODE_TYPES.TemplateLiteral) return undefined;
      for (const expression of url.expressions) {
        const name = getMemberPath(expression)?.at(-1);
        if (name !== undefined && isSensitiveName(name) && !isSessionName(name)) return name;
      }
      return undefined;
    }

    /** `axios`, `got`, an instance made by `axios.create()`, Nest's `this.httpService`. */
    function isRequestClient(root: string, call: TSESTree.CallExpression): boolean {
      if (root === 'this') return getMemberPath(call.callee)?.[1] === 'httpService';
      const rootNode = findRootIdentifier(call.callee);
      const binding = rootNode ? getModuleBinding(sourceCode, rootNode) : undefined;
      return binding !== undefined && REQUEST_ERROR_CLIENTS.has(binding.source);
    }

    /** A key sent in an object literal (headers, body, params) that names a secret: `Authorization`, `apiKey`, `license`. */
    function findSentSecretKey(node: TSESTree.Node, depth: number): string | undefined {
      const object = unwrapExpression(node);
      if (object.type !== AST_NODE_TYPES.ObjectExpression || depth > 2) return undefined;
      for (const property of object.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = getPropertyKeyName(property);
        // `Authorization: \`Bearer \``, `apiKey: ''`: a constant written in the code is no caller's secret (a load-test script's placeholder).
        if (getStaticKey(unwrapExpression(property.value)) !== undefined) continue;
        if (key !== undefined && (isSensitiveName(key) || /^(?:license|licen[cs]e_?key)$/i.test(key)) && !isSessionName(key)) return key;
        // `params: { user, pass: accessToken }`: the value's name says what the key does not.
        const valueName = getMemberPath(property.value)?.at(-1);
        if (key !== undefined && valueName !== undefined && isSensitiveName(valueName) && !isSessionName(valueName)) return key;
        const nested = findSentSecretKey(property.value, depth + 1);
        if (nested !== undefined) return nested;
      }
      return undefined;
    }

    /**
     * `const tokens = await response.json(); if (!response.ok) console.error('refresh failed', tokens)`: on that branch
     * the body is the provider's error, whatever the success path later reads off it (`tokens.access_token`).
     */
    function isFailedResponseBody(call: TSESTree.CallExpression, value: TSESTree.Node): boolean {
      const logged = unwrapExpression(value);
      if (logged.type !== AST_NODE_TYPES.Identifier) return false;
      const definition = ASTUtils.findVariable(sourceCode.getScope(logged), logged)?.defs[0];
      const init = definition?.type === 'Variable' ? definition.node.init : undefined;
      const read = init && unwrapExpression(init.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init);
      if (read?.type !== AST_NODE_TYPES.CallExpression || !['json', 'text'].includes(getMemberPath(read.callee)?.at(-1) ?? '')) return false;
      const response = getMemberPath(read.callee)?.slice(0, -1).join('.');
      for (let child: TSESTree.Node = call, current: TSESTree.Node | undefined = call.parent; current && !isFunctionNode(current); child = current, current = current.parent) {
        if (current.type !== AST_NODE_TYPES.IfStatement || child !== current.consequent) continue;
        const test = unwrapExpression(current.test);
        if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' && getMemberPath(test.argument)?.join('.') === `${response}.ok`) return true;
      }
      return false;
    }

    // ─── What leaks ──────────────────────────────────────────────────────────

    /**
     * The secret a logged expression carries, following templates, `+`,
     * object literals, spreads, serialisers and local aliases. `keyPath` is
     * where the expression sits inside the logged object (pino redaction).
     */
    function findLeak(node: TSESTree.Node, mode: Mode, keyPath: string[] | undefined, depth: number): Leak | undefined {
      // Alias chains (`const a = b`) are followed a few steps at most.
      if (depth > MAX_ALIAS_DEPTH) return undefined;
      const expression = unwrapExpression(node);
      switch (expression.type) {
        case AST_NODE_TYPES.TemplateLiteral:
          return firstLeak(expression.expressions, (part) => findLeak(part, 'string', undefined, depth));
        case AST_NODE_TYPES.BinaryExpression:
          if (expression.operator !== '+') return undefined;
          return firstLeak([expression.left, expression.right], (part) => findLeak(part, 'string', undefined, depth));
        case AST_NODE_TYPES.LogicalExpression:
          return expression.operator === '&&'
            ? findLeak(expression.right, mode, keyPath, depth)
            : firstLeak([expression.left, expression.right], (part) => findLeak(part, mode, keyPath, depth));
        case AST_NODE_TYPES.ConditionalExpression:
          return firstLeak([expression.consequent, expression.alternate], (part) => findLeak(part, mode, keyPath, depth));
        case AST_NODE_TYPES.SequenceExpression:
          return findLeak(expression.expressions.at(-1)!, mode, keyPath, depth);
        case AST_NODE_TYPES.ArrayExpression:
          return firstLeak(expression.elements, (element) =>
            element ? findLeak(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, mode, undefined, depth) : undefined,
          );
        case AST_NODE_TYPES.ObjectExpression:
          // `${{ token }}` prints `[object Object]`.
          return mode === 'value' ? findObjectLeak(expression, keyPath, depth) : undefined;
        case AST_NODE_TYPES.Identifier:
          return findIdentifierLeak(expression, mode, keyPath, depth);
        case AST_NODE_TYPES.MemberExpression:
          return findMemberLeak(expression, mode, keyPath, depth);
        case AST_NODE_TYPES.CallExpression:
          return findCallLeak(expression, mode, keyPath, depth);
        default:
          // Literals, `!x`, `typeof x`, comparisons, functions, `new X()`: no secret value.
          return undefined;
      }
    }

    function findObjectLeak(object: TSESTree.ObjectExpression, keyPath: string[] | undefined, depth: number): Leak | undefined {
      for (const property of object.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) {
          const leak = findLeak(property.argument, 'value', keyPath, depth);
          if (leak) return leak;
          continue;
        }
        if (property.kind !== 'init' || property.method) continue;
        const key = getPropertyKeyName(property);
        const childPath = key !== undefined && keyPath ? [...keyPath, key] : undefined;
        if (key !== undefined && isSensitiveName(key)) {
          const leak = findSecretValueLeak(property.value, key, childPath, depth);
          if (leak) return leak;
          continue;
        }
        const leak = findLeak(property.value, 'value', childPath, depth);
        if (leak) return leak;
      }
      return undefined;
    }

    /**
     * The value under a secret-named key (`{ password: x }`) leaks unless it is
     * visibly something else: a literal, a flag, a length, a masked value.
     */
    function findSecretValueLeak(value: TSESTree.Node, key: string, keyPath: string[] | undefined, depth: number): Leak | undefined {
      const expression = unwrapExpression(value);
      const target = resolveAliasTarget(expression) ?? expression;
      if (target.type === AST_NODE_TYPES.ObjectExpression || target.type === AST_NODE_TYPES.ArrayExpression) {
        // `{ credentials: { username, password } }`: the nested keys decide.
        return findLeak(target, 'value', keyPath, depth);
      }
      // `{ cookies: req.cookies }`: what the value is says more than the key.
      const inner = findLeak(expression, 'value', keyPath, depth);
      if (inner) return inner;
      if (isHarmlessValue(expression, depth)) return undefined;
      return { kind: 'secret', name: key, keyPath };
    }

    function findIdentifierLeak(identifier: TSESTree.Identifier, mode: Mode, keyPath: string[] | undefined, depth: number): Leak | undefined {
      const name = identifier.name;
      if (name === 'undefined' || allowedNames.has(name)) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      const init = variable ? getAliasInit(variable) : undefined;
      const target = init ? unwrapExpression(init) : undefined;

      // `releaseLock(key, token)`: the token names who holds the lock.
      if (name === 'token' && isInLockFunction(identifier)) return undefined;
      // A session is a server-side object: it leaks only what the file shows it carries.
      if ((isSensitiveName(name) && !isSessionName(name)) || isConnectionStringName(name)) {
        // `const session = { id, userId }`: the literal's own keys decide.
        if (target?.type === AST_NODE_TYPES.ObjectExpression || target?.type === AST_NODE_TYPES.ArrayExpression) {
          return findLeak(target, mode, keyPath, depth + 1);
        }
        if (variable && isHarmlessVariable(variable, mode, depth)) return undefined;
        return { kind: 'secret', name, keyPath };
      }
      if (!variable || variable.defs.length === 0) return undefined;

      // `const { password: pw } = req.body` → `pw` is the password.
      const destructuredKey = getDestructuredKey(identifier, variable);
      if (destructuredKey !== undefined && isSensitiveName(destructuredKey)) {
        return { kind: 'secret', name: destructuredKey, keyPath };
      }
      // `const { headers, body } = req`: the request's whole headers or body under a local name.
      const container = getDestructuredRequestContainer(identifier, variable);
      if (container) return mode === 'value' ? { kind: 'payload', name: container.path, what: container.what, keyPath } : undefined;

      // `const code = Math.floor(100000 + Math.random() * 900000)`: a one-time code, whatever its name.
      if (target && isOneTimeCodeName(name) && isRandomValue(target)) return { kind: 'secret', name, keyPath };

      // NestJS `@Body() body`, `@Headers() headers`: the whole request part.
      const nestPart = getNestRequestPart(variable);
      if (nestPart !== undefined) return mode === 'value' ? { kind: 'payload', name, what: nestPart, keyPath } : undefined;

      // `logger.error(err.message, err, { request })`: the whole request, its cookies and authorization header with it.
      if (mode === 'value' && isWholeRequest(variable)) return { kind: 'payload', name, what: 'whole request', keyPath };

      // `const username = data[1]` of a decoded `authzid\0user\0password`: the element's name says which part it is.
      if (target && isIdentityName(name) && isElementAccess(target)) return undefined;
      // `const body = req.body` → follow the alias.
      if (init) {
        const leak = findLeak(init, mode, keyPath, depth + 1);
        if (leak) return leak;
        // `const stats: Stats = { … }`: the literal's own keys have decided.
        if (target?.type === AST_NODE_TYPES.ObjectExpression || target?.type === AST_NODE_TYPES.ArrayExpression) return undefined;
      }

      // A record that visibly carries a secret field (`user.password` is read elsewhere).
      if (mode === 'value' && !NON_RECORD_NAMES.has(name)) {
        const field = getCarriedSecretField(variable, identifier) ?? getWrittenSecretField(target) ?? getDeclaredSecretField(variable);
        if (field !== undefined) return { kind: 'record', name, field, keyPath: keyPath ? [...keyPath, field] : undefined };
        const credentialsType = getCredentialsTypeName(variable);
        if (credentialsType !== undefined) return { kind: 'payload', name, what: `\`${credentialsType}\` credentials`, keyPath };
      }
      return undefined;
    }

    function findMemberLeak(member: TSESTree.MemberExpression, mode: Mode, keyPath: string[] | undefined, depth: number): Leak | undefined {
      const path = getMemberPath(member);
      if (path) {
        const dotted = path.join('.');
        if (allowedNames.has(dotted)) return undefined;
        // socket.io's `socket.handshake.headers` are the upgrade request's: cookies and authorization included. A
        // GraphQL request's `variables` are every operation's inputs, a sign-in's password among them.
        const what = REQUEST_CONTAINERS.get(dotted) ?? (path.at(-2) === 'handshake' && path.at(-1) === 'headers' ? 'request headers'
          : path.at(-1) === 'variables' && REQUEST_CONTAINERS.get(path.slice(0, -1).join('.')) === 'request body' ? 'GraphQL variables' : undefined);
        if (what !== undefined) {
          // `${req.body}` prints `[object Object]`.
          return mode === 'value' ? { kind: 'payload', name: dotted, what, keyPath } : undefined;
        }
      }
      const property = getMemberPropertyName(member) ?? getConstantKey(member);
      if (property === undefined) return undefined;
      if (/^\d+$/.test(property)) {
        // `auth.split(' ')[1]` is the token when `auth` is.
        return findLeak(member.object, 'string', keyPath, depth);
      }
      if (allowedNames.has(property)) return undefined;
      // `process.env.OTEL_EXPORTER_OTLP_HEADERS`: headers set in the environment are there to authenticate (`x-honeycomb-team=…`).
      if (path?.length === 3 && path[0] === 'process' && path[1] === 'env' && /_HEADERS$/.test(property)) return { kind: 'secret', name: formatPath(path), keyPath };
      if ((isSensitiveName(property) && !isSessionName(property)) || isConnectionStringName(property)) {
        if (mode === 'string' && isObjectShapedMember(property)) return undefined;
        // `coupon.token`, `ctx.channel.token`: the token of something that is no credential (a promo code, a channel selector);
        // `TokenType.ACCESS_TOKEN`: an enum's label.
        if (path && path.length >= 2 && (isNonCredentialOwner(path.at(-2)!) || isConstantLabel(path.at(-2)!, property))) return undefined;
        return { kind: 'secret', name: path ? formatPath(path) : property, keyPath };
      }
      // `req.session` or `req.user` logged whole while the file reads `req.session.accessToken`.
      if (mode === 'value' && path) {
        const memberKey = getMemberSecretKey(member);
        const field = (memberKey === undefined ? undefined : memberSecretFields.get(memberKey)) ?? getHandedOnRequestField(member, path);
        if (field !== undefined) return { kind: 'record', name: formatPath(path), field, keyPath: keyPath ? [...keyPath, field] : undefined };
      }
      return undefined;
    }

    function findCallLeak(call: TSESTree.CallExpression, mode: Mode, keyPath: string[] | undefined, depth: number): Leak | undefined {
      const callee = unwrapExpression(call.callee);
      const calleePath = getMemberPath(callee);
      const calleeText = calleePath?.join('.');
      const calleeName = calleePath?.at(-1) ?? (callee.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(callee) : undefined);
      if (calleeName !== undefined && isRedactionHelperName(calleeName, redactionHelpers)) return undefined;
      const [first, second] = call.arguments;
      // `this.getRedisUrl()`, `config.getApiToken()`: a getter named for a connection string or a secret returns one.
      const gotten = calleeName !== undefined && !first ? /^get([A-Z]\w*)$/.exec(calleeName)?.[1] : undefined;
      if (gotten !== undefined && ((isSensitiveName(gotten) && !isSessionName(gotten)) || isConnectionStringName(gotten))) {
        return { kind: 'secret', name: `${calleeText ?? calleeName}()`, keyPath };
      }

      if (calleeText === 'JSON.stringify') {
        // A replacer array or function is an allow-list the author chose.
        if (!first || (second && !isNullish(second))) return undefined;
        return findLeak(first, 'value', undefined, depth);
      }
      if (calleeText !== undefined && SERIALISING_FUNCTIONS.has(calleeText)) {
        return firstLeak(call.arguments, (argument) => findLeak(argument, 'value', undefined, depth));
      }
      if (calleeText !== undefined && STRINGIFYING_FUNCTIONS.has(calleeText)) {
        return first ? findLeak(first, 'string', undefined, depth) : undefined;
      }
      if (calleePath && COLOUR_MODULES.has(calleePath[0]!) && calleePath.length > 1) {
        return firstLeak(call.arguments, (argument) => findLeak(argument, 'string', undefined, depth));
      }
      // `log.info('Server config', getServerConfig())`: what a function of this file returns, when it builds an object.
      if (callee.type === AST_NODE_TYPES.Identifier) return mode === 'value' ? findReturnedObjectLeak(callee, keyPath, depth) : undefined;
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const method = getMemberPropertyName(callee);
      if (method === undefined) return undefined;

      // `req.get('authorization')`, `c.req.header('x-api-key')`, `request.headers.get('cookie')`.
      const headerName = first ? getStaticKey(unwrapExpression(first)) : undefined;
      if ((method === 'get' || method === 'header') && headerName !== undefined && isHeaderGetter(callee.object, method)) {
        return isSensitiveName(headerName) ? { kind: 'secret', name: `${formatCallee(callee)}('${headerName}')`, keyPath } : undefined;
      }
      // `c.req.header()` without a name returns every header.
      if (method === 'header' && !first && isRequestLike(callee.object)) {
        return mode === 'value' ? { kind: 'payload', name: `${formatCallee(callee)}()`, what: 'request headers', keyPath } : undefined;
      }
      if (BODY_READ_METHODS.has(method) && isRequestLike(callee.object)) {
        return mode === 'value' ? { kind: 'payload', name: `${formatCallee(callee)}()`, what: 'request body', keyPath } : undefined;
      }
      if (isMaskingReplace(call)) return undefined;
      if (PRESERVING_STRING_METHODS.has(method)) {
        return findLeak(callee.object, 'string', undefined, depth);
      }
      return undefined;
    }

    // ─── Harmless values ─────────────────────────────────────────────────────

    /** Whether a value under a secret-named key is visibly not the secret. */
    function isHarmlessValue(node: TSESTree.Node, depth: number): boolean {
      const expression = unwrapExpression(node);
      switch (expression.type) {
        case AST_NODE_TYPES.Literal:
        case AST_NODE_TYPES.UnaryExpression:
        case AST_NODE_TYPES.UpdateExpression:
        case AST_NODE_TYPES.ArrowFunctionExpression:
        case AST_NODE_TYPES.FunctionExpression:
        case AST_NODE_TYPES.ClassExpression:
        case AST_NODE_TYPES.NewExpression:
          return true;
        case AST_NODE_TYPES.TemplateLiteral:
          // `${apiKey.slice(0, 7)}…` is harmless; `sk_${randomUUID()}` builds the secret.
          return expression.expressions.every((part) => isHarmlessValue(part, depth));
        case AST_NODE_TYPES.BinaryExpression:
          return expression.operator !== '+' || (isHarmlessValue(expression.left, depth) && isHarmlessValue(expression.right, depth));
        case AST_NODE_TYPES.ConditionalExpression:
          return isHarmlessValue(expression.consequent, depth) && isHarmlessValue(expression.alternate, depth);
        case AST_NODE_TYPES.LogicalExpression:
          return (expression.operator === '&&' || isHarmlessValue(expression.left, depth)) && isHarmlessValue(expression.right, depth);
        case AST_NODE_TYPES.Identifier: {
          if (expression.name === 'undefined') return true;
          if (isSensitiveName(expression.name)) {
            const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
            return variable !== null && isHarmlessVariable(variable, 'value', depth);
          }
          if (isMetadataName(expression.name)) return true;
          const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
          return variable !== null && isHarmlessVariable(variable, 'value', depth);
        }
        case AST_NODE_TYPES.MemberExpression: {
          const property = getMemberPropertyName(expression);
          // `process.pid`: which process, as in a lock owner's `${process.pid}-${Date.now()}`.
          if (getMemberPath(expression)?.join('.') === 'process.pid') return true;
          return property !== undefined && !isSensitiveName(property) && isMetadataName(property);
        }
        case AST_NODE_TYPES.CallExpression: {
          const callee = unwrapExpression(expression.callee);
          // `Date.now()`, `performance.now()`: a moment, known to anyone.
          if (CLOCK_CALLS.has(getMemberPath(callee)?.join('.') ?? '')) return true;
          // `tokens: Object.keys(tokens)`: which kinds of token there are (`readOnly`), not their values.
          if (FIELD_NAME_CALLS.has(getMemberPath(callee)?.join('.') ?? '')) return true;
          const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(callee) : undefined;
          if (name === undefined) return false;
          if (isRedactionHelperName(name, redactionHelpers) || isMaskingReplace(expression)) return true;
          // Partial values and predicates: `token.slice(0, 6)`, `key.startsWith('sk_')`, `Boolean(x)`;
          // measurements: `countTokens(text)`, `encoding.encode(text)` (LLM tokens, not credentials).
          return MASKING_OR_PREDICATE_CALLS.has(name) || isFlagName(name) || isMeasuringFunctionName(name);
        }
        default:
          return false;
      }
    }

    /**
     * Whether a secret-named variable visibly holds something else: a literal,
     * a flag, a count, a masked value, a function, an import, or a parameter
     * typed `boolean`/`number`.
     */
    function isHarmlessVariable(variable: TSESLint.Scope.Variable, mode: Mode, depth: number): boolean {
      const definition = variable.defs[0];
      if (!definition) return false;
      switch (definition.type) {
        case 'FunctionName':
        case 'ClassName':
        case 'TSEnumName':
          return true;
        case 'ImportBinding': {
          // A module (`import session from 'express-session'`), not a value; a named import
          // from the project (`import { JWT_SECRET } from './config'`) is the value.
          const declaration = definition.parent;
          const specifier = definition.node;
          return (
            specifier.type !== AST_NODE_TYPES.ImportSpecifier ||
            (declaration.type === AST_NODE_TYPES.ImportDeclaration && isPackageSource(declaration.source.value))
          );
        }
        case 'Parameter': {
          // `returnTokens = false`: a flag, by its default.
          const parent = definition.name.parent;
          if (parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.left === definition.name && isBooleanLiteral(parent.right)) return true;
          const annotation = getParameterAnnotation(definition.name);
          return annotation !== undefined && isScalarTypeAnnotation(annotation);
        }
        case 'Variable': {
          const declarator = definition.node;
          if (isDecodedClaims(declarator) || isReadAsClaims(variable, declarator)) return true;
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.typeAnnotation) {
            if (isScalarTypeAnnotation(declarator.id.typeAnnotation.typeAnnotation)) return true;
          }
          if (declarator.init && getRequiredModule(declarator.init) !== undefined) return true;
          if (isCounter(variable, declarator)) return true;
          const init = getAliasInit(variable);
          if (!init || depth >= MAX_ALIAS_DEPTH) return false;
          const expression = unwrapExpression(init);
          // A `{ … }` in a template prints `[object Object]`.
          if (mode === 'string' && expression.type === AST_NODE_TYPES.ObjectExpression) return true;
          return isHarmlessValue(expression, depth + 1);
        }
        default:
          return false;
      }
    }

    /** `let removedTokens = 0; … removedTokens++`: a count of secrets, not one. */
    function isCounter(variable: TSESLint.Scope.Variable, declarator: TSESTree.VariableDeclarator): boolean {
      const init = declarator.init && unwrapExpression(declarator.init);
      if (init?.type !== AST_NODE_TYPES.Literal || typeof init.value !== 'number') return false;
      return variable.references.every((reference) => {
        if (reference.init || !reference.isWrite()) return true;
        const parent = reference.identifier.parent;
        return parent.type === AST_NODE_TYPES.UpdateExpression ||
          (parent.type === AST_NODE_TYPES.AssignmentExpression && (parent.operator === '+=' || parent.operator === '-='));
      });
    }

    /**
     * Whether a declaration holds a token's decoded claims (`id`, `iat`, `exp`),
     * not the token a client could present: `jwt.verify(t, key)`, `jwt.decode(t)`,
     * jose's `(await jwtVerify(t, key)).payload` or `const { payload } = await jwtVerify(…)`,
     * `decodeJwt(t)`, next-auth's `getToken({ req })` (unless it asks for `raw: true`),
     * a Nest `this.jwtService.verify/verifyAsync/decode(t)`.
     */
    function isDecodedClaims(declarator: TSESTree.VariableDeclarator): boolean {
      if (!declarator.init) return false;
      let init = unwrapExpression(declarator.init);
      if (init.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(init) === 'payload') init = unwrapExpression(init.object);
      return init.type === AST_NODE_TYPES.CallExpression && (isClaimsCall(init) || isStoredClaims(init));
    }

    /**
     * `c.get('jwtPayload')`, `c.get('jwt')`: what a Hono auth middleware left on the context after verifying the
     * token — its claims (`c.set('jwt', decodedToken)`); the raw token is read from the header.
     */
    function isStoredClaims(call: TSESTree.CallExpression): boolean {
      const callee = unwrapExpression(call.callee);
      const key = call.arguments[0] && unwrapExpression(call.arguments[0]);
      return callee.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(callee) === 'get' &&
        unwrapExpression(callee.object).type === AST_NODE_TYPES.Identifier && ['c', 'ctx', 'context'].includes((unwrapExpression(callee.object) as TSESTree.Identifier).name) &&
        key?.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' && STORED_CLAIM_KEYS.has(key.value);
    }

    /**
     * A value a helper of the app returns (`const token = await getTokenFromRequest(req)`)
     * that the file only reads identity claims from (`token.id`, `token?.sub`,
     * `token.exp`): an object of claims, not the token string. A model or ORM
     * call (`Token.findOne(…)`) is a stored record and is not exempted here.
     */
    function isReadAsClaims(variable: TSESLint.Scope.Variable, declarator: TSESTree.VariableDeclarator): boolean {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return false;
      const init = unwrapExpression(declarator.init);
      if (init.type !== AST_NODE_TYPES.CallExpression || unwrapExpression(init.callee).type !== AST_NODE_TYPES.Identifier) return false;
      let readsClaims = false;
      for (const reference of variable.references) {
        const member = reference.identifier.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
        const property = getMemberPropertyName(member);
        if (property === undefined || !CLAIM_NAMES.has(property)) return false;
        readsClaims = true;
      }
      return readsClaims;
    }

    function isClaimsCall(call: TSESTree.CallExpression): boolean {
      const callee = unwrapExpression(call.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const binding = getModuleBinding(sourceCode, callee);
        if (!binding) return false;
        if (binding.source === 'next-auth/jwt' && binding.imported === 'getToken') return !isRawTokenRequest(call);
        return CLAIMS_FUNCTIONS.get(binding.source)?.has(binding.imported) ?? false;
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const method = getMemberPropertyName(callee);
      if (method === undefined || !CLAIMS_METHODS.has(method) || (method === 'getToken' && isRawTokenRequest(call))) return false;
      const receiver = unwrapExpression(callee.object);
      // `jwt.verify` / `jose.jwtVerify` on the imported module.
      if (receiver.type === AST_NODE_TYPES.Identifier) {
        const binding = getModuleBinding(sourceCode, receiver);
        if (binding) return CLAIMS_FUNCTIONS.has(binding.source);
      }
      // An injected service: `this.jwtService.verifyAsync(token)`, `jwt.decode(token)`.
      const name = getMemberPath(receiver)?.at(-1);
      return name !== undefined && splitIdentifierWords(name).includes('jwt');
    }

    // ─── Data flow inside the file ───────────────────────────────────────────

    /** The initialiser of a `const`/`let` that is bound to the identifier itself and never reassigned. */
    function getAliasInit(variable: TSESLint.Scope.Variable): TSESTree.Expression | undefined {
      const definition = variable.defs[0];
      if (variable.defs.length !== 1 || definition?.type !== 'Variable') return undefined;
      const declarator = definition.node;
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
      if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
      return declarator.init;
    }

    /** `req.headers[AUTH_HEADER]` with `const AUTH_HEADER = 'authorization'` in scope → `authorization`. */
    function getConstantKey(member: TSESTree.MemberExpression): string | undefined {
      if (!member.computed || member.property.type !== AST_NODE_TYPES.Identifier) return undefined;
      const target = resolveAliasTarget(member.property);
      return target ? getStaticKey(target) : undefined;
    }

    function resolveAliasTarget(expression: TSESTree.Node): TSESTree.Node | undefined {
      if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
      const init = variable ? getAliasInit(variable) : undefined;
      return init ? unwrapExpression(init) : undefined;
    }

    /** `const { password: pw } = req.body` / `({ token: t }) => …` → `password` / `token` for `pw` / `t`. */
    /** `const { headers } = req`, `const { body: payload } = ctx.request`: which request part the name holds. */
    function getDestructuredRequestContainer(identifier: TSESTree.Identifier, variable: TSESLint.Scope.Variable): { path: string; what: string } | undefined {
      const definition = variable.defs[0];
      if (definition?.type !== 'Variable' || definition.node.id.type !== AST_NODE_TYPES.ObjectPattern || !definition.node.init) return undefined;
      const source = getMemberPath(unwrapExpression(definition.node.init))?.join('.');
      const key = getDestructuredKey(identifier, variable) ?? identifier.name;
      const what = source === undefined ? undefined : REQUEST_CONTAINERS.get(`${source}.${key}`);
      return what === undefined ? undefined : { path: `${source}.${key}`, what };
    }

    function getDestructuredKey(identifier: TSESTree.Identifier, variable: TSESLint.Scope.Variable): string | undefined {
      const definition = variable.defs[0];
      if (!definition) return undefined;
      let node: TSESTree.Node = definition.name;
      let parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.left === node) {
        node = parent;
        parent = parent.parent;
      }
      if (parent?.type === AST_NODE_TYPES.Property && parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectPattern) {
        const key = getPropertyKeyName(parent);
        return key !== identifier.name ? key : undefined;
      }
      return undefined;
    }

    /** NestJS `@Body() dto` / `@Headers() headers` without a field name: the whole request part. */
    function getNestRequestPart(variable: TSESLint.Scope.Variable): string | undefined {
      const definition = variable.defs[0];
      if (definition?.type !== 'Parameter') return undefined;
      let parameter: TSESTree.Node = definition.name;
      if (parameter.parent?.type === AST_NODE_TYPES.TSParameterProperty) parameter = parameter.parent;
      const decorators = 'decorators' in parameter ? (parameter.decorators ?? []) : [];
      for (const decorator of decorators) {
        const expression = decorator.expression;
        if (expression.type !== AST_NODE_TYPES.CallExpression || expression.arguments.length > 0) continue;
        const callee = expression.callee;
        const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
        if (name === 'Body') return 'request body';
        if (name === 'Headers') return 'request headers';
      }
      return undefined;
    }

    /**
     * A handler's or middleware's request (`req` beside `res` or `next`), or the one a Nest filter or interceptor
     * takes from its context (`host.switchToHttp().getRequest()`).
     */
    function isWholeRequest(variable: TSESLint.Scope.Variable): boolean {
      if (!['req', 'request'].includes(variable.name)) return false;
      const definition = variable.defs[0];
      if (definition?.type === 'Parameter' && isFunctionNode(definition.node)) {
        return definition.node.params[0] === definition.name && definition.node.params.slice(1).some((param) =>
          param.type === AST_NODE_TYPES.Identifier && ['res', 'response', 'reply', 'next'].includes(param.name));
      }
      const init = definition?.type === 'Variable' ? definition.node.init : null;
      const call = init ? unwrapExpression(init) : undefined;
      return call?.type === AST_NODE_TYPES.CallExpression && getCalleeName(call) === 'getRequest';
    }

    /** A local `const` initialised with an object literal. */
    function isBuiltObject(identifier: TSESTree.Identifier): boolean {
      const definition = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier)?.defs[0];
      return definition?.type === 'Variable' && definition.node.init !== null && unwrapExpression(definition.node.init).type === AST_NODE_TYPES.ObjectExpression;
    }

    /** The leak in the object literal a local function returns (`return { jwtCfg, hostCfg }`), if it returns one. */
    function findReturnedObjectLeak(callee: TSESTree.Identifier, keyPath: string[] | undefined, depth: number): Leak | undefined {
      if (depth >= MAX_ALIAS_DEPTH) return undefined;
      const definition = ASTUtils.findVariable(sourceCode.getScope(callee), callee)?.defs[0];
      const fn = definition?.type === 'FunctionName' ? definition.node
        : definition?.type === 'Variable' && definition.node.init && isFunctionNode(unwrapExpression(definition.node.init)) ? unwrapExpression(definition.node.init) : undefined;
      if (!fn || !isFunctionNode(fn)) return undefined;
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
        return unwrapExpression(fn.body).type === AST_NODE_TYPES.ObjectExpression ? findLeak(fn.body, 'value', keyPath, depth + 1) : undefined;
      }
      let leak: Leak | undefined;
      walkNodes(fn.body, (node) => {
        if (leak || node.type !== AST_NODE_TYPES.ReturnStatement || !node.argument) return;
        // `return { … }`, or `return safeConfig` with `const safeConfig = { … }` built above.
        const returned = unwrapExpression(node.argument);
        if (returned.type === AST_NODE_TYPES.ObjectExpression || (returned.type === AST_NODE_TYPES.Identifier && isBuiltObject(returned))) {
          leak = findLeak(returned, 'value', keyPath, depth + 1);
        }
      });
      return leak;
    }

    /**
     * The secret field a record visibly carries: a read of `user.password` or
     * `account.access_token` elsewhere in the file. `delete user.password` or
     * `user.password = undefined` means the author stripped it.
     */
    function getCarriedSecretField(variable: TSESLint.Scope.Variable, logged: TSESTree.Node): string | undefined {
      const definition = variable.defs[0];
      if (definition?.type !== 'Variable' && definition?.type !== 'Parameter') return undefined;
      if (definition.type === 'Variable' && definition.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
      let carried: string | undefined;
      for (const reference of variable.references) {
        const member = reference.identifier.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
        // `switch (type) { case 'lock': check(data.password); … case 'ban': log(data) }`: each case gets another message.
        if (isInAnotherCase(reference.identifier, logged)) continue;
        // `if (!hook.bitbucketToken) { log.warn({ ...hook }) }`: where it is logged, the field is empty.
        if (isKnownAbsent(logged, variable.name, getMemberPropertyName(member))) continue;
        const field = getMemberPropertyName(member);
        if (field === undefined || !isSensitiveName(field)) continue;
        const parent = member.parent;
        if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') return undefined;
        // `delete copy.password`, `copy.password = undefined`, `copy.password = '******'`: the field is taken out or masked.
        if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member && (isNullish(parent.right) || getStaticKey(parent.right) !== undefined)) return undefined;
        carried ??= field;
      }
      return carried;
    }

    /** Whether `at` runs only when `object.field` is falsy: in the branch of `if (!object.field)` (or `… && !object.field`). */
    function isKnownAbsent(at: TSESTree.Node, object: string, field: string | undefined): boolean {
      if (field === undefined) return false;
      const isAbsenceTest = (test: TSESTree.Node): boolean => {
        const expression = unwrapExpression(test);
        if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '&&') return isAbsenceTest(expression.left) || isAbsenceTest(expression.right);
        if (expression.type !== AST_NODE_TYPES.UnaryExpression || expression.operator !== '!') return false;
        return getMemberPath(expression.argument)?.join('.') === `${object}.${field}`;
      };
      // `if (message && message.accessToken) return resolve(message.accessToken);` earlier in a block around `at`.
      const isPresenceTest = (test: TSESTree.Node): boolean => {
        const expression = unwrapExpression(test);
        if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '&&') {
          return getMemberPath(expression.left)?.join('.') === object && isPresenceTest(expression.right);
        }
        return getMemberPath(expression)?.join('.') === `${object}.${field}`;
      };
      for (let child: TSESTree.Node = at, current: TSESTree.Node | undefined = at.parent; current && !isFunctionNode(current); child = current, current = current.parent) {
        if (current.type === AST_NODE_TYPES.IfStatement && child === current.consequent && isAbsenceTest(current.test)) return true;
        if (current.type !== AST_NODE_TYPES.BlockStatement) continue;
        const before = current.body.slice(0, current.body.indexOf(child as TSESTree.Statement));
        if (before.some((statement) => statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && isPresenceTest(statement.test) && alwaysLeaves(statement.consequent))) return true;
      }
      return false;
    }

    /** A statement that ends with `return` or `throw` on every path through it (a block whose last statement does). */
    function alwaysLeaves(statement: TSESTree.Statement): boolean {
      if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
      return statement.type === AST_NODE_TYPES.BlockStatement && statement.body.length > 0 && alwaysLeaves(statement.body.at(-1)!);
    }

    /** Whether `node` sits in another case of the `switch` that `from` sits in. */
    function isInAnotherCase(node: TSESTree.Node, from: TSESTree.Node): boolean {
      let fromCase: TSESTree.Node | undefined = from.parent;
      while (fromCase && fromCase.type !== AST_NODE_TYPES.SwitchCase) fromCase = fromCase.parent;
      if (!fromCase) return false;
      for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
        if (current.type === AST_NODE_TYPES.SwitchCase) return current !== fromCase && current.parent === fromCase.parent;
      }
      return false;
    }

    /**
     * The secret field of a record created from an object that has one:
     * `await User.create({ email, password })`, `new User({ email, passwordHash })`,
     * `await prisma.user.create({ data: { email, password: hash } })`.
     */
    function getWrittenSecretField(target: TSESTree.Node | undefined): string | undefined {
      if (target?.type !== AST_NODE_TYPES.CallExpression && target?.type !== AST_NODE_TYPES.NewExpression) return undefined;
      const callee = unwrapExpression(target.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(callee) : undefined;
      if (name === undefined) return undefined;
      const isWrite = target.type === AST_NODE_TYPES.NewExpression ? /^[A-Z]/.test(name) : RECORD_WRITE_METHODS.has(name);
      if (!isWrite || isServiceCall(callee)) return undefined;
      for (const argument of target.arguments) {
        const object = unwrapExpression(argument);
        if (object.type !== AST_NODE_TYPES.ObjectExpression) continue;
        // `create({ data, select: { id: true } })` returns the selected columns only.
        if (SHAPING_KEYS.some((key) => getNestedProperty(object, key))) return undefined;
        const field = getSecretKey(object) ?? getSecretKey(getNestedObject(object, 'data'));
        if (field !== undefined) return field;
      }
      return undefined;
    }

    function getSecretKey(object: TSESTree.ObjectExpression | undefined): string | undefined {
      for (const property of object?.properties ?? []) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = getPropertyKeyName(property);
        // A hash still counts: the record then carries `passwordHash`, which is what must not be logged.
        const value = unwrapExpression(property.value);
        const isPlaceholder = value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.UnaryExpression || isNullish(value);
        if (key !== undefined && isSensitiveName(key) && !isSessionName(key) && !isPlaceholder) return key;
      }
      return undefined;
    }

    /**
     * The secret field of a variable's declared type when that type is written
     * in this file: `(user: { email: string; password: string })`, or
     * `user: LoginParams` with `interface LoginParams { password: string }` here.
     */
    function getDeclaredSecretField(variable: TSESLint.Scope.Variable): string | undefined {
      const type = getDeclaredType(variable);
      if (!type) return undefined;
      if (type.type === AST_NODE_TYPES.TSTypeLiteral) return getSecretMember(type.members);
      if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
      const typeVariable = ASTUtils.findVariable(sourceCode.getScope(type.typeName), type.typeName.name);
      for (const definition of typeVariable?.defs ?? []) {
        const node = definition.node;
        if (node.type === AST_NODE_TYPES.TSInterfaceDeclaration) return getSecretMember(node.body.body);
        if (node.type === AST_NODE_TYPES.TSTypeAliasDeclaration && node.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral) {
          return getSecretMember(node.typeAnnotation.members);
        }
        if (node.type === AST_NODE_TYPES.ClassDeclaration) {
          for (const member of node.body.body) {
            if (member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
            if (member.typeAnnotation && isScalarTypeAnnotation(member.typeAnnotation.typeAnnotation)) continue;
            const key = getPropertyKeyName(member);
            if (key !== undefined && isSensitiveName(key)) return key;
          }
        }
      }
      return undefined;
    }

    function getSecretMember(members: readonly TSESTree.TypeElement[]): string | undefined {
      for (const member of members) {
        if (member.type !== AST_NODE_TYPES.TSPropertySignature) continue;
        // `refreshTokens: number` is a count.
        if (member.typeAnnotation && isScalarTypeAnnotation(member.typeAnnotation.typeAnnotation)) continue;
        const key = member.computed ? getStaticKey(member.key) : member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : getStaticKey(member.key);
        if (key !== undefined && isSensitiveName(key)) return key;
      }
      return undefined;
    }

    /**
     * The name of a declared type that names login credentials, which carry a
     * password by definition: `LoginDto`, `SignInInput`, `RegisterRequest`, `Credentials`.
     */
    function getCredentialsTypeName(variable: TSESLint.Scope.Variable): string | undefined {
      const type = getDeclaredType(variable);
      if (type?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
      const name = type.typeName.type === AST_NODE_TYPES.Identifier ? type.typeName.name : undefined;
      if (name === undefined) return undefined;
      const words = splitIdentifierWords(name);
      const joined = words.join(' ');
      return CREDENTIALS_TYPE_WORDS.some((word) => words.includes(word)) || /\bsign (?:in|up)\b/.test(joined) ? name : undefined;
    }

    // ─── Log sinks ───────────────────────────────────────────────────────────

    /** The text of the log function a call writes through (`logger.info`, `console.log`, `debug`), or undefined. */
    function isLogSink(call: TSESTree.CallExpression): boolean {
      if (call.arguments.length === 0) return false;
      const callee = unwrapExpression(call.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = getMemberPropertyName(callee);
        if (method === undefined) return false;
        // Most calls are not log calls: decide on the method name before walking the receiver.
        if (!LOG_METHODS.has(method) && !CONSOLE_METHODS.has(method) && loggerNames.length === 0) return false;
        return isLoggerReceiver(callee.object, method);
      }
      return callee.type === AST_NODE_TYPES.Identifier && isLogFunction(callee);
    }

    function isLoggerReceiver(receiver: TSESTree.Node, method: string): boolean {
      const object = unwrapExpression(receiver);
      const path = getMemberPath(object);
      if (path) {
        const last = path.at(-1)!;
        if (path.length === 1 && last === 'console') return CONSOLE_METHODS.has(method) && isGlobal(object as TSESTree.Identifier);
        // A team's own logger (`audit.record(…)`) logs through any method.
        if (loggerNames.includes(last)) return true;
        if (!LOG_METHODS.has(method)) return false;
        if (isLoggerObjectName(last, loggerNames)) return true;
        if (path.length === 1 && object.type === AST_NODE_TYPES.Identifier) return isLoggerVariable(object);
        return false;
      }
      // `getLogger('x').info(…)`, `logger.child({ … }).warn(…)`, and a project's own accessor: `logger().debug(…)`, `getLog('auth').info(…)`.
      if (object.type === AST_NODE_TYPES.CallExpression && LOG_METHODS.has(method)) {
        const factory = unwrapExpression(object.callee);
        const name = factory.type === AST_NODE_TYPES.Identifier ? factory.name : factory.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(factory) : undefined;
        if (name !== undefined && (LOGGER_FACTORY_NAMES.has(name) || isLoggerObjectName(name, loggerNames))) return true;
        // A builder chained on a logger: `log.atInfo().log(…)`, `log.withCause(error).log(…)`.
        if (factory.type === AST_NODE_TYPES.MemberExpression) {
          const owner = getMemberPath(unwrapExpression(factory.object))?.at(-1);
          return owner !== undefined && isLoggerObjectName(owner, loggerNames);
        }
      }
      return false;
    }

    /** A local whose value is a logger: `const l = pino()`, `const audit = winston.createLogger()`, `new Logger()`. */
    function isLoggerVariable(identifier: TSESTree.Identifier): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      const definition = variable?.defs[0];
      if (!definition) return false;
      if (definition.type === 'ImportBinding') {
        const declaration = definition.parent;
        return declaration.type === AST_NODE_TYPES.ImportDeclaration && LOGGER_PACKAGES.has(declaration.source.value) && declaration.source.value !== 'debug';
      }
      if (definition.type !== 'Variable' || !definition.node.init) return false;
      const init = unwrapExpression(definition.node.init);
      if (init.type === AST_NODE_TYPES.NewExpression) {
        const name = getMemberPath(init.callee)?.at(-1);
        return name === 'Logger';
      }
      if (init.type !== AST_NODE_TYPES.CallExpression) return false;
      const module = getRequiredModule(init.callee);
      if (module !== undefined) return module === 'pino' || module === 'bunyan';
      const factory = getMemberPath(init.callee);
      const name = factory?.at(-1);
      return name !== undefined && (LOGGER_FACTORY_NAMES.has(name) || factory!.some((segment) => LOGGER_PACKAGES.has(segment) && segment !== 'debug'));
    }

    /**
     * A function that logs when called: a `debug` instance (`const log =
     * require('debug')('app')`, `const debug = createDebug('x')`), a bound
     * `console.log`, a log method imported from a logger module, or a team name.
     */
    function isLogFunction(identifier: TSESTree.Identifier): boolean {
      if (loggerNames.includes(identifier.name)) return true;
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      const definition = variable?.defs[0];
      if (!definition) return false;
      if (definition.type === 'ImportBinding') {
        const declaration = definition.parent;
        const specifier = definition.node;
        if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || specifier.type !== AST_NODE_TYPES.ImportSpecifier) return false;
        const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value);
        return LOG_METHODS.has(imported) && isLoggerModule(declaration.source.value);
      }
      if (definition.type !== 'Variable' || !definition.node.init || definition.node.id.type !== AST_NODE_TYPES.Identifier) return false;
      const init = unwrapExpression(definition.node.init);
      if (init.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = unwrapExpression(init.callee);
      // `require('debug')('app')`
      if (getRequiredModule(callee) === 'debug') return true;
      if (callee.type === AST_NODE_TYPES.Identifier) return isDebugFactory(callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = getMemberPropertyName(callee);
        const receiver = unwrapExpression(callee.object);
        // `console.log.bind(console)`
        if (method === 'bind' && getMemberPath(receiver)?.[0] === 'console') return true;
        // `debug.extend('db')` on a debug instance, `createDebug.debug('x')`.
        if (method === 'extend' && receiver.type === AST_NODE_TYPES.Identifier) return isLogFunction(receiver);
      }
      return false;
    }

    /** `import debug from 'debug'` / `const createDebug = require('debug')`: the factory, not an instance. */
    function isDebugFactory(identifier: TSESTree.Identifier): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      const definition = variable?.defs[0];
      if (!definition) return false;
      if (definition.type === 'ImportBinding') {
        const declaration = definition.parent;
        return declaration.type === AST_NODE_TYPES.ImportDeclaration && declaration.source.value === 'debug';
      }
      return definition.type === 'Variable' && definition.node.init !== null && getRequiredModule(definition.node.init) === 'debug';
    }

    function isLoggerModule(source: string): boolean {
      if (source === 'console' || source === 'node:console') return true;
      if (LOGGER_PACKAGES.has(source) && source !== 'debug') return true;
      const lastSegment = source.split('/').at(-1) ?? '';
      return splitIdentifierWords(lastSegment.replace(/\.[cm]?[jt]s$/, '')).some((word) => word === 'logger' || word === 'log' || word === 'logging');
    }

    function isHeaderGetter(receiver: TSESTree.Node, method: string): boolean {
      if (method === 'header') return isRequestLike(receiver);
      const path = getMemberPath(receiver);
      if (!path) return false;
      const last = path.at(-1)!;
      return last === 'headers' || last === 'cookies' || isRequestLike(receiver);
    }

    /**
     * Where `memberSecretFields` files an object path: a request's parts (`req.session`) are alike in every handler of
     * the file, but two functions' `options` parameters are two objects, so a path on any other variable is its own.
     */
    function getMemberSecretKey(member: TSESTree.Node): string | undefined {
      const path = getMemberPath(member);
      if (!path) return undefined;
      const root = findRootIdentifier(member);
      // `req.params`, `req.body`, `req.query` are each route's own: restify maps the body into `req.params`, and the
      // handler that takes a password there says nothing of `renameServer`'s.
      if (root && REQUEST_ROOT_NAMES.has(root.name) && PER_ROUTE_PARTS.has(path[1] ?? '')) return `${getEnclosingFunction(member)?.range[0]}:${path.join('.')}`;
      if (!root || REQUEST_ROOT_NAMES.has(root.name)) return path.join('.');
      const variable = ASTUtils.findVariable(sourceCode.getScope(root), root);
      const definition = variable?.defs[0]?.name;
      return definition ? `${definition.range[0]}:${path.join('.')}` : path.join('.');
    }

    /**
     * `req.params` logged by a handler that hands `req` to a helper of the same file
     * (`this.createAccessKeyFromRequest(req)`) which reads `req.params.password`: the helper's reads are the handler's.
     */
    function getHandedOnRequestField(member: TSESTree.Node, path: readonly string[]): string | undefined {
      const fn = getEnclosingFunction(member);
      if (!fn || !REQUEST_ROOT_NAMES.has(path[0]!) || !PER_ROUTE_PARTS.has(path[1] ?? '')) return undefined;
      let field: string | undefined;
      walkNodes(fn.body, (node) => {
        if (field !== undefined || node.type !== AST_NODE_TYPES.CallExpression) return;
        const index = node.arguments.findIndex((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === path[0]);
        const helper = index === -1 ? undefined : getSameFileFunction(node.callee);
        const parameter = helper?.params[index];
        if (!helper || parameter?.type !== AST_NODE_TYPES.Identifier) return;
        field = memberSecretFields.get(`${helper.range[0]}:${[parameter.name, ...path.slice(1)].join('.')}`);
      });
      return field;
    }

    /** The function a call runs when it is declared in this file: `helper(…)`, or `this.method(…)` of the same class. */
    function getSameFileFunction(callee: TSESTree.Node): TSESTree.FunctionLike | undefined {
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const definition = ASTUtils.findVariable(sourceCode.getScope(callee), callee)?.defs[0]?.node;
        if (definition?.type === AST_NODE_TYPES.FunctionDeclaration) return definition;
        return definition?.type === AST_NODE_TYPES.VariableDeclarator && definition.init && isFunctionNode(definition.init) ? definition.init : undefined;
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
      const name = getMemberPropertyName(callee);
      let owner: TSESTree.Node | undefined = callee.parent;
      while (owner && owner.type !== AST_NODE_TYPES.ClassBody) owner = owner.parent;
      const method = owner?.type === AST_NODE_TYPES.ClassBody
        ? owner.body.find((element) => element.type === AST_NODE_TYPES.MethodDefinition && getPropertyKeyName(element) === name)
        : undefined;
      return method?.type === AST_NODE_TYPES.MethodDefinition ? method.value : undefined;
    }

    function isRequestLike(receiver: TSESTree.Node): boolean {
      const path = getMemberPath(receiver)?.join('.');
      return path !== undefined && REQUEST_BODY_READERS.has(path);
    }

    function isGlobal(identifier: TSESTree.Identifier): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      return !variable || variable.defs.length === 0;
    }

    // ─── pino redact ─────────────────────────────────────────────────────────

    function collectRedactPaths(value: TSESTree.Node): void {
      let expression = unwrapExpression(value);
      const target = resolveAliasTarget(expression);
      if (target) expression = target;
      if (expression.type === AST_NODE_TYPES.ObjectExpression) {
        const paths = expression.properties.find((property) => property.type === AST_NODE_TYPES.Property && getPropertyKeyName(property) === 'paths');
        if (paths?.type === AST_NODE_TYPES.Property) {
          collectRedactPaths(paths.value);
        } else {
          hasUnreadableRedact = true;
        }
        return;
      }
      if (expression.type === AST_NODE_TYPES.Literal) return;
      if (expression.type !== AST_NODE_TYPES.ArrayExpression) {
        hasUnreadableRedact = true;
        return;
      }
      for (const element of expression.elements) {
        const text = element && element.type !== AST_NODE_TYPES.SpreadElement ? getStaticKey(unwrapExpression(element)) : undefined;
        if (text === undefined) {
          hasUnreadableRedact = true;
          continue;
        }
        redactPaths.push(parseRedactPath(text));
      }
    }

    /**
     * Whether pino's `redact` paths in this file cover a key path of the logged
     * object: `password`, `*.password`, `user.password`; for a whole payload,
     * any path below it (`headers.authorization` covers `{ headers }`).
     */
    function isRedactedByPino(keyPath: readonly string[], wholePayload: boolean): boolean {
      if (hasUnreadableRedact) return true;
      return redactPaths.some((pattern) => {
        if (wholePayload && keyPath.length === 0) {
          // `logger.info(req.body)` merges the body at the root: a secret-named root path covers it.
          return pattern.length === 1 && isSensitiveName(pattern[0]!);
        }
        if (wholePayload) {
          if (pattern.length <= keyPath.length) return false;
          return keyPath.every((key, index) => pattern[index] === '*' || pattern[index] === key);
        }
        if (pattern.length !== keyPath.length) return false;
        return pattern.every((segment, index) => segment === '*' || segment === keyPath[index]);
      });
    }

    // ─── Names ───────────────────────────────────────────────────────────────

    function isSensitiveName(name: string): boolean {
      let sensitive = sensitiveNameCache.get(name);
      if (sensitive === undefined) {
        sensitive = !allowedNames.has(name) && isSecretName(name, secretWords);
        sensitiveNameCache.set(name, sensitive);
      }
      return sensitive;
    }
  },
});

/** Functions that return a token's claims, by module. */
const CLAIMS_FUNCTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['jsonwebtoken', new Set(['verify', 'decode'])],
  ['jose', new Set(['jwtVerify', 'decodeJwt'])],
  ['next-auth/jwt', new Set(['getToken', 'decode'])],
]);
/** Claims a decoded token carries: registered JWT claims and the usual identity ones. */
const CLAIM_NAMES: ReadonlySet<string> = new Set([
  'sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'jti', 'id', 'userId', 'user_id', 'uid', 'email', 'name', 'username', 'role', 'roles', 'scope', 'scopes',
]);
/** Context keys under which auth middleware leaves a verified token's claims (Hono's `jwtPayload`, custom `jwt`). */
const STORED_CLAIM_KEYS: ReadonlySet<string> = new Set(['jwtPayload', 'jwt', 'payload', 'claims', 'decoded', 'decodedToken']);
/** Methods of a JWT module or service that return claims. */
const CLAIMS_METHODS: ReadonlySet<string> = new Set(['verify', 'verifyAsync', 'decode', 'jwtVerify', 'decodeJwt', 'getToken']);

/** `getToken({ req, raw: true })` returns the encoded token itself. */
function isRawTokenRequest(call: TSESTree.CallExpression): boolean {
  const [first] = call.arguments;
  const options = first ? unwrapExpression(first) : undefined;
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return options !== undefined;
  return options.properties.some((property) => {
    if (property.type === AST_NODE_TYPES.SpreadElement) return true;
    if (getPropertyKeyName(property) !== 'raw') return false;
    const value = unwrapExpression(property.value);
    return !(value.type === AST_NODE_TYPES.Literal && value.value === false);
  });
}

/** A member path as code: `req.headers['x-api-key']`, `process.env.JWT_SECRET`. */
function formatPath(path: readonly string[]): string {
  return path
    .map((segment, index) => (index === 0 ? segment : /^[A-Za-z_$][\w$]*$/.test(segment) ? `.${segment}` : `['${segment}']`))
    .join('');
}

/** Words of a type name that make it a login or signup payload: `LoginDto`, `RegisterUserInput`, `UserCredentials`. */
const CREDENTIALS_TYPE_WORDS: readonly string[] = ['login', 'signin', 'signup', 'register', 'registration', 'credentials', 'credential'];

/** The type annotation of a parameter or a declared variable. */
function getDeclaredType(variable: TSESLint.Scope.Variable): TSESTree.TypeNode | undefined {
  const definition = variable.defs[0];
  if (!definition) return undefined;
  const name = definition.name;
  if (name.type === AST_NODE_TYPES.Identifier && name.typeAnnotation && (definition.type === 'Parameter' || definition.type === 'Variable')) {
    return name.typeAnnotation.typeAnnotation;
  }
  return undefined;
}

/**
 * Whether a log call only runs in development: inside `if (isDev)`,
 * `if (process.env.NODE_ENV !== 'production')`, the `else` of `if (isProduction)`,
 * or `isDev && console.log(…)`. Printing a sign-in code to a developer's terminal is deliberate.
 */
function isDevelopmentOnly(call: TSESTree.Node): boolean {
  let child: TSESTree.Node = call;
  for (let parent = call.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
      if (parent.consequent === child && getEnvironmentTest(parent.test) === 'development') return true;
      if (parent.alternate === child && getEnvironmentTest(parent.test) === 'production') return true;
    }
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && parent.right === child) {
      if (getEnvironmentTest(parent.left) === 'development') return true;
    }
  }
  return false;
}

const DEVELOPMENT_WORDS: ReadonlySet<string> = new Set(['development', 'dev', 'local', 'test', 'testing', 'e2e', 'debug', 'verbose']);
const PRODUCTION_WORDS: ReadonlySet<string> = new Set(['production', 'prod']);
const ENVIRONMENT_FLAG_FILLERS: ReadonlySet<string> = new Set(['is', 'in', 'mode', 'env', 'environment', 'enabled', 'on']);

/** Whether a condition holds in development only (`isDev`, `NODE_ENV === 'development'`) or in production only. */
function getEnvironmentTest(test: TSESTree.Node): 'development' | 'production' | undefined {
  const expression = unwrapExpression(test);
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') {
    const inner = getEnvironmentTest(expression.argument);
    return inner === 'development' ? 'production' : inner === 'production' ? 'development' : undefined;
  }
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '&&') {
    return getEnvironmentTest(expression.left) ?? getEnvironmentTest(expression.right);
  }
  // `env === 'development' || process.env.E2E_TEST`: one of two non-production environments.
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '||') {
    const left = getEnvironmentTest(expression.left);
    return left === 'development' && getEnvironmentTest(expression.right) === 'development' ? 'development' : undefined;
  }
  if (expression.type === AST_NODE_TYPES.BinaryExpression) {
    const literal = [expression.left, expression.right].find(
      (side): side is TSESTree.StringLiteral => side.type === AST_NODE_TYPES.Literal && typeof side.value === 'string',
    );
    if (!literal) return undefined;
    const value = literal.value.toLowerCase();
    const kind = DEVELOPMENT_WORDS.has(value) ? 'development' : PRODUCTION_WORDS.has(value) ? 'production' : undefined;
    if (kind === undefined) return undefined;
    if (expression.operator === '===' || expression.operator === '==') return kind;
    if (expression.operator === '!==' || expression.operator === '!=') return kind === 'production' ? 'development' : undefined;
    return undefined;
  }
  const path = getMemberPath(expression);
  const name = path?.at(-1);
  if (name === undefined) return undefined;
  // A flag named after one environment: `isDev`, `env.isDevelopment`, `__DEV__`, `DEBUG`, `isProductionEnv`.
  // `E2E_TEST` would split into `e2` and `e`: spelled `E2e` it stays one word.
  const words = splitIdentifierWords(name.replace(/e2e/gi, 'E2e')).filter((word) => !ENVIRONMENT_FLAG_FILLERS.has(word));
  if (words.length > 0 && words.every((word) => DEVELOPMENT_WORDS.has(word))) return 'development';
  if (words.length !== 1) return undefined;
  if (PRODUCTION_WORDS.has(words[0]!)) return 'production';
  return undefined;
}

/** A callee as short code for messages: `logger.info`, `getLogger(…).info`, `c.req.header`. */
function formatCallee(callee: TSESTree.MemberExpression): string {
  const path = getMemberPath(callee);
  if (path) return formatPath(path);
  const method = getMemberPropertyName(callee) ?? '…';
  const object = unwrapExpression(callee.object);
  if (object.type === AST_NODE_TYPES.CallExpression) {
    const inner = unwrapExpression(object.callee);
    const innerPath = getMemberPath(inner);
    if (innerPath) return `${formatPath(innerPath)}(…).${method}`;
    if (inner.type === AST_NODE_TYPES.MemberExpression) return `${formatCallee(inner)}(…).${method}`;
  }
  return `….${method}`;
}

/**
 * `this.userService.create({ passwordHash })`: a project service, not the ORM.
 * What it stores and what it returns (a relation may hold the hash, the
 * result may be selected) are in another file, where the analyzer looks.
 */
function isServiceCall(callee: TSESTree.Node): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = unwrapExpression(callee.object);
  const name = receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : receiver.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(receiver) : undefined;
  return name !== undefined && /service$/i.test(name);
}

/** ORM and model calls that store the object they are given and return the stored record. */
const RECORD_WRITE_METHODS: ReadonlySet<string> = new Set([
  'create', 'save', 'insert', 'insertOne', 'build', 'upsert', 'update', 'findOneAndUpdate', 'findByIdAndUpdate',
]);

const SHAPING_KEYS: readonly string[] = ['select', 'omit', 'attributes', 'projection', 'returning'];

function getNestedProperty(object: TSESTree.ObjectExpression, key: string): TSESTree.Property | undefined {
  return object.properties.find(
    (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && getPropertyKeyName(property) === key,
  );
}

function getNestedObject(object: TSESTree.ObjectExpression, key: string): TSESTree.ObjectExpression | undefined {
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || getPropertyKeyName(property) !== key) continue;
    const value = unwrapExpression(property.value);
    return value.type === AST_NODE_TYPES.ObjectExpression ? value : undefined;
  }
  return undefined;
}

/** `code`, `verificationCode`, `pin`, `smsCode`: a name that holds a one-time code when its value is random (not `discountCode`). */
function isOneTimeCodeName(name: string): boolean {
  const words = splitIdentifierWords(name);
  const head = words.at(-1);
  return (head === 'code' || head === 'pin' || head === 'otp') && !words.some((word) => NON_CREDENTIAL_OWNER_WORDS.has(word));
}

/**
 * Things whose `token` or `code` is public: a coupon or promo code, a Vendure channel token, a lexer's token;
 * tables of message texts (`warningMessages.missingCredentials` is the sentence that says they are missing); and
 * values already masked.
 */
const NON_CREDENTIAL_OWNER_WORDS: ReadonlySet<string> = new Set([
  'coupon', 'coupons', 'promo', 'promotion', 'discount', 'voucher', 'referral', 'channel', 'lexer', 'parser', 'tokenizer', 'country', 'currency', 'language', 'error',
  'messages', 'msgs', 'strings', 'texts', 'labels', 'translations', 'errors',
  // `obfuscatedConfig.MONGO_URL`, `maskedSettings.apiKey`: values already masked.
  'obfuscated', 'masked', 'redacted', 'sanitized', 'sanitised', 'scrubbed', 'censored',
]);

function isNonCredentialOwner(name: string): boolean {
  return splitIdentifierWords(name).some((word) => NON_CREDENTIAL_OWNER_WORDS.has(word));
}

/** `Math.floor(100000 + Math.random() * 900000)`, `crypto.randomInt(0, 999999)`, `randomBytes(3).toString('hex')`. */
function isRandomValue(node: TSESTree.Node): boolean {
  let found = false;
  const visit = (current: TSESTree.Node, depth: number): void => {
    if (found || depth > 6) return;
    const expression = unwrapExpression(current);
    if (expression.type === AST_NODE_TYPES.CallExpression) {
      const name = getMemberPath(expression.callee)?.join('.');
      if (name !== undefined && RANDOM_SOURCES.has(name.split('.').slice(-1)[0]!)) {
        found = true;
        return;
      }
      visit(expression.callee, depth + 1);
      for (const argument of expression.arguments) visit(argument, depth + 1);
    } else if (expression.type === AST_NODE_TYPES.MemberExpression) {
      visit(expression.object, depth + 1);
    } else if (expression.type === AST_NODE_TYPES.BinaryExpression) {
      visit(expression.left, depth + 1);
      visit(expression.right, depth + 1);
    } else if (expression.type === AST_NODE_TYPES.TemplateLiteral) {
      // `${code}${nanoid(2)}` makes a known value unique; only a template of random parts is a fresh code.
      if (expression.expressions.every((part) => isRandomValue(part))) for (const part of expression.expressions) visit(part, depth + 1);
    }
  };
  visit(node, 0);
  return found;
}

const RANDOM_SOURCES: ReadonlySet<string> = new Set(['random', 'randomInt', 'randomBytes', 'randomUUID', 'nanoid', 'customAlphabet', 'generateOtp', 'generateOTP', 'generateCode']);

/** How many `const a = b` steps the rule follows from a logged name. */
const MAX_ALIAS_DEPTH = 4;

/** Whether an import source is a package (`jsonwebtoken`, `@nestjs/common`), not a project file (`./config`, `@/lib/env`). */
function isPackageSource(source: string): boolean {
  return !source.startsWith('.') && !source.startsWith('/') && !source.startsWith('@/') && !source.startsWith('~/') && !source.startsWith('#');
}

/** Calls that list an object's field names, not its values. */
const FIELD_NAME_CALLS: ReadonlySet<string> = new Set(['Object.keys', 'Object.getOwnPropertyNames']);

/** What a replacement that hides a value puts in its place: `':***@'`, `'[REDACTED]'`, `'xxxx'`. */
const MASK_TEXT = /^[*•]+$|\*{3,}|x{4,}|redacted|hidden|masked|censored|removed|filtered/i;

/** `url.replace(/:[^@]+@/, ':***@')`: the secret part is swapped for a mask. */
function isMaskingReplace(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(callee) : undefined;
  if (method !== 'replace' && method !== 'replaceAll') return false;
  const replacement = call.arguments[1] && unwrapExpression(call.arguments[1]);
  if (replacement?.type === AST_NODE_TYPES.Literal) return typeof replacement.value === 'string' && MASK_TEXT.test(replacement.value);
  return replacement?.type === AST_NODE_TYPES.TemplateLiteral && replacement.quasis.some((quasi) => MASK_TEXT.test(quasi.value.cooked ?? ''));
}

/** Calls whose result is a part or a property of their argument, not the secret: `slice`, `startsWith`, `Boolean`. */
const MASKING_OR_PREDICATE_CALLS: ReadonlySet<string> = new Set([
  'slice', 'substring', 'substr', 'at', 'charAt', 'startsWith', 'endsWith', 'includes', 'test', 'has',
  'Boolean', 'Number', 'isEmpty', 'isString', 'compare', 'compareSync', 'hash', 'hashSync', 'verify',
]);

/** `[1, 'x', null]` entries of a pino `redact` path: `req.headers["x-api-key"]` → `req`, `headers`, `x-api-key`. */
function parseRedactPath(text: string): string[] {
  const segments: string[] = [];
  const pattern = /([^.[\]]+)|\[\s*(?:"([^"]*)"|'([^']*)'|([^\]]*))\s*\]/g;
  for (const match of text.matchAll(pattern)) {
    segments.push((match[1] ?? match[2] ?? match[3] ?? match[4] ?? '').trim());
  }
  return segments;
}

function firstLeak<T>(items: readonly T[], find: (item: T) => Leak | undefined): Leak | undefined {
  for (const item of items) {
    const leak = find(item);
    if (leak) return leak;
  }
  return undefined;
}

function isNullish(node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  return (
    (expression.type === AST_NODE_TYPES.Literal && expression.value === null) ||
    (expression.type === AST_NODE_TYPES.Identifier && expression.name === 'undefined') ||
    (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void')
  );
}

/** Names that describe a value rather than hold it: `tokenId`, `hasToken`, `passwordLength`. */
function isMetadataName(name: string): boolean {
  const words = splitIdentifierWords(name);
  const last = words.at(-1);
  return last !== undefined && (METADATA_WORDS.has(last) || isFlagName(name));
}

/**
 * Functions that measure or encode text: `countTokens`, `encode`, `tokenize`, `estimateTokens`. Encoding a
 * credential makes one: `tokenEncoder.encodeToken(claims)` returns the bearer token.
 */
function isMeasuringFunctionName(name: string): boolean {
  const words = splitIdentifierWords(name);
  if (words.includes('encode') && words.some((word) => ENCODED_CREDENTIAL_WORDS.has(word))) return words.some((word) => word !== 'encode' && MEASURING_WORDS.has(word));
  return words.some((word) => MEASURING_WORDS.has(word));
}
const ENCODED_CREDENTIAL_WORDS: ReadonlySet<string> = new Set(['token', 'jwt', 'session', 'cookie', 'credentials', 'secret']);
const MEASURING_WORDS: ReadonlySet<string> = new Set(['count', 'encode', 'tokenize', 'estimate', 'calculate', 'measure', 'num', 'length', 'size']);

/** `session`, `req.session`, `userSession`: a server-side session object, not a credential by itself. */
function isSessionName(name: string): boolean {
  const head = splitIdentifierWords(name).at(-1);
  return head === 'session' || head === 'sessions';
}

/** `isValid`, `hasToken`, `shouldLog`: a boolean. */
function isFlagName(name: string): boolean {
  const first = splitIdentifierWords(name)[0];
  return first === 'is' || first === 'has' || first === 'should' || first === 'can' || first === 'was' || first === 'did';
}

/** Secret-named members that are objects, which a template prints as `[object Object]`: `req.session`, `req.cookies`. */
function isObjectShapedMember(property: string): boolean {
  const head = splitIdentifierWords(property).at(-1);
  return head === 'session' || head === 'cookies' || head === 'credentials' || head === 'secrets' || head === 'tokens';
}

function getParameterAnnotation(name: TSESTree.Node): TSESTree.TypeNode | undefined {
  if (name.type === AST_NODE_TYPES.Identifier && name.typeAnnotation) return name.typeAnnotation.typeAnnotation;
  return undefined;
}

function isScalarTypeAnnotation(type: TSESTree.TypeNode): boolean {
  return (
    type.type === AST_NODE_TYPES.TSBooleanKeyword ||
    type.type === AST_NODE_TYPES.TSNumberKeyword ||
    type.type === AST_NODE_TYPES.TSBigIntKeyword
  );
}

/** `require('x')` → `'x'`. */
function getRequiredModule(node: TSESTree.Node): string | undefined {
  const expression = unwrapExpression(node);
  if (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === 'require'
  ) {
    const [first] = expression.arguments;
    return first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value : undefined;
  }
  return undefined;
}

/** Words of a route or file about signing in, keys and settings, whose bodies carry credentials. */
const CREDENTIAL_FLOW_WORDS: ReadonlySet<string> = new Set([
  'auth', 'authentication', 'login', 'logon', 'signin', 'signup', 'register', 'registration', 'password', 'passwd', 'psw', 'pwd',
  'token', 'tokens', 'secret', 'secrets', 'key', 'keys', 'apikey', 'apikeys', 'credential', 'credentials', 'session', 'sessions',
  'oauth', 'otp', 'totp', 'mfa', '2fa', 'verify', 'verification', 'reset', 'recover', 'recovery', 'invite', 'invitation', 'invitations',
  'payment', 'payments', 'card', 'cards', 'billing', 'checkout', 'integration', 'integrations', 'settings',
  'config', 'configuration', 'connect', 'connection', 'connections', 'smtp', 'sso', 'saml', 'ldap', 'jwt',
]);

function namesCredentialFlow(path: string): boolean {
  return path.split(/[\\/.:]+/).some((segment) => splitIdentifierWords(segment).some((word) => CREDENTIAL_FLOW_WORDS.has(word)) ||
    /^(?:signin|signup|login|logon)$/i.test(segment.replace(/[-_]/g, '')));
}
