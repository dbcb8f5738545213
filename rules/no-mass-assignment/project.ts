import { getReachingRoutes, isOwnerColumnName, isPrivilegedColumnName, isValidatorName, type BodyWriteFact, type EntityFact, type ProjectCheck, type ProjectFacts, type RouteFact } from '@redline/core';

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
 *
 * It also reports what no file shows whole: a handler that passes the body to
 * a project function (`userService.create(req.body)`) that writes it whole or
 * spread into a model with privileged columns left to the client.
 */
const noMassAssignmentProject: ProjectCheck = {
  name: 'no-mass-assignment',
  category: 'mass-assignment',
  check(facts) {
    // The body handed to a service that writes it: no file shows both halves, so only this half can report it.
    return (facts.bodyWrites ?? []).flatMap((write) => {
      const open = write.through ? getOpenColumns(write, facts) : [];
      if (!write.through || open.length === 0 || isRoleCheckedEverywhere(write, facts) || isValidatedEverywhere(write, facts)) return [];
      const columns = open.map((name) => `\`${name}\``).join(', ');
      return [{
        at: write.at,
        message: write.unstrippedDto
          ? `The \`${write.unstrippedDto}\` body is passed to \`${write.through.helper}\`, which writes it whole into \`${write.entity}\`, and the app's ValidationPipe keeps keys the DTO does not declare (no \`whitelist: true\`), so a client can set ${columns}; turn on \`whitelist: true\` (or \`forbidNonWhitelisted\`), or pass only the fields the client may set.`
          : `The request body is passed to \`${write.through.helper}\`, which writes it whole into \`${write.entity}\`, so a client can set ${columns}; pass only the fields the client may set, or a body parsed by a schema that strips the rest.`,
        related: [{ at: write.through.write, message: `\`${write.through.helper}\` writes its argument into \`${write.entity}\` here.` }],
      }];
    });
  },
  refute(facts) {
    return (facts.bodyWrites ?? []).filter((write) => !write.through && isHarmlessWrite(write, facts)).map((write) => write.at);
  },
};

export default noMassAssignmentProject;

function isHarmlessWrite(write: BodyWriteFact, facts: ProjectFacts): boolean {
  const entities = facts.entities.filter((entity) => entity.name === write.entity);
  if (entities.length === 0 || getOpenColumns(write, facts).length > 0) return false;
  const pinned = new Set(write.pinnedKeys);
  const userEntities = new Set(facts.entities.filter(isUserEntity).map((entity) => entity.name));
  if (entities.some((entity) => readColumns(entity, userEntities).owner.some((name) => pinned.has(name)))) return true;
  return isRoleCheckedEverywhere(write, facts);
}

/** The privileged columns of the written model that the write leaves to the client (not pinned after the body). */
function getOpenColumns(write: BodyWriteFact, facts: ProjectFacts): string[] {
  const userEntities = new Set(facts.entities.filter(isUserEntity).map((entity) => entity.name));
  const pinned = new Set(write.pinnedKeys);
  const open = facts.entities
    .filter((entity) => entity.name === write.entity)
    .flatMap((entity) => readColumns(entity, userEntities).privileged.filter((name) => !pinned.has(name)));
  return [...new Set(open)];
}

/** Whether the write is reached by known routes only, and each of them checks a role. */
function isRoleCheckedEverywhere(write: BodyWriteFact, facts: ProjectFacts): boolean {
  const reaching = getReachingRoutes(facts.routes, write.inFunction);
  return reaching.length > 0 && reaching.every(checksRole);
}

/** Whether the write is reached by known routes only, and each of them runs validation middleware (`validate(schema)`). */
function isValidatedEverywhere(write: BodyWriteFact, facts: ProjectFacts): boolean {
  const reaching = getReachingRoutes(facts.routes, write.inFunction);
  return reaching.length > 0 && reaching.every((route) => route.guards.some((guard) => isValidatorName(guard.name)));
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
