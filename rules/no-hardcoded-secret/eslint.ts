import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isSecretName, splitIdentifierWords } from '@redline/core';
import { createRule } from '../utils/create-rule.js';
import { findProperty, getCalleeName, getMemberPath, getPropertyKeyName, unwrapExpression } from '../utils/ast.js';
import { getRelativeFilename, matchesAnyGlob } from '../utils/file-globs.js';
import { getModuleBinding } from '../utils/module-bindings.js';
import { createConfigCache } from '../utils/config-cache.js';
import { getRedlineSettings, type RedlineSettings } from '../utils/settings.js';
import { mayMentionModule } from '../utils/text-gate.js';
import { CONNECTION_STRING_PATTERN, MIN_SECRET_PATTERN_LENGTH, SECRET_PATTERN_PREFILTER, SECRET_PATTERNS } from '../utils/secret-patterns.js';

type MessageIds = 'sinkSecret' | 'knownKey' | 'connectionPassword' | 'envFallback' | 'namedSecret';
type Options = [
  {
    ignoreFiles?: string[];
    secretOptionKeys?: string[];
    placeholders?: string[];
  },
];

const DEFAULT_IGNORE_FILES = [
  '**/*.{test,spec}.*', '**/__tests__/**', '**/test/**', '**/tests/**', '**/fixtures/**', '**/__mocks__/**',
  '**/_mocks_/**', '**/mocks/**', '**/*.mock.*', '**/e2e/**', '**/cypress/**', '**/{cypress,playwright}.config.*', '**/testing/**', '**/*.stories.*',
  // Scripts whose file name has `test` as a word: `bin/testdatarunner.js`, `test-utils.ts`, `auth_test.js`, `loadTestData.ts`.
  '**/bin/*test*', '**/test{-,_,.}*', '**/test{s,ing,er,data,Data,runner,Runner,util,utils,Utils,helper,helpers,Helpers,setup,Setup}*',
  '**/*{-,_,.}test{-,_,.}*', '**/*Test{,s,ing,Data,Utils,Helper,Helpers,Runner,Setup}.*',
  // Test support folders and split test suffixes: `server/test-utils/tracing-factory.ts`, `form.clienttest.tsx`.
  '**/test{-,_}{util,utils,helper,helpers,support,fixtures,data}/**', '**/*.{clienttest,servertest}.*',
  // Test runner setup: `vitestSetup.ts`, `jest.setup.js`, `setupTests.ts`, Playwright suites.
  '**/{vitest,jest}{Setup,.setup,-setup,_setup}.*', '**/setup{Tests,Test,-tests,_tests}.*', '**/playwright/**',
  // Database seeds: documented local accounts, not deployed credentials.
  '**/seed{.,-,_}*', '**/seeds/**', '**/seeders/**', '**/*.seed.*',
  // Documentation, examples and config templates to copy: their values are for the reader to replace.
  '**/docs/**', '**/examples/**', '**/*.{example,sample,template}.*', '**/*{-,_}{example,sample,template}.*',
  // Entry points and configs for local development only: `server-dev.ts`, `config.dev.js`, `dev-server.ts`.
  '**/*{-,_,.}dev.*', '**/dev{-,_,.}*',
];

/** Option keys whose value is a signing, session or API secret wherever the object goes. */
const SECRET_OPTION_KEYS = [
  'secret', 'secrets', 'secretOrKey', 'secretOrPrivateKey', 'privateKey', 'clientSecret', 'client_secret',
  'apiKey', 'api_key', 'secretAccessKey', 'secret_access_key', 'authToken', 'auth_token', 'jwtSecret',
  'sessionSecret', 'cookieSecret', 'signingKey', 'signingSecret', 'encryptionKey', 'webhookSecret',
];

/** Words that mark a value as a placeholder in docs and examples. */
const DEFAULT_PLACEHOLDERS = [
  'changeme', 'change-me', 'change_me', 'change-this', 'change_this', 'changethis', 'your-', 'your_', 'your ', 'yoursecret',
  'yourkey', 'example', 'placeholder', 'dummy', 'fake', 'sample', 'xxx', 'redacted', 'replace', 'insert', 'todo',
  '<', '{{', '${', '***', '...',
];

/** A comment telling whoever deploys to replace a value: `// change this`, `// 务必修改`, `/* override in production *\/`. */
const CHANGE_ME_COMMENT =
  /\b(?:change|replace|override|modify|set)\b[^.\n]*\b(?:this|it|me|in production|before deploying|your own)\b|\bmust be changed\b|修改|更改|替换|变更|変更してください/i;

