import { getRouteResponses, type ProjectFacts, type RouteFact } from '@redline/core';

/** One endpoint as a reviewer of a pull request wants to see it. */
export interface RouteRow {
  method: string;
  path: string;
  /** `file:line` of the registration, relative to the working directory. */
  location: string;
  file: string;
  line: number;
  /** What authenticates it: guard names, `handler` (checks in its body), `public`, or `none`. */
  auth: string;
  /** What checks the role: guard names, `handler`, or `-`. */
  role: string;
  /** Entities the handler sends as they are (`User`), or `-`. */
  returnsEntity: string;
  /** False when nobody visibly mounts the router: its guards may be incomplete. */
  mounted: boolean;
}

/**
 * The endpoint inventory from the analyzer's facts: method, full path,
 * registration, authentication, role check, and whether the handler sends an
 * unshaped entity. `relativePath` maps the analyzer's paths to the cwd's.
 */
export function buildRouteInventory(facts: ProjectFacts, relativePath: (file: string) => string): RouteRow[] {
  return facts.routes
    .map((route) => {
      const file = relativePath(route.at.file);
      return {
        method: route.method,
        path: route.path,
        location: `${file}:${route.at.line}`,
        file,
        line: route.at.line,
        auth: describeAuth(route),
        role: describeRole(route),
        returnsEntity: getReturnedEntities(route, facts).join(', ') || '-',
        mounted: route.mountKnown,
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method) || a.location.localeCompare(b.location));
}

function describeAuth(route: RouteFact): string {
  // `@Public()` under a global Nest guard: the guard reads the metadata and lets the route through.
  if (route.optsOutOfGuards && route.guards.every((guard) => guard.scope === 'global')) return 'public';
  const names = unique(route.guards.filter((guard) => guard.authenticates).map((guard) => guard.name));
  if (names.length > 0) return names.join(', ');
  if (route.isPublic) return 'public';
  return route.handlerChecksAuth ? 'handler' : 'none';
}

function describeRole(route: RouteFact): string {
  const names = unique(route.guards.filter((guard) => guard.checksRole).map((guard) => guard.name));
  if (names.length > 0) return names.join(', ');
  return route.handlerChecksRole ? 'handler' : '-';
}

/** Unshaped records sent from inside the route's handler. */
function getReturnedEntities(route: RouteFact, facts: ProjectFacts): string[] {
  return unique(getRouteResponses(route, facts).flatMap((response) => (response.payload.kind === 'entity' && !response.payload.shaped ? [response.payload.entity] : [])));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
