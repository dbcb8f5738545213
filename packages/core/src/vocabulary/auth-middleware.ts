import { splitIdentifierWords } from './identifier-words.js';

/** Default names of middleware, guards and helpers that authenticate a request. */
export const AUTH_MIDDLEWARE_NAMES: readonly string[] = [
  'authenticate', 'authenticated', 'requireAuth', 'isAuthenticated', 'ensureAuthenticated',
  'ensureLoggedIn', 'requireLogin', 'requireUser', 'verifyToken', 'verifyJwt', 'verifyJWT',
  'checkJwt', 'jwtAuth', 'authMiddleware', 'authRequired', 'auth', 'protect', 'protected',
  'passport.authenticate', 'AuthGuard', 'JwtAuthGuard', 'withAuth', 'clerkMiddleware',
  'requireSession', 'authorize', 'loggedIn', 'isLoggedIn', 'mustBeLoggedIn',
];

/** Default names of middleware and guards that check a role or permission. */
export const ROLE_CHECK_NAMES: readonly string[] = [
  'requireRole', 'requireRoles', 'hasRole', 'checkRole', 'isAdmin', 'requireAdmin', 'adminOnly',
  'RolesGuard', 'Roles', 'permit', 'requirePermission', 'checkPermission', 'can', 'authorize',
  'ensureAdmin', 'onlyAdmin', 'restrictTo',
];

/** Next.js and framework helpers that read the current user or session inside a handler. */
export const AUTH_HELPER_CALLS: readonly string[] = [
  'auth', 'getServerSession', 'currentUser', 'getSession', 'getUser', 'getAuth', 'requireUser',
  'getCurrentUser', 'validateRequest', 'getToken', 'verifySession',
];

/** Public paths that need no authentication: health checks, sign-in and sign-up, docs. */
export const PUBLIC_PATH_PATTERNS: readonly string[] = [
  '/health', '/healthz', '/healthcheck', '/ready', '/readyz', '/live', '/livez', '/ping', '/status',
  '/metrics', '/version', '/login', '/signin', '/sign-in', '/register', '/signup', '/sign-up',
  '/logout', '/auth/**', '/oauth/**', '/forgot-password', '/reset-password', '/verify-email',
  '/webhooks/**', '/webhook', '/webhook/**', '/docs/**', '/swagger/**', '/favicon.ico',
];

/** Whether a name reads as authentication middleware by its words (`jwtAuthMiddleware`, `ensureAuthenticated`). */
export function looksLikeAuthName(name: string): boolean {
  const words = splitIdentifierWords(name);
  return words.some((word) =>
    ['auth', 'authenticate', 'authenticated', 'authentication', 'jwt', 'passport'].includes(word),
  ) || (words.includes('logged') && words.includes('in')) ||
    // `requireSession`, `validSession`, `sessionGuard` check one; `sessionMiddleware` and
    // `SessionAutostartMiddleware.invokeCallbackMiddleware` only load or start one.
    (words.includes('session') && words.some((word) => SESSION_CHECK_WORDS.has(word)));
}

/** Words that make a session middleware a check of the session rather than its loader. */
const SESSION_CHECK_WORDS: ReadonlySet<string> = new Set([
  'require', 'required', 'ensure', 'validate', 'valid', 'verify', 'check', 'guard', 'protect', 'protected', 'assert', 'has', 'is', 'must', 'enforce',
]);

/** More public paths: token refresh, OAuth/SSO callbacks, public forms and analytics collectors. */
export const MORE_PUBLIC_PATH_PATTERNS: readonly string[] = [
  '/refresh', '/refresh-token', '/token', '/tokens/refresh', '/callback', '/callback/**', '/sso/**', '/saml/**',
  '/password/forgot', '/password/reset', '/password/reset/**', '/forgot', '/reset', '/verify', '/confirm', '/magic-link', '/otp', '/2fa/verify',
  '/contact', '/contact-us', '/feedback', '/newsletter/**', '/subscribe', '/unsubscribe', '/collect', '/track', '/send', '/public/**',
  '/hooks/**', '/csp-report', '/robots.txt', '/sitemap.xml', '/.well-known/**',
];

/** NestJS decorators that opt a handler out of a global guard (`@Public()`, `@SkipAuth()`). */
export const PUBLIC_ROUTE_DECORATORS: readonly string[] = [
  'Public', 'IsPublic', 'PublicRoute', 'SkipAuth', 'NoAuth', 'AllowAnonymous', 'Anonymous', 'Unprotected',
  'AllowUnauthenticated', 'SkipJwt', 'OptionalAuth',
];

/**
 * Calls and middleware whose names contain an auth word but that enforce nothing:
 * `passport.initialize()`, `passport.session()`, express-session, cookie-session.
 */
export const NON_ENFORCING_AUTH_NAMES: readonly string[] = [
  'passport.initialize', 'passport.session', 'session', 'cookieSession', 'expressSession', 'koaSession',
];

/** Factories that create a router or app object: `express()`, `Router()`, `new Hono()`, `Fastify()`. */
export const ROUTER_FACTORY_NAMES: readonly string[] = [
  'express', 'Router', 'express.Router', 'Hono', 'OpenAPIHono', 'Koa', 'KoaRouter', 'Fastify', 'fastify', 'createRouter',
  'Elysia', 'polka', 'restify.createServer', 'createServer',
];

const OPTIONAL_AUTH_WORDS: ReadonlySet<string> = new Set(['optional', 'maybe', 'soft', 'try', 'attempt', 'lenient', 'guest', 'anonymous']);

