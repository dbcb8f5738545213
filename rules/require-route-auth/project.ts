import {
  describeRouteFact,
  getResourceKey,
  getRouteResponses,
  isAvailabilityCheck,
  isOwnerColumnName,
  isEngagementPath,
  isPublicAssetRead,
  isPublicViewRead,
  isReadThroughPost,
  isModerationPath,
  looksLikeOptionalAuthName,
  type ProjectCheck,
  type ProjectFacts,
  type ProjectFinding,
  type RouteFact,
} from '@redline/core';

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Names of middleware that decide access to what a route acts on: `requireWorkspacePermission`, `workspaceAccess.fromTask`, `isProjectMember`. */
const ACCESS_GUARD = /permission|access|authori[sz]|polic(?:y|ies)|abilit|ownership|owner|member/i;
/**
 * Path segments that make a GET route private by nature: the caller's own
 * account, admin views, credentials. `/profiles/:name` or `/users/:id` are
 * often public pages, so they do not count on their own.
 */
const PRIVATE_SEGMENTS = new Set([
  'me', 'account', 'accounts', 'admin', 'settings', 'billing', 'invoices', 'notifications', 'sessions', 'tokens',
  'api-keys', 'apikeys', 'credentials', 'secrets', 'audit', 'audit-log', 'audit-logs',
  // Records about people (document numbers, contact details), not public profiles.
  // Not a singular `client`: `/api/v1/client/…` is the API a browser SDK calls, public by design.
  'person', 'persons', 'people', 'customer', 'customers', 'employee', 'employees', 'patient', 'patients', 'clients', 'contacts',
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
      findings.push(...checkApp(routes, facts));
    }
    return findings;
  },
  refute(facts) {
    return facts.routes
      .filter((route) =>
        // A route the per-file half may doubt, whose whole chain (mounts in other files included) authenticates it,
        (route.mountKnown && route.mountedFromOtherFile && route.guards.some((guard) => guard.authenticates && guard.scope !== 'route')) ||
        // or whose handler, written in another file, is a stub that only turns requests down,
        route.handlerOnlyRejects ||
        // or checks the caller itself, or is public by what it does (takes a password: a sign-in by another name).
        (route.handler !== undefined && route.handler.file !== route.at.file && (route.handlerChecksAuth || route.isPublic)))
      .map((route) => route.at);
  },
};

export default requireRouteAuthProject;

/**
 * One app's routes. The evidence that a route was meant to be protected is
 * that the same app protects its siblings: another route that changes data is
 * authenticated (for a mutating route), or any route is (for a private GET).
 */
