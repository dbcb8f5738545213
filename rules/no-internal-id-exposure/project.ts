import type { EntityFact, ProjectCheck, ProjectFinding, ResponseFact } from '@redline/core';

/**
 * The cross-file half of `no-internal-id-exposure`: with the schema in hand
 * (`@default(autoincrement())` in schema.prisma, `@PrimaryGeneratedColumn()`,
 * Sequelize's default `id`), a response that carries an autoincrement primary
 * key, or a foreign key to one, whether the record is sent whole, `select`-ed
 * with its id, or copied field by field. Sequential ids let any client count
 * the table and walk it. Not when the API itself takes numeric ids from its
 * URLs (`Number(req.params.id)`, `@Param('id', ParseIntPipe)`): then those ids
 * are its public identifiers by design.
 */
const noInternalIdExposureProject: ProjectCheck = {
  name: 'no-internal-id-exposure',
  category: 'internal-id-exposure',
  check(facts) {
    // An API that takes numeric ids in its URLs (`/links/:id`) has made them its public identifiers:
    // sending them back is its contract, not a leak.
    if (facts.numericIdParameters?.length) return [];
    const findings = new Map<string, ProjectFinding>();
    for (const response of facts.responses) {
      const entity = facts.entities.find((candidate) => candidate.name === response.payload.entity);
      const exposed = entity ? getExposedInternalIds(response, entity) : [];
      const key = `${response.at.file}:${response.at.line}`;
      if (!entity || exposed.length === 0 || findings.has(key)) continue;
      // A whole record with a secret in it is no-entity-leak's finding; its fix (pick the fields) settles the id too —
      // unless the entity has a public identifier (`publicId`, `uuid`, `slug`) that the response should carry instead.
      if (sendsSecretsWhole(response, entity) && !hasPublicIdentifier(entity)) continue;
      const names = exposed.map((name) => `\`${name}\``).join(', ');
      const column = entity.columns.find((candidate) => candidate.name === exposed[0]);
      findings.set(key, {
        at: response.at,
        message: `This response exposes ${names} of \`${entity.name}\`, ${exposed.length > 1 ? 'internal sequential ids that let' : 'an internal sequential id that lets'} clients count and walk the table; send a public identifier (a UUID or slug) instead.`,
        related: [
          {
            at: column?.at ?? entity.at,
            message: exposed[0] === entity.primaryKey?.name ? `\`${entity.name}\` numbers \`${exposed[0]}\` with autoincrement.` : `\`${exposed[0]}\` holds another table's autoincrement key.`,
          },
          ...(response.via[0] ? [{ at: response.via[0].at, message: `\`${response.via[0].name}\` returns the record.` }] : []),
          ...(response.carriedBy ? [{ at: response.carriedBy.at, message: `\`${response.carriedBy.name}\` carries the record into the response.` }] : []),
        ],
      });
    }
    return [...findings.values()];
  },
};

export default noInternalIdExposureProject;

/** The autoincrement key and foreign keys to autoincrement ids that a response carries. */
function getExposedInternalIds(response: ResponseFact, entity: EntityFact): string[] {
  const internal = new Set<string>(entity.primaryKey?.kind === 'autoincrement' ? [entity.primaryKey.name] : []);
  for (const column of entity.columns) if (column.internalForeignKey) internal.add(column.name);
  if (internal.size === 0) return [];
  const payload = response.payload;
  if (payload.kind === 'fields') return payload.fields.filter((field) => internal.has(field));
  if (!payload.shaped) return [...internal].filter((name) => !payload.omitted?.includes(name));
  return (payload.selected ?? []).filter((field) => internal.has(field));
}

function sendsSecretsWhole(response: ResponseFact, entity: EntityFact): boolean {
  const payload = response.payload;
  return payload.kind === 'entity' && !payload.shaped &&
    entity.columns.some((column) => column.sensitive && !column.hidden && !payload.omitted?.includes(column.name));
}

/** A column made to identify records to clients: `publicId`, `public_id`, `externalId`, `uuid`, `slug`. */
function hasPublicIdentifier(entity: EntityFact): boolean {
  return entity.columns.some((column) => /^(?:public|external)_?id$|uuid$|^slug$/i.test(column.name));
}
