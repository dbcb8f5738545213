import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, getCalleeName, getMemberPath, getPropertyKeyName, getStaticKey, isFunctionNode, unwrapExpression } from '../utils/ast.js';
import { createRule } from '../utils/create-rule.js';
import { isTestFile } from '../utils/file-kind.js';
import { mayMentionModule } from '../utils/text-gate.js';

type Options = [{ verifyFunctions: string[]; suggestedExpiresIn: string }];
type MessageIds = 'decodeForAuth' | 'ignoreExpiration' | 'noneAlgorithm' | 'mixedAlgorithms' | 'signWithoutExpiry' | 'addExpiresIn';

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** What a local name is: the jsonwebtoken module, one of its functions, a jose function, or a Nest `JwtService`. */
type JwtBinding =
  | { kind: 'module' }
  | { kind: 'function'; name: 'sign' | 'verify' | 'decode' }
  | { kind: 'jose'; name: string };

const JWT_PACKAGES: ReadonlySet<string> = new Set(['jsonwebtoken', '@nestjs/jwt', 'jose', 'passport-jwt', 'express-jwt', 'koa-jwt', '@fastify/jwt', 'hono/jwt']);
const VERIFY_NAMES = /^(?:verify|verifyAsync|jwtVerify|verifyToken|verifyJwt|verifyAccessToken|compactVerify)$/;
const DB_LOOKUPS = /^(?:findById|findOne|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findByPk|findOneBy|findOneOrFail|findOneByOrFail|where|getUser|getUserById|findUser|findUserById)$/;
const EXPIRY_CLAIMS = /^(?:exp|expires|expiresAt|expires_at|expiry|expiration|expirationTime|validUntil|createdAt|issuedAt)$/;
const SYMMETRIC = /^HS\d+$/;
const ASYMMETRIC = /^(?:RS|PS|ES)\d+$|^EdDSA$/;

/** `invite.seed.ts`, `prisma/seed.ts`, `src/seeds/users.ts`: data seeding scripts. */
const SEED_FILE = /(?:^|\/)(?:seeds?\/|[^/]*\.seeds?\.[cm]?[jt]s$|seeds?\.[cm]?[jt]s$)/;

