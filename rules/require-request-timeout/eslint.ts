import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  AXIOS_CONFIG_INDEX,
  CLIENTS_WITH_DEFAULT_TIMEOUT,
  FETCH_PACKAGES,
  GOT_METHODS,
  NODE_HTTP_MODULES,
  REQUEST_LIBRARY_MODULES,
  TIMEOUT_OPTIONS_BY_CLIENT,
  splitIdentifierWords,
} from '@redline/core';
import { findProperty, getMemberPath, getMemberPropertyName, getPropertyKeyName, getStaticKey, unwrapExpression } from '../utils/ast.js';
import { resolveObjectLiteral } from '../utils/resolve-object.js';
import { createRule } from '../utils/create-rule.js';
import { isClientSideFile, isTestFile } from '../utils/file-kind.js';
import { getPackageKind } from '../utils/package-kind.js';
import { mayMentionModule, mayMentionWord } from '../utils/text-gate.js';

type Options = [{ timeoutOptions: string[]; checkTestFiles: boolean; checkClientFiles: boolean }];
type MessageIds = 'missingTimeout' | 'missingFetchTimeout' | 'clientWithoutTimeout' | 'timeoutDisabled' | 'addSignal';

/** What a local name is bound to. */
type Binding =
  | { kind: 'axios' | 'got' | 'ky' | 'http-module' | 'undici-module' | 'request-library' }
  /** The runtime's fetch (undici in Node, with its five-minute defaults), or a package's (`node-fetch`: none). */
  | { kind: 'fetch'; fromPackage?: boolean }
  | { kind: 'http-call'; method: 'request' | 'get' }
  | { kind: 'undici-request' }
  | { kind: 'instance'; client: 'axios' | 'got'; safe: boolean };

type Client = keyof typeof TIMEOUT_OPTIONS_BY_CLIENT | 'ky';

/** The verdict on an options object: a timeout is set, none is, it is turned off, or we cannot see it all. */
type TimeoutState = 'present' | 'absent' | 'disabled' | 'unknown';

interface Candidate {
  node: TSESTree.Node;
  messageId: 'missingTimeout' | 'missingFetchTimeout' | 'clientWithoutTimeout' | 'timeoutDisabled';
  data: Record<string, string>;
  /** For axios: the finding goes away when the file sets `<owner>.defaults.timeout`. */
  defaultsOwners?: string[];
  suggest?: TSESLint.ReportSuggestionArray<MessageIds>;
}

const LOCAL_URL = /^(?:https?:\/\/)?(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?:[:/]|$)/;
/** Code that serves no request: scripts, seeds, migrations, CLIs, examples, docs and benchmarks. */
const TOOLING_PATH =
  /(?:^|\/)(?:scripts?|tools|bin|seeds?|seeders|migrations|examples?|demos?|docs|bench|benchmarks?|cli)\/|(?:^|[/.])seed\.[cm]?[jt]s$/;
/** `fetch` options that only a browser honours: a call that sets them runs in a browser. */
const BROWSER_FETCH_OPTIONS: ReadonlySet<string> = new Set(['credentials', 'mode']);
const BROWSER_CACHE_MODES: ReadonlySet<string> = new Set(['no-cache', 'reload', 'only-if-cached']);
const SUGGESTED_SIGNAL = 'signal: AbortSignal.timeout(10_000)';

