import { ts } from 'ts-morph';
import type { EntityFact, ResponseFact } from '@redline/core';
import type { AnalyzedFile } from '../project/analyzed-file.js';
import { getCodeSpan } from '../project/code-span.js';
import { skipOuterExpressions } from '../project/lexical-scope.js';
import type { FunctionSummaries } from './function-summaries.js';

const RESPONSE_OBJECTS = new Set(['res', 'response', 'reply', 'resp']);
const CONTEXT_OBJECTS = new Set(['c', 'ctx', 'context']);

/** A route handler to trace: the function, its file, and whether its return value is the response (NestJS). */
export interface HandlerToTrace {
  fn: ts.Node;
  file: AnalyzedFile;
  returnIsResponse: boolean;
}

/**
 * Responses whose payload the summaries trace to an ORM read: whole records
 * (`res.json(user)`, `{ data: users }`) and fields copied off a record
 * (`{ id: order.id }`), in the handler itself or through services. Checks
 * decide what matters: the entity-leak check only the cross-function ones.
 */
export function traceResponses(handlers: readonly HandlerToTrace[], summaries: FunctionSummaries, entities: readonly EntityFact[]): ResponseFact[] {
  const facts: ResponseFact[] = [];
  const seen = new Set<ts.Node>();
  for (const handler of handlers) {
    for (const { sink, payload } of findSinks(handler)) {
      if (seen.has(sink)) continue;
      seen.add(sink);
      const at = getCodeSpan(sink, handler.file.sourceFile, handler.file.relativePath);
      for (const { value, field } of expandPayload(payload)) {
        const traced = summaries.traceValue(value, handler.fn, handler.file);
        const entity = traced && findEntity(traced.read.model, traced.read.orm, entities);
        if (!traced || !entity) continue;
        const { read } = traced;
        facts.push({
          at,
          payload: field !== undefined || traced.fields
            ? { kind: 'fields', entity: entity.name, fields: field !== undefined ? [field] : traced.fields! }
            : { kind: 'entity', entity: entity.name, many: read.many, shaped: read.shaped, ...(read.selected ? { selected: read.selected } : {}) },
          source: traced.source,
          via: traced.via,
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
  if (!ts.isObjectLiteralExpression(node)) return [{ value: node }];
  return node.properties.flatMap((property) => {
    if (ts.isShorthandPropertyAssignment(property)) return [{ value: property.name }];
    if (!ts.isPropertyAssignment(property)) return [];
    const value = skipOuterExpressions(property.initializer);
    if (ts.isPropertyAccessExpression(value)) return [{ value: value.expression, field: value.name.text }];
    return [{ value }];
  });
}

function findSinks(handler: HandlerToTrace): { sink: ts.Node; payload: ts.Expression }[] {
  const sinks: { sink: ts.Node; payload: ts.Expression }[] = [];
  const visit = (node: ts.Node): void => {
    const payload = getSinkPayload(node);
    if (payload) {
      sinks.push({ sink: node, payload: payload.value });
    } else if (handler.returnIsResponse && ts.isReturnStatement(node) && node.expression && isDirectlyIn(node, handler.fn)) {
      sinks.push({ sink: node, payload: node.expression });
    }
    ts.forEachChild(node, visit);
  };
  visit(handler.fn);
  return sinks;
}

/**
 * The body a node sends, if it is a response sink: `res.json(x)`,
 * `res.status(200).send(x)`, `reply.send(x)`, `c.json(x)`, `NextResponse.json(x)`,
 * `Response.json(x)`, `ctx.body = x`; `receiver` names the object it is sent through.
 */
export function getSinkPayload(node: ts.Node): { value: ts.Expression; receiver: string } | undefined {
  if (ts.isBinaryExpression(node)) {
    const isBody = node.operatorToken.kind === ts.SyntaxKind.EqualsToken && /^(?:ctx|context)(?:\.response)?\.body$/.test(node.left.getText());
    return isBody ? { value: node.right, receiver: 'ctx' } : undefined;
  }
  if (!ts.isCallExpression(node)) return undefined;
  const callee = node.expression;
  const first = node.arguments[0];
  if (!first || !ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const owner = callee.expression.getText();
  if (method === 'json' && (owner === 'NextResponse' || owner === 'Response')) return { value: first, receiver: owner };
  let root: ts.Expression = callee.expression;
  while (ts.isCallExpression(root) || ts.isPropertyAccessExpression(root)) root = root.expression;
  if (!ts.isIdentifier(root)) return undefined;
  if ((method === 'json' || method === 'send') && RESPONSE_OBJECTS.has(root.text)) return { value: first, receiver: root.text };
  if (method === 'json' && CONTEXT_OBJECTS.has(root.text)) return { value: first, receiver: root.text };
  return undefined;
}

function isDirectlyIn(node: ts.Node, fn: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current === fn) return true;
    if (ts.isFunctionLike(current)) return false;
  }
  return false;
}

/** The entity a read refers to: Prisma's `user` delegate is model `User`; a Mongoose `UserModel` is `User`. */
export function findEntity(model: string, orm: string, entities: readonly EntityFact[]): EntityFact | undefined {
  const wanted = model.toLowerCase();
  const candidates = [wanted, wanted.replace(/model$/, ''), wanted.replace(/entity$/, '')];
  return entities.find((entity) => (orm === 'prisma' ? entity.orm === 'prisma' : true) && candidates.includes(entity.name.toLowerCase()));
}
