import type { CodeSpan, ProjectFacts, ResponseFact, RouteFact } from './facts.js';

/** The routes whose handler holds `fn` (the function a write or a call sits in): the requests that reach it. */
export function getReachingRoutes(routes: readonly RouteFact[], fn: CodeSpan): RouteFact[] {
  return routes.filter((route) => route.handler !== undefined && contains(route.handler, fn));
}

/** The responses a route's handler sends (its own lines hold them). */
export function getRouteResponses(route: RouteFact, facts: Pick<ProjectFacts, 'responses'>): ResponseFact[] {
  const handler = route.handler;
  if (!handler) return [];
  return facts.responses.filter((response) => response.at.file === handler.file && response.at.line >= handler.line && response.at.line <= handler.endLine);
}

function contains(outer: CodeSpan, inner: CodeSpan): boolean {
  if (outer.file !== inner.file) return false;
  const startsBefore = outer.line < inner.line || (outer.line === inner.line && outer.column <= inner.column);
  const endsAfter = outer.endLine > inner.endLine || (outer.endLine === inner.endLine && outer.endColumn >= inner.endColumn);
  return startsBefore && endsAfter;
}