function checkApp(routes: RouteFact[], facts: ProjectFacts): ProjectFinding[] {
  const isAuthenticated = (route: RouteFact) => route.guards.some((guard) => guard.authenticates) || route.handlerChecksAuth;
  const authExample = routes.flatMap((route) => route.guards).find((guard) => guard.authenticates);
  const protectsMutations = routes.some((route) => MUTATING_METHODS.has(route.method) && isAuthenticated(route));
  const protectsAnything = routes.some(isAuthenticated);
  const checksRoles = routes.some((route) => route.guards.some((guard) => guard.checksRole));
  const adminRoleCheck = routes.filter((route) => isAdminPath(route.path)).flatMap((route) => route.guards).find((guard) => guard.checksRole);

  // Auth written on the route itself: route middleware, or a Nest `@UseGuards` on the method or its class.
  const filesWithRouteAuth = new Set(routes.filter((route) => route.guards.some((guard) => (guard.scope === 'route' || guard.scope === 'guard') && guard.authenticates)).map((route) => route.at.file));
  const authenticatesRoutesIn = (file: string) => filesWithRouteAuth.has(file);

  // The resources (`/api/orders/...` → `orders`) some route of the app authenticates.
  const authenticatedResources = new Set(routes.filter(isAuthenticated).map((route) => getResourceKey(route.path)));
  const unauthenticated: { route: RouteFact; corroborated: boolean }[] = [];

  const findings: ProjectFinding[] = [];
  for (const route of routes) {
    // A route with its own rate limiter and no auth was left open on purpose (sign-up, subscribe links).
    if (route.isPublic || route.guards.some((guard) => guard.scope === 'route' && isRateLimiter(guard.name))) continue;
    // A CORS preflight answers before any credentials are sent, with headers and no data.
    if (route.method === 'OPTIONS') continue;
    // Optional auth on the route itself (`isGuestOrAuthorized`, `auth.optional`): guests are let in on purpose.
    if (route.guards.some((guard) => guard.scope === 'route' && looksLikeOptionalAuthName(guard.name))) continue;
    // A role or access check on the route itself (`requireRole('admin')`, `workspaceAccess.fromTask(…)`) decides who
    // may call it, which presumes a caller: the per-file half reads any such guard the same way.
    if (route.guards.some((guard) => guard.scope === 'route' && (guard.checksRole || ACCESS_GUARD.test(guard.name)))) continue;
    // A handler written around the signed-in caller (`req.user.id`, `c.get('userId')`, `@CurrentUser() user`) is behind
    // an auth step the analyzer does not see (without one, every call would fail on the missing user) — unless its
    // siblings in the same file carry their auth on the route itself, and this one forgot it.
    if (route.handlerReadsCaller && !isAuthenticated(route) && !authenticatesRoutesIn(route.at.file)) continue;
    // `getHello(): string`: a read declared to answer a plain value returns no one's records; nor does an image read
    // by its file name (`GET /profile/photo/:fileName`), which pages load in an `<img>`, nor a resource's public view
    // (`GET /settings/public`).
    if (route.method === 'GET' && (route.handlerReturnsPlainValue || isPublicAssetRead(route.path) || isPublicViewRead(route.path))) continue;
    // A stub that only turns requests down (`return c.json(notImplemented, 501)`) reads and changes nothing; a
    // collector that only logs what browsers send (`POST /api/log`) changes nothing either.
    if (route.handlerOnlyRejects || route.handlerOnlyLogs) continue;
    // `POST /products/get-by-ids` reads; `GET /account/is-existed-email/:email` serves a sign-up form.
    if ((route.method === 'POST' && isReadThroughPost(route.path)) || isAvailabilityCheck(route.path)) continue;
    // `POST /posts/:id/like`, `/polls/:id/vote` with a handler that asks nothing of the caller: readers react to public
    // content without an account, by design.
    if (MUTATING_METHODS.has(route.method) && isEngagementPath(route.path) && !route.handlerReadsCaller) continue;
    const authenticated = isAuthenticated(route);
    const sibling = route.framework === 'nextjs' || (route.method === 'GET' && isPeoplePath(route.path))
      ? findAuthenticatedSibling(route, routes)
      : route.method === 'GET' && sendsOwnedRecords(route, facts) ? findSignedInUserSibling(route, routes) : undefined;
    const expected = route.framework === 'nextjs'
      ? (MUTATING_METHODS.has(route.method) || isPrivatePath(route.path)) && (sibling !== undefined || isBehindAppMiddleware(route, routes)) && !isModeratedSubmission(route, routes)
      : MUTATING_METHODS.has(route.method)
        ? protectsMutations && !isModeratedSubmission(route, routes)
        : protectsAnything && (isPrivatePath(route.path) || sibling !== undefined);
    if (!authenticated && expected && sibling) {
      const guard = sibling.guards.find((candidate) => candidate.authenticates);
      unauthenticated.push({ route, corroborated: true });
      findings.push({
        at: route.at,
        message: `${describeRouteFact(route)} ${describeChange(route)} without authentication, while ${sibling.path === route.path ? `\`${sibling.method}\` on the same path` : `\`${sibling.method} ${sibling.path}\``} is authenticated; add the same check to this ${sibling.path === route.path ? 'method' : 'route'}, or mark it public if it is meant to be.`,
        related: [{ at: guard?.at ?? sibling.at, message: guard ? `\`${guard.name}\` authenticates \`${sibling.method}\` here.` : `\`${sibling.method}\` checks the caller here.` }],
      });
    } else if (!authenticated && expected) {
      // An admin route is private by nature: in an app that checks admins elsewhere, one left open is no public corner.
      const corroborated = authenticatesRoutesIn(route.at.file) || authenticatedResources.has(getResourceKey(route.path)) || (checksRoles && isAdminPath(route.path));
      unauthenticated.push({ route, corroborated });
      findings.push({
        at: route.at,
        message: `${describeRouteFact(route)} ${describeChange(route)} without authentication, while this app authenticates its other routes; add the auth middleware or guard to it, or mark it public if it is meant to be.`,
        ...(authExample ? { related: [{ at: authExample.at, message: `\`${authExample.name}\` authenticates other routes here.` }] } : {}),
      });
    } else if (authenticated && adminRoleCheck && isAdminPath(route.path) && !route.guards.some((guard) => guard.checksRole) && !route.handlerChecksRole) {
      findings.push({
        at: route.at,
        message: `Admin route ${describeRouteFact(route)} checks who the user is but not their role, while other admin routes do; add the role check.`,
        related: [{ at: adminRoleCheck.at, message: `\`${adminRoleCheck.name}\` checks the role on other admin routes.` }],
      });
    } else if (authenticated && MUTATING_METHODS.has(route.method) && isModerationPath(route.path) && !route.guards.some((guard) => guard.checksRole) && !route.handlerChecksRole) {
      // `PUT /merchant/approve/:id` for any signed-in user, while other `/merchant` routes take the admin role.
      const roleCheck = routes.find((other) => other !== route && getResourceKey(other.path) === getResourceKey(route.path) &&
        other.guards.some((guard) => guard.checksRole))?.guards.find((guard) => guard.checksRole);
      if (roleCheck) {
        findings.push({
          at: route.at,
          message: `${describeRouteFact(route)} moderates records (approves, rejects, bans or switches them on and off) for any signed-in user, while other routes on the same resource check a role; add the role check.`,
          related: [{ at: roleCheck.at, message: `\`${roleCheck.name}\` checks the role on other routes of this resource.` }],
        });
      }
    }
  }
  // An app that leaves more routes open than it authenticates is telling us something the names do not: a public
  // API with a few signed-in corners, or auth done where the analyzer cannot see it (a gateway, a proxy). There
  // the app-wide evidence is too weak on its own: only a route next to authenticated ones (the same path with
  // another method, a file that authenticates its routes, a resource the app authenticates elsewhere) is reported.
  if (unauthenticated.length > routes.filter(isAuthenticated).length) {
    const weak = new Set(unauthenticated.filter((entry) => !entry.corroborated).map((entry) => entry.route.at));
    return mergeSameSpot(findings.filter((finding) => !weak.has(finding.at)), routes);
  }
  return mergeSameSpot(findings, routes);
}