/** Whether a middleware name reads as auth that lets anonymous requests through (`auth.optional`, `optionalAuth`, `isGuestOrAuthorized`). */
export function looksLikeOptionalAuthName(name: string): boolean {
  return splitIdentifierWords(name).some((word) => OPTIONAL_AUTH_WORDS.has(word));
}

/** Words of a name that asks whether something exists: `checkIfUserExists`, `isEmailAvailable`, `isUsernameTaken`. */
export const EXISTENCE_WORDS: ReadonlySet<string> = new Set(['exists', 'exist', 'available', 'availability', 'taken', 'duplicate']);

/** `requireSignIn`, `ensureLoggedIn`: `sign in`, `log in` and `logged in` read as one word (`signin`, `loggedin`). */
function joinSignIn(words: readonly string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (['sign', 'signed', 'log', 'logged'].includes(word) && words[index + 1] === 'in') {
      joined.push(`${word}in`);
      index++;
    } else joined.push(word);
  }
  return joined;
}

/**
 * Whether a name reads as a check that a request is authenticated, wider than
 * `looksLikeAuthName`: `isAuthorized`, `verifyToken`, `requireSignin`, `bearerAuth`.
 * Names of routers and modules (`authRouter`, `authController`) are not checks.
 */
export function looksLikeAuthCheckName(name: string): boolean {
  const words = joinSignIn(splitIdentifierWords(name));
  if (words.some((word) => ['router', 'routes', 'route', 'controller', 'module', 'service', 'config', 'options', 'provider', 'client', 'schema', 'dto', 'challenge', 'challenges', 'metrics', 'stats', 'logger', 'log', 'limiter', 'limit', 'csrf', 'xsrf', 'captcha', 'recaptcha', 'cache', 'header', 'headers', 'cookie', 'cookies', 'handler', 'callback', 'page', 'view', 'form', 'error', 'errors'].includes(word))) {
    return false;
  }
  // `checkIfUserExists`, `isUsernameAvailable`: a lookup of whether an account exists, not of who is calling.
  if (words.some((word) => EXISTENCE_WORDS.has(word))) return false;
  // `updateAuthenticatedUsers`, `signJwt`, `getSession`, `deleteSession`: they do something with auth (or with a
  // resource named session), they do not check it.
  if (['update', 'get', 'set', 'create', 'sign', 'issue', 'generate', 'refresh', 'log', 'track', 'count', 'parse', 'decode', 'init', 'initialize', 'configure', 'setup', 'register', 'load', 'save', 'store', 'clear', 'destroy', 'logout', 'handle', 'render', 'show', 'display', 'send', 'delete', 'remove', 'revoke', 'list', 'find', 'fetch', 'open', 'close', 'end', 'start', 'stop', 'kill', 'expire', 'extend', 'add'].includes(words[0] ?? '')) {
    return false;
  }
  if (looksLikeAuthName(name)) return true;
  // `loginValidate(schema)`, `validateLogin`: checks the sign-in form's fields, not who is signed in.
  if (words.some((word) => ['validate', 'validation', 'validator', 'validators'].includes(word)) &&
    words.some((word) => ['login', 'signin', 'signup', 'register', 'registration'].includes(word))) return false;
  // `apiKeyGuard`, `protectUser`: a guard or protection of a credential checks it as much as a verb does.
  const verb = words.some((word) => ['verify', 'check', 'validate', 'require', 'requires', 'ensure', 'is', 'must', 'assert', 'guard', 'protect'].includes(word));
  return (
    words.some((word) => ['authorized', 'authorised', 'authed', 'signedin', 'logged', 'loggedin', 'login'].includes(word)) && verb
  ) || (verb && words.some((word) => ['token', 'user', 'signin', 'signed', 'bearer', 'apikey'].includes(word)))
    || (words.includes('api') && words.includes('key') && verb)
    // `validDeviceToken`, `validApiKey`, `verifiedSession`: lets through only a caller whose credential checked out.
    || ((words[0] === 'valid' || words[0] === 'verified') && words.some((word) => ['token', 'session', 'key', 'apikey', 'jwt', 'bearer'].includes(word)));
}

/** `admin`, `isAdmin`, `SUPERUSER`, `requireStaff`, `requireRole('admin')`: a name about administrators. */
export function isAdminName(name: string): boolean {
  return splitIdentifierWords(name).some((word) => ADMIN_WORDS.has(word));
}
const ADMIN_WORDS: ReadonlySet<string> = new Set(['admin', 'admins', 'administrator', 'superuser', 'superadmin', 'staff', 'sysop']);

/** Whether a name reads as a role or permission check (`requireRole`, `isAdmin`, `RolesGuard`, `checkPermissions`, `checkPolicy`). */
export function looksLikeRoleCheckName(name: string): boolean {
  const words = splitIdentifierWords(name);
  if (words.some((word) => ['router', 'routes', 'controller', 'module', 'service', 'dashboard', 'page', 'view', 'stats'].includes(word))) return false;
  if (words.includes('get') || words.includes('set') || words.includes('update') || words.includes('create') || words.includes('list')) return false;
  if (words.some((word) => ['role', 'roles', 'permission', 'permissions', 'admin', 'superuser', 'staff', 'rbac', 'acl', 'moderator'].includes(word))) return true;
  // Weaker nouns need a checking verb: `checkPolicy`, `requireScopes`, `PolicyGuard`, not `featurePolicy`.
  return words.some((word) => ['policy', 'policies', 'scope', 'scopes', 'owner', 'ownership', 'ability', 'abilities'].includes(word))
    && words.some((word) => ['check', 'require', 'requires', 'ensure', 'has', 'is', 'can', 'verify', 'authorize', 'enforce', 'guard', 'only'].includes(word));
}