export default createRule<Options, MessageIds>({
  name: 'require-request-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a timeout or abort signal on outbound HTTP calls made by server code',
      category: 'missing-timeout',
      cwe: ['CWE-400', 'CWE-1088'],
      recommended: 'strict',
      severity: 'error',
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      missingTimeout:
        '`{{call}}` makes an outbound HTTP request with no timeout or abort signal, so a slow or silent server holds this request and its socket open indefinitely; pass {{fix}}.',
      missingFetchTimeout:
        '`{{call}}` makes an outbound HTTP request with no abort signal, so a slow or silent server holds this request for up to five minutes before answering (undici\'s default) and indefinitely while its body trickles in; pass {{fix}}.',
      clientWithoutTimeout:
        '`{{call}}` creates an HTTP client with no default timeout, so every request made through it can hang indefinitely; set `timeout` in its config.',
      timeoutDisabled:
        '`{{call}}` turns the timeout off with `timeout: {{value}}`, so a slow or silent server holds this request open indefinitely; set a timeout in milliseconds.',
      addSignal: 'Add `signal: AbortSignal.timeout(10_000)` (abort after 10 seconds).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          timeoutOptions: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra option names that bound a request in your code (for example a wrapper\'s `deadline`).',
          },
          checkTestFiles: {
            type: 'boolean',
            description: 'Also check test and e2e files (skipped by default: a hung test request fails the test, not production).',
          },
          checkClientFiles: {
            type: 'boolean',
            description: 'Also check files that look like browser code (`\'use client\'`, `.tsx` components, React imports, `window`).',
          },
        },
      },
    ],
    defaultOptions: [{ timeoutOptions: [], checkTestFiles: false, checkClientFiles: false }],
  },
  create(context, [options]) {
    if (!options.checkTestFiles && isTestFile(context.filename)) return {};
    // Scripts, seeds and CLIs run by hand or in CI; a hung download there is not a production outage.
    if (TOOLING_PATH.test(context.filename.replace(/\\/g, '/'))) return {};
    const extraTimeoutOptions = new Set(options.timeoutOptions);
    const sourceCode = context.sourceCode;
    // Requests are made with the global `fetch` or a client module this file imports or requires.
    if (!mayMentionWord(sourceCode, FETCH_WORDS) && !mayMentionModule(sourceCode, CLIENT_MODULES)) return {};
    /** Bindings by variable: imports, requires and instances created in this file. */
    const bindings = new Map<TSESLint.Scope.Variable, Binding>();
    /** Instances stored on `this.<name>` in a class of this file. */
    const memberInstances = new Map<string, Binding & { kind: 'instance' }>();
    /** `x.defaults.timeout = …` assignments: `x` is the axios binding or an instance. */
    const defaultsWithTimeout = new Set<string>();
    const candidates: Candidate[] = [];

    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        for (const specifier of node.specifiers) {
          const imported =
            specifier.type === AST_NODE_TYPES.ImportSpecifier
              ? specifier.imported.type === AST_NODE_TYPES.Identifier
                ? specifier.imported.name
                : specifier.imported.value
              : specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier
                ? 'namespace'
                : 'default';
          const binding = getModuleBinding(source, imported);
          if (binding) bindVariables(specifier, binding);
        }
      },
      VariableDeclarator(node) {
        if (!node.init) return;
        const init = unwrapExpression(node.init);
        const source = getRequiredModule(init);
        if (source !== undefined) {
          bindRequire(node.id, source, init);
          return;
        }
        const instance = getInstanceCreation(init);
        if (instance && node.id.type === AST_NODE_TYPES.Identifier) bindVariables(node, instance.binding);
      },
      PropertyDefinition(node) {
        const name = getPropertyKeyName(node);
        if (!node.value || name === undefined) return;
        const init = unwrapExpression(node.value);
        const instance = getInstanceCreation(init);
        if (instance) memberInstances.set(name, instance.binding);
      },
      AssignmentExpression(node) {
        const path = getMemberPath(node.left);
        if (!path) return;
        // `axios.defaults.timeout = 5000`, `api.defaults.timeout = 5000`
        if (path.length >= 3 && path.at(-1) === 'timeout' && path.at(-2) === 'defaults') {
          defaultsWithTimeout.add(path.slice(0, -2).join('.'));
          return;
        }
        // `this.http = axios.create({ … })`
        if (path.length === 2 && path[0] === 'this') {
          const init = unwrapExpression(node.right);
          const instance = getInstanceCreation(init);
          if (instance) memberInstances.set(path[1]!, instance.binding);
        }
      },
      CallExpression(node) {
        checkCall(node);
      },
      'Program:exit'() {
        if (candidates.length === 0) return;
        if (!options.checkClientFiles && isClientSideFile(context)) return;
        if (getPackageKind(context.filename) === 'command-line') return;
        for (const candidate of candidates) {
          if (candidate.defaultsOwners?.some((owner) => defaultsWithTimeout.has(owner))) continue;
          context.report({
            node: candidate.node,
            messageId: candidate.messageId,
            data: candidate.data,
            ...(candidate.suggest ? { suggest: candidate.suggest } : {}),
          });
        }
      },
    };

    function checkCall(call: TSESTree.CallExpression): void {
      const callee = unwrapExpression(call.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const binding = resolveIdentifier(callee);
        if (!binding) return;
        switch (binding.kind) {
          case 'fetch':
            return checkFetch(call, callee.name, binding.fromPackage === true);
          case 'axios':
            return checkOptions(call, 'axios', getAxiosCallConfig(call, undefined), callee.name, callee.name);
          case 'got':
            return checkOptions(call, 'got', getUrlThenOptions(call), callee.name);
          case 'ky':
            return checkKy(call, callee.name);
          case 'undici-request':
            return checkOptions(call, 'undici', getUrlThenOptions(call), callee.name);
          case 'http-call':
          case 'request-library':
            return checkHttpCall(call, callee.name);
          case 'instance':
            // The instance's own finding (or its safe config) covers a call without options.
            return checkInstanceCall(call, binding, undefined, callee.name);
          default:
            return;
        }
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = getMemberPropertyName(callee);
      if (method === undefined) return;
      const object = unwrapExpression(callee.object);
      const label = `${sourceCode.getText(object)}.${method}`;

      // `globalThis.fetch(…)`
      if (object.type === AST_NODE_TYPES.Identifier && object.name === 'globalThis' && method === 'fetch') {
        return checkFetch(call, label);
      }
      const binding = getObjectBinding(object);
      if (!binding) return;
      switch (binding.kind) {
        case 'axios':
        case 'got': {
          const instance = getInstanceCreation(call);
          if (instance) {
            if (!instance.binding.safe && !(binding.kind === 'axios' && call.arguments[0] && sendsBrowserCookies(call.arguments[0]))) queueInstance(call, sourceCode.getText(object));
            return;
          }
          break;
        }
        default:
          break;
      }
      switch (binding.kind) {
        case 'axios':
          if (AXIOS_CONFIG_INDEX.has(method)) {
            return checkOptions(call, 'axios', getAxiosCallConfig(call, method), label, sourceCode.getText(object));
          }
          return;
        case 'got':
          if (GOT_METHODS.has(method)) return checkOptions(call, 'got', getUrlThenOptions(call), label);
          return;
        case 'ky':
          if (['get', 'post', 'put', 'patch', 'delete', 'head'].includes(method)) return checkKy(call, label);
          return;
        case 'http-module':
          if (method === 'request' || method === 'get') return checkHttpCall(call, label);
          return;
        case 'request-library':
          if (REQUEST_LIBRARY_METHODS.has(method)) return checkHttpCall(call, label);
          return;
        case 'undici-module':
          if (method === 'request') return checkOptions(call, 'undici', getUrlThenOptions(call), label);
          if (method === 'fetch') return checkFetch(call, label);
          return;
        case 'instance':
          return checkInstanceCall(call, binding, method, label);
        default:
          return;
      }
    }

    function checkFetch(call: TSESTree.CallExpression, label: string, fromPackage = false): void {
      const [input, init] = call.arguments;
      if (!input || input.type === AST_NODE_TYPES.SpreadElement || isLocalOrRelativeUrl(input, sourceCode)) return;
      // `fetch(request)` with a `Request` built elsewhere may carry its own signal.
      if (isRequestObject(input)) return;
      if (init?.type === AST_NODE_TYPES.SpreadElement) return;
      const state = init ? getTimeoutState(init, 'fetch') : 'absent';
      if (state === 'present' || state === 'unknown') return;
      const initObject = init ? resolveObjectLiteral(init, sourceCode) : undefined;
      if (initObject && hasBrowserFetchOption(initObject)) return;
      if (state === 'disabled') return queueDisabled(call, label, init!);
      const initNode = init ? unwrapExpression(init) : undefined;
      candidates.push({
        node: call,
        messageId: fromPackage ? 'missingTimeout' : 'missingFetchTimeout',
        data: { call: label, fix: '`signal: AbortSignal.timeout(ms)`' },
        suggest: [
          {
            messageId: 'addSignal',
            fix: (fixer) => {
              if (!init) return fixer.insertTextAfter(input, `, { ${SUGGESTED_SIGNAL} }`);
              if (initNode?.type !== AST_NODE_TYPES.ObjectExpression) return null;
              const last = initNode.properties.at(-1);
              if (!last) return fixer.replaceText(initNode, `{ ${SUGGESTED_SIGNAL} }`);
              return fixer.insertTextAfter(last, `, ${SUGGESTED_SIGNAL}`);
            },
          },
        ],
      });
    }

    function checkOptions(
      call: TSESTree.CallExpression,
      client: 'axios' | 'got' | 'undici',
      config: { node?: TSESTree.Node; url?: TSESTree.Node } | undefined,
      label: string,
      defaultsOwner?: string,
    ): void {
      if (!config) return;
      if (config.url && isLocalOrRelativeUrl(config.url, sourceCode)) return;
      if (client === 'axios' && config.node && sendsBrowserCookies(config.node)) return;
      const state = config.node ? getTimeoutState(config.node, client) : 'absent';
      if (state === 'present' || state === 'unknown') return;
      if (state === 'disabled') return queueDisabled(call, label, config.node!);
      candidates.push({
        node: call,
        messageId: 'missingTimeout',
        data: { call: label, fix: client === 'undici' ? '`headersTimeout`/`bodyTimeout` or a `signal`' : 'a `timeout`' },
        ...(defaultsOwner !== undefined ? { defaultsOwners: [defaultsOwner] } : {}),
      });
    }

    /** A call on an instance: only an explicit `timeout: 0`/`false` is reported (the instance itself is reported once). */
    function checkInstanceCall(
      call: TSESTree.CallExpression,
      binding: Binding & { kind: 'instance' },
      method: string | undefined,
      label: string,
    ): void {
      const config =
        binding.client === 'axios' ? getAxiosCallConfig(call, method) : method === undefined || GOT_METHODS.has(method) ? getUrlThenOptions(call) : undefined;
      if (!config?.node) return;
      if (getTimeoutState(config.node, binding.client) === 'disabled') queueDisabled(call, label, config.node);
    }

    /** ky has a 10 s default; only `timeout: false` turns it off. */
    function checkKy(call: TSESTree.CallExpression, label: string): void {
      const options = call.arguments[1];
      if (options && getTimeoutState(options, 'ky') === 'disabled') queueDisabled(call, label, options);
    }

    /**
     * `http.request(url?, options?, callback?)` and the `request` library's `request(url?, options?, callback?)`:
     * a `timeout`/`signal` option, or `req.setTimeout(…)` later.
     */
    function checkHttpCall(call: TSESTree.CallExpression, label: string): void {
      const args = call.arguments.filter((argument) => !isFunctionLike(argument));
      if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return;
      const [first, second] = args as TSESTree.Expression[];
      if (!first) return;
      if (isLocalOrRelativeUrl(first, sourceCode)) return;
      let optionsNode: TSESTree.Node | undefined;
      if (isUrlLike(first)) {
        optionsNode = second;
      } else {
        optionsNode = first;
        const options = resolveObjectLiteral(first, sourceCode);
        if (!options) return;
        // `http.request({ host })`; the `request` library's `{ url }` / `{ uri }`.
        const host = findProperty(options, 'host') ?? findProperty(options, 'hostname') ?? findProperty(options, 'url') ?? findProperty(options, 'uri');
        if (host?.value && isLocalOrRelativeUrl(host.value, sourceCode)) return;
      }
      const state = optionsNode ? getTimeoutState(optionsNode, 'http') : 'absent';
      if (state === 'present' || state === 'unknown') return;
      if (hasSetTimeoutOnResult(call)) return;
      if (state === 'disabled') return queueDisabled(call, label, optionsNode!);
      candidates.push({ node: call, messageId: 'missingTimeout', data: { call: label, fix: 'a `timeout` option or call `req.setTimeout(ms, …)`' } });
    }

    function queueDisabled(call: TSESTree.CallExpression, label: string, options: TSESTree.Node): void {
      const object = resolveObjectLiteral(options, sourceCode);
      const value = object ? findProperty(object, 'timeout')?.value : undefined;
      candidates.push({
        node: call,
        messageId: 'timeoutDisabled',
        data: { call: label, value: value ? sourceCode.getText(value) : '0' },
      });
    }

    /** An instance without a timeout; `<client>.defaults.timeout = …` or `<instance>.defaults.timeout = …` in the file answers it. */
    function queueInstance(create: TSESTree.CallExpression, clientName: string): void {
      const owners = [clientName];
      const parent = create.parent;
      if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) owners.push(parent.id.name);
      if (parent.type === AST_NODE_TYPES.PropertyDefinition) {
        const name = getPropertyKeyName(parent);
        if (name !== undefined) owners.push(`this.${name}`);
      }
      if (parent.type === AST_NODE_TYPES.AssignmentExpression) {
        const path = getMemberPath(parent.left);
        if (path) owners.push(path.join('.'));
      }
      candidates.push({
        node: create,
        messageId: 'clientWithoutTimeout',
        data: { call: sourceCode.getText(create.callee) },
        defaultsOwners: owners,
      });
    }

    /** axios's `withCredentials: true`: an XMLHttpRequest option, so the config is a browser's (Node ignores it). */
    function sendsBrowserCookies(node: TSESTree.Node): boolean {
      const object = resolveObjectLiteral(node, sourceCode);
      const value = object ? findProperty(object, 'withCredentials')?.value : undefined;
      return value?.type === AST_NODE_TYPES.Literal && value.value === true;
    }

    /** Whether an options object (or a const it names) sets a timeout, turns it off, lacks one, or is not fully visible. */
    function getTimeoutState(node: TSESTree.Node, client: Client): TimeoutState {
      const object = resolveObjectLiteral(node, sourceCode);
      if (!object) return 'unknown';
      const names = client === 'ky' ? ['timeout'] : [...TIMEOUT_OPTIONS_BY_CLIENT[client], ...extraTimeoutOptions];
      let sawSpread = false;
      for (const property of object.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) {
          sawSpread = true;
          continue;
        }
        const key = getPropertyKeyName(property);
        if (key === undefined) {
          sawSpread = true;
          continue;
        }
        if (!names.includes(key)) continue;
        const value = unwrapExpression(property.value);
        if (key === 'timeout' && value.type === AST_NODE_TYPES.Literal && (value.value === 0 || value.value === false)) {
          return 'disabled';
        }
        if (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') continue;
        return client === 'ky' ? 'absent' : 'present';
      }
      if (client === 'ky') return 'absent';
      return sawSpread ? 'unknown' : 'absent';
    }


    /** axios's config argument and URL: `axios(config)`, `axios(url, config)`, `axios.get(url, config)`, `axios.post(url, data, config)`. */
    function getAxiosCallConfig(
      call: TSESTree.CallExpression,
      method: string | undefined,
    ): { node?: TSESTree.Node; url?: TSESTree.Node } | undefined {
      const args = call.arguments;
      if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
      if (method === undefined || method === 'request') {
        const [first, second] = args;
        if (!first) return undefined;
        if (method === 'request' || !isUrlLike(first)) {
          const object = resolveObjectLiteral(first, sourceCode);
          if (!object) return undefined;
          const url = findProperty(object, 'url')?.value;
          return { node: first, ...(url ? { url } : {}) };
        }
        return { url: first, ...(second ? { node: second } : {}) };
      }
      const index = AXIOS_CONFIG_INDEX.get(method);
      if (index === undefined || !args[0]) return undefined;
      const node = args[index];
      return { url: args[0], ...(node ? { node } : {}) };
    }

    /** `client(url, options)` for got and undici; `got(options)` with a `url` inside. */
    function getUrlThenOptions(call: TSESTree.CallExpression): { node?: TSESTree.Node; url?: TSESTree.Node } | undefined {
      const [first, second] = call.arguments;
      if (!first || first.type === AST_NODE_TYPES.SpreadElement || second?.type === AST_NODE_TYPES.SpreadElement) return undefined;
      if (!isUrlLike(first)) {
        const object = resolveObjectLiteral(first, sourceCode);
        if (!object) return undefined;
        const url = findProperty(object, 'url')?.value;
        return { node: first, ...(url ? { url } : {}) };
      }
      return { url: first, ...(second ? { node: second } : {}) };
    }

    /** Whether a create call (`axios.create(cfg)`, `got.extend(cfg)`) makes an instance, and whether its config bounds requests. */
    function getInstanceCreation(init: TSESTree.Node): { binding: Binding & { kind: 'instance' } } | undefined {
      if (init.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const callee = unwrapExpression(init.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const method = getMemberPropertyName(callee);
      const binding = getObjectBinding(unwrapExpression(callee.object));
      if (!binding) return undefined;
      let client: 'axios' | 'got';
      if (binding.kind === 'axios' && method === 'create') client = 'axios';
      else if (binding.kind === 'got' && method === 'extend') client = 'got';
      else return undefined;
      const [config] = init.arguments;
      // An instance whose config we cannot read is treated as safe: stay quiet rather than guess.
      const state = !config ? 'absent' : config.type === AST_NODE_TYPES.SpreadElement ? 'unknown' : getTimeoutState(config, client);
      return { binding: { kind: 'instance', client, safe: state !== 'absent' && state !== 'disabled' } };
    }

    /** The binding of the object of a member call: `axios` in `axios.get`, `this.http` in `this.http.get`. */
    function getObjectBinding(object: TSESTree.Node): Binding | undefined {
      if (object.type === AST_NODE_TYPES.Identifier) return resolveIdentifier(object);
      if (
        object.type === AST_NODE_TYPES.MemberExpression &&
        object.object.type === AST_NODE_TYPES.ThisExpression &&
        !object.computed &&
        object.property.type === AST_NODE_TYPES.Identifier
      ) {
        return memberInstances.get(object.property.name);
      }
      return undefined;
    }

    /** An identifier's binding: an import, require or instance of this file, or the global `fetch`. */
    function resolveIdentifier(identifier: TSESTree.Identifier): Binding | undefined {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      if (!variable) return identifier.name === 'fetch' ? { kind: 'fetch' } : undefined;
      const bound = bindings.get(variable);
      if (bound) return bound;
      // An undeclared global (no definitions) named `fetch` is the runtime's fetch.
      if (variable.defs.length === 0 && identifier.name === 'fetch') return { kind: 'fetch' };
      return undefined;
    }

    function bindVariables(node: TSESTree.Node, binding: Binding): void {
      for (const variable of sourceCode.getDeclaredVariables(node)) bindings.set(variable, binding);
    }

    /** `const axios = require('axios')`, `const { request } = require('undici')`, `const { default: fetch } = await import('node-fetch')`. */
    function bindRequire(id: TSESTree.Node, source: string, init: TSESTree.Node): void {
      if (id.type === AST_NODE_TYPES.Identifier) {
        // `require('axios').default` reads the default export.
        const member = init.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(init) : undefined;
        const binding = getModuleBinding(source, member ?? 'namespace');
        if (binding) bindings.set(getVariable(id)!, binding);
        return;
      }
      if (id.type !== AST_NODE_TYPES.ObjectPattern) return;
      for (const property of id.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
        const key = getPropertyKeyName(property);
        const binding = key === undefined ? undefined : getModuleBinding(source, key);
        const variable = getVariable(property.value);
        if (binding && variable) bindings.set(variable, binding);
      }
    }

    function getVariable(id: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
      return ASTUtils.findVariable(sourceCode.getScope(id), id) ?? undefined;
    }
  },
});