/**
 * One finding per place a reviewer fixes: routes a controller inherits from a
 * base class (`class CategoryController extends ControllerFactory<Category>()`)
 * all point at the controller, and one finding there names them all.
 */
function mergeSameSpot(findings: ProjectFinding[], routes: RouteFact[]): ProjectFinding[] {
  const bySpot = new Map<string, ProjectFinding[]>();
  for (const finding of findings) {
    const key = `${finding.at.file}:${finding.at.line}:${finding.at.column}`;
    bySpot.set(key, [...(bySpot.get(key) ?? []), finding]);
  }
  return [...bySpot.values()].map(([first, ...others]) => {
    if (others.length === 0) return first!;
    const labels = others.map((other) => routes.find((route) => route.at === other.at && other.message.startsWith(describeRouteFact(route))))
      .flatMap((route) => (route ? [describeRouteFact(route)] : []));
    return { ...first!, message: `${first!.message} The same holds for ${labels.join(', ')}, served from the same place.` };
  });
}

/**
 * Next.js handlers authenticate one by one (a session check in the handler, a
 * wrapper), so a handler without one is public by design unless the same
 * route authenticates its other methods (the check was forgotten in one
 * branch) or the app's `middleware.ts` authenticates other routes of its kind
 * (the matcher was not extended to this one).
 */