export default createRule<Options, MessageIds>({
  name: 'no-jwt-misuse',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow JWT misuse: decoding without verifying to authenticate, ignoring expiry, the `none` algorithm, mixed HMAC/RSA algorithms, and tokens signed without expiry',
      category: 'jwt-misuse',
      cwe: ['CWE-347', 'CWE-613'],
      recommended: 'strict',
      severity: 'error',
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      decodeForAuth:
        '`{{call}}` reads the token without checking its signature, and its result decides who the caller is here, so anyone can forge a token with any user id or role; use `{{verify}}` with your secret or public key instead.',
      ignoreExpiration:
        '`ignoreExpiration: true` accepts tokens that have expired, so a leaked or logged-out token works forever; remove it and let expired tokens fail (refresh them instead).',
      noneAlgorithm:
        '`{{value}}` allows unsigned tokens: anyone can mint a token the server accepts; allow only the algorithm you sign with (for example `[\'HS256\']` or `[\'RS256\']`).',
      mixedAlgorithms:
        '`algorithms` mixes HMAC ({{hmac}}) and public-key ({{asymmetric}}) algorithms, which lets an attacker sign a token with your public key as an HMAC secret (key confusion); allow only the one family you sign with.',
      signWithoutExpiry:
        '`{{call}}` signs a token with no expiry (`expiresIn` or `exp`), so a stolen or leaked token stays valid forever; set a short `expiresIn` for access tokens (and rotate refresh tokens).',
      addExpiresIn: 'Add `expiresIn: \'{{value}}\'`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          verifyFunctions: {
            type: 'array',
            items: { type: 'string' },
            description: 'Names of your own helpers that verify a token (a `decode` next to one of them is not reported).',
          },
          suggestedExpiresIn: {
            type: 'string',
            description: 'The `expiresIn` value the suggestion inserts.',
          },
        },
      },
    ],
    defaultOptions: [{ verifyFunctions: [], suggestedExpiresIn: '15m' }],
  },
  create(context, [options]) {
    // Seed scripts sign tokens for demo rows that no one signs in with (`invite.seed.ts`, `prisma/seed.ts`, `seeds/`).
    if (isTestFile(context.filename) || SEED_FILE.test(context.filename.replace(/\\/g, '/'))) return {};
    const sourceCode = context.sourceCode;
    // Everything here hangs on an import or require of a JWT package.
    if (!mayMentionModule(sourceCode, JWT_PACKAGES)) return {};
    const bindings = new Map<TSESLint.Scope.Variable, JwtBinding>();
    /** `this.<name>` members typed `JwtService` from `@nestjs/jwt`. */
    const nestServices = new Set<string>();
    const verifyFunctions = new Set(options.verifyFunctions);
    let importsJwt = false;
    /** `JwtModule.register({ signOptions: { expiresIn } })` in this file. */
    let nestModuleHasExpiry: boolean | undefined;
    const nestSignCalls: TSESTree.CallExpression[] = [];

    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        if (!JWT_PACKAGES.has(source)) return;
        importsJwt = true;
        for (const specifier of node.specifiers) {
          const imported =
            specifier.type === AST_NODE_TYPES.ImportSpecifier
              ? specifier.imported.type === AST_NODE_TYPES.Identifier
                ? specifier.imported.name
                : specifier.imported.value
              : 'default';
          const binding = getBinding(source, imported);
          if (binding) for (const variable of sourceCode.getDeclaredVariables(specifier)) bindings.set(variable, binding);
        }
      },
      VariableDeclarator(node) {
        if (!node.init) return;
        const init = unwrapExpression(node.init);
        if (init.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.Identifier || init.callee.name !== 'require') return;
        const source = init.arguments[0] ? getStaticKey(init.arguments[0]) : undefined;
        if (source === undefined || !JWT_PACKAGES.has(source)) return;
        importsJwt = true;
        if (node.id.type === AST_NODE_TYPES.Identifier) {
          const binding = getBinding(source, 'default');
          if (binding) for (const variable of sourceCode.getDeclaredVariables(node)) bindings.set(variable, binding);
          return;
        }
        if (node.id.type !== AST_NODE_TYPES.ObjectPattern) return;
        for (const property of node.id.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
          const key = getPropertyKeyName(property);
          const binding = key === undefined ? undefined : getBinding(source, key);
          const variable = ASTUtils.findVariable(sourceCode.getScope(property.value), property.value);
          if (binding && variable) bindings.set(variable, binding);
        }
      },
      // `constructor(private readonly jwtService: JwtService)` and `private jwt: JwtService` fields.
      TSParameterProperty(node) {
        const param = node.parameter;
        if (param.type === AST_NODE_TYPES.Identifier && isJwtServiceType(param.typeAnnotation)) nestServices.add(param.name);
      },
      PropertyDefinition(node) {
        const name = getPropertyKeyName(node);
        if (name !== undefined && isJwtServiceType(node.typeAnnotation)) nestServices.add(name);
      },
      Property(node) {
        if (!importsJwt || getPropertyKeyName(node) !== 'ignoreExpiration') return;
        const value = unwrapExpression(node.value);
        if (value.type === AST_NODE_TYPES.Literal && value.value === true) context.report({ node, messageId: 'ignoreExpiration' });
      },
      CallExpression(call) {
        if (!importsJwt) return;
        const target = getJwtCall(call);
        if (!target) return;
        if (target.operation === 'sign') checkSign(call, target.label, target.nest);
        else if (target.operation === 'verify') checkVerifyOptions(call);
        else if (target.operation === 'decode') checkDecode(call, target.label);
        else if (target.operation === 'register') nestModuleHasExpiry = hasModuleExpiry(call);
      },
      NewExpression(node) {
        if (!importsJwt || node.callee.type !== AST_NODE_TYPES.Identifier) return;
        const binding = resolve(node.callee);
        if (binding?.kind === 'jose' && binding.name === 'SignJWT') checkSignJwtChain(node);
      },
      'Program:exit'() {
        // `jwtService.sign(payload)` relies on the module's `signOptions`; judge it only when they are in this file.
        if (nestModuleHasExpiry !== false) return;
        for (const call of nestSignCalls) {
          context.report({ node: call, messageId: 'signWithoutExpiry', data: { call: getLabel(call) } });
        }
      },
    };

    /** Which JWT operation a call is, if any. */
    function getJwtCall(
      call: TSESTree.CallExpression,
    ): { operation: 'sign' | 'verify' | 'decode' | 'register'; label: string; nest: boolean } | undefined {
      const callee = unwrapExpression(call.callee);
      const label = getLabel(call);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const binding = resolve(callee);
        if (binding?.kind === 'function') return { operation: binding.name, label, nest: false };
        if (binding?.kind === 'jose') {
          if (binding.name === 'decodeJwt') return { operation: 'decode', label, nest: false };
          if (binding.name === 'jwtVerify') return { operation: 'verify', label, nest: false };
        }
        return undefined;
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const path = getMemberPath(callee);
      if (!path || path.length < 2) return undefined;
      const method = path.at(-1)!;
      // `JwtModule.register({...})`
      if (path.length === 2 && path[0] === 'JwtModule' && (method === 'register' || method === 'registerAsync')) {
        return { operation: 'register', label, nest: true };
      }
      const object = unwrapExpression(callee.object);
      if (object.type === AST_NODE_TYPES.Identifier) {
        const binding = resolve(object);
        if (binding?.kind === 'module' && (method === 'sign' || method === 'verify' || method === 'decode')) return { operation: method, label, nest: false };
        return undefined;
      }
      if (path.length === 3 && path[0] === 'this' && nestServices.has(path[1]!)) {
        if (method === 'sign' || method === 'signAsync') return { operation: 'sign', label, nest: true };
        if (method === 'verify' || method === 'verifyAsync') return { operation: 'verify', label, nest: true };
        if (method === 'decode') return { operation: 'decode', label, nest: true };
      }
      return undefined;
    }

    /** `jwt.sign(payload, secret, options?, callback?)` / `jwtService.sign(payload, options?)`. */
    function checkSign(call: TSESTree.CallExpression, label: string, nest: boolean): void {
      const args = call.arguments;
      if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return;
      const payload = args[0];
      if (!payload) return;
      const payloadObject = resolveObject(payload);
      // A string payload cannot carry `exp`, and jsonwebtoken rejects expiresIn with it: not this rule's concern.
      if (!payloadObject) return;
      if (hasUnknownParts(payloadObject) || hasExpiryClaim(payloadObject) || hasRevocationVersion(payloadObject)) return;
      const optionsIndex = nest ? 1 : 2;
      const optionsNode = args[optionsIndex];
      if (optionsNode && !isFunctionNode(optionsNode)) {
        checkAlgorithmOption(optionsNode);
        const optionsObject = resolveObject(optionsNode);
        if (!optionsObject || hasUnknownParts(optionsObject) || findProperty(optionsObject, 'expiresIn')) return;
      }
      // `jwtService.sign` merges the module's `signOptions`, which usually live in another file.
      if (nest) {
        nestSignCalls.push(call);
        return;
      }
      const value = options.suggestedExpiresIn;
      context.report({
        node: call,
        messageId: 'signWithoutExpiry',
        data: { call: label },
        suggest: [
          {
            messageId: 'addExpiresIn',
            data: { value },
            fix: (fixer) => {
              const text = `expiresIn: '${value}'`;
              if (optionsNode && !isFunctionNode(optionsNode)) {
                const object = unwrapExpression(optionsNode);
                if (object.type !== AST_NODE_TYPES.ObjectExpression) return null;
                const last = object.properties.at(-1);
                return last ? fixer.insertTextAfter(last, `, ${text}`) : fixer.replaceText(object, `{ ${text} }`);
              }
              const anchor = nest ? args[0] : args[1];
              return anchor ? fixer.insertTextAfter(anchor, `, { ${text} }`) : null;
            },
          },
        ],
      });
    }

    function checkVerifyOptions(call: TSESTree.CallExpression): void {
      for (const argument of call.arguments.slice(1)) {
        if (argument.type !== AST_NODE_TYPES.SpreadElement && !isFunctionNode(argument)) checkAlgorithmOption(argument);
      }
    }

    /** `algorithms: ['none']`, `algorithm: 'none'`, `algorithms: ['HS256', 'RS256']`. */
    function checkAlgorithmOption(node: TSESTree.Node): void {
      const object = unwrapExpression(node);
      if (object.type !== AST_NODE_TYPES.ObjectExpression) return;
      const single = findProperty(object, 'algorithm');
      if (single && getStaticKey(single.value)?.toLowerCase() === 'none') {
        context.report({ node: single, messageId: 'noneAlgorithm', data: { value: sourceCode.getText(single) } });
      }
      const list = findProperty(object, 'algorithms');
      const array = list ? unwrapExpression(list.value) : undefined;
      if (!list || array?.type !== AST_NODE_TYPES.ArrayExpression) return;
      const names = array.elements.map((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? getStaticKey(element) : undefined));
      if (names.some((name) => name?.toLowerCase() === 'none')) {
        context.report({ node: list, messageId: 'noneAlgorithm', data: { value: sourceCode.getText(list) } });
        return;
      }
      const hmac = names.filter((name): name is string => name !== undefined && SYMMETRIC.test(name));
      const asymmetric = names.filter((name): name is string => name !== undefined && ASYMMETRIC.test(name));
      if (hmac.length > 0 && asymmetric.length > 0) {
        context.report({ node: list, messageId: 'mixedAlgorithms', data: { hmac: hmac.join(', '), asymmetric: asymmetric.join(', ') } });
      }
    }

    /**
     * `jwt.decode(token)` whose result decides access: no verification in the
     * same function, and the result becomes `req.user`, feeds a user lookup, or
     * is tested in a middleware/guard. Reading a header `kid` before `verify` is fine.
     */
    function checkDecode(call: TSESTree.CallExpression, label: string): void {
      const fn = getEnclosingFunction(call);
      if (!fn || containsVerify(fn) || isProviderToken(call, fn)) return;
      const names = getResultNames(call);
      if (names.size === 0) return;
      if (!drivesAccess(fn, names)) return;
      context.report({ node: call, messageId: 'decodeForAuth', data: { call: label, verify: label.replace(/decode(?:Jwt)?$/, (match) => (match === 'decodeJwt' ? 'jwtVerify' : 'verify')) } });
    }

    /**
     * An OAuth strategy's verify callback (`function (accessToken, refreshToken, params, profile, cb)`) decoding
     * what it was given: the provider's token endpoint sent that token to this server, no user did.
     */
    function isProviderToken(call: TSESTree.CallExpression, fn: FunctionNode): boolean {
      const parameters = new Set(fn.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
      if (!parameters.has('accessToken') || !parameters.has('refreshToken')) return false;
      const [token] = call.arguments;
      const root = token && getMemberPath(token)?.[0];
      return root !== undefined && parameters.has(root);
    }

    function containsVerify(fn: FunctionNode): boolean {
      let found = false;
      walk(fn.body, (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression) return;
        const name = getCalleeName(node);
        if (name !== undefined && (VERIFY_NAMES.test(name) || verifyFunctions.has(name))) found = true;
      });
      return found;
    }

    /** Names bound to a decode result: `const decoded = jwt.decode(t)`, `const { sub, role } = jwt.decode(t) as P`. */
    function getResultNames(call: TSESTree.CallExpression): Set<string> {
      const names = new Set<string>();
      let node: TSESTree.Node = call;
      while (
        node.parent &&
        (node.parent.type === AST_NODE_TYPES.TSAsExpression ||
          node.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
          node.parent.type === AST_NODE_TYPES.AwaitExpression ||
          node.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
      ) {
        node = node.parent;
      }
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator) {
        if (parent.id.type === AST_NODE_TYPES.Identifier) names.add(parent.id.name);
        if (parent.id.type === AST_NODE_TYPES.ObjectPattern) {
          for (const property of parent.id.properties) {
            if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier) names.add(property.value.name);
          }
        }
      }
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && isRequestIdentity(parent.left)) names.add('<direct>');
      if (parent?.type === AST_NODE_TYPES.ReturnStatement) names.add('<returned>');
      return names;
    }

    function drivesAccess(fn: FunctionNode, names: ReadonlySet<string>): boolean {
      if (names.has('<direct>')) return true;
      const middleware = isMiddlewareOrGuard(fn);
      if (names.has('<returned>')) return false;
      let found = false;
      walk(fn.body, (node) => {
        if (found) return;
        // `req.user = decoded`, `res.locals.userId = decoded.id`, `ctx.state.user = decoded`
        if (node.type === AST_NODE_TYPES.AssignmentExpression && isRequestIdentity(node.left) && references(node.right, names)) found = true;
        // `User.findById(decoded.id)`, `prisma.user.findUnique({ where: { id: decoded.sub } })`
        if (node.type === AST_NODE_TYPES.CallExpression && DB_LOOKUPS.test(getCalleeName(node) ?? '') && node.arguments.some((argument) => references(argument, names))) {
          found = true;
        }
        // `if (decoded.role !== 'admin') return res.sendStatus(403)` in a middleware or guard
        if (middleware && node.type === AST_NODE_TYPES.IfStatement && references(node.test, names)) found = true;
        if (middleware && node.type === AST_NODE_TYPES.ReturnStatement && node.argument && references(node.argument, names)) found = true;
      });
      return found;
    }

    function resolve(identifier: TSESTree.Identifier): JwtBinding | undefined {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      return variable ? bindings.get(variable) : undefined;
    }

    function resolveObject(node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
      const expression = unwrapExpression(node);
      if (expression.type === AST_NODE_TYPES.ObjectExpression) return expression;
      if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init || def.node.id !== def.name) return undefined;
      const init = unwrapExpression(def.node.init);
      if (init.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      // `payload.exp = …` / `options.expiresIn = …` later may add the expiry.
      if (variable?.references.some((reference) => isMemberWrite(reference.identifier))) return undefined;
      return init;
    }

    /** `new SignJWT(payload).setProtectedHeader(…).sign(key)` without `setExpirationTime`. */
    function checkSignJwtChain(node: TSESTree.NewExpression): void {
      const [payload] = node.arguments;
      if (payload && payload.type !== AST_NODE_TYPES.SpreadElement) {
        const object = resolveObject(payload);
        if (!object || hasUnknownParts(object) || hasExpiryClaim(object)) return;
      }
      let current: TSESTree.Node = node;
      let signed = false;
      while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current && current.parent.parent?.type === AST_NODE_TYPES.CallExpression) {
        const method = getCalleeName(current.parent.parent);
        if (method === 'setExpirationTime') return;
        if (method === 'sign') signed = true;
        current = current.parent.parent;
      }
      // A builder kept in a variable may get its expiry later: stay quiet.
      if (!signed) return;
      context.report({ node, messageId: 'signWithoutExpiry', data: { call: 'new SignJWT' } });
    }

    /** Whether `JwtModule.register({ signOptions: { expiresIn } })` sets an expiry; undefined when it cannot be read. */
    function hasModuleExpiry(call: TSESTree.CallExpression): boolean | undefined {
      const [config] = call.arguments;
      if (!config) return false;
      const object = resolveObject(config);
      if (!object || hasUnknownParts(object) || findProperty(object, 'useFactory') || findProperty(object, 'useClass')) return undefined;
      const signOptions = findProperty(object, 'signOptions');
      if (!signOptions) return false;
      const inner = resolveObject(signOptions.value);
      if (!inner || hasUnknownParts(inner)) return undefined;
      return findProperty(inner, 'expiresIn') !== undefined;
    }

    function getLabel(call: TSESTree.CallExpression): string {
      const text = sourceCode.getText(call.callee);
      return text.length <= 40 ? text : (getCalleeName(call) ?? 'jwt');
    }
  },
});