const FETCH_WORDS: readonly string[] = ['fetch'];
/** Every module `getModuleBinding` binds. */
const CLIENT_MODULES = ['axios', 'got', 'undici', ...CLIENTS_WITH_DEFAULT_TIMEOUT, ...NODE_HTTP_MODULES, ...FETCH_PACKAGES, ...REQUEST_LIBRARY_MODULES];
/** The `request` library's shorthand methods (`request.get(url, cb)`). */
const REQUEST_LIBRARY_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'del', 'delete', 'head']);

/** What importing `imported` (`default`, `namespace` or a named export) from `source` binds. */
function getModuleBinding(source: string, imported: string): Binding | undefined {
  const whole = imported === 'default' || imported === 'namespace';
  if (source === 'axios') return whole || imported === 'axios' ? { kind: 'axios' } : undefined;
  if (source === 'got') return whole || imported === 'got' ? { kind: 'got' } : undefined;
  if (CLIENTS_WITH_DEFAULT_TIMEOUT.has(source)) return whole ? { kind: 'ky' } : undefined;
  if (NODE_HTTP_MODULES.has(source)) {
    if (whole) return { kind: 'http-module' };
    return imported === 'request' || imported === 'get' ? { kind: 'http-call', method: imported } : undefined;
  }
  if (source === 'undici') {
    if (whole) return { kind: 'undici-module' };
    if (imported === 'request') return { kind: 'undici-request' };
    return imported === 'fetch' ? { kind: 'fetch' } : undefined;
  }
  if (FETCH_PACKAGES.has(source)) return whole || imported === 'fetch' ? { kind: 'fetch', fromPackage: true } : undefined;
  if (REQUEST_LIBRARY_MODULES.has(source)) return whole ? { kind: 'request-library' } : undefined;
  return undefined;
}

