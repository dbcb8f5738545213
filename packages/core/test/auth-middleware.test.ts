import { describe, expect, it } from 'vitest';
import {
  MORE_PUBLIC_PATH_PATTERNS,
  NON_ENFORCING_AUTH_NAMES,
  PUBLIC_ROUTE_DECORATORS,
  ROUTER_FACTORY_NAMES,
  isAdminName,
  looksLikeAuthCheckName,
  looksLikeAuthName,
  looksLikeOptionalAuthName,
  looksLikeRoleCheckName,
} from '../src/vocabulary/auth-middleware.js';

describe('looksLikeAuthCheckName', () => {
  it('accepts names that check a request is authenticated', () => {
    for (const name of ['requireAuth', 'isAuthorized', 'verifyToken', 'checkJwt', 'ensureAuthenticated', 'bearerAuth', 'basicAuth', 'requireUser', 'isLoggedIn', 'validateApiKey', 'requireLogin', 'validateToken', 'apiKeyGuard', 'tokenGuard', 'protectUser', 'validDeviceToken', 'validApiKey', 'verifiedSession', 'requireSignIn', 'ensureSignedIn', 'mustBeLoggedIn']) {
      expect(looksLikeAuthCheckName(name), name).toBe(true);
    }
  });

  it('rejects routers, configs and names that act on auth without checking it', () => {
    for (const name of ['authRouter', 'authController', 'authConfig', 'updateAuthenticatedUsers', 'jwtChallenges', 'signJwt', 'getSession', 'authErrorHandler', 'createUser', 'loginValidate', 'validateLogin', 'registerValidation', 'verifyCSRFToken', 'verifyRecaptcha', 'csrfTokenGuard', 'userGuardConfig', 'checkIfUserExists', 'checkSuperadminExists', 'isUsernameAvailable', 'validEmbedConfig', 'deleteSession', 'openSessionMiddleware', 'listSessions']) {
      expect(looksLikeAuthCheckName(name), name).toBe(false);
    }
  });
});

describe('looksLikeAuthName', () => {
  it('accepts auth words, and a session word only beside a check', () => {
    for (const name of ['authenticate', 'jwtMiddleware', 'passportJwt', 'requireSession', 'validSession', 'sessionGuard', 'checkSession', 'mustBeLoggedIn']) {
      expect(looksLikeAuthName(name), name).toBe(true);
    }
  });

  it('rejects middleware that only loads or starts a session', () => {
    for (const name of ['sessionMiddleware', 'SessionAutostartMiddleware.invokeCallbackMiddleware', 'sessionHandler', 'loadSession', 'cookieParser']) {
      expect(looksLikeAuthName(name), name).toBe(false);
    }
  });
});

describe('looksLikeOptionalAuthName', () => {
  it('recognises auth that lets anonymous callers through', () => {
    expect(looksLikeOptionalAuthName('optional')).toBe(true);
    expect(looksLikeOptionalAuthName('optionalAuth')).toBe(true);
    expect(looksLikeOptionalAuthName('maybeAuthenticate')).toBe(true);
    expect(looksLikeOptionalAuthName('requireAuth')).toBe(false);
  });
});

describe('looksLikeRoleCheckName', () => {
  it('accepts role and permission checks', () => {
    for (const name of ['requireRole', 'isAdmin', 'RolesGuard', 'checkPermissions', 'adminOnly', 'checkPolicy', 'requireScopes', 'HasPermission']) {
      expect(looksLikeRoleCheckName(name), name).toBe(true);
    }
  });

  it('rejects look-alikes: weak nouns without a check, getters, routers', () => {
    for (const name of ['featurePolicy', 'getRoles', 'adminRouter', 'adminDashboard', 'scopeHeader', 'listPermissions']) {
      expect(looksLikeRoleCheckName(name), name).toBe(false);
    }
  });
});

describe('auth vocabulary lists', () => {
  it('lists what the route-auth rule relies on', () => {
    expect(PUBLIC_ROUTE_DECORATORS).toContain('Public');
    expect(NON_ENFORCING_AUTH_NAMES).toContain('passport.session');
    expect(ROUTER_FACTORY_NAMES).toEqual(expect.arrayContaining(['express', 'Router', 'Hono', 'Fastify']));
    expect(MORE_PUBLIC_PATH_PATTERNS).toContain('/refresh');
    expect(MORE_PUBLIC_PATH_PATTERNS).not.toContain('/password/**');
  });
});

describe('isAdminName', () => {
  it('knows names about administrators', () => {
    for (const name of ['isAdmin', "requireRole('admin')", 'SUPERUSER', 'requireStaff', 'adminOnly']) expect(isAdminName(name), name).toBe(true);
    for (const name of ["hasRole('agent')", 'requireOwner', 'administer', 'badminton']) expect(isAdminName(name), name).toBe(false);
  });
});
