import ts from '../project/typescript.cjs';
import type { CodeSpan, EntityFact, ResponseFact, ResponseRelation } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getCodeSpan } from '../project/code-span.js';
import { skipOuterExpressions } from '../project/lexical-scope.js';
import type { FunctionSummaries } from './function-summaries.js';
import type { IncludedRelation } from './orm-options.js';
import { getRequestPropertyPath } from './request-records.js';
import { getSinkPayload } from './response-sinks.js';
import { isShapedByResponseSchema } from './response-schemas.js';

/** A route handler to trace: the function, its file, and whether its return value is the response (NestJS). */
export interface HandlerToTrace {
  fn: ts.Node;
  file: AnalyzedFile;
  returnIsResponse: boolean;
}

/**
 * Responses whose payload the summaries trace to an ORM read: whole records
 * (`res.json(user)`, `{ data: users }`) and fields copied off a record
 * (`{ id: order.id }`), in the handler itself or through services, sent
 * directly or through a project helper (`sendResponse(res, 200, user)`).
 * Checks decide what matters: the entity-leak check only the cross-function ones.
 */
export function traceResponses(handlers: readonly HandlerToTrace[], summaries: FunctionSummaries, entities: readonly EntityFact[]): ResponseFact[] {
  const facts: ResponseFact[] = [];
  const seen = new Set<ts.Node>();
  for (const handler of handlers) {
    // A Fastify response schema sends only the fields it declares, whatever the handler hands it.
    if (isShapedByResponseSchema(handler.fn, handler.file)) continue;
    for (const { sink, payloads, omitted: takenOff, helper } of findSinks(handler, summaries)) {
      if (seen.has(sink)) continue;
      seen.add(sink);
      const at = getCodeSpan(sink, handler.file.sourceFile, handler.file.relativePath);
      for (const { value, field } of payloads.flatMap(expandPayload)) {
        const traced = summaries.traceValue(value, handler.fn, handler.file);
        const entity = traced && findEntity(traced.read.model, traced.read.orm, entities);
        if (!traced || !entity) continue;
        const { read } = traced;
        // `{ data: result.data }` where the service returned `{ meta, data: users }`: the records, not a copied column.
        const copiedField = field !== undefined && traced.wrapperKey !== field ? field : undefined;
        const carriedBy = helper ?? traced.carriedBy;
        const omitted = [...(read.omitted ?? []), ...(traced.omitted ?? []), ...(takenOff ?? [])];
        // A relation the code replaced or deleted (`{ ...article, author: toProfile(article.author) }`) is not sent as loaded.
        const relations = resolveRelations((read.relations ?? []).filter((relation) => !omitted.includes(relation.name)), entity, entities);
        facts.push({
          at,
          payload: copiedField !== undefined || traced.fields
            ? { kind: 'fields', entity: entity.name, fields: copiedField !== undefined ? [copiedField] : traced.fields! }
            : {
                kind: 'entity',
                entity: entity.name,
                many: read.many,
                shaped: read.shaped,
                ...(read.selected ? { selected: read.selected } : {}),
                ...(omitted.length ? { omitted } : {}),
                ...(read.forced ? { forced: read.forced } : {}),
                ...(relations.length ? { relations } : {}),
              },
          source: traced.source,
          via: traced.via,
          ...(carriedBy ? { carriedBy } : {}),
        });
      }
    }
  }
  return facts;
}

/**
 * The values a payload carries: the payload itself, the records that
 * `{ user }` / `{ data: users }` wrap, and fields copied off a record
 * (`{ id: order.id }` → the record `order`, field `id`).
 */