/** The module of `require('x')`, `require('x').default`, `await import('x')`. */
function getRequiredModule(init: TSESTree.Node): string | undefined {
  let expression = init;
  if (expression.type === AST_NODE_TYPES.MemberExpression) expression = unwrapExpression(expression.object);
  if (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === 'require'
  ) {
    const [argument] = expression.arguments;
    return argument ? getStaticKey(argument) : undefined;
  }
  if (expression.type === AST_NODE_TYPES.ImportExpression) return getStaticKey(expression.source);
  return undefined;
}

/** Whether an argument is a URL (string, template, `new URL`, a `url`-ish identifier) rather than an options object. */
function isUrlLike(node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      return typeof expression.value === 'string';
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.BinaryExpression:
      return true;
    case AST_NODE_TYPES.NewExpression:
      return expression.callee.type === AST_NODE_TYPES.Identifier && expression.callee.name === 'URL';
    case AST_NODE_TYPES.ObjectExpression:
      return false;
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression: {
      // `fetch(url)`, `fetch(this.baseUrl + path)`, `fetch(buildUrl(x))`; not `fetch(request)`/`fetch(req)`.
      const name =
        expression.type === AST_NODE_TYPES.Identifier
          ? expression.name
          : expression.type === AST_NODE_TYPES.MemberExpression
            ? getMemberPropertyName(expression)
            : undefined;
      if (name !== undefined) return /url|uri|endpoint|href|link|path/i.test(name);
      return expression.type === AST_NODE_TYPES.CallExpression;
    }
    default:
      return false;
  }
}

