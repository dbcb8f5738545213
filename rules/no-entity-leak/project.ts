import type { EntityFact, ProjectCheck, ProjectFinding, ResponseFact } from '@redline/core';

/**
 * The cross-file half of `no-entity-leak`: a response that sends a record a
 * service or helper returned unshaped, or that a project helper or wrapper
 * class puts into the response (`sendResponse(res, 200, user)`,
 * `new ApiResponse(200, user)`), when the entity's schema shows columns that
 * must never reach a client (password hashes, reset tokens, API keys) and
 * nothing strips them (`select: false`, `@Exclude()` with a class
 * serializer, a `toJSON` transform, `delete user.passwordHash` before sending).
 */
const noEntityLeakProject: ProjectCheck = {
  name: 'no-entity-leak',
  category: 'entity-leak',
  check(facts) {
    const findings: ProjectFinding[] = [];
    for (const response of facts.responses) {
      // A record read and sent in the handler itself is the ESLint rule's; this half sees what other files hide.
      if (response.payload.kind !== 'entity' || response.payload.shaped) continue;
      if (response.via.length === 0 && !response.carriedBy) continue;
      const entity = facts.entities.find((candidate) => candidate.name === response.payload.entity);
      const exposed = entity ? getExposedSensitiveColumns(entity, response) : [];
      if (!entity || exposed.length === 0) continue;
      const columns = exposed.map((column) => `\`${column.name}\``).join(', ');
      const source = response.via[0];
      const records = response.payload.many ? 'records' : 'record';
      const message = source
        ? `This response sends the \`${entity.name}\` ${records} that \`${source.name}\` returns as ${response.payload.many ? 'they are' : 'it is'}, with ${columns}; map it to a DTO or select only the fields the client needs.`
        : `This response sends the whole \`${entity.name}\` ${records} through \`${response.carriedBy!.name}\`, with ${columns}; map it to a DTO or select only the fields the client needs.`;
      const step = source ?? response.carriedBy!;
      findings.push({
        at: response.at,
        message,
        related: [
          { at: step.at, message: source ? `\`${source.name}\` returns the unshaped \`${entity.name}\`.` : `\`${step.name}\` puts its argument into the response as it is.` },
          { at: exposed[0]!.at, message: `\`${exposed[0]!.name}\` is declared here.` },
        ],
      });
    }
    return findings;
  },
  refute(facts) {
    // Records of an entity whose schema the analyzer has read and that carries nothing sensitive (or strips it);
    // a response that also carries a record with something sensitive (`{ user, posts }`) is not refuted.
    const isHarmless = (response: ResponseFact) => {
      const entity = facts.entities.find((candidate) => candidate.name === response.payload.entity);
      return response.payload.kind === 'entity' && entity !== undefined && getExposedSensitiveColumns(entity, response).length === 0;
    };
    const sameLine = (a: ResponseFact, b: ResponseFact) => a.at.file === b.at.file && a.at.line === b.at.line;
    return facts.responses
      .filter((response) => isHarmless(response) && facts.responses.every((other) => !sameLine(response, other) || isHarmless(other) || other.payload.kind === 'fields'))
      .map((response) => response.at);
  },
};

export default noEntityLeakProject;

/** Sensitive columns the response carries: not hidden by the ORM setup, not taken off by the code. */
function getExposedSensitiveColumns(entity: EntityFact, response: ResponseFact) {
  const omitted = response.payload.kind === 'entity' ? (response.payload.omitted ?? []) : [];
  return entity.columns.filter((column) => column.sensitive && !column.hidden && !omitted.includes(column.name));
}
