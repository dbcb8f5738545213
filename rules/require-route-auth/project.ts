import type { ProjectCheck, ProjectFinding, RouteFact } from '@redline/core';

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Path segments that make a GET route private by nature: the caller's own
 * account, admin views, credentials. `/profiles/:name` or `/users/:id` are
 * often public pages, so they do not count on their own.
 */
const PRIVATE_SEGMENTS = new Set([
  'me', 'account', 'accounts', 'admin', 'settings', 'billing', 'invoices', 'notifications', 'sessions', 'tokens',
  'api-keys', 'apikeys', 'credentials', 'secrets', 'audit', 'audit-log', 'audit-logs',
]);

/**
 * The cross-file half of `require-route-auth`: with every route's full chain of
 * middleware and guards (mounts in other files, global guards, Nest middleware
 * bindings), a route that mutates data or returns user data and has no
 * authenticating step, in an app that authenticates elsewhere. Admin routes
 * without a role check are reported when other admin routes have one.
 */
const requireRouteAuthProject: ProjectCheck = {
  name: 'require-route-auth',
  category: 'missing-auth',
  check(facts) {
    const findings: ProjectFinding[] = [];
    for (const routes of groupByApp(facts.routes.filter((route) => route.mountKnown))) {
      findings.push(...checkApp(routes));
    }
    return findings;
  },
  refute(facts) {
    // A route the per-file half may doubt, whose whole chain (mounts in other files included) authenticates it.
    return facts.routes
      .filter((route) => route.mountKnown && route.mountedFromOtherFile && route.guards.some((guard) => guard.authenticates && guard.scope !== 'route'))
      .map((route) => route.at);
  },
};

export default requireRouteAuthProject;

/**
 * One app's routes. The evidence that a route was meant to be protected is
 * that the same app protects its siblings: another route that changes data is
 * authenticated (for a mutating route), or any route is (for a private GET).
 */
function checkApp(routes: RouteFact[]): ProjectFinding[] {
  const isAuthenticated = (route: RouteFact) => route.guards.some((guard) => guard.authenticates) || route.handlerChecksAuth;
  const authExample = routes.flatMap((route) => route.guards).find((guard) => guard.authenticates);
  const protectsMutations = routes.some((route) => MUTATING_METHODS.has(route.method) && isAuthenticated(route));
  const protectsAnything = routes.some(isAuthenticated);
  const adminRoleCheck = routes.filter((route) => isAdminPath(route.path)).flatMap((route) => route.guards).find((guard) => guard.checksRole);

  const findings: ProjectFinding[] = [];
  for (const route of routes) {
    // A route with its own rate limiter and no auth was left open on purpose (sign-up, subscribe links).
    if (route.isPublic || route.guards.some((guard) => guard.scope === 'route' && isRateLimiter(guard.name))) continue;
    const authenticated = isAuthenticated(route);
    const expected = MUTATING_METHODS.has(route.method) ? protectsMutations : protectsAnything && isPrivatePath(route.path);
    if (!authenticated && expected) {
      findings.push({
        at: route.at,
        message: `\`${route.method} ${route.path}\` ${describeChange(route)} without authentication, while this app authenticates its other routes; add the auth middleware or guard to it, or mark it public if it is meant to be.`,
        ...(authExample ? { related: [{ at: authExample.at, message: `\`${authExample.name}\` authenticates other routes here.` }] } : {}),
      });
    } else if (authenticated && adminRoleCheck && isAdminPath(route.path) && !route.guards.some((guard) => guard.checksRole) && !route.handlerChecksRole) {
      findings.push({
        at: route.at,
        message: `Admin route \`${route.method} ${route.path}\` checks who the user is but not their role, while other admin routes do; add the role check.`,
        related: [{ at: adminRoleCheck.at, message: `\`${adminRoleCheck.name}\` checks the role on other admin routes.` }],
      });
    }
  }
  return findings;
}

function isRateLimiter(name: string): boolean {
  return /rate.?limit|throttle|limiter|slow.?down/i.test(name);
}

function groupByApp(routes: RouteFact[]): RouteFact[][] {
  const groups = new Map<string, RouteFact[]>();
  for (const route of routes) groups.set(route.app, [...(groups.get(route.app) ?? []), route]);
  return [...groups.values()];
}

function isPrivatePath(path: string): boolean {
  return path.toLowerCase().split('/').some((segment) => PRIVATE_SEGMENTS.has(segment));
}

function isAdminPath(path: string): boolean {
  return path.toLowerCase().split('/').some((segment) => segment === 'admin' || segment.startsWith('admin-'));
}

function describeChange(route: RouteFact): string {
  return MUTATING_METHODS.has(route.method) ? 'changes data' : 'returns user data';
}
