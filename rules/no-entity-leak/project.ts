import { namesPassword, type ColumnFact, type EntityFact, type ProjectCheck, type ProjectFacts, type ProjectFinding, type ResponseFact, type ResponseRelation } from '@redline/core';

/** The source of a record this request creates: `new User(req.body)`, `User.create(…)`, `repo.save(…)`. */
const CREATED_RECORD = /\bnew\s+\w+\(|\.(?:create|createOne|insert|insertOne|save|build)\(/;

/** A sensitive column a response carries: `passwordHash`, or `author.passwordHash` through a relation. */
interface ExposedColumn {
  path: string;
  column: ColumnFact;
}

/**
 * The cross-file half of `no-entity-leak`: a response that sends a record a
 * service or helper returned unshaped, or that a project helper or wrapper
 * class puts into the response (`sendResponse(res, 200, user)`,
 * `new ApiResponse(200, user)`), when the entity's schema shows columns that
 * must never reach a client (password hashes, reset tokens, API keys) and
 * nothing strips them (`select: false`, `@Exclude()` with a class
 * serializer, a `toJSON` transform, `delete user.passwordHash` before sending).
 * Also a relation loaded whole with the records (`include: { author: true }`,
 * `.populate('author')`, `relations: ['author']`) whose entity has such columns:
 * the schema of another file is what shows it.
 */
const noEntityLeakProject: ProjectCheck = {
  name: 'no-entity-leak',
  category: 'entity-leak',
  check(facts) {
    const findings: ProjectFinding[] = [];
    for (const response of facts.responses) {
      const payload = response.payload;
      if (payload.kind !== 'entity') continue;
      const entity = findEntity(facts, payload.entity);
      if (!entity) continue;
      // A record read and sent in the handler itself is the ESLint rule's; this half sees what other files hide: the
      // service it came through, or (for a read that leaves some columns out, `User.find({}, { password: 0 })`, which
      // the ESLint rule takes as shaped) the schema in another file that shows what the exclusion left in.
      const crossFile = response.via.length > 0 || response.carriedBy !== undefined;
      const excludedOnly = !crossFile && (payload.omitted?.length ?? 0) > 0 && entity.at.file !== response.at.file;
      // A record this request creates (`new User(req.body)`) holds no reset token or API key yet: only its password.
      const created = CREATED_RECORD.test(response.source.code);
      const own = (crossFile || excludedOnly) && !payload.shaped
        ? getExposedColumns(entity, payload.omitted, payload.forced).filter(({ column }) => !created || namesPassword(column.name))
        : [];
      const loaded = getExposedRelationColumns(facts, payload.relations ?? []);
      if (own.length === 0 && loaded.length === 0) continue;
      const exposed = [...own, ...loaded];
      const columns = exposed.map(({ path }) => `\`${path}\``).join(', ');
      const source = response.via[0];
      const step = source ?? response.carriedBy;
      const records = payload.many ? 'records' : 'record';
      let lead: string;
      if (own.length === 0) lead = `This response sends the \`${entity.name}\` ${records} with ${describeRelations(payload.relations ?? [], loaded)} loaded whole`;
      else if (excludedOnly) lead = `This response sends the \`${entity.name}\` ${records} read without ${payload.omitted!.map((name) => `\`${name}\``).join(', ')} only`;
      else if (source) lead = `This response sends the \`${entity.name}\` ${records} that \`${source.name}\` returns as ${payload.many ? 'they are' : 'it is'}`;
      else lead = `This response sends the whole \`${entity.name}\` ${records} through \`${step!.name}\``;
      const fix = own.length === 0 ? `select only the fields of ${describeRelations(payload.relations ?? [], loaded, false)} the client needs` : 'map it to a DTO or select only the fields the client needs';
      findings.push({
        at: response.at,
        message: `${lead}, with ${columns}; ${fix}.`,
        related: [
          ...(step ? [{ at: step.at, message: source ? `\`${source.name}\` returns the unshaped \`${entity.name}\`.` : `\`${step.name}\` carries the record into the response unshaped.` }] : []),
          { at: exposed[0]!.column.at, message: `\`${exposed[0]!.column.name}\` is declared here.` },
        ],
      });
    }
    return findings;
  },
  refute(facts) {
    // Records of an entity whose schema the analyzer has read and that carry nothing sensitive (or strip it);
    // a response that also carries a record with something sensitive (`{ user, posts }`) is not refuted.
    const isHarmless = (response: ResponseFact) => {
      const payload = response.payload;
      const entity = findEntity(facts, payload.entity);
      return payload.kind === 'entity' && entity !== undefined
        && getExposedColumns(entity, payload.omitted, payload.forced).length === 0
        && getExposedRelationColumns(facts, payload.relations ?? []).length === 0;
    };
    const sameLine = (a: ResponseFact, b: ResponseFact) => a.at.file === b.at.file && a.at.line === b.at.line;
    return facts.responses
      .filter((response) => isHarmless(response) && facts.responses.every((other) => !sameLine(response, other) || isHarmless(other) || other.payload.kind === 'fields'))
      .map((response) => response.at);
  },
};

export default noEntityLeakProject;

function findEntity(facts: ProjectFacts, name: string): EntityFact | undefined {
  return facts.entities.find((candidate) => candidate.name === name);
}

/** Sensitive columns a record carries: not hidden by the ORM setup (unless the query forced them in), not taken off. */
function getExposedColumns(entity: EntityFact, omitted: readonly string[] = [], forced: readonly string[] = []): ExposedColumn[] {
  return entity.columns
    .filter((column) => column.sensitive && (!column.hidden || forced.includes(column.name)) && !omitted.includes(column.name))
    .map((column) => ({ path: column.name, column }));
}

/** Sensitive columns of relations loaded whole, by path (`author.passwordHash`, `comments.author.apiKey`). */
function getExposedRelationColumns(facts: ProjectFacts, relations: readonly ResponseRelation[], prefix = ''): ExposedColumn[] {
  return relations.flatMap((relation) => {
    const entity = findEntity(facts, relation.entity);
    if (!entity) return [];
    const path = `${prefix}${relation.name}.`;
    const own = relation.shaped ? [] : getExposedColumns(entity, relation.omitted).map(({ column }) => ({ path: `${path}${column.name}`, column }));
    return [...own, ...getExposedRelationColumns(facts, relation.relations ?? [], path)];
  });
}

/** `` `author` (`User`) `` for the top-level relations whose columns are exposed. */
function describeRelations(relations: readonly ResponseRelation[], exposed: readonly ExposedColumn[], withEntity = true): string {
  const names = new Set(exposed.map(({ path }) => path.split('.')[0]!));
  return relations
    .filter((relation) => names.has(relation.name))
    .map((relation) => (withEntity ? `\`${relation.name}\` (\`${relation.entity}\`)` : `\`${relation.name}\``))
    .join(' and ');
}