/** `credentials`, `mode` or a browser cache mode: options only a browser's fetch acts on. */
function hasBrowserFetchOption(init: TSESTree.ObjectExpression): boolean {
  return init.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const key = getPropertyKeyName(property);
    if (key !== undefined && BROWSER_FETCH_OPTIONS.has(key)) return true;
    return key === 'cache' && BROWSER_CACHE_MODES.has(getStaticKey(property.value) ?? '');
  });
}

/** `new Request(…)`, or a name that says it holds one (`req`, `request`, `proxiedRequest`). */
function isRequestObject(node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.NewExpression) {
    return expression.callee.type === AST_NODE_TYPES.Identifier && expression.callee.name === 'Request';
  }
  const name =
    expression.type === AST_NODE_TYPES.Identifier
      ? expression.name
      : expression.type === AST_NODE_TYPES.MemberExpression
        ? getMemberPropertyName(expression)
        : undefined;
  return name !== undefined && /^(?:req|request|input)$|Request$|Input$/i.test(name);
}

/**
 * A URL to this machine, or a relative path (only a browser can fetch `/api/x`): a literal or template, a
 * concatenation that starts with one (`'/api/plugin/' + id`), or a local variable every assignment of which is
 * one (`let path = '/api/add'; if (port) path = 'http://127.0.0.1:' + port + path`).
 */
