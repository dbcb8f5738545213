import type { EntityFact, ProjectCheck, ProjectFinding } from '@redline/core';

/**
 * The cross-file half of `no-entity-leak`: a response that sends a record a
 * service or helper returned unshaped, when the entity's schema shows columns
 * that must never reach a client (password hashes, reset tokens, API keys)
 * and nothing in the ORM setup strips them (`select: false`, `@Exclude()`
 * with a class serializer, a `toJSON` transform).
 */
const noEntityLeakProject: ProjectCheck = {
  name: 'no-entity-leak',
  category: 'entity-leak',
  check(facts) {
    const findings: ProjectFinding[] = [];
    for (const response of facts.responses) {
      // A record read in the handler itself is the ESLint rule's; this half sees records that come through services.
      if (response.payload.kind !== 'entity' || response.payload.shaped || response.via.length === 0) continue;
      const entity = facts.entities.find((candidate) => candidate.name === response.payload.entity);
      const exposed = entity ? getExposedSensitiveColumns(entity) : [];
      if (!entity || exposed.length === 0) continue;
      const source = response.via[0];
      const columns = exposed.map((column) => `\`${column.name}\``).join(', ');
      findings.push({
        at: response.at,
        message: `This response sends the \`${entity.name}\` ${response.payload.many ? 'records' : 'record'} that \`${source?.name ?? 'a helper'}\` returns as ${response.payload.many ? 'they are' : 'it is'}, with ${columns}; map it to a DTO or select only the fields the client needs.`,
        related: [
          ...(source ? [{ at: source.at, message: `\`${source.name}\` returns the unshaped \`${entity.name}\`.` }] : []),
          { at: exposed[0]!.at, message: `\`${exposed[0]!.name}\` is declared here.` },
        ],
      });
    }
    return findings;
  },
  refute(facts) {
    // Records of an entity whose schema the analyzer has read and that carries nothing sensitive (or strips it).
    return facts.responses
      .filter((response) => response.payload.kind === 'entity')
      .filter((response) => {
        const entity = facts.entities.find((candidate) => candidate.name === response.payload.entity);
        return entity !== undefined && getExposedSensitiveColumns(entity).length === 0;
      })
      .map((response) => response.at);
  },
};

export default noEntityLeakProject;

function getExposedSensitiveColumns(entity: EntityFact) {
  return entity.columns.filter((column) => column.sensitive && !column.hidden);
}
