import type { RouteFact } from './facts.js';

/** How findings name a route: `` `POST /api/orders` ``, or `` GraphQL mutation `createOrder` `` for a resolver's operation. */
export function describeRouteFact(route: Pick<RouteFact, 'method' | 'path' | 'graphql'>): string {
  return route.graphql ? `GraphQL ${route.graphql} \`${route.path.split('/').at(-1)}\`` : `\`${route.method} ${route.path}\``;
}