function isLocalOrRelativeUrl(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, depth = 0): boolean {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.BinaryExpression && expression.operator === '+') return isLocalOrRelativeUrl(expression.left, sourceCode, depth);
  // `${process.env.SERVER_URL}/functions/x`, `getInternalApiUrl() + '/api/jobs'`: the app calling itself.
  if (isOwnServerUrl(expression)) return true;
  if (expression.type === AST_NODE_TYPES.Identifier && depth < 2) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
    // `url += '/sync'` appends to what `url` held: only plain assignments and initialisers say where it points.
    const writes = (variable?.references ?? []).filter((reference) => reference.isWrite() &&
      !(reference.identifier.parent.type === AST_NODE_TYPES.AssignmentExpression && reference.identifier.parent.operator === '+='));
    return writes.length > 0 && writes.every((reference) => !!reference.writeExpr && isLocalOrRelativeUrl(reference.writeExpr, sourceCode, depth + 1));
  }
  // `new URL('/api/auth/session', req.url)`: a path on the origin the incoming request came to, this service.
  if (expression.type === AST_NODE_TYPES.NewExpression && expression.callee.type === AST_NODE_TYPES.Identifier && expression.callee.name === 'URL') {
    const [path, base] = expression.arguments;
    return path !== undefined && base !== undefined && isIncomingRequestUrl(base) && isLocalOrRelativeUrl(path, sourceCode, depth);
  }
  if (expression.type === AST_NODE_TYPES.TemplateLiteral && expression.quasis[0]?.value.cooked === '' && expression.expressions[0] && isOwnServerUrl(expression.expressions[0])) return true;
  let text: string | undefined;
  if (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'string') text = expression.value;
  if (expression.type === AST_NODE_TYPES.TemplateLiteral) text = expression.quasis[0]?.value.cooked ?? undefined;
  if (text === undefined) return false;
  return text.startsWith('/') || text.startsWith('.') || LOCAL_URL.test(text);
}