/** `// TODO: replace this key with an env variable`: the secret in the code is the deployed one, for now. */
const UNFINISHED_COMMENT = /\b(?:todo|fixme|hack|xxx)\b/i;

/**
 * Known credential prefixes: `whsec` in an id-prefix table (`{ webhookSecret: 'whsec' }`)
 * names the kind of id, the secret comes after the prefix.
 */
const KEY_PREFIX_PATTERN =
  /^(?:whsec|wh|sk|pk|rk|ak|ek|sk_live|sk_test|pk_live|pk_test|rk_live|rk_test|ghp|gho|ghu|ghs|ghr|github_pat|glpat|xox[abposr]|xapp|akia|asia|aiza|sg|npm|pypi|shpat|shpss|shpca|key|tok|api|sess|pat)[_-]?$/i;

/** Passwords in connection strings that only say "a password goes here". */
const PLACEHOLDER_PASSWORDS: ReadonlySet<string> = new Set(['password', 'pass', 'passwd', 'pwd', 'secret', 'pw', 'user', 'username']);

/** Per module, the functions whose n-th argument is the signing or verification key. */
const JWT_KEY_ARGUMENTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  jsonwebtoken: { sign: 1, verify: 1 },
  jose: { jwtVerify: 1 },
};

/** Calls whose first argument is a secret: `cookieParser('s')`, `cookieSession({ keys })` is handled by keys. */
const SECRET_FIRST_ARGUMENT_MODULES: ReadonlySet<string> = new Set(['cookie-parser', 'cookie-signature']);

/** The team's secret words, option keys and placeholders with the defaults; built once per options and settings. */
const getVocabulary = createConfigCache((options: Options[0], settings: RedlineSettings) => ({
  secretWords: (settings.secretWords ?? []).map((word) => word.toLowerCase()),
  secretOptionKeys: new Set([...SECRET_OPTION_KEYS, ...(options.secretOptionKeys ?? [])]),
  placeholders: [...DEFAULT_PLACEHOLDERS, ...(options.placeholders ?? [])].map((word) => word.toLowerCase()),
}));

/** Modules whose calls take a secret argument (`checkJwtCall`, `checkSecretFirstArgument`). */
const SECRET_ARGUMENT_MODULES = [...Object.keys(JWT_KEY_ARGUMENTS), ...SECRET_FIRST_ARGUMENT_MODULES];

/** Words that, beside `search`, name a search-only key: Algolia's and DocSearch's, Typesense's `search only` key. */
const PUBLIC_SEARCH_KEY_WORDS: ReadonlySet<string> = new Set(['algolia', 'docsearch', 'typesense', 'only']);

/** `ALGOLIA_SEARCH_API_KEY`, `TYPESENSE_SEARCH_ONLY_API_KEY`: search-only keys are public by design, shipped to browsers. */
function isPublicSearchKeyName(name: string): boolean {
  const words = splitIdentifierWords(name);
  return words.includes('search') && words.some((word) => PUBLIC_SEARCH_KEY_WORDS.has(word));
}

/** Words that make a name a secret on their own, for a `const` holding a literal. */
const STRONG_SECRET_WORDS: ReadonlySet<string> = new Set([
  'secret', 'secrets', 'password', 'passwd', 'passphrase', 'apikey', 'privatekey',
]);
const PASSWORD_WORDS: ReadonlySet<string> = new Set(['password', 'passwd', 'passphrase', 'pwd', 'pass']);
/** `<word> key` pairs that name a key itself (`API_KEY`, `SIGNING_KEY`); any other `key` names a slot. */
const KEY_PAIR_FIRST_WORDS: ReadonlySet<string> = new Set(['api', 'private', 'secret', 'access', 'signing', 'encryption', 'master', 'auth', 'hmac', 'jwt']);
/** Words that make a name the name *of* something: a header, cookie, storage key or field. */
const SLOT_WORDS: ReadonlySet<string> = new Set([
  'key', 'keys', 'header', 'headers', 'cookie', 'name', 'field', 'column', 'param', 'query', 'storage', 'event', 'route',
  'label', 'placeholder', 'prefix', 'selector', 'input', 'env', 'var', 'variable', 'file', 'path',
]);

/**
 * Words that name a credential for another service (`OPENAI_API_KEY`, `clientSecret`, `authToken`, a
 * password) rather than a key this app signs or encrypts with: a literal there matters only when it
 * could be a working credential, not a stand-in that keeps an optional integration from throwing.
 */