function findAuthenticatedSibling(route: RouteFact, routes: RouteFact[]): RouteFact | undefined {
  return routes.find((other) => other !== route && other.path === route.path && other.method !== route.method &&
    (other.handlerChecksAuth || other.guards.some((guard) => guard.authenticates)));
}

/**
 * `PUT /address/:id` (or the list, `GET /address`) for any signed-in user beside an open `GET /address/:id`: the records are each user's own
 * (the GET sends records with an owner column), and reading one is as private as changing it. A write that
 * takes a role (`PUT /products/:id` for admins) says nothing of the sort: staff manage what everyone reads.
 */
function findSignedInUserSibling(route: RouteFact, routes: RouteFact[]): RouteFact | undefined {
  const forAnyUser = (other: RouteFact) => !other.handlerChecksRole && !other.guards.some((guard) => guard.checksRole);
  const sibling = findAuthenticatedSibling(route, routes);
  if (sibling && forAnyUser(sibling)) return sibling;
  // `GET /address` (the caller's list) authenticated, `GET /address/:id` not: the list's item is as private as the list.
  const collection = route.path.replace(/\/:[^/]+$/, '');
  return collection !== route.path
    ? routes.find((other) => other.method === 'GET' && other.path === collection && forAnyUser(other) &&
      (other.handlerChecksAuth || other.guards.some((guard) => guard.authenticates)))
    : undefined;
}

/** Whether a route sends records of an entity that names its owner (`user`, `userId`, a reference to the user entity). */
function sendsOwnedRecords(route: RouteFact, facts: ProjectFacts): boolean {
  return getRouteResponses(route, facts).some((response) => {
    const entity = facts.entities.find((candidate) => candidate.name === response.payload.entity);
    return entity !== undefined && entity.columns.some((column) => isOwnerColumnName(column.name));
  });
}

function isBehindAppMiddleware(route: RouteFact, routes: RouteFact[]): boolean {
  return routes.some((other) => (!MUTATING_METHODS.has(route.method) || MUTATING_METHODS.has(other.method)) &&
    other.guards.some((guard) => guard.authenticates && guard.scope === 'global'));
}

/**
 * `POST /comments` open to anyone while editing, deleting or reading single
 * comments takes an admin role, and nothing under the path asks for a plain
 * signed-in user: anonymous submissions that admins moderate, by design.
 */
function isModeratedSubmission(route: RouteFact, routes: RouteFact[]): boolean {
  if (route.method !== 'POST') return false;
  const family = routes.filter((other) => other !== route && (other.path === route.path || other.path.startsWith(`${route.path}/`)));
  const checksRole = (other: RouteFact) => other.handlerChecksRole || other.guards.some((guard) => guard.checksRole);
  const authenticates = (other: RouteFact) => other.handlerChecksAuth || other.guards.some((guard) => guard.authenticates);
  return family.some(checksRole) && !family.some((other) => authenticates(other) && !checksRole(other));
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

/**
 * Paths about people (`/users`, `/users/customer`): private when another
 * method of the same path is authenticated (`POST /users` needs an admin,
 * so `GET /users` listing everyone should too), not on their own.
 */
const PEOPLE_SEGMENTS = new Set([
  'user', 'users', 'customer', 'customers', 'member', 'members', 'account', 'accounts', 'person', 'persons', 'people',
  'employee', 'employees', 'patient', 'patients', 'client', 'clients', 'contact', 'contacts', 'staff',
]);

function isPeoplePath(path: string): boolean {
  return path.toLowerCase().split('/').some((segment) => PEOPLE_SEGMENTS.has(segment));
}

function isAdminPath(path: string): boolean {
  return path.toLowerCase().split('/').some((segment) => segment === 'admin' || segment.startsWith('admin-'));
}

function describeChange(route: RouteFact): string {
  return MUTATING_METHODS.has(route.method) ? 'changes data' : 'returns user data';
}