/** `SERVER_URL`, `serverUrl`, `process.env.APP_URL`, `getInternalApiUrl()`, `selfOrigin`: the address of this app. */
function isOwnServerUrl(node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  const name = expression.type === AST_NODE_TYPES.CallExpression ? getMemberPath(expression.callee)?.at(-1) : getMemberPath(expression)?.at(-1);
  if (name === undefined) return false;
  const words = splitIdentifierWords(name);
  return words.some((word) => ['server', 'self', 'internal', 'local', 'app'].includes(word)) &&
    ['url', 'uri', 'origin', 'host', 'base'].includes(words.at(-1)!);
}

/** `req.url`, `request.url`, `request.nextUrl`: where the request being served was sent. */
function isIncomingRequestUrl(node: TSESTree.Node): boolean {
  const path = getMemberPath(unwrapExpression(node));
  return path?.length === 2 && /^(?:req|request)$/.test(path[0]!) && (path[1] === 'url' || path[1] === 'nextUrl');
}

/** A callback argument: a function (bound or not: `function (res) { … }.bind(this)`), or a name callbacks go by (`resolve`, `cb`, `onResponse`). */
function isFunctionLike(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return /^(?:resolve|cb|callback|done|handler|on[A-Z]\w*)$/.test(node.name);
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(node.callee) === 'bind') {
    return isFunctionLike(node.callee.object);
  }
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression;
}