const SERVICE_CREDENTIAL_WORDS: ReadonlySet<string> = new Set(['apikey', 'token', 'credential', 'credentials', ...PASSWORD_WORDS]);
const SERVICE_CREDENTIAL_PAIRS: ReadonlySet<string> = new Set(['api key', 'client secret', 'access key', 'app key', 'account key']);
/** Stores and brokers whose secret key opens them (`MINIO_SECRET_KEY`, `S3_SECRET`), unlike a bare `SECRET_KEY` that signs. */
const STORE_WORDS: ReadonlySet<string> = new Set([
  'minio', 's3', 'aws', 'gcs', 'azure', 'storage', 'bucket', 'smtp', 'mail', 'redis', 'db', 'database', 'postgres', 'mysql', 'mongo',
  'rabbitmq', 'amqp', 'elastic', 'elasticsearch', 'ftp', 'sftp', 'ldap', 'clickhouse',
]);

/** Type tags in a config schema (`[path, 'string']`): never a value. */
const TYPE_NAMES: ReadonlySet<string> = new Set(['string', 'number', 'boolean', 'object', 'array', 'json', 'integer', 'float', 'bigint']);

/** Words naming a collection of non-secrets: `PLACEHOLDER_SECRETS`, `exampleKeys`, `weakPasswords`. */
const PLACEHOLDER_CONTAINER_WORDS: ReadonlySet<string> = new Set([
  'placeholder', 'placeholders', 'example', 'examples', 'sample', 'samples', 'dummy', 'fake', 'insecure', 'weak', 'forbidden', 'blocked', 'known',
]);

/** Relative order in which one literal's possible reports win (the most specific message first). */
const PRIORITY: Readonly<Record<MessageIds, number>> = {
  envFallback: 0, knownKey: 1, connectionPassword: 2, sinkSecret: 3, namedSecret: 4,
};

