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
    ['auth', 'authenticate', 'authenticated', 'authentication', 'jwt', 'passport', 'session'].includes(word),
  ) || (words.includes('logged') && words.includes('in'));
}