function expandPayload(payload: ts.Expression): { value: ts.Expression; field?: string }[] {
  const node = skipOuterExpressions(payload);
  // `{ ...user, password: undefined }` is one record with fields taken off; the summaries read it whole.
  if (!ts.isObjectLiteralExpression(node) || node.properties.some(ts.isSpreadAssignment)) return [{ value: node }];
  return node.properties.flatMap((property) => {
    if (ts.isShorthandPropertyAssignment(property)) return [{ value: property.name }];
    if (!ts.isPropertyAssignment(property)) return [];
    const value = skipOuterExpressions(property.initializer);
    // `{ id: order.id }` copies a field; `{ user: req.user }` sends what middleware loaded.
    if (ts.isPropertyAccessExpression(value) && !getRequestPropertyPath(value)) return [{ value: value.expression, field: value.name.text }];
    return [{ value }];
  });
}

/** A place a handler sends a response: the node a reviewer looks at, the body, and the project helper that sends it. */
interface Sink {
  sink: ts.Node;
  payloads: ts.Expression[];
  /** Fields the helper takes off the payloads before sending. */
  omitted?: string[];
  helper?: { name: string; at: CodeSpan };
}

function findSinks(handler: HandlerToTrace, summaries: FunctionSummaries): Sink[] {
  const sinks: Sink[] = [];
  const visit = (node: ts.Node): void => {
    const payload = getSinkPayload(node);
    const helperCall = !payload && ts.isCallExpression(node) ? summaries.responseHelpers.match(node, handler.fn, handler.file) : undefined;
    if (payload) {
      sinks.push({ sink: node, payloads: [payload.value] });
    } else if (helperCall) {
      sinks.push({ sink: node, payloads: helperCall.payloads, omitted: helperCall.omitted, helper: helperCall.helper });
    } else if (handler.returnIsResponse && ts.isReturnStatement(node) && node.expression && isDirectlyIn(node, handler.fn)) {
      sinks.push({ sink: node, payloads: [node.expression] });
    }
    ts.forEachChild(node, visit);
  };
  visit(handler.fn);
  // `({ ctx }) => ctx.db.user.findMany()`: a concise body is the returned value.
  if (handler.returnIsResponse && ts.isArrowFunction(handler.fn) && !ts.isBlock(handler.fn.body)) {
    sinks.push({ sink: handler.fn.body, payloads: [handler.fn.body] });
  }
  return sinks;
}

function isDirectlyIn(node: ts.Node, fn: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current === fn) return true;
    if (ts.isFunctionLike(current)) return false;
  }
  return false;
}

/**
 * The entities of the relations a read loads: by the name the query gives
 * (`include: [{ model: User }]`) or by the owner's relation of that name
 * (`author` → `User`). Names that are no relation (a Prisma `select` of a
 * scalar) drop out.
 */
function resolveRelations(included: readonly IncludedRelation[], owner: EntityFact, entities: readonly EntityFact[], depth = 0): ResponseRelation[] {
  if (depth > 3) return [];
  return included.flatMap((relation): ResponseRelation[] => {
    const targetName = relation.model ?? owner.relations?.find((candidate) => candidate.name === relation.name)?.target;
    const target = targetName ? findEntity(targetName, owner.orm === 'prisma' ? 'prisma' : 'model', entities) : undefined;
    if (!target) return [];
    const nested = resolveRelations(relation.relations ?? [], target, entities, depth + 1);
    return [{
      name: relation.name,
      entity: target.name,
      shaped: relation.shaped,
      ...(relation.omitted?.length ? { omitted: relation.omitted } : {}),
      ...(nested.length ? { relations: nested } : {}),
    }];
  });
}

/** The entity a read refers to: Prisma's `user` delegate is model `User`; a Mongoose `UserModel` is `User`. */
export function findEntity(model: string, orm: string, entities: readonly EntityFact[]): EntityFact | undefined {
  const wanted = model.toLowerCase();
  const candidates = [wanted, wanted.replace(/model$/, ''), wanted.replace(/entity$/, '')];
  return entities.find((entity) => (orm === 'prisma' ? entity.orm === 'prisma' : true) && candidates.includes(entity.name.toLowerCase()));
}
