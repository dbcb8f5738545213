import { PUBLIC_MODEL_NAMES, getReachingRoutes, getResourceKey, isModerationPath, looksLikeAccessCheckName, type ProjectCheck, type ProjectFinding, type RouteFact } from '@redline/core';


/**
 * The cross-file half of `no-unscoped-resource-access`: an insecure direct
 * object reference where the per-file rule sees neither half. The handler
 * passes an id from the URL to a service and never reads the caller; the
 * service changes or deletes the record by that id with no owner in the
 * filter. It is reported when every route reaching the handler authenticates
 * (so a signed-in stranger is the threat) and none checks a role or access to
 * the record in its chain. Reads are reported only where the handler's own
 * file picks the same model's records by their owner elsewhere: otherwise a
 * handler that never reads the caller often serves records every signed-in
 * user may see (staff tools).
 */
const noUnscopedResourceAccessProject: ProjectCheck = {
  name: 'no-unscoped-resource-access',
  category: 'missing-ownership-check',
  check(facts) {
    const findings: ProjectFinding[] = [];
    for (const lookup of facts.clientIdLookups ?? []) {
      // A read is reported only where the handler's own file scopes the same model to the caller elsewhere
      // (`Order.find({ user: req.user._id })` beside `Order.findById(req.params.id)`): the records are each user's.
      const read = lookup.action === 'read';
      if (read && lookup.scopedToCallerAt === undefined) continue;
      const reaching = getReachingRoutes(facts.routes, lookup.inFunction);
      if (reaching.length === 0 || !reaching.every((route) => isOpenToAnySignedInUser(route, read))) continue;
      // `PUT /merchant/approve/:id` beside role-checked `/merchant` routes: staff act on records that are not theirs,
      // and the missing role check is require-route-auth's finding.
      if (reaching.every((route) => isModerationPath(route.path) && hasRoleCheckedSibling(route, facts.routes))) continue;
      const route = reaching[0]!;
      const scoped = lookup.scopedToCallerAt;
      findings.push({
        at: lookup.at,
        message: read && scoped
          ? `\`${route.method} ${route.path}\` lets any signed-in user read the \`${lookup.model}\` record whose id is in the URL: this lookup picks it with no owner in its filter and nothing on the way checks that it is the caller's, while this file picks \`${lookup.model}\` records by their owner elsewhere; scope the query to the caller, or check ownership before sending it.`
          : `\`${route.method} ${route.path}\` lets any signed-in user ${lookup.action} the \`${lookup.model}\` record whose id is in the URL: ${lookup.helper ? `\`${lookup.helper}\`` : 'this lookup'} picks it with no owner in its filter, and nothing on the way checks that the record is the caller's; scope the query to the caller (\`where: { id, userId }\`), or check ownership before using it.`,
        ...(lookup.helper ? { related: [{ at: lookup.lookup, message: `\`${lookup.helper}\` picks the record by the client's id alone here.` }] } : {}),
        ...(read && scoped ? { related: [{ at: scoped, message: `\`${lookup.model}\` records are picked by their owner here.` }] } : {}),
      });
    }
    // `GET /order` sending `Order.find()` to any signed-in user, in a file that elsewhere reads a caller's own orders.
    for (const list of facts.unscopedListReads ?? []) {
      if (PUBLIC_MODELS.has(singularize(list.model.toLowerCase()))) continue;
      const reaching = getReachingRoutes(facts.routes, list.inFunction);
      if (reaching.length === 0 || !reaching.every((route) => route.method === 'GET' && isListOpenToAnySignedInUser(route))) continue;
      const route = reaching[0]!;
      findings.push({
        at: list.at,
        message: `\`${route.method} ${route.path}\` hands every \`${list.model}\` record to any signed-in user: this read has no owner in its filter and nothing on the way checks a role, while this file picks \`${list.model}\` records by their owner elsewhere; scope it to the caller, or check the role that may see them all.`,
        related: [{ at: list.scopedToCallerAt, message: `\`${list.model}\` records are picked by their owner here.` }],
      });
    }
    return findings;
  },
  refuteWithin(facts) {
    // A handler that only role- or access-checked routes reach (`router.use(restrictTo('Owner', 'Sale'))` in the
    // router file) serves staff, who may act on any record: the per-file half cannot see that check.
    const byHandler = new Map<string, RouteFact[]>();
    for (const route of facts.routes) {
      if (!route.handler || !route.mountKnown) continue;
      const key = `${route.handler.file}:${route.handler.line}`;
      byHandler.set(key, [...(byHandler.get(key) ?? []), route]);
    }
    return [...byHandler.values()].filter((routes) => routes.every(checksRoleOrAccess)).map((routes) => routes[0]!.handler!);
  },
};

export default noUnscopedResourceAccessProject;

function checksRoleOrAccess(route: RouteFact): boolean {
  return route.handlerChecksRole || route.guards.some((guard) => guard.checksRole || (!guard.authenticates && looksLikeAccessCheckName(guard.name)));
}

/**
 * A route (a write route, unless `read`), authenticated, with an id in its path, and nothing in the chain that
 * checks a role or access to the record.
 */
function isOpenToAnySignedInUser(route: RouteFact, read: boolean): boolean {
  // A GET that writes bumps a view counter; the reads it serves are judged only as reads.
  if (!read && (route.method === 'GET' || route.method === 'HEAD')) return false;
  const authenticated = route.handlerChecksAuth || route.guards.some((guard) => guard.authenticates);
  if (!authenticated || route.isPublic || !route.path.includes(':')) return false;

  return !checksRoleOrAccess(route);
}

function hasRoleCheckedSibling(route: RouteFact, routes: readonly RouteFact[]): boolean {
  return routes.some((other) => other !== route && getResourceKey(other.path) === getResourceKey(route.path) && other.guards.some((guard) => guard.checksRole));
}

/** Models everyone may read (`Post`, `Product`): listing them all is the feature. */
const PUBLIC_MODELS: ReadonlySet<string> = new Set(PUBLIC_MODEL_NAMES);

function singularize(name: string): string {
  return name.replace(/(?:model|entity)$/, '').replace(/ies$/, 'y').replace(/s$/, '');
}

/** An authenticated route with nothing that checks a role or access, and not public. */
function isListOpenToAnySignedInUser(route: RouteFact): boolean {
  const authenticated = route.handlerChecksAuth || route.guards.some((guard) => guard.authenticates);
  return authenticated && !route.isPublic && !checksRoleOrAccess(route);
}
