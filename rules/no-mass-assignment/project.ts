import { isOwnerColumnName, isPrivilegedColumnName, type BodyWriteFact, type CodeSpan, type EntityFact, type ProjectCheck, type ProjectFacts, type RouteFact } from '@redline/core';

/**
 * The cross-file half of `no-mass-assignment` only corrects the ESLint rule,
 * with what a file alone cannot see: the routes that reach a write (their
 * middleware is registered in a router file) and the columns of the model it
 * writes (declared in a model file). A body written whole is harmless when
 * no column is left that the client must not set, and either
 * - every route that reaches the write checks a role: an admin editing
 *   catalog data (brands, categories, sliders) is the feature, or
 * - the object literal pins the record's owner after the spread
 *   (`{ ...req.body, userId }`): the client fills in its own record.
 * A write no known route reaches, on a model the facts do not know, or with
 * a privileged column left to the client keeps the per-file finding.
 */
const noMassAssignmentProject: ProjectCheck = {
  name: 'no-mass-assignment',
  category: 'mass-assignment',
  check() {
    return [];
  },
  refute(facts) {
    return (facts.bodyWrites ?? []).filter((write) => isHarmlessWrite(write, facts)).map((write) => write.at);
  },
};

export default noMassAssignmentProject;

function isHarmlessWrite(write: BodyWriteFact, facts: ProjectFacts): boolean {
  const entities = facts.entities.filter((entity) => entity.name === write.entity);
  if (entities.length === 0) return false;
  const userEntities = new Set(facts.entities.filter(isUserEntity).map((entity) => entity.name));
  const pinned = new Set(write.pinnedKeys);
  const columns = entities.map((entity) => readColumns(entity, userEntities));
  if (columns.some(({ privileged }) => privileged.some((name) => !pinned.has(name)))) return false;
  if (columns.some(({ owner }) => owner.some((name) => pinned.has(name)))) return true;
  const reaching = facts.routes.filter((route) => route.handler !== undefined && contains(route.handler, write.inFunction));
  return reaching.length > 0 && reaching.every(checksRole);
}

/**
 * An entity's owner columns (`userId`, or any reference to a user: `postedBy: { ref: 'User' }`)
 * and its privileged columns (`isPrivilegedColumnName`, and the owner columns).
 */
function readColumns(entity: EntityFact, userEntities: ReadonlySet<string>): { owner: string[]; privileged: string[] } {
  const userReferences = new Set((entity.relations ?? []).filter((relation) => userEntities.has(relation.target)).map((relation) => relation.name));
  const names = entity.columns.map((column) => column.name);
  return {
    owner: names.filter((name) => isOwnerColumnName(name) || userReferences.has(name)),
    privileged: names.filter((name) => isPrivilegedColumnName(name) || userReferences.has(name)),
  };
}

/** The entity the app's accounts live in: `User`, `Account`, or one holding a credential (what owner columns point at). */
function isUserEntity(entity: EntityFact): boolean {
  return isOwnerColumnName(entity.name) || entity.columns.some((column) => column.sensitive);
}

function checksRole(route: RouteFact): boolean {
  return route.handlerChecksRole || route.guards.some((guard) => guard.checksRole);
}

/** Whether `outer` (a route's handler) holds `inner` (the function the write is in). */
function contains(outer: CodeSpan, inner: CodeSpan): boolean {
  if (outer.file !== inner.file) return false;
  const startsBefore = outer.line < inner.line || (outer.line === inner.line && outer.column <= inner.column);
  const endsAfter = outer.endLine > inner.endLine || (outer.endLine === inner.endLine && outer.endColumn >= inner.endColumn);
  return startsBefore && endsAfter;
}
