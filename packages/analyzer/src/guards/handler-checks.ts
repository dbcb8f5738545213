import ts from '../project/typescript.cjs';
import { CREDENTIAL_READ_PATTERN, RATE_LIMITER_NAME, splitIdentifierWords, type GuardFact } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import type { ProjectModel } from '../project/project-model.js';
import { getTrailingName, skipOuterExpressions } from '../project/lexical-scope.js';
import { AUTH_BODY_PATTERN, SKIP_AUTH_OPTION } from './auth-patterns.js';
import { callsEnforcingAuthHelper, isEnforcingAuthHelperName, resolveCallable } from './classify-guard.js';

/** A handler that rejects anonymous callers itself: `if (!req.user) return res.status(401)…`, `await auth()`, `throw new UnauthorizedException()`. */
const HANDLER_AUTH_PATTERN =
  /\b(?:status\(\s*401\s*\)|code\(\s*401\s*\)|401\b|[Uu]nauthorized|UNAUTHORIZED|getServerSession\(|currentUser\(|\bauth\(\)|getSession\(|requireUser\(|requireAuth\(|isAuthenticated\(\)|verify(?:Token|Jwt|JWT|AccessToken)\(|jwt\.verify\(|getAuth\(|validateRequest\(|[Aa]uthorization\b|cookies\.(?:token|jwt|session|access_?token)\b|\b\w*(?:NOT_LOGGED_IN|NOT_SIGNED_IN|LOGIN_REQUIRED|AUTH_REQUIRED|UNAUTHENTICATED)\b|[Uu]nauthenticated\b)/;
/** A one-time code the caller presents (`body.pairingCode`, `{ inviteCode }`): whoever holds it may call the route. */
const PRESENTED_CODE = /\b(?:pairing|invite|invitation|verification|activation|claim|redeem|otp)_?[Cc]ode\b/;
/** A handler that rate-limits its own callers was left open on purpose (a public OTP or sign-up step). */
const HANDLER_RATE_LIMIT_PATTERN = /\b\w*(?:rate_?limit|limiter|throttle)\w*\s*[.(]/i;
/** `const { email, password } = req.body`, `request.body.password`: the handler takes a password. */
const PASSWORD_FROM_BODY = /\{[^{}]*\bpassword\b[^{}]*\}\s*=\s*\w+\.body\b|\bbody\s*\.\s*password\b/;
/** `req.user`, `res.locals.user`, `request.currentUser`, `session.user`: the handler works for a signed-in caller. */
const READS_CALLER = /\b(?:req|request|ctx)\s*\.\s*(?:user|currentUser|auth|session)\b|\blocals\s*\.\s*(?:user|currentUser)\b/;
/** A write through a model, DAO or repository: `AdminDao.create(`, `prisma.admin.create(`, `adminRepository.save(`. */
const ACCOUNT_WRITE = /\b(\w+)\s*\.\s*(?:create|createOne|insert|insertOne|save|build|bulkCreate)\s*\(/g;
/** A handler that checks a role itself before acting. */
const HANDLER_ROLE_PATTERN = /\b(?:role|roles|isAdmin|permission|permissions)\b[\s\S]{0,200}\b(?:403|Forbidden|FORBIDDEN|ForbiddenException)\b|\b(?:403|Forbidden|ForbiddenException)\b[\s\S]{0,200}\b(?:role|isAdmin|permission)\b/;

/** Calls that read the caller's session or verify their token (`getServerSession(req, res, authOptions)`, `await auth()`). */
const SESSION_READERS = new Set([
  'getServerSession', 'getSession', 'getToken', 'currentUser', 'getAuth', 'requireUser', 'requireAuth', 'requireSession',
  'verifyToken', 'jwtVerify', 'jwt.verify', 'auth.getUser', 'isAuthenticated',
]);
/** What the body of a project helper does when it reads the caller's session or verifies their token. */
const SESSION_BODY_PATTERN =
  /\b(?:getServerSession|getSession|getToken|jwt\.verify|verifyToken|jwtVerify|\w+JwtVerify|passport\.authenticate|auth\.getUser)\s*\(|\b(?:req|request)\.session\.user\b|\bheaders\b[^;\n]{0,40}\b[Aa]uthorization\b/;
/** A response that tells the caller to slow down: the handler counts attempts itself. */
const TOO_MANY_REQUESTS = /^(?:429|TOO_MANY_REQUESTS)$|too many (?:requests|attempts)/i;

/**
 * Whether what the handler does about auth can matter: the checks read it only
 * when no guard in the chain authenticates, and for public routes (a sign-up
 * that checks a caller is no sign-up). Reading it means resolving every helper
 * the handler calls, which parses their files: skipped where the answer is unused.
 */
export function mayNeedHandlerAuth(chain: readonly GuardFact[], isPublic: boolean): boolean {
  return isPublic || !chain.some((guard) => guard.authenticates);
}

/**
 * Reads what a route handler does about auth: in its own body, or in a
 * project helper it calls first (`const { auth } = await parseRequest(req)`
 * where `parseRequest` verifies the token) unless the call opts out.
 * `excluded` leaves out parts of the handler that serve other requests
 * (the `if (req.method === 'GET')` branch when judging the POST).
 */
export class HandlerInspector {
  private readonly helperCache = new Map<ts.Node, boolean>();
  private readonly sessionHelperCache = new Map<ts.Node, boolean>();
  private readonly credentialHelperCache = new Map<ts.Node, boolean>();
  private readonly handlerCache = new Map<ts.Node, boolean>();

  constructor(private readonly project: ProjectModel) {}

  checksAuth(handler: ts.Node | undefined, file: AnalyzedFile, excluded: readonly ts.Node[] = []): boolean {
    if (!handler) return false;
    const text = getTextWithout(handler, excluded);
    // `req.headers['x-api-key']`, `query.token`: a handler that reads the caller's credential checks it itself.
    if (HANDLER_AUTH_PATTERN.test(text) || CREDENTIAL_READ_PATTERN.test(text) || PRESENTED_CODE.test(text) || gatesOnCallerParameter(handler)) return true;
    let found = false;
    visitWithout(handler, excluded, (node) => {
      if (!found && ts.isCallExpression(node) && !SKIP_AUTH_OPTION.test(node.getText())) {
        const callee = skipOuterExpressions(node.expression);
        // `const auth = await authenticateVaultRequest(c); if (!auth.ok) return auth.response`: named for it, or doing it.
        if (ts.isIdentifier(callee)) {
          found = isEnforcingAuthHelperName(callee.text) || this.isAuthHelper(callee.text, file) ||
            // `(c) => c.req.url.endsWith('/chat') ? chatCompletionsHandler(c) : …`: the request handed whole to another
            // handler is judged as that handler is.
            (passesOwnRequest(node, handler) && this.delegatesToCheckingHandler(callee.text, file));
        }
        // `AuthService.getMe(req.cookies)` where the service method verifies the token.
        else if (ts.isPropertyAccessExpression(callee)) found = this.isSessionMethod(callee, file);
      }
      return found;
    });
    return found;
  }

  /** A method of an imported service object whose body verifies a token or reads the session. */
  private isSessionMethod(callee: ts.PropertyAccessExpression, file: AnalyzedFile): boolean {
    const resolved = resolveCallable(callee, file, this.project)?.node;
    if (!resolved || !ts.isFunctionLike(resolved)) return false;
    const cached = this.sessionHelperCache.get(resolved);
    if (cached !== undefined) return cached;
    const body = (resolved as ts.FunctionLikeDeclaration).body;
    const result = body !== undefined && SESSION_BODY_PATTERN.test(body.getText());
    this.sessionHelperCache.set(resolved, result);
    return result;
  }

  /**
   * The calls by which a handler reads the caller's session or verifies
   * their token itself (`const session = await getServerSession(…)`,
   * `const user = await verifyUser({ req, res })` where the helper does):
   * a Next.js API handler's own authentication, where Express has middleware.
   */
  findSessionReads(handler: ts.Node | undefined, file: AnalyzedFile, excluded: readonly ts.Node[] = []): ts.CallExpression[] {
    if (!handler) return [];
    const calls: ts.CallExpression[] = [];
    visitWithout(handler, excluded, (node) => {
      if (!ts.isCallExpression(node) || SKIP_AUTH_OPTION.test(node.getText())) return false;
      const callee = skipOuterExpressions(node.expression);
      // `getToken({ req })`, `jwt.verify(…)`, `supabase.auth.getUser()`; not `oAuth2Client.getToken(code)`, which trades a code for tokens.
      if (ts.isIdentifier(callee) ? SESSION_READERS.has(callee.text) || this.isSessionHelper(callee.text, file)
        : ts.isPropertyAccessExpression(callee) && SESSION_READERS.has(callee.getText().split('.').slice(-2).join('.'))) calls.push(node);
      return false;
    });
    return calls;
  }

  /**
   * Where the handler limits its callers itself: it answers "too many requests" (`res.status(429)`, a "Too many
   * attempts" message) or calls a limiter (`await checkRateLimit(ip)`, `limiter.consume(key)`).
   */
  findOwnRateLimit(handler: ts.Node | undefined, excluded: readonly ts.Node[] = []): ts.Node | undefined {
    if (!handler) return undefined;
    let found: ts.Node | undefined;
    visitWithout(handler, excluded, (node) => {
      if (!found && (ts.isNumericLiteral(node) || ts.isStringLiteralLike(node) || ts.isIdentifier(node)) && TOO_MANY_REQUESTS.test(node.text)) found = node;
      // `await rateLimit(req)`, `if (!(await limiter.check(ip)))`: a limiter called by the handler, whatever it answers.
      if (!found && ts.isCallExpression(node) && RATE_LIMITER_NAME.test(node.expression.getText())) found = node;
      return found !== undefined;
    });
    return found;
  }

  /**
   * Whether the handler is public on purpose: it tells a shared auth helper to
   * let the request through (`{ skipAuth: true }`), or rate-limits its callers itself.
   */
  optsOutOfAuth(handler: ts.Node | undefined, excluded: readonly ts.Node[] = []): boolean {
    if (handler === undefined) return false;
    const text = getTextWithout(handler, excluded);
    return SKIP_AUTH_OPTION.test(text) || HANDLER_RATE_LIMIT_PATTERN.test(text);
  }

  /**
   * Whether the handler is a sign-in or sign-up under another name (`POST /access-tokens`, `POST /users/invitation`):
   * it takes a password from the body and knows no caller (`req.user`, the session) — a change of password does.
   */
  takesCredentials(handler: ts.Node | undefined): boolean {
    if (handler === undefined) return false;
    const text = handler.getText();
    return PASSWORD_FROM_BODY.test(text) && !READS_CALLER.test(text);
  }

  /**
   * Whether the handler writes an admin account (`AdminDao.create(…)`,
   * `prisma.admin.create(…)`): a "register" route that does is not self sign-up.
   */
  createsAdminAccount(handler: ts.Node | undefined, excluded: readonly ts.Node[] = []): boolean {
    if (handler === undefined) return false;
    for (const match of getTextWithout(handler, excluded).matchAll(ACCOUNT_WRITE)) {
      if (splitIdentifierWords(match[1]!).some((word) => word === 'admin' || word === 'admins')) return true;
    }
    return false;
  }

  checksRole(handler: ts.Node | undefined, excluded: readonly ts.Node[] = []): boolean {
    return handler !== undefined && HANDLER_ROLE_PATTERN.test(getTextWithout(handler, excluded));
  }

  /** A project function that checks auth itself, or first asks a helper named for it (`trashCipherById(c)` → `authenticateVaultRequest(c)`). */
  private isAuthHelper(name: string, file: AnalyzedFile): boolean {
    if (this.testHelper(name, file, AUTH_BODY_PATTERN, this.helperCache)) return true;
    // `readPushSubscription(req)` comparing `req.query.token` with the subscription's secret: a credential check.
    if (this.testHelper(name, file, CREDENTIAL_READ_PATTERN, this.credentialHelperCache, true)) return true;
    const resolved = this.project.resolveName(file, name);
    return resolved !== undefined && ts.isFunctionLike(resolved.node) && callsEnforcingAuthHelper(resolved.node);
  }

  /** Its body, not its name: `getToken(userId)` that lists a user's API tokens reads no session. */
  private isSessionHelper(name: string, file: AnalyzedFile): boolean {
    return this.testHelper(name, file, SESSION_BODY_PATTERN, this.sessionHelperCache, true);
  }

  /** Whether the project function a handler hands its request to checks auth as a handler would (cached; a cycle checks nothing). */
  private delegatesToCheckingHandler(name: string, file: AnalyzedFile): boolean {
    const resolved = this.project.resolveName(file, name);
    if (!resolved || !ts.isFunctionLike(resolved.node)) return false;
    const cached = this.handlerCache.get(resolved.node);
    if (cached !== undefined) return cached;
    this.handlerCache.set(resolved.node, false);
    const result = this.checksAuth(resolved.node, resolved.file);
    this.handlerCache.set(resolved.node, result);
    return result;
  }

  private testHelper(name: string, file: AnalyzedFile, pattern: RegExp, cache: Map<ts.Node, boolean>, bodyOnly = false): boolean {
    const resolved = this.project.resolveName(file, name);
    if (!resolved || !ts.isFunctionLike(resolved.node)) return false;
    const cached = cache.get(resolved.node);
    if (cached !== undefined) return cached;
    const tested = bodyOnly ? (resolved.node as ts.FunctionLikeDeclaration).body : resolved.node;
    const result = tested !== undefined && pattern.test(tested.getText());
    cache.set(resolved.node, result);
    return result;
  }
}

/** Whether a call passes the handler's first parameter (`req`, Hono's `c`) as it is. */
function passesOwnRequest(call: ts.CallExpression, handler: ts.Node): boolean {
  if (!ts.isFunctionLike(handler)) return false;
  const [first] = handler.parameters;
  if (!first || !ts.isIdentifier(first.name)) return false;
  const name = first.name.text;
  return call.arguments.some((argument) => ts.isIdentifier(argument) && argument.text === name);
}

/** The node's text with the excluded parts blanked out (positions kept). */
function getTextWithout(node: ts.Node, excluded: readonly ts.Node[]): string {
  const text = node.getText();
  if (excluded.length === 0) return text;
  const start = node.getStart();
  let result = text;
  for (const part of excluded) {
    const from = part.getStart() - start;
    const to = part.getEnd() - start;
    if (from < 0 || to > text.length) continue;
    result = result.slice(0, from) + ' '.repeat(to - from) + result.slice(to);
  }
  return result;
}

/** Visits the node and its descendants, skipping the excluded subtrees, until `visit` returns true. */
function visitWithout(root: ts.Node, excluded: readonly ts.Node[], visit: (node: ts.Node) => boolean): void {
  const skipped = new Set(excluded);
  let done = false;
  const walk = (node: ts.Node): void => {
    if (done || skipped.has(node)) return;
    if (visit(node)) {
      done = true;
      return;
    }
    ts.forEachChild(node, walk);
  };
  walk(root);
}

/**
 * Whether a Nest handler turns callers away by what a parameter decorator hands
 * it about them: `if (!readerId) throw …` on `@CurrentReaderId() readerId`, or
 * `if (comment.readerId !== readerId && !isAdmin) throw …`.
 */
function gatesOnCallerParameter(handler: ts.Node): boolean {
  if (!ts.isMethodDeclaration(handler) || !handler.body) return false;
  const callerNames = new Set(handler.parameters
    .filter((parameter) => (ts.getDecorators(parameter) ?? []).some((decorator) => CURRENT_CALLER_DECORATOR.test(getTrailingName(
      ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression))))
    .flatMap((parameter) => (ts.isIdentifier(parameter.name) ? [parameter.name.text] : [])));
  if (callerNames.size === 0) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isIfStatement(node) && mentionsAny(node.expression, callerNames) && endsInThrow(node.thenStatement)) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(handler.body, visit);
  return found;
}

/** `@CurrentUser()`, `@CurrentReaderId()`, `@CurrentMember()`: Nest parameter decorators that hand over who is calling. */
const CURRENT_CALLER_DECORATOR = /^Current[A-Z]\w*$/;

function mentionsAny(node: ts.Node, names: ReadonlySet<string>): boolean {
  if (ts.isIdentifier(node)) return names.has(node.text);
  // `comment.readerId`: the record's field, not the parameter of that name.
  if (ts.isPropertyAccessExpression(node)) return mentionsAny(node.expression, names);
  return ts.forEachChild(node, (child) => mentionsAny(child, names) || undefined) ?? false;
}

function endsInThrow(statement: ts.Statement): boolean {
  if (ts.isThrowStatement(statement)) return true;
  return ts.isBlock(statement) && statement.statements.length > 0 && ts.isThrowStatement(statement.statements.at(-1)!);
}