/** What importing `imported` from a JWT package binds. */
function getBinding(source: string, imported: string): JwtBinding | undefined {
  if (source === 'jsonwebtoken') {
    if (imported === 'default') return { kind: 'module' };
    if (imported === 'sign' || imported === 'verify' || imported === 'decode') return { kind: 'function', name: imported };
    return undefined;
  }
  if (source === 'jose' && (imported === 'SignJWT' || imported === 'decodeJwt' || imported === 'jwtVerify')) return { kind: 'jose', name: imported };
  return undefined;
}

function isJwtServiceType(annotation: TSESTree.TSTypeAnnotation | undefined): boolean {
  const type = annotation?.typeAnnotation;
  return type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && type.typeName.name === 'JwtService';
}

/** `req.user`, `request.userId`, `res.locals.user`, `ctx.state.user`: where a request's identity is stored. */
function isRequestIdentity(node: TSESTree.Node): boolean {
  const path = getMemberPath(node);
  if (!path || path.length < 2) return false;
  const root = path.slice(0, -1).join('.');
  return /^(?:req|request|res\.locals|response\.locals|ctx\.state|context\.state)$/.test(root);
}

function isMiddlewareOrGuard(fn: FunctionNode): boolean {
  const names = fn.params.map((param) => (param.type === AST_NODE_TYPES.Identifier ? param.name : ''));
  if (names.includes('next') && (names.includes('req') || names.includes('request') || names.includes('ctx'))) return true;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.key.type === AST_NODE_TYPES.Identifier) {
    return parent.key.name === 'canActivate' || parent.key.name === 'use';
  }
  return false;
}