/**
 * Whether the `ClientRequest` an `http.request` returns gets a timeout:
 * `http.get(…).setTimeout(…)`, or `const req = http.request(…)` followed by
 * `req.setTimeout(…)` / `req.on('timeout', …)` in the same function.
 */
function hasSetTimeoutOnResult(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === call) {
    return getMemberPropertyName(parent) === 'setTimeout';
  }
  if (parent.type !== AST_NODE_TYPES.VariableDeclarator || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
  const name = parent.id.name;
  let scopeNode: TSESTree.Node = parent;
  while (scopeNode.parent && !isBlockLike(scopeNode)) scopeNode = scopeNode.parent;
  return containsTimeoutCall(scopeNode, name);
}

function isBlockLike(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.BlockStatement || node.type === AST_NODE_TYPES.Program;
}

function containsTimeoutCall(root: TSESTree.Node, name: string): boolean {
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const path = getMemberPath(node.callee);
      if (path?.length === 2 && path[0] === name) {
        const [event] = node.arguments;
        if (path[1] === 'setTimeout' || (path[1] === 'on' && event && getStaticKey(event) === 'timeout')) {
          found = true;
          return;
        }
      }
    }
    for (const key of Object.keys(node) as (keyof typeof node)[]) {
      if (key === 'parent') continue;
      const value = node[key] as unknown;
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) visit(child);
      } else if (isNode(value)) {
        visit(value);
      }
    }
  };
  visit(root);
  return found;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