/** Last words of a variable that names where a secret goes rather than holding it. */
const SECRET_HOLDER_WORDS: ReadonlySet<string> = new Set(['cookie', 'name', 'header', 'field', 'param', 'prefix']);

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-secret',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow literal credentials in code: signing and session secrets, keys, passwords in connection strings and secret fallbacks',
      category: 'hardcoded-secret',
      cwe: ['CWE-798'],
      recommended: 'strict',
      severity: 'error',
      requiresTypeChecking: false,
    },
    messages: {
      sinkSecret:
        '{{sink}} gets a literal secret; anyone who can read the code can forge or read what it protects. Load it from the environment or a secret manager and rotate the exposed value.',
      knownKey:
        'This string is a literal {{kind}}; a credential in source code leaks with every clone, build and log of it. Load it from the environment or a secret manager and revoke this one.',
      connectionPassword:
        'This {{scheme}} connection string contains a literal password; it leaks with the code and cannot be rotated without a deploy. Build the URL from environment variables or read it whole from one.',
      envFallback:
        '`{{name}}` falls back to a literal secret when the variable is unset, so a missing setting silently runs with a value everyone can read. Fail at startup when `{{name}}` is missing instead.',
      namedSecret:
        '`{{name}}` is set to a literal secret; anyone who can read the code has it. Load it from the environment or a secret manager and rotate the exposed value.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          ignoreFiles: {
            type: 'array',
            items: { type: 'string' },
            description: 'Globs (relative to the working directory) of files whose literals are test data; replaces the default test and fixture globs.',
          },
          secretOptionKeys: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra object keys whose literal value is a secret (added to `secret`, `secretOrKey`, `apiKey`, …).',
          },
          placeholders: {
            type: 'array',
            items: { type: 'string' },
            description: 'Extra substrings (case-insensitive) that mark a value as a documentation placeholder.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ignoreFiles: DEFAULT_IGNORE_FILES, secretOptionKeys: [], placeholders: [] }],
  },
  create(context, [options]) {
    const ignoreFiles = options.ignoreFiles ?? DEFAULT_IGNORE_FILES;
    if (matchesAnyGlob(getRelativeFilename(context.filename, context.cwd), ignoreFiles)) return {};

    const sourceCode = context.sourceCode;
    const { secretWords, secretOptionKeys, placeholders } = getVocabulary(options, getRedlineSettings(context));
    const pending = new Map<TSESTree.Node, { messageId: MessageIds; data: Record<string, string> }>();
    // Calls are checked for what they take from jsonwebtoken, jose and cookie-parser: in files that name one of them.
    const checksCalls = mayMentionModule(sourceCode, SECRET_ARGUMENT_MODULES);

    return {
      Literal(node) {
        if (typeof node.value === 'string') checkStringShape(node, node.value);
      },
      TemplateLiteral(node) {
        // Expressions become a marker so `postgres://u:${pw}@h` reads as a computed password.
        const text = node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('${}');
        checkStringShape(node, text);
      },
      LogicalExpression(node) {
        if (node.operator !== '||' && node.operator !== '??' || !isStringish(node.right)) return;
        const name = getEnvVariableName(node.left);
        if (name === undefined || !isSecretName(name, secretWords) || namesWhereSecretGoes(name)) return;
        const literal = getSecretLiteral(node.right);
        if (literal && looksLikeSecretValue(literal.value, undefined, true) && couldWork(name, literal.value)) add(literal.node, 'envFallback', { name });
      },
      VariableDeclarator(node) {
        // `const { JWT_SECRET = 'dev' } = process.env`
        if (node.id.type === AST_NODE_TYPES.ObjectPattern && node.init && isProcessEnv(node.init)) {
          for (const property of node.id.properties) {
            if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.AssignmentPattern) continue;
            const name = getPropertyKeyName(property);
            const literal = getSecretLiteral(property.value.right);
            if (name !== undefined && isSecretName(name, secretWords) && !namesWhereSecretGoes(name) && literal && looksLikeSecretValue(literal.value, undefined, true) && couldWork(name, literal.value)) {
              add(literal.node, 'envFallback', { name });
            }
          }
          return;
        }
        // `const JWT_SECRET = 'secret-key'`, `export const SECRET = '…'`
        if (node.id.type !== AST_NODE_TYPES.Identifier || !node.init || !isStringish(node.init)) return;
        const name = node.id.name;
        if (!mayNameSecret(name) || !isStrongSecretName(name) || isReassignable(node)) return;
        const literal = getDirectLiteral(node.init);
        // A value with spaces under a secret-ish name is a message (`NO_PASSWORD = 'Password not found'`).
        if (literal && !/\s/.test(literal.value.trim()) && looksLikeSecretValue(literal.value, name) && couldWork(name, literal.value)) add(literal.node, 'namedSecret', { name });
      },
      Property(node) {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression || !isValueWorthChecking(node.value)) return;
        const key = getPropertyKeyName(node);
        // `'POST /api/users/:id/api-key': 'users/create-api-key'`: a route table maps paths to actions.
        if (key === undefined || /^(?:get|post|put|patch|delete|head|options|all)\s+\//i.test(key)) return;
        if (secretOptionKeys.has(key) || (mayNameSecret(key) && isStrongOptionKey(key))) {
          // `'X-Algolia-API-Key': ALGOLIA_SEARCH_API_KEY`: the constant's name says it is a search-only key.
          const value = unwrapExpression(node.value);
          if (value.type === AST_NODE_TYPES.Identifier && isPublicSearchKeyName(value.name)) return;
          for (const literal of getSecretLiterals(node.value)) {
            // `privateKeyPem: 'sec:privateKeyPem'`: a JSON-LD context maps a term to its vocabulary IRI.
            if (literal.value === `${literal.value.split(':')[0]}:${key}`) continue;
            // `{ '--api-key': 'apiKey' }`: a table from a CLI flag or field to an option name holds names, not values.
            if (!looksLikeSecretValue(literal.value, literal.node === unwrapExpression(node.value) ? key : undefined) || !couldWork(key, literal.value)) continue;
            // `{ webhook: 'wh', webhookSecret: 'whsec', token: 'pmk' }`: a table of short ids, not a config.
            if (literal.node === unwrapExpression(node.value) && isShortLowEntropy(literal.value) && isShortLiteralTable(node.parent)) continue;
            add(literal.node, 'sinkSecret', { sink: `The \`${key}\` option` });
          }
          return;
        }
        // `password` only counts in a connection shape: `{ host, user, password }`, nodemailer's `{ user, pass }`.
        // A basic-auth password guards this app, whatever it says; a connection's opens another service, if it could work.
        if (key !== 'password' && key !== 'pass') return;
        const guardsThisApp = isBasicAuthOptions(node.parent);
        if (guardsThisApp || isConnectionObject(node.parent)) {
          const literal = getSecretLiteral(node.value);
          if (literal && looksLikeSecretValue(literal.value) && (guardsThisApp || couldWork(key, literal.value))) add(literal.node, 'sinkSecret', { sink: `The connection's \`${key}\`` });
        }
      },
      ...(checksCalls && {
        CallExpression(node: TSESTree.CallExpression) {
          checkJwtCall(node);
          checkSecretFirstArgument(node);
        },
      }),
      'Program:exit'() {
        for (const [node, report] of pending) context.report({ node, ...report });
      },
    };

    /** A cheap test before word splitting: can this name contain a strong secret word at all? */
    function mayNameSecret(name: string): boolean {
      return /secret|key|pass|pwd|credential/i.test(name) || secretWords.some((word) => name.toLowerCase().includes(word));
    }

    /** A literal string or plain template (cheap test before any name analysis). */
    function isStringish(node: TSESTree.Node): boolean {
      const expression = unwrapExpression(node);
      return (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'string') ||
        (expression.type === AST_NODE_TYPES.TemplateLiteral && expression.expressions.length === 0);
    }

    /** Property values that can hold a literal secret: strings, arrays, `a || 'x'`, identifiers, encoder calls. */
    function isValueWorthChecking(node: TSESTree.Node): boolean {
      const expression = unwrapExpression(node);
      switch (expression.type) {
        case AST_NODE_TYPES.Literal:
          return typeof expression.value === 'string';
        case AST_NODE_TYPES.TemplateLiteral:
        case AST_NODE_TYPES.ArrayExpression:
        case AST_NODE_TYPES.LogicalExpression:
        case AST_NODE_TYPES.Identifier:
        case AST_NODE_TYPES.CallExpression:
          return true;
        default:
          return false;
      }
    }

    function add(node: TSESTree.Node, messageId: MessageIds, data: Record<string, string>): void {
      if (messageId !== 'knownKey' && (isInsidePlaceholderList(node) || isMarkedToChange(node))) return;
      const existing = pending.get(node);
      if (existing && PRIORITY[existing.messageId] <= PRIORITY[messageId]) return;
      pending.set(node, { messageId, data });
    }

    function checkStringShape(node: TSESTree.Node, text: string): void {
      if (text.length < 12) return;
      if (text.length >= MIN_SECRET_PATTERN_LENGTH && SECRET_PATTERN_PREFILTER.test(text)) {
        for (const { kind, pattern } of SECRET_PATTERNS) {
          const match = pattern.exec(text);
          if (match && !isPlaceholder(match[0]) && !isRepeatedFiller(match[0])) {
            add(node, 'knownKey', { kind });
            return;
          }
        }
      }
      if (!text.includes('://')) return;
      const connection = CONNECTION_STRING_PATTERN.exec(text);
      const password = connection?.groups?.['password'];
      if (!connection || password === undefined) return;
      if (password.includes('${}') || password.startsWith('$') || password.startsWith('%')) return;
      if (PLACEHOLDER_PASSWORDS.has(password.toLowerCase()) || isPlaceholder(password) || isRepeatedFiller(password)) return;
      if (password === connection.groups?.['user']) return;
      add(node, 'connectionPassword', { scheme: connection.groups?.['scheme'] ?? 'database' });
    }

    /** `jwt.sign(payload, 'k')`, `jwt.verify(token, 'k')`, `verify(t, 'k')` from jsonwebtoken; jose's `jwtVerify(t, key)` and `new SignJWT(…).sign(key)`. */
    function checkJwtCall(node: TSESTree.CallExpression): void {
      const callee = unwrapExpression(node.callee);
      const root = callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : callee;
      let keyIndex: number | undefined;
      if (root.type === AST_NODE_TYPES.Identifier) {
        const binding = getModuleBinding(sourceCode, root);
        if (!binding) return;
        const method = callee.type === AST_NODE_TYPES.Identifier ? binding.imported : getCalleeName(node);
        keyIndex = method === undefined ? undefined : JWT_KEY_ARGUMENTS[binding.source]?.[method];
      } else if (getCalleeName(node) === 'sign' && isJoseSignChain(root)) {
        keyIndex = 0;
      }
      if (keyIndex === undefined) return;
      const argument = node.arguments[keyIndex];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
      const literal = getSecretLiteral(argument);
      if (literal && looksLikeSecretValue(literal.value)) {
        add(literal.node, 'sinkSecret', { sink: `\`${sourceCode.getText(node.callee)}\`` });
      }
    }

    /** `new SignJWT(claims).setProtectedHeader(…).setExpirationTime(…)` with SignJWT from jose. */
    function isJoseSignChain(node: TSESTree.Node): boolean {
      let current = unwrapExpression(node);
      while (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
        current = unwrapExpression(current.callee.object);
      }
      if (current.type !== AST_NODE_TYPES.NewExpression || current.callee.type !== AST_NODE_TYPES.Identifier) return false;
      const binding = getModuleBinding(sourceCode, current.callee);
      return binding?.source === 'jose' && binding.imported === 'SignJWT';
    }

    /** `cookieParser('s')` (and aliases of cookie-parser). */
    function checkSecretFirstArgument(node: TSESTree.CallExpression): void {
      const callee = unwrapExpression(node.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier) return;
      const binding = getModuleBinding(sourceCode, callee);
      if (!binding || !SECRET_FIRST_ARGUMENT_MODULES.has(binding.source)) return;
      const [first] = node.arguments;
      if (!first || first.type === AST_NODE_TYPES.SpreadElement) return;
      for (const literal of getSecretLiterals(first)) {
        if (looksLikeSecretValue(literal.value)) add(literal.node, 'sinkSecret', { sink: `\`${callee.name}\`` });
      }
    }

    /** The literals an expression may evaluate to: itself, array elements, `a || 'lit'`. */
    function getSecretLiterals(node: TSESTree.Node): { node: TSESTree.Node; value: string }[] {
      const expression = unwrapExpression(node);
      if (expression.type === AST_NODE_TYPES.ArrayExpression) {
        return expression.elements.flatMap((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? getSecretLiterals(element) : []));
      }
      const literal = getSecretLiteral(expression);
      return literal ? [literal] : [];
    }

    /**
     * The string literal an expression evaluates to, following `x || 'lit'`,
     * `x ?? 'lit'`, `new TextEncoder().encode('lit')`, `Buffer.from('lit')` and,
     * when `follow` is set, a `const` in this file initialised with one.
     */
    function getSecretLiteral(node: TSESTree.Node, follow = true, depth = 0): { node: TSESTree.Node; value: string } | undefined {
      if (depth > 4) return undefined;
      const expression = unwrapExpression(node);
      switch (expression.type) {
        case AST_NODE_TYPES.Literal:
          return typeof expression.value === 'string' ? { node: expression, value: expression.value } : undefined;
        case AST_NODE_TYPES.TemplateLiteral:
          return expression.expressions.length === 0
            ? { node: expression, value: expression.quasis[0]?.value.cooked ?? '' }
            : undefined;
        case AST_NODE_TYPES.LogicalExpression:
          return expression.operator === '&&' ? undefined : getSecretLiteral(expression.right, follow, depth + 1);
        case AST_NODE_TYPES.CallExpression: {
          const path = getMemberPath(expression.callee);
          const isEncode =
            (path?.join('.') === 'Buffer.from') ||
            (getCalleeName(expression) === 'encode' &&
              expression.callee.type === AST_NODE_TYPES.MemberExpression &&
              expression.callee.object.type === AST_NODE_TYPES.NewExpression &&
              getMemberPath(expression.callee.object.callee)?.join('.') === 'TextEncoder');
          const [first] = expression.arguments;
          return isEncode && first && first.type !== AST_NODE_TYPES.SpreadElement
            ? getSecretLiteral(first, follow, depth + 1)
            : undefined;
        }
        case AST_NODE_TYPES.Identifier: {
          if (!follow) return undefined;
          const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
          const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
          if (
            definition?.type !== 'Variable' ||
            definition.parent.kind !== 'const' ||
            definition.node.id.type !== AST_NODE_TYPES.Identifier ||
            !definition.node.init
          ) {
            return undefined;
          }
          return getSecretLiteral(definition.node.init, follow, depth + 1);
        }
        default:
          return undefined;
      }
    }

    /** `process.env.JWT_SECRET`, `process.env['JWT_SECRET']`, `Bun.env.X` → the variable name. */
    function getEnvVariableName(node: TSESTree.Node): string | undefined {
      const path = getMemberPath(node);
      if (!path || path.length !== 3) return undefined;
      const [object, env, name] = path;
      return (object === 'process' || object === 'Bun' || object === 'Deno') && env === 'env' ? name : undefined;
    }

    function isProcessEnv(node: TSESTree.Node): boolean {
      return getMemberPath(node)?.join('.') === 'process.env';
    }

    /** `{ host, user, password }` / `{ database, username, password }`: a connection config, not a user record. */
    function isConnectionObject(object: TSESTree.ObjectExpression): boolean {
      const has = (name: string) => findProperty(object, name) !== undefined;
      return has('host') || has('database') || has('dialect') || has('connectionString') || (has('user') && has('pass'));
    }

    /**
     * A name that holds a secret itself, judged more strictly than a log field:
     * `JWT_SECRET`, `apiKey`, `DB_PASSWORD`, `PRIVATE_KEY` — not `AUTH_TOKEN`,
     * `TYPE_SESSION` or `OAUTH_CSRF_COOKIE` (often the *name* of a header,
     * cookie or storage slot), nor `TOKEN_KEY` / `HEADER_KEY_TOKEN` (a slot for one).
     */
    function isStrongSecretName(name: string): boolean {
      if (!isSecretName(name, secretWords)) return false;
      const words = splitIdentifierWords(name);
      let strong = false;
      for (let index = 0; index < words.length; index++) {
        const word = words[index]!;
        const next = words[index + 1];
        if (STRONG_SECRET_WORDS.has(word) || secretWords.includes(word)) strong = true;
        else if (next === 'key' && KEY_PAIR_FIRST_WORDS.has(word)) {
          strong = true;
          index++;
        } else if (SLOT_WORDS.has(word)) return false;
      }
      return strong;
    }

    /** `zapApiKey`, `stripeSecretKey`: a strong name that is not a password (those are often form labels or seed users). */
    function isStrongOptionKey(key: string): boolean {
      return isStrongSecretName(key) && !splitIdentifierWords(key).some((word) => PASSWORD_WORDS.has(word));
    }

    /**
     * Whether a literal under this name could be the secret that matters. A key the app signs, encrypts or
     * verifies with (`JWT_SECRET`, `session.secret`) is live whatever it says, even `'unknown'` when the
     * variable is unset. A credential for another service (`OPENAI_API_KEY || 'not-used'`, `clientSecret`,
     * a password) only when the literal could be a working one: a stand-in such as `'sk-proj-'`, `'ollama'`
     * or `'pending_provisioning'` opens nothing.
     */
    /** `SESSION_COOKIE`, `AUTH_HEADER`, `TOKEN_COOKIE_NAME`: the name of the cookie or header a secret travels in. */
    function namesWhereSecretGoes(name: string): boolean {
      return SECRET_HOLDER_WORDS.has(splitIdentifierWords(name).at(-1) ?? '');
    }

    function couldWork(name: string, value: string): boolean {
      return !isServiceCredentialName(name) || looksLikeWorkingCredential(value, splitIdentifierWords(name).some((word) => PASSWORD_WORDS.has(word)));
    }

    function isServiceCredentialName(name: string): boolean {
      const words = splitIdentifierWords(name);
      const paired = words.some((word, index) => SERVICE_CREDENTIAL_PAIRS.has(`${word} ${words[index + 1]}`));
      const opensStore = words.includes('secret') && words.some((word) => STORE_WORDS.has(word));
      // `TOKEN_SECRET`, `ACCESS_TOKEN_SECRET`: the secret that signs tokens, not a token some service issued.
      if (words.at(-1) === 'secret' && !paired && !opensStore) return false;
      return paired || opensStore || words.some((word) => SERVICE_CREDENTIAL_WORDS.has(word));
    }

    /**
     * A value shaped like a working credential: no spaces, long enough (8 characters for a password, 16 for
     * a key or token) and mixing at least two of lower case, upper case, digits and symbols (`-`, `_` and
     * `.` only join words).
     */
    function looksLikeWorkingCredential(value: string, isPassword: boolean): boolean {
      const trimmed = value.trim();
      if (/\s/.test(trimmed) || trimmed.length < (isPassword ? 8 : 16)) return false;
      const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^\w.-]/].filter((pattern) => pattern.test(trimmed)).length;
      return classes >= 2;
    }

    /** A string literal or plain template written right there. */
    function getDirectLiteral(node: TSESTree.Node): { node: TSESTree.Node; value: string } | undefined {
      const expression = unwrapExpression(node);
      if (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'string') return { node: expression, value: expression.value };
      if (expression.type === AST_NODE_TYPES.TemplateLiteral && expression.expressions.length === 0) {
        return { node: expression, value: expression.quasis[0]?.value.cooked ?? '' };
      }
      return undefined;
    }

    /**
     * `const PLACEHOLDER_SECRETS = { JWT_SECRET: 'secret' }`, `EXAMPLE_KEYS`:
     * a list of values the code refuses or documents, named as such.
     */
    function isInsidePlaceholderList(node: TSESTree.Node): boolean {
      for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
        // An OpenAPI schema's `example: [{ secret: 'a3c8…' }]`: a documented sample response.
        if (current.type === AST_NODE_TYPES.Property && current.value !== node && splitIdentifierWords(getPropertyKeyName(current) ?? '').some((word) => PLACEHOLDER_CONTAINER_WORDS.has(word))) return true;
        if (current.type === AST_NODE_TYPES.VariableDeclarator) {
          return current.id.type === AST_NODE_TYPES.Identifier && splitIdentifierWords(current.id.name).some((word) => PLACEHOLDER_CONTAINER_WORDS.has(word));
        }
        if (current.type !== AST_NODE_TYPES.Property && current.type !== AST_NODE_TYPES.ObjectExpression && current.type !== AST_NODE_TYPES.ArrayExpression &&
          current.type !== AST_NODE_TYPES.TSAsExpression && current.type !== AST_NODE_TYPES.TSSatisfiesExpression) {
          return false;
        }
      }
      return false;
    }

    /** `basicAuth({ username: 'admin', password: '…' })` (hono, express-basic-auth, koa-basic-auth). */
    function isBasicAuthOptions(object: TSESTree.ObjectExpression): boolean {
      const call = object.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(object)) return false;
      return /basic_?auth/i.test(getCalleeName(call) ?? '') && findProperty(object, 'username') !== undefined;
    }

    /** A `let`/`var` is state that changes, not a configured secret. */
    function isReassignable(node: TSESTree.VariableDeclarator): boolean {
      return node.parent.type === AST_NODE_TYPES.VariableDeclaration && node.parent.kind !== 'const';
    }

    /**
     * Whether a literal bound to a secret-named thing holds a secret rather than
     * a name for one: not empty, not a placeholder, not an env variable or
     * header name (`JWT_SECRET`, `x-api-key`), not a sentence, not a path.
     */
    function looksLikeSecretValue(value: string, name?: string, fallback = false): boolean {
      const trimmed = value.trim();
      if (trimmed.length < 4 || KEY_PREFIX_PATTERN.test(trimmed) || TYPE_NAMES.has(trimmed)) return false;
      // A fallback is what runs in production when the variable is unset: `'your-secret-here'` is then the secret.
      if (!fallback && (isPlaceholder(trimmed) || isRepeatedFiller(trimmed))) return false;
      // An env variable or DI token name; not as a fallback, where `'YOUR_UNIQUE_JWT_TOKEN_SECRET'` is what signs.
      if (!fallback && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(trimmed)) return false;
      if (/^(?:x-[a-z0-9-]+|authorization|bearer|basic|cookie|set-cookie)$/i.test(trimmed)) return false; // a header or scheme name
      if (/^[a-z]+(?:\.[\w-]+)+$/.test(trimmed)) return false; // a config path or i18n key (`jwt.secret`, `label.new-password`)
      if (!fallback && trimmed.split(/\s+/).length > 3) return false; // a sentence: a description or an error message
      if (/^(?:\/|\.\/|\.\.\/|https?:\/\/)/.test(trimmed) && !trimmed.includes('@')) return false; // a path or URL
      // `const password = 'password'`, `{ simplefin_accessKey: 'simplefin_accessKey' }` (an enum of secret names): a
      // field name, not a value (only for names; `jwt.sign(p, 'secret')` is a secret).
      if (name !== undefined && /^[a-z][\w-]*$/i.test(trimmed) && toNameKey(trimmed) === toNameKey(name)) return false;
      return true;
    }

    /**
     * A default its author marks for replacing, in a comment on its line or the
     * line above: `session_secret: 'node_club_secret', // 务必修改` ("be sure to change").
     * The value is a stand-in the deployment overrides, not the deployed secret.
     */
    function isMarkedToChange(node: TSESTree.Node): boolean {
      const line = node.loc.start.line;
      return sourceCode.getAllComments().some((comment) => (comment.loc.end.line === line || comment.loc.end.line === line - 1) &&
        comment.loc.start.line <= line && CHANGE_ME_COMMENT.test(comment.value) && !UNFINISHED_COMMENT.test(comment.value));
    }

    function toNameKey(name: string): string {
      return name.toLowerCase().replace(/[_-]/g, '');
    }

    function isPlaceholder(value: string): boolean {
      const lower = value.toLowerCase();
      // `put-your-key-here`, `session_cookie_secret_key_here`: an instruction, not a value.
      // `__JWT_SECRET_KEY__`, `%API_KEY%`: a token a setup script or the README says to substitute.
      return placeholders.some((word) => lower.includes(word)) || /[-_ ]here$/.test(lower) || /^(?:__[A-Z][A-Z0-9_]*__|%[A-Z][A-Z0-9_]*%)$/.test(value);
    }

    /** Too short and too plain to be a credential: `whsec`, `evt`, `pmk` (< 8 characters, no digit, one case). */
    function isShortLowEntropy(value: string): boolean {
      return value.length < 8 && !/\d/.test(value) && !(/[a-z]/.test(value) && /[A-Z]/.test(value));
    }

    /** An object of three or more properties whose values are all short plain string literals (an id-prefix or label table). */
    function isShortLiteralTable(object: TSESTree.ObjectExpression): boolean {
      if (object.properties.length < 3) return false;
      return object.properties.every((property) => {
        if (property.type !== AST_NODE_TYPES.Property) return false;
        const literal = getDirectLiteral(property.value);
        return literal !== undefined && isShortLowEntropy(literal.value);
      });
    }

    /** `xxxxxxxx`, `00000000`, `********`: filler, not a key. */
    function isRepeatedFiller(value: string): boolean {
      const body = value.replace(/^[a-z]+[_-](?:live_|test_)?/i, '');
      return body.length > 0 && /^(.)\1*$/.test(body);
    }
  },
});