function isMemberWrite(identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  return (
    parent?.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === identifier &&
    parent.parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.parent.left === parent
  );
}

/** A payload that carries its own expiry: `exp`, or an app-checked `expiresAt`/`createdAt`. */
function hasExpiryClaim(payload: TSESTree.ObjectExpression): boolean {
  return payload.properties.some((property) => property.type === AST_NODE_TYPES.Property && EXPIRY_CLAIMS.test(getPropertyKeyName(property) ?? ''));
}

/**
 * `{ service_id, token_version }`: a token the server checks against a version it stores, and revokes by bumping
 * it — a long-lived credential by design (an integration's key), not an access token that forgot its expiry.
 */
function hasRevocationVersion(payload: TSESTree.ObjectExpression): boolean {
  return payload.properties.some((property) => property.type === AST_NODE_TYPES.Property && /^(?:token_?version|tokenVersion|key_?version|keyVersion)$/i.test(getPropertyKeyName(property) ?? ''));
}

function hasUnknownParts(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement || getPropertyKeyName(property) === undefined);
}

function getEnclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return undefined;
}

function references(root: TSESTree.Node, names: ReadonlySet<string>): boolean {
  let found = false;
  walk(root, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier && names.has(node.name)) {
      const parent = node.parent;
      if (!(parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed)) found = true;
    }
  });
  return found;
}

/** Visits `root` and its descendants without entering nested functions. */
function walk(root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    for (const key of Object.keys(node)) {
      if (key === 'parent') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (typeof child === 'object' && child !== null && typeof (child as { type?: unknown }).type === 'string' && !isFunctionNode(child as TSESTree.Node)) {
          stack.push(child as TSESTree.Node);
        }
      }
    }
  }
}
